using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>The Plan stage's output: probes in the order they run, and what the plan noticed about the spec.</summary>
public sealed record Plan(
    IReadOnlyList<Probe> Probes,
    IReadOnlyList<DesignWarning> DesignWarnings,
    IReadOnlyList<ApiOperation> SkippedOperations,
    int Seed)
{
    public int RequestCount => Probes.Sum(p => p.SkipReason is null ? p.Requests.Count : 0);
}
