using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Schema;

/// <summary>
/// Makes the strings of a request body ones that no earlier request of the run sent, so that a unique key
/// in the spec's example (a sku, an isbn, a name) cannot make a later create conflict with an earlier one.
/// Each fresh string stays valid for its schema (pattern, format, length); values that cannot vary (enum,
/// const, or a schema the walk cannot place) are kept. Deterministic for a given <see cref="Random"/> and
/// the order of calls. A result that would break the body's schema falls back to the value as given.
/// Not thread-safe: the planner gives each collection it plans its own (a unique key conflicts within a collection).
/// </summary>
public sealed class Freshener
{
    private const int MaxDepth = 12;
    private const int Attempts = 8;
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private readonly SchemaValidator _validator;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public Freshener(OpenApiDocument? document)
    {
        _validator = new SchemaValidator(document, new ValidationOptions(ValidationDirection.Request));
    }

    /// <summary>
    /// A copy of <paramref name="value"/> whose strings are fresh. With a <paramref name="template"/> (a rules-file
    /// body), only the strings written with <c>{{uuid}}</c>-style placeholders are made again; the rest is the user's.
    /// The subtree at <paramref name="keep"/> (a JSON pointer: the place an invalid-body case broke) is left as it is,
    /// and such a body is not held to its schema.
    /// </summary>
    public JsonNode? Freshen(JsonNode? value, IOpenApiSchema? schema, Random random, JsonNode? template = null, string? keep = null)
    {
        var fresh = template is not null ? FromTemplate(value?.DeepClone(), template, random, "", keep) : Walk(value?.DeepClone(), schema, random, "", keep, 0);

        // A body that keeps a broken subtree (an invalid-body case) breaks its schema on purpose: nothing to fall back to.
        if (schema is not null && template is null && keep is null && !_validator.IsValid(fresh, schema) && _validator.IsValid(value, schema))
        {
            return value?.DeepClone();
        }

        return fresh;
    }

    private JsonNode? FromTemplate(JsonNode? value, JsonNode template, Random random, string pointer, string? keep)
    {
        if (keep is not null && Under(pointer, keep))
        {
            return value;
        }

        switch (value)
        {
            case JsonObject obj when template is JsonObject t:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (t[name] is { } inner)
                    {
                        obj[name] = FromTemplate(obj[name]?.DeepClone(), inner, random, pointer + "/" + Spec.Pointer.Escape(name), keep);
                    }
                }

                return obj;
            case JsonArray arr when template is JsonArray t:
                for (var i = 0; i < arr.Count && i < t.Count; i++)
                {
                    if (t[i] is { } inner)
                    {
                        arr[i] = FromTemplate(arr[i]?.DeepClone(), inner, random, pointer + "/" + i, keep);
                    }
                }

                return arr;
            case JsonValue when template is JsonValue tv && tv.TryGetValue(out string? text) && Probes.Templates.HasPlaceholder(text):
                return JsonValue.Create(Unused(() => Probes.Templates.Fill(text, random)) ?? Probes.Templates.Fill(text, random));
            default:
                return value;
        }
    }

    private JsonNode? Walk(JsonNode? value, IOpenApiSchema? schema, Random random, string pointer, string? keep, int depth)
    {
        if (value is null || schema is null || depth > MaxDepth || (keep is not null && Under(pointer, keep)) || Spec.Resolved.IsUnresolved(schema))
        {
            return value;
        }

        schema = SchemaMerge.Resolve(schema);
        if (schema.AllOf is { Count: > 0 } allOf)
        {
            schema = SchemaMerge.Merge(schema, allOf);
        }

        if ((schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf) is { Count: > 0 } choices)
        {
            // The branch the value was made for is the one it validates against; without one, nothing is changed.
            var branch = choices.FirstOrDefault(c => _validator.IsValid(value, c));
            return branch is null ? value : Walk(value, SchemaMerge.Merge(schema, [branch]), random, pointer, keep, depth + 1);
        }

        switch (value)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    var property = (schema.Properties is { } properties && properties.TryGetValue(name, out var p) ? p : null) ?? schema.AdditionalProperties;
                    obj[name] = Walk(obj[name]?.DeepClone(), property, random, pointer + "/" + Spec.Pointer.Escape(name), keep, depth + 1);
                }

                return obj;
            case JsonArray arr:
                for (var i = 0; i < arr.Count; i++)
                {
                    arr[i] = Walk(arr[i]?.DeepClone(), schema.Items, random, pointer + "/" + i, keep, depth + 1);
                }

                return arr;
            case JsonValue v when v.TryGetValue(out string? text) && schema.Enum is not { Count: > 0 }:
                return Unused(() => FreshString(text, schema, random)) is { } fresh ? JsonValue.Create(fresh) : value;
            default:
                return value;
        }
    }

    private string? FreshString(string original, IOpenApiSchema schema, Random random)
    {
        if (schema.Pattern is { } pattern)
        {
            return RegexGenerator.Generate(pattern, random, schema.MinLength, schema.MaxLength);
        }

        if (!string.IsNullOrEmpty(schema.Format))
        {
            // Formats with their own shape (uuid, email, date-time, …) are made anew in that shape.
            var made = Strings.For(schema, random);
            return Formats.Claimed.Contains(schema.Format) && !Formats.IsValidString(schema.Format, made) ? null : made;
        }

        var min = schema.MinLength ?? 0;
        var max = schema.MaxLength ?? int.MaxValue;
        var token = Token(random, 6);
        if (max < token.Length + 2)
        {
            return Token(random, Math.Max(min, Math.Min(max, 6)));
        }

        var stem = original.Length == 0 ? "text" : original;
        var room = max - token.Length - 1;
        var text = (stem.Length > room ? stem[..room] : stem) + " " + token;
        return text.Length < min ? text.PadRight(min, 'x') : text;
    }

    // A value no earlier request of this run sent, or null when a few tries found none.
    private string? Unused(Func<string?> make)
    {
        for (var i = 0; i < Attempts; i++)
        {
            if (make() is { } candidate && _used.Add(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Token(Random random, int length) => new([.. Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);

    private static bool Under(string pointer, string keep) =>
        pointer == keep || pointer.StartsWith(keep + "/", StringComparison.Ordinal) || (keep.Length == 0);
}
