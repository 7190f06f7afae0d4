using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Schema;

/// <summary>
/// Makes a valid value for a schema: its example, default or first enum value where the spec gives
/// one that validates, else a value of its type and format within its constraints (patterns included),
/// composition resolved (allOf merged; the oneOf / anyOf branch that validates). Deterministic for a
/// given <see cref="Random"/>. Request values leave out readOnly properties.
/// </summary>
public sealed class ValueGenerator
{
    private const int MaxDepth = 8;
    private const int Attempts = 4;

    private readonly Random _random;
    private readonly SchemaValidator? _validator;
    private bool _includeOptional;

    /// <param name="random">The seeded source of every made-up value.</param>
    /// <param name="document">The document the schemas come from; with it, examples and choices are checked against the schema.</param>
    public ValueGenerator(Random random, OpenApiDocument? document = null)
    {
        _random = random;
        _validator = document is null ? null : new SchemaValidator(document, new ValidationOptions(ValidationDirection.Request));
    }

    /// <summary>A value for the schema; valid whenever the schema can be satisfied by the shapes this generator knows.</summary>
    public JsonNode? Generate(IOpenApiSchema? schema)
    {
        JsonNode? value = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            // Later attempts fill optional properties too: overlapping oneOf branches often differ only there.
            _includeOptional = attempt > 0;
            value = Generate(schema, 0);
            if (schema is null || _validator is null || _validator.IsValid(value, schema))
            {
                return value;
            }
        }

