using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>The Plan stage's output: probes in the order they run, and what the plan noticed about the spec.</summary>
public sealed record Plan(
    IReadOnlyList<Probe> Probes,
    IReadOnlyList<DesignWarning> DesignWarnings,
    IReadOnlyList<ApiOperation> SkippedOperations,
    int Seed)
{
    /// <summary>For each kind of item (<c>/todos/{}</c>), the DELETE that removes one: used to clean up what the run created.</summary>
    public IReadOnlyDictionary<string, PlannedRequest> Cleanup { get; init; } = new Dictionary<string, PlannedRequest>();

    /// <summary>Requests the plan sends.</summary>
    public int RequestCount => Probes.Sum(p => p.RequestCount);
}
