using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>invalid-auth: an operation that requires credentials, called with wrong ones of its scheme; expects 401.</summary>
public sealed class InvalidAuthProbe : IProbeKind
{
    public const string KindId = "invalid-auth";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context) =>
        context.RequiresAuth(operation)
            ? ProbeTable.Single(Id, operation, context, (valid, random) => Credentials.Wrong(valid, operation, context.Spec, context.Rules, random))
            : [];
}
