using ContractCheck.Core.Rules;

namespace ContractCheck.Core.Probes;

/// <summary>What the command line adds to planning: the seed, extra headers, operation filters and the safety modes.</summary>
public sealed record PlanOptions(
    int Seed,
    IReadOnlyList<KeyValuePair<string, string>> ExtraHeaders,
    IReadOnlyList<OperationSelector> Include,
    IReadOnlyList<OperationSelector> Exclude)
{
    public static PlanOptions Default { get; } = new(0, [], [], []);

    /// <summary>A seed for a run that was given none; reports print it, so the run can be repeated with it.</summary>
    public static int RandomSeed() => Random.Shared.Next(1, 1_000_000);

    /// <summary>
    /// New for every run: mixed into the idempotency keys, which a server remembers beyond the run (a day, often), so
    /// that a run with the same --seed against the same server does not replay the last one's creates.
    /// </summary>
    public Guid RunNonce { get; init; } = Guid.NewGuid();

    /// <summary>--read-only: only GET, HEAD and OPTIONS are sent; every other probe is planned as skipped.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>--bursts: with --read-only, bursts of read operations still run.</summary>
    public bool Bursts { get; init; }

    /// <summary>--stateless: as <c>conventions.stateful: false</c> (a mock that does not keep what it is sent).</summary>
    public bool Stateless { get; init; }

    /// <summary>--shard i/n: plan the whole run, keep only this shard's part (see <see cref="Sharding"/>). Null: the whole plan.</summary>
    public Shard? Shard { get; init; }

    /// <summary>How many collections are planned at once (the cores); 1 plans them one after another. The plan is the same either way.</summary>
    internal int Parallelism { get; init; } = Environment.ProcessorCount;
}
