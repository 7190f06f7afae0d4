namespace ContractCheck.Core.Checks;

/// <summary>rate-limited: a burst past the documented limit gets throttled (429, or the status the rateLimit entry names).</summary>
public sealed class RateLimited : ICheck
{
    public const string CheckId = "rate-limited";
    private const string Title = "No rate limit";

    public string Id => CheckId;

    public string Description => "a burst of rateLimit.requests within rateLimit.within is throttled with 429 (or the entry's expect status)";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Exchange.Burst is not { } burst)
        {
            yield break;
        }

        yield return burst.Limited > 0
            ? Finding.Pass(Id, Title, burst.Summary)
            : Finding.Fail(Id, Title, $"burst on {context.Operation.Key}: {burst.Summary} — the operation has no rate limit, or a looser one than the rules say", $"some {burst.ExpectStatus}", "none", "rateLimit in the rules");
    }
}
