using System.Text.Json;

namespace TodoApi;

/// <summary>POST /login: a user name and password for a bearer token (JSON only: 415; well-formed: 400; both strings: 422; right: 200, else 401).</summary>
public static class LoginEndpoint
{
    public static async Task<IResult> Login(HttpContext context, TodoUsers users)
    {
        if (!context.Request.HasJsonContentType())
        {
            return TodoApp.Problem(415, "Unsupported Media Type", "send the credentials as application/json");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body);
        }
        catch (JsonException)
        {
            return TodoApp.Problem(400, "Bad Request", "the body is not valid JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            var errors = new Dictionary<string, string[]>();
            if (root.ValueKind != JsonValueKind.Object)
            {
                return TodoApp.Problem(422, "Unprocessable Content", "the body must be a JSON object");
            }

            foreach (var property in root.EnumerateObject().Where(p => p.Name is not ("username" or "password")))
            {
                errors[property.Name] = ["is not a login field"];
            }

            var name = Field(root, "username", errors);
            var password = Field(root, "password", errors);
            if (errors.Count > 0)
            {
                return TodoApp.Problem(422, "Unprocessable Content", "the credentials are not valid", errors);
            }

            if (users.Login(name!, password!) is not { } token)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"todos\"";
                return TodoApp.Problem(401, "Unauthorized", "wrong user name or password");
            }

            return Results.Json(new { access_token = token, token_type = "Bearer" });
        }
    }

    private static string? Field(JsonElement root, string name, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            errors[name] = ["is required"];
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 and <= 100 } text)
        {
            errors[name] = ["must be a string of 1 to 100 characters"];
            return null;
        }

        return text;
    }
}
