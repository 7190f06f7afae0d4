using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Tests.Spec;

/// <summary>The loader keeps where each operation starts in the spec, for reports that point into it (SARIF).</summary>
public class SourceLinesTests
{
    private const string Yaml = "openapi: 3.0.3\ninfo: {title: L, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n    post:\n      responses: {'201': {description: ok}}\n  /b/{id}:\n    parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n    delete:\n      responses: {'204': {description: ok}}\n";

    private const string Json = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"L\", \"version\": \"1\"},\n  \"components\": {\"schemas\": {\"paths\": {\"type\": \"object\"}}},\n  \"paths\": {\n    \"/a\": {\n      \"get\": {\"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"application/json\": {\"example\": {\"get\": 1}}}}}},\n      \"post\": {\"responses\": {\"201\": {\"description\": \"ok\"}}}\n    },\n    \"/b/{id}\": {\"parameters\": [{\"name\": \"id\", \"in\": \"path\", \"required\": true, \"schema\": {\"type\": \"string\"}}],\n      \"delete\": {\"responses\": {\"204\": {\"description\": \"ok\"}}}}\n  }\n}\n";

    [Test]
    public void Yaml_EveryOperationHasItsLine()
    {
        var lines = new SpecLoader().Load(Yaml, "spec.yaml").Lines;

        Assert.That(new[] { lines.Of("/a", "GET"), lines.Of("/a", "post"), lines.Of("/b/{id}", "DELETE"), lines.Of("/b/{id}"), lines.Of("/b/{id}", "PATCH"), lines.Of("/c") }, Is.EqualTo(new int?[] { 5, 7, 11, 9, 9, null }));
    }

    [Test]
    public void Json_LinesWhenAsked_NotFooledByKeysNamedLikePathsOrMethodsElsewhere()
    {
        var lines = new SpecLoader { Lines = true }.Load(Json, "spec.json").Lines;

        Assert.That(new[] { lines.Of("/a", "GET"), lines.Of("/a", "post"), lines.Of("/b/{id}", "delete"), lines.Of("/b/{id}") }, Is.EqualTo(new int?[] { 7, 8, 11, 10 }));
        Assert.That(new SpecLoader().Load(Json, "spec.json").Lines.Count, Is.Zero, "a JSON spec's lines cost a second scan: only when a report needs them");
    }
}
