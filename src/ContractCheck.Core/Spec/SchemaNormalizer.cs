using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContractCheck.Core.Spec;

/// <summary>
/// Rewrites schema forms Microsoft.OpenApi 3.11 mishandles into equivalent ones it reads, before it
/// reads them (each measured on the library):
/// boolean schemas (<c>items: false</c>) crash its reader — they become <c>{}</c> and <c>{not: {}}</c>;
/// <c>const</c> of an object or null is dropped and a scalar one loses its JSON type — it becomes a
/// one-value <c>enum</c>; a 3.1-style numeric <c>exclusiveMinimum</c> in a 3.0 document crashes it —
/// it becomes <c>minimum</c> + <c>exclusiveMinimum: true</c> (and the 3.0 form in a 3.1 document the
/// other way round); <c>prefixItems</c> entries stay raw JSON — they become component references a
/// validator can follow.
/// </summary>
internal sealed class SchemaNormalizer
{
    private static readonly string[] Booleans = ["nullable", "readOnly", "writeOnly", "uniqueItems", "deprecated"];
    private static readonly string[] Numbers = ["minimum", "maximum", "multipleOf"];

    private readonly bool _is31;
    private readonly List<SpecDiagnostic> _warnings;
    private readonly Func<string> _pointer;
    private readonly Func<Uri, string> _sourceOf;
    private readonly Func<Uri, string, JsonNode, string> _hoist;

    /// <param name="version">The document's OpenAPI version: 3.0 and 3.1 forms are rewritten the other way round.</param>
    /// <param name="warnings">Where rewrites the reader of the spec should know about are said.</param>
    /// <param name="pointer">The pointer of the schema being normalized, in its own document; made only when a message needs it.</param>
    /// <param name="sourceOf">A document's name as messages show it.</param>
    /// <param name="hoist">Makes a subschema a component and answers the reference to it.</param>
    public SchemaNormalizer(string version, List<SpecDiagnostic> warnings, Func<string> pointer, Func<Uri, string> sourceOf, Func<Uri, string, JsonNode, string> hoist)
    {
        _is31 = SpecVersion.Is31OrLater(version);
        _warnings = warnings;
        _pointer = pointer;
        _sourceOf = sourceOf;
        _hoist = hoist;
    }

    /// <summary>A boolean schema's object form, or null when the node is not one (additionalProperties keeps its boolean).</summary>
    public static JsonNode? Replace(JsonNode node, string key)
    {
        if (node is not JsonValue value || value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False) || key is "additionalProperties" or "unevaluatedProperties")
        {
            return null;
        }

        return value.GetValueKind() == JsonValueKind.True ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() };
    }

    private static readonly string[] Counts = ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains"];

    // Keywords that only describe; beside a $ref they change nothing the validator checks.
    private static readonly HashSet<string> Annotations = ["$ref", "description", "summary", "title", "$comment", "deprecated", "example", "examples", "externalDocs", "xml", "default"];

    public void Normalize(JsonObject schema, Uri document)
    {
        // 3.1: keywords beside $ref apply too; the library keeps only annotations there, so the
        // reference moves into allOf and the keywords stay on the schema.
        if (_is31 && schema.ContainsKey("$ref") && schema.Any(p => !Annotations.Contains(p.Key) && !p.Key.StartsWith("x-", StringComparison.Ordinal)))
        {
            var reference = schema["$ref"]!.DeepClone();
            schema.Remove("$ref");
            var allOf = schema["allOf"] as JsonArray ?? [];
            allOf.Insert(0, new JsonObject { ["$ref"] = reference });
            schema["allOf"] = allOf;
        }

        // Counts written as 2.0 crash the library's integer parsing; they mean 2. Other non-counts are
        // errors here, where their place is known (the library would only say "FormatException").
        foreach (var key in Counts)
        {
            if (!schema.TryGetPropertyValue(key, out var node) || node is null)
            {
                continue;
            }

            if (node is JsonValue count && count.GetValueKind() == JsonValueKind.Number && Schema.Numbers.Decimal(count) is { } d && d == decimal.Truncate(d) && d is >= 0 and <= int.MaxValue)
            {
                schema[key] = (int)d;
            }
            else
            {
                throw Wrong(document, key, node, "a whole number of 0 or more");
            }
        }

        foreach (var key in Booleans)
        {
            if (schema.TryGetPropertyValue(key, out var node) && node is not null && node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw Wrong(document, key, node, "true or false");
            }
        }

        foreach (var key in Numbers)
        {
            if (schema.TryGetPropertyValue(key, out var node) && node is not null && node.GetValueKind() != JsonValueKind.Number)
            {
                throw Wrong(document, key, node, "a number");
            }
        }

        // An empty enum allows nothing; the library cannot tell it from no enum.
        if (schema["enum"] is JsonArray { Count: 0 })
        {
            schema.Remove("enum");
            schema["not"] = new JsonObject();
        }

        if (schema.TryGetPropertyValue("const", out var constant))
        {
            schema.Remove("const");
            var one = new JsonArray(constant?.DeepClone());
            if (schema.ContainsKey("enum"))
            {
                var allOf = schema["allOf"] as JsonArray ?? [];
                allOf.Add(new JsonObject { ["enum"] = one });
                schema["allOf"] = allOf;
            }
            else
            {
                schema["enum"] = one;
            }
        }

        Exclusive(schema, "exclusiveMinimum", "minimum", document);
        Exclusive(schema, "exclusiveMaximum", "maximum", document);

        if (_is31 && schema["prefixItems"] is JsonArray prefix)
        {
            for (var i = 0; i < prefix.Count; i++)
            {
                if (prefix[i] is { } item && !(item is JsonObject { Count: 1 } o && o.ContainsKey("$ref")))
                {
                    prefix[i] = new JsonObject { ["$ref"] = _hoist(document, _pointer() + "/prefixItems/" + i, item) };
                }
            }
        }
    }

    private ContractCheckException Wrong(Uri document, string key, JsonNode value, string expected) =>
        new($"'{key}' must be {expected}, not {value.ToJsonString()}", new SourceLocation(_sourceOf(document), Pointer: _pointer() + "/" + key), $"write {key} as {expected}");

    private void Exclusive(JsonObject schema, string exclusive, string bound, Uri document)
    {
        if (!schema.TryGetPropertyValue(exclusive, out var value) || value is null)
        {
            return;
        }

        var kind = value.GetValueKind();
        if (!_is31 && kind == JsonValueKind.Number)
        {
            // 3.1 form in a 3.0 document: "exclusiveMinimum: 3" means "minimum: 3, exclusiveMinimum: true".
            schema[bound] = value.DeepClone();
            schema[exclusive] = true;
            _warnings.Add(new SpecDiagnostic($"'{exclusive}: {value.ToJsonString()}' is the OpenAPI 3.1 form; read as '{bound}: {value.ToJsonString()}, {exclusive}: true' in this 3.0 document ({_sourceOf(document)})", _pointer()));
        }
        else if (_is31 && kind is JsonValueKind.True or JsonValueKind.False)
        {
            // 3.0 form in a 3.1 document: "minimum: 3, exclusiveMinimum: true" means "exclusiveMinimum: 3".
            schema.Remove(exclusive);
            if (kind == JsonValueKind.True && schema[bound] is { } limit)
            {
                schema.Remove(bound);
                schema[exclusive] = limit;
            }
        }
    }
}
