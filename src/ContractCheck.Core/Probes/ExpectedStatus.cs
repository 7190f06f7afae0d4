using ContractCheck.Core.Rules;

namespace ContractCheck.Core.Probes;

/// <summary>
/// The statuses an answer must have, which source said so (the spec, or a table row), and the row's
/// reason ("malformed JSON must be a client error").
/// </summary>
public sealed record ExpectedStatus(IReadOnlyList<StatusPattern> Statuses, string Source, string? Why = null)
{
    public bool Allows(int status) => Statuses.Any(s => s.Matches(status));

    public override string ToString() => string.Join(" or ", Statuses);
}
