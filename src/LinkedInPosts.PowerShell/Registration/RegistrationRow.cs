using System.Management.Automation;
using LinkedInPosts.PowerShell.Cmdlets;

namespace LinkedInPosts.PowerShell.Registration
{
    /// <summary>
    /// One input of Register-LinkedInScheduledPost: its row number in the pipeline (1-based, null on the
    /// command line) and the row itself, and how errors about it name the row and its columns.
    /// </summary>
    internal sealed class RegistrationRow
    {
        public RegistrationRow(long? number, PSObject? row, string? text, bool fromCsv = true, long linesBefore = 0)
        {
            Number = number;
            _line = number == null ? null : number + 1 + linesBefore;
            Row = row;
            Target = (object?)row ?? text;
            FromCsv = fromCsv;
        }

        private readonly long? _line;

        /// <summary>
        /// The line breaks inside the cells of <paramref name="row"/> (a quoted post text with paragraphs): each moves every
        /// later row one line further down the file. Blank lines, which Import-Csv skips, cannot be seen here.
        /// </summary>
        public static long LineBreaksIn(PSObject? row)
        {
            if (row == null || row.BaseObject is string)
            {
                return 0;
            }
            long breaks = 0;
            foreach (var property in row.Properties)
            {
                if (property.MemberType == PSMemberTypes.NoteProperty && property.Value is string cell)
                {
                    for (var i = 0; i < cell.Length; i++)
                    {
                        // \n, \r\n, or a lone \r (old Mac files): one line break each.
                        breaks += cell[i] == '\n' || (cell[i] == '\r' && (i + 1 == cell.Length || cell[i + 1] != '\n')) ? 1 : 0;
                    }
                }
            }
            return breaks;
        }

        /// <summary>
        /// True for a row whose every cell is empty or blank: the rows a spreadsheet leaves after its last line (;;;; in a CSV
        /// from Excel). Nothing to register, and no mistake of the person's: skipped without an error.
        /// </summary>
        public bool IsEmpty
        {
            get
            {
                if (Row == null || Row.BaseObject is string)
                {
                    return false;
                }
                var cells = 0;
                foreach (var property in Row.Properties)
                {
                    if (property.MemberType != PSMemberTypes.NoteProperty)
                    {
                        continue;
                    }
                    cells++;
                    if (!IsBlank(property.Value))
                    {
                        return false;
                    }
                }
                return cells > 0;
            }
        }

        /// <summary>True when the rows come from a CSV (Import-Csv, ConvertFrom-Csv), so a row's number gives its line in the file.</summary>
        public bool FromCsv { get; }

        /// <summary>The row's number in the pipeline; null for a post given on the command line.</summary>
        public long? Number { get; }

        /// <summary>The row (an Import-Csv row or any object), or null on the command line.</summary>
        public PSObject? Row { get; }

        /// <summary>What the row's errors are about (their TargetObject): the row, else the post's text.</summary>
        public object? Target { get; }

        /// <summary>True when the time came from separate Date and Time columns.</summary>
        public bool TimeColumns { get; set; }

        /// <summary>The column(s) the row's time came from: "Date/Time" (as the row names them), else ScheduledAt's.</summary>
        public string TimeColumn => TimeColumns
            ? Column(nameof(RegisterLinkedInScheduledPostCommand.Date)) + "/" + Column(nameof(RegisterLinkedInScheduledPostCommand.Time))
            : Column(nameof(RegisterLinkedInScheduledPostCommand.ScheduledAt));

        /// <summary>The column the media came from when it is not the Media parameter's own (Path, ArticleThumbnail).</summary>
        public string? MediaColumn { get; set; }

        /// <summary>The text of a column no parameter binds (null when the row has no such column).</summary>
        public string? Cell(string name)
        {
            var value = Row?.Properties[name]?.Value;
            return value is PSObject wrapped ? wrapped.BaseObject?.ToString() : value?.ToString();
        }

        /// <summary>The row's column that a parameter took its value from (a name or alias), else the parameter's name.</summary>
        public string Column(string parameter)
        {
            if (Row != null)
            {
                foreach (var name in ParameterColumns.Of(parameter))
                {
                    var property = Row.Properties[name];
                    if (property != null)
                    {
                        return property.Name;
                    }
                }
            }
            return parameter;
        }

        /// <summary>The row's column for a parameter (a name or alias) or for a column of its own (Path), when its cell is filled in; else null.</summary>
        public string? FilledColumn(string parameter)
        {
            if (Row == null || Row.BaseObject is string)
            {
                return null;
            }
            var names = ParameterColumns.IsParameter(parameter) ? ParameterColumns.Of(parameter) : new[] { parameter };
            foreach (var name in names)
            {
                var property = Row.Properties[name];
                if (property != null && !IsBlank(property.Value))
                {
                    return property.Name;
                }
            }
            return null;
        }

        /// <summary>A cell with nothing in it: null, or text that is empty or blank.</summary>
        private static bool IsBlank(object? value)
        {
            var unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
            return unwrapped is null || (unwrapped is string text && text.Trim().Length == 0);
        }

        /// <summary>"Row 7 (CSV line 8), column 'When': " for a row of a CSV, "Row 7, column 'When': " for other piped objects, "-When: " otherwise.</summary>
        public string Prefix(string? column)
        {
            if (Number == null)
            {
                return column == null ? string.Empty : $"-{column}: ";
            }
            var where = FromCsv ? $"Row {Number} (CSV line {_line})" : $"Row {Number}";
            return column == null ? where + ": " : $"{where}, column '{column}': ";
        }
    }
}
