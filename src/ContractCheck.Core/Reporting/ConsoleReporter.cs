using ContractCheck.Core.Checks;
using Spectre.Console;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// The report for people: grouped by operation, one line per probe, details under each failure
/// (expected vs actual, where the rule comes from, the curl that reproduces it, what came back),
/// then design and spec warnings and the closing <c>N passed, N failed, N skipped</c> line.
/// Colour only where the console supports it (Spectre honours NO_COLOR and redirected output).
/// </summary>
public sealed class ConsoleReporter : IReporter
{
    private const int MaxSpecWarnings = 10;

    private readonly IAnsiConsole _console;
    private readonly bool _verbose;

    public ConsoleReporter(IAnsiConsole console, bool verbose = false)
    {
        _console = console;
        _verbose = verbose;
    }

    private void Line(string markup) => _console.Line(markup);

    public void Report(RunReport report)
    {
        var r = report.Redactor;
        foreach (var operation in report.ByOperation())
        {
            Line($"[bold]{Esc(operation.Key.DisplayName)}[/]");
            foreach (var probe in operation.GroupBy(c => c.Probe))
            {
                var shown = ProbeLine(probe.Key, probe.ToList(), r);
                if (probe.SelectMany(c => c.Results).Select(x => x.Exchange?.Burst).FirstOrDefault(b => b is not null) is { } burst)
                {
                    Line($"      [grey]{Esc(burst.Summary)}[/]");
                }

                Details(probe.Where(c => c.Outcome is Outcome.Failed or Outcome.Error).ToList(), r);

                if (_verbose)
                {
                    foreach (var skipped in probe.Where(c => c.Outcome == Outcome.Skipped && c.Results[0].Finding.Message != shown))
                    {
                        Line($"      [grey]skip {Esc(skipped.Check)}: {Esc(r.Text(skipped.Results[0].Finding.Message))}[/]");
                    }
                }
            }
        }

        DesignWarnings(report);
        SpecWarnings(report);
        if (_verbose)
        {
            SkippedByReason(report);
        }

        Cleanup(report);
        Bypasses(report);
        if (report.Stopped is { } stopped)
        {
            Line("");
            Line($"[bold red]Stopped early: {Esc(stopped)}. The probes after it were not sent.[/]");
        }

        if (report.Cancelled)
        {
            Line("");
            Line($"[yellow]Cancelled: {report.Outcomes.Count(o => o.WasCancelled)} probes were not run; the report holds what was seen until then.[/]");
        }

        if (report.Failed + report.Errors > 0 && report.Redactor.Variables.ToList() is { Count: > 0 } variables)
        {
            Line("");
            Line($"[grey]The reproduce lines hold no secrets: set {Esc(string.Join(", ", variables))} in your shell first.[/]");
        }

        Line("");
        var colour = report.Success ? "green" : "red";
        Line($"[{colour}]{Esc(report.Summary)}[/] [grey]({report.RequestsSent} requests in {report.Duration.TotalSeconds:0.0} s, seed {report.Plan.Seed})[/]");
    }

    /// <summary>Writes the probe's line; returns the skip reason it shows in place of an answer, if any.</summary>
    private string? ProbeLine(string probe, List<ReportCase> cases, Redactor r)
    {
        var failed = cases.Count(c => c.Outcome is Outcome.Failed or Outcome.Error);
        var passed = cases.Count(c => c.Outcome == Outcome.Passed);
        // The probe's last request is the one it is about (the second of a duplicate pair).
        var exchange = cases.SelectMany(c => c.Results).Select(x => x.Exchange).LastOrDefault(e => e is not null);

        // A probe none of whose answers was judged (the create its chain needed was refused, an id it had to guess
        // answered 404) tested nothing of its claim: a skip with the reason, though the checks of any answer passed.
        var unjudged = cases.Where(c => c.Check == Judge.ProbeCheck).SelectMany(c => c.Results).Where(x => x.Finding.Outcome == Outcome.Skipped && x.Exchange is not null).ToList();
        var judgedNothing = failed == 0 && unjudged.Count > 0
            && cases.SelectMany(c => c.Results).Select(x => x.Exchange).OfType<Execution.Exchange>().All(e => unjudged.Any(x => x.Exchange == e));
        var (word, colour) = failed > 0 ? ("FAIL", "red") : passed > 0 && !judgedNothing ? ("pass", "green") : ("skip", "yellow");
        var answer = exchange?.Response is { } response
            ? $"{response.Status} {Esc(response.Reason ?? "")}, {exchange.Elapsed.TotalMilliseconds:0} ms"
            : exchange?.Error is { } error ? "no response" : Esc(r.Text(cases[0].Results[0].Finding.Message));
        var reason = judgedNothing ? unjudged[0].Finding.Message : null;
        var counts = failed > 0 ? $"{failed} of {cases.Count} checks failed" : reason is not null ? Esc(r.Text(reason)) : passed > 0 ? $"{passed} checks passed" : "";
        Line($"  [{colour}]{word}[/] {Esc(probe),-20} {answer}  [grey]{counts}[/]");
        return exchange is null ? cases[0].Results[0].Finding.Message : reason;
    }

