using ContractCheck.Core.Checks;
using Spectre.Console;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// The report for people, written as the run goes: one line per probe in the order the stages run, under the name of
/// its operation, details under each failure (expected vs actual, where the rule comes from, the curl that reproduces
/// it, what came back); at the end design and spec warnings, the clean-up and the closing
/// <c>N passed, N failed, N skipped</c> line. <see cref="OutputMode"/> says how much of it. Colour only where the
/// console supports it (Spectre honours NO_COLOR and redirected output).
/// </summary>
public sealed class ConsoleReporter : IReporter
{
    private const int MaxSpecWarnings = 10;
    private const int MaxCoverageRows = 40;
    private const int MaxListed = 20;

    private readonly IAnsiConsole _console;
    private readonly bool _verbose;
    private readonly OutputMode _mode;

    // What the end of the report needs, kept as probes pass: never the exchanges.
    private readonly Dictionary<string, (int Count, List<string> Probes)> _skipped = new(StringComparer.Ordinal);
    private Redactor _redactor = Redactor.None;
    private Spec.ApiOperation? _lastOperation;
    private bool _showedReproductions;

    public ConsoleReporter(IAnsiConsole console, bool verbose = false, OutputMode mode = OutputMode.Full)
    {
        _console = console;
        _verbose = verbose;
        _mode = mode;
    }

    private void Line(string markup) => _console.Line(markup);

    public void Begin(RunStarted run) => _redactor = run.Redactor;

    public void Probe(ProbeResults probe)
    {
        var cases = ReportCase.Of(probe);
        Remember(cases);
        if (cases.Count == 0 || _mode == OutputMode.Summary)
        {
            return;
        }

        var verdict = ProbeVerdict.Of(cases);
        if (_mode == OutputMode.Failures && verdict.Outcome != Outcome.Failed)
        {
            return;
        }

        var r = _redactor;
        var operation = probe.Outcome.Probe.Operation;
        if (!ReferenceEquals(operation, _lastOperation))
        {
            Line($"[bold]{Esc(operation.DisplayName)}[/]");
            _lastOperation = operation;
        }

        var block = ProbeBlock.For(probe, cases, verdict, r, _verbose);
        _showedReproductions |= block.Reproduces;
        foreach (var line in block.Lines)
        {
            Line(line);
        }
    }

    public void End(RunFinished run)
    {
        var report = run.Run;
        if (_mode == OutputMode.Summary)
        {
            if (report.DesignWarnings.Count > 0)
            {
                Line("");
                Line($"[yellow]{report.DesignWarnings.Count} design warning(s)[/] [grey](--output full lists them)[/]");
            }
        }
        else
        {
            DesignWarnings(report);
            SpecWarnings(report);
        }

        if (_verbose)
        {
            SkippedByReason();
        }

        Cleanup(run);
        Renewals(run);
        Alarms(run);
        if (run.Stopped is { } stopped)
        {
            Line("");
            Line($"[bold red]Stopped early: {Esc(stopped)}. The probes after it were not sent.[/]");
        }

        if (run.Cancelled)
        {
            Line("");
            Line($"[yellow]Cancelled: {run.Totals.Cancelled} probes were not run; the report holds what was seen until then.[/]");
        }

        if (_showedReproductions && ProbeBlock.SecretsNote(_redactor) is { } note)
        {
            Line("");
            Line($"[grey]{Esc(note)}[/]");
        }

        CoverageTable(run.Coverage);
        BaselineCounts(run);
        if (run.CoverageShortfall is { } shortfall)
        {
            Line($"[bold red]{Esc(shortfall)}[/]");
        }

        Line("");
        var colour = run.Success ? "green" : "red";
        Line($"[{colour}]{Esc(run.Summary)}[/] [grey]({run.RequestsSent} requests in {run.Duration.TotalSeconds:0.0} s, seed {report.Plan.Seed})[/]");
    }

