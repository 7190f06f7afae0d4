namespace TodoApi;

/// <summary>
/// The handlers of /todos and /todos/{id}. Each user sees only their account's todos: another account's todo answers
/// 404, as if it did not exist; a reader (carol) may read and is refused every change with 403. Reads carry an ETag
/// (304 for a matching If-None-Match), a replace needs If-Match (428, 412), a create an Idempotency-Key, and the list
/// comes in pages linked with Link rel="next"/"prev" (RFC 8288).
/// </summary>
public static class TodoEndpoints
{
    private const int DefaultPageSize = 20;

    public static IResult List(HttpContext context, TodoStore store, int? limit, int? page, bool? done)
    {
        if (limit is < 1 or > 100)
        {
            return TodoApp.Problem(400, "Bad Request", "limit must be between 1 and 100");
        }

        if (page is < 1)
        {
            return TodoApp.Problem(400, "Bad Request", "page must be 1 or more");
        }

        var (size, number) = (limit ?? DefaultPageSize, page ?? 1);
        var all = store.Of(BearerAuth.Caller(context).Account).Where(t => done is null || t.Done == done).ToList();
        var items = all.Skip((number - 1) * size).Take(size).ToList();
        var links = new List<string>();
        if (number * size < all.Count)
        {
            links.Add($"<{PageUrl(context.Request, number + 1)}>; rel=\"next\"");
        }

        if (number > 1)
        {
            links.Add($"<{PageUrl(context.Request, number - 1)}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers.Link = string.Join(", ", links);
        }

        return Validators.Read(context, Validators.Weak(items), () => Results.Json(items));
    }

    public static IResult Get(long id, HttpContext context, TodoStore store) =>
        store.Find(id, BearerAuth.Caller(context).Account) is { } todo ? Validators.Read(context, Validators.Strong(todo), () => Results.Json(todo)) : NotFound(id);

    public static async Task<IResult> Create(HttpContext context, TodoStore store, IdempotencyKeys keys)
    {
        var caller = BearerAuth.Caller(context);
        if (!caller.CanWrite)
        {
            return ReadOnly(caller);
        }

        var request = context.Request;
        if (request.Headers[IdempotencyKeys.Header] is not [{ Length: > 0 } given])
        {
            return TodoApp.Problem(400, "Bad Request", $"send one {IdempotencyKeys.Header} header, a new one for each new todo");
        }

        // The body is read twice: its bytes for the key (each account's keys are its own), then as a todo.
        var key = caller.Account + " " + given;
        request.EnableBuffering();
        using var bytes = new MemoryStream();
        await request.Body.CopyToAsync(bytes);
        request.Body.Position = 0;
        if (keys.Known(key, bytes.ToArray()) is { } known)
        {
            return known;
        }

        var (input, problem) = await TodoInput.ReadAsync(request, requireAll: false);
        if (problem is not null)
        {
            return problem;
        }

        var todo = store.Add(input!.Title, input.Done, caller.Account);
        return todo is null
            ? TodoApp.Problem(409, "Conflict", $"a todo titled '{input.Title}' already exists")
            : keys.Remember(key, bytes.ToArray(), todo);
    }

    public static async Task<IResult> Update(long id, HttpContext context, TodoStore store)
    {
        var caller = BearerAuth.Caller(context);
        if (store.Find(id, caller.Account) is not { } current)
        {
            return NotFound(id);
        }

        if (!caller.CanWrite)
        {
            return ReadOnly(caller);
        }

        if (Validators.Precondition(context.Request, Validators.Strong(current), required: true) is { } refused)
        {
            return refused;
        }

        var (input, problem) = await TodoInput.ReadAsync(context.Request, requireAll: true);
        if (problem is not null)
        {
            return problem;
        }

        if (store.Update(id, input!.Title, input.Done) is not { } updated)
        {
            return NotFound(id);
        }

        context.Response.Headers.ETag = Validators.Strong(updated);
        return Results.Json(updated);
    }

    public static IResult Delete(long id, HttpContext context, TodoStore store)
    {
        var caller = BearerAuth.Caller(context);
        if (store.Find(id, caller.Account) is not { } current)
        {
            return NotFound(id);
        }

        return !caller.CanWrite ? ReadOnly(caller)
            : Validators.Precondition(context.Request, Validators.Strong(current), required: false)
                ?? (store.Remove(id) ? Results.NoContent() : NotFound(id));
    }

    private static string PageUrl(HttpRequest request, int page) =>
        request.PathBase + request.Path + QueryString.Create(request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static IResult NotFound(long id) => TodoApp.Problem(404, "Not Found", $"there is no todo {id}");

    // Authenticated, but not allowed: 403 (RFC 9110 §15.5.4), never 401 (the token is fine).
    private static IResult ReadOnly(TodoUser caller) => TodoApp.Problem(403, "Forbidden", $"{caller.Name} may read these todos but not change them");
}
