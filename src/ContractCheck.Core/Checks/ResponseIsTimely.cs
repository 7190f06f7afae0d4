namespace ContractCheck.Core.Checks;

/// <summary>response-time: the answer came within <c>conventions.maxResponseMs</c>.</summary>
public sealed class ResponseIsTimely : ICheck
{
    public const string CheckId = "response-time";
    private const string Title = "Slow response";

    public string Id => CheckId;

    public string Description => "the response came within conventions.maxResponseMs";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Probe.Burst is not null)
        {
            yield break; // latency under a burst is reported with the burst's numbers, not judged per answer
        }

        var budget = context.Rules.Conventions.MaxResponseMs;
        var took = (int)context.Exchange.Elapsed.TotalMilliseconds;
        yield return took <= budget
            ? Finding.Pass(Id, Title, $"{took} ms")
            : Finding.Fail(Id, Title, $"the answer took {took} ms, over the {budget} ms budget", $"<= {budget} ms", $"{took} ms", "conventions.maxResponseMs");
    }
}
