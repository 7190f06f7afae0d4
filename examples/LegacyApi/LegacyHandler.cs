using System.Text.Json;
using TodoApi;

namespace LegacyApi;

/// <summary>One request of the legacy API, dispatched by hand.</summary>
internal sealed class LegacyHandler(HttpContext context, TodoStore store, LegacyState state)
{
    private HttpRequest Request => context.Request;

    private HttpResponse Response => context.Response;

    public async Task HandleAsync()
    {
        // The one rule of the team's own table this API keeps: a request id on every answer.
        Response.Headers["X-Request-Id"] = Guid.NewGuid().ToString("N");
        var path = Request.Path.Value?.TrimEnd('/') ?? "";
        var method = Request.Method;
        if (path == "/stats" && method == "GET")
        {
            // Mistakes: deprecated, but no Deprecation header; and its Sunset is no HTTP-date.
            Response.Headers["Sunset"] = "2027-06-30";
            await Write(200, new { todos = store.All.Count(), tags = state.Tags.Count });
            return;
        }

        if (path == "/login" && method == "POST")
        {
            await LoginAsync();
            return;
        }

        if (path != "/todos" && !path.StartsWith("/todos/", StringComparison.Ordinal) && path != "/health"
            && path != "/tags" && !path.StartsWith("/tags/", StringComparison.Ordinal))
        {
            // Mistake: HEAD falls through to here (and to the switch's default below): 404 where GET answers 200.
            await Write(404, new { error = "not found" });
            return;
        }

        // Mistake: every OPTIONS gets the same blanket Allow, whatever the path really supports.
        if (method == "OPTIONS")
        {
            Response.Headers.Allow = "GET, POST, PUT, PATCH, DELETE";
            Response.StatusCode = 200;
            return;
        }

        // Mistake: a missing token is answered 403 (and without a WWW-Authenticate challenge) — even on /health,
        // which the spec says is public ...
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            await Write(403, new { error = "forbidden" });
            return;
        }

        if (path == "/health")
        {
            // Mistake (as everywhere): a method the resource does not support answers 404, not 405 with Allow.
            await (method == "GET" ? Write(200, new { status = "ok" }) : Write(404, new { error = "not found" }));
            return;
        }

        if (path == "/tags" || path.StartsWith("/tags/", StringComparison.Ordinal))
        {
            await new LegacyTags(context, state.Tags).HandleAsync(path, method);
            return;
        }

