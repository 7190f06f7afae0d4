using System.Diagnostics;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core;

/// <summary>
/// The pipeline end to end: load spec and rules, plan, execute, judge, report. The stages run in one
/// direction; user errors surface as <see cref="ContractCheckException"/> before any request is sent
/// (or as <see cref="TargetUnreachableException"/> when the target cannot be reached).
/// </summary>
public sealed class ContractRun
{
    private ContractRun(RunSettings settings, ApiSpec spec, RuleSet rules, Plan plan, ErrorShape errorShape)
    {
        Settings = settings;
        ErrorShape = errorShape;
        Spec = spec;
        Rules = rules;
        Plan = plan;
        Redactor = new Redactor(Secrets(settings, rules), SensitiveNames(spec, rules), rules.Variables);
    }

    public RunSettings Settings { get; }

    public ApiSpec Spec { get; }

    public RuleSet Rules { get; }

    public Plan Plan { get; }

    public Redactor Redactor { get; }

    public ErrorShape ErrorShape { get; }

    private bool _reachable;

    /// <summary>Loads and validates the spec and rules and plans the run. No request is sent.</summary>
    public static ContractRun Prepare(RunSettings settings, CancellationToken cancellationToken = default)
    {
        // The rules load on the second core while the spec loads (a large spec takes seconds); a bad spec is still
        // reported before a bad rules file.
        var rulesLoader = new RulesLoader(Defaults.Vocabulary, settings.Environment);
        var rulesLoading = Task.Run(() => settings.RulesText is { } rulesText
            ? rulesLoader.LoadText(rulesText, settings.Rules ?? "contractcheck.yaml")
            : rulesLoader.Load(settings.Rules), cancellationToken);
        var loader = new SpecLoader { Lines = settings.SpecLines };
        var spec = settings.SpecText is { } text
            ? loader.Load(text, settings.Spec, null, cancellationToken)
            : loader.Load(settings.Spec, cancellationToken);
        var rules = rulesLoading.GetAwaiter().GetResult();
        rules.Validate(spec);
        var errorShape = ErrorShape.From(rules.Errors, spec);
        var plan = Planner.Build(spec, rules, settings.Plan);
        return new ContractRun(settings, spec, rules, plan, errorShape);
    }

    /// <summary>The same prepared run with other execution bounds (no reloading).</summary>
    public ContractRun With(ExecutorOptions executor) => new(Settings with { Executor = executor }, Spec, Rules, Plan, ErrorShape);

    /// <summary>The same prepared run sent through <paramref name="handler"/> (an ASP.NET Core test server's, started after planning).</summary>
    public ContractRun With(HttpMessageHandler handler) => new(Settings with { Handler = handler }, Spec, Rules, Plan, ErrorShape);

    /// <summary>Checks that the target can be reached (a TCP connect over sockets; nothing for an in-process handler). No request is sent.</summary>
    /// <exception cref="TargetUnreachableException">when it cannot.</exception>
    public async Task CheckReachableAsync(CancellationToken cancellationToken = default)
    {
        using var executor = NewExecutor();
        await executor.CheckReachableAsync(cancellationToken);
        _reachable = true;
    }

    /// <summary>
    /// Sends the plan's requests and judges each probe as it ends; <paramref name="reporter"/> observes the run as it
    /// goes (probes in report order, one call at a time) and keeps what it needs. Nothing else keeps the exchanges.
    /// </summary>
    /// <param name="reporter">Told of the start, of each probe, and of the end.</param>
    /// <param name="progress">Told of each probe as soon as it ends, in the order they end (from the workers' threads): for a live display.</param>
    /// <param name="cancellationToken">Ctrl-C / SIGTERM.</param>
    public async Task<RunFinished> RunAsync(IReporter reporter, IProgress<ProbeResults>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        using var executor = NewExecutor();
        if (!_reachable)
        {
            await executor.CheckReachableAsync(cancellationToken);
        }

        // Reporters begin once the tokens are fetched: a login that fails ends the run before any report is started.
        var started = new RunStarted(Spec, Rules, Settings.BaseUrl, Plan, Redactor, DateTimeOffset.UtcNow);
        var totals = new RunTotals();
        var findings = new FindingLog(Redactor);
        var coverage = new CoverageBuilder(Plan);
        var order = new RunOrder(Plan, probe =>
        {
            totals.Add(probe);
            findings.Add(probe);
            coverage.Add(probe);
            reporter.Probe(probe);
        });
        var execution = await executor.RunAsync(
            Plan,
            (index, outcome) =>
            {
                var probe = new ProbeResults(index, outcome, Judge.Run(outcome, Spec, Rules, ErrorShape));
                progress?.Report(probe);
                order.Add(probe);
            },
            cancellationToken,
            () => reporter.Begin(started));
        order.Flush();
        var (comparison, reported) = Settings.Baseline is { } baseline ? BaselineComparison.Compare(baseline, findings.Findings, findings.Passed) : (null, findings.Findings);
        var finished = new RunFinished(started, clock.Elapsed, totals, execution.Cleanup)
        {
            Cancelled = execution.Cancelled,
            Stopped = execution.Stopped,
            Created = execution.Created,
            Findings = reported,
            Coverage = coverage.Build(),
            Baseline = comparison,
            MinCoverage = Settings.MinCoverage,
            TokenExchanges = execution.TokenExchanges,
            TokenRenewals = execution.TokenRenewals,
        };
        reporter.End(finished);
        return finished;
    }

    /// <summary>
    /// <see cref="RunAsync"/>, keeping every probe to the end: the whole <see cref="RunReport"/>, for tests and in-process
    /// callers that look at every exchange afterwards.
    /// </summary>
    public async Task<RunReport> ExecuteAsync(IReporter? reporter = null, IProgress<ProbeResults>? progress = null, CancellationToken cancellationToken = default)
    {
        var collector = new ReportCollector();
        await RunAsync(reporter is null ? collector : new CompositeReporter(collector, reporter), progress, cancellationToken);
        return collector.Report!;
    }

    private HttpExecutor NewExecutor()
    {
        var options = Settings.Executor ?? new ExecutorOptions(Settings.BaseUrl);
        return new HttpExecutor(options, Settings.Handler is { } handler ? new HandlerTransport(handler, options) : null, Redactor);
    }

    // Every credential the run was given: the auth values, and credential headers or parameters from the command line and the rules.
    private static IEnumerable<string> Secrets(RunSettings settings, RuleSet rules) =>
        rules.AllIdentities.SelectMany(i => i.Auth.SecretValues())
            .Concat(settings.Plan.ExtraHeaders.Where(h => CredentialNames.IsCredential(h.Key)).Select(h => h.Value))
            .Concat(rules.Operations.SelectMany(o => o.Headers.Concat(o.Params)).Where(h => CredentialNames.IsCredential(h.Key)).Select(h => h.Value))
            .Concat(rules.EnvironmentValues);

    // API-key headers and query parameters the spec's security schemes name are credentials too.
    private static IEnumerable<string> SensitiveNames(ApiSpec spec, RuleSet rules)
    {
        foreach (var scheme in spec.Document.Components?.SecuritySchemes?.Values ?? [])
        {
            if (scheme.Name is { Length: > 0 } name)
            {
                yield return name;
            }
        }

        foreach (var auth in rules.AllIdentities.Select(i => i.Auth))
        {
            if (auth.HeaderName is { } header)
            {
                yield return header;
            }

            if (auth.Token?.Header is { } tokenHeader)
            {
                yield return tokenHeader;
            }

            if (auth.QueryName is { } query)
            {
                yield return query;
            }
        }
    }
}
