using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace TodoApi;

/// <summary>
/// Conditional requests (RFC 9110 §13): a strong ETag for each todo and tag (a hash of it), a weak one for a page of the
/// list and the counts; a GET whose If-None-Match holds is answered 304; a write whose If-Match is not the current ETag 412, and a
/// PUT without If-Match 428.
/// </summary>
public static class Validators
{
    public static string Strong<T>(T item) => "\"" + Hash(JsonSerializer.SerializeToUtf8Bytes(item)) + "\"";

    public static string Weak<T>(T value) => "W/\"" + Hash(JsonSerializer.SerializeToUtf8Bytes(value)) + "\"";

    /// <summary>The answer to a GET with this ETag: 304 where If-None-Match names it (weak comparison, RFC 9110 §13.1.2), else the content.</summary>
    public static IResult Read(HttpContext context, string etag, Func<IResult> content)
    {
        context.Response.Headers.ETag = etag;
        return Tags(context.Request.Headers.IfNoneMatch).Any(t => t == "*" || Opaque(t) == Opaque(etag)) ? Results.StatusCode(StatusCodes.Status304NotModified) : content();
    }

    /// <summary>The refusal of a write whose precondition fails: 428 without If-Match where it is required, 412 for an If-Match that is not the current strong ETag (RFC 9110 §13.1.1).</summary>
    public static IResult? Precondition(HttpRequest request, string current, bool required)
    {
        var tags = Tags(request.Headers.IfMatch).ToList();
        if (tags.Count == 0)
        {
            return required ? TodoApp.Problem(428, "Precondition Required", "send If-Match with the ETag of the todo you read") : null;
        }

        // Strong comparison: a weak tag never matches.
        return tags.Any(t => t == "*" || (!t.StartsWith("W/", StringComparison.Ordinal) && t == current)) ? null : TodoApp.Problem(412, "Precondition Failed", "the item changed since you read it (its ETag is not the one you sent)");
    }

    private static IEnumerable<string> Tags(Microsoft.Extensions.Primitives.StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..20];

    /// <summary>Whether the request accepts JSON (or says nothing): else it is answered 406 (RFC 9110 §15.5.7).</summary>
    public static bool AcceptsJson(HttpRequest request)
    {
        if (request.Headers.Accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(request.Headers.Accept.Where(v => v is not null).ToList()!, out var ranges))
        {
            return true;
        }

        return ranges.Any(r => (r.Quality ?? 1) > 0 && (new MediaTypeHeaderValue("application/json").IsSubsetOf(r) || new MediaTypeHeaderValue(TodoApp.ProblemJson).IsSubsetOf(r)));
    }
}
