namespace ContractCheck.Core.Execution;

/// <summary>
/// What one request got: a response, or the error that stood in its place. <see cref="NoAnswer"/> marks the
/// errors that say the target is not answering at all (a timeout, a refused or reset connection), which end
/// the run when they come three times in a row.
/// </summary>
public sealed record TransportResult(ReceivedResponse? Response, string? Error, TimeSpan Elapsed, bool NoAnswer = false);
