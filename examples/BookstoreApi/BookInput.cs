using System.Text.Json;
using System.Text.RegularExpressions;

namespace BookstoreApi;

/// <summary>
/// Reads and validates request bodies against the spec's NewBook, BookUpdate and NewReview schemas:
/// the problem to answer (400 broken JSON, 415 not JSON, 422 invalid) or the values.
/// </summary>
public static partial class BookInput
{
    [GeneratedRegex("^97[89][0-9]{10}$")]
    public static partial Regex Isbn();

    public sealed record Parsed(string? Isbn, string Title, Author Author);

    public static async Task<(JsonElement Body, IResult? Problem)> ReadJsonAsync(HttpRequest request)
    {
        if (!IsJson(request.ContentType))
        {
            return (default, Negotiated.Problem(415, "Unsupported Media Type", "send the body as application/json"));
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (default, Negotiated.Problem(400, "Bad Request", "the body is not JSON: " + e.Message));
        }
    }

    public static (Parsed? Book, IResult? Problem) Book(JsonElement body, bool withIsbn)
    {
        var errors = new List<string>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, Invalid("the body must be a JSON object"));
        }

        Only(body, withIsbn ? ["isbn", "title", "author"] : ["title", "author"], "", errors);
        var isbn = withIsbn ? Text(body, "isbn", 13, 13, required: true, errors) : null;
        if (isbn is not null && !Isbn().IsMatch(isbn))
        {
            errors.Add("isbn must be 13 digits starting 978 or 979");
        }

        var title = Text(body, "title", 1, 200, required: true, errors);
        Author? author = null;
        if (!body.TryGetProperty("author", out var a))
        {
            errors.Add("author is required");
        }
        else if (a.ValueKind != JsonValueKind.Object)
        {
            errors.Add("author must be an object");
        }
        else
        {
            Only(a, ["name", "country"], "author.", errors);
            var name = Text(a, "name", 1, 100, required: true, errors, "author.");
            var country = Text(a, "country", 2, 2, required: false, errors, "author.");
            author = name is null ? null : new Author(name, country);
        }

        return errors.Count > 0 || title is null || author is null ? (null, Invalid(string.Join("; ", errors))) : (new Parsed(isbn, title, author), null);
    }

    public static (int Rating, string? Text, IResult? Problem) Review(JsonElement body)
    {
        var errors = new List<string>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (0, null, Invalid("the body must be a JSON object"));
        }

        Only(body, ["rating", "text"], "", errors);
        var rating = 0;
        if (!body.TryGetProperty("rating", out var r))
        {
            errors.Add("rating is required");
        }
        else if (r.ValueKind != JsonValueKind.Number || !r.TryGetDouble(out var value) || value != Math.Floor(value) || value is < 1 or > 5)
        {
            errors.Add("rating must be an integer from 1 to 5");
        }
        else
        {
            rating = (int)value;
        }

        var text = Text(body, "text", 0, 2000, required: false, errors);
        return errors.Count > 0 ? (0, null, Invalid(string.Join("; ", errors))) : (rating, text, null);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static void Only(JsonElement obj, string[] allowed, string prefix, List<string> errors)
    {
        foreach (var property in obj.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
        {
            errors.Add($"{prefix}{property.Name} is not a known property");
        }
    }

    // A string member with a length in code points, as JSON Schema counts it.
    private static string? Text(JsonElement obj, string name, int min, int max, bool required, List<string> errors, string prefix = "")
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            if (required)
            {
                errors.Add($"{prefix}{name} is required");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{prefix}{name} must be a string");
            return null;
        }

        var text = value.GetString()!;
        var length = text.EnumerateRunes().Count();
        if (length < min || length > max)
        {
            errors.Add($"{prefix}{name} must be {min} to {max} characters");
            return null;
        }

        return text;
    }

    private static IResult Invalid(string detail) => Negotiated.Problem(422, "Unprocessable Content", detail);
}
