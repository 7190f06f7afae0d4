using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>missing-auth: an operation that requires credentials, called without any; expects 401 with a challenge.</summary>
public sealed class MissingAuthProbe : IProbeKind
{
    public string Id => "missing-auth";

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        if (!operation.RequiresAuth)
        {
            yield break;
        }

        var expected = ProbeTable.Expect(Id, operation, context);
        if (expected is null)
        {
            yield return ProbeTable.NoRow(Id, operation);
            yield break;
        }

        var valid = context.Requests.Build(operation, context.RandomFor(Id, operation));
        yield return new Probe(Id, operation, [Credentials.Without(valid, context.Spec, context.Rules)], expected);
    }
}
