using ContractCheck.Core.Checks;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Rules;
using TodoApi;

namespace ContractCheck.Core.Tests.Support;

/// <summary>Runs the whole pipeline (load, plan, execute, judge) against a real server, as the CLI does.</summary>
public static class Pipeline
{
    public static async Task<RunReport> RunAsync(string spec, string rules, Uri baseUrl, string[]? include = null, TimeSpan? timeout = null, Dictionary<string, string>? env = null)
    {
        var settings = new RunSettings
        {
            Spec = "spec.yaml",
            SpecText = spec,
            Rules = "rules.yaml",
            RulesText = rules,
            BaseUrl = baseUrl,
            Plan = new PlanOptions(7, [], (include ?? []).Select(s => OperationSelector.Parse(s)).ToList(), []),
            Executor = new ExecutorOptions(baseUrl) { RequestTimeout = timeout ?? TimeSpan.FromSeconds(10) },
            Environment = name => env is not null && env.TryGetValue(name, out var v) ? v : null,
        };
        var run = ContractRun.Prepare(settings);
        return await run.ExecuteAsync(new CompositeReporter());
    }

    /// <summary>The whole pipeline with the Todo API's own spec and rules (or <paramref name="rules"/>), as its README runs it.</summary>
    /// <param name="handler">Send through this handler (a TestServer's, in process) instead of sockets.</param>
    public static Task<RunReport> RunTodoAsync(Uri baseUrl, string? rules = null, int seed = 7, string token = TodoApiOptions.DefaultToken, IReporter? reporter = null, string[]? include = null, CancellationToken cancellationToken = default, HttpMessageHandler? handler = null)
    {
        var settings = new RunSettings
        {
            Spec = "openapi.yaml",
            SpecText = TodoApiFiles.OpenApi,
            Rules = "contractcheck.yaml",
            RulesText = rules ?? TodoApiFiles.Rules,
            BaseUrl = baseUrl,
            Plan = PlanOptions.Default with { Seed = seed, Include = (include ?? []).Select(s => OperationSelector.Parse(s)).ToList() },
            Environment = n => n == "TODO_API_TOKEN" ? token : null,
            Handler = handler,
        };
        return ContractRun.Prepare(settings).ExecuteAsync(reporter ?? new CompositeReporter(), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Every case that did not pass, as "METHOD /path probe: check: message" — leaving out the probes the plan
    /// says it must not send (PUT, PATCH or DELETE on a collection: data the run does not own).
    /// </summary>
    public static IEnumerable<string> NotPassed(this RunReport report) =>
        report.Cases.Where(c => c.Outcome != Outcome.Passed && !IsPlannedNotSent(c)).Select(c => $"{c.Operation.Key} {c.Name}: {c.Results[0].Finding.Message}");

    /// <summary>A probe the plan refused to send for the target's safety (its reason starts "not sent: ").</summary>
    public static bool IsPlannedNotSent(ReportCase c) =>
        c.Outcome == Outcome.Skipped && c.Check == Core.Checks.Judge.ProbeCheck && c.Results[0].Finding.Message.StartsWith("not sent: ", StringComparison.Ordinal)
        && c.Results[0].Exchange is null && c.Operation.IsUndeclared;

    /// <summary>The one report case of a check for a probe (happy-path unless named); fails the test if there is not exactly one.</summary>
    public static ReportCase Case(this RunReport report, string check, string? operation = null, string probe = "happy-path")
    {
        var cases = report.Cases.Where(c => c.Check == check && c.Probe == probe && (operation is null || c.Operation.Key == operation)).ToList();
        Assert.That(cases, Has.Count.EqualTo(1), $"cases for {check}: {string.Join(", ", report.Cases.Select(c => c.Operation.Key + " " + c.Name))}");
        return cases[0];
    }
}
