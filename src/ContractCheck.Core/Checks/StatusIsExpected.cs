using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Checks;

/// <summary>
/// expected-status: the status is the one the probe expects (the spec's documented success status, or
/// the design table's row). A 2xx to a request without valid credentials is reported as an
/// authentication bypass.
/// </summary>
public sealed class StatusIsExpected : ICheck
{
    public const string CheckId = "expected-status";
    public const string BypassTitle = "Authentication bypass";
    private const string Title = "Unexpected status code";

    private static readonly HashSet<string> AuthProbes = [MissingAuthProbe.KindId, InvalidAuthProbe.KindId, HideExistenceProbe.KindId];

    public string Id => CheckId;

    public string Description => "the status is the one the probe expects: the spec's documented success status, else the design table's status for the probe and method";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Exchange.Expected is not { } expected || (context.Probe.Burst is not null && context.Exchange.Planned.Step != Steps.Recovery))
        {
            // A burst's many answers are judged together by the burst checks; only its recovery is judged here.
            yield break;
        }

        var status = context.Response.Status;
        if (context.Exchange.Planned.Step == Steps.Recovery && !expected.Allows(status))
        {
            yield return Finding.Fail(Id, "No recovery after the rate limit", $"after waiting the {context.Exchange.RateLimitWaits.Sum(w => w.TotalSeconds):0.#} s the throttled answers asked for, {context.Operation.Key} still answered {status}", expected.ToString(), status.ToString(), expected.Source);
            yield break;
        }

        if (status == 429 && !expected.Allows(429))
        {
            // Outside a burst, a 429 is the target's rate limit at work, not an answer to what the probe tests.
            var waits = context.Exchange.RateLimitWaits;
            yield return Finding.Skip(Id, Title, waits.Count > 0
                ? $"the target kept answering 429 (its rate limit) after {waits.Count} waits of {waits.Sum(w => w.TotalSeconds):0.#} s in all; not judged"
                : "the target answered 429 (its rate limit) and --max-requests left no request to send it again after the wait; not judged");
            yield break;
        }

        if (expected.Allows(status))
        {
            yield return Finding.Pass(Id, Title, $"{status} as expected");
            yield break;
        }

        var why = expected.Why is null ? "" : " — " + expected.Why;
        if (status is >= 200 and < 300 && AuthProbes.Contains(context.Probe.Kind))
        {
            yield return Finding.Fail(Id, BypassTitle, $"AUTH BYPASS: {context.Probe.DisplayName} on {context.Operation.Key} was answered {status} without valid credentials{why}", expected.ToString(), status.ToString(), expected.Source);
            yield break;
        }

        var step = context.Exchange.Planned.Step;
        if (step == Steps.ReadAfterDelete && status is >= 200 and < 300)
        {
            yield return Finding.Fail(Id, "Use after delete", $"USE AFTER DELETE: {context.Operation.Key} still answers {status} for {context.Exchange.Request.Url.AbsolutePath} after its DELETE succeeded{why}", expected.ToString(), status.ToString(), expected.Source);
            yield break;
        }

        if (step == Steps.Read && context.Exchange.FollowedLocation && status == 404)
        {
            yield return Finding.Fail(Id, "Location does not resolve", $"the Location of the created item ({context.Exchange.Request.Url.AbsolutePath}) answers 404", expected.ToString(), status.ToString(), expected.Source);
            yield break;
        }

        var label = step is null ? context.Probe.DisplayName : $"{context.Probe.DisplayName} ({step})";
        var message = $"{label} on {context.Operation.Key}: expected {expected}, got {status}{why}";
        if (status is 401 or 403 && context.Probe.Kind == Probes.HappyPathProbe.KindId && context.Operation.RequiresAuth && context.Rules.Auth.IsEmpty
            && !context.Exchange.Request.Headers.Any(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)))
        {
            message += " — the operation needs credentials and none are configured (auth in the rules file, or --header)";
        }

        yield return Finding.Fail(Id, Title, message, expected.ToString(), status.ToString(), expected.Source);
    }
}
