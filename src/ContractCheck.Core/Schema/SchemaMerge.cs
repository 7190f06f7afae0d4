using Microsoft.OpenApi;

namespace ContractCheck.Core.Schema;

/// <summary>
/// Folds schemas that must all hold (allOf parts, or a schema and the oneOf branch chosen for it) into
/// one schema for generating values: properties and required names united (a property named in several
/// parts becomes the allOf of its definitions), types intersected, the first of each limit kept.
/// </summary>
internal static class SchemaMerge
{
    /// <param name="outer">The schema whose own allOf / oneOf / anyOf are being resolved: its other keywords count, those do not.</param>
    /// <param name="parts">The schemas folded in with it.</param>
    public static OpenApiSchema Merge(IOpenApiSchema outer, IEnumerable<IOpenApiSchema> parts)
    {
        var all = new List<IOpenApiSchema> { outer };
        foreach (var part in parts)
        {
            Flatten(Resolve(part), all, 0);
        }

        var merged = new OpenApiSchema
        {
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new HashSet<string>(StringComparer.Ordinal),
            AdditionalPropertiesAllowed = all.All(s => s.AdditionalPropertiesAllowed),
        };
        var byName = new Dictionary<string, List<IOpenApiSchema>>(StringComparer.Ordinal);
        foreach (var schema in all)
        {
            if (schema.Type is { } type and not 0)
            {
                merged.Type = merged.Type is { } existing && (existing & type) != 0 ? existing & type : merged.Type ?? type;
            }

            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                (byName.TryGetValue(name, out var list) ? list : byName[name] = []).Add(property);
            }

            merged.Required.UnionWith(schema.Required ?? new HashSet<string>());
            merged.Enum ??= schema.Enum is { Count: > 0 } e ? e : null;
            merged.Format ??= schema.Format;
            merged.Pattern ??= schema.Pattern;
            merged.Minimum ??= schema.Minimum;
            merged.Maximum ??= schema.Maximum;
            merged.ExclusiveMinimum ??= schema.ExclusiveMinimum;
            merged.ExclusiveMaximum ??= schema.ExclusiveMaximum;
            merged.MultipleOf ??= schema.MultipleOf;
            merged.MinLength ??= schema.MinLength;
            merged.MaxLength ??= schema.MaxLength;
            merged.MinItems ??= schema.MinItems;
            merged.MaxItems ??= schema.MaxItems;
            merged.UniqueItems ??= schema.UniqueItems;
            merged.MinProperties ??= schema.MinProperties;
            merged.Items ??= schema.Items;
            merged.AdditionalProperties ??= schema.AdditionalProperties;
            merged.Discriminator ??= schema.Discriminator;
            if (!ReferenceEquals(schema, outer))
            {
                merged.OneOf ??= schema.OneOf is { Count: > 0 } o ? o : null;
                merged.AnyOf ??= schema.AnyOf is { Count: > 0 } a ? a : null;
            }
        }

        foreach (var (name, definitions) in byName)
        {
            merged.Properties[name] = definitions.Count == 1 ? definitions[0] : new OpenApiSchema { AllOf = definitions };
        }

        return merged;
    }

    private static void Flatten(IOpenApiSchema schema, List<IOpenApiSchema> into, int depth)
    {
        into.Add(schema);
        if (depth < 8)
        {
            foreach (var part in schema.AllOf ?? [])
            {
                Flatten(Resolve(part), into, depth + 1);
            }
        }
    }

    public static IOpenApiSchema Resolve(IOpenApiSchema schema)
    {
        while (schema is OpenApiSchemaReference reference && SchemaView.Target(reference) is { } target && !ReferenceEquals(target, schema))
        {
            schema = target;
        }

        return schema;
    }
}
