using System.Text.Json.Nodes;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Schema;

namespace ContractCheck.Core.Checks;

/// <summary>
/// read-matches-create: in a lifecycle, the item read back from its Location has the values it was created with; after
/// another identity's write to it (cross-identity, insufficient-permission), its owner reads it back unchanged.
/// </summary>
public sealed class ReadMatchesCreate : ICheck
{
    public const string CheckId = "read-matches-create";
    private const string Title = "Read does not match what was created";

    public string Id => CheckId;

    public string Description => "in a lifecycle, the item read back after its create has the property values the create sent";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Exchange.Planned.Step is not (Steps.Read or Steps.ReadBack) || context.Response.Status is < 200 or >= 300)
        {
            yield break;
        }

        var create = context.Exchange.Previous;
        while (create is not null && create.Planned.Step != Steps.Create)
        {
            create = create.Previous;
        }

        if (BodyJson.TryParse(create?.Request.Body) is not JsonObject sent || BodyJson.TryParse(context.Response.Body) is not JsonObject read)
        {
            yield break;
        }

        var differences = new List<string>();
        Compare(sent, read, "", differences);
        if (differences.Count == 0)
        {
            yield return Finding.Pass(Id, Title);
        }
        else if (context.Exchange.Planned.Step == Steps.ReadBack && context.Exchange.Previous is { } other)
        {
            var answered = other.Response is { } r ? $"answered {r.Status}" : "no answer";
            yield return Finding.Fail(Id, "Item changed by another identity", $"{context.Operation.Key} read back by its owner after the {other.Planned.As} identity's {other.Planned.Method} ({answered}): {string.Join("; ", differences)} — another identity changed it", "the values the create sent", string.Join("; ", differences), $"{context.Probe.Kind}: read back after another identity's request");
        }
        else
        {
            yield return Finding.Fail(Id, Title, $"{context.Operation.Key} read back after its create: {string.Join("; ", differences)}", "the values the create sent", string.Join("; ", differences), "lifecycle: read after create");
        }
    }

    /// <summary>
    /// Only what the create sent is compared, member by member and down into nested objects: a member the server
    /// adds (an id, a version, links — at any depth) or leaves out (a writeOnly password) is no difference. Arrays
    /// are compared element by element; date-times that name the same instant are equal whatever their notation.
    /// </summary>
    internal static void Compare(JsonNode? sent, JsonNode? read, string path, List<string> differences)
    {
        switch (sent)
        {
            case JsonObject members when read is JsonObject readMembers:
                foreach (var (name, value) in members)
                {
                    if (readMembers.TryGetPropertyValue(name, out var readValue))
                    {
                        Compare(value, readValue, path.Length == 0 ? name : $"{path}.{name}", differences);
                    }
                }

                return;
            case JsonArray items when read is JsonArray readItems && items.Count == readItems.Count:
                for (var i = 0; i < items.Count; i++)
                {
                    Compare(items[i], readItems[i], $"{path}[{i}]", differences);
                }

                return;
        }

        if (!JsonEquality.AreEqual(sent, read) && !SameInstant(sent, read))
        {
            differences.Add($"'{path}' is {read?.ToJsonString() ?? "null"} but was created as {sent?.ToJsonString() ?? "null"}");
        }
    }

    // RFC 3339 date-times: "2026-01-02T03:04:05Z" and "2026-01-02T04:04:05.000+01:00" are the same value.
    private static bool SameInstant(JsonNode? sent, JsonNode? read) =>
        sent is JsonValue a && read is JsonValue b
        && a.GetValueKind() == System.Text.Json.JsonValueKind.String && b.GetValueKind() == System.Text.Json.JsonValueKind.String
        && Instant(a.GetValue<string>()) is { } x && Instant(b.GetValue<string>()) is { } y && x == y;

    private static DateTimeOffset? Instant(string text) =>
        text.Length >= 20 && text[10] is 'T' or 't'
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var instant)
            ? instant
            : null;
}
