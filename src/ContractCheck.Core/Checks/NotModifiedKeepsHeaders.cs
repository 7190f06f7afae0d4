using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Checks;

/// <summary>
/// not-modified: a 304 to a conditional GET carries the header fields a 200 would have — the same ETag, and the
/// Cache-Control, Content-Location, Date, Expires and Vary the 200 before it carried (RFC 9110 §15.4.5).
/// </summary>
public sealed class NotModifiedKeepsHeaders : ICheck
{
    public const string CheckId = "not-modified";
    private const string Title = "304 without the headers of the 200";

    private static readonly string[] Kept = ["ETag", "Cache-Control", "Content-Location", "Date", "Expires", "Vary"];

    public string Id => CheckId;

    public string Description => "a 304 Not Modified carries the ETag of the 200 before it, and its Cache-Control, Content-Location, Date, Expires and Vary (RFC 9110 §15.4.5)";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Response.Status != 304 || context.Exchange.Earlier(Steps.Reference)?.Response is not { Status: >= 200 and < 300 } ok)
        {
            yield break;
        }

        var problems = new List<Finding>();
        foreach (var name in Kept.Where(ok.HasHeader))
        {
            if (context.Response.Header(name) is not { } value)
            {
                problems.Add(Finding.Fail(Id, Title, $"the 304 leaves out {name}, which the 200 sent ({name}: {ok.Header(name)})", $"{name}, as the 200 sent it", "no such header", "RFC 9110 §15.4.5"));
            }
            else if (name == "ETag" && !EntityTag.WeakMatch(EntityTag.Parse(value), EntityTag.Parse(ok.Header(name))))
            {
                problems.Add(Finding.Fail(Id, Title, $"the 304 says ETag: {value}, the 200 said {ok.Header(name)}: a 304 confirms the tag the client holds", "the 200's ETag", value, "RFC 9110 §15.4.5"));
            }
        }

        foreach (var finding in problems.Count > 0 ? problems : [Finding.Pass(Id, Title)])
        {
            yield return finding;
        }
    }
}
