namespace ContractCheck.Core.Probes;

/// <summary>
/// The names of a multi-request probe's steps (<see cref="PlannedRequest.Step"/>): shown in reports, and
/// the keys of their rows in the rules tables (<c>expect.lifecycle.read-after-delete</c>, <c>expect.burst.recovery</c>).
/// </summary>
public static class Steps
{
    public const string Create = "create";
    public const string Read = "read";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string ReadAfterDelete = "read-after-delete";
    public const string DeleteAgain = "delete-again";
    public const string Recovery = "recovery";
    public const string Duplicate = "duplicate";

    /// <summary>The request another identity sends to the main identity's item (cross-identity).</summary>
    public const string AsOther = "as-other";

    /// <summary>The request the limited identity sends (insufficient-permission, permitted).</summary>
    public const string AsLimited = "as-limited";

    /// <summary>The main identity reads its item back after another identity's request: it must be unchanged.</summary>
    public const string ReadBack = "read-back";

    /// <summary>A create carrying the id of the item the probe's own create made (duplicate-create, invalid-body).</summary>
    public const string ExistingId = "existing-id";

    /// <summary>The GET that reads an item's ETag just before a conditional write (not judged).</summary>
    public const string EtagRead = "etag-read";
}
