using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ContractCheck.Core.Rules;

/// <summary>Writes values as YAML flow text for the files ContractCheck writes (<c>contractcheck init</c>): plain where YAML reads it back as the same text, else double-quoted.</summary>
internal static partial class YamlText
{
    public static string Flow(string text) =>
        Plain().IsMatch(text) && !Reserved().IsMatch(text)
            ? text
            : "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string Flow(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray array => "[" + string.Join(", ", array.Select(Flow)) + "]",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => Flow(p.Key) + ": " + Flow(p.Value))) + "}",
        JsonValue value when value.TryGetValue(out string? text) => Flow(text),
        JsonValue value when value.TryGetValue(out bool flag) => flag ? "true" : "false",
        _ => node.ToJsonString(),
    };

    // Text a plain scalar keeps as it is: no indicator first, no flow punctuation, a colon only inside a word (builtin:http).
    [GeneratedRegex(@"^[A-Za-z0-9_./$+-]([A-Za-z0-9_ ./$+()*-]|:(?=[A-Za-z0-9_./-]))*$")]
    private static partial Regex Plain();

    // Plain text YAML would read as something else: booleans, null, numbers.
    [GeneratedRegex(@"^(true|false|yes|no|on|off|null|~|[-+]?[0-9.]+([eE][-+]?[0-9]+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reserved();
}
