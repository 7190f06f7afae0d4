namespace ContractCheck.Core.Checks;

/// <summary>retry-after: every throttled answer of a burst says when to come back (Retry-After, seconds or HTTP-date).</summary>
public sealed class ThrottledWithRetryAfter : ICheck
{
    public const string CheckId = "retry-after";
    private const string Title = "Throttled without Retry-After";

    public string Id => CheckId;

    public string Description => "every throttled answer of a burst (429 unless the rateLimit entry says otherwise) carries Retry-After (delta-seconds or HTTP-date)";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Exchange.Burst is not { Limited: > 0 } burst)
        {
            yield break;
        }

        yield return burst.LimitedWithoutRetryAfter == 0
            ? Finding.Pass(Id, Title)
            : Finding.Fail(Id, Title, $"{burst.LimitedWithoutRetryAfter} of {burst.Limited} {burst.ExpectStatus} answers have no valid Retry-After — a throttled client needs to know when to come back (RFC 6585 4)", $"Retry-After on every {burst.ExpectStatus}", $"missing on {burst.LimitedWithoutRetryAfter}", "rateLimit in the rules");
    }
}
