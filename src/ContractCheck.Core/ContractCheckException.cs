namespace ContractCheck.Core;

/// <summary>
/// The one exception for everything a user can fix: a bad spec, rules file or flag.
/// It names the place (<see cref="Location"/>) and, where known, the fix (<see cref="Hint"/>).
/// Anything else that escapes the core is a bug.
/// </summary>
public class ContractCheckException : Exception
{
    public ContractCheckException(string message, SourceLocation? location = null, string? hint = null, Exception? inner = null)
        : base(message, inner)
    {
        Location = location;
        Hint = hint;
    }

    /// <summary>Where the problem is (file, line, column or JSON pointer), when there is a place.</summary>
    public SourceLocation? Location { get; }

    /// <summary>How to fix it, in one sentence.</summary>
    public string? Hint { get; }

    /// <summary>What kind of input was wrong; decides the exit code in the CLI.</summary>
    public virtual ErrorKind Kind => ErrorKind.Input;

    /// <summary>The message as shown to a user: place, problem, fix.</summary>
    public string Describe()
    {
        var place = Location is null ? "" : Location + ": ";
        var fix = Hint is null ? "" : Environment.NewLine + "  fix: " + Hint;
        return place + Message + fix;
    }
}
