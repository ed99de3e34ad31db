using System;

namespace LinkedInPosts.Core.Errors
{
    /// <summary>Input that LinkedIn would reject (or silently damage), caught before sending, or a 400 from LinkedIn.</summary>
    public sealed class LinkedInValidationException : LinkedInException
    {
        /// <summary>Creates the exception.</summary>
        public LinkedInValidationException(string field, string message, Exception? inner = null)
            : base(message, inner)
        {
            Field = field;
        }

        /// <summary>The field at fault, in the user's terms (e.g. <c>Commentary</c>, <c>Author</c>).</summary>
        public string Field { get; }

        /// <inheritdoc />
        public override string ErrorId => "LinkedInInvalid" + Field;
    }
}
