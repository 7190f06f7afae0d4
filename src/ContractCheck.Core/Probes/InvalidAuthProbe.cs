using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>invalid-auth: an operation that requires credentials, called with wrong ones of its scheme; expects 401.</summary>
public sealed class InvalidAuthProbe : IProbeKind
{
    public string Id => "invalid-auth";

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

        var random = context.RandomFor(Id, operation);
        var valid = context.Requests.Build(operation, random);
        yield return new Probe(Id, operation, [Credentials.Wrong(valid, operation, context.Spec, context.Rules, random)], expected);
    }
}
