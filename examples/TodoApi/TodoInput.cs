using System.Text.Json;

namespace TodoApi;

/// <summary>Reads and validates a todo body: JSON only (415), well-formed (400), matching the schema (422).</summary>
public sealed record TodoInput(string Title, bool Done)
{
    private const int MaxTitle = 200;

    public static async Task<(TodoInput? Input, IResult? Problem)> ReadAsync(HttpRequest request, bool requireAll)
    {
        if (!request.HasJsonContentType())
        {
            return (null, TodoApp.Problem(415, "Unsupported Media Type", "send the body as application/json"));
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body);
        }
        catch (JsonException)
        {
            return (null, TodoApp.Problem(400, "Bad Request", "the body is not valid JSON"));
        }

        using (document)
        {
            var errors = new Dictionary<string, string[]>();
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, TodoApp.Problem(422, "Unprocessable Content", "the body must be a JSON object"));
            }

            string? title = null;
            var done = false;
            var sawDone = false;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "title" when property.Value.ValueKind == JsonValueKind.String:
                        title = property.Value.GetString();
                        break;
                    case "title":
                        errors["title"] = ["must be a string"];
                        break;
                    case "done" when property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                        done = property.Value.GetBoolean();
                        sawDone = true;
                        break;
                    case "done":
                        errors["done"] = ["must be true or false"];
                        break;
                    default:
                        errors[property.Name] = ["is not a property of a todo"];
                        break;
                }
            }

            if (title is null && !errors.ContainsKey("title"))
            {
                errors["title"] = ["is required"];
            }
            else if (title is { Length: 0 or > MaxTitle })
            {
                errors["title"] = [$"must be 1 to {MaxTitle} characters"];
            }

            if (requireAll && !sawDone && !errors.ContainsKey("done"))
            {
                errors["done"] = ["is required"];
            }

            return errors.Count > 0
                ? (null, TodoApp.Problem(422, "Unprocessable Content", "the todo is not valid", errors))
                : (new TodoInput(title!, done), null);
        }
    }
}
