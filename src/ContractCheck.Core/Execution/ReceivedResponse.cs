using System.Text;

namespace ContractCheck.Core.Execution;

/// <summary>
/// A response as received: status, all headers (response and content headers together), and the body
/// up to the cap (<see cref="Truncated"/> says when more was sent).
/// </summary>
public sealed record ReceivedResponse(int Status, string? Reason, string Version, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, bool Truncated)
{
    /// <summary>The first value of a header (names compared case-insensitively), or null.</summary>
    public string? Header(string name) => Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public IEnumerable<string> HeaderValues(string name) => Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public bool HasHeader(string name) => Headers.Any(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase));

    public string? ContentType => Header("Content-Type");

    /// <summary>
    /// The status and headers came but the body did not end within the timeout (a stream: a watch, server-sent
    /// events). <see cref="Body"/> holds what came; <see cref="Truncated"/> is set too, so no check judges a part as the whole.
    /// </summary>
    public bool Unfinished { get; init; }

    /// <summary>How long the status and headers took to come (for a stream, the time its answer took).</summary>
    public TimeSpan? HeadersAfter { get; init; }

    /// <summary>The body decoded as UTF-8 (invalid bytes replaced), for matching and showing.</summary>
    public string BodyText => _bodyText ??= Encoding.UTF8.GetString(Body);

    private string? _bodyText;
}
