using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// One cell that holds a list: values separated by ';', each trimmed (<c>a.png;b.png</c>). A value that holds a ';'
    /// itself, such as an alt text "Revenue; 2024", is written in double quotes, a quote inside it doubled, as CSV does
    /// for its own cells: <c>"Revenue; 2024";Costs</c>. A part that only looks quoted (text after its closing quote, or
    /// no closing quote) is read as it is written, so a cell written before quoting existed reads as it always did.
    /// </summary>
    internal static class ListCell
    {
        private const char Quote = '"';

        /// <summary>The cell's values, in order; empty ones are kept in place unless <paramref name="dropEmpty"/>.</summary>
        public static IReadOnlyList<string> Split(string? cell, char separator, bool dropEmpty)
        {
            if (cell == null)
            {
                return Array.Empty<string>();
            }
            var values = new List<string>();
            var at = 0;
            while (true)
            {
                values.Add(ReadValue(cell, separator, ref at));
                if (at >= cell.Length)
                {
                    break;
                }
                at++;
            }
            var list = dropEmpty ? values.Where(v => v.Length > 0).ToList() : values;
            return list.Count == 1 && list[0].Length == 0 ? Array.Empty<string>() : list;
        }

        /// <summary>The values as one cell that <see cref="Split"/> reads back as they are (null is an empty value).</summary>
        public static string Join(IEnumerable<string?> values, char separator) =>
            string.Join(new string(separator, 1), values.Select(v => Written(v ?? string.Empty, separator)));

        private static string Written(string value, char separator)
        {
            // Quoted when reading it plain would change it: a separator would split it, a leading quote would be
            // taken for quoting, and the spaces around a plain value are trimmed.
            var plain = value.IndexOf(separator) < 0 && (value.Length == 0 || (value[0] != Quote && value.Trim().Length == value.Length));
            return plain ? value : Quote + value.Replace("\"", "\"\"") + Quote;
        }

        /// <summary>The value that starts at <paramref name="at"/>; leaves <paramref name="at"/> on the separator after it, or at the end.</summary>
        private static string ReadValue(string cell, char separator, ref int at)
        {
            var start = at;
            var first = start;
            while (first < cell.Length && char.IsWhiteSpace(cell[first]))
            {
                first++;
            }
            if (first < cell.Length && cell[first] == Quote && TryReadQuoted(cell, separator, first, out var quoted, out var end))
            {
                at = end;
                return quoted;
            }
            var next = cell.IndexOf(separator, start);
            at = next < 0 ? cell.Length : next;
            return cell.Substring(start, at - start).Trim();
        }

        private static bool TryReadQuoted(string cell, char separator, int open, out string value, out int end)
        {
            var text = new StringBuilder();
            var i = open + 1;
            while (i < cell.Length)
            {
                if (cell[i] != Quote)
                {
                    text.Append(cell[i++]);
                    continue;
                }
                if (i + 1 < cell.Length && cell[i + 1] == Quote)
                {
                    text.Append(Quote);
                    i += 2;
                    continue;
                }
                // The closing quote: only spaces may follow it before the separator or the end.
                i++;
                while (i < cell.Length && char.IsWhiteSpace(cell[i]))
                {
                    i++;
                }
                if (i == cell.Length || cell[i] == separator)
                {
                    value = text.ToString();
                    end = i;
                    return true;
                }
                break;
            }
            value = string.Empty;
            end = open;
            return false;
        }
    }
}
