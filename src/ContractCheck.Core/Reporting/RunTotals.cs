using ContractCheck.Core.Checks;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// The run's counts, kept as probes end: report cases (one check of one probe) by outcome, requests sent, and probes
/// a cancel left unsent. What the closing line, JUnit's totals and the exit code are computed from.
/// </summary>
public sealed class RunTotals
{
    public int Passed { get; private set; }

    /// <summary>Failed cases (design warnings under <c>strict: true</c> are added by <see cref="RunFinished.Failed"/>).</summary>
    public int FailedCases { get; private set; }

    public int Errors { get; private set; }

    public int Skipped { get; private set; }

    /// <summary>Cases in all: one per check of each probe.</summary>
    public int Cases => Passed + FailedCases + Errors + Skipped;

    public int Probes { get; private set; }

    /// <summary>Probes a Ctrl-C or SIGTERM left unsent.</summary>
    public int Cancelled { get; private set; }

    /// <summary>Requests the probes sent: every exchange (with its ETag read and the 429s waited out), a burst's every request.</summary>
    public int ProbeRequests { get; private set; }

    public void Add(ProbeResults probe)
    {
        Probes++;
        Cancelled += probe.Outcome.WasCancelled ? 1 : 0;
        ProbeRequests += RequestsOf(probe.Outcome);
        foreach (var c in ReportCase.Of(probe))
        {
            switch (c.Outcome)
            {
                case Outcome.Passed:
                    Passed++;
                    break;
                case Outcome.Failed:
                    FailedCases++;
                    break;
                case Outcome.Error:
                    Errors++;
                    break;
                default:
                    Skipped++;
                    break;
            }
        }
    }

    /// <summary>Requests one probe put on the wire.</summary>
    public static int RequestsOf(ProbeOutcome outcome) =>
        outcome.Exchanges.FirstOrDefault(e => e.Burst is not null)?.Burst is { } burst
            ? burst.Sent + outcome.Exchanges.Count(e => e.Planned.Step == Steps.Recovery)
            : outcome.Exchanges.Where(e => e.Response is not null || e.Error is not null).Sum(e => e.OnTheWire.Count());
}
