using System.CommandLine;
using ContractCheck.Core;
using Microsoft.AspNetCore.Builder;
using Spectre.Console;
using TodoApi;

namespace ContractCheck.Cli;

/// <summary><c>contractcheck demo</c>: start an example API in-process on 127.0.0.1 and check it with its bundled spec and rules.</summary>
internal static class DemoCommand
{
    public static Command Create(Output output, Func<CancellationToken> token)
    {
        var target = new Option<string>("--target") { Description = "Which example API: 'todo' keeps its contract; 'bookstore' keeps it with the habits of real APIs (a unique key in its create example, negotiated errors, a 200 create, nested items, If-Match); 'legacy' breaks the Todo API's contract in every classic way (to see what failures look like).", DefaultValueFactory = _ => "todo", HelpName = "todo|bookstore|legacy" };
        target.AcceptOnlyFromAmong("todo", "bookstore", "legacy");
        var common = new CommonOptions();
        var command = new Command("demo", "Start an example API on 127.0.0.1 (a free port), check it with its bundled spec and rules, and stop it. Needs nothing but this tool. Exits 0 for --target todo and bookstore, 1 for --target legacy.");
        command.Add(target);
        common.AddTo(command);
        command.SetAction(async (parse, _) =>
        {
            var demo = Demo.For(parse.GetValue(target)!);
            var plan = Runner.PlanOptions(parse, common, []); // a bad option is reported before the example API starts
            var (app, url) = await demo.Start();
            try
            {
                output.Console.MarkupLine($"[grey]demo: {Markup.Escape(demo.Title)} started at {Markup.Escape(url.ToString())}[/]");
                var settings = new RunSettings
                {
                    Spec = demo.Spec,
                    SpecText = demo.SpecText,
                    Rules = demo.Rules,
                    RulesText = demo.RulesText,
                    BaseUrl = url,
                    Plan = plan,
                    Environment = name => demo.Variables.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name),
                };
                return await Runner.RunAsync(settings, parse, common, output, token());
            }
            finally
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        });
        return command;
    }
}

/// <summary>One example API the demo can start: how to start it and the spec and rules it is checked with.</summary>
internal sealed record Demo(string Title, Func<Task<(WebApplication App, Uri Url)>> Start, string Spec, string SpecText, string Rules, string RulesText, IReadOnlyDictionary<string, string> Variables)
{
    public static Demo For(string name) => name switch
    {
        "legacy" => new("Legacy API (the Todo API's contract, implemented carelessly)", () => LegacyApi.LegacyApp.StartAsync(), "examples/TodoApi/openapi.yaml", TodoApiFiles.OpenApi, "examples/TodoApi/contractcheck.yaml", TodoApiFiles.Rules, TodoVariables),
        "bookstore" => new("Bookstore API", () => BookstoreApi.BookstoreApp.StartAsync(), "examples/BookstoreApi/openapi.yaml", BookstoreApi.BookstoreFiles.OpenApi, "examples/BookstoreApi/contractcheck.yaml", BookstoreApi.BookstoreFiles.Rules, new Dictionary<string, string> { ["BOOKSTORE_API_KEY"] = BookstoreApi.BookstoreApp.DefaultKey }),
        _ => new("Todo API", () => TodoApp.StartAsync(new TodoApiOptions()), "examples/TodoApi/openapi.yaml", TodoApiFiles.OpenApi, "examples/TodoApi/contractcheck.yaml", TodoApiFiles.Rules, TodoVariables),
    };

    private static readonly Dictionary<string, string> TodoVariables = new() { ["TODO_API_TOKEN"] = TodoApiOptions.DefaultToken };
}
