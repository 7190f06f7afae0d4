using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using ContractCheck.Core.Tests.Spec;
using ContractCheck.Core.Tests.Support;
using ContractCheck.Tests;

namespace ContractCheck.Core.Tests.Probes;

/// <summary>--shard i/n: the shards of a plan are disjoint, together the whole plan byte for byte, and keep what depends on each other together.</summary>
public class ShardingTests
{
    private static readonly RuleSet BuiltIn = new RulesLoader(Defaults.Vocabulary).Load(null);

    private static readonly RuleSet TodoRules = new RulesLoader(Defaults.Vocabulary, n => n == "TODO_API_TOKEN" ? "t0ken-value" : null)
        .Load(Repository.Path("examples", "TodoApi", "contractcheck.yaml"));

    // Users with nested posts: a probe on /users/{id}/posts needs the user POST /users made.
    private const string Nested = """
        openapi: 3.0.3
        info: {title: nested, version: '1'}
        paths:
          /health:
            get: {operationId: health, responses: {'200': {description: ok}}}
          /tags:
            get: {operationId: listTags, responses: {'200': {description: ok}}}
          /users:
            post:
              operationId: createUser
              requestBody: {content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}
              responses: {'201': {description: made}}
          /users/{id}:
            parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
            get: {operationId: getUser, responses: {'200': {description: ok}}}
            delete: {operationId: deleteUser, responses: {'204': {description: gone}}}
          /users/{id}/posts:
            parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
            get: {operationId: listPosts, responses: {'200': {description: ok}}}
            post:
              operationId: createPost
              requestBody: {content: {application/json: {schema: {type: object, properties: {text: {type: string}}}}}}
              responses: {'201': {description: made}}
          /users/{id}/posts/{postId}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer}}
              - {name: postId, in: path, required: true, schema: {type: integer}}
            get: {operationId: getPost, responses: {'200': {description: ok}}}
            delete: {operationId: deletePost, responses: {'204': {description: gone}}}
        """;

    [TestCase("2/4", 2, 4)]
    [TestCase("1/1", 1, 1)]
    [TestCase(" 3 / 3 ", 3, 3)]
    public void Parse_ValidShard_IsIndexAndCount(string text, int index, int count)
    {
        Assert.That(Shard.Parse(text), Is.EqualTo(new Shard(index, count)));
    }

    [TestCase("0/2", "between 1 and 2")]
    [TestCase("3/2", "between 1 and 2")]
    [TestCase("1/0", "between 1 and 1000")]
    [TestCase("x", "not a shard")]
    [TestCase("1/2/3", "not a shard")]
    [TestCase("-1/2", "not a shard")]
    [TestCase("", "not a shard")]
    public void Parse_BadShard_IsAUsageErrorNamingTheFix(string text, string message)
    {
        var error = Assert.Throws<ContractCheckException>(() => Shard.Parse(text))!;

        Assert.That(error.Message, Does.Contain(message).And.Contain("--shard"));
        Assert.That(error.Hint, Does.Contain("--shard").And.Contain("/"));
    }

    // The Todo spec is five groups: createTodo with the item operations it makes items for and the list whose pages
    // its creates fill (pagination-links), createTag with the item operations of tags, login, health and stats.
    private const int TodoGroups = 5;

    [TestCase(2)]
    [TestCase(3)]
    public void Shards_Todo_AreDisjointAndTogetherTheWholePlanByteForByte(int count)
    {
        var spec = new SpecLoader().Load(Repository.Path("examples", "TodoApi", "openapi.yaml"));
        var options = PlanOptions.Default with { Seed = 5 };
        var whole = Planner.Build(spec, TodoRules, options);

        var shards = Enumerable.Range(1, count).Select(i => Planner.Build(spec, TodoRules, options with { Shard = new Shard(i, count) })).ToList();

        AssertPartition(whole, Enumerable.Range(1, count).Select(i => Sharding.Select(whole, new Shard(i, count))).ToList());
        Assert.That(shards.Count(s => s.Probes.Count > 0), Is.EqualTo(Math.Min(count, TodoGroups)), "every group in a shard of its own, as far as the shards go");
        Assert.That(shards.Select(s => CorpusTests.Describe(s)).SelectMany(d => d).Order(StringComparer.Ordinal),
            Is.EqualTo(CorpusTests.Describe(whole).Order(StringComparer.Ordinal)), "each shard's probes are the whole plan's, byte for byte");
    }

    [Test]
    public void Shards_GitHub_AreDisjointTogetherTheWholePlanAndKeepDependenciesTogether()
    {
        var spec = CorpusSpecs.Get("github-api.json");
        var whole = Planner.Build(spec, BuiltIn, PlanOptions.Default with { Seed = 7 });

        foreach (var count in new[] { 2, 7 })
        {
            var shards = Enumerable.Range(1, count).Select(i => Sharding.Select(whole, new Shard(i, count))).ToList();

            AssertPartition(whole, shards);
            TestContext.Out.WriteLine($"github-api.json in {count} shards: {string.Join(", ", shards.Select(s => $"{s.Operations.Count} operations / {s.Probes.Count} probes"))}");
            Assert.That(shards.Select(s => s.Probes.Count), Has.All.GreaterThan(whole.Probes.Count / count / 2), $"{count} shards of similar size: {string.Join(", ", shards.Select(s => s.Probes.Count))}");
            foreach (var shard in shards)
            {
                AssertSelfContained(whole, shard);
            }
        }
    }

