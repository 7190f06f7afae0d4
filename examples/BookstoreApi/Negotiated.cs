using System.Text;
using Microsoft.Net.Http.Headers;

namespace BookstoreApi;

/// <summary>
/// Errors in the form the client asked for (RFC 9110 §12.5.1): an RFC 9457 problem document when Accept admits
/// application/problem+json or application/json (or says nothing), the plain-text form when it asks only for text.
/// </summary>
public static class Negotiated
{
    public const string ProblemJson = "application/problem+json";

    public static IResult Problem(int status, string title, string detail) => new ProblemResult(status, title, detail);

    private sealed class ProblemResult(int status, string title, string detail) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            if (WantsText(context.Request))
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"{status} {title}: {detail}\n", Encoding.UTF8);
                return;
            }

            await Results.Json(new { type = "about:blank", title, status, detail }, statusCode: status, contentType: ProblemJson).ExecuteAsync(context);
        }
    }

    private static bool WantsText(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept.Where(v => v is not null).ToList()!, out var accepted) || accepted.Count == 0)
        {
            return false;
        }

        bool Admits(string type) => accepted.Any(a => (a.Quality ?? 1) > 0 && new MediaTypeHeaderValue(type).IsSubsetOf(a));
        return !Admits(ProblemJson) && !Admits("application/json") && Admits("text/plain");
    }
}
