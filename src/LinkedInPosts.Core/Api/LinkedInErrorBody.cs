using System.Collections.Generic;
using System.Text.Json;

namespace LinkedInPosts.Core.Api
{
    /// <summary>
    /// The parts of LinkedIn's error envelopes we act on. LinkedIn answers in three shapes:
    /// <c>{message, serviceErrorCode, code, status}</c>, the BadRequest shape with
    /// <c>errorDetails.inputErrors[]</c>, and OAuth's <c>{error, error_description}</c>.
    /// </summary>
    internal sealed class LinkedInErrorBody
    {
        public string? Message { get; private set; }

        public int? ServiceErrorCode { get; private set; }

        public string? Code { get; private set; }

        /// <summary>The <c>code</c> of each <c>errorDetails.inputErrors[]</c> entry, e.g. DUPLICATE_POST.</summary>
        public List<string> InputErrorCodes { get; } = new List<string>();

        /// <summary>The field paths LinkedIn named in <c>inputErrors[].inputPath.fieldPath</c>, when it did.</summary>
        public List<string> InputErrorFields { get; } = new List<string>();

        public static LinkedInErrorBody Parse(string body)
        {
            var parsed = new LinkedInErrorBody();
            if (string.IsNullOrWhiteSpace(body))
            {
                return parsed;
            }
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return parsed;
                }
                parsed.Message = String(root, "message") ?? String(root, "error_description");
                parsed.Code = String(root, "code") ?? String(root, "error");
                if (root.TryGetProperty("serviceErrorCode", out var service) && service.ValueKind == JsonValueKind.Number && service.TryGetInt32(out var number))
                {
                    parsed.ServiceErrorCode = number;
                }
                if (root.TryGetProperty("errorDetails", out var details) && details.ValueKind == JsonValueKind.Object
                    && details.TryGetProperty("inputErrors", out var inputErrors) && inputErrors.ValueKind == JsonValueKind.Array)
                {
                    foreach (var inputError in inputErrors.EnumerateArray())
                    {
                        if (inputError.ValueKind != JsonValueKind.Object)
                        {
                            continue;
                        }
                        var code = String(inputError, "code");
                        if (code != null)
                        {
                            parsed.InputErrorCodes.Add(code);
                        }
                        if (inputError.TryGetProperty("inputPath", out var path) && path.ValueKind == JsonValueKind.Object)
                        {
                            var field = String(path, "fieldPath");
                            if (field != null)
                            {
                                parsed.InputErrorFields.Add(field);
                            }
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML page, say): the status alone decides, and the body is not echoed.
            }
            return parsed;
        }

        private static string? String(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
