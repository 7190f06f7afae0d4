using System.Diagnostics;
using ContractCheck.Core;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Bench;

/// <summary>
/// Where the time of a run's first stages goes, in one process: spec load, rules, the whole plan, then each probe
/// kind planned alone (after the whole plan, so JIT is paid). For finding what to optimise, not a figure to quote.
/// </summary>
public static class Stages
{
    public static int Run(string spec)
    {
        var path = SpecFiles.Find(spec);
        var text = File.ReadAllText(path);
        var clock = Stopwatch.StartNew();
        var loaded = new SpecLoader().Load(text, path, new Uri(path));
        Console.WriteLine($"spec load        {clock.ElapsedMilliseconds,6} ms  ({loaded.Operations.Count} operations)");
        clock.Restart();
        var rules = new RulesLoader(Defaults.Vocabulary).Load(null);
        Console.WriteLine($"rules            {clock.ElapsedMilliseconds,6} ms");
        clock.Restart();
        var one = Planner.Build(loaded, rules, PlanOptions.Default with { Include = [OperationSelector.Parse("GET /meta")] }, ProbeKinds.All);
        Console.WriteLine($"plan of GET /meta alone (cold) {clock.ElapsedMilliseconds,6} ms  ({one.Probes.Count} probes)");
        for (var round = 1; round <= 2; round++)
        {
            clock.Restart();
            var plan = Planner.Build(loaded, rules, PlanOptions.Default, ProbeKinds.All);
            Console.WriteLine($"plan (round {round})   {clock.ElapsedMilliseconds,6} ms  ({plan.Probes.Count} probes, {plan.RequestCount} requests)");
            clock.Restart();
            var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            {
                Ansi = Spectre.Console.AnsiSupport.No, ColorSystem = Spectre.Console.ColorSystemSupport.NoColors, Out = new Spectre.Console.AnsiConsoleOutput(TextWriter.Null),
            });
            ContractCheck.Core.Reporting.PlanPrinter.Print(plan, loaded, new ContractCheck.Core.Reporting.Redactor([]), console);
            Console.WriteLine($"dry-run print (round {round}) {clock.ElapsedMilliseconds,6} ms");
        }

        clock.Restart();
        _ = Planner.Build(loaded, rules, PlanOptions.Default with { Parallelism = 1 }, ProbeKinds.All);
        Console.WriteLine($"plan on one core  {clock.ElapsedMilliseconds,6} ms  (warm; the plan above uses {Environment.ProcessorCount})");
        clock.Restart();
        _ = Planner.Build(loaded, rules, PlanOptions.Default, []);
        Console.WriteLine($"plan without kinds {clock.ElapsedMilliseconds,5} ms  (selection, design review, clean-up requests)");

        var context = new PlanContext(loaded, rules, PlanOptions.Default);
        clock.Restart();
        foreach (var operation in loaded.Operations)
        {
            context.Requests.Build(operation, new Random(1));
        }

        Console.WriteLine($"one request per operation {clock.ElapsedMilliseconds,6} ms");
        clock.Restart();
        var generator = new ContractCheck.Core.Schema.ValueGenerator(new Random(1), loaded.Document);
        var parameters = 0;
        foreach (var parameter in loaded.Operations.SelectMany(o => o.Parameters))
        {
            parameters++;
            generator.Generate(parameter.Schema);
        }

        Console.WriteLine($"one value per parameter ({parameters}) {clock.ElapsedMilliseconds,6} ms");
        clock.Restart();
        foreach (var parameter in loaded.Operations.SelectMany(o => o.Parameters))
        {
            _ = ContractCheck.Core.Schema.ValueGenerator.Kind(parameter.Schema!);
        }

        Console.WriteLine($"Kind of every parameter   {clock.ElapsedMilliseconds,6} ms");
        clock.Restart();
        foreach (var parameter in loaded.Operations.SelectMany(o => o.Parameters))
        {
            _ = parameter.Schema?.Type;
        }

        Console.WriteLine($"Type of every parameter   {clock.ElapsedMilliseconds,6} ms");

        foreach (var kind in ProbeKinds.All)
        {
            clock.Restart();
            var plan = Planner.Build(loaded, rules, PlanOptions.Default, [kind]);
            Console.WriteLine($"  {kind.Id,-20} {clock.ElapsedMilliseconds,6} ms  ({plan.Probes.Count} probes)");
        }

        return 0;
    }
}
