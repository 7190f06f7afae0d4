using System.Text.Json.Nodes;
using ContractCheck.Core;
using ContractCheck.Core.Yaml;

namespace ContractCheck.Core.Tests.Yaml;

public class YamlReaderTests
{
    [Test]
    public void Read_Mapping_KeepsLineAndColumn()
    {
        var root = (YMapping)YamlReader.Read("a: 1\nb:\n  c: x\n", "f.yaml")!;

        var c = ((YMapping)root["b"]!)["c"]!;
        Assert.That((c.Line, c.Column), Is.EqualTo((3, 6)));
    }

    [Test]
    public void Read_DuplicateKey_ErrorNamesLineColumnAndKey()
    {
        var e = Assert.Throws<ContractCheckException>(() => YamlReader.Read("a: 1\nb: 2\na: 3\n", "rules.yaml"))!;

        Assert.That(e.Location!.ToString(), Is.EqualTo("rules.yaml:3:1"));
        Assert.That(e.Message, Does.Contain("duplicate key 'a'"));
    }

    [Test]
    public void Read_BrokenSyntax_ErrorHasPositionAndNoLibraryPrefix()
    {
        var e = Assert.Throws<ContractCheckException>(() => YamlReader.Read("a: [1, 2\nb: 3\n", "x.yaml"))!;

        Assert.That(e.Location!.File, Is.EqualTo("x.yaml"));
        Assert.That(e.Location.Line, Is.GreaterThan(0));
        Assert.That(e.Message, Does.StartWith("not valid YAML: ").And.Not.Contain("(Line:"));
    }

    [Test]
    public void Read_TooDeep_IsRefused()
    {
        var deep = string.Concat(Enumerable.Repeat("[", YamlReader.MaxDepth + 5)) + string.Concat(Enumerable.Repeat("]", YamlReader.MaxDepth + 5));

        var e = Assert.Throws<ContractCheckException>(() => YamlReader.Read(deep, "deep.yaml"))!;

        Assert.That(e.Message, Does.Contain("nests deeper"));
    }

    [Test]
    public void Convert_BillionLaughs_IsRefusedWithinBudget()
    {
        var lines = new List<string> { "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (var i = 1; i <= 9; i++)
        {
            lines.Add($"a{i}: &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]");
        }

        var tree = YamlReader.Read(string.Join("\n", lines), "lol.yaml");

        var e = Assert.Throws<ContractCheckException>(() => YamlToJson.Convert(tree, "lol.yaml", nodeBudget: 1_000_000))!;
        Assert.That(e.Message, Does.Contain("too many nodes"));
    }

    [Test]
    public void Convert_RecursiveAlias_IsRefused()
    {
        var tree = YamlReader.Read("a: &x\n  - *x\n", "r.yaml");

        Assert.Throws<ContractCheckException>(() => YamlToJson.Convert(tree, "r.yaml"));
    }

    [TestCase("v: 12", "12")]
    [TestCase("v: -3", "-3")]
    [TestCase("v: 1.5", "1.5")]
    [TestCase("v: true", "true")]
    [TestCase("v: False", "false")]
    [TestCase("v: null", "null")]
    [TestCase("v: ~", "null")]
    [TestCase("v:", "null")]
    [TestCase("v: '12'", "\"12\"")]
    [TestCase("v: \"true\"", "\"true\"")]
    [TestCase("v: 3.0.3", "\"3.0.3\"")]
    [TestCase("v: yes", "\"yes\"")]
    [TestCase("v: 0x1F", "\"0x1F\"")]
    [TestCase("v: .inf", "\".inf\"")]
    [TestCase("v: !!str 42", "\"42\"")]
    public void Convert_Scalar_FollowsYaml12CoreSchema(string yaml, string json)
    {
        var node = YamlToJson.Convert(YamlReader.Read(yaml, "s.yaml"), "s.yaml")!;

        Assert.That(node["v"]?.ToJsonString() ?? "null", Is.EqualTo(json));
    }

    [Test]
    public void Convert_MergeKey_ExplicitEntriesWin()
    {
        var node = YamlToJson.Convert(YamlReader.Read("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n", "m.yaml"), "m.yaml")!;

        Assert.That(JsonNode.DeepEquals(node["d"], JsonNode.Parse("{\"y\":3,\"x\":1}")), Is.True, node["d"]!.ToJsonString());
    }
}