        return value;
    }

    private JsonNode? Generate(IOpenApiSchema? schema, int depth)
    {
        if (schema is null || depth > MaxDepth || Spec.Resolved.IsUnresolved(schema))
        {
            return null;
        }

        foreach (var given in GivenValues(schema))
        {
            if (_validator is null || _validator.IsValid(given, schema))
            {
                return given;
            }
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            return Generate(SchemaMerge.Merge(schema, allOf), depth + 1);
        }

        if ((schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf) is { Count: > 0 } choices)
        {
            return Choice(schema, choices, depth);
        }

        return Kind(schema) switch
        {
            JsonSchemaType.Object => Object(schema, depth),
            JsonSchemaType.Array => Array(schema, depth),
            JsonSchemaType.Integer => Integer(schema),
            JsonSchemaType.Number => Number(schema),
            JsonSchemaType.Boolean => JsonValue.Create(true),
            JsonSchemaType.Null => null,
            _ => JsonValue.Create(Strings.For(schema, _random)),
        };
    }

    /// <summary>The values the spec itself offers, best first: example, examples, default, enum values.</summary>
    public static IEnumerable<JsonNode> GivenValues(IOpenApiSchema schema)
    {
#pragma warning disable CS0618 // OpenAPI 3.0 documents write the singular 'example'; the library keeps it there.
        var example = schema.Example;
#pragma warning restore CS0618
        var examples = schema.Examples;
        var fallback = schema.Default;
        var choices = schema.Enum;
        if (example is null && examples is not { Count: > 0 } && fallback is null && choices is not { Count: > 0 })
        {
            // Most schemas give none: no iterator is walked.
            return [];
        }

        return Given(example, examples, fallback, choices);
    }

    private static IEnumerable<JsonNode> Given(JsonNode? example, IList<JsonNode>? examples, JsonNode? fallback, IList<JsonNode>? choices)
    {
        foreach (var candidate in new[] { example }.Concat(examples ?? []).Append(fallback).Concat(choices ?? []))
        {
            if (candidate is not null && !SchemaValues.IsNullSentinel(candidate))
            {
                yield return SchemaValues.Clean(candidate)!;
            }
        }
    }

    /// <summary>The value the spec itself offers: example, examples, default, or the first non-null enum value.</summary>
    public static JsonNode? Given(IOpenApiSchema schema) => GivenValues(schema).FirstOrDefault();

    /// <summary>The one type a value is made as; untyped schemas are read from their keywords.</summary>
    // The order a schema that allows several types is generated as.
    private static readonly JsonSchemaType[] KindOrder = [JsonSchemaType.Object, JsonSchemaType.Array, JsonSchemaType.String, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.Boolean];

    public static JsonSchemaType Kind(IOpenApiSchema schema)
    {
        foreach (var t in KindOrder)
        {
            if (schema.Has(t))
            {
                return t;
            }
        }

        if (schema.Has(JsonSchemaType.Null))
        {
            return JsonSchemaType.Null;
        }

        if (schema.Properties is { Count: > 0 } || schema.AdditionalProperties is not null || schema.Required is { Count: > 0 })
        {
            return JsonSchemaType.Object;
        }

        if (schema.Items is not null || schema.MinItems is not null)
        {
            return JsonSchemaType.Array;
        }

        if (schema.Minimum is not null || schema.Maximum is not null || schema.MultipleOf is not null)
        {
            return JsonSchemaType.Number;
        }

        return JsonSchemaType.String;
    }

    private JsonNode? Choice(IOpenApiSchema schema, IList<IOpenApiSchema> choices, int depth)
    {
        JsonNode? fallback = null;
        foreach (var option in choices)
        {
            // The branch is generated together with the keywords beside the oneOf / anyOf.
            var value = Generate(SchemaMerge.Merge(schema, [option]), depth + 1);
            if (value is JsonObject obj)
            {
                Tag(schema, option, obj);
                if (_validator is not null && !_validator.IsValid(obj, schema) && schema.Discriminator is { PropertyName: { } property, Mapping: { Count: > 0 } mapping })
                {
                    // The mapping may name this branch under another reference: the key that validates is the right one.
                    foreach (var key in mapping.Keys.Take(64))
                    {
                        obj[property] = key;
                        if (_validator.IsValid(obj, schema))
                        {
                            break;
                        }
                    }
                }
            }

            fallback ??= value;
            if (_validator is null || _validator.IsValid(value, schema))
            {
                return value;
            }
        }

        return fallback;
    }

    // The discriminator property names the branch it was made for.
    private static void Tag(IOpenApiSchema schema, IOpenApiSchema option, JsonObject value)
    {
        if (schema.Discriminator?.PropertyName is not { } property)
        {
            return;
        }

        var id = (option as OpenApiSchemaReference)?.Reference.Id;
        var mapped = schema.Discriminator.Mapping?.FirstOrDefault(m => m.Value.Reference.Id == id).Key;
        if (mapped is not null)
        {
            value[property] = mapped;
        }
        else if (id is not null && !value.ContainsKey(property))
        {
            // Without a mapping the schema's name is the value, unless the branch already chose one.
            value[property] = id;
        }
    }

    private JsonObject Object(IOpenApiSchema schema, int depth)
    {
        var obj = new JsonObject();
        var required = schema.Required ?? new HashSet<string>();
        var properties = schema.Properties ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, property) in properties)
        {
            if (property.ReadOnly || (!required.Contains(name) && !_includeOptional && Given(property) is null))
            {
                continue;
            }

            obj[name] = Generate(property, depth + 1);
        }

        // Required names without a property schema still need a value; readOnly ones are never sent.
        foreach (var name in required.Where(r => !obj.ContainsKey(r) && !properties.ContainsKey(r)))
        {
            obj[name] = Extra();
        }

        // minProperties: optional properties first, then extra ones where the schema allows them.
        var missing = (schema.MinProperties ?? 0) - obj.Count;
        foreach (var (name, property) in properties.Where(p => !obj.ContainsKey(p.Key) && !p.Value.ReadOnly).Take(Math.Max(0, missing)))
        {
            obj[name] = Generate(property, depth + 1);
        }

        for (var i = 1; obj.Count < (schema.MinProperties ?? 0) && schema.AdditionalPropertiesAllowed && i < 64; i++)
        {
            obj["extra" + i] = Extra();
        }

        return obj;

        // A value for a name the schema does not describe: of additionalProperties' schema where it has one.
        JsonNode? Extra() => schema.AdditionalProperties is { } extra ? Generate(extra, depth + 1) : JsonValue.Create("value");
    }

    private JsonArray Array(IOpenApiSchema schema, int depth)
    {
        var count = Math.Max(1, schema.MinItems ?? 0);
        if (schema.MaxItems is { } max)
        {
            count = Math.Min(count, max);
        }

        var array = new JsonArray();
        for (var i = 0; i < count * Attempts && array.Count < count; i++)
        {
            var item = Generate(schema.Items, depth + 1);
            if (schema.UniqueItems == true && array.Any(existing => JsonEquality.AreEqual(existing, item)))
            {
                continue;
            }

            array.Add(item);
        }

        return array;
    }

    private JsonNode Integer(IOpenApiSchema schema)
    {
        var (low, high) = Range(schema, 1);
        var value = Math.Ceiling(low);
        if (schema.MultipleOf is { } m && m > 0)
        {
            value = Math.Ceiling(value / m) * m;
        }

        if (value > high)
        {
            value = Math.Floor(high);
        }

        return JsonValue.Create((long)Math.Clamp(value, long.MinValue, long.MaxValue));
    }

    private JsonNode Number(IOpenApiSchema schema)
    {
        var (low, high) = Range(schema, 0.0001m);
        var value = low == decimal.MinValue ? 1.5m : low;
        if (schema.MultipleOf is { } m && m > 0)
        {
            value = Math.Ceiling(value / m) * m;
        }

        return JsonValue.Create(Math.Min(value, high));
    }

    // The smallest sensible value in range: 1 when the range allows it, else the lower bound.
    private static (decimal Low, decimal High) Range(IOpenApiSchema schema, decimal step)
    {
        var low = SchemaValues.Number(schema.Minimum) ?? decimal.MinValue;
        var high = SchemaValues.Number(schema.Maximum) ?? decimal.MaxValue;
        if (SchemaValues.Number(schema.ExclusiveMinimum) is { } exMin)
        {
            low = Math.Max(low, exMin + step);
        }

        if (SchemaValues.Number(schema.ExclusiveMaximum) is { } exMax)
        {
            high = Math.Min(high, exMax - step);
        }

        var preferred = Math.Clamp(1m, low, high < low ? low : high);
        return (preferred, high);
    }
}
