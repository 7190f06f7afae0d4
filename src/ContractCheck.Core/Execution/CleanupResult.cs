namespace ContractCheck.Core.Execution;

/// <summary>What deleting a left-over item at the end of the run did: deleted, or why not; and the request that did (or would) delete it.</summary>
public sealed record CleanupResult(CreatedItem Item, bool Deleted, string Detail)
{
    /// <summary>The DELETE sent, or the one that would delete the item (for the report's curl line); null where the spec has none.</summary>
    public SentRequest? Request { get; init; }

    /// <summary>True when the DELETE was sent.</summary>
    public bool Attempted { get; init; }

    /// <summary>The DELETE's exchange, for the HAR and the report.</summary>
    public Exchange? Exchange { get; init; }
}
