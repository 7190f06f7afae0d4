using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// permitted (needs <c>identities.limited</c>): each protected operation inside the limited identity's <c>may</c> list,
/// called as that identity, is answered as happy-path answers the main identity: what it may do, it can do. Writes go
/// to an item of the probe's own.
/// </summary>
public sealed class PermittedProbe : IProbeKind
{
    public const string KindId = "permitted";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        if (LimitedRequests.For(operation, context) is not { } limited || !limited.Permits(operation))
        {
            yield break;
        }

        yield return LimitedRequests.Plan(Id, operation, context, Expectations.Success(operation, context, HappyPathProbe.KindId), refused: false);
    }
}
