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
        var target = new Option<string>("--target") { Description = "Which example API: 'todo' (keeps its contract).", DefaultValueFactory = _ => "todo", HelpName = "name" };
        target.AcceptOnlyFromAmong("todo");
        var common = new CommonOptions();
        var command = new Command("demo", "Start the example Todo API on 127.0.0.1 (a free port), check it with its bundled spec and rules, and stop it. Needs nothing but this tool.");
        command.Add(target);
        common.AddTo(command);
        command.SetAction(async (parse, _) =>
        {
            var (app, url) = await TodoApp.StartAsync(new TodoApiOptions());
            try
            {
                output.Console.MarkupLine($"[grey]demo: Todo API started at {Markup.Escape(url.ToString())}[/]");
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
