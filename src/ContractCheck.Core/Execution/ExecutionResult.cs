namespace ContractCheck.Core.Execution;

/// <summary>The Execute stage's output: every probe's outcome (in plan order), what the run created, and the clean-up.</summary>
public sealed record ExecutionResult(IReadOnlyList<ProbeOutcome> Outcomes, IReadOnlyList<CleanupResult> Cleanup)
{
    /// <summary>True when the run was stopped (Ctrl-C, SIGTERM): the outcomes are what was seen until then.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Why the run stopped before its end because of the target ("the API stopped answering …"), or null.</summary>
    public string? Stopped { get; init; }

    /// <summary>How many items the run created (deleted since or not).</summary>
    public int Created { get; init; }

    /// <summary>The requests that fetched tokens (logins, OAuth 2.0 token requests), in the order sent.</summary>
    public IReadOnlyList<Exchange> TokenExchanges { get; init; } = [];

    /// <summary>Each time a token was fetched again after the API refused it with 401.</summary>
    public IReadOnlyList<string> TokenRenewals { get; init; } = [];
}
