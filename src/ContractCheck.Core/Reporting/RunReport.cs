using ContractCheck.Core.Checks;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Reporting;

/// <summary>Everything a reporter may show about a finished run. Reporters see only this.</summary>
public sealed class RunReport
{
    public RunReport(ApiSpec spec, RuleSet rules, Uri baseUrl, Plan plan, IReadOnlyList<ProbeOutcome> outcomes, IReadOnlyList<CheckResult> results, TimeSpan duration, DateTimeOffset started, Redactor redactor)
    {
        Spec = spec;
        Rules = rules;
        BaseUrl = baseUrl;
        Plan = plan;
        Outcomes = outcomes;
        Results = results;
        Duration = duration;
        Started = started;
        Redactor = redactor;
        Cases = results
            .GroupBy(r => (r.Probe.Operation, Probe: r.Probe.DisplayName, r.Finding.Check))
            .Select(g => new ReportCase(g.Key.Operation, g.Key.Probe, g.Key.Check, g.ToList()))
            .ToList();
    }

    public ApiSpec Spec { get; }

    public RuleSet Rules { get; }

    public Uri BaseUrl { get; }

    public Plan Plan { get; }

    public IReadOnlyList<ProbeOutcome> Outcomes { get; }

    public IReadOnlyList<CheckResult> Results { get; }

    public IReadOnlyList<ReportCase> Cases { get; }

    public TimeSpan Duration { get; }

    public DateTimeOffset Started { get; }

    public Redactor Redactor { get; }

    /// <summary>True when the run was stopped before the end (Ctrl-C, SIGTERM): the report holds what was seen.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Why the run stopped before its end because of the target ("the API stopped answering …"), or null.</summary>
    public string? Stopped { get; init; }

    /// <summary>How many items the run created.</summary>
    public int Created { get; init; }

    /// <summary>Items the run created that no probe deleted, and what deleting them at the end did.</summary>
    public IReadOnlyList<CleanupResult> Cleanup { get; init; } = [];

    public IReadOnlyList<DesignWarning> DesignWarnings => Plan.DesignWarnings;

    /// <summary>Design warnings count as failures under <c>strict: true</c>.</summary>
    public bool DesignWarningsFail => Rules.Strict && DesignWarnings.Count > 0;

    public int Passed => Cases.Count(c => c.Outcome == Outcome.Passed);

    public int Failed => Cases.Count(c => c.Outcome == Outcome.Failed) + (DesignWarningsFail ? DesignWarnings.Count : 0);

    public int Errors => Cases.Count(c => c.Outcome == Outcome.Error);

    public int Skipped => Cases.Count(c => c.Outcome == Outcome.Skipped);

    /// <summary>Requests sent: every exchange (with its ETag read and the 429s waited out), a burst's every request, and the clean-up deletes.</summary>
    public int RequestsSent => Outcomes.Sum(o => o.Exchanges.FirstOrDefault(e => e.Burst is not null)?.Burst is { } burst
        ? burst.Sent + o.Exchanges.Count(e => e.Planned.Step == Steps.Recovery)
        : o.Exchanges.Where(e => e.Response is not null || e.Error is not null).Sum(e => e.OnTheWire.Count())) + Cleanup.Count(c => c.Attempted);

    /// <summary>How many items the run deleted of those it created: by its probes, or at the clean-up.</summary>
    public int Deleted => Created - Cleanup.Count(c => !c.Deleted);

    /// <summary>True when the contract held: no failures and no errors.</summary>
    public bool Success => Failed == 0 && Errors == 0 && Stopped is null;

    /// <summary>Cases in report order: operations in plan order, then probes, then checks.</summary>
    public IEnumerable<IGrouping<ApiOperation, ReportCase>> ByOperation() => Cases.GroupBy(c => c.Operation);

    /// <summary>The closing line: "12 passed, 1 failed, 0 skipped" (", 2 errors" when there are any).</summary>
    public string Summary => $"{Passed} passed, {Failed} failed, {Skipped} skipped" + (Errors > 0 ? $", {Errors} errors" : "");
}
