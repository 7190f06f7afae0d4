using System.Text.Json;
using TodoApi;

namespace LegacyApi;

/// <summary>/tags and /tags/{id} of the legacy API, with the mistakes of a hurried port from a Python service.</summary>
internal sealed class LegacyTags(HttpContext context, TagStore tags)
{
    private HttpResponse Response => context.Response;

    public async Task HandleAsync(string path, string method)
    {
        var id = path.Length > "/tags/".Length ? path["/tags/".Length..] : null;
        switch (method, id)
        {
            case ("POST", null):
                await CreateAsync();
                break;
            case ("GET", { } text) when !Guid.TryParse(text, out _):
                // Mistakes: an id that is no UUID crashes into ASP.NET's error page (with the server's paths), and the
                // 500 may be cached for ten minutes.
                Response.StatusCode = 500;
                Response.Headers.CacheControl = "public, max-age=600";
                Response.ContentType = "text/html";
                await Response.WriteAsync("<html><body><span><H1>Server Error in '/' Application.<hr></H1></span><b>Description:</b> FormatException: Guid should contain 32 digits.<br><b>Source File:</b> C:\\inetpub\\wwwroot\\legacy\\TagsController.cs</body></html>");
                break;
            case ("GET", { } text):
                // Mistake: every tag is everyone's: no account is asked.
                await (tags.Find(Guid.Parse(text), TodoStore.DefaultAccount) is { } tag ? Json(200, tag) : NotFound());
                break;
            case ("DELETE", { } text):
                await (Guid.TryParse(text, out var key) && tags.Remove(key) ? NoContent() : NotFound());
                break;
            default:
                await Json(404, new { error = "not found" });
                break;
        }
    }

    private async Task CreateAsync()
    {
        Tag? tag = null;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var id) && Guid.TryParse(id.GetString(), out var key)
                && root.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String)
            {
                tag = new Tag(key, label.GetString()!);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
        }

        if (tag is null)
        {
            await Json(422, new { error = "id and label are required" });
            return;
        }

        if (!tags.TryAdd(tag))
        {
            // Mistake: an id that exists is not a 409 but a crash, its traceback serialised as JSON.
            await Json(500, new
            {
                error = "IntegrityError: UNIQUE constraint failed: tags.id",
                trace = new[]
                {
                    "  File \"/srv/legacy/app/tags.py\", line 42, in create\n    db.insert(tag)\n",
                    "  File \"/srv/legacy/app/db.py\", line 17, in insert\n    cursor.execute(sql, values)\n",
                },
            });
            return;
        }

        Response.Headers.Location = $"/tags/{tag.Id}";
        await Json(201, tag);
    }

    // Mistake: a problem document whose status is not the response's.
    private async Task NotFound()
    {
        Response.StatusCode = 404;
        Response.ContentType = "application/problem+json";
        await Response.WriteAsync("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":400}");
    }

    private Task NoContent()
    {
        Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private async Task Json(int status, object body)
    {
        Response.StatusCode = status;
        Response.ContentType = "application/json";
        await Response.WriteAsync(JsonSerializer.Serialize(body, LegacyApp.Json));
    }
}
