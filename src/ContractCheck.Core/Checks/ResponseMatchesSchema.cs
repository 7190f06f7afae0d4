using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Checks;

/// <summary>response-schema: a JSON body matches the schema the spec documents for its status and media type.</summary>
public sealed class ResponseMatchesSchema : ICheck
{
    public const string CheckId = "response-schema";
    private const string Title = "Response body does not match its schema";
    private const int Shown = 5;

    public string Id => CheckId;

    public string Description => "a JSON body matches the schema documented for its status and media type (OpenAPI 3.0 / 3.1 semantics, writeOnly properties not allowed)";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var response = context.Response;
        var content = context.Documented?.Content;
        if (content is not { Count: > 0 } || context.Exchange.Request.Method == "HEAD" || response.Truncated)
        {
            yield break;
        }

        var actual = response.ContentType;
        var media = content.FirstOrDefault(c => actual is not null && MediaTypes.Matches(actual, c.Key));
        if (media.Key is null && response.Body.Length > 0)
        {
            yield break; // the content-type check reports an undeclared type
        }

        media = media.Key is null ? content.FirstOrDefault(c => MediaTypes.IsJson(c.Key)) : media;
        if (media.Value?.Schema is not { } schema || !MediaTypes.IsJson(media.Key ?? actual ?? ""))
        {
            yield break;
        }

        var location = "#" + context.Operation.Pointer + "/responses/" + Pointer.Escape(context.DocumentedKey!) + "/content/" + Pointer.Escape(media.Key!) + "/schema";
        var (value, problem) = BodyJson.Parse(response);
        if (problem is not null)
        {
            yield return Finding.Fail(Id, Title, $"{response.Status}: {problem}, but the spec documents {media.Key} with a schema", $"{media.Key} matching the schema", problem, location);
            yield break;
        }

        var errors = context.ResponseValidator.Validate(value, schema, location);
        if (errors.Count == 0)
        {
            yield return Finding.Pass(Id, Title);
            yield break;
        }

        foreach (var error in errors.Take(Shown))
        {
            yield return Finding.Fail(Id, Title, $"{response.Status}: {error}", source: error.SchemaLocation);
        }

        if (errors.Count > Shown)
        {
            yield return Finding.Fail(Id, Title, $"… and {errors.Count - Shown} more schema errors in this body", null, null, location);
        }
    }
}
