namespace ContractCheck.Core;

/// <summary>Kinds of user-fixable errors; the CLI maps them to exit codes.</summary>
public enum ErrorKind
{
    /// <summary>Usage, spec or rules error (exit code 2).</summary>
    Input,

    /// <summary>The target API could not be reached (exit code 3).</summary>
    Unreachable,
}
