using System.Text.RegularExpressions;

namespace LinkedInPosts.HelpBuilder;

/// <summary>Everything Get-Help shows for one cmdlet, taken from its metadata and its documentation comments.</summary>
internal sealed partial record CommandHelp(
    CmdletEntry Cmdlet,
    string Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<SyntaxItem> Syntax,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    IReadOnlyList<(string Code, IReadOnlyList<string> Remarks)> Examples,
    IReadOnlyList<string> RelatedCommands,
    IReadOnlyList<string> Gaps)
{
    public static CommandHelp From(CmdletEntry cmdlet, DocComments docs, IReadOnlyList<CmdletEntry> all)
    {
        var typeId = "T:" + cmdlet.Type.FullName;
        var gaps = new List<string>();
        var description = docs.Summary(typeId);
        if (description.Count == 0)
        {
            gaps.Add($"{cmdlet.Name} ({cmdlet.Type.FullName}) has no <summary>: its first sentence is the cmdlet's synopsis, the rest its description.");
        }
        var examples = docs.Examples(typeId);
        if (examples.Count == 0)
        {
            gaps.Add($"{cmdlet.Name} ({cmdlet.Type.FullName}) has no <example><code>...</code><para>what it does</para></example>.");
        }

        var parameters = cmdlet.Parameters.Select(p => ParameterHelp.From(cmdlet, p, docs, gaps)).ToList();
        // The parameters PowerShell adds for SupportsPaging and SupportsShouldProcess: no doc comment describes them.
        if (cmdlet.SupportsPaging)
        {
            parameters.Add(ParameterHelp.Added("IncludeTotalCount", "System.Management.Automation.SwitchParameter", "Reports the total number of objects that match, before the objects themselves."));
            parameters.Add(ParameterHelp.Added("Skip", "System.UInt64", "Ignores this many objects, then writes the rest."));
            parameters.Add(ParameterHelp.Added("First", "System.UInt64", "Writes only this many objects."));
        }
        if (cmdlet.SupportsShouldProcess)
        {
            parameters.Add(ParameterHelp.Added("WhatIf", "System.Management.Automation.SwitchParameter", "Shows what would happen if the cmdlet runs. Nothing is changed.", "wi"));
            parameters.Add(ParameterHelp.Added("Confirm", "System.Management.Automation.SwitchParameter", "Prompts you for confirmation before each change.", "cf"));
        }

        var related = all.Where(other => other != cmdlet && other.Noun == cmdlet.Noun).Select(other => other.Name)
            .Concat(docs.SeeAlso(typeId).Select(cref => all.FirstOrDefault(other => "T:" + other.Type.FullName == cref)?.Name).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .ToList();

        return new CommandHelp(
            cmdlet,
            description.Count == 0 ? "" : FirstSentence(description[0]),
            description,
            cmdlet.ParameterSets.Select(set => SyntaxItem.For(set, parameters)).ToList(),
            parameters,
            TypeHelp.Inputs(cmdlet),
            cmdlet.OutputTypes.Select(type => TypeHelp.For(type, docs)).ToList(),
            examples,
            related,
            gaps);
    }

    /// <summary>Longer than this, a first sentence is cut at its first colon (outside parentheses) for the synopsis.</summary>
    public const int LongSynopsis = 160;

    // The synopsis is the summary's first sentence; a long one that explains itself after a colon keeps
    // what comes before it ("Changes a post in the schedule queue: a new time ..." -> "Changes a post in the schedule queue.").
    private static string FirstSentence(string paragraph)
    {
        var match = SentenceEnd().Match(paragraph);
        var sentence = match.Success ? paragraph.Substring(0, match.Index + 1) : paragraph;
        if (sentence.Length <= LongSynopsis)
        {
            return sentence;
        }
        var depth = 0;
        for (var i = 0; i < sentence.Length; i++)
        {
            depth += sentence[i] == '(' ? 1 : sentence[i] == ')' ? -1 : 0;
            if (sentence[i] == ':' && depth == 0)
            {
                return sentence.Substring(0, i) + ".";
            }
        }
        return sentence;
    }

    // A full stop followed by a space and a capital: "queue. Takes" ends a sentence, "e.g. a" or "0.5 s" does not.
    [GeneratedRegex(@"[.!?](?=\s+[A-Z])")]
    private static partial Regex SentenceEnd();
}

/// <summary>One line of SYNTAX: a parameter set and its parameters in the order Get-Help prints them.</summary>
internal sealed record SyntaxItem(string SetName, IReadOnlyList<(ParameterHelp Parameter, ParameterSetEntry Entry)> Parameters)
{
    public static SyntaxItem For(string set, IReadOnlyList<ParameterHelp> parameters)
    {
        // The parameters PowerShell adds (no Source) are in every set, optional and named.
        ParameterSetEntry? EntryIn(ParameterHelp parameter) =>
            parameter.Source is null ? new ParameterSetEntry(set, false, null, false, false) : parameter.Source.In(set);
        var inSet = parameters
            .Select(p => (Parameter: p, Entry: EntryIn(p)))
            .Where(x => x.Entry is not null)
            .Select(x => (x.Parameter, Entry: x.Entry!))
            .ToList();
        // Positional parameters first, by position; then the mandatory named ones; then the rest as declared.
        var ordered = inSet.Where(x => x.Entry.Position is not null).OrderBy(x => x.Entry.Position)
            .Concat(inSet.Where(x => x.Entry.Position is null && x.Entry.Mandatory))
            .Concat(inSet.Where(x => x.Entry.Position is null && !x.Entry.Mandatory))
            .ToList();
        return new SyntaxItem(set, ordered);
    }
}

/// <summary>A type in INPUTS or OUTPUTS.</summary>
internal sealed record TypeHelp(string Name, string Description)
{
    public static TypeHelp For(Type type, DocComments docs)
    {
        var summary = docs.Summary("T:" + type.FullName);
        return new TypeHelp(type.FullName!, summary.Count > 0 ? summary[0] : "");
    }

    public static IReadOnlyList<TypeHelp> Inputs(CmdletEntry cmdlet)
    {
        var inputs = cmdlet.Parameters.Where(p => p.Sets.Any(s => s.ByValue))
            .Select(p => new TypeHelp(p.Property.PropertyType.FullName!, "Bound to -" + p.Name + "."))
            .ToList();
        var byName = cmdlet.Parameters.Where(p => p.Sets.Any(s => s.ByPropertyName)).Select(p => "-" + p.Name).ToList();
        if (byName.Count > 0)
        {
            inputs.Add(new TypeHelp("System.Management.Automation.PSObject",
                "Objects (such as Import-Csv rows) whose properties are named like these parameters or their aliases: " + string.Join(", ", byName) + "."));
        }
        if (inputs.Count == 0)
        {
            inputs.Add(new TypeHelp("None", "This cmdlet takes no pipeline input."));
        }
        return inputs;
    }
}
