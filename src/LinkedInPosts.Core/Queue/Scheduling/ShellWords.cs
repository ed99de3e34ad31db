using System.Collections.Generic;
using System.Text;

namespace LinkedInPosts.Core.Queue
{
    /// <summary>
    /// Splits a command as <c>/bin/sh</c> reads it into its words, for reading back the crontab lines this module
    /// writes: blanks separate words; '…' is literal; "…" is literal but for \ before \ $ ` and "; a bare \ takes
    /// the next character literally; quoted and bare parts of one word join. That is all of sh's quoting that
    /// <see cref="CrontabEntry"/> uses; expansions ($VAR, globbing) are not performed, as none is written.
    /// </summary>
    internal static class ShellWords
    {
        /// <summary>The words of <paramref name="command"/>; null when a quote is not closed.</summary>
        public static IReadOnlyList<string>? Split(string command)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            var inWord = false;
            for (var i = 0; i < command.Length; i++)
            {
                var character = command[i];
                switch (character)
                {
                    case ' ':
                    case '\t':
                        if (inWord)
                        {
                            words.Add(word.ToString());
                            word.Clear();
                            inWord = false;
                        }
                        continue;
                    case '\'':
                        var close = command.IndexOf('\'', i + 1);
                        if (close < 0)
                        {
                            return null;
                        }
                        word.Append(command, i + 1, close - i - 1);
                        i = close;
                        break;
                    case '"':
                        i = ReadDoubleQuoted(command, i + 1, word);
                        if (i < 0)
                        {
                            return null;
                        }
                        break;
                    case '\\' when i + 1 < command.Length:
                        word.Append(command[++i]);
                        break;
                    default:
                        word.Append(character);
                        break;
                }
                inWord = true;
            }
            if (inWord)
            {
                words.Add(word.ToString());
            }
            return words;
        }

        // From just after an opening ": appends the content to word; returns the index of the closing ", or -1.
        private static int ReadDoubleQuoted(string command, int start, StringBuilder word)
        {
            for (var i = start; i < command.Length; i++)
            {
                var character = command[i];
                if (character == '"')
                {
                    return i;
                }
                if (character == '\\' && i + 1 < command.Length && "\\$`\"".IndexOf(command[i + 1]) >= 0)
                {
                    character = command[++i];
                }
                word.Append(character);
            }
            return -1;
        }
    }
}
