using ContractCheck.Core.Checks;
using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// How one probe came out as a whole — failed, passed or skipped, with the reason of a skip — and the answer it is
/// about (its last request: the second of a duplicate pair). The console's probe line and the coverage matrix ask here.
/// </summary>
/// <param name="Outcome">Failed when a check failed or broke; passed when a check passed on an answer that was judged; else skipped.</param>
/// <param name="FailedChecks">Checks that failed or broke.</param>
/// <param name="PassedChecks">Checks that passed.</param>
/// <param name="Checks">Checks in all.</param>
/// <param name="Exchange">The answer the probe is about: its last request's (or that of the step it names, <see cref="Probes.Probe.Shows"/>).</param>
/// <param name="Reason">Why nothing was judged: the skip reason of a probe that sent nothing, or why none of its answers was judged.</param>
/// <param name="Unjudged">True when the probe sent requests but none of its answers was judged.</param>
public sealed record ProbeVerdict(Outcome Outcome, int FailedChecks, int PassedChecks, int Checks, Exchange? Exchange, string? Reason, bool Unjudged)
{
    public static ProbeVerdict Of(IReadOnlyList<ReportCase> cases)
    {
        var failed = cases.Count(c => c.Outcome is Outcome.Failed or Outcome.Error);
        var passed = cases.Count(c => c.Outcome == Outcome.Passed);
        // The probe's last request, unless the probe names the step it is about (the other identity's request of a
        // cross-identity chain, not the owner's read-back after it).
        var exchanges = cases.SelectMany(c => c.Results).Select(x => x.Exchange).OfType<Exchange>().ToList();
        var shows = cases.Count > 0 ? cases[0].Results[0].Probe.Shows : null;
        var exchange = exchanges.LastOrDefault(e => shows is null || e.Planned.Step == shows) ?? exchanges.LastOrDefault();

        // A probe none of whose answers was judged (the create its chain needed was refused, an id it had to guess
        // answered 404) tested nothing of its claim: a skip with the reason, though the checks of any answer passed.
        var unjudged = cases.Where(c => c.Check == Judge.ProbeCheck).SelectMany(c => c.Results).Where(x => x.Finding.Outcome == Outcome.Skipped && x.Exchange is not null).ToList();
        var judgedNothing = failed == 0 && unjudged.Count > 0
            && cases.SelectMany(c => c.Results).Select(x => x.Exchange).OfType<Exchange>().All(e => unjudged.Any(x => x.Exchange == e));
        var outcome = failed > 0 ? Outcome.Failed : passed > 0 && !judgedNothing ? Outcome.Passed : Outcome.Skipped;
        var reason = judgedNothing ? unjudged[0].Finding.Message
            : exchange is null && cases.Count > 0 ? cases[0].Results[0].Finding.Message
            : null;
        return new ProbeVerdict(outcome, failed, passed, cases.Count, exchange, reason, judgedNothing);
    }
}
