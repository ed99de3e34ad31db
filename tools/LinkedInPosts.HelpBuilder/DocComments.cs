using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LinkedInPosts.HelpBuilder;

/// <summary>
/// The compiler's XML documentation file, rendered as the plain paragraphs Get-Help prints: &lt;c&gt; and
/// &lt;see cref&gt; become their text, &lt;para&gt; starts a paragraph, list items become "- " lines.
/// </summary>
internal sealed partial class DocComments
{
    private readonly Dictionary<string, XElement> _members;

    private DocComments(Dictionary<string, XElement> members) => _members = members;

    /// <summary>Reads the files; a member documented in several (it should not be) keeps its first.</summary>
    public static DocComments Load(IEnumerable<string> paths)
    {
        var members = paths.SelectMany(path => XDocument.Load(path).Descendants("member"))
            .Where(m => m.Attribute("name") is not null)
            .GroupBy(m => (string)m.Attribute("name")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return new DocComments(members);
    }

    /// <summary>The paragraphs of a member's &lt;summary&gt;; empty when it has none.</summary>
    public IReadOnlyList<string> Summary(string memberId) =>
        _members.TryGetValue(memberId, out var member) && member.Element("summary") is { } summary ? Paragraphs(summary) : [];

    /// <summary>The cref targets of a member's &lt;seealso&gt; elements, as member ids (T:Namespace.Type).</summary>
    public IReadOnlyList<string> SeeAlso(string memberId) =>
        _members.TryGetValue(memberId, out var member)
            ? member.Elements("seealso").Select(e => (string?)e.Attribute("cref")).OfType<string>().ToList()
            : [];

    /// <summary>A member's &lt;example&gt;s: the &lt;code&gt; of each, and its other text as remarks.</summary>
    public IReadOnlyList<(string Code, IReadOnlyList<string> Remarks)> Examples(string memberId)
    {
        if (!_members.TryGetValue(memberId, out var member))
        {
            return [];
        }
        return member.Elements("example")
            .Select(example => (
                Code: string.Join("\n", example.Elements("code").Select(code => Dedent(code.Value))),
                Remarks: Paragraphs(example, skip: "code")))
            .ToList();
    }

    private static IReadOnlyList<string> Paragraphs(XElement element, string? skip = null)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        void Break()
        {
            var text = Whitespace().Replace(current.ToString(), " ").Trim();
            if (text.Length > 0)
            {
                paragraphs.Add(text);
            }
            current.Clear();
        }
        void Walk(XNode node)
        {
            switch (node)
            {
                case XText text:
                    current.Append(text.Value);
                    break;
                case XElement child when child.Name.LocalName == skip:
                    break;
                case XElement child when child.Name.LocalName is "para" or "item":
                    Break();
                    if (child.Name.LocalName == "item")
                    {
                        current.Append("- ");
                    }
                    foreach (var inner in child.Nodes())
                    {
                        Walk(inner);
                    }
                    Break();
                    break;
                case XElement child when child.Name.LocalName is "see" or "seealso" or "paramref" or "typeparamref":
                    current.Append(child.Value.Length > 0 ? child.Value : ReferenceText(child));
                    break;
                case XElement child:
                    foreach (var inner in child.Nodes())
                    {
                        Walk(inner);
                    }
                    break;
            }
        }
        foreach (var node in element.Nodes())
        {
            Walk(node);
        }
        Break();
        return paragraphs;
    }

    // cref="T:LinkedInPosts.PowerShell.Queue.LinkedInScheduledPost" -> LinkedInScheduledPost; M:X.Y.Write(System.String) -> Write.
    private static string ReferenceText(XElement reference)
    {
        var name = (string?)reference.Attribute("cref") ?? (string?)reference.Attribute("langword") ?? (string?)reference.Attribute("name") ?? "";
        var withoutArguments = name.Split('(')[0];
        return withoutArguments.Substring(withoutArguments.LastIndexOfAny(['.', ':']) + 1);
    }

    // Code as written in the comment, without the indentation every line shares.
    private static string Dedent(string code)
    {
        var lines = code.Replace("\r\n", "\n").Split('\n').SkipWhile(string.IsNullOrWhiteSpace).Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse().ToList();
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l.Substring(indent).TrimEnd() : l.Trim()));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
