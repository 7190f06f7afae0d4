using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Schema;

/// <summary>Reading values out of Microsoft.OpenApi's schema model, which keeps numbers as text and JSON null as a sentinel string.</summary>
public static class SchemaValues
{
    // Microsoft.OpenApi 3.11 writes this string where a JSON null stood in enum, example and default values.
    private const string NullSentinel = "openapi-json-null-sentinel-value-2BF93600-0FE4-4250-987A-E5DDB203E464";

    /// <summary>True for the library's stand-in for a JSON null. Compared without materializing the string: it runs on every value of every body.</summary>
    public static bool IsNullSentinel(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return false;
        }

        if (v.TryGetValue(out JsonElement element))
        {
            return element.ValueKind == JsonValueKind.String && element.ValueEquals(NullSentinel);
        }

        return v.TryGetValue(out string? text) && text == NullSentinel;
    }

    /// <summary>The value with sentinels turned back into real JSON nulls.</summary>
    public static JsonNode? Clean(JsonNode? node)
    {
        if (node is null || IsNullSentinel(node))
        {
            return null;
        }

        switch (node)
        {
            case JsonObject obj:
                var o = new JsonObject();
                foreach (var (k, v) in obj)
                {
                    o[k] = Clean(v);
                }

                return o;
            case JsonArray arr:
                var a = new JsonArray();
                foreach (var item in arr)
                {
                    a.Add(Clean(item));
                }

                return a;
            default:
                return node.DeepClone();
        }
    }

    public static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>The schema's types as a set; null when the schema does not say.</summary>
    public static bool Has(this IOpenApiSchema schema, JsonSchemaType type) => schema.Type is { } t && (t & type) == type;
}
