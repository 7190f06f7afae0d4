using System.CommandLine;
using ContractCheck.Core;
using Spectre.Console;
using TodoApi;

namespace ContractCheck.Cli;

/// <summary><c>contractcheck demo</c>: start an example API in-process on 127.0.0.1 and check it with its bundled spec and rules.</summary>
internal static class DemoCommand
{
    public static Command Create(Output output, Func<CancellationToken> token)
    {
        var target = new Option<string>("--target") { Description = "Which example API: 'todo' keeps its contract; 'legacy' breaks it in every classic way (to see what failures look like).", DefaultValueFactory = _ => "todo", HelpName = "todo|legacy" };
        target.AcceptOnlyFromAmong("todo", "legacy");
        var common = new CommonOptions();
        var command = new Command("demo", "Start an example API on 127.0.0.1 (a free port), check it with the Todo API's bundled spec and rules, and stop it. Needs nothing but this tool. Exits 0 for --target todo, 1 for --target legacy.");
        command.Add(target);
        common.AddTo(command);
        command.SetAction(async (parse, _) =>
        {
            var legacy = parse.GetValue(target) == "legacy";
            var (app, url) = legacy ? await LegacyApi.LegacyApp.StartAsync() : await TodoApp.StartAsync(new TodoApiOptions());
            try
            {
                output.Console.MarkupLine($"[grey]demo: {(legacy ? "Legacy API (the Todo API's contract, implemented carelessly)" : "Todo API")} started at {Markup.Escape(url.ToString())}[/]");
                var settings = new RunSettings
                {
                    Spec = "examples/TodoApi/openapi.yaml",
                    SpecText = TodoApiFiles.OpenApi,
                    Rules = "examples/TodoApi/contractcheck.yaml",
                    RulesText = TodoApiFiles.Rules,
                    BaseUrl = url,
                    Plan = Runner.PlanOptions(parse, common, []),
                    Environment = name => name == "TODO_API_TOKEN" ? TodoApiOptions.DefaultToken : Environment.GetEnvironmentVariable(name),
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
