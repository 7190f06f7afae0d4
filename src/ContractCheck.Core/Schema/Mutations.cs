using System.Text.Json.Nodes;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Schema;

/// <summary>
/// The invalid-body cases of a schema: from a valid value, one case per broken rule — each required
/// property removed, each property given a wrong type, each constraint broken (enum, minimum / maximum,
/// length, pattern, format, items, additionalProperties). Objects nested in the value are mutated too,
/// two levels deep. Every case is checked to really be invalid before it is returned.
/// </summary>
public sealed class Mutations
{
    private const int MaxDepth = 2;

    private static readonly HashSet<string> BreakableFormats = ["date-time", "date", "time", "uuid", "email", "uri", "ipv4", "ipv6"];

    private readonly SchemaValidator _validator;
    private readonly bool _formats;

    public Mutations(OpenApiDocument? document, bool breakFormats = true)
    {
        _validator = new SchemaValidator(document, new ValidationOptions(ValidationDirection.Request));
        _formats = breakFormats;
    }

    public IReadOnlyList<Mutation> For(IOpenApiSchema schema, JsonNode? valid)
    {
        var cases = new List<Mutation>();
        if (valid is JsonObject && schema.Type is { } t && !t.HasFlag(JsonSchemaType.Array))
        {
            cases.Add(new Mutation("the body is a list instead of an object", "type", "", new JsonArray()));
        }

        Collect(schema, valid, "", valid, cases, 0);
        return cases.Where(c => !_validator.IsValid(c.Value, schema)).ToList();
    }

    /// <summary>
    /// The values that break a scalar parameter's schema, one rule each, as the text a path or query carries: not a
    /// number (or boolean) where the type asks for one, outside its enum, below its minimum, above its maximum, too short,
    /// too long, not matching its pattern, not its format. Each is checked to be invalid for the typed value it reads as;
    /// a string without constraints has none.
    /// </summary>
    public IReadOnlyList<Mutation> ForParameter(IOpenApiSchema schema)
    {
        schema = SchemaMerge.Resolve(schema);
        var kind = ValueGenerator.Kind(schema);
        var cases = new List<Mutation>();
        switch (kind)
        {
            case JsonSchemaType.Integer:
                cases.Add(new Mutation("is not an integer", "type", "", "abc"));
                break;
            case JsonSchemaType.Number:
                cases.Add(new Mutation("is not a number", "type", "", "abc"));
                break;
            case JsonSchemaType.Boolean:
                cases.Add(new Mutation("is not true or false", "type", "", "maybe"));
                break;
            case JsonSchemaType.String:
                break;
            default:
                return [];
        }

        cases.AddRange(Constraints(schema, null).Select(c => new Mutation(c.Description, c.Keyword, "", c.Value)));
        return cases.Where(c => !_validator.IsValid(c.Value, schema)).ToList();
    }

    private void Collect(IOpenApiSchema schema, JsonNode? node, string pointer, JsonNode? root, List<Mutation> cases, int depth)
    {
        schema = SchemaMerge.Resolve(schema);
        if (node is not JsonObject obj || depth > MaxDepth)
        {
            return;
        }

        var properties = AllProperties(schema);
        foreach (var name in AllRequired(schema).Where(obj.ContainsKey))
        {
            if (properties.TryGetValue(name, out var p) && p.ReadOnly)
            {
                continue;
            }

            cases.Add(Change(root, pointer, o => o.Remove(name), $"required property '{Label(pointer, name)}' removed", "required", pointer));
        }

        if (!schema.AdditionalPropertiesAllowed)
        {
            cases.Add(Change(root, pointer, o => o["unexpectedProperty"] = "x", $"unknown property 'unexpectedProperty' added{Where(pointer)}", "additionalProperties", pointer + "/unexpectedProperty"));
        }

        foreach (var (name, property) in properties)
        {
            if (!obj.TryGetPropertyValue(name, out var value) || property.ReadOnly)
            {
                continue;
            }

            var at = pointer + "/" + Pointer.Escape(name);
            var label = Label(pointer, name);
            var resolved = SchemaMerge.Resolve(property);
            if (WrongType(resolved) is var (wrong, shown))
            {
                cases.Add(Change(root, pointer, o => o[name] = wrong, $"'{label}' has the wrong type ({shown})", "type", at));
            }

            foreach (var (broken, description, keyword) in Constraints(resolved, value))
            {
                cases.Add(Change(root, pointer, o => o[name] = broken, $"'{label}' {description}", keyword, at));
            }

            Collect(resolved, value, at, root, cases, depth + 1);
        }
    }

