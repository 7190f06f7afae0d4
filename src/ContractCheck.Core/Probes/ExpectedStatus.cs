using ContractCheck.Core.Rules;

namespace ContractCheck.Core.Probes;

/// <summary>The statuses a probe's answer must have, and which source said so (the spec, or a table row).</summary>
public sealed record ExpectedStatus(IReadOnlyList<StatusPattern> Statuses, string Source)
{
    public bool Allows(int status) => Statuses.Any(s => s.Matches(status));

    public override string ToString() => string.Join(" or ", Statuses);
}
