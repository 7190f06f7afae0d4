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

        // A stream that stays open (a watch) answered when its headers came; the rest is the stream, not the wait.
        var budget = context.Rules.Conventions.MaxResponseMs;
        var stream = context.Response is { Unfinished: true, HeadersAfter: { } headersAfter } ? headersAfter : (TimeSpan?)null;
        var took = (int)(stream ?? context.Exchange.Elapsed).TotalMilliseconds;
        yield return took <= budget
            ? Finding.Pass(Id, Title, stream is null ? $"{took} ms" : $"{took} ms to the headers of a stream that stayed open")
            : Finding.Fail(Id, Title, $"the answer took {took} ms, over the {budget} ms budget", $"<= {budget} ms", $"{took} ms", "conventions.maxResponseMs");
    }
}
