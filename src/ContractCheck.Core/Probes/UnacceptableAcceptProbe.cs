using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// unacceptable-accept: a GET whose successes are JSON, asked for a media type none of its responses declares
/// (application/xml, else text/csv); expects 406 Not Acceptable (RFC 9110 §15.5.7). A server may instead disregard
/// Accept and answer as if it were not sent (§12.5.1): a 2xx in a declared type is then not judged — unless the spec
/// documents 406 for the operation, or <c>probes.unacceptable-accept.strict</c> is true. GET only: the claim is about
/// the representation, and an unsafe method would repeat its effect to show it.
/// </summary>
public sealed class UnacceptableAcceptProbe : IProbeKind
{
    public const string KindId = "unacceptable-accept";

    private static readonly string[] Candidates = ["application/xml", "text/csv"];

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => ["strict"];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        var responses = (operation.Model.Responses ?? []).Where(r => !Resolved.IsUnresolved(r.Value)).ToList();
        var declared = responses.SelectMany(r => r.Value.Content?.Keys ?? []).ToList();
        if (operation.Method != "GET" || !responses.Any(r => r.Key.StartsWith('2') && (r.Value.Content?.Keys.Any(MediaTypes.IsJson) ?? false))
            || Candidates.FirstOrDefault(c => !declared.Any(d => MediaTypes.Matches(c, d))) is not { } unacceptable)
        {
            yield break;
        }

        if (ProbeTable.Expect(Id, operation, context) is not { } expected)
        {
            yield return ProbeTable.NoRow(Id, operation);
            yield break;
        }

        // The spec that documents 406 (or a rules override, or strict) holds the operation to it; otherwise a 2xx
        // that ignores Accept is allowed, and left unjudged where it comes in a declared type (see Judge.Unjudged).
        var strict = responses.Any(r => r.Key == "406") || context.Rules.Probe(Id).Strict == true || ProbeTable.Override(Id, operation, context) is not null;
        if (!strict)
        {
            expected = expected with { Statuses = [.. expected.Statuses, StatusPattern.Class(2)], Source = expected.Source + "; a 2xx that disregards Accept is allowed (RFC 9110 §12.5.1)" };
        }

        var request = context.Requests.Build(operation, context.RandomFor(Id, operation));
        if (Ownership.NoRealItem(request, operation) is { } why)
        {
            yield return new Probe(Id, operation, [], null, why);
            yield break;
        }

        var headers = request.Headers.Select(h => h.Key.Equals("Accept", StringComparison.OrdinalIgnoreCase) ? new KeyValuePair<string, string>(h.Key, unacceptable) : h).ToList();
        yield return new Probe(Id, operation, [request with { Headers = headers }], expected);
    }
}
