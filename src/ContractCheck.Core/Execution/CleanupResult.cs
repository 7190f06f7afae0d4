namespace ContractCheck.Core.Execution;

/// <summary>What deleting a left-over item at the end of the run did: deleted, or why not.</summary>
public sealed record CleanupResult(CreatedItem Item, bool Deleted, string Detail);
