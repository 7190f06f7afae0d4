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

    /// <summary>A GET whose answer a later step compares with or takes a validator from (not judged).</summary>
    public const string Reference = "reference";

    /// <summary>A GET made conditional with the validator of the reference before it (conditional-get): revalidating what it read.</summary>
    public const string Revalidate = "revalidate";

    /// <summary>A valid update that changes the item between two reads (conditional-get).</summary>
    public const string Change = "change";

    /// <summary>A write sent with an If-Match that is not the item's current ETag.</summary>
    public const string StaleIfMatch = "stale-if-match";

    /// <summary>A write sent without the If-Match the operation requires.</summary>
    public const string NoIfMatch = "no-if-match";

    /// <summary>The GET after a write refused for its precondition: the item must be as it was.</summary>
    public const string ReadAfterRefusal = "read-after-refusal";

    /// <summary>The idempotency-key probe's steps: a create with a new key, the same again, the key with another body, no key.</summary>
    public const string Replay = "replay";

    public const string OtherBody = "other-body";

    public const string NoKey = "no-key";

    /// <summary>
    /// invalid-body's create carrying the readOnly id of an item that exists: its row is what is accepted besides the
    /// validation status (a server may ignore a readOnly member, JSON Schema 2020-12 validation §9.4).
    /// </summary>
    public const string ReadOnlyId = "read-only-id";

    /// <summary>The pagination-links probe's steps: the first page, its rel="next" target, that page's rel="prev" target.</summary>
    public const string List = "list";

    public const string Next = "next";

    public const string Prev = "prev";

    /// <summary>The steps a rules table row may name (<c>expect.&lt;probe&gt;.&lt;step&gt;</c>).</summary>
    public static IReadOnlyList<string> TableKeys { get; } = [ReadAfterDelete, DeleteAgain, Recovery, NoIfMatch, OtherBody, NoKey, ReadOnlyId];
}
