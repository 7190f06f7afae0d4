using System.Globalization;
using ContractCheck.Core.Http;

namespace ContractCheck.Core.Execution;

/// <summary>
/// The one reader of what a response says about rate limits: Retry-After (delta-seconds or HTTP-date), and the
/// limit / remaining / reset of <c>X-RateLimit-*</c> and of every revision of the IETF httpapi RateLimit draft
/// (<see cref="Read"/>): the burst, the wait for a 429 and the rate-limit-fields check all ask it.
/// </summary>
public static class RateLimitHeaders
{
    /// <summary>How long Retry-After asks to wait (an obsolete date form read too, as a recipient must); null when absent or unreadable.</summary>
    public static TimeSpan? RetryAfter(ReceivedResponse response, DateTimeOffset now) => RetryAfter(response, now, HttpDate.Parse);

    /// <summary>True when Retry-After is what a sender may write: delay-seconds or an IMF-fixdate (RFC 9110 §10.2.3, §5.6.7).</summary>
    public static bool HasValidRetryAfter(ReceivedResponse response) => RetryAfter(response, DateTimeOffset.UtcNow, HttpDate.ParseFixdate) is not null;

    private static TimeSpan? RetryAfter(ReceivedResponse response, DateTimeOffset now, Func<string?, DateTimeOffset?> date)
    {
        if (response.Header("Retry-After")?.Trim() is not { Length: > 0 } value)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (date(value) is { } at)
        {
            var wait = at - (HttpDate.Parse(response.Header("Date")) ?? now);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    public static long? Remaining(ReceivedResponse response) => First(Read(response), q => q.Remaining);

    /// <summary>
    /// What a burst observes of one answer: the quota it says remains, with its limit; null when it states none. Read
    /// for every answer of a burst: an answer without a rate-limit field (most are) costs one look at its names.
    /// </summary>
    public static RateLimitObservation? Observe(ReceivedResponse response, int lane)
    {
        if (!response.Headers.Any(h => h.Key.Contains("RateLimit", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var fields = Read(response);
        return First(fields, q => q.Remaining) is { } remaining ? new RateLimitObservation(0, First(fields, q => q.Limit), remaining, lane) : null;
    }

    public static long? Limit(ReceivedResponse response) => First(Read(response), q => q.Limit);

    /// <summary>Seconds until the window resets: delta seconds, or an epoch timestamp turned into a delta.</summary>
    public static TimeSpan? Reset(ReceivedResponse response, DateTimeOffset now)
    {
        if (First(Read(response), q => q.Reset) is not { } reset)
        {
            return null;
        }

        // Large values are epoch seconds (GitHub's X-RateLimit-Reset); small ones are seconds to wait.
        var seconds = reset > 1_000_000_000 ? reset - now.ToUnixTimeSeconds() : reset;
        return TimeSpan.FromSeconds(Math.Max(0, seconds));
    }

    /// <summary>
    /// Every rate limit the response states — X-RateLimit-*, and the fields of each revision of the IETF draft: separate
    /// RateLimit-Limit / -Remaining / -Reset (drafts 00 to 06), the Dictionary <c>RateLimit: limit=…, remaining=…, reset=…</c>
    /// (draft 07), and <c>RateLimit-Policy</c> with <c>RateLimit</c> as Lists of named items (draft 08 on) — and what in the
    /// draft's fields breaks the syntax of every revision.
    /// </summary>
    public static RateLimitFields Read(ReceivedResponse response)
    {
        var quotas = new List<RateLimitQuota>();
        var problems = new List<string>();
        if (Separate(response, "X-RateLimit-", RateLimitForm.XRateLimit, null) is { } x)
        {
            quotas.Add(x);
        }

        if (Separate(response, "RateLimit-", RateLimitForm.Separate, problems) is { } separate)
        {
            quotas.Add(separate);
        }

        var policies = Field(response, "RateLimit-Policy") is { } policy ? Policies(policy, problems) : [];
        if (Field(response, "RateLimit") is { } limits)
        {
            ServiceLimits(limits, policies, quotas, problems);
        }

        quotas.AddRange(policies.Where(p => !quotas.Any(q => q.Form == RateLimitForm.Current && q.Policy == p.Policy)));
        var draft = new[] { "RateLimit", "RateLimit-Policy", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset" }.Any(response.HasHeader);
        return new RateLimitFields(quotas, problems) { HasDraftFields = draft };
    }

    // A burst's observations and the gate's wait read the first limit that says it, X-RateLimit-* first (as always).
    private static long? First(RateLimitFields fields, Func<RateLimitQuota, long?> pick) =>
        fields.Quotas.OrderBy(q => q.Form switch { RateLimitForm.XRateLimit => 0, RateLimitForm.Separate => 1, RateLimitForm.Dictionary => 2, _ => 3 })
            .Select(pick).FirstOrDefault(v => v is not null);

    // Several field lines of one name are one list (RFC 9110 §5.3).
    private static string? Field(ReceivedResponse response, string name) =>
        response.HasHeader(name) ? string.Join(", ", response.HeaderValues(name)) : null;

    // Prefix + Limit / Remaining / Reset. The draft's (problems given) are Structured Field Integers, never negative;
    // the X- convention is read as it comes.
    private static RateLimitQuota? Separate(ReceivedResponse response, string prefix, RateLimitForm form, List<string>? problems)
    {
        long? Value(string field, bool list)
        {
            var name = prefix + field;
            if (Field(response, name) is not { } text)
            {
                return null;
            }

            var lenient = long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : (long?)null;
            if (problems is not null)
            {
                // RateLimit-Limit of drafts 00 to 04 may go on with quota policies: "10, 10;w=1".
                var parsed = list ? StructuredFields.List(text) is { Ok: true, Value: [var first, ..] } l ? first.Value.Integer : null
                    : StructuredFields.Item(text) is { Ok: true, Value: { } item } ? item.Value.Integer : null;
                if (parsed is not >= 0)
                {
                    problems.Add($"{name}: '{text}' is not a non-negative Integer (drafts 00 to 06 of the RateLimit draft)");
                }

                lenient ??= parsed;
            }

            return lenient;
        }

        var limit = Value("Limit", list: true);
        var remaining = Value("Remaining", list: false);
        var reset = Value("Reset", list: false);
        return limit is null && remaining is null && reset is null ? null
            : new RateLimitQuota(form, null, limit, remaining, reset, form == RateLimitForm.XRateLimit ? "X-RateLimit-*" : "RateLimit-Limit/-Remaining/-Reset");
    }

    // RateLimit-Policy: named items with q (draft 08 on), or Integer items with w (drafts 05 to 07).
    private static List<RateLimitQuota> Policies(string text, List<string> problems)
    {
        var parsed = StructuredFields.List(text);
        if (!parsed.Ok)
        {
            problems.Add($"RateLimit-Policy: {parsed.Error} (expected a List such as \"default\";q=100;w=10)");
            return [];
        }

        var policies = new List<RateLimitQuota>();
        foreach (var member in parsed.Value!)
        {
            if (member.Value.Integer is { } quota)
            {
                Check(problems, "RateLimit-Policy", member, quota >= 0, "its quota must be a non-negative Integer");
                CheckWindow(problems, member);
                continue;
            }

            if (member.Value.Text is not { } name)
            {
                problems.Add($"RateLimit-Policy: {member} does not name its policy with a String (\"default\";q=100)");
                continue;
            }

            var q = member.Parameter("q");
            Check(problems, "RateLimit-Policy", member, q?.Integer is >= 0, "needs q, its quota, a non-negative Integer");
            CheckWindow(problems, member);
            Check(problems, "RateLimit-Policy", member, member.Parameter("qu") is null or { Kind: SfKind.String }, "qu, its quota unit, must be a String");
            Check(problems, "RateLimit-Policy", member, member.Parameter("pk") is null or { Kind: SfKind.ByteSequence }, "pk, its partition key, must be a Byte Sequence");
            policies.Add(new RateLimitQuota(RateLimitForm.Current, name, q?.Integer, null, null, "RateLimit-Policy"));
        }

        return policies;
    }

    private static void CheckWindow(List<string> problems, SfMember member) =>
        Check(problems, "RateLimit-Policy", member, member.Parameter("w") is not { } w || w.Integer is > 0, "w, its window, must be a positive Integer of seconds");

    // RateLimit: named items with r and t (draft 08 on), or the Dictionary limit, remaining, reset (draft 07).
    private static void ServiceLimits(string text, List<RateLimitQuota> policies, List<RateLimitQuota> quotas, List<string> problems)
    {
        var list = StructuredFields.List(text);
        if (list is { Ok: true, Value: { Count: > 0 } members } && members.All(m => m.Value.Text is not null))
        {
            foreach (var member in members)
            {
                var r = member.Parameter("r");
                var t = member.Parameter("t");
                Check(problems, "RateLimit", member, r?.Integer is >= 0, "needs r, the remaining quota, a non-negative Integer");
                Check(problems, "RateLimit", member, t is null || t.Integer is >= 0, "t, the seconds until quota is added, must be a non-negative Integer");
                Check(problems, "RateLimit", member, member.Parameter("pk") is null or { Kind: SfKind.ByteSequence }, "pk, its partition key, must be a Byte Sequence");
                var policy = policies.FirstOrDefault(p => p.Policy == member.Value.Text);
                quotas.Add(new RateLimitQuota(RateLimitForm.Current, member.Value.Text, policy?.Limit, r?.Integer, t?.Integer, policy is null ? "RateLimit" : "RateLimit, RateLimit-Policy"));
            }

            return;
        }

        var dictionary = StructuredFields.Dictionary(text);
        if (dictionary is { Ok: true, Value: { } entries } && entries.Any(e => e.Key is "limit" or "remaining" or "reset"))
        {
            long? Member(string key)
            {
                if (entries.FirstOrDefault(e => e.Key == key).Value is not { } member)
                {
                    return null;
                }

                Check(problems, "RateLimit", member, member.Value.Integer is >= 0, $"{key} must be a non-negative Integer");
                return member.Value.Integer;
            }

            quotas.Add(new RateLimitQuota(RateLimitForm.Dictionary, null, Member("limit"), Member("remaining"), Member("reset"), "RateLimit"));
            return;
        }

        problems.Add($"RateLimit: '{text}' is in the syntax of no revision of the draft: expected a List of named service limits (\"default\";r=50;t=30), or limit=N, remaining=N, reset=N (draft 07){(list.Ok ? "" : $"; {list.Error}")}");
    }

    private static void Check(List<string> problems, string field, SfMember member, bool holds, string claim)
    {
        if (!holds)
        {
            problems.Add($"{field}: {member} — {claim}");
        }
    }
}
