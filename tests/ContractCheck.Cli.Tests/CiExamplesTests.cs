using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContractCheck.Core.Yaml;
using ContractCheck.Tests;

namespace ContractCheck.Cli.Tests;

/// <summary>examples/ci: the GitHub Action and the GitLab template parse, and every option they give contractcheck run exists.</summary>
public class CiExamplesTests
{
    // Inputs of the action that configure the tool's installation or the upload, not an option of run.
    private static readonly string[] NotOptions = ["args", "upload-sarif", "version", "package-source", "dotnet-version"];

    [Test]
    public async Task GitHubAction_IsACompositeActionWhoseInputsAndOptionsAreRunOptions()
    {
        var action = Read("action.yml");

        Assert.That(action["runs"]!["using"]!.GetValue<string>(), Is.EqualTo("composite"));
        var steps = action["runs"]!["steps"]!.AsArray();
        Assert.That(steps.Select(s => s!["uses"]?.GetValue<string>()), Does.Contain("github/codeql-action/upload-sarif@v3"));
        var script = steps.Single(s => s!["id"]?.GetValue<string>() == "contractcheck")!["run"]!.GetValue<string>();
        var inputs = action["inputs"]!.AsObject().Select(p => p.Key).ToList();
        Assert.That(inputs.Where(i => !NotOptions.Contains(i) && !script.Contains("--" + i, StringComparison.Ordinal)), Is.Empty, "each input is passed as the option of its name");

        await AssertRunOptions(Options(script).Concat(inputs.Where(i => !NotOptions.Contains(i)).Select(i => "--" + i)));
    }

    [Test]
    public async Task GitLabTemplate_ReportsJUnitAndShardsByParallelJobs()
    {
        var template = Read("gitlab-ci.yml");

        var job = template[".contractcheck"]!;
        Assert.That(job["artifacts"]!["reports"]!["junit"]!.GetValue<string>(), Is.EqualTo("contractcheck-junit.xml"));
        var script = string.Join("\n", job["script"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.That(script, Does.Contain("--shard ${CI_NODE_INDEX}/${CI_NODE_TOTAL}"));
        await AssertRunOptions(Options(script.Split('\n').Single(l => l.StartsWith("contractcheck run", StringComparison.Ordinal))).Append("--shard"));
    }

    private static JsonNode Read(string file)
    {
        var path = Repository.Path("examples", "ci", file);
        return YamlToJson.Convert(YamlReader.Read(File.ReadAllText(path), path), path)!;
    }

    private static IEnumerable<string> Options(string script) => Regex.Matches(script, @"(?<![\w-])--[a-z][a-z-]*").Select(m => m.Value);

    private static async Task AssertRunOptions(IEnumerable<string> options)
    {
        var (_, help, _) = await CliRunner.RunAsync("run", "--help");
        var missing = options.Distinct().Where(o => !Regex.IsMatch(help, $@"(^|[\s,]){Regex.Escape(o)}([\s,<]|$)", RegexOptions.Multiline)).ToList();
        Assert.That(missing, Is.Empty, "options the CI templates give contractcheck run that it does not have");
    }
}
