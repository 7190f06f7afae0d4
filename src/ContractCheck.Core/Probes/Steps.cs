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

    /// <summary>The GET that reads an item's ETag just before a conditional write (not judged).</summary>
    public const string EtagRead = "etag-read";
}
