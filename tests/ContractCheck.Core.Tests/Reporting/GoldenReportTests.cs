using System.Text;
using System.Text.RegularExpressions;
using ContractCheck.Core.Reporting;
using ContractCheck.Core.Tests.Checks;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Reporting;

/// <summary>
/// The console and JUnit reports of one run with passes, failures and a skip, compared to reviewed
/// golden files (times, ports and dates normalised). UPDATE_GOLDEN=1 rewrites them.
/// </summary>
public class GoldenReportTests
{
    private static async Task<(string Console, string JUnit)> RunAsync(int workers)
    {
        await using var api = await TestApi.StartAsync(app =>
        {
            app.MapGet("/items", () => Results.Text("{\"success\": false, \"error\": \"db down\"}", "application/json", Encoding.UTF8, 200));
            app.MapPost("/items", () => Results.Text("{\"id\": 7}", "application/json", Encoding.UTF8, 201));
            app.MapGet("/items/{id}", () => Results.Text("NullReferenceException\n   at Items.Get(Int32 id) in /src/Items.cs:line 42", "text/plain", Encoding.UTF8, 404));
            app.MapDelete("/items/{id}", () => Results.NoContent());
        });
        var console = new TextConsole();
        var junit = new MemoryStream();
        var settings = new RunSettings
        {
            Spec = "items.yaml",
            SpecText = ItemsApi.Spec,
            Rules = "rules.yaml",
            RulesText = "auth:\n  bearer: golden-secret-token\n",
            BaseUrl = api.BaseUrl,
            Plan = ContractCheck.Core.Probes.PlanOptions.Default with { Seed = 1 },
            Executor = new ContractCheck.Core.Execution.ExecutorOptions(api.BaseUrl) { Workers = workers },
        };
        await ContractRun.Prepare(settings).ExecuteAsync(new CompositeReporter(new ConsoleReporter(console.Console), new JUnitReporter(() => junit)));
        return (Normalize(console.Text), Normalize(Encoding.UTF8.GetString(junit.ToArray())));
    }

    private static string Normalize(string text)
    {
        text = Regex.Replace(text, @"127\.0\.0\.1:\d+", "127.0.0.1:PORT");
        text = Regex.Replace(text, @"\b\d+ ms\b", "N ms");
        text = Regex.Replace(text, @"in \d+\.\d s", "in N s");
        text = Regex.Replace(text, "time=\"[0-9.]+\"", "time=\"T\"");
        text = Regex.Replace(text, "timestamp=\"[^\"]+\"", "timestamp=\"TS\"");
        return Regex.Replace(text, @"Date: [^\n]+", "Date: DATE");
    }

    // Outcomes are stored by plan index: the same report whether lanes run one at a time or side by side.
    [TestCase(1)]
    [TestCase(8)]
    public async Task ConsoleReport_MatchesGolden(int workers)
    {
        var (console, _) = await RunAsync(workers);

        Golden.AssertMatches(console, "items-console.txt");
    }

    [TestCase(1)]
    [TestCase(8)]
    public async Task JUnitReport_MatchesGolden(int workers)
    {
        var (_, junit) = await RunAsync(workers);

        Golden.AssertMatches(junit, "items-junit.xml");
    }
}
