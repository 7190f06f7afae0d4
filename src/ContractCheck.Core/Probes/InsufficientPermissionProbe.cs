using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// insufficient-permission (needs <c>identities.limited</c>): each protected operation outside the limited identity's
/// <c>may</c> list, called as that identity. Its credentials are valid, so the answer is 403 Forbidden, not 401 (RFC
/// 9110 §15.5.4 vs §15.5.2); a 2xx is a privilege escalation. Where <c>conventions.hideExistence</c> is on, an item may
/// also answer 404. Writes go to an item of the probe's own, read back afterwards: it must be unchanged.
/// </summary>
public sealed class InsufficientPermissionProbe : IProbeKind
{
    public const string KindId = "insufficient-permission";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        if (LimitedRequests.For(operation, context) is not { } limited || limited.Permits(operation))
        {
            yield break;
        }

        if (ProbeTable.Expect(Id, operation, context) is not { } expected)
        {
            yield return ProbeTable.NoRow(Id, operation);
            yield break;
        }

        // An item it may not see may look missing, where the API hides existence.
        if (context.Rules.Conventions.HideExistence && PathTemplate.Parse(operation.Path).EndsWithParameter && !expected.Allows(404))
        {
            expected = expected with { Statuses = [.. expected.Statuses, Rules.StatusPattern.Exact(404)], Source = expected.Source + " (and 404: conventions.hideExistence)" };
        }

        yield return LimitedRequests.Plan(Id, operation, context, expected, refused: true);
    }
}
