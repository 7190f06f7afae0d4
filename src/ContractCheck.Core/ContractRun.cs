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
        Redactor = new Redactor(
            rules.Auth.SecretValues().Concat(settings.Plan.ExtraHeaders.Where(h => Redactor.IsCredentialName(h.Key)).Select(h => h.Value)),
            SensitiveNames(spec, rules));
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
        var loader = new SpecLoader();
        var spec = settings.SpecText is { } text
            ? loader.Load(text, settings.Spec, null, cancellationToken)
            : loader.Load(settings.Spec, cancellationToken);
        var rulesLoader = new RulesLoader(Defaults.Vocabulary, settings.Environment);
        var rules = settings.RulesText is { } rulesText
            ? rulesLoader.LoadText(rulesText, settings.Rules ?? "contractcheck.yaml")
            : rulesLoader.Load(settings.Rules);
        rules.Validate(spec);
        var errorShape = ErrorShape.From(rules.Errors, spec);
        var plan = Planner.Build(spec, rules, settings.Plan);
        return new ContractRun(settings, spec, rules, plan, errorShape);
    }

    /// <summary>The same prepared run with other execution bounds (no reloading).</summary>
    public ContractRun With(ExecutorOptions executor) => new(Settings with { Executor = executor }, Spec, Rules, Plan, ErrorShape);

    /// <summary>Checks that something listens at the base URL (a TCP connect; no request is sent).</summary>
    /// <exception cref="TargetUnreachableException">when nothing does.</exception>
    public async Task CheckReachableAsync(CancellationToken cancellationToken = default)
    {
        using var executor = new HttpExecutor(Settings.Executor ?? new ExecutorOptions(Settings.BaseUrl));
        await executor.CheckReachableAsync(cancellationToken);
        _reachable = true;
    }

    /// <summary>Sends the plan's requests, judges the answers and hands the report to <paramref name="reporter"/>.</summary>
    public async Task<RunReport> ExecuteAsync(IReporter reporter, IProgress<ProbeOutcome>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var executor = new HttpExecutor(Settings.Executor ?? new ExecutorOptions(Settings.BaseUrl));
        if (!_reachable)
        {
            await executor.CheckReachableAsync(cancellationToken);
        }

        var execution = await executor.RunAsync(Plan, progress, cancellationToken);
        var results = Judge.Run(execution.Outcomes, Spec, Rules, ErrorShape);
        var report = new RunReport(Spec, Rules, Settings.BaseUrl, Plan, execution.Outcomes, results, clock.Elapsed, started, Redactor) { Cleanup = execution.Cleanup, Cancelled = execution.Cancelled };
        reporter.Report(report);
        return report;
    }

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

        if (rules.Auth.HeaderName is { } header)
        {
            yield return header;
        }

        if (rules.Auth.QueryName is { } query)
        {
            yield return query;
        }
    }
}