    // One block per request that broke something: every broken check with its findings, then the
    // curl line and the answer once.
    private void Details(List<ReportCase> failed, Redactor r)
    {
        foreach (var byExchange in failed.SelectMany(c => c.Problems).GroupBy(p => p.Exchange))
        {
            foreach (var byCheck in byExchange.GroupBy(p => p.Finding.Check))
            {
                var findings = byCheck.Select(p => p.Finding).ToList();
                Line($"      [red]{Esc(byCheck.Key)}[/]: {Esc(findings[0].Title)}");
                foreach (var f in findings)
                {
                    Line($"        {Esc(r.Text(f.Message))}");
                }

                // With one finding, expected vs actual adds what the sentence may not say; with several it repeats them.
                if (findings is [var single] && (single.Expected is not null || single.Actual is not null))
                {
                    Line($"        [grey]expected:[/] {Esc(r.Text(single.Expected ?? "-"))}  [grey]actual:[/] {Esc(r.Text(single.Actual ?? "-"))}");
                }

                foreach (var source in findings.Select(f => f.Source).OfType<string>().Distinct())
                {
                    Line($"        [grey]rule:[/] {Esc(source)}");
                }
            }

            if (byExchange.Key is { } exchange)
            {
                Line($"      [grey]reproduce:[/] {Esc(CurlCommand.For(exchange.Request, r))}");
                if (exchange.Response is { } response)
                {
                    Line($"      [grey]response:[/] {Esc(ResponseSummary.Line(response))}{Esc(BodyExcerpt(response, r))}");
                }
            }
        }
    }

    private static string BodyExcerpt(Execution.ReceivedResponse response, Redactor r)
    {
        if (response.Body.Length == 0)
        {
            return "";
        }

        var text = r.Text(response.BodyText).ReplaceLineEndings(" ");
        return ": " + (text.Length > 160 ? text[..160] + "…" : text);
    }

    private void DesignWarnings(RunReport report)
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

    // An authentication bypass is the worst thing a run can find: said once more, at the end, where nobody misses it.
    private void Bypasses(RunReport report)
    {
        var bypasses = report.Results.Where(r => r.Finding.Title == StatusIsExpected.BypassTitle).Select(r => r.Probe.Operation.Key).Distinct().ToList();
        if (bypasses.Count > 0)
        {
            Line("");
            Line($"[bold red]AUTHENTICATION BYPASS on {bypasses.Count} operation(s): {Esc(string.Join(", ", bypasses))} answered a request without valid credentials.[/]");
        }
    }

    // Always said, also when nothing was made: a user must see at a glance that the run left the server as it found it.
    private void Cleanup(RunReport report)
    {
        var left = report.Cleanup.Where(c => !c.Deleted).ToList();
        Line("");
        Line($"[{(left.Count == 0 ? "grey" : "yellow")}]Clean-up: created {report.Created}, deleted {report.Deleted}{(left.Count == 0 ? "" : $", left {left.Count} on the server")}[/]");
        foreach (var item in left)
        {
            Line($"  [yellow]![/] left on the server: {Esc(item.Item.Path)} ({Esc(item.Detail)})");
            if (item.Request is { } request)
            {
                Line($"      [grey]delete it:[/] {Esc(CurlCommand.For(request, report.Redactor))}");
            }
        }
    }

    // What the run could not test and why, grouped by reason: what to add to the rules file, at a glance.
    private void SkippedByReason(RunReport report)
    {
        // Every skipped case once, under the reason it shows first: the counts add up to the summary's "N skipped".
        var skipped = report.Cases
            .Where(c => c.Outcome == Outcome.Skipped)
            .GroupBy(c => Reason(c.Results[0].Finding.Message))
            .OrderByDescending(g => g.Count())
            .ToList();
        if (skipped.Count == 0)
        {
            return;
        }

        Line("");
        Line($"[yellow]Skipped[/] [grey]({skipped.Sum(g => g.Count())}, by reason)[/]");
        foreach (var group in skipped)
        {
            var probes = group.Select(c => $"{c.Results[0].Probe.DisplayName} {c.Operation.Key}").Distinct().ToList();
            Line($"  [yellow]-[/] {Esc(report.Redactor.Text(group.Key))} [grey]({group.Count()}: {Esc(string.Join("; ", probes.Take(4)))}{(probes.Count > 4 ? "; …" : "")})[/]");
        }
    }

    // Steps of chains say which step first; grouped, the reason is what they share.
    private static string Reason(string message) => message.IndexOf(": not sent", StringComparison.Ordinal) is var i and > 0 ? message[(i + 2)..] : message;

    private void SpecWarnings(RunReport report)
    {
        var warnings = report.Spec.Warnings;
        if (warnings.Count == 0)
        {
            return;
        }

        Line("");
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
