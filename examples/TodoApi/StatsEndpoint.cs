using System.Globalization;

namespace TodoApi;

/// <summary>
/// GET /stats: public, and deprecated since 2026-01-01 (its numbers move to the list's headers); it goes away on
/// 2027-06-30. Every answer says so: Deprecation (RFC 9745) and Sunset (RFC 8594).
/// </summary>
public static class StatsEndpoint
{
    public static readonly DateTimeOffset DeprecatedSince = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset SunsetAt = new(2027, 6, 30, 23, 59, 59, TimeSpan.Zero);

    public static IResult Get(HttpContext context, TodoStore todos, TagStore tags)
    {
        var response = context.Response;
        response.Headers["Deprecation"] = "@" + DeprecatedSince.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["Sunset"] = SunsetAt.ToString("r", CultureInfo.InvariantCulture);
        var counts = new { todos = todos.Count, tags = tags.Count };
        return Validators.Read(context, Validators.Weak(counts), () => Results.Json(counts));
    }
}
