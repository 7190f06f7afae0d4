using ContractCheck.Core.Execution;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Checks;

/// <summary>
/// The Judge stage: every enabled check on every exchange. Pure. A check that throws becomes an error
/// result naming the check, and the other checks still run.
/// </summary>
public static class Judge
{
    public static IReadOnlyList<CheckResult> Run(IReadOnlyList<ProbeOutcome> outcomes, ApiSpec spec, RuleSet rules, ErrorShape? errorShape = null, IReadOnlyList<ICheck>? checks = null)
    {
        checks ??= BuiltInChecks.All;
        var results = new List<CheckResult>();
        foreach (var outcome in outcomes)
        {
            if (outcome.NotRunReason is { } reason)
            {
                results.Add(new CheckResult(outcome.Probe, null, Finding.Skip("probe", "Probe not run", reason)));
                continue;
            }

            foreach (var exchange in outcome.Exchanges)
            {
                if (exchange.Response is null)
                {
                    results.Add(new CheckResult(outcome.Probe, exchange, new Finding(BuiltInChecks.ResponseReceived, Outcome.Error, "No response", exchange.Error ?? "no response")));
                    continue;
                }

                if (exchange.Response.Truncated)
                {
                    results.Add(new CheckResult(outcome.Probe, exchange, new Finding(BuiltInChecks.ResponseReceived, Outcome.Error, "Body too large", $"the body did not end within the {exchange.Response.Body.Length / (1024 * 1024.0):0.#} MB read cap; ContractCheck read that much and stopped (raise it with --max-body-mb)")));
                }

                var context = new CheckContext(exchange, spec, rules, errorShape);
                foreach (var check in checks.Where(c => rules.IsCheckEnabled(c.Id)))
                {
                    results.AddRange(Evaluate(check, context).Select(f => new CheckResult(outcome.Probe, exchange, f)));
                }
            }
        }

        return results;
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
