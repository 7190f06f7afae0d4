using System.CommandLine;
using ContractCheck.Core;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Rules;
using Spectre.Console;

namespace ContractCheck.Cli;

/// <summary>Turns parsed options into a run, runs it, and maps the result to an exit code.</summary>
internal static class Runner
{
    public static PlanOptions PlanOptions(ParseResult parse, CommonOptions common, IReadOnlyList<KeyValuePair<string, string>> headers) => new(
        parse.GetValue(common.Seed) ?? Core.Probes.PlanOptions.RandomSeed(),
        headers,
        Selectors(parse.GetValue(common.Include)),
        Selectors(parse.GetValue(common.Exclude)))
    {
        ReadOnly = parse.GetValue(common.ReadOnly),
        Bursts = parse.GetValue(common.Bursts),
        Stateless = parse.GetValue(common.Stateless),
        Shard = parse.GetValue(common.Shard) is { } shard ? Shard.Parse(shard) : null,
    };

    /// <param name="settings">What to check.</param>
    /// <param name="parse">The command line.</param>
    /// <param name="common">The options of run and demo.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="cancellationToken">Ctrl-C / SIGTERM.</param>
    /// <param name="record">For <c>contractcheck baseline</c>: the file to record every finding in (the findings then do not fail).</param>
    public static async Task<int> RunAsync(RunSettings settings, ParseResult parse, CommonOptions common, Output output, CancellationToken cancellationToken, string? record = null)
    {
        var timeout = parse.GetValue(common.Timeout);
        if (timeout is <= 0 or > 3600)
        {
            throw new ContractCheckException($"--timeout {timeout} is out of range", null, "give the seconds a request may take, between 0.1 and 3600");
        }

        if (parse.GetValue(common.MinCoverage) is { } min and (< 0 or > 100))
        {
            throw new ContractCheckException($"--min-coverage {min} is out of range", null, "give a percent between 0 and 100, e.g. --min-coverage 80");
        }

        // --update-baseline records where --baseline points (or the default file), and reads it first when it exists.
        var update = parse.GetValue(common.UpdateBaseline);
        var baselinePath = parse.GetValue(common.Baseline) ?? (update ? Baseline.DefaultFile : null);
        var baseline = baselinePath is null ? null : update && !File.Exists(baselinePath) ? new Baseline(baselinePath, []) : Baseline.Load(baselinePath);
        var writeBaseline = record ?? (update ? baselinePath : null);
        if (writeBaseline is not null)
        {
            Files.CheckWritable(record is null ? "--update-baseline" : "--out", writeBaseline);
        }

        var reports = common.Reports.Select(r => (r.Format, Path: parse.GetValue(r.Option))).Where(r => r.Path is not null).Select(r => (r.Format, Path: r.Path!)).ToList();
        settings = settings with { Baseline = baseline, MinCoverage = parse.GetValue(common.MinCoverage), SpecLines = reports.Any(r => r.Format.SpecLines) };
        var run = ContractRun.Prepare(settings, cancellationToken);
        var console = output.Console;
        if (parse.GetValue(common.DryRun))
        {
            PlanPrinter.Print(run.Plan, run.Spec, run.Redactor, console);
            return ExitCodes.Passed;
        }

        var maxRequests = parse.GetValue(common.MaxRequests) ?? run.Plan.DefaultMaxRequests;
        if (maxRequests < 1)
        {
            throw new ContractCheckException($"--max-requests {maxRequests} must be at least 1");
        }

        var maxBody = parse.GetValue(common.MaxBodyMb);
        if (maxBody is < 1 or > 1024)
        {
            throw new ContractCheckException($"--max-body-mb {maxBody} is out of range", null, "give megabytes between 1 and 1024");
        }

        var workers = parse.GetValue(common.Workers);
        if (workers is < 1 or > 64)
        {
            throw new ContractCheckException($"--workers {workers} is out of range", null, "give between 1 and 64 (default 4); 1 sends one request at a time");
        }

        if (parse.GetValue(common.Bursts) && !parse.GetValue(common.ReadOnly))
        {
            throw new ContractCheckException("--bursts is only for --read-only runs", null, "leave --bursts out: without --read-only the bursts of the rules run anyway");
        }

        foreach (var (format, path) in reports)
        {
            Files.CheckWritable(format.Option, path);
        }

        var mode = Mode(parse, common, record is null ? output.DefaultMode : OutputMode.Summary);
        var executor = new ExecutorOptions(settings.BaseUrl)
        {
            RequestTimeout = TimeSpan.FromSeconds(timeout),
            MaxRequests = maxRequests,
            MaxBodyBytes = maxBody * 1024 * 1024,
            Insecure = parse.GetValue(common.Insecure),
            Workers = workers,
            AllowedHosts = AllowedHosts(parse.GetValue(common.AllowHost)),
        };
        run = run.With(executor);
        await run.CheckReachableAsync(cancellationToken);
        if (mode != OutputMode.Summary)
        {
            console.MarkupLine($"[bold]ContractCheck[/] {Markup.Escape(run.Spec.Title)} [grey]({Markup.Escape(run.Spec.Source)}, {(run.Spec.IsSwagger2 ? "Swagger" : "OpenAPI")} {Markup.Escape(run.Spec.Version)})[/]");
            console.MarkupLine($"[grey]target[/] {Markup.Escape(run.Redactor.Url(settings.BaseUrl))}  [grey]rules[/] {Markup.Escape(string.Join(", ", run.Rules.Sources))}");
            console.MarkupLine($"[grey]{Markup.Escape(PlanPrinter.Counts(run.Plan, run.Spec))}[/]");
            if (PlanPrinter.EmptyShard(run.Plan) is { } empty)
            {
                console.MarkupLine($"[grey]{Markup.Escape(empty)}[/]");
            }

            console.WriteLine();
        }

        IReporter[] reporters = [new ConsoleReporter(console, parse.GetValue(common.Verbose), mode), .. ReportFormats.Create(reports), .. StepSummary(output, reports)];
        var progress = output.Live ? new ProgressLine(run.Plan.Probes.Count) : null;
        var running = run.RunAsync(new CompositeReporter(reporters), progress, cancellationToken);
        var report = progress is null ? await running : await progress.ShowWhileAsync(console, running);
        foreach (var (format, path) in reports)
        {
            console.MarkupLine($"[grey]{Markup.Escape(format.Name)} written to {Markup.Escape(path)}[/]");
        }

        if (report.Cancelled)
        {
            output.Fail("cancelled: the run stopped early; the report shows what was seen and what was cleaned up");
            return ExitCodes.Cancelled;
        }

        if (report.Stopped is { } stopped)
        {
            output.Fail(stopped + "; the reports hold what was seen, and clean-up was tried");
            return ExitCodes.Unreachable;
        }

        if (writeBaseline is not null)
        {
            // contractcheck baseline records today's findings whole; --update-baseline keeps what this run did not check.
            var written = Baseline.Write(writeBaseline, BaselineComparison.Updated(report.Findings, record is null ? report.Baseline : null));
            console.MarkupLine($"[grey]baseline written to {Markup.Escape(writeBaseline)}: {written} known findings; run with --baseline {Markup.Escape(writeBaseline)} to fail only on new ones[/]");
            return record is not null || report.CoverageMet ? ExitCodes.Passed : ExitCodes.Failed;
        }

        return report.Success ? ExitCodes.Passed : ExitCodes.Failed;
    }

