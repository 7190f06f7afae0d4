namespace ContractCheck.Core.Http;

/// <summary>What parsing a Structured Field gave: the value, or the error saying where it stopped.</summary>
public sealed record SfResult<T>(T? Value, string? Error)
{
    public bool Ok => Error is null;
}
