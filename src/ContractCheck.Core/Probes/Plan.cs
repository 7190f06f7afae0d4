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

    /// <summary>The operations the plan checks (not left out by --include, --exclude or skip; in a shard, the shard's own).</summary>
    public IReadOnlyList<ApiOperation> Operations { get; init; } = [];

    /// <summary>The part of the whole plan this is (<c>--shard i/n</c>), or null for the whole plan.</summary>
    public Shard? Shard { get; init; }

    /// <summary>The tokens fetched before the first probe (auth.login, oauth2, command of each identity), main first.</summary>
    public IReadOnlyList<TokenFetch> Tokens { get; init; } = [];

    /// <summary>Requests the plan sends.</summary>
    public int RequestCount => Probes.Sum(p => p.RequestCount);

    /// <summary>The run's request ceiling unless one is given (--max-requests): twice what the plan sends, at least 100.</summary>
    public int DefaultMaxRequests => Math.Max(100, RequestCount * 2);
}
