using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// burst: for each <c>rateLimit</c> entry of the rules, exactly that many valid requests within the
/// time at the concurrency given; the API must start answering 429 (with Retry-After), never fail,
/// and answer again after the wait. Planned last, so no other probe meets the limit it trips.
/// </summary>
public sealed class BurstProbe : IProbeKind
{
    public const string KindId = "burst";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        foreach (var rule in context.Rules.RateLimits.Where(r => r.Operation.Matches(operation)))
        {
            var request = context.Requests.Build(operation, context.RandomFor(Id, operation));
            var expected = new ExpectedStatus([StatusPattern.Exact(rule.ExpectStatus)], $"rateLimit at {rule.Location}", context.Rules.Expect.Why(Id));
            var recovery = context.Rules.Expect.Find(Id, Steps.Recovery) is { } statuses
                ? new ExpectedStatus(statuses, $"the rules table expect.burst.{Steps.Recovery}", context.Rules.Expect.Why(Id))
                : null;

            // The first request is the burst's template; the second is sent once, after the wait the throttled answers asked for.
            yield return new Probe(Id, operation, [request, request with { Step = Steps.Recovery, Expect = recovery }], expected)
            {
                Burst = new BurstSettings(rule.Requests, rule.Within, rule.Concurrency, rule.ExpectStatus),
                Label = $"{rule.Requests} in {rule.Within.TotalSeconds:0.###} s",
            };
        }
    }
}
