using System.Text.RegularExpressions;
using ContractCheck.Tests;

namespace ContractCheck.NUnit.Tests.Support;

/// <summary>The Todo API's spec and rules files, as examples/TodoApi keeps them.</summary>
public static partial class TodoContract
{
    public static string Spec => Repository.Path("examples", "TodoApi", "openapi.yaml");

    public static string Rules => Repository.Path("examples", "TodoApi", "contractcheck.yaml");

    /// <summary>
    /// The rules without what depends on this machine's speed, written beside the test assembly: no <c>rateLimit</c>
    /// burst (whether 150 requests meet the API's limit of 100 per 2 s depends on how fast they are sent) and a
    /// response-time budget of a minute instead of 2 s (a loaded machine's first in-process answers, JIT included, take
    /// longer). The tests that use it are about ordering, targets and messages; the example project and the Core tests
    /// run the Todo API's rules as they are.
    /// </summary>
    public static string RulesUntimed => Untimed.Value;

    public static string RulesTextUntimed()
    {
        var rules = File.ReadAllText(Rules);
        var text = RateLimitSection().Replace(rules, "").Replace("maxResponseMs: 2000", "maxResponseMs: 60000", StringComparison.Ordinal);
        Assert.That(text, Does.Not.Contain("rateLimit").And.Contain("maxResponseMs: 60000"), "the Todo rules' rateLimit or maxResponseMs changed shape; update TodoContract");
        return text;
    }

    private static readonly Lazy<string> Untimed = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "todo-rules-untimed.yaml");
        File.WriteAllText(path, RulesTextUntimed());
        return path;
    });

    // From the top-level key to the next blank line or top-level key.
    [GeneratedRegex(@"^rateLimit:\n(?:[ #].*\n)*", RegexOptions.Multiline)]
    private static partial Regex RateLimitSection();
}
