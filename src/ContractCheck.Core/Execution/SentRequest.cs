namespace ContractCheck.Core.Execution;

/// <summary>
/// The request as it went on the wire: method, full URL, every header ContractCheck set (the body's
/// Content-Type apart, in <see cref="ContentType"/>) and the exact body bytes.
/// </summary>
public sealed record SentRequest(string Method, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body, string? ContentType = null)
{
    /// <summary>Every header of the request in the order sent: <see cref="Headers"/>, then Content-Type where there is a body.</summary>
    public IEnumerable<KeyValuePair<string, string>> AllHeaders =>
        ContentType is not null && Body is not null && !Headers.Any(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            ? Headers.Append(new("Content-Type", ContentType))
            : Headers;
}
