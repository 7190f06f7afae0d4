using System.Text;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using ContractCheck.Tests;

namespace ContractCheck.Core.Tests.Fuzz;

/// <summary>
/// A seeded mutation fuzzer over the example spec and rules files: byte flips, truncations, deleted
/// and duplicated lines, type swaps, tabs. Every mutated input must load (and plan) or be rejected
/// with one ContractCheckException that names a place — never another exception, never a hang.
/// </summary>
public class MutationFuzzTests
{
    private const int SpecMutations = 1300;
    private const int RulesMutations = 900;
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(10);

    private static readonly string[] Swaps = ["[]", "{}", "123", "-1.5e999", "true", "null", "\"x\"", "~", "'#/components/schemas/Nope'", "{$ref: '#/a/b'}", "*alias", "&anchor x", "${UNSET_VARIABLE}"];

    [Test]
    public void Mutations_LoadOrFailCleanly()
    {
        var spec = File.ReadAllText(Repository.Path("examples", "TodoApi", "openapi.yaml"));
        var rules = File.ReadAllText(Repository.Path("examples", "TodoApi", "contractcheck.yaml"));
        // CONTRACTCHECK_FUZZ_SEED explores other mutations; the default keeps CI reproducible.
        var random = new Random(int.TryParse(Environment.GetEnvironmentVariable("CONTRACTCHECK_FUZZ_SEED"), out var seed) ? seed : 20261122);
        int loaded = 0, rejected = 0;
        var unexpected = new List<string>();

        for (var i = 0; i < SpecMutations + RulesMutations; i++)
        {
            var isSpec = i < SpecMutations;
            var (mutated, how) = Mutate(isSpec ? spec : rules, random);
            var outcome = Run(() =>
            {
                if (isSpec)
                {
                    var loadedSpec = new SpecLoader().Load(mutated, "openapi.yaml", new Uri("file:///fuzz/openapi.yaml"));
                    Planner.Build(loadedSpec, new RulesLoader(Defaults.Vocabulary).Load(null), PlanOptions.Default);
                }
                else
                {
                    new RulesLoader(Defaults.Vocabulary, _ => null).LoadText(mutated, "contractcheck.yaml");
                }
            });

            switch (outcome)
            {
                case null:
                    loaded++;
                    break;
                case ContractCheckException { Location: not null }:
                    rejected++;
                    break;
                default:
                    unexpected.Add($"#{i} ({(isSpec ? "spec" : "rules")}, {how}): {outcome}");
                    break;
            }
        }

        TestContext.Progress.WriteLine($"fuzzer: {SpecMutations + RulesMutations} mutations ({SpecMutations} of the spec, {RulesMutations} of the rules): {loaded} loaded, {rejected} rejected with a located ContractCheckException, {unexpected.Count} unexpected");
        Assert.That(unexpected, Is.Empty);
        Assert.That(loaded, Is.GreaterThan(100), "the mutations still reach the planner, not only the parser");
        Assert.That(rejected, Is.GreaterThan(100), "the mutations do break things");
    }

    private static Exception? Run(Action load)
    {
        var task = Task.Run(load);
        try
        {
            if (!task.Wait(HangBound))
            {
                return new TimeoutException($"the load did not finish within {HangBound.TotalSeconds} s");
            }

            return null;
        }
        catch (AggregateException e)
        {
            return e.InnerException;
        }
    }

    private static (string Text, string How) Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(7))
        {
            case 0:
                var chars = text.ToCharArray();
                for (var k = 0; k < 1 + random.Next(4); k++)
                {
                    chars[random.Next(chars.Length)] = (char)random.Next(0, 128);
                }

                return (new string(chars), "byte flips");
            case 1:
                return (text[..random.Next(text.Length)], "truncated");
            case 2:
                lines.RemoveAt(random.Next(lines.Count));
                return (string.Join('\n', lines), "line deleted");
            case 3:
                var at = random.Next(lines.Count);
                lines.Insert(at, lines[at]);
                return (string.Join('\n', lines), "line duplicated");
            case 4:
                var candidates = lines.Select((l, n) => (l, n)).Where(x => x.l.Contains(": ", StringComparison.Ordinal)).ToList();
                var (line, index) = candidates[random.Next(candidates.Count)];
                lines[index] = line[..(line.IndexOf(": ", StringComparison.Ordinal) + 2)] + Swaps[random.Next(Swaps.Length)];
                return (string.Join('\n', lines), "type swap");
            case 5:
                var tab = random.Next(lines.Count);
                lines[tab] = "\t" + lines[tab].TrimStart();
                return (string.Join('\n', lines), "tab indent");
            default:
                var from = random.Next(lines.Count);
                var to = random.Next(lines.Count);
                (lines[from], lines[to]) = (lines[to], lines[from]);
                return (string.Join('\n', lines), "lines swapped");
        }
    }
}
