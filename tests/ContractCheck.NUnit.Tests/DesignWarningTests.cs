extern alias bookstore;

using bookstore::BookstoreApi;
using ContractCheck.NUnit.Tests.Support;
using ContractCheck.Tests;

namespace ContractCheck.NUnit.Tests;

/// <summary>
/// Where the spec contradicts a design table (the Bookstore API's create documents 200; its search only 410): under
/// <c>strict: true</c> each is a failing case of its own, else a line in the output of its operation's first case.
/// </summary>
[NonParallelizable]
public class DesignWarningTests
{
    private static string Spec => Repository.Path("examples", "BookstoreApi", "openapi.yaml");

    private static string Rules => Repository.Path("examples", "BookstoreApi", "contractcheck.yaml");

    [Test]
    public void Strict_EachDesignWarningIsAFailingCase_WithoutARun()
    {
        var dir = Directory.CreateTempSubdirectory("cc-nunit-").FullName;
        try
        {
            var rules = Path.Combine(dir, "contractcheck.yaml");
            File.WriteAllText(rules, File.ReadAllText(Rules) + "\nstrict: true\n");
            var suite = ContractSuite.FromSpec(Spec).WithRules(rules).Against(new Uri("http://127.0.0.1:9/"));

            var design = suite.Cases().Where(c => c.Name.StartsWith("design: ", StringComparison.Ordinal)).ToList();

            Assert.That(design.Select(c => c.Name), Is.EqualTo(new[] { "design: POST /books (createBook)", "design: GET /search (searchBooks)" }));
            var result = CaseResult.Of(design[0]);
            Assert.That(result.Outcome, Is.EqualTo(CaseResult.Failed));
            Assert.That(result.Message, Does.Contain("documents 200, not 201 Created").And.Contain("(expect.happy-path.create)"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public async Task NotStrict_AWarningIsInTheOutputOfItsOperationsFirstCase()
    {
        var (app, url) = await BookstoreApp.StartAsync();
        try
        {
            var results = CaseResult.All(ContractSuite.FromSpec(Spec).WithRules(Rules).Against(url));

            Assert.That(results.Where(r => r.Name.StartsWith("design: ", StringComparison.Ordinal)), Is.Empty);
            Assert.That(results.First(r => r.Name.StartsWith("POST /books: ", StringComparison.Ordinal)).Output,
                Does.Contain("design warning: POST /books (createBook): creates an item of /books but documents 200"));
            Assert.That(results.Count(r => r.Output.Contains("design warning: ", StringComparison.Ordinal)), Is.EqualTo(2), "each warning once");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
