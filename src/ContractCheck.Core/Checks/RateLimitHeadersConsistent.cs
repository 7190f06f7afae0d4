using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Checks;

/// <summary>
/// rate-limit-headers: where a burst's answers carry rate-limit headers (X-RateLimit-*, RateLimit-*),
/// remaining is never negative, never above the limit, and never grows within one window along the answers one
/// connection received (answers of different connections overtake each other without bound on a loaded server).
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

        // A lane sends its next request only after its answer came, so along one lane the server counted in order:
        // within a window, remaining only goes down. A rise is a new window only where the limit minus what could have
        // been counted since (the answers that came in between, and those in flight) still reaches it.
        foreach (var lane in seen.GroupBy(o => o.Lane))
        {
            RateLimitObservation? previous = null;
            foreach (var o in lane)
            {
                if (previous is { Remaining: { } low } && o.Remaining > low
                    && !(o.Limit is { } limit && o.Remaining >= limit - (o.Index - previous.Index) - burst.Concurrency))
                {
                    problems.Add($"remaining rose from {low} to {o.Remaining} on answer {o.Index + 1} without a new window");
                    break;
                }

                previous = o;
            }

            if (problems.Count > 0)
            {
                break;
            }
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
