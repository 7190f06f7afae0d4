namespace TodoApi;

/// <summary>Bearer-token check: a 401 with a WWW-Authenticate challenge and a problem body when the token is missing, wrong or expired; else the caller is known.</summary>
public static class BearerAuth
{
    private const string CallerKey = "todo.caller";

    public static Func<HttpContext, RequestDelegate, Task> Middleware(TodoUsers users) => async (context, next) =>
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"todos\"";
            await TodoApp.Problem(401, "Unauthorized", "this endpoint needs a bearer token").ExecuteAsync(context);
            return;
        }

        if (users.Authenticate(header["Bearer ".Length..].Trim()) is not { } user)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"todos\", error=\"invalid_token\"";
            await TodoApp.Problem(401, "Unauthorized", "the bearer token is not valid (or has expired)").ExecuteAsync(context);
            return;
        }

        context.Items[CallerKey] = user;
        await next(context);
    };

    /// <summary>The user the request's token belongs to.</summary>
    public static TodoUser Caller(HttpContext context) => (TodoUser)context.Items[CallerKey]!;
}
