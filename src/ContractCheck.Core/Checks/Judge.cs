using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Checks;

/// <summary>
/// The Judge stage: every enabled check on every exchange. Pure. A check that throws becomes an error result
/// naming the check, and the other checks still run. Answers that say nothing about the claim a probe tests
/// (<see cref="Unjudged"/>) are skipped with their reason, never failed.
/// </summary>
public static class Judge
{
    /// <summary>The check id under which a probe, or a request of it, that was not judged is reported as skipped.</summary>
    public const string ProbeCheck = "probe";

    // What holds of any answer, whatever the probe could or could not judge: an error body never leaks internals.
    private static readonly HashSet<string> AlwaysJudged = ["no-leak", "not-cacheable-5xx"];

    public static IReadOnlyList<CheckResult> Run(IReadOnlyList<ProbeOutcome> outcomes, ApiSpec spec, RuleSet rules, ErrorShape? errorShape = null, IReadOnlyList<ICheck>? checks = null) =>
        outcomes.SelectMany(o => Run(o, spec, rules, errorShape, checks)).ToList();

    /// <summary>The results of one probe's outcome, as soon as it has run.</summary>
    public static IReadOnlyList<CheckResult> Run(ProbeOutcome outcome, ApiSpec spec, RuleSet rules, ErrorShape? errorShape = null, IReadOnlyList<ICheck>? checks = null)
    {
        checks ??= BuiltInChecks.All;
        var results = new List<CheckResult>();
        if (outcome.NotRunReason is { } reason)
        {
            results.Add(new CheckResult(outcome.Probe, null, Finding.Skip(ProbeCheck, "Probe not run", reason)));
            return results;
        }

        foreach (var exchange in outcome.Exchanges)
        {
            if (exchange.Response is null)
            {
                results.Add(new CheckResult(outcome.Probe, exchange, new Finding(BuiltInChecks.ResponseReceived, Outcome.Error, "No response", exchange.Error ?? "no response")));
                continue;
            }

            if (exchange.Response.Truncated && !exchange.Response.Unfinished)
            {
                results.Add(new CheckResult(outcome.Probe, exchange, new Finding(BuiltInChecks.ResponseReceived, Outcome.Error, "Body too large", $"the body did not end within the {exchange.Response.Body.Length / (1024 * 1024.0):0.#} MB read cap; ContractCheck read that much and stopped (raise it with --max-body-mb)")));
            }

            // A reference (the GET a HEAD is compared with) is evidence only; a step may be judged by some checks only.
            if (exchange.Planned.IsReference)
            {
                continue;
            }

            var only = exchange.Planned.JudgedBy;

            var unjudged = Unjudged(exchange);
            if (unjudged is not null)
            {
                results.Add(new CheckResult(outcome.Probe, exchange, Finding.Skip(ProbeCheck, "Answer not judged", unjudged)));
            }

            var context = new CheckContext(exchange, spec, rules, errorShape);
            foreach (var check in checks.Where(c => rules.IsCheckEnabled(c.Id) && (only is null || only.Contains(c.Id)) && (unjudged is null || AlwaysJudged.Contains(c.Id))))
            {
                results.AddRange(Evaluate(check, context).Select(f => new CheckResult(outcome.Probe, exchange, f)));
            }
        }

        foreach (var (request, why) in outcome.Unsent)
        {
            results.Add(new CheckResult(outcome.Probe, null, Finding.Skip(ProbeCheck, "Step not sent", $"{request.Step ?? request.Method}: {why}")));
        }

        return results;
    }

    /// <summary>
    /// Why an answer says nothing about what its probe tests, or null: a 404 for an id ContractCheck had to
    /// guess (only the not-found probe knows its id cannot exist); a 412 or 428 outside the conditional
    /// probes (the precondition is not what they test); a create that a lifecycle or duplicate-create needed,
    /// refused (happy-path judges the create itself; the chain ends there); and what the request probes cannot
    /// tell (<see cref="Inconclusive"/>: a failed OPTIONS, Accept disregarded, a resource that changed between reads).
    /// </summary>
    public static string? Unjudged(Exchange exchange)
    {
        var response = exchange.Response!;
        var operation = exchange.Planned.Operation ?? exchange.Probe.Operation;
        var name = operation.OperationId ?? operation.Key;
        if (response.Status is 404 or 410 && exchange.UsedGuessedId && exchange.Probe.Kind != NotFoundProbe.KindId)
        {
            return $"{response.Status} for an id ContractCheck had to guess ({exchange.Request.Url.AbsolutePath}) says nothing about the API; give a real one under {Rules.RulesPath.Operation(name, "params")}";
        }

        if (response.Status is 412 or 428 && exchange.Probe.Kind is not (ConditionalWriteProbe.KindId or ConditionalGetProbe.KindId))
        {
            return $"{response.Status}: the server wants a precondition ({(exchange.Preflight is null ? "the request carried none" : "If-Match from the item's GET")}); preconditions are judged by the conditional probes, not by {exchange.Probe.Kind}";
        }

        if (exchange.Planned.Step == Steps.Create && exchange.Probe.Kind != HappyPathProbe.KindId && response.Status is < 200 or >= 300)
        {
            return $"the create this probe needs was refused ({response.Status}); happy-path judges {name} itself, and the rest of the chain was not sent";
        }

        return Inconclusive.Why(exchange);
    }

    private static List<Finding> Evaluate(ICheck check, CheckContext context)
    {
        try
        {
            return check.Check(context).ToList();
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException e)
        {
            return [new Finding(check.Id, Outcome.Error, "Check timed out", $"the pattern {e.Pattern} ran longer than {e.MatchTimeout.TotalMilliseconds:0} ms on this body; simplify it (nested quantifiers backtrack)")];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [new Finding(check.Id, Outcome.Error, "Check crashed", $"the check failed with {e.GetType().Name}: {e.Message} — a ContractCheck bug, please report it")];
        }
    }
}
