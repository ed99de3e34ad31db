using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LinkedInPosts.PowerShell.Cmdlets;

namespace LinkedInPosts.PowerShell.Registration
{
    /// <summary>
    /// The columns of piped rows that a parameter given on the command line shadows. PowerShell binds a parameter from a
    /// row's column only when the command line left it out, so such a cell is not used: -TimeZone Europe/Berlin put a
    /// row's 09:30 of its own TimeZone column America/New_York at 09:30 in Berlin, without a word. Each shadowed
    /// column is said once per import, with the first row whose cell differs from the command line's value.
    /// </summary>
    internal sealed class ShadowedColumns
    {
        private readonly Dictionary<string, string> _commandLine = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _said = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Takes the values the row-binding parameters have before the first row: the command line's (and $PSDefaultParameterValues').</summary>
        public ShadowedColumns(RegisterLinkedInScheduledPostCommand command)
        {
            foreach (var parameter in ParameterColumns.BindingFromRows)
            {
                // A delay-bind script block (-AltText { $_.Alt }) has no value yet: it reads each row, so shadows nothing.
                var value = parameter.Value.GetValue(command);
                if (command.MyInvocation.BoundParameters.ContainsKey(parameter.Key) && value != null)
                {
                    _commandLine[parameter.Key] = Text(value);
                }
            }
        }

        /// <summary>The warnings for the columns of <paramref name="row"/> that are shadowed and not said yet.</summary>
        public IEnumerable<string> Warnings(RegistrationRow row)
        {
            if (row.Row == null || row.Row.BaseObject is string || _commandLine.Count == _said.Count)
            {
                yield break;
            }
            foreach (var given in _commandLine.Where(g => !_said.Contains(g.Key)).ToList())
            {
                foreach (var column in ParameterColumns.Of(given.Key))
                {
                    var value = row.Row.Properties[column]?.Value;
                    var cell = value == null ? string.Empty : Text(value);
                    if (cell.Length > 0 && !string.Equals(cell, given.Value, StringComparison.OrdinalIgnoreCase))
                    {
                        _said.Add(given.Key);
                        yield return row.Prefix(column) + $"'{cell}' is not used: -{given.Key} '{given.Value}', given for the whole command (on the command line " +
                            $"or in $PSDefaultParameterValues), applies to every row: PowerShell binds a column only to a parameter left out. To take each row's {column}, leave -{given.Key} out.";
                        break;
                    }
                }
            }
        }

        private static string Text(object value)
        {
            var unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (unwrapped is IEnumerable list && !(unwrapped is string))
            {
                return string.Join(";", list.Cast<object?>().Select(item => item == null ? string.Empty : Text(item)));
            }
            return (unwrapped?.ToString() ?? string.Empty).Trim();
        }
    }
}