    // With --verbose the end of the report lists the skips by reason: kept small as probes pass.
    private void Remember(IReadOnlyList<ReportCase> cases)
    {
        if (!_verbose)
        {
            return;
        }

        // Every skipped case once, under the reason it shows first: the counts add up to the summary's "N skipped".
        foreach (var c in cases.Where(c => c.Outcome == Outcome.Skipped))
        {
            var reason = Reason(c.Results[0].Finding.Message);
            var (count, probes) = _skipped.TryGetValue(reason, out var seen) ? seen : (0, new List<string>());
            var name = $"{c.Results[0].Probe.DisplayName} {c.Operation.Key}";
            if (probes.Count <= 4 && !probes.Contains(name))
            {
                probes.Add(name);
            }

            _skipped[reason] = (count + 1, probes);
        }
    }

    private void DesignWarnings(RunStarted report)
    {
        if (report.DesignWarnings.Count == 0)
        {
            return;
        }

        Line("");
        var note = report.Rules.Strict ? "failures, because the rules say strict: true" : "not failures; set strict: true in the rules to make them fail";
        Line($"[yellow]Design warnings[/] [grey](the spec contradicts a design table row; {note})[/]");
        foreach (var w in report.DesignWarnings)
        {
            Line($"  [yellow]![/] {Esc(w.Place)}: {Esc(w.Message)} [grey]({Esc(w.Table)})[/]");
        }
    }

    // An authentication bypass, broken object-level authorization, a privilege escalation: the worst a run can find,
    // said once more at the end, where nobody misses it.
    private void Alarms(RunFinished run)
    {
        foreach (var alarm in run.Alarms)
        {
            Line("");
            Line($"[bold red]{Esc(alarm)}[/]");
        }
    }

    // Tokens fetched again after a 401 (a login that expired during the run): said, so a slow run's re-logins are no secret.
    private void Renewals(RunFinished run)
    {
        foreach (var renewal in run.TokenRenewals)
        {
            Line($"[grey]Token: {Esc(renewal)}[/]");
        }
    }

    // Always said, also when nothing was made: a user must see at a glance that the run left the server as it found it.
    private void Cleanup(RunFinished report)
    {
        var left = report.Cleanup.Where(c => !c.Deleted).ToList();
        Line("");
        Line($"[{(left.Count == 0 ? "grey" : "yellow")}]Clean-up: created {report.Created}, deleted {report.Deleted}{(left.Count == 0 ? "" : $", left {left.Count} on the server")}[/]");
        foreach (var line in left.SelectMany(item => LeftOnServer(item, _redactor)))
        {
            Line(line);
        }
    }

    /// <summary>An item the clean-up could not delete, and the curl that would (markup lines).</summary>
    internal static IEnumerable<string> LeftOnServer(Execution.CleanupResult item, Redactor r)
    {
        yield return $"  [yellow]![/] left on the server: {Esc(item.Item.Path)} ({Esc(item.Detail)})";
        if (item.Request is { } request)
        {
            yield return $"      [grey]delete it:[/] {Esc(CurlCommand.For(request, r))}";
        }
    }

    // What the run could not test and why, grouped by reason: what to add to the rules file, at a glance.
    private void SkippedByReason()
    {
        var skipped = _skipped.OrderByDescending(g => g.Value.Count).ToList();
        if (skipped.Count == 0)
        {
            return;
        }

        Line("");
        Line($"[yellow]Skipped[/] [grey]({skipped.Sum(g => g.Value.Count)}, by reason)[/]");
        foreach (var (reason, (count, probes)) in skipped)
        {
            Line($"  [yellow]-[/] {Esc(_redactor.Text(reason))} [grey]({count}: {Esc(string.Join("; ", probes.Take(4)))}{(probes.Count > 4 ? "; …" : "")})[/]");
        }
    }

