using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BookstoreApi;

/// <summary>
/// The Bookstore API: a conformant HTTP API with the habits of real ones. Routing is written out so each
/// path answers 405 with an exact Allow for methods it lacks, HEAD like GET without a body, and OPTIONS with Allow;
/// a book's GET answers 304 to its current ETag, and a DELETE with another version's If-Match is refused (412).
/// Checks run in the order a careful API applies them: method, credentials, existence, precondition, media type,
/// syntax, validity, uniqueness.
/// </summary>
public static class BookstoreApp
{
    public const string DefaultKey = "demo-key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static WebApplication Create(string[]? args = null, string key = DefaultKey)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [], ApplicationName = typeof(BookstoreApp).Assembly.GetName().Name });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<BookStore>();
        var app = builder.Build();
        var store = app.Services.GetRequiredService<BookStore>();
        app.Run(async context =>
        {
            var result = await DispatchAsync(context, store, key);
            await result.ExecuteAsync(context);
        });
        return app;
    }

    /// <summary>Starts the API on 127.0.0.1 with a free port; returns the app and its base URL.</summary>
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(string key = DefaultKey, CancellationToken cancellationToken = default)
    {
        var app = Create(null, key);
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }

    private static async Task<IResult> DispatchAsync(HttpContext context, BookStore store, string key)
    {
        var segments = context.Request.Path.Value!.Trim('/').Split('/');
        var method = context.Request.Method == "HEAD" ? "GET" : context.Request.Method;
        var (allow, handler) = segments switch
        {
            ["books"] => (new[] { "GET", "POST" }, method switch
            {
                "GET" => _ => Task.FromResult(Ok(store.All)),
                "POST" => (Func<HttpContext, Task<IResult>>?)(c => CreateBookAsync(c, store)),
                _ => null,
            }),
            ["books", var isbn] => (new[] { "GET", "PUT", "DELETE" }, method switch
            {
                "GET" => _ => Task.FromResult(GetBook(context, store, isbn)),
                "PUT" => c => ReplaceBookAsync(c, store, isbn),
                "DELETE" => _ => Task.FromResult(DeleteBook(context, store, isbn)),
                _ => null,
            }),
            ["books", var isbn, "reviews"] => (new[] { "GET", "POST" }, method switch
            {
                "GET" => _ => Task.FromResult(store.Reviews(isbn) is { } reviews ? Ok(reviews) : NoBook(isbn)),
                "POST" => c => CreateReviewAsync(c, store, isbn),
                _ => null,
            }),
            ["books", var isbn, "reviews", var id] => (new[] { "GET", "DELETE" }, method switch
            {
                "GET" => _ => Task.FromResult(FindReview(store, isbn, id) is { } review ? Ok(review) : NoReview(isbn, id)),
                "DELETE" => _ => Task.FromResult(long.TryParse(id, out var n) && store.RemoveReview(isbn, n) ? Results.NoContent() : NoReview(isbn, id)),
                _ => null,
            }),
            ["search"] => (new[] { "GET" }, method == "GET" ? _ => Task.FromResult(Negotiated.Problem(410, "Gone", "search moved to GET /books")) : (Func<HttpContext, Task<IResult>>?)null),
            _ => (null, null),
        };

        if (allow is null)
        {
            return Negotiated.Problem(404, "Not Found", $"there is nothing at {context.Request.Path}");
        }

        var allowed = string.Join(", ", allow.Append("HEAD").Append("OPTIONS"));
        if (context.Request.Method == "OPTIONS")
        {
            context.Response.Headers.Allow = allowed;
            return Results.NoContent();
        }

        if (handler is null)
        {
            context.Response.Headers.Allow = allowed;
            return Negotiated.Problem(405, "Method Not Allowed", $"{context.Request.Method} is not allowed here; use {allowed}");
        }

        if (method != "GET" && !HasKey(context.Request, key))
        {
            context.Response.Headers.WWWAuthenticate = "ApiKey realm=\"bookstore\", header=\"X-Api-Key\"";
            return Negotiated.Problem(401, "Unauthorized", "writes need a valid X-Api-Key header");
        }

        return await handler(context);
    }

    private static bool HasKey(HttpRequest request, string key) =>
        request.Headers.TryGetValue("X-Api-Key", out var given) && given.Count == 1
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), Encoding.UTF8.GetBytes(key));

    private static IResult GetBook(HttpContext context, BookStore store, string isbn)
    {
        if (store.Find(isbn) is not { } book)
        {
            return NoBook(isbn);
        }

        // A client that holds the current version gets 304 without the book (RFC 9110 §13.1.2: weak comparison).
        context.Response.Headers.ETag = ETag(book);
        return Tags(context.Request.Headers.IfNoneMatch).Any(t => t == "*" || t.TrimStart('W', '/') == ETag(book)) ? Results.StatusCode(304) : Ok(View(book));
    }

    // A DELETE need not carry If-Match, but one that names another version deletes nothing (RFC 9110 §13.1.1).
    private static IResult DeleteBook(HttpContext context, BookStore store, string isbn)
    {
        if (store.Find(isbn) is not { } book)
        {
            return NoBook(isbn);
        }

        var ifMatch = Tags(context.Request.Headers.IfMatch).ToList();
        if (ifMatch.Count > 0 && !ifMatch.Contains("*") && !ifMatch.Contains(ETag(book)))
        {
            return Negotiated.Problem(412, "Precondition Failed", "the book changed since you read it");
        }

        return store.Remove(isbn) ? Results.NoContent() : NoBook(isbn);
    }

    private static IEnumerable<string> Tags(Microsoft.Extensions.Primitives.StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static async Task<IResult> CreateBookAsync(HttpContext context, BookStore store)
    {
        var (body, problem) = await BookInput.ReadJsonAsync(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var (input, invalid) = BookInput.Book(body, withIsbn: true);
        if (invalid is not null)
        {
            return invalid;
        }

        // Answers 200, not 201, and no Location: the book's isbn in the body is how a client finds it.
        return store.Add(input!.Isbn!, input.Title, input.Author) is { } book
            ? Ok(View(book))
            : Negotiated.Problem(409, "Conflict", $"a book with isbn {input.Isbn} exists");
    }

    private static async Task<IResult> ReplaceBookAsync(HttpContext context, BookStore store, string isbn)
    {
        if (store.Find(isbn) is not { } current)
        {
            return NoBook(isbn);
        }

        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0)
        {
            return Negotiated.Problem(428, "Precondition Required", "send If-Match with the ETag of the book you read");
        }

        if (ifMatch != "*" && !ifMatch.Split(',').Select(t => t.Trim()).Contains(ETag(current)))
        {
            return Negotiated.Problem(412, "Precondition Failed", "the book changed since you read it");
        }

        var (body, problem) = await BookInput.ReadJsonAsync(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var (input, invalid) = BookInput.Book(body, withIsbn: false);
        if (invalid is not null)
        {
            return invalid;
        }

        return store.Replace(isbn, input!.Title, input.Author) is { } book ? Ok(View(book)) : NoBook(isbn);
    }

    private static async Task<IResult> CreateReviewAsync(HttpContext context, BookStore store, string isbn)
    {
        if (store.Find(isbn) is null)
        {
            return NoBook(isbn);
        }

        var (body, problem) = await BookInput.ReadJsonAsync(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var (rating, text, invalid) = BookInput.Review(body);
        if (invalid is not null)
        {
            return invalid;
        }

        return store.AddReview(isbn, rating, text) is { } review
            ? Results.Json(review, Json, statusCode: 201).WithLocation($"/books/{isbn}/reviews/{review.Id}")
            : NoBook(isbn);
    }

    private static Review? FindReview(BookStore store, string isbn, string id) =>
        long.TryParse(id, out var n) ? store.Reviews(isbn)?.FirstOrDefault(r => r.Id == n) : null;

    // The server adds a member inside the nested author: a client's read-back compares only what it sent.
    private static object View(Book book) => new
    {
        book.Isbn,
        book.Title,
        Author = new { book.Author.Name, book.Author.Country, Slug = Slug(book.Author.Name) },
        book.Version,
    };

    private static string Slug(string name) => string.Concat(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');

    private static string ETag(Book book) => $"\"{book.Isbn}-{book.Version}\"";

    private static IResult Ok(object value) => Results.Json(value, Json);

    private static IResult NoBook(string isbn) => Negotiated.Problem(404, "Not Found", $"there is no book {isbn}");

    private static IResult NoReview(string isbn, string id) => Negotiated.Problem(404, "Not Found", $"book {isbn} has no review {id}");

    private sealed class LocatedResult(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.Location = location;
            return inner.ExecuteAsync(context);
        }
    }

    private static IResult WithLocation(this IResult result, string location) => new LocatedResult(result, location);
}
