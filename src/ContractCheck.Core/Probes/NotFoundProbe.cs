using System.Text.Json.Nodes;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Probes;

/// <summary>
/// not-found: an item operation (path ending in an id) called with an id that cannot exist, of the
/// parameter's type and format; expects 404 (or 410), never 200, never 5xx. A PUT that documents 201
/// creates on unknown ids and is not probed; an id parameter with an enum has no unknown value. Where the
/// parameter's constraints leave only a small space of values (a <c>maximum</c> of 1000, a short pattern),
/// no value is certainly unused: the probe is skipped, since a 200 would say nothing and a PUT, PATCH or
/// DELETE could change a real item.
/// </summary>
public sealed class NotFoundProbe : IProbeKind
{
    public const string KindId = "not-found";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        var template = PathTemplate.Parse(operation.Path);
        if (!template.EndsWithParameter || operation.Method is not ("GET" or "HEAD" or "PUT" or "PATCH" or "DELETE")
            || (operation.Method == "PUT" && (operation.Model.Responses?.ContainsKey("201") ?? false)))
        {
            yield break;
        }

        var name = template.ParameterNames.Last();
        var schema = operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == name)?.Schema;
        var random = context.RandomFor(Id, operation);
        if (Missing(schema, random) is not var (missing, certain))
        {
            yield break;
        }

        if (!certain)
        {
            yield return new Probe(Id, operation, [], null, $"{{{name}}} takes values from a small space ({Constraint(schema)}), so no value ContractCheck can make is certainly unused: a 2xx would say nothing, and {operation.Method} could touch a real item");
            yield break;
        }

        var expected = ProbeTable.Expect(Id, operation, context);
        if (expected is null)
        {
            yield return ProbeTable.NoRow(Id, operation);
            yield break;
        }

        var valid = context.Requests.ForError(context.Requests.Build(operation, random), operation);
        var values = new Dictionary<string, PathValue>(valid.PathValues) { [name] = new PathValue(missing, ValueOrigin.Missing) };
        yield return new Probe(Id, operation, [valid with { PathValues = values, ReadFirst = null }], expected);
    }

    /// <summary>
    /// An id of the parameter's type that no real API would have handed out, and whether it is certainly unused:
    /// drawn from a space so large that no real item has it (a number past a billion, a UUID, a long string of
    /// varied characters). Null where the parameter has no unknown value (an enum) or none can be made.
    /// </summary>
    public static (string Value, bool Certain)? Missing(IOpenApiSchema? schema, Random random)
    {
        if (schema?.Enum is { Count: > 0 })
        {
            return null;
        }

        var kind = schema is null ? JsonSchemaType.String : ValueGenerator.Kind(schema);
        if (kind is JsonSchemaType.Integer or JsonSchemaType.Number)
        {
            var high = SchemaValues.Number(schema?.Maximum) ?? (schema?.Format == "int32" ? int.MaxValue : 999_999_999_999m);
            var low = SchemaValues.Number(schema?.Minimum) ?? 1;
            var value = Math.Max(low, Math.Min(high, 999_999_999_999m - random.Next(0, 1000)));
            return (value.ToString(System.Globalization.CultureInfo.InvariantCulture), value >= LargeNumber && value > low);
        }

        if (schema?.Format is "uuid" or "guid")
        {
            return (Strings.Uuid(random), true);
        }

        string? text;
        if (schema?.Pattern is { } pattern)
        {
            text = RegexGenerator.Generate(pattern, random, schema.MinLength, schema.MaxLength);
        }
        else
        {
            text = "contractcheck-missing-" + random.Next(100_000, 999_999);
            text = schema?.MaxLength is { } max && text.Length > max ? text[^max..] : text;
        }

        return text is null ? null : (text, text.Length >= LongText && text.Distinct().Count() >= VariedText);
    }

    // A number at or past a billion, a string of at least 12 characters with 6 different ones: no real item has it by chance.
    private const decimal LargeNumber = 1_000_000_000m;
    private const int LongText = 12;
    private const int VariedText = 6;

    private static string Constraint(IOpenApiSchema? schema) =>
        schema?.Maximum is { } maximum ? "maximum " + maximum
        : schema?.Pattern is { } pattern ? "pattern " + pattern
        : schema?.MaxLength is { } max ? "maxLength " + max
        : schema?.Minimum is { } minimum ? "minimum " + minimum
        : "its constraints";
}