    // One row per operation: its probes by outcome, the kinds that tested nothing (why: --verbose), its statuses.
    private void CoverageTable(Coverage coverage)
    {
        if (coverage.Operations.Count == 0)
        {
            return;
        }

        var rows = _verbose || coverage.Operations.Count <= MaxCoverageRows
            ? coverage.Operations
            : coverage.Operations.Where(o => !o.Exercised).Take(MaxCoverageRows).ToList();
        Line("");
        Line($"[bold]Coverage[/]: {Esc(coverage.Summary)}");
        if (rows.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumns("operation", "sent", "pass", "fail", "skip", "skipped kinds", "statuses never seen", "seen, not documented");
            foreach (var o in rows)
            {
                var skippedKinds = o.Probes.Where(p => p.Skipped > 0).Select(p => p.Skipped == p.Planned ? p.Kind : $"{p.Kind} ({p.Skipped} of {p.Planned})");
                table.AddRow(
                    Esc(o.Operation.DisplayName) + (o.Exercised ? "" : " [yellow](not exercised)[/]"),
                    o.Probes.Sum(p => p.Sent).ToString(),
                    o.Probes.Sum(p => p.Passed).ToString(),
                    o.Probes.Sum(p => p.Failed) is var failed and > 0 ? $"[red]{failed}[/]" : "0",
                    o.Probes.Sum(p => p.Skipped).ToString(),
                    Esc(string.Join(", ", skippedKinds)),
                    Esc(string.Join(", ", o.NeverSeen)),
                    Esc(string.Join(", ", o.Undocumented)));
            }

            _console.Write(table);
        }

        if (rows.Count < coverage.Operations.Count)
        {
            Line($"[grey]{coverage.Operations.Count - rows.Count} more operations{(rows.Count == 0 ? ", all exercised" : "")} (--verbose lists every row; --markdown, --html and --json hold the whole matrix)[/]");
        }
    }

    private void BaselineCounts(RunFinished run)
    {
        if (run.Baseline is not { } baseline)
        {
            return;
        }

        Line("");
        var colour = baseline.New > 0 ? "red" : "green";
        Line($"[{colour}]Baseline {Esc(baseline.Path)}: {baseline.New} new, {baseline.Known} known, {baseline.Fixed.Count} fixed[/]" + (baseline.NotChecked.Count > 0 ? $" [grey]({baseline.NotChecked.Count} not checked by this run)[/]" : ""));
        foreach (var f in run.Findings.Where(f => f.Baseline == BaselineState.New).Take(MaxListed))
        {
            Line($"  [red]new[/] {Esc(f.Name)}: {Esc(f.Title)} [grey]({f.Fingerprint})[/]");
        }

        foreach (var e in baseline.Fixed.Take(MaxListed))
        {
            Line($"  [green]fixed[/] {Esc(e.Name)}: {Esc(e.Title)} [grey]({e.Fingerprint})[/]");
        }
    }

    // Steps of chains say which step first; grouped, the reason is what they share.
    private static string Reason(string message) => message.IndexOf(": not sent", StringComparison.Ordinal) is var i and > 0 ? message[(i + 2)..] : message;

    private void SpecWarnings(RunStarted report)
    {
        var warnings = report.Spec.Warnings;
        if (warnings.Count == 0)
        {
            return;
        }

        Line("");
        if (_mode != OutputMode.Full)
        {
            Line($"[yellow]{warnings.Count} spec warning(s)[/] [grey](the spec was still usable; --output full lists them)[/]");
            return;
        }

        Line($"[yellow]Spec warnings[/] [grey]({warnings.Count}; the spec was still usable)[/]");
        foreach (var w in warnings.Take(_verbose ? int.MaxValue : MaxSpecWarnings))
        {
            Line($"  [yellow]![/] {Esc(w.ToString())}");
        }

        if (!_verbose && warnings.Count > MaxSpecWarnings)
        {
            Line($"  [grey]… and {warnings.Count - MaxSpecWarnings} more (--verbose shows all)[/]");
        }
    }

    private static string Esc(string text) => Markup.Escape(text);
}
