using System.Text.Json.Nodes;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Probes;

/// <summary>
/// not-found: an item operation (path ending in an id) called with an id that cannot exist, of the
/// parameter's type and format; expects 404 (or 410), never 200, never 5xx. A PUT that documents 201
/// creates on unknown ids and is not probed; an id parameter with an enum has no unknown value.
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
        if (Missing(schema, random) is not { } missing)
        {
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

    /// <summary>An id of the parameter's type that no real API would have handed out.</summary>
    public static string? Missing(IOpenApiSchema? schema, Random random)
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
            return Math.Max(low, Math.Min(high, 999_999_999_999m - random.Next(0, 1000))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (schema?.Format is "uuid" or "guid")
        {
            return Strings.Uuid(random);
        }

        if (schema?.Pattern is { } pattern)
        {
            return RegexGenerator.Generate(pattern, random, schema.MinLength, schema.MaxLength);
        }

        var text = "contractcheck-missing-" + random.Next(100_000, 999_999);
        return schema?.MaxLength is { } max && text.Length > max ? text[^max..] : text;
    }
}
