using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// head-matches-get: every GET, sent again as HEAD right after a GET of the same URL (a reference, not judged);
/// the HEAD must answer like the GET — its status, its headers, no body (RFC 9110 §9.1: general-purpose servers
/// support GET and HEAD; §9.3.2). Only where the GET succeeded, and only on items the run created.
/// </summary>
public sealed class HeadMatchesGetProbe : IProbeKind
{
    public const string KindId = "head-matches-get";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        // An operation that documents only errors (gone, not implemented) never answers a GET to compare with.
        if (operation.Method != "GET" || Expectations.DocumentedOnlyErrors(operation).Count > 0)
        {
            yield break;
        }

        var get = context.Requests.Build(operation, context.RandomFor(Id, operation));
        if (Ownership.NoRealItem(get, operation) is { } why)
        {
            yield return new Probe(Id, operation, [], null, why);
            yield break;
        }

        // HEAD is held to the GET's success status; the head-like-get check compares the rest with the GET's answer.
        var expected = Expectations.Success(operation, context, HappyPathProbe.KindId) with { Why = context.Rules.Expect.Why(Id) };
        var head = get with { Method = "HEAD", Body = null, ContentType = null, Requires = Steps.Reference, Expect = expected };
        yield return new Probe(Id, operation, [get with { Step = Steps.Reference, JudgedBy = [] }, head], expected);
    }
}
