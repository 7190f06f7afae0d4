using System.Text.RegularExpressions;
using ContractCheck.Tests;

namespace ContractCheck.Cli.Tests;

/// <summary>--shard i/n end to end: the shards of a run check together what the whole run checks, each cleans up what it made.</summary>
public class ShardTests
{
    private static readonly string TodoSpec = Repository.Path("examples", "TodoApi", "openapi.yaml");

    [Test]
    public async Task Run_ThreeShards_CheckTogetherWhatTheWholeRunChecksAndEachCleansUp()
    {
        await using var todo = await TestApi.StartTodoAsync();
        string[] Args(params string[] more) => ["run", "--spec", TodoSpec, "--base-url", todo.BaseUrl.ToString(), "--seed", "11", .. more];

        var whole = await CliRunner.RunAsync(Args());
        var shards = new List<(int Exit, string Out, string Err)>();
        for (var i = 1; i <= 3; i++)
        {
            shards.Add(await CliRunner.RunAsync(Args("--shard", $"{i}/3")));
        }

        Assert.That(whole.Exit, Is.EqualTo(0), whole.Out);
        Assert.That(shards.Select(s => s.Exit), Has.All.EqualTo(0), string.Join("\n", shards.Select(s => s.Out)));
        var (passed, skipped) = Totals(whole.Out);
        Assert.That(shards.Sum(s => Totals(s.Out).Passed), Is.EqualTo(passed), "every check of the whole run, once");
        Assert.That(shards.Sum(s => Totals(s.Out).Skipped), Is.EqualTo(skipped));
        for (var i = 1; i <= 3; i++)
        {
            Assert.That(shards[i - 1].Out, Does.Contain($"shard {i}/3: "), "the header says which part ran");
        }

        foreach (var cleanup in shards.Select(s => Regex.Match(s.Out, @"Clean-up: created (\d+), deleted (\d+)")).Where(m => m.Success))
        {
            Assert.That(cleanup.Groups[2].Value, Is.EqualTo(cleanup.Groups[1].Value), "each shard deletes what it created");
        }
    }

    [Test]
    public async Task DryRun_Shard_PrintsOnlyItsPart()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("run", "--spec", TodoSpec, "--dry-run", "--seed", "3", "--shard", "2/3");

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(stdout, Does.Match(@"shard 2/3: \d of 11 operations, \d+ probes"));
        Assert.That(stdout, Does.Not.Contain("POST    /todos"), "createTodo's group is another shard's");
    }

    private static (int Passed, int Skipped) Totals(string output)
    {
        var m = Regex.Match(output, @"(\d+) passed, (\d+) failed, (\d+) skipped");
        Assert.That(m.Success, Is.True, output);
        return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[3].Value));
    }
}