    private IEnumerable<(JsonNode? Value, string Description, string Keyword)> Constraints(IOpenApiSchema schema, JsonNode? value)
    {
        var enumValues = schema.Enum?.Select(SchemaValues.Clean).ToList();
        if (enumValues is { Count: > 0 })
        {
            JsonNode outside = enumValues.All(v => v is JsonValue jv && jv.TryGetValue(out string? _)) ? "not-one-of-the-values" : 987654321;
            yield return (outside, "is not one of the allowed values", "enum");
        }

        if (SchemaValues.Number(schema.Minimum) is { } min)
        {
            yield return (Number(schema, min - 1), $"is below its minimum {schema.Minimum}", "minimum");
        }

        if (SchemaValues.Number(schema.Maximum) is { } max)
        {
            yield return (Number(schema, max + 1), $"is above its maximum {schema.Maximum}", "maximum");
        }

        if (SchemaValues.Number(schema.ExclusiveMinimum) is { } exMin)
        {
            yield return (Number(schema, exMin), $"equals its exclusive minimum {schema.ExclusiveMinimum}", "exclusiveMinimum");
        }

        if (SchemaValues.Number(schema.ExclusiveMaximum) is { } exMax)
        {
            yield return (Number(schema, exMax), $"equals its exclusive maximum {schema.ExclusiveMaximum}", "exclusiveMaximum");
        }

        if (schema.MinLength is > 0 and var minLength)
        {
            yield return (new string('x', minLength - 1), $"is shorter than {minLength} characters", "minLength");
        }

        if (schema.MaxLength is { } maxLength and < 100_000)
        {
            yield return (new string('x', maxLength + 1), $"is longer than {maxLength} characters", "maxLength");
        }

        if (schema.Pattern is { } pattern && NotMatching(pattern, schema) is { } text)
        {
            yield return (text, $"does not match its pattern {pattern}", "pattern");
        }

        if (_formats && schema.Format is { } format && BreakableFormats.Contains(format) && ValueGenerator.Kind(schema) == JsonSchemaType.String)
        {
            yield return ("not-a-" + format, $"is not a valid {format}", "format");
        }

        if (value is JsonArray array)
        {
            if (schema.MinItems is > 0 and var minItems)
            {
                yield return (new JsonArray(array.Take(minItems - 1).Select(i => i?.DeepClone()).ToArray()), $"has fewer than {minItems} items", "minItems");
            }

            if (schema.MaxItems is { } maxItems and < 10_000 && array.Count > 0)
            {
                yield return (new JsonArray(Enumerable.Range(0, maxItems + 1).Select(i => array[i % array.Count]?.DeepClone()).ToArray()), $"has more than {maxItems} items", "maxItems");
            }

            if (schema.UniqueItems == true && array.Count > 0)
            {
                yield return (new JsonArray(array[0]?.DeepClone(), array[0]?.DeepClone()), "repeats an item although items must be unique", "uniqueItems");
            }
        }
    }

    /// <summary>A value of a type the schema does not allow, and how it reads: ("12345", "a number instead of a string").</summary>
    private static (JsonNode? Value, string Shown)? WrongType(IOpenApiSchema schema)
    {
        if (schema.Type is not { } types || types == 0)
        {
            return null;
        }

        var candidates = new (JsonNode? Value, string Name)[]
        {
            (JsonValue.Create(12345), "a number"),
            (JsonValue.Create("not-a-number"), "a string"),
            (JsonValue.Create(true), "a boolean"),
            (new JsonObject(), "an object"),
        };
        foreach (var (value, name) in candidates)
        {
            if (!SchemaValidator.TypeMatches(value, types))
            {
                return (value, $"{name} instead of {SchemaValidator.TypeList(types & ~JsonSchemaType.Null)}");
            }
        }

        return null;
    }

    private string? NotMatching(string pattern, IOpenApiSchema schema)
    {
        var regex = EcmaRegex.Get(pattern);
        if (regex is null)
        {
            return null;
        }

        // The last two fit the length the schema asks for, so that only the pattern is broken.
        foreach (var candidate in new[] { "!not matching!", "", "0", "a", "A-1", "zzzzzzzzzz", "~", new string('x', Math.Max(1, schema.MinLength ?? 1)), new string('~', Math.Max(1, schema.MinLength ?? 1)) })
        {
            var length = candidate.Length;
            if (!regex.IsMatch(candidate) && length >= (schema.MinLength ?? 0) && length <= (schema.MaxLength ?? int.MaxValue))
            {
                return candidate;
            }
        }

        return null;
    }

    private static JsonNode Number(IOpenApiSchema schema, decimal value) =>
        ValueGenerator.Kind(schema) == JsonSchemaType.Integer ? JsonValue.Create((long)Math.Floor(value)) : JsonValue.Create(value);


    private static Mutation Change(JsonNode? root, string pointer, Action<JsonObject> change, string description, string keyword, string at)
    {
        var copy = root?.DeepClone();
        if (Spec.Pointer.TryResolve(copy, pointer, out var target) && target is JsonObject obj)
        {
            change(obj);
        }

        return new Mutation(description, keyword, at, copy);
    }

    // Properties and required names of the schema and the allOf parts it merges.
    private static Dictionary<string, IOpenApiSchema> AllProperties(IOpenApiSchema schema)
    {
        var all = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var part in (schema.AllOf ?? []).Select(SchemaMerge.Resolve).Append(schema))
        {
            foreach (var (name, property) in part.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                all[name] = property;
            }
        }

        return all;
    }

    private static IEnumerable<string> AllRequired(IOpenApiSchema schema) =>
        (schema.AllOf ?? []).Select(SchemaMerge.Resolve).Append(schema).SelectMany(s => s.Required ?? new HashSet<string>()).Distinct();

    private static string Label(string pointer, string name) => Path(pointer + "/" + Pointer.Escape(name));

    private static string Where(string pointer) => pointer.Length == 0 ? "" : " to " + Path(pointer);

    private static string Path(string pointer) => InstancePaths.ToJsonPath(pointer).TrimStart('$').TrimStart('.');
}
