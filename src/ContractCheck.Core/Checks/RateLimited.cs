using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Checks;

/// <summary>
/// rate-limited: a burst past the documented limit gets throttled (429, or the status the rateLimit entry names). A burst
/// without throttling whose rate-limit headers show the window beginning again is not judged.
/// </summary>
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

        if (burst.Limited > 0)
        {
            yield return Finding.Pass(Id, Title, burst.Summary);
        }
        else if (NewWindow(burst) is { } reset)
        {
            // A fixed window that resets during the burst lets through what was left of the old one and the whole new one,
            // up to twice its quota: no throttling then says nothing about the limit.
            yield return Finding.Skip(Id, Title, $"not judged: burst on {context.Operation.Key}: {burst.Summary} — the rate-limit headers show a new window began during the burst (remaining rose to {reset.Remaining} on answer {reset.Index + 1}), and across a reset a fixed window lets up to twice its quota through; send more requests, or within a shorter time");
        }
        else
        {
            yield return Finding.Fail(Id, Title, $"burst on {context.Operation.Key}: {burst.Summary} — the operation has no rate limit, or a looser one than the rules say", $"some {burst.ExpectStatus}", "none", "rateLimit in the rules");
        }
    }

    // The first answer along one connection whose remaining is above the answer before it: the server's count began again.
    private static RateLimitObservation? NewWindow(BurstResult burst) =>
        burst.Observations.Where(o => o.Remaining is not null).GroupBy(o => o.Lane)
            .SelectMany(lane => lane.Zip(lane.Skip(1)).Where(pair => pair.Second.Remaining > pair.First.Remaining).Select(pair => pair.Second))
            .OrderBy(o => o.Index)
            .FirstOrDefault();
}
