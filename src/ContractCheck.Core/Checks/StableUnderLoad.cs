namespace ContractCheck.Core.Checks;

/// <summary>no-errors-under-load: a burst gets no 5xx and no broken connections; throttling is the answer to load, failing is not.</summary>
public sealed class StableUnderLoad : ICheck
{
    public const string CheckId = "no-errors-under-load";
    private const string Title = "Errors under load";

    public string Id => CheckId;

    public string Description => "a burst gets no 5xx answers and no connection errors";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Exchange.Burst is not { } burst)
        {
            yield break;
        }

        var serverErrors = burst.Statuses.Where(s => s.Key >= 500).Sum(s => s.Value);
        if (serverErrors == 0 && burst.Errors == 0)
        {
            yield return Finding.Pass(Id, Title);
            yield break;
        }

        var what = new List<string>();
        if (serverErrors > 0)
        {
            what.Add($"{serverErrors} answers were 5xx ({string.Join(", ", burst.Statuses.Where(s => s.Key >= 500).Select(s => $"{s.Key} ×{s.Value}"))})");
        }

        if (burst.Errors > 0)
        {
            what.Add($"{burst.Errors} requests got no answer ({string.Join("; ", burst.ErrorSamples)})");
        }

        yield return Finding.Fail(Id, Title, $"burst on {context.Operation.Key}: {string.Join(" and ", what)} — under load an API throttles, it does not fail", "no 5xx, no connection errors", string.Join("; ", what), "rateLimit in the rules");
    }
}
