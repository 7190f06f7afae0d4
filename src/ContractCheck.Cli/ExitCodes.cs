namespace ContractCheck.Cli;

/// <summary>The process exit codes, as the README documents them.</summary>
public static class ExitCodes
{
    /// <summary>Every check passed.</summary>
    public const int Passed = 0;

    /// <summary>At least one contract failure (or an error judging a response).</summary>
    public const int Failed = 1;

    /// <summary>Usage, spec or rules error: nothing was sent.</summary>
    public const int InputError = 2;

    /// <summary>The target API could not be reached.</summary>
    public const int Unreachable = 3;

    /// <summary>A ContractCheck bug: an unexpected internal error.</summary>
    public const int InternalError = 4;

    /// <summary>Stopped by Ctrl-C / SIGTERM.</summary>
    public const int Cancelled = 130;
}