        // ... and any token at all is accepted: nobody checks it (an unknown one is taken for alice's).
        var caller = Caller(authorization);
        var id = path.Length > "/todos/".Length && long.TryParse(path["/todos/".Length..], out var parsed) ? parsed : (long?)null;
        switch (method, id)
        {
            case ("GET", null):
                // Mistake: under load the list throttles without saying when to come back, and sometimes fails.
                switch (state.Load.Next())
                {
                    case LegacyLoad.Throttle:
                        await Write(429, new { error = "slow down" });
                        return;
                    case LegacyLoad.Fail:
                        await Write(503, new { error = "overloaded" });
                        return;
                }

                // Mistake: the RateLimit fields say more remains than the quota holds, and X-RateLimit-Remaining disagrees.
                Response.Headers["RateLimit-Policy"] = "\"default\";q=100;w=2";
                Response.Headers["RateLimit"] = "\"default\";r=120;t=2";
                Response.Headers["X-RateLimit-Remaining"] = "7";
                // Mistake: the next page's link is built from the internal host name, on another origin than the API.
                Response.Headers.Link = "<http://legacy-api.internal:8080/todos?page=2>; rel=\"next\"";
                await Write(200, store.All.Where(t => !state.Deleted.ContainsKey(t.Id)));
                break;
            case ("POST", null):
                // Mistake: the reader role is never checked on a create (privilege escalation).
                await CreateAsync(caller);
                break;
            case ("GET", { } getId):
                // Mistakes: an unknown id answers 200 with null instead of 404; every todo remembers its owner, but
                // no handler compares the owner with the caller: anyone reads, changes and deletes anyone's todo
                // (broken object-level authorization); the ETag is sent, but If-None-Match is never looked at
                // (always the whole todo, never 304).
                if (store.Find(getId) is { } todo)
                {
                    Response.Headers.ETag = $"\"{todo.Id}-{todo.Title.GetHashCode(StringComparison.Ordinal) & 0xffff:x}-{todo.Done}\"";
                }

                await Write(200, store.Find(getId));
                break;
            case ("PUT", { } putId):
                // Mistakes: nor on an update; and If-Match is never checked: a stale one is accepted (no 412), a
                // missing one too (no 428).
                await UpdateAsync(putId);
                break;
            case ("DELETE", { } _) when !caller.CanWrite:
                // Mistake: the reader role is checked on DELETE only, and refused with 401 — its token is valid: 403.
                Response.Headers.WWWAuthenticate = "Bearer";
                await Write(401, new { error = "not allowed" });
                break;
            case ("DELETE", { } deleteId):
                // Mistakes: DELETE answers 200 with a body where the contract says 204 No Content, and only
                // marks the todo deleted: it stays readable (use after delete), and deleting again succeeds.
                var exists = store.Find(deleteId) is not null;
                state.Deleted[deleteId] = true;
                await Write(exists ? 200 : 404, new { deleted = deleteId });
                break;
            default:
                // Mistake: a method the resource does not support answers 404, not 405 with Allow.
                await Write(404, new { error = "not found" });
                break;
        }
    }

    private async Task CreateAsync(TodoUser caller)
    {
        if (await ReadAsync() is not { } input)
        {
            return;
        }

        // Mistakes: titles are meant to be unique (409), but the duplicate check was never written; the
        // Idempotency-Key is never read (a repeated create makes a second todo; no 400 without one, no 422 for reuse).
        var todo = store.Add(input.Title + (store.All.Any(t => t.Title == input.Title) ? " " : ""), input.Done, caller.Account)!;

        // Mistake: the Location points to a path that does not exist (/todo/ instead of /todos/).
        Response.Headers.Location = $"/todo/{todo.Id}";
        await Write(201, todo);
    }

    private async Task UpdateAsync(long id)
    {
        if (store.Find(id) is null)
        {
            await Write(404, new { error = "no such todo" });
            return;
        }

        if (await ReadAsync() is { } input)
        {
            await Write(200, store.Update(id, input.Title, input.Done));
        }
    }

    // Mistake: any password logs in; the token names the user.
    private async Task LoginAsync()
    {
        if (await ParseAsync() is not { } document)
        {
            return;
        }

        using (document)
        {
            var name = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("username", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            await Write(200, name is null ? new { success = false, error = "username is required" } : new { access_token = "legacy-" + name, token_type = "Bearer" });
        }
    }

    private static TodoUser Caller(string authorization)
    {
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : authorization;
        return token == TodoApiOptions.DefaultReaderToken ? TodoUser.Carol
            : TodoUser.All.FirstOrDefault(u => token == "legacy-" + u.Name) ?? TodoUser.Alice;
    }

    // Mistakes: any Content-Type is read as JSON (no 415), broken JSON crashes into a 500 with the
    // stack trace, and validation errors are answered 200 with {"success": false}.
    private async Task<TodoInput?> ReadAsync()
    {
        if (await ParseAsync() is not { } document)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String || title.GetString()!.Length is 0 or > 200)
            {
                await Write(200, new { success = false, error = "title is required" });
                return null;
            }

            var done = root.TryGetProperty("done", out var d) && d.ValueKind == JsonValueKind.True;
            return new TodoInput(title.GetString()!, done);
        }
    }

    private async Task<JsonDocument?> ParseAsync()
    {
        try
        {
            return await JsonDocument.ParseAsync(Request.Body);
        }
        catch (JsonException e)
        {
            Response.StatusCode = 500;
            Response.ContentType = "text/plain";
            await Response.WriteAsync("System.Text.Json.JsonException: " + e.Message + "\n   at LegacyApi.LegacyHandler.ReadAsync() in /src/LegacyApi/LegacyHandler.cs:line 97\n   at LegacyApi.LegacyHandler.HandleAsync()");
            return null;
        }
    }

    private async Task Write(int status, object? body)
    {
        Response.StatusCode = status;
        Response.ContentType = "application/json";
        await Response.WriteAsync(JsonSerializer.Serialize(body, LegacyApp.Json));
    }
}
