namespace ContractCheck.Core.Checks;

/// <summary>
/// allow-header: the Allow header of a 405, and of a successful OPTIONS, lists exactly the methods the spec declares for
/// the path (RFC 9110 §10.2.1, §15.5.6, §9.3.7). HEAD may be added where GET is declared (a server that has GET has
/// HEAD, §9.1), and OPTIONS always (the server answers it).
/// </summary>
public sealed class AllowListsDeclaredMethods : ICheck
{
    public const string CheckId = "allow-header";
    private const string Title = "Allow does not match the declared methods";

    public string Id => CheckId;

    public string Description => "the Allow of a 405 or a successful OPTIONS lists exactly the methods the spec declares for the path (HEAD may be added where GET is, OPTIONS always)";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        // Allow may come as one line ("GET, POST") or as several header lines; both mean the same list.
        var allow = string.Join(", ", context.Response.HeaderValues("Allow"));
        var status = context.Response.Status;
        if (allow.Length == 0 || !(status == 405 || (context.Exchange.Request.Method == "OPTIONS" && status is >= 200 and < 300)))
        {
            yield break;
        }

        var declared = context.Spec.OperationsAt(context.Operation.Path).Select(o => o.Method).ToHashSet(StringComparer.Ordinal);
        var implied = declared.Contains("GET") ? new[] { "HEAD", "OPTIONS" } : ["OPTIONS"];
        var listed = allow.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(m => m.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var missing = declared.Except(listed).Order().ToList();
        var extra = listed.Except(declared).Except(implied).Order().ToList();
        var expected = string.Join(", ", declared.Order());
        if (missing.Count == 0 && extra.Count == 0)
        {
            yield return Finding.Pass(Id, Title, allow);
            yield break;
        }

        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add("leaves out " + string.Join(", ", missing));
        }

        if (extra.Count > 0)
        {
            problems.Add("lists undeclared " + string.Join(", ", extra));
        }

        yield return Finding.Fail(Id, Title, $"Allow: {allow} {string.Join(" and ", problems)}", expected, allow, $"the spec declares {expected} for {context.Operation.Path}");
    }
}
