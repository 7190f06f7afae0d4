namespace ContractCheck.Core;

/// <summary>The target API could not be reached at all: nothing was judged.</summary>
public sealed class TargetUnreachableException : ContractCheckException
{
    public TargetUnreachableException(string message, string? hint = null, Exception? inner = null)
        : base(message, null, hint, inner)
    {
    }

    public override ErrorKind Kind => ErrorKind.Unreachable;
}
