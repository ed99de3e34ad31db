using System;
using System.Collections.Generic;
using System.Linq;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Queue.Preflight
{
    /// <summary>
    /// May the connection post as each post's author? Two checks: the granted scopes (w_member_social to
    /// post as the member, w_organization_social as a page), and the author itself (the member, or a page
    /// the member has a posting role on), with New-LinkedInPost's rule. One finding per connection and
    /// author, since every post of that author fails the same way.
    /// </summary>
    internal static class AuthorCheck
    {
        public static IEnumerable<PreflightFinding> Run(PreflightConnection connection, IReadOnlyList<DuePost> posts)
        {
            var findings = new List<PreflightFinding>();
            if (connection.Scopes == null)
            {
                findings.Add(new PreflightFinding(PreflightSeverity.Info, PreflightChecks.Scope,
                    $"Connection '{connection.Name}' does not know its scopes (a token brought with -AccessToken), so whether it may post is left to LinkedIn.",
                    null).About(posts[0].Post, posts.Count));
            }
            foreach (var byAuthor in posts.Where(p => p.Author != null).GroupBy(p => p.Author!.ToString(), StringComparer.Ordinal))
            {
                var group = byAuthor.ToList();
                var author = group[0].Author!;
                var scope = author.EntityType == LinkedInUrn.Organization ? LinkedInScopes.OrganizationSocialWrite : LinkedInScopes.MemberSocialWrite;
                if (connection.Scopes != null && !connection.Scopes.Contains(scope, StringComparer.Ordinal))
                {
                    var reconnect = scope == LinkedInScopes.OrganizationSocialWrite
                        ? "Sign in with the page scopes (Connect-LinkedIn -Organization; the app needs the Community Management API product): " + connection.ReconnectCommand
                        : "Sign in again with the w_member_social scope (the app needs the Share on LinkedIn product): " + connection.ReconnectCommand;
                    findings.Add(new PreflightFinding(PreflightSeverity.Error, PreflightChecks.Scope,
                        $"Connection '{connection.Name}' was not granted {scope}, which posting as {author} needs (granted: {string.Join(" ", connection.Scopes)}): {TokenCheck.Count(group.Count)} would fail.",
                        reconnect).About(group[0].Post, group.Count));
                    continue;
                }
                var why = connection.WhyCannotPostAs?.Invoke(author);
                if (why != null)
                {
                    findings.Add(new PreflightFinding(PreflightSeverity.Error, PreflightChecks.Author,
                        why + " " + TokenCheck.Count(group.Count) + " by " + author + " would fail.",
                        "Give those posts a connection that can post as " + author + ", or ask a page administrator for a posting role and sign in again: " + connection.ReconnectCommand)
                        .About(group[0].Post, group.Count));
                }
            }
            return findings;
        }
    }
}
