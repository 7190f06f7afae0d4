using System.Text.Json;

namespace TodoApi;

/// <summary>
/// The handlers of /tags and /tags/{id}: the client chooses the tag's id, a UUID; creating an id that exists is 409;
/// an id that is not a UUID is 400, an unknown one (or another account's) 404; a reader may change none (403).
/// </summary>
public static class TagEndpoints
{
    public static async Task<IResult> Create(HttpContext context, TagStore store)
    {
        var caller = BearerAuth.Caller(context);
        if (!caller.CanWrite)
        {
            return ReadOnly(caller);
        }

        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return TodoApp.Problem(415, "Unsupported Media Type", "send the body as application/json");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body);
        }
        catch (JsonException)
        {
            return TodoApp.Problem(400, "Bad Request", "the body is not valid JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return TodoApp.Problem(422, "Unprocessable Content", "the body must be a JSON object");
            }

            var errors = new Dictionary<string, string[]>();
            Guid? id = null;
            string? label = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "id" when property.Value.ValueKind == JsonValueKind.String && IsUuid(property.Value.GetString()!, out var parsed):
                        id = parsed;
                        break;
                    case "id":
                        errors["id"] = ["must be a UUID"];
                        break;
                    case "label" when property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length is >= 1 and <= 100:
                        label = property.Value.GetString();
                        break;
                    case "label":
                        errors["label"] = ["must be 1 to 100 characters"];
                        break;
                    default:
                        errors[property.Name] = ["is not a property of a tag"];
                        break;
                }
            }

            if (id is null && !errors.ContainsKey("id"))
            {
                errors["id"] = ["is required"];
            }

            if (label is null && !errors.ContainsKey("label"))
            {
                errors["label"] = ["is required"];
            }

            if (errors.Count > 0)
            {
                return TodoApp.Problem(422, "Unprocessable Content", "the tag is not valid", errors);
            }

            var tag = new Tag(id!.Value, label!);
            return store.TryAdd(tag, caller.Account)
                ? Results.Created($"/tags/{tag.Id}", tag)
                : TodoApp.Problem(409, "Conflict", $"a tag with the id {tag.Id} exists");
        }
    }

    public static IResult Get(string id, HttpContext context, TagStore store) =>
        !IsUuid(id, out var key) ? NotAUuid() : store.Find(key, BearerAuth.Caller(context).Account) is { } tag ? Validators.Read(context, Validators.Strong(tag), () => Results.Json(tag)) : NotFound(key);

    public static IResult Delete(string id, HttpContext context, TagStore store)
    {
        var caller = BearerAuth.Caller(context);
        if (!IsUuid(id, out var key))
        {
            return NotAUuid();
        }

        if (store.Find(key, caller.Account) is not { } current)
        {
            return NotFound(key);
        }

        return !caller.CanWrite ? ReadOnly(caller)
            : Validators.Precondition(context.Request, Validators.Strong(current), required: false)
                ?? (store.Remove(key) ? Results.NoContent() : NotFound(key));
    }

    // The spec's form only: 8-4-4-4-12 hex digits.
    private static bool IsUuid(string text, out Guid id) => Guid.TryParseExact(text, "D", out id);

    private static IResult NotAUuid() => TodoApp.Problem(400, "Bad Request", "a tag id is a UUID");

    private static IResult NotFound(Guid id) => TodoApp.Problem(404, "Not Found", $"there is no tag {id}");

    private static IResult ReadOnly(TodoUser caller) => TodoApp.Problem(403, "Forbidden", $"{caller.Name} may read these tags but not change them");
}
