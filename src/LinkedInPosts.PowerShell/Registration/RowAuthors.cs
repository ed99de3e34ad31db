using System;
using System.Collections.Generic;
using System.Management.Automation;
using LinkedInPosts.Core.Auth;
using LinkedInPosts.Core.Content;
using LinkedInPosts.PowerShell.Connections;
using LinkedInPosts.PowerShell.Infrastructure;

namespace LinkedInPosts.PowerShell.Registration
{
    /// <summary>
    /// Who posts a row: its connection (looked up once per name for the whole import, in this session or
    /// the OS account's token store) and its author, the connection's member unless the row names one the
    /// connection can post as. A row that fails gets its error here.
    /// </summary>
    internal sealed class RowAuthors
    {
        private readonly Dictionary<string, LinkedInSession?> _sessions = new Dictionary<string, LinkedInSession?>(StringComparer.OrdinalIgnoreCase);
        private readonly LinkedInCmdlet _cmdlet;
        private readonly RegistrationReport _report;

        public RowAuthors(LinkedInCmdlet cmdlet, RegistrationReport report)
        {
            _cmdlet = cmdlet;
            _report = report;
        }

        /// <summary>The author of <paramref name="row"/> with <paramref name="connection"/>; null after writing why there is none.</summary>
        public LinkedInUrn? AuthorOf(RegistrationRow row, string connection, string? author)
        {
            var session = Session(connection);
            if (session == null)
            {
                var connect = Reconnect.CommandForNew(connection);
                _report.RowError(row,
                    $"There is no connection named '{connection}' in this session or in the token store of OS account {OsAccount.Current}, so the post could not be checked against it or published later.",
                    ErrorIds.NotConnected, ErrorCategory.AuthenticationError, null, row.Column("Connection"),
                    $"Run {connect} as the account that runs the queue, or name an existing connection in the Connection column (Get-LinkedInConnection lists them).");
                return null;
            }
            LinkedInUrn urn;
            try
            {
                urn = LinkedInUrn.ParseAuthor(string.IsNullOrWhiteSpace(author) ? session.Member : author!.Trim());
            }
            catch (FormatException exception)
            {
                _report.RowError(row, exception.Message, ErrorIds.InvalidUrn, ErrorCategory.InvalidArgument, exception, row.Column("Author"),
                    "Give a person (urn:li:person:…) or page (urn:li:organization:…) URN, or leave Author empty to post as the connection's member.");
                return null;
            }
            var notAllowed = session.WhyCannotPostAs(urn);
            if (notAllowed != null)
            {
                _report.RowError(row, notAllowed, ErrorIds.AuthorNotAllowed, ErrorCategory.PermissionDenied, null, row.Column("Author"),
                    "Use an author the connection can post as (Get-LinkedInConnection shows its member and pages), or another connection in the Connection column.");
                return null;
            }
            return urn;
        }

        private LinkedInSession? Session(string name)
        {
            if (!_sessions.TryGetValue(name, out var session))
            {
                session = _cmdlet.FindSession(name, out _);
                _sessions[name] = session;
            }
            return session;
        }
    }
}
