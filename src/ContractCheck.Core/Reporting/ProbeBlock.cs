using ContractCheck.Core.Checks;
using Spectre.Console;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// What the console shows for one probe: its line (pass, FAIL or skip; the answer; the counts), a burst's numbers,
/// and under a failure each broken check with expected vs actual, the rule, the curl that reproduces it and the
/// response. <see cref="ConsoleReporter"/> prints it; the NUnit package makes it a test case's message, so a failure
/// reads the same in both. The lines are Spectre markup (<see cref="Text"/> is their plain text).
/// </summary>
internal sealed record ProbeBlock(ProbeVerdict Verdict, IReadOnlyList<string> Lines, bool Reproduces)
{
    /// <summary>The block's text without markup, a line per line.</summary>
    public string Text => string.Join(Environment.NewLine, Lines.Select(PlainLines.Plain));

    public static ProbeBlock For(ProbeResults probe, Redactor r, bool verbose = false)
    {
        var cases = ReportCase.Of(probe);
        return For(probe, cases, ProbeVerdict.Of(cases), r, verbose);
    }

    /// <param name="probe">The probe as it ended.</param>
    /// <param name="cases">Its cases (<see cref="ReportCase.Of"/>).</param>
    /// <param name="verdict">How it came out (<see cref="ProbeVerdict.Of"/>).</param>
    /// <param name="r">Masks secrets.</param>
    /// <param name="verbose">Also list the checks that were skipped, each with its reason.</param>
    public static ProbeBlock For(ProbeResults probe, IReadOnlyList<ReportCase> cases, ProbeVerdict verdict, Redactor r, bool verbose)
    {
        var lines = new List<string> { ProbeLine(probe.Outcome.Probe.DisplayName, verdict, r) };
        if (probe.Outcome.Exchanges.FirstOrDefault(e => e.Burst is not null)?.Burst is { } burst)
        {
            lines.Add($"      [grey]{Esc(burst.Summary)}[/]");
        }

        var reproduces = Details(lines, cases.Where(c => c.Outcome is Outcome.Failed or Outcome.Error).ToList(), r);
        if (verbose)
        {
            foreach (var skipped in cases.Where(c => c.Outcome == Outcome.Skipped && c.Results[0].Finding.Message != verdict.Reason))
            {
                lines.Add($"      [grey]skip {Esc(skipped.Check)}: {Esc(r.Text(skipped.Results[0].Finding.Message))}[/]");
            }
        }

        return new ProbeBlock(verdict, lines, reproduces);
    }

    /// <summary>
    /// The sentence that says which variables to set before pasting a reproduce line: those <paramref name="shownIn"/>
    /// names (<c>${TOKEN}</c>), or all the run's; null when there are none.
    /// </summary>
    public static string? SecretsNote(Redactor r, string? shownIn = null) =>
        r.Variables.Where(v => shownIn is null || shownIn.Contains("${" + v + "}", StringComparison.Ordinal)).ToList() is { Count: > 0 } variables
            ? $"The reproduce lines hold no secrets: set {string.Join(", ", variables)} in your shell first"
                + (variables.Any(v => v.StartsWith(Probes.TokenFetch.VariablePrefix, StringComparison.Ordinal)) ? $" ({Probes.TokenFetch.VariablePrefix}…: a token the run fetched; get one as the rules' login, oauth2 or command does)." : ".")
            : null;

    private static string ProbeLine(string probe, ProbeVerdict verdict, Redactor r)
    {
        var (word, colour) = verdict.Outcome switch
        {
            Outcome.Failed => ("FAIL", "red"),
            Outcome.Passed => ("pass", "green"),
            _ => ("skip", "yellow"),
        };
        var exchange = verdict.Exchange;
        var answer = exchange?.Response is { } response
            ? $"{response.Status} {Esc(response.Reason ?? "")}{(exchange.Planned.As is Rules.IdentityNames.Main or Rules.IdentityNames.None ? "" : " as " + exchange.Planned.As)}, {exchange.Elapsed.TotalMilliseconds:0} ms"
            : exchange?.Error is not null ? "no response" : Esc(r.Text(verdict.Reason ?? ""));
        var counts = verdict.FailedChecks > 0 ? $"{verdict.FailedChecks} of {verdict.Checks} checks failed"
            : verdict.Unjudged ? Esc(r.Text(verdict.Reason!))
            : verdict.PassedChecks > 0 ? $"{verdict.PassedChecks} checks passed" : "";
        return $"  [{colour}]{word}[/] {Esc(probe),-20} {answer}  [grey]{counts}[/]";
    }

    // One block per request that broke something: every broken check with its findings, then the curl line and the
    // answer once. True when a curl line was written.
    private static bool Details(List<string> lines, List<ReportCase> failed, Redactor r)
    {
        var reproduces = false;
        foreach (var byExchange in failed.SelectMany(c => c.Problems).GroupBy(p => p.Exchange))
        {
            foreach (var byCheck in byExchange.GroupBy(p => p.Finding.Check))
            {
                var findings = byCheck.Select(p => p.Finding).ToList();
                lines.Add($"      [red]{Esc(byCheck.Key)}[/]: {Esc(findings[0].Title)}");
                foreach (var f in findings)
                {
                    lines.Add($"        {Esc(r.Text(f.Message))}");
                }

                // With one finding, expected vs actual adds what the sentence may not say; with several it repeats them.
                if (findings is [var single] && (single.Expected is not null || single.Actual is not null))
                {
                    lines.Add($"        [grey]expected:[/] {Esc(r.Text(single.Expected ?? "-"))}  [grey]actual:[/] {Esc(r.Text(single.Actual ?? "-"))}");
                }

                foreach (var source in findings.Select(f => f.Source).OfType<string>().Distinct())
                {
                    lines.Add($"        [grey]rule:[/] {Esc(source)}");
                }
            }

            if (byExchange.Key is { } exchange)
            {
                reproduces = true;
                lines.Add($"      [grey]reproduce:[/] {Esc(CurlCommand.For(exchange.Request, r))}");
                if (exchange.Response is { } response)
                {
                    lines.Add($"      [grey]response:[/] {Esc(ResponseSummary.Line(response))}{Esc(BodyExcerpt(response, r))}");
                }
            }
        }

        return reproduces;
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

    private static string Esc(string text) => Markup.Escape(text);
}
