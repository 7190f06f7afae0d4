using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContractCheck.Core.Schema;

namespace ContractCheck.Core.Probes;

/// <summary>
/// Fills <c>{{uuid}}</c>, <c>{{random}}</c> and <c>{{timestamp}}</c> in rules-file bodies, from the
/// run's seeded random source, so a create body can be unique per run and still reproducible.
/// </summary>
public static partial class Templates
{
    public static JsonNode? Fill(JsonNode? value, Random random) => value switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, Fill(p.Value, random)))),
        JsonArray arr => new JsonArray(arr.Select(i => Fill(i, random)).ToArray()),
        JsonValue v when v.TryGetValue(out string? s) && s.Contains("{{", StringComparison.Ordinal) => JsonValue.Create(Fill(s, random)),
        _ => value?.DeepClone(),
    };

    /// <summary>True when the text holds a placeholder that makes a new value each time it is filled.</summary>
    public static bool HasPlaceholder(string text) => Placeholder().IsMatch(text);

    public static string Fill(string text, Random random) => Placeholder().Replace(text, m => m.Groups[1].Value switch
    {
        "uuid" => Strings.Uuid(random),
        "random" => random.Next(100_000, 999_999).ToString(),
        "timestamp" => new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(0, 31_536_000)).ToString("yyyy-MM-ddTHH:mm:ssZ"),
        _ => m.Value,
    });

    [GeneratedRegex(@"\{\{\s*(uuid|random|timestamp)\s*\}\}")]
    private static partial Regex Placeholder();
}
