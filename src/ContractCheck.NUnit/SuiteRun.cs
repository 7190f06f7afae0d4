using System.Text;
using ContractCheck.Core;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Spec;

namespace ContractCheck.NUnit;

/// <summary>
/// One planned run of a suite and its test cases. The plan is made once, when NUnit asks for the cases; the whole plan
/// is sent once, by the first case that asks, through <see cref="ContractRun.ExecuteAsync"/> — the stages and lanes,
/// the rate-limit waits, the request ceiling, the clean-up and the masking exactly as the CLI does them. Every case
/// waits for the end of that run (clean-up included) and then judges its own probe: so the order of the requests never
/// depends on the order or parallelism NUnit runs the cases in, and nothing the run created is left behind because
/// the test host exited after the last case it ran (a single case run from the IDE still sends the whole plan).
/// </summary>
internal sealed class SuiteRun
{
    private readonly ContractRun _run;
    private readonly Target _target;
    private readonly Lazy<Task<RunReport>> _report;

    private SuiteRun(ContractRun run, Target target)
    {
        _run = run;
        _target = target;
        _report = new Lazy<Task<RunReport>>(() => Task.Run(ExecuteAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Loads the spec and rules and plans; a <see cref="ContractCheckException"/> names what is wrong in them.</summary>
    public static SuiteRun Prepare(RunSettings settings, Target target) => new(ContractRun.Prepare(settings), target);

    public Plan Plan => _run.Plan;

    /// <summary>The cases in report order: operations as the plan first meets them, then their probes.</summary>
    public IEnumerable<ContractCase> Cases()
    {
        var probes = _run.Plan.Probes
            .GroupBy(p => p.Operation)
            .SelectMany(operation => operation.Select(p => p.DisplayName).Distinct().Select(probe => (Operation: operation.Key, Probe: probe)));
        foreach (var (operation, probe) in probes)
        {
            yield return new ContractCase(CaseName.For(operation.Key, probe), () => ProbeVerdictAsync(operation, probe));
        }

        // Under strict: true the spec's contradictions of a design table are failures, each its own case (as in JUnit).
        if (_run.Rules.Strict)
        {
            foreach (var warning in _run.Plan.DesignWarnings)
            {
                yield return new ContractCase($"design: {warning.Place}", () => Task.FromResult(new CaseVerdict(Outcome.Failed, $"{warning.Message} ({warning.Table})")));
            }
        }
    }

    /// <summary>The whole run: started by the first case that asks, once; it ends after the clean-up.</summary>
    internal Task<RunReport> ReportAsync() => _report.Value;

    private async Task<RunReport> ExecuteAsync()
    {
        var handler = _target.Open();
        try
        {
            var run = _run.With(new ExecutorOptions(_target.BaseUrl) { MaxRequests = _run.Plan.DefaultMaxRequests });
            if (handler is not null)
            {
                run = run.With(handler);
            }

            return await run.ExecuteAsync().ConfigureAwait(false);
        }
        finally
        {
            await _target.CloseAsync().ConfigureAwait(false);
        }
    }

    private async Task<CaseVerdict> ProbeVerdictAsync(ApiOperation operation, string probe)
    {
        RunReport report;
        try
        {
            report = await ReportAsync().ConfigureAwait(false);
        }
        catch (ContractCheckException e)
        {
            // The target could not be reached: every case says so, as the CLI's exit 3 does.
            return new CaseVerdict(Outcome.Failed, e.Describe());
        }

        var r = report.Redactor;
        // One probe of the plan, as a rule; probes an operation's plan names alike are one case, their blocks in plan order.
        var probes = report.Probes.Where(p => p.Outcome.Probe.Operation == operation && p.Outcome.Probe.DisplayName == probe).ToList();
        var blocks = probes.Select(p => ProbeBlock.For(p, r)).ToList();
        var text = string.Join(Environment.NewLine, blocks.Select(b => b.Text));
        var outcome = blocks.Any(b => b.Verdict.Outcome == Outcome.Failed) ? Outcome.Failed
            : blocks.Any(b => b.Verdict.Outcome == Outcome.Passed) ? Outcome.Passed
            : Outcome.Skipped;
        var reason = blocks.Select(b => b.Verdict.Reason).FirstOrDefault(x => x is not null) is { } why ? r.Text(why) : text;
        var output = Output(report, operation, probe);
        switch (outcome)
        {
            case Outcome.Failed:
                var message = new StringBuilder(text).AppendLine();
                if (ProbeBlock.SecretsNote(r, text) is { } note)
                {
                    message.AppendLine(note);
                }

                message.Append($"seed {report.Plan.Seed}: ContractSuite.WithSeed({report.Plan.Seed}) sends the same requests");
                return new CaseVerdict(Outcome.Failed, message.ToString(), output);
            case Outcome.Skipped when report.Stopped is not null && probes.All(p => p.Outcome.Exchanges.Count == 0):
                // Not sent because the target stopped answering: a failure, as the CLI's exit 3 is.
                return new CaseVerdict(Outcome.Failed, reason, output);
            case Outcome.Skipped:
                return new CaseVerdict(Outcome.Skipped, reason, output);
            default:
                return new CaseVerdict(Outcome.Passed, text, output);
        }
    }

    // What the test's output adds to the probe: the design warnings of its operation (on the operation's first case),
    // and the items of the kind its probe creates that the clean-up could not delete.
    private static string? Output(RunReport report, ApiOperation operation, string probe)
    {
        var lines = new List<string>();
        if (!report.Rules.Strict)
        {
            // A warning about the whole spec goes with the run's first case.
            var firstOfRun = report.Cases.FirstOrDefault() is { } c0 && c0.Operation == operation && c0.Probe == probe;
            var firstOfOperation = report.Cases.FirstOrDefault(c => c.Operation == operation)?.Probe == probe;
            foreach (var w in report.DesignWarnings.Where(w => w.Operation is null ? firstOfRun : w.Operation == operation && firstOfOperation))
            {
                lines.Add($"design warning: {w.Place}: {w.Message} ({w.Table})");
            }
        }

        var creates = report.Plan.Probes.Where(p => p.Operation == operation && p.DisplayName == probe).Select(p => p.Creates).OfType<string>().ToHashSet();
        foreach (var left in report.Cleanup.Where(c => !c.Deleted && creates.Contains(c.Item.Key)))
        {
            lines.AddRange(ConsoleReporter.LeftOnServer(left, report.Redactor).Select(PlainLines.Plain));
        }

        return lines.Count == 0 ? null : string.Join(Environment.NewLine, lines);
    }
}
