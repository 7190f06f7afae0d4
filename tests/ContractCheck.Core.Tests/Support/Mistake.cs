using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ContractCheck.Core.Tests.Support;

/// <summary>
/// Plants one mistake in front of the Todo API: a middleware that sees each request and rewrites the
/// answer. The API stays the real one; only the named behaviour changes.
/// </summary>
public static class Mistake
{
    public delegate Task<bool> Rewrite(HttpContext context, int status, byte[] body);

    /// <summary>After the API answered: when <paramref name="rewrite"/> returns true, it has written its own answer instead.</summary>
    public static Action<WebApplication> Answer(Rewrite rewrite) => app => app.Use(async (context, next) =>
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await next(context);
        context.Response.Body = original;
        var status = context.Response.StatusCode;
        var body = buffer.ToArray();
        if (!await rewrite(context, status, body) && body.Length > 0)
        {
            await original.WriteAsync(body);
        }
    });

    /// <summary>Before the API sees the request.</summary>
    public static Action<WebApplication> Request(Func<HttpContext, Task<bool>> handle) => app => app.Use(async (context, next) =>
    {
        if (!await handle(context))
        {
            await next(context);
        }
    });

    public static async Task<bool> Replace(HttpContext context, int status, string body, string type = "application/json")
    {
        context.Response.Headers.Remove("Content-Length");
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        await context.Response.WriteAsync(body);
        return true;
    }
}
