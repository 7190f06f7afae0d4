using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Schema;

/// <summary>
/// Makes a valid value for a schema: its example, default or first enum value where the spec gives
/// one, else a value of its type and format within its constraints. Deterministic for a given
/// <see cref="Random"/>. Request values leave out readOnly properties.
/// </summary>
public sealed class ValueGenerator
{
    private const int MaxDepth = 8;

    private readonly Random _random;

    public ValueGenerator(Random random)
    {
        _random = random;
    }

    public JsonNode? Generate(IOpenApiSchema? schema) => Generate(schema, 0);

    private JsonNode? Generate(IOpenApiSchema? schema, int depth)
    {
        if (schema is null || depth > MaxDepth)
        {
            return null;
        }

        if (Given(schema) is { } given)
        {
            return given;
        }

        if (schema.AllOf is { Count: > 0 } allOf)
        {
            return Merge(schema, allOf, depth);
        }

        if ((schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf) is { Count: > 0 } choices)
        {
            var choice = Generate(choices[0], depth + 1);
            if (choice is JsonObject obj && schema.Discriminator?.PropertyName is { } property)
            {
                var mapped = schema.Discriminator.Mapping?.FirstOrDefault(m => m.Value.Reference?.Id is { } id && (choices[0] as OpenApiSchemaReference)?.Reference?.Id == id).Key;
                obj[property] ??= mapped ?? (choices[0] as OpenApiSchemaReference)?.Reference?.Id;
            }

            return choice is JsonObject o2 && schema.Properties is { Count: > 0 } ? MergeInto(o2, Object(schema, depth)) : choice;
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

    /// <summary>The value the spec itself offers: example, examples, default, or the first non-null enum value.</summary>
    public static JsonNode? Given(IOpenApiSchema schema)
    {
#pragma warning disable CS0618 // OpenAPI 3.0 documents write the singular 'example'; the library keeps it there.
        if (schema.Example is { } example && !SchemaValues.IsNullSentinel(example))
#pragma warning restore CS0618
        {
            return SchemaValues.Clean(example);
        }

        if (schema.Examples?.FirstOrDefault(e => e is not null && !SchemaValues.IsNullSentinel(e)) is { } first)
        {
            return SchemaValues.Clean(first);
        }

        if (schema.Default is { } d && !SchemaValues.IsNullSentinel(d))
        {
            return SchemaValues.Clean(d);
        }

        if (schema.Enum?.FirstOrDefault(e => e is not null && !SchemaValues.IsNullSentinel(e)) is { } value)
        {
            return SchemaValues.Clean(value);
        }

        return null;
    }

    /// <summary>The one type a value is made as; untyped schemas are read from their keywords.</summary>
    public static JsonSchemaType Kind(IOpenApiSchema schema)
    {
        foreach (var t in new[] { JsonSchemaType.Object, JsonSchemaType.Array, JsonSchemaType.String, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.Boolean })
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

        return schema.Items is not null ? JsonSchemaType.Array : JsonSchemaType.String;
    }

    private JsonObject Object(IOpenApiSchema schema, int depth)
    {
        var obj = new JsonObject();
        var required = schema.Required ?? new HashSet<string>();
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (property.ReadOnly || (!required.Contains(name) && Given(property) is null))
            {
                continue;
            }

            obj[name] = Generate(property, depth + 1);
        }

        // Required names without a property schema still need a value; readOnly ones are never sent.
        foreach (var name in required.Where(r => !obj.ContainsKey(r) && schema.Properties?.ContainsKey(r) != true))
        {
            obj[name] = schema.AdditionalProperties is { } extra ? Generate(extra, depth + 1) : JsonValue.Create("value");
        }

        return obj;
    }

    private JsonArray Array(IOpenApiSchema schema, int depth)
    {
        var count = Math.Max(1, schema.MinItems ?? 0);
        if (schema.MaxItems is { } max)
        {
            count = Math.Min(count, max);
        }

        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            array.Add(Generate(schema.Items, depth + 1));
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

    private JsonObject Merge(IOpenApiSchema schema, IList<IOpenApiSchema> parts, int depth)
    {
        var merged = new JsonObject();
        foreach (var part in parts)
        {
            if (Generate(part, depth + 1) is JsonObject obj)
            {
                MergeInto(merged, obj);
            }
        }

        return schema.Properties is { Count: > 0 } ? MergeInto(merged, Object(schema, depth)) : merged;
    }

    private static JsonObject MergeInto(JsonObject target, JsonObject source)
    {
        foreach (var (k, v) in source.ToList())
        {
            source.Remove(k);
            target[k] ??= v;
        }

        return target;
    }
}
