using System.Security.Cryptography;
using System.Text;

namespace TodoApi;

/// <summary>Bearer-token check: a 401 with a WWW-Authenticate challenge and a problem body when the token is missing or wrong.</summary>
public static class BearerAuth
{
    public static Func<HttpContext, RequestDelegate, Task> Middleware(string token) => async (context, next) =>
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"todos\"";
            await TodoApp.Problem(401, "Unauthorized", "this endpoint needs a bearer token").ExecuteAsync(context);
            return;
        }

        var given = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        if (!CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(token)))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"todos\", error=\"invalid_token\"";
            await TodoApp.Problem(401, "Unauthorized", "the bearer token is not valid").ExecuteAsync(context);
            return;
        }

        await next(context);
    };
}
