using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>missing-auth: an operation that requires credentials, called without any; expects 401 with a challenge.</summary>
public sealed class MissingAuthProbe : IProbeKind
{
    public const string KindId = "missing-auth";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context) =>
        context.RequiresAuth(operation)
            ? ProbeTable.Single(Id, operation, context, (valid, _) => Credentials.Without(valid, context.Spec, context.Rules))
            : [];
}