    /// <summary>"K: V" header arguments; a malformed one is a usage error.</summary>
    public static List<KeyValuePair<string, string>> Headers(string[]? values)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var value in values ?? [])
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || value[..colon].Any(char.IsWhiteSpace))
            {
                throw new ContractCheckException($"--header '{value}' is not a header", null, "write it as 'Name: value', for example --header 'X-Api-Key: abc'");
            }

            headers.Add(new(value[..colon], value[(colon + 1)..].Trim()));
        }

        return headers;
    }

    // A host name, or host:port; a URL given by mistake is told apart, so nothing is allowed that was not meant.
    private static List<string> AllowedHosts(string[]? values)
    {
        var hosts = new List<string>();
        foreach (var value in values ?? [])
        {
            var host = value.Trim();
            if (host.Length == 0 || host.Contains('/', StringComparison.Ordinal) || Uri.CheckHostName(host.Split(':')[0]) == UriHostNameType.Unknown)
            {
                throw new ContractCheckException($"--allow-host '{value}' is not a host name", null, "give the host alone, such as --allow-host auth.example.com (or auth.example.com:8443)");
            }

            hosts.Add(host);
        }

        return hosts;
    }

    private static List<OperationSelector> Selectors(string[]? values) => (values ?? []).Select(v => OperationSelector.Parse(v)).ToList();

    // On GitHub Actions the Markdown summary goes to the job's page as well (appended, as GitHub expects).
    private static IEnumerable<IReporter> StepSummary(Output output, List<(ReportFormat Format, string Path)> reports)
    {
        if (output.Environment("GITHUB_STEP_SUMMARY") is not { Length: > 0 } summary
            || reports.Any(r => r.Format == ReportFormats.Markdown && Path.GetFullPath(r.Path) == Path.GetFullPath(summary)))
        {
            yield break;
        }

        Files.CheckWritable("GITHUB_STEP_SUMMARY", summary);
        yield return MarkdownReporter.ForStepSummary(summary);
    }

    // --output, else --quiet, else what suits where the output goes (a terminal, or a CI log).
    private static OutputMode Mode(ParseResult parse, CommonOptions common, OutputMode byDefault)
    {
        var quiet = parse.GetValue(common.Quiet);
        switch (parse.GetValue(common.Output))
        {
            case null:
                return quiet ? OutputMode.Failures : byDefault;
            case var given when quiet && given != "failures":
                throw new ContractCheckException($"--quiet and --output {given} say different things", null, "--quiet is --output failures: give one of them");
            case "summary":
                return OutputMode.Summary;
            case "failures":
                return OutputMode.Failures;
            default:
                return OutputMode.Full;
        }
    }
}
