using System.Globalization;
using System.Text.RegularExpressions;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Reads what a response says about rate limits: Retry-After (delta-seconds or HTTP-date), and the
/// limit / remaining / reset of <c>X-RateLimit-*</c>, <c>RateLimit-*</c> or the structured
/// <c>RateLimit: limit=…, remaining=…, reset=…</c> header.
/// </summary>
public static partial class RateLimitHeaders
{
    /// <summary>How long Retry-After asks to wait; null when absent or unreadable.</summary>
    public static TimeSpan? RetryAfter(ReceivedResponse response, DateTimeOffset now)
    {
        if (response.Header("Retry-After")?.Trim() is not { Length: > 0 } value)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var reference = DateTimeOffset.TryParseExact(response.Header("Date") ?? "", "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var served) ? served : now;
            var wait = date - reference;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>True when Retry-After is delta-seconds or an HTTP-date.</summary>
    public static bool HasValidRetryAfter(ReceivedResponse response) => RetryAfter(response, DateTimeOffset.UtcNow) is not null;

    public static long? Remaining(ReceivedResponse response) => Number(response, "remaining");

    public static long? Limit(ReceivedResponse response) => Number(response, "limit");

    /// <summary>Seconds until the window resets: delta seconds, or an epoch timestamp turned into a delta.</summary>
    public static TimeSpan? Reset(ReceivedResponse response, DateTimeOffset now)
    {
        if (Number(response, "reset") is not { } reset)
        {
            return null;
        }

        // Large values are epoch seconds (GitHub's X-RateLimit-Reset); small ones are seconds to wait.
        var seconds = reset > 1_000_000_000 ? reset - now.ToUnixTimeSeconds() : reset;
        return TimeSpan.FromSeconds(Math.Max(0, seconds));
    }

    private static long? Number(ReceivedResponse response, string field)
    {
        foreach (var name in new[] { "X-RateLimit-" + field, "RateLimit-" + field })
        {
            if (response.Header(name) is { } text && long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        if (response.Header("RateLimit") is { } structured)
        {
            foreach (Match part in Structured().Matches(structured))
            {
                if (part.Groups["key"].Value.Equals(field, StringComparison.OrdinalIgnoreCase) || (field == "remaining" && part.Groups["key"].Value == "r") || (field == "reset" && part.Groups["key"].Value == "t"))
                {
                    return long.Parse(part.Groups["value"].Value, CultureInfo.InvariantCulture);
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<key>[a-z]+)=(?<value>-?\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Structured();
}
