using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Checks;

/// <summary>error-shape: a 4xx/5xx body has the team's error shape (rules' <c>errors</c>): one of its media types, matching its schema.</summary>
public sealed class ErrorMatchesShape : ICheck
{
    public const string CheckId = "error-shape";
    private const string Title = "Error response has the wrong shape";

    public string Id => CheckId;

    public string Description => "4xx/5xx bodies match errors.schema of the rules and come as one of errors.contentTypes";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var shape = context.ErrorShape;
        var response = context.Response;
        if (!shape.IsSet || response.Status < 400 || context.Exchange.Request.Method == "HEAD")
        {
            yield break;
        }

        // The spec documents this error without a body and none came: there is no shape to judge.
        if (response.Body.Length == 0 && context.Documented is { } documented && !documented.DocumentsBody())
        {
            yield return Finding.Pass(Id, Title, $"{response.Status} without a body, as the spec documents it");
            yield break;
        }

        var source = "errors in the rules";
        if (shape.ContentTypes.Count > 0 && !shape.ContentTypes.Any(t => response.ContentType is { } ct && MediaTypes.Matches(ct, t)))
        {
            yield return Finding.Fail(Id, Title, $"{response.Status} came as {response.ContentType ?? "no Content-Type"}; errors must be {string.Join(" or ", shape.ContentTypes)}", string.Join(" or ", shape.ContentTypes), response.ContentType ?? "(none)", source);
            yield break;
        }

        if (shape.Schema is not { } schema)
        {
            yield return Finding.Pass(Id, Title);
            yield break;
        }

        var (value, problem) = BodyJson.Parse(response);
        if (problem is not null)
        {
            yield return Finding.Fail(Id, Title, $"{response.Status}: {problem}; errors must match {shape.SchemaName}", $"a body matching {shape.SchemaName}", problem, source);
            yield break;
        }

        var errors = context.ResponseValidator.Validate(value, schema, shape.SchemaName ?? "#");
        if (errors.Count == 0)
        {
            yield return Finding.Pass(Id, Title);
            yield break;
        }

        foreach (var error in errors.Take(3))
        {
            yield return Finding.Fail(Id, Title, $"{response.Status}: {error} (error shape {shape.SchemaName})", source: error.SchemaLocation);
        }
    }
}
