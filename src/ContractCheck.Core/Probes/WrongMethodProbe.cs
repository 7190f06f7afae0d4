using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Probes;

/// <summary>
/// wrong-method: every path, called with each method the spec does not declare for it; expects 405
/// with an Allow header listing exactly the declared methods. HEAD and OPTIONS are left out unless
/// <c>probes.wrong-method.ignoreMethods</c> says otherwise (frameworks answer them for GET and CORS).
/// </summary>
public sealed class WrongMethodProbe : IProbeKind
{
    /// <summary>Methods not tried unless the rules say otherwise (probes.wrong-method.ignoreMethods).</summary>
    internal static readonly string[] DefaultIgnored = ["HEAD", "OPTIONS"];

    public string Id => "wrong-method";

    public IReadOnlyList<string> OptionKeys => ["ignoreMethods"];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        // One set of probes per path, planned with the path's first operation.
        var declared = context.Spec.OperationsAt(operation.Path);
        if (!ReferenceEquals(declared[0], operation))
        {
            yield break;
        }

        var ignored = context.Rules.Probe(Id).IgnoreMethods ?? DefaultIgnored;
        PlannedRequest? shape = null;
        foreach (var method in HttpMethods.Standard.Where(m => !ignored.Contains(m) && declared.All(d => d.Method != m)))
        {
            var undeclared = new ApiOperation(method, operation.Path, new OpenApiOperation(), operation.Parameters, operation.Security, isUndeclared: true);
            var expected = ProbeTable.Expect(Id, undeclared, context);
            if (expected is null)
            {
                yield return ProbeTable.NoRow(Id, undeclared);
                continue;
            }

            // A method that could change data (PUT, PATCH, DELETE on a collection, anything unsafe on an item the run
            // does not own) is not tried at all. Whether it could depends on where the path's values come from, not on
            // the values: one request of the path decides it for every method, before each method's own is built.
            shape ??= context.Requests.Build(operation, context.RandomFor(Id, operation), withBody: false);
            if (Ownership.Refusal(shape with { Method = method }, undeclared, context.Rules) is not null)
            {
                continue;
            }

            var template = context.Requests.Build(operation, context.RandomFor(Id, undeclared), withBody: false);
            yield return new Probe(Id, undeclared, [context.Requests.ForError(template, operation) with { Method = method }], expected);
        }
    }
}
