using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TodoApi;

/// <summary>
/// A small, conformant to-do API: bearer auth with a WWW-Authenticate challenge, problem+json errors,
/// 201 + Location on create, 204 on delete, 404 for unknown ids, 405 with Allow, 415 for non-JSON
/// bodies, 422 for invalid ones, 409 for a duplicate title or a tag id that exists, 400 for a tag id that is
/// no UUID; HEAD like GET, OPTIONS with Allow, 406 for an Accept without JSON, ETags with 304, 412 and 428,
/// Idempotency-Key creates, a list paged with Link, RateLimit fields on /todos, and a deprecated /stats that
/// says so (Deprecation, Sunset). Three users: alice owns her todos, bob has his own account and sees none of
/// hers (404), carol reads alice's and may change nothing (403); POST /login hands out tokens.
/// </summary>
public static class TodoApp
{
    public const string ProblemJson = "application/problem+json";

    /// <param name="options">Token and other settings.</param>
    /// <param name="args">Command-line arguments for the host.</param>
    /// <param name="before">Middleware to put in front of the API (tests use it to plant one mistake).</param>
    /// <param name="host">Changes to the host before it is built (tests put it on an in-process TestServer).</param>
    public static WebApplication Create(TodoApiOptions options, string[]? args = null, Action<WebApplication>? before = null, Action<WebApplicationBuilder>? host = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [], ApplicationName = typeof(TodoApp).Assembly.GetName().Name });
        host?.Invoke(builder);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<TodoStore>();
        builder.Services.AddSingleton<TodoUsers>();
        builder.Services.AddSingleton<TagStore>();
        builder.Services.AddSingleton<IdempotencyKeys>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        var limiter = Limiter(options);
        builder.Services.AddRateLimiter(o => RateLimits(o, limiter, options));

        var app = builder.Build();
        before?.Invoke(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-Request-Id"] = Guid.NewGuid().ToString("N");
            await next(context);
        });
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/todos"))
            {
                RateLimitFields(context.Response, options, limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0);
            }

            await next(context);
        });
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/todos") || c.Request.Path.StartsWithSegments("/tags"), branch => branch.Use(BearerAuth.Middleware(app.Services.GetRequiredService<TodoUsers>())));
        app.Use(async (context, next) =>
        {
            if (!Validators.AcceptsJson(context.Request))
            {
                await Problem(406, "Not Acceptable", "this API answers in application/json (errors in application/problem+json)").ExecuteAsync(context);
                return;
            }

            await next(context);
        });

        // GET and HEAD share their handlers: Kestrel sends a HEAD's headers without the content.
        string[] read = ["GET", "HEAD"];
        app.MapMethods("/health", read, (HttpContext context) => Validators.Read(context, Validators.Weak("ok"), () => Results.Json(new { status = "ok" })));
        app.MapPost("/login", LoginEndpoint.Login);
        app.MapMethods("/todos", read, TodoEndpoints.List);
        app.MapPost("/todos", TodoEndpoints.Create);
        app.MapMethods("/todos/{id:long}", read, TodoEndpoints.Get);
        app.MapPut("/todos/{id:long}", TodoEndpoints.Update);
        app.MapDelete("/todos/{id:long}", TodoEndpoints.Delete);
        app.MapPost("/tags", TagEndpoints.Create);
        app.MapMethods("/tags/{id}", read, TagEndpoints.Get);
        app.MapDelete("/tags/{id}", TagEndpoints.Delete);
        app.MapMethods("/stats", read, StatsEndpoint.Get);
        Options(app, "/health", "GET, HEAD, OPTIONS");
        Options(app, "/login", "POST, OPTIONS");
        Options(app, "/todos", "GET, HEAD, POST, OPTIONS");
        Options(app, "/todos/{id:long}", "GET, HEAD, PUT, DELETE, OPTIONS");
        Options(app, "/tags", "POST, OPTIONS");
        Options(app, "/tags/{id}", "GET, HEAD, DELETE, OPTIONS");
        Options(app, "/stats", "GET, HEAD, OPTIONS");
        return app;
    }

    // OPTIONS says which methods the resource has (RFC 9110 §9.3.7).
    private static void Options(WebApplication app, string path, string allow) =>
        app.MapMethods(path, ["OPTIONS"], (HttpContext context) =>
        {
            context.Response.Headers.Allow = allow;
            return Results.NoContent();
        });

    /// <summary>Starts the API on 127.0.0.1 with a free port; returns the app and its base URL.</summary>
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(TodoApiOptions options, Action<WebApplication>? before = null, CancellationToken cancellationToken = default)
    {
        var app = Create(options, null, before);
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }

    private const int SegmentsPerWindow = 4;

    // Per token, a sliding window on /todos (four segments): unlike a fixed window, it never lets twice its quota through
    // at a reset, so a burst of 1.5 times the quota is always throttled.
    private static PartitionedRateLimiter<HttpContext> Limiter(TodoApiOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            http.Request.Path.StartsWithSegments("/todos")
                ? RateLimitPartition.GetSlidingWindowLimiter("token " + http.Request.Headers.Authorization, _ => new SlidingWindowRateLimiterOptions { PermitLimit = options.RateLimit, Window = options.RateLimitWindow, SegmentsPerWindow = SegmentsPerWindow, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("open"));

    // A rejected request gets 429, Retry-After, the RateLimit fields and a problem body.
    private static void RateLimits(RateLimiterOptions limiter, PartitionedRateLimiter<HttpContext> global, TodoApiOptions options)
    {
        limiter.GlobalLimiter = global;
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            // A whole window and one segment: by then every permit of the sliding window has come back (a permit returns
            // when its segment leaves the window; the limiter's own hint is one segment, after which only what that
            // segment held returns, perhaps nothing).
            var seconds = Math.Max(1, (int)Math.Ceiling(options.RateLimitWindow.TotalSeconds * (SegmentsPerWindow + 1) / SegmentsPerWindow));
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            RateLimitFields(context.HttpContext.Response, options, 0);
            await Problem(429, "Too Many Requests", $"at most {options.RateLimit} requests per {options.RateLimitWindow.TotalSeconds:0} s per token").ExecuteAsync(context.HttpContext);
        };
    }

    // The IETF draft's fields (draft-ietf-httpapi-ratelimit-headers): the policy, and what remains of it in this window.
    private static void RateLimitFields(HttpResponse response, TodoApiOptions options, long remaining)
    {
        var window = (int)Math.Ceiling(options.RateLimitWindow.TotalSeconds);
        response.Headers["RateLimit-Policy"] = $"\"todos\";q={options.RateLimit};w={window}";
        response.Headers["RateLimit"] = $"\"todos\";r={Math.Max(0, remaining)};t={window}";
    }

    /// <summary>Writes an RFC 9457 problem document.</summary>
    public static IResult Problem(int status, string title, string? detail = null, IDictionary<string, string[]>? errors = null)
    {
        var body = new Dictionary<string, object?> { ["type"] = "about:blank", ["title"] = title, ["status"] = status };
        if (detail is not null)
        {
            body["detail"] = detail;
        }

        if (errors is not null)
        {
            body["errors"] = errors;
        }

        return Results.Json(body, statusCode: status, contentType: ProblemJson);
    }
}
