namespace TodoApi;

/// <summary>
/// The handlers of /todos and /todos/{id}. Each user sees only their account's todos: another account's todo answers
/// 404, as if it did not exist; a reader (carol) may read and is refused every change with 403.
/// </summary>
public static class TodoEndpoints
{
    public static IResult List(HttpContext context, TodoStore store, int? limit, bool? done)
    {
        if (limit is < 1 or > 100)
        {
            return TodoApp.Problem(400, "Bad Request", "limit must be between 1 and 100");
        }

        var items = store.Of(BearerAuth.Caller(context).Account).Where(t => done is null || t.Done == done).Take(limit ?? 100);
        return Results.Json(items);
    }

    public static IResult Get(long id, HttpContext context, TodoStore store) =>
        store.Find(id, BearerAuth.Caller(context).Account) is { } todo ? Results.Json(todo) : NotFound(id);

    public static async Task<IResult> Create(HttpContext context, TodoStore store)
    {
        var caller = BearerAuth.Caller(context);
        if (!caller.CanWrite)
        {
            return ReadOnly(caller);
        }

        var (input, problem) = await TodoInput.ReadAsync(context.Request, requireAll: false);
        if (problem is not null)
        {
            return problem;
        }

        var todo = store.Add(input!.Title, input.Done, caller.Account);
        return todo is null
            ? TodoApp.Problem(409, "Conflict", $"a todo titled '{input.Title}' already exists")
            : Results.Created($"/todos/{todo.Id}", todo);
    }

    public static async Task<IResult> Update(long id, HttpContext context, TodoStore store)
    {
        var caller = BearerAuth.Caller(context);
        if (store.Find(id, caller.Account) is null)
        {
            return NotFound(id);
        }

        if (!caller.CanWrite)
        {
            return ReadOnly(caller);
        }

        var (input, problem) = await TodoInput.ReadAsync(context.Request, requireAll: true);
        if (problem is not null)
        {
            return problem;
        }

        return store.Update(id, input!.Title, input.Done) is { } updated ? Results.Json(updated) : NotFound(id);
    }

    public static IResult Delete(long id, HttpContext context, TodoStore store)
    {
        var caller = BearerAuth.Caller(context);
        if (store.Find(id, caller.Account) is null)
        {
            return NotFound(id);
        }

        return !caller.CanWrite ? ReadOnly(caller) : store.Remove(id) ? Results.NoContent() : NotFound(id);
    }

    private static IResult NotFound(long id) => TodoApp.Problem(404, "Not Found", $"there is no todo {id}");

    // Authenticated, but not allowed: 403 (RFC 9110 §15.5.4), never 401 (the token is fine).
    private static IResult ReadOnly(TodoUser caller) => TodoApp.Problem(403, "Forbidden", $"{caller.Name} may read these todos but not change them");
}
