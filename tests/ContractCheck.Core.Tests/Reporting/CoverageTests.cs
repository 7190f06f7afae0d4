using System.Text;
using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Tests.Checks;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Reporting;

/// <summary>The coverage matrix: probes by kind per operation, statuses seen and never seen, and --min-coverage.</summary>
public class CoverageTests
{
    [TestCase(60, false)]
    [TestCase(50, true)]
    public async Task ReadOnlyRun_ExercisesTheReads_AndMinCoverageDecides(double min, bool met)
    {
        await using var api = await TestApi.StartAsync(app =>
        {
            app.MapGet("/items", () => Results.Text("[]", "application/json", Encoding.UTF8, 418));
            app.MapGet("/items/{id}", () => Results.Text("{}", "application/json", Encoding.UTF8, 404));
        });
        var console = new TextConsole();
        var settings = new RunSettings
        {
            Spec = "items.yaml",
            SpecText = ItemsApi.Spec,
            Rules = "rules.yaml",
            RulesText = ItemsApi.Rules,
            BaseUrl = api.BaseUrl,
            Plan = PlanOptions.Default with { Seed = 4, ReadOnly = true },
            Executor = new ExecutorOptions(api.BaseUrl) { RequestTimeout = TimeSpan.FromSeconds(10) },
            MinCoverage = min,
        };

        var markdown = new MemoryStream();
        var run = await ContractRun.Prepare(settings).RunAsync(new CompositeReporter(new ConsoleReporter(console.Console), new MarkdownReporter(() => markdown)));

        var coverage = run.Coverage;
        var row = coverage.Operations.ToDictionary(o => o.Operation.Key);
        Assert.That((coverage.Exercised, coverage.Percent), Is.EqualTo((2, 50.0)));
        Assert.That(row["POST /items"].Exercised, Is.False, "--read-only sends no POST");
        Assert.That(row["POST /items"].Kind(HappyPathProbe.KindId), Is.EqualTo(row["POST /items"].Kind(HappyPathProbe.KindId)! with { Planned = 1, Sent = 0, Skipped = 1 }));
        Assert.That(row["POST /items"].Kind(HappyPathProbe.KindId)!.SkipReasons.Single(), Does.StartWith("--read-only"));
        Assert.That((row["GET /items"].Seen, row["GET /items"].NeverSeen, row["GET /items"].Undocumented), Is.EqualTo((new[] { 418 }, new[] { "200", "400", "500" }, new[] { 418 })));
        Assert.That((row["GET /items/{id}"].Exercised, row["GET /items/{id}"].NeverSeen), Is.EqualTo((true, new[] { "200" })), "not-found judged its 404");
        Assert.That(run.CoverageMet, Is.EqualTo(met));
        Assert.That(console.Text, Does.Contain("Coverage: 2 of 4 operations exercised (50%)").And.Contain("POST /items (createItem) (not exercised)"));
        Assert.That(console.Text.Contains($"Coverage 50% is below --min-coverage {min}", StringComparison.Ordinal), Is.EqualTo(!met));
        Assert.That(System.Text.Encoding.UTF8.GetString(markdown.ToArray()).Contains($"**Coverage 50% is below --min-coverage {min}", StringComparison.Ordinal), Is.EqualTo(!met), "the summary says why the run failed");
    }
}
