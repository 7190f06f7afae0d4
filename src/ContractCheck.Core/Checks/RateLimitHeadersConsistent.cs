namespace ContractCheck.Core.Checks;

/// <summary>
/// rate-limit-headers: where a burst's answers carry rate-limit headers (X-RateLimit-*, RateLimit-*),
/// remaining is never negative and never grows within one window — beyond what answers overtaking
/// each other at the burst's concurrency can explain.
/// </summary>
public sealed class RateLimitHeadersConsistent : ICheck
{
    public const string CheckId = "rate-limit-headers";
    private const string Title = "Inconsistent rate-limit headers";

    public string Id => CheckId;

    public string Description => "rate-limit headers of a burst are consistent: remaining never negative, never increasing within a window, never above the limit";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Exchange.Burst is not { } burst)
        {
            yield break;
        }

        var seen = burst.Observations.Where(o => o.Remaining is not null).ToList();
        if (seen.Count == 0)
        {
            yield break;
        }

        var problems = new List<string>();
        if (seen.FirstOrDefault(o => o.Remaining < 0) is { } negative)
        {
            problems.Add($"remaining is {negative.Remaining} on answer {negative.Index + 1}");
        }

        if (seen.FirstOrDefault(o => o.Limit is { } limit && o.Remaining > limit) is { } above)
        {
            problems.Add($"remaining {above.Remaining} is above the limit {above.Limit} on answer {above.Index + 1}");
        }

        // Within a window the lowest remaining seen so far only goes down; answers that overtake
        // each other may show up to `concurrency` more.
        long? lowest = null;
        foreach (var o in seen)
        {
            if (lowest is { } low && o.Remaining > low + burst.Concurrency && !(o.Limit is { } limit && o.Remaining >= limit - burst.Concurrency))
            {
                problems.Add($"remaining rose from {low} to {o.Remaining} on answer {o.Index + 1} without a new window");
                break;
            }

            lowest = lowest is null ? o.Remaining : Math.Min(lowest.Value, o.Remaining!.Value);
        }

        if (problems.Count == 0)
        {
            yield return Finding.Pass(Id, Title);
            yield break;
        }

        foreach (var problem in problems)
        {
            yield return Finding.Fail(Id, Title, $"burst on {context.Operation.Key}: {problem}", source: "rate-limit headers of the burst's answers");
        }
    }
}
