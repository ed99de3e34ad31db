using System.Text;
using LinkedInPosts.Core.Content;

namespace LinkedInPosts.Core.Tests.Content;

/// <summary>
/// Generated strings, weighted heavily towards reserved characters and half-formed mentions and
/// hashtags, through Escape and the reference parser. The seed is fixed so a failure reproduces.
/// </summary>
public class LittleTextPropertyTests
{
    private const int Seed = 20250611;
    private const int Count = 5000;

    private static readonly string[] Reserved = { "\\", "|", "{", "}", "@", "[", "]", "(", ")", "<", ">", "#", "*", "_", "~" };

    private static readonly string[] Ordinary =
    {
        "a", "Z", "q", "7", "0", " ", " ", ".", ":", "-", "!", "é", "ß", "日", "本", "م", "ש", "\u0301", "\u200D", "\u200F",
        "\r\n", "\n", "\t", "👍", "👍🏽", "👨‍👩‍👧", "🇫🇷", "❤️", "𠀀", "＃", "%", "\"",
    };

    // Pieces of syntax, whole and half-made, so mentions and templates appear (valid and broken) often.
    private static readonly string[] Fragments =
    {
        "@[Jane](urn:li:person:1)", "@[A (B)](urn:li:organization:22)", "@[x](urn:li:share:3)", "@[](urn:li:person:4)",
        "@[", "](", "](urn:li:person:5)", "urn:li:organization:", "urn:li:person:ab_-", "(urn:li:person:6)",
        "{hashtag|#|tag}", "{hashtag|＃|日本}", "{hashtag|", "|#|", "#tag", "#1", "C#", "ops@contoso.com",
        "\\(", "\\\\", "cafe\u0301", "#cafe\u0301",
    };

    public static IEnumerable<string> Corpus()
    {
        var random = new Random(Seed);
        for (var n = 0; n < Count; n++)
        {
            var pieces = random.Next(0, 40);
            var text = new StringBuilder();
            for (var p = 0; p < pieces; p++)
            {
                var roll = random.Next(100);
                var pool = roll < 50 ? Reserved : roll < 80 ? Ordinary : Fragments;
                text.Append(pool[random.Next(pool.Length)]);
            }
            yield return text.ToString();
        }
    }

    [Fact]
    public void Unescape_inverts_Escape_for_every_generated_string()
    {
        var failures = Corpus()
            .Where(text => LittleText.Unescape(LittleText.Escape(text)) != text)
            .Take(5)
            .Select(LittleTextAssert.Show)
            .ToList();

        Assert.True(failures.Count == 0, "Round trip failed for: " + string.Join(", ", failures));
    }

    [Fact]
    public void LinkedIn_keeps_every_generated_string_whole_and_shows_it_as_written()
    {
        var failures = new List<string>();
        int mentions = 0, hashtags = 0, rawWouldBeCut = 0;
        foreach (var text in Corpus())
        {
            var little = LittleText.Escape(text);
            var parsed = ReferenceLittleTextParser.Parse(little);
            if (parsed.Truncated || parsed.AsWritten != text)
            {
                failures.Add($"{LittleTextAssert.Show(text)} -> {LittleTextAssert.Show(little)} (cut: {parsed.Truncated}, shows {LittleTextAssert.Show(parsed.AsWritten)})");
                if (failures.Count == 5)
                {
                    break;
                }
            }
            mentions += parsed.Mentions.Count();
            hashtags += parsed.Hashtags.Count();
            rawWouldBeCut += ReferenceLittleTextParser.Parse(text).Truncated ? 1 : 0;
        }

        Assert.True(failures.Count == 0, "Escaped text was damaged:\n" + string.Join("\n", failures));

        // The corpus is worth something only if it exercises live elements and would break unescaped.
        Assert.True(mentions > 500, $"only {mentions} live mentions in the corpus");
        Assert.True(hashtags > 500, $"only {hashtags} live hashtags in the corpus");
        Assert.True(rawWouldBeCut > Count * 8 / 10, $"only {rawWouldBeCut} of {Count} strings would be cut unescaped");
    }

    [Fact]
    public void Every_backslash_Escape_writes_introduces_a_reserved_character()
    {
        // So the output is never ambiguous to LinkedIn, whatever it does with "\x" for other x.
        foreach (var text in Corpus())
        {
            var little = LittleText.Escape(text);
            for (var i = 0; i < little.Length; i++)
            {
                if (little[i] == '\\')
                {
                    Assert.True(i + 1 < little.Length && "\\|{}@[]()<>#*_~".Contains(little[i + 1]),
                        $"stray backslash at {i} in {LittleTextAssert.Show(little)}");
                    i++;
                }
            }
        }
    }

    [Fact]
    public void Escape_only_adds_backslashes()
    {
        // Removing every backslash Escape added must leave the input: nothing is reordered, split or normalised.
        foreach (var text in Corpus().Take(1000))
        {
            var little = LittleText.Escape(text);
            Assert.Equal(text.Replace("\\", ""), little.Replace("\\", ""));
        }
    }
}
