using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Probes;

/// <summary>
/// options-allow: every path, called with OPTIONS; a successful answer carries Allow listing exactly the methods
/// the spec declares (RFC 9110 §9.3.7, §10.2.1; HEAD with GET, and OPTIONS itself, may be added). A path that does
/// not answer OPTIONS with a 2xx says nothing about its Allow: that answer is not judged.
/// </summary>
public sealed class OptionsAllowProbe : IProbeKind
{
    public const string KindId = "options-allow";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        // One probe per path, planned with the path's first operation.
        var declared = context.Spec.OperationsAt(operation.Path);
        if (!ReferenceEquals(declared[0], operation))
        {
            yield break;
        }

        var options = declared.FirstOrDefault(o => o.Method == "OPTIONS")
            ?? new ApiOperation("OPTIONS", operation.Path, new OpenApiOperation(), operation.Parameters, operation.Security, isUndeclared: true);
        if (ProbeTable.Expect(Id, options, context) is not { } expected)
        {
            yield return ProbeTable.NoRow(Id, options);
            yield break;
        }

        // The request of a read where the path has one (its credentials, its path values), without a body.
        var template = declared.FirstOrDefault(o => o.Method == "GET") ?? operation;
        var request = context.Requests.Build(template, context.RandomFor(Id, options), withBody: false) with { Method = "OPTIONS" };
        yield return new Probe(Id, options, [request], expected);
    }
}
