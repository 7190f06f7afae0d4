using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Rules;

/// <summary>
/// The <c>rateLimit</c> entries <c>contractcheck init</c> proposes: operations whose spec states a limit in an
/// <c>x-rate-limit</c>-style extension (<c>x-rate-limit: {limit: 100, period: 60s}</c>, <c>x-ratelimit-limit: 100</c>), or
/// documents a 429. A burst is written out only where the limit and its window are known, the operation only reads
/// (GET or HEAD) and the burst stays small; every other entry is commented out for the team to fill in.
/// </summary>
internal static partial class TemplateRateLimits
{
    /// <summary>Most requests a written-out burst sends; a larger limit is proposed commented out.</summary>
    public const int MaxRequests = 1000;

    public static IReadOnlyList<(string Operation, int? Limit, TimeSpan? Window, string Source, bool Active, bool Read)> Find(ApiSpec spec)
    {
        var found = new List<(string Operation, int? Limit, TimeSpan? Window, string Source, bool Active, bool Read)>();
        var global = Extension(spec.Document.Extensions);
        foreach (var operation in spec.Operations)
        {
            var own = Extension(operation.Model.Extensions);
            var (limit, window, source) = own ?? default;
            var throttles = operation.Model.Responses?.ContainsKey("429") == true;
            if (own is null && global is { } whole && operation.Method is "GET" && !found.Any(f => f.Source == whole.Source))
            {
                // A limit for the whole API: one read operation is enough to show it holds.
                (limit, window, source) = whole;
            }

            if (source is null && !throttles)
            {
                continue;
            }

            source ??= "documents 429";
            var active = limit is > 0 && window is { } w && operation.Method is "GET" or "HEAD"
                && Requests(limit.Value) <= MaxRequests && w <= TimeSpan.FromMinutes(1);
            found.Add((operation.OperationId ?? operation.Key, limit, window, source, active, operation.Method is "GET" or "HEAD"));
        }

        return found;
    }

    /// <summary>Past the limit by half again, so some answers must be throttled even if a window has begun.</summary>
    public static int Requests(int limit) => Math.Min(100_000, limit + Math.Max(10, limit / 2));

    private static (int? Limit, TimeSpan? Window, string? Source)? Extension(IDictionary<string, IOpenApiExtension>? extensions)
    {
        foreach (var (name, extension) in extensions ?? new Dictionary<string, IOpenApiExtension>())
        {
            if (!RateLimitName().IsMatch(name) || extension is not JsonNodeExtension { Node: { } node })
            {
                continue;
            }

            var limit = Number(node) ?? Number(Member(node, "limit", "requests", "max", "count", "quota", "rate"));
            var window = Duration(Member(node, "period", "window", "interval", "per", "duration", "seconds", "unit"));
            return (limit, window, name);
        }

        return null;
    }

    private static JsonNode? Member(JsonNode node, params string[] names) =>
        node is JsonObject obj ? obj.FirstOrDefault(p => names.Any(n => p.Key.Contains(n, StringComparison.OrdinalIgnoreCase))).Value : null;

    // A whole number however the reader typed it (int, long, decimal, JsonElement), or as text.
    private static int? Number(JsonNode? node) => node is JsonValue value
        && int.TryParse(value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    // 60, "60s", "1m", "500ms", "minute", "1 hour"
    private static TimeSpan? Duration(JsonNode? node)
    {
        if (Number(node) is { } seconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (node is not JsonValue value || !value.TryGetValue(out string? text) || DurationText().Match(text.Trim().ToLowerInvariant()) is not { Success: true } m)
        {
            return null;
        }

        var count = m.Groups[1].Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
        return m.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(count),
            "s" or "sec" or "second" or "seconds" => TimeSpan.FromSeconds(count),
            "m" or "min" or "minute" or "minutes" => TimeSpan.FromMinutes(count),
            _ => TimeSpan.FromHours(count),
        };
    }

    [GeneratedRegex(@"^x-rate-?limit", RegexOptions.IgnoreCase)]
    private static partial Regex RateLimitName();

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)?\s*(ms|s|sec|seconds?|m|min|minutes?|h|hours?)$")]
    private static partial Regex DurationText();
}
