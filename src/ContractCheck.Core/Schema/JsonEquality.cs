using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractCheck.Core.Schema;

/// <summary>JSON Schema equality: numbers by value (1 equals 1.0), objects regardless of key order.</summary>
public static class JsonEquality
{
    public static bool AreEqual(JsonNode? a, JsonNode? b)
    {
        a = SchemaValues.IsNullSentinel(a) ? null : a;
        b = SchemaValues.IsNullSentinel(b) ? null : b;
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        switch (a)
        {
            case JsonObject oa when b is JsonObject ob:
                return oa.Count == ob.Count && oa.All(p => ob.TryGetPropertyValue(p.Key, out var v) && AreEqual(p.Value, v));
            case JsonArray aa when b is JsonArray ab:
                if (aa.Count != ab.Count)
                {
                    return false;
                }

                for (var i = 0; i < aa.Count; i++)
                {
                    if (!AreEqual(aa[i], ab[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValue va when b is JsonValue vb:
                var ka = va.GetValueKind();
                var kb = vb.GetValueKind();
                if (ka == JsonValueKind.Number && kb == JsonValueKind.Number)
                {
                    return Numbers.Compare(va, vb) == 0;
                }

                return ka == kb && (ka != JsonValueKind.String || va.GetValue<string>() == vb.GetValue<string>());
            default:
                return false;
        }
    }

    /// <summary>A text form equal for equal values, for hashing large arrays (uniqueItems).</summary>
    public static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        JsonValue v when SchemaValues.IsNullSentinel(v) => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Numbers.Decimal(v) is { } d ? Canonical(d) : v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    // 1.50 and 1.5 alike; only a fraction's trailing zeros go (100 stays 100).
    private static string Canonical(decimal number)
    {
        var text = number.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }
}
