using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;

namespace ContractCheck.Core.Checks;

/// <summary>
/// expected-status: the status is the one the probe expects (the spec's documented success status, or
/// the design table's row). A 2xx to a request without valid credentials is reported as an
/// authentication bypass; to the other identity for the main identity's item, as broken object-level
/// authorization; to the limited identity outside its <c>may</c> list, as a privilege escalation.
/// </summary>
public sealed class StatusIsExpected : ICheck
{
    public const string CheckId = "expected-status";
    public const string BypassTitle = "Authentication bypass";
    public const string BolaTitle = "Broken object-level authorization";
    public const string EscalationTitle = "Privilege escalation";
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
        var planned = context.Exchange.Planned;
        var path = context.Exchange.Request.Url.AbsolutePath;
        if (status is >= 200 and < 300 && planned.As == IdentityNames.Other)
        {
            yield return Finding.Fail(Id, BolaTitle, $"BROKEN OBJECT-LEVEL AUTHORIZATION: the other identity's {planned.Method} of {path}, an item of the main identity, was answered {status}{why}", expected.ToString(), status.ToString(), expected.Source);
            yield break;
        }

        if (status is >= 200 and < 300 && planned.As == IdentityNames.Limited && context.Probe.Kind == InsufficientPermissionProbe.KindId)
        {
            yield return Finding.Fail(Id, EscalationTitle, $"PRIVILEGE ESCALATION: the limited identity may not call {context.Operation.Key} (it is not in identities.limited.may), and {planned.Method} {path} was answered {status}{why}", expected.ToString(), status.ToString(), expected.Source);
            yield break;
        }

        if (status == 401 && planned.As == IdentityNames.Limited && !expected.Allows(401) && context.Probe.Kind == InsufficientPermissionProbe.KindId)
        {
            yield return Finding.Fail(Id, "401 for valid credentials", $"{context.Probe.DisplayName} on {context.Operation.Key}: the limited identity's credentials are valid, and its {planned.Method} was answered 401; what it may not do is refused with {expected}{why}{Token(context)}", expected.ToString(), status.ToString(), expected.Source);
            yield break;
        }

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

        if (step == Steps.ReadBack && status is 404 or 410 && context.Exchange.Previous is { Response: { } before } other)
        {
            yield return Finding.Fail(Id, "Item gone after another identity's request", $"{context.Probe.DisplayName}: the main identity's item {path} answers {status} to its owner after the {other.Planned.As} identity's {other.Planned.Method} (answered {before.Status}): it was deleted by someone who may not", expected.ToString(), status.ToString(), expected.Source);
            yield break;
        }

        if (step == Steps.ReadAfterRefusal && status is 404 or 410 && context.Exchange.Previous?.Response is { } refused)
        {
            yield return Finding.Fail(Id, "Refused write happened anyway", $"{context.Exchange.Previous.Request.Method} was refused with {refused.Status}, yet {path} now answers {status}: the item is gone{why}", expected.ToString(), status.ToString(), expected.Source);
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

        yield return Finding.Fail(Id, Title, message + Token(context), expected.ToString(), status.ToString(), expected.Source);
    }

    // A fetched token refused with 401: whether it was fetched again, or why not.
    private static string Token(CheckContext context) =>
        context.Response.Status == 401 && context.Exchange.TokenNote is { } note ? " — " + note : "";
}
