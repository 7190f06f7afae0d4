using System.Text.Json;

namespace TodoApi;

/// <summary>The handlers of /todos and /todos/{id}.</summary>
public static class TodoEndpoints
{
    public static IResult List(TodoStore store, int? limit, bool? done)
    {
        if (limit is < 1 or > 100)
        {
            return TodoApp.Problem(400, "Bad Request", "limit must be between 1 and 100");
        }

        var items = store.All.Where(t => done is null || t.Done == done).Take(limit ?? 100);
        return Results.Json(items);
    }

    public static IResult Get(long id, TodoStore store) =>
        store.Find(id) is { } todo ? Results.Json(todo) : NotFound(id);

    public static async Task<IResult> Create(HttpRequest request, TodoStore store)
    {
        var (input, problem) = await TodoInput.ReadAsync(request, requireAll: false);
        if (problem is not null)
        {
            return problem;
        }

        var todo = store.Add(input!.Title, input.Done);
        return todo is null
            ? TodoApp.Problem(409, "Conflict", $"a todo titled '{input.Title}' already exists")
            : Results.Created($"/todos/{todo.Id}", todo);
    }

    public static async Task<IResult> Update(long id, HttpRequest request, TodoStore store)
    {
        if (store.Find(id) is null)
        {
            return NotFound(id);
        }

        var (input, problem) = await TodoInput.ReadAsync(request, requireAll: true);
        if (problem is not null)
        {
            return problem;
        }

        return store.Update(id, input!.Title, input.Done) is { } updated ? Results.Json(updated) : NotFound(id);
    }

    public static IResult Delete(long id, TodoStore store) =>
        store.Remove(id) ? Results.NoContent() : NotFound(id);

    private static IResult NotFound(long id) => TodoApp.Problem(404, "Not Found", $"there is no todo {id}");
}
