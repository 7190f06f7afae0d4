using ContractCheck.Core.Rules;

namespace ContractCheck.Core.Probes;

/// <summary>What the command line adds to planning: the seed, extra headers and operation filters.</summary>
public sealed record PlanOptions(
    int Seed,
    IReadOnlyList<KeyValuePair<string, string>> ExtraHeaders,
    IReadOnlyList<OperationSelector> Include,
    IReadOnlyList<OperationSelector> Exclude)
{
    public static PlanOptions Default { get; } = new(0, [], [], []);
}
