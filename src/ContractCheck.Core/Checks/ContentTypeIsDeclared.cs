using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Checks;

/// <summary>content-type: a response body comes with a Content-Type the spec declares for that status.</summary>
public sealed class ContentTypeIsDeclared : ICheck
{
    public const string CheckId = "content-type";
    private const string Title = "Undocumented Content-Type";

    public string Id => CheckId;

    public string Description => "a response with a body has a Content-Type the spec declares for its status (parameters ignored, +json understood)";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var declared = context.Documented?.Content?.Keys.ToList();
        if (declared is not { Count: > 0 } || context.Response.Body.Length == 0)
        {
            yield break;
        }

        var actual = context.Response.ContentType;
        var expected = string.Join(", ", declared);
        if (actual is null)
        {
            yield return Finding.Fail(Id, Title, "the response has a body but no Content-Type", expected, "(none)", $"the spec, {context.Operation.Key} {context.DocumentedKey}");
        }
        else if (declared.Any(d => MediaTypes.Matches(actual, d)))
        {
            yield return Finding.Pass(Id, Title, actual);
        }
        else
        {
            yield return Finding.Fail(Id, Title, $"Content-Type {actual} is not declared for {context.DocumentedKey}", expected, actual, $"the spec, {context.Operation.Key} {context.DocumentedKey}");
        }
    }
}
