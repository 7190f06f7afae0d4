using System.Globalization;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Probes;

/// <summary>
/// pagination-links: a list (a GET whose success is a JSON array, or declares a Link header), asked for its smallest
/// page where it has a page-size parameter; each rel="next" / rel="prev" target of its Link header (RFC 8288) must
/// be on the base URL's origin — a target elsewhere is reported, never contacted — and answer 200. Bounded: the
/// first page's next, then that page's prev, one request each. Without a Link, nothing is followed.
/// </summary>
public sealed class PaginationLinksProbe : IProbeKind
{
    public const string KindId = "pagination-links";

    // Query parameters that set a page's size, compared without case, '_' or '-'.
    private static readonly HashSet<string> PageSizeNames = ["limit", "perpage", "pagesize", "size", "maxresults", "pagelimit"];

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        if (operation.Method != "GET" || !IsList(operation))
        {
            yield break;
        }

        if (ProbeTable.Expect(Id, operation, context) is not { } expected)
        {
            yield return ProbeTable.NoRow(Id, operation);
            yield break;
        }

        var request = context.Requests.Build(operation, context.RandomFor(Id, operation));
        if (Ownership.NoRealItem(request, operation) is { } why)
        {
            yield return new Probe(Id, operation, [], null, why);
            yield break;
        }

        // The smallest page, so that a next page exists as soon as there are two items.
        var given = context.Rules.ForOperation(operation)?.Params ?? new Dictionary<string, string>();
        if (operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Query && p.Name is { } n && PageSizeNames.Contains(Plain(n)) && !given.ContainsKey(n)
            && p.Schema is { } s && ValueGenerator.Kind(s) is JsonSchemaType.Integer or JsonSchemaType.Number) is { Name: { } size, Schema: { } schema })
        {
            var smallest = Math.Max(1, SchemaValues.Number(schema.Minimum) ?? 1).ToString(CultureInfo.InvariantCulture);
            request = request with { Query = [.. request.Query.Where(q => q.Key != size), new(size, smallest)] };
        }

        var list = request with { Step = Steps.List, JudgedBy = [Checks.LinksStayOnOrigin.CheckId] };
        var follow = request with { Body = null, ContentType = null, Expect = expected, ReadFirst = null };
        // How many pages there are depends on what the collection's creates made.
        var family = context.Resources.FamilyOf(operation);
        yield return new Probe(Id, operation, [list, follow with { Step = Steps.Next, FollowLink = "next", Requires = Steps.List }, follow with { Step = Steps.Prev, FollowLink = "prev", Requires = Steps.Next }], expected)
        {
            DependsOn = [.. context.Spec.Operations.Where(o => context.Resources.IsCreate(o) && context.Resources.FamilyOf(o) == family)],
            ComparesReads = true,
        };
    }

    // A list: a success whose JSON body is an array, or that declares a Link header.
    private static bool IsList(ApiOperation operation) =>
        (operation.Model.Responses ?? []).Where(r => r.Key.StartsWith('2') && !Resolved.IsUnresolved(r.Value)).Any(r =>
            (r.Value.Headers?.Keys.Any(h => h.Equals("Link", StringComparison.OrdinalIgnoreCase)) ?? false)
            || (r.Value.Content ?? new Dictionary<string, IOpenApiMediaType>()).Any(c => MediaTypes.IsJson(c.Key) && c.Value?.Schema is { } schema && ValueGenerator.Kind(schema) == JsonSchemaType.Array));

    private static string Plain(string name) => name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
}
