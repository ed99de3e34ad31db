using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using LinkedInPosts.PowerShell.Cmdlets;

namespace LinkedInPosts.PowerShell.Registration
{
    /// <summary>
    /// The CSV column names each Register-LinkedInScheduledPost parameter binds from: its name and its
    /// aliases, read from the cmdlet's attributes so an alias added there is named in errors too.
    /// </summary>
    internal static class ParameterColumns
    {
        private static readonly Dictionary<string, string[]> Names = typeof(RegisterLinkedInScheduledPostCommand)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttributes(typeof(ParameterAttribute), false).Length > 0)
            .ToDictionary(
                p => p.Name,
                p => new[] { p.Name }.Concat(p.GetCustomAttributes(typeof(AliasAttribute), false).Cast<AliasAttribute>().SelectMany(a => a.AliasNames)).ToArray(),
                StringComparer.OrdinalIgnoreCase);

        private static readonly Dictionary<string, PropertyInfo> ByPropertyName = typeof(RegisterLinkedInScheduledPostCommand)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttributes(typeof(ParameterAttribute), false).Cast<ParameterAttribute>().Any(a => a.ValueFromPipelineByPropertyName))
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

        /// <summary>The parameters that bind from a row's columns, by name.</summary>
        public static IReadOnlyDictionary<string, PropertyInfo> BindingFromRows => ByPropertyName;

        /// <summary>
        /// The first column of <paramref name="row"/> that binds to a text parameter (Key, Text, FirstComment, Title, …) but holds
        /// a date (a DateTime or DateTimeOffset, as ConvertFrom-Json makes of date-like text); null when there is none.
        /// </summary>
        public static string? TextCellReadAsDate(PSObject? row)
        {
            if (row == null || row.BaseObject is string)
            {
                return null;
            }
            foreach (var parameter in ByPropertyName.Values)
            {
                if (parameter.PropertyType != typeof(string) && parameter.PropertyType != typeof(string[]))
                {
                    continue;
                }
                foreach (var name in Of(parameter.Name))
                {
                    var property = row.Properties[name];
                    var value = property?.Value is PSObject wrapped ? wrapped.BaseObject : property?.Value;
                    if (value is DateTime || value is DateTimeOffset)
                    {
                        return property!.Name;
                    }
                }
            }
            return null;
        }

        /// <summary>True when <paramref name="name"/> is one of the cmdlet's parameters.</summary>
        public static bool IsParameter(string name) => Names.ContainsKey(name);

        /// <summary>The parameter's name and aliases, in that order; empty for an unknown parameter.</summary>
        public static IReadOnlyList<string> Of(string parameter) =>
            Names.TryGetValue(parameter, out var names) ? names : Array.Empty<string>();
    }
}