    [Test]
    public void Shard_NestedItems_StayWithTheCreatesTheyNeed()
    {
        var spec = new SpecLoader().Load(Nested, "nested.yaml", null);
        var whole = Planner.Build(spec, BuiltIn, PlanOptions.Default with { Seed = 1 });

        var shards = Enumerable.Range(1, 3).Select(i => Sharding.Select(whole, new Shard(i, 3))).ToList();

        AssertPartition(whole, shards);
        string ShardOf(string operationId) => shards.Single(s => s.Operations.Any(o => o.OperationId == operationId)).Shard!.ToString();
        var users = ShardOf("createUser");
        Assert.That(new[] { "getUser", "deleteUser", "listPosts", "createPost", "getPost", "deletePost" }.Select(ShardOf), Has.All.EqualTo(users), "the users and their posts need the user createUser made");
        Assert.That(new[] { ShardOf("health"), ShardOf("listTags") }, Has.None.EqualTo(users), "the independent operations go to the other shards");
        foreach (var shard in shards)
        {
            AssertSelfContained(whole, shard);
        }
    }

    [Test]
    public void Shard_DoesNotDependOnTheSeed()
    {
        var spec = new SpecLoader().Load(Nested, "nested.yaml", null);

        string Split(int seed) => string.Join(" ", Enumerable.Range(1, 3).Select(i =>
            string.Join(",", Planner.Build(spec, BuiltIn, PlanOptions.Default with { Seed = seed, Shard = new Shard(i, 3) }).Operations.Select(o => o.OperationId))));

        Assert.That(Split(1), Is.EqualTo(Split(99)));
    }

    [Test]
    public void Shard_MoreShardsThanGroups_LeavesTheRestEmpty()
    {
        var spec = new SpecLoader().Load(Repository.Path("examples", "TodoApi", "openapi.yaml"));
        var whole = Planner.Build(spec, TodoRules, PlanOptions.Default);

        var empty = Enumerable.Range(1, 8).Select(i => Sharding.Select(whole, new Shard(i, 8))).Where(s => s.Probes.Count == 0).ToList();

        Assert.That(empty, Has.Count.EqualTo(8 - TodoGroups));
        Assert.That(empty.Select(s => s.Operations.Count), Has.All.EqualTo(0));
        Assert.That(Core.Reporting.PlanPrinter.EmptyShard(empty[0]), Does.Contain("nothing to check").And.Contain("fewer shards"));
    }

    // Every probe and design warning of the whole plan is in exactly one shard, and the shards keep the plan's order.
    private static void AssertPartition(Plan whole, IReadOnlyList<Plan> shards)
    {
        var position = new Dictionary<Probe, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < whole.Probes.Count; i++)
        {
            position[whole.Probes[i]] = i;
        }

        var seen = shards.SelectMany(s => s.Probes).ToList();
        Assert.That(seen, Has.Count.EqualTo(whole.Probes.Count), "no probe in two shards, none in no shard");
        Assert.That(seen.All(position.ContainsKey), Is.True, "only the whole plan's own probes");
        Assert.That(seen.Select(p => position[p]).Distinct().Count(), Is.EqualTo(whole.Probes.Count), "each probe once");
        foreach (var shard in shards)
        {
            Assert.That(shard.Probes.Select(p => position[p]), Is.Ordered, "a shard runs its probes in the whole plan's order");
        }

        Assert.That(shards.Sum(s => s.DesignWarnings.Count), Is.EqualTo(whole.DesignWarnings.Count));
        Assert.That(shards.SelectMany(s => s.DesignWarnings).Distinct(ReferenceEqualityComparer.Instance).Count(), Is.EqualTo(whole.DesignWarnings.Count));
        Assert.That(shards.Sum(s => s.Operations.Count), Is.EqualTo(whole.Operations.Count));
        Assert.That(shards.SelectMany(s => s.Operations).Distinct(ReferenceEqualityComparer.Instance).Count(), Is.EqualTo(whole.Operations.Count));
    }

    // Every operation a shard's probes call is the shard's, and every create that makes an item they work on is in it.
    private static void AssertSelfContained(Plan whole, Plan shard)
    {
        var operations = shard.Operations.ToHashSet(ReferenceEqualityComparer.Instance);
        var probes = shard.Probes.ToHashSet(ReferenceEqualityComparer.Instance);
        var creators = whole.Probes.Where(p => p.BindAs is not null).ToLookup(p => p.BindAs!, StringComparer.Ordinal);
        foreach (var probe in shard.Probes)
        {
            foreach (var request in probe.Requests)
            {
                var called = request.Operation ?? probe.Operation;
                Assert.That(operations.Contains(called) || called.IsUndeclared && shard.Operations.Any(o => o.Path == called.Path), Is.True, $"{probe.Name} calls {called.Key} of another shard");
                foreach (var binding in request.PathValues.Values.Select(v => v.Binding).OfType<string>())
                {
                    Assert.That(creators[binding].All(probes.Contains), Is.True, $"{probe.Name} needs a {binding} item made in another shard");
                }
            }
        }
    }
}
