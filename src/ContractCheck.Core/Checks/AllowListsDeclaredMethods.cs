namespace ContractCheck.Core.Checks;

/// <summary>allow-header: the Allow header of a 405 lists exactly the methods the spec declares for the path (HEAD and OPTIONS may be added).</summary>
public sealed class AllowListsDeclaredMethods : ICheck
{
    public const string CheckId = "allow-header";
    private const string Title = "Allow does not match the declared methods";

    private static readonly string[] Implicit = ["HEAD", "OPTIONS"];

    public string Id => CheckId;

    public string Description => "a 405's Allow header lists exactly the methods the spec declares for the path (HEAD and OPTIONS may be added)";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        // Allow may come as one line ("GET, POST") or as several header lines; both mean the same list.
        var allow = string.Join(", ", context.Response.HeaderValues("Allow"));
        if (context.Response.Status != 405 || allow.Length == 0)
        {
            yield break;
        }

        var declared = context.Spec.OperationsAt(context.Operation.Path).Select(o => o.Method).ToHashSet(StringComparer.Ordinal);
        var listed = allow.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(m => m.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var missing = declared.Except(listed).Order().ToList();
        var extra = listed.Except(declared).Except(Implicit).Order().ToList();
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
