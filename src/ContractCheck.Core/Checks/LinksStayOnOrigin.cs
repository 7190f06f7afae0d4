using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Checks;

/// <summary>
/// links-on-origin: the rel="next" and rel="prev" targets of a list's Link header (RFC 8288) are on the API's own
/// origin; a page link elsewhere leads clients (and their credentials) away, and ContractCheck never follows it.
/// </summary>
public sealed class LinksStayOnOrigin : ICheck
{
    public const string CheckId = "links-on-origin";
    private const string Title = "Page link on another origin";

    public string Id => CheckId;

    public string Description => "the rel=\"next\" / rel=\"prev\" targets of a list's Link header are on the API's origin (RFC 8288); one elsewhere is reported, never contacted";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Probe.Kind != PaginationLinksProbe.KindId || context.Response.Status is < 200 or >= 300)
        {
            yield break;
        }

        var url = context.Exchange.Request.Url;
        var pages = LinkHeader.Links(context.Response, url).Where(l => LinkHeader.Is(l.Relation, "next") || LinkHeader.Is(l.Relation, "prev")).ToList();
        var elsewhere = pages.Where(l => !RequestUrl.SameOrigin(l.Target, url)).ToList();
        foreach (var (relation, target) in elsewhere)
        {
            yield return Finding.Fail(Id, Title, $"the rel=\"{relation}\" link {target} is not on {url.GetLeftPart(UriPartial.Authority)}; not followed", "a target on the API's origin", target.GetLeftPart(UriPartial.Authority), "RFC 8288: Link (pagination-links)");
        }

        if (pages.Count > 0 && elsewhere.Count == 0)
        {
            yield return Finding.Pass(Id, Title, string.Join(", ", pages.Select(p => $"{p.Relation} {p.Target.PathAndQuery}")));
        }
    }
}
