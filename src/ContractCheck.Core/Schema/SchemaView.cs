using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Schema;

/// <summary>
/// What validation needs from one schema object, worked out once and cached: numeric bounds parsed
/// from the model's text, the pattern compiled with ECMA-262 meaning, enum values with JSON nulls restored.
/// </summary>
internal sealed class SchemaView
{
    private static readonly ConditionalWeakTable<IOpenApiSchema, SchemaView> Cache = new();

    private SchemaView(IOpenApiSchema schema)
    {
        Minimum = NumericBound.Parse(schema.Minimum);
        Maximum = NumericBound.Parse(schema.Maximum);
        ExclusiveMinimum = NumericBound.Parse(schema.ExclusiveMinimum);
        ExclusiveMaximum = NumericBound.Parse(schema.ExclusiveMaximum);
        Pattern = schema.Pattern is { } p ? EcmaRegex.Get(p) : null;
        Enum = schema.Enum?.Select(SchemaValues.Clean).ToList();
        PatternProperties = schema.PatternProperties?.Select(kv => (EcmaRegex.Get(kv.Key), kv.Value)).Where(x => x.Item1 is not null).Select(x => (x.Item1!, x.Value)).ToList();
        PrefixItems = schema.UnrecognizedKeywords?.TryGetValue("prefixItems", out var prefix) == true && prefix is JsonArray list
            ? list.Select(i => i?["$ref"]?.GetValue<string>()).ToList()
            : null;
    }

    public NumericBound? Minimum { get; }

    public NumericBound? Maximum { get; }

    public NumericBound? ExclusiveMinimum { get; }

    public NumericBound? ExclusiveMaximum { get; }

    public Regex? Pattern { get; }

    public List<JsonNode?>? Enum { get; }

    public List<(Regex Pattern, IOpenApiSchema Schema)>? PatternProperties { get; }

    /// <summary>prefixItems as the normalizer left them: component references, one per position.</summary>
    public List<string?>? PrefixItems { get; }

    public static SchemaView Of(IOpenApiSchema schema) => Cache.GetValue(schema, s => new SchemaView(s));

    /// <summary>
    /// A reference's target, looked up once: the library resolves it through the workspace on every
    /// access, building the reference's URI each time (most of the validator's time on large bodies).
    /// </summary>
    public static IOpenApiSchema? Target(OpenApiSchemaReference reference) => Targets.GetValue(reference, r => new Box(TargetOf((OpenApiSchemaReference)r))).Schema;

    // A reference the library cannot even parse throws while it resolves: it has no target.
    private static IOpenApiSchema? TargetOf(OpenApiSchemaReference reference)
    {
        try
        {
            return reference.Target;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    private static readonly ConditionalWeakTable<IOpenApiSchema, Box> Targets = new();

    private sealed record Box(IOpenApiSchema? Schema);

    /// <summary>A bound the model keeps as text, parsed once: exactly where a decimal holds it, else as a double.</summary>
    internal sealed record NumericBound(decimal? Decimal, double Double)
    {
        public static NumericBound? Parse(string? text) =>
            text is null
                ? null
                : new(SchemaValues.Number(text), double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var f) ? f : double.NaN);
    }
}
