using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Checks;

/// <summary>
/// rate-limit-fields: an answer carrying the fields of the IETF httpapi RateLimit draft writes them in the syntax of
/// one of its revisions — <c>RateLimit-Policy: "default";q=100;w=10</c> and <c>RateLimit: "default";r=50;t=30</c>
/// (Structured Fields, draft 08 on), <c>RateLimit: limit=100, remaining=50, reset=5</c> (draft 07), or separate
/// <c>RateLimit-Limit</c> / <c>-Remaining</c> / <c>-Reset</c> (drafts 00 to 06); what remains is never above the quota;
/// and where <c>X-RateLimit-*</c> is sent too, it states the same limit and remaining. Reading the fields is
/// <see cref="RateLimitHeaders.Read"/>'s.
/// </summary>
public sealed class RateLimitFieldsAreWellFormed : ICheck
{
    public const string CheckId = "rate-limit-fields";
    private const string Title = "Malformed rate-limit fields";
    private const string Source = "draft-ietf-httpapi-ratelimit-headers";

    public string Id => CheckId;

    public string Description => "RateLimit / RateLimit-Policy fields follow a revision of the IETF draft (structured fields), remaining is never above the quota, and X-RateLimit-* agrees";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var fields = RateLimitHeaders.Read(context.Response);
        if (!fields.HasDraftFields)
        {
            yield break;
        }

        var problems = fields.Problems.Concat(AboveQuota(fields)).Concat(Disagreements(fields)).ToList();
        if (problems.Count == 0)
        {
            yield return Finding.Pass(Id, Title, Source);
            yield break;
        }

        foreach (var problem in problems)
        {
            yield return Finding.Fail(Id, Title, $"{context.Response.Status}: {problem}", source: Source);
        }
    }

    private static IEnumerable<string> AboveQuota(RateLimitFields fields) =>
        fields.Quotas.Where(q => q.Form != RateLimitForm.XRateLimit && q.Remaining > q.Limit)
            .Select(q => $"{q.Fields}: {(q.Policy is null ? "" : $"policy \"{q.Policy}\": ")}remaining {q.Remaining} is above the quota {q.Limit}");

    // X-RateLimit-* beside the draft's fields: the same limit and the same remaining as one of the limits they state.
    private static IEnumerable<string> Disagreements(RateLimitFields fields)
    {
        var draft = fields.Quotas.Where(q => q.Form != RateLimitForm.XRateLimit).ToList();
        foreach (var x in fields.Quotas.Where(q => q.Form == RateLimitForm.XRateLimit))
        {
            foreach (var (name, mine, theirs) in new[] { ("Limit", x.Limit, draft.Select(q => q.Limit)), ("Remaining", x.Remaining, draft.Select(q => q.Remaining)) })
            {
                var stated = theirs.OfType<long>().Distinct().ToList();
                if (mine is { } value && stated.Count > 0 && !stated.Contains(value))
                {
                    yield return $"X-RateLimit-{name} is {value}, but the RateLimit fields say {string.Join(" or ", stated)}: both describe the same limit";
                }
            }
        }
    }
}
