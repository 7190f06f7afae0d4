namespace ContractCheck.Core.Execution;

/// <summary>What a burst keeps of the answers it only counts: the headers its checks read (throttling and rate-limit fields).</summary>
internal static class BurstAnswers
{
    public static readonly string[] LimitingHeaders =
        ["Retry-After", "Date", "RateLimit", "RateLimit-Policy", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"];

    /// <summary>True for a header a counted answer keeps.</summary>
    public static bool IsLimiting(ReadOnlySpan<byte> name)
    {
        foreach (var limiting in LimitingHeaders)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(name, limiting))
            {
                return true;
            }
        }

        return false;
    }
}
