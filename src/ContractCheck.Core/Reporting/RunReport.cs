using ContractCheck.Core.Checks;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// The whole of a finished run, every exchange kept: what <see cref="ReportCollector"/> makes for tests and in-process
/// callers. Reporters do not see it; they observe the run as it goes (<see cref="IReporter"/>).
/// </summary>
public sealed class RunReport
{
    public RunReport(RunFinished finished, IReadOnlyList<ProbeResults> probes)
    {
        Finished = finished;
        Probes = probes;
        Outcomes = probes.Select(p => p.Outcome).ToList();
        Results = probes.SelectMany(p => p.Results).ToList();
        Cases = probes.SelectMany(ReportCase.Of).ToList();
    }

    public RunFinished Finished { get; }

    /// <summary>Every probe with its outcome and results, in plan order.</summary>
    public IReadOnlyList<ProbeResults> Probes { get; }

    public ApiSpec Spec => Finished.Run.Spec;

    public RuleSet Rules => Finished.Run.Rules;

    public Uri BaseUrl => Finished.Run.BaseUrl;

    public Plan Plan => Finished.Run.Plan;

    public Redactor Redactor => Finished.Run.Redactor;

    public DateTimeOffset Started => Finished.Run.Started;

    public TimeSpan Duration => Finished.Duration;

    public IReadOnlyList<ProbeOutcome> Outcomes { get; }

    public IReadOnlyList<CheckResult> Results { get; }

    /// <summary>Cases in plan order: each probe's checks.</summary>
    public IReadOnlyList<ReportCase> Cases { get; }

    public bool Cancelled => Finished.Cancelled;

    public string? Stopped => Finished.Stopped;

    public int Created => Finished.Created;

    public IReadOnlyList<CleanupResult> Cleanup => Finished.Cleanup;

    public IReadOnlyList<Exchange> TokenExchanges => Finished.TokenExchanges;

    public IReadOnlyList<string> TokenRenewals => Finished.TokenRenewals;

    public IReadOnlyList<string> Alarms => Finished.Alarms;

    public IReadOnlyList<DesignWarning> DesignWarnings => Plan.DesignWarnings;

    public bool DesignWarningsFail => Finished.Run.DesignWarningsFail;

    public int Passed => Finished.Passed;

    public int Failed => Finished.Failed;

    public int Errors => Finished.Errors;

    public int Skipped => Finished.Skipped;

    public int RequestsSent => Finished.RequestsSent;

    public int Deleted => Finished.Deleted;

    public bool Success => Finished.Success;

    /// <summary>Cases by operation, operations in plan order.</summary>
    public IEnumerable<IGrouping<ApiOperation, ReportCase>> ByOperation() => Cases.GroupBy(c => c.Operation);

    public string Summary => Finished.Summary;
}
