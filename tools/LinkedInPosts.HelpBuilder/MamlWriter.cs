using System.Text;
using System.Xml;

namespace LinkedInPosts.HelpBuilder;

/// <summary>
/// Writes MAML, the command help schema Get-Help reads from &lt;module&gt;/&lt;culture&gt;/&lt;assembly&gt;-Help.xml in
/// Windows PowerShell 5.1 and PowerShell 7 alike.
/// </summary>
internal static class MamlWriter
{
    private const string Msh = "http://msh";
    private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static void Write(IReadOnlyList<CommandHelp> commands, string path)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), NewLineChars = "\n" };
        using var xml = XmlWriter.Create(path, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("helpItems", Msh);
        xml.WriteAttributeString("schema", "maml");
        foreach (var command in commands)
        {
            WriteCommand(xml, command);
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteCommand(XmlWriter xml, CommandHelp help)
    {
        xml.WriteStartElement("command", "command", Command);
        xml.WriteAttributeString("xmlns", "maml", null, Maml);
        xml.WriteAttributeString("xmlns", "dev", null, Dev);

        xml.WriteStartElement("command", "details", Command);
        xml.WriteElementString("command", "name", Command, help.Cmdlet.Name);
        xml.WriteElementString("command", "verb", Command, help.Cmdlet.Verb);
        xml.WriteElementString("command", "noun", Command, help.Cmdlet.Noun);
        Description(xml, [help.Synopsis]);
        xml.WriteEndElement();

        Description(xml, help.Description);

        xml.WriteStartElement("command", "syntax", Command);
        foreach (var item in help.Syntax)
        {
            xml.WriteStartElement("command", "syntaxItem", Command);
            xml.WriteElementString("maml", "name", Maml, help.Cmdlet.Name);
            foreach (var (parameter, entry) in item.Parameters)
            {
                Parameter(xml, parameter, entry.Mandatory, entry.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named", withDescription: false);
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("command", "parameters", Command);
        foreach (var parameter in help.Parameters)
        {
            Parameter(xml, parameter, parameter.Required, parameter.Position, withDescription: true);
        }
        xml.WriteEndElement();

        Types(xml, "inputTypes", "inputType", help.Inputs);
        Types(xml, "returnValues", "returnValue", help.Outputs);

        xml.WriteStartElement("command", "examples", Command);
        for (var i = 0; i < help.Examples.Count; i++)
        {
            var (code, remarks) = help.Examples[i];
            xml.WriteStartElement("command", "example", Command);
            xml.WriteElementString("maml", "title", Maml, $"-------------------------- Example {i + 1} --------------------------");
            xml.WriteElementString("dev", "code", Dev, code);
            xml.WriteStartElement("dev", "remarks", Dev);
            foreach (var remark in remarks)
            {
                xml.WriteElementString("maml", "para", Maml, remark);
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("command", "relatedLinks", Command);
        foreach (var related in help.RelatedCommands)
        {
            xml.WriteStartElement("maml", "navigationLink", Maml);
            xml.WriteElementString("maml", "linkText", Maml, related);
            xml.WriteElementString("maml", "uri", Maml, "");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteEndElement();
    }

    private static void Parameter(XmlWriter xml, ParameterHelp parameter, bool required, string position, bool withDescription)
    {
        xml.WriteStartElement("command", "parameter", Command);
        xml.WriteAttributeString("required", required ? "true" : "false");
        xml.WriteAttributeString("variableLength", parameter.TypeName.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false");
        xml.WriteAttributeString("globbing", parameter.Globbing ? "true" : "false");
        xml.WriteAttributeString("pipelineInput", parameter.PipelineInput);
        xml.WriteAttributeString("position", position);
        xml.WriteAttributeString("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases));
        xml.WriteElementString("maml", "name", Maml, parameter.Name);
        if (withDescription)
        {
            Description(xml, parameter.Description);
        }
        if (!parameter.IsSwitch)
        {
            xml.WriteStartElement("command", "parameterValue", Command);
            xml.WriteAttributeString("required", "true");
            xml.WriteAttributeString("variableLength", parameter.TypeName.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false");
            xml.WriteString(parameter.TypeName);
            xml.WriteEndElement();
        }
        if (withDescription)
        {
            xml.WriteStartElement("dev", "type", Dev);
            xml.WriteElementString("maml", "name", Maml, parameter.TypeFullName);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Types(XmlWriter xml, string listName, string itemName, IReadOnlyList<TypeHelp> types)
    {
        xml.WriteStartElement("command", listName, Command);
        foreach (var type in types)
        {
            xml.WriteStartElement("command", itemName, Command);
            xml.WriteStartElement("dev", "type", Dev);
            xml.WriteElementString("maml", "name", Maml, type.Name);
            xml.WriteEndElement();
            Description(xml, type.Description.Length == 0 ? [] : [type.Description]);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Description(XmlWriter xml, IReadOnlyList<string> paragraphs)
    {
        xml.WriteStartElement("maml", "description", Maml);
        foreach (var paragraph in paragraphs)
        {
            xml.WriteElementString("maml", "para", Maml, paragraph);
        }
        xml.WriteEndElement();
    }
}
