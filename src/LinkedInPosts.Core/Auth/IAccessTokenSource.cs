using System.Threading;
using System.Threading.Tasks;

namespace LinkedInPosts.Core.Auth
{
    /// <summary>
    /// Hands the client a current access token for each call. The seam where refresh, expiry warnings
    /// and the protected token store plug in; the client never keeps the token anywhere else.
    /// </summary>
    public interface IAccessTokenSource
    {
        /// <summary>A token valid now, or a <see cref="Errors.LinkedInAuthException"/> saying how to get one.</summary>
        Task<string> GetAccessTokenAsync(CancellationToken cancellationToken);
    }

    /// <summary>A token the user handed over as is (from LinkedIn's token generator or a secret manager).</summary>
    public sealed class StaticAccessTokenSource : IAccessTokenSource
    {
        private readonly string _token;

        /// <summary>Wraps the token.</summary>
        public StaticAccessTokenSource(string token)
        {
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new System.ArgumentException("The access token is empty.", nameof(token));
            }
            _token = token.Trim();
        }

        /// <inheritdoc />
        public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult(_token);

        /// <summary>Never shows the token.</summary>
        public override string ToString() => "StaticAccessTokenSource(***)";
    }
}
