using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Checks;

/// <summary>
/// head-like-get: a HEAD answers like the GET sent just before it to the same URL — with the header fields the GET
/// sent (RFC 9110 §9.3.2); it has no body, as the transport reads none. Fields whose value is made while generating the content (Content-Length, an
/// ETag of dynamic content) may be left out; where HEAD sends them, they must agree. The status is expected-status's.
/// </summary>
public sealed class HeadMatchesGet : ICheck
{
    public const string CheckId = "head-like-get";
    private const string Title = "HEAD does not answer like GET";

    // Present in the GET's answer → HEAD repeats them.
    private static readonly string[] Repeated = ["Content-Type", "Cache-Control", "Content-Language"];

    // May be left out of HEAD's answer, but where both answers carry them they agree.
    private static readonly string[] Agreeing = ["ETag", "Last-Modified", "Content-Encoding"];

    public string Id => CheckId;

    public string Description => "a HEAD answers like the GET just before it: the GET's Content-Type, Cache-Control and Content-Language, and no ETag or Last-Modified that contradicts it (RFC 9110 §9.3.2)";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var head = context.Response;
        if (context.Exchange.Request.Method != "HEAD" || context.Exchange.Earlier(Steps.Reference)?.Response is not { } get || get.Status != head.Status)
        {
            yield break;
        }

        // No body: an answer to HEAD ends at its headers (RFC 9112 §6.3), so none is ever read.
        var problems = new List<(string Message, string Expected, string Actual)>();

        foreach (var name in Repeated.Where(get.HasHeader))
        {
            var expected = get.Header(name)!;
            if (head.Header(name) is not { } actual)
            {
                problems.Add(($"HEAD leaves out {name} ({name}: {expected} with GET)", $"{name} as with GET", "no such header"));
            }
            else if (!Agree(name, expected, actual))
            {
                problems.Add(($"HEAD says {name}: {actual}, GET said {expected}", $"{name} as with GET", actual));
            }
        }

        foreach (var name in Agreeing.Where(n => get.HasHeader(n) && head.HasHeader(n)))
        {
            var (expected, actual) = (get.Header(name)!, head.Header(name)!);
            if (!Agree(name, expected, actual))
            {
                problems.Add(($"HEAD says {name}: {actual}, GET said {expected}", $"{name} as with GET", actual));
            }
        }

        if (problems.Count == 0)
        {
            yield return Finding.Pass(Id, Title);
        }

        foreach (var (message, expected, actual) in problems)
        {
            yield return Finding.Fail(Id, Title, $"{context.Operation.Key}: {message}", expected, actual, "RFC 9110 §9.3.2: HEAD is GET without the content");
        }
    }

    private static bool Agree(string name, string get, string head) => name switch
    {
        "Content-Type" => MediaTypes.Essence(get) == MediaTypes.Essence(head),
        "Cache-Control" => Directives(get).SetEquals(Directives(head)),
        // A weak tag is often a hash of the content as generated; two of them differing says the content did.
        "ETag" => EntityTag.Parse(get) is not { Weak: false } g || EntityTag.Parse(head) is not { Weak: false } h || g.Opaque == h.Opaque,
        _ => string.Equals(get.Trim(), head.Trim(), StringComparison.Ordinal),
    };

    // The directive names: a max-age counted down between the two answers is the same policy.
    private static HashSet<string> Directives(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => d.Split('=')[0].Trim().ToLowerInvariant()).ToHashSet();
}
