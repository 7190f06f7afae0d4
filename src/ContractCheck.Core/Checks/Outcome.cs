namespace ContractCheck.Core.Checks;

/// <summary>How a check came out on one exchange.</summary>
public enum Outcome
{
    Passed,
    Failed,

    /// <summary>The check could not judge (a guessed id, a probe not run); not a finding either way.</summary>
    Skipped,

    /// <summary>No answer to judge (timeout, reset), or the check itself broke.</summary>
    Error,
}
