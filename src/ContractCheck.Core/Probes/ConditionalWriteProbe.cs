using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Probes;

/// <summary>
/// conditional-write: each PUT, PATCH and DELETE of an item, on an item of its own (created for it, deleted after):
/// sent with an If-Match that is not the item's ETag, it must answer 412 and leave the item as it was (read back);
/// where the spec documents 428, sent without If-Match it must answer 428 (RFC 9110 §13.1.1, §15.5.13; RFC 6585 §3).
/// If-Match compares strongly (§8.8.3.2): unless the spec declares If-Match or documents 412 or 428, the writes are
/// sent only where the item's GET carries a strong ETag — a server with weak tags only offers nothing to match.
/// </summary>
public sealed class ConditionalWriteProbe : IProbeKind
{
    public const string KindId = "conditional-write";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        if (operation.Method is not ("PUT" or "PATCH" or "DELETE") || OwnItem.Unavailable(operation, context) is not null
            || OwnItem.ReadOf(operation, context) is not { } read || OwnItem.CreateOf(operation, context) is not { } create)
        {
            yield break;
        }

        if (ProbeTable.Expect(Id, operation, context) is not { } expected)
        {
            yield return ProbeTable.NoRow(Id, operation);
            yield break;
        }

        var random = context.RandomFor(Id, operation);
        var local = $"{Id}:{operation.Key}";
        var reference = OwnItem.Item(read, local, context, random) with { Step = Steps.Reference, Requires = Steps.Create, JudgedBy = [] };
        var readBack = OwnItem.Item(read, local, context, random) with { Step = Steps.ReadAfterRefusal, RequiresRefusal = true, Expect = Expectations.Success(read, context, HappyPathProbe.KindId) };
        var write = OwnItem.Item(operation, local, context, random) with { Requires = Steps.Reference, ReadFirst = null, FromAnswer = null };
        var stale = write with
        {
            Step = Steps.StaleIfMatch,
            Headers = [.. write.Headers.Where(h => !IsIfMatch(h.Key)), new("If-Match", $"\"contractcheck-stale-{random.Next(100_000, 999_999)}\"")],
            Needs = DeclaresPreconditions(operation) ? null : (Steps.Reference, AnswerNeed.StrongETag),
            Expect = expected,
        };

        var steps = new List<PlannedRequest>
        {
            OwnItem.Create(create, context, random) with { JudgedBy = [] },
            reference,
            stale,
            readBack with { Requires = Steps.StaleIfMatch },
        };

        // Where the spec requires a precondition, a write without one is refused with 428 — on the item as it is now.
        if ((operation.Model.Responses?.ContainsKey("428") ?? false) && ProbeTable.Step(Id, Steps.NoIfMatch, context) is { } required)
        {
            steps.Add(reference);
            steps.Add(write with { Step = Steps.NoIfMatch, Headers = [.. write.Headers.Where(h => !IsIfMatch(h.Key))], Expect = required });
            steps.Add(readBack with { Requires = Steps.NoIfMatch });
        }

        // The item is the probe's own: it deletes it (the clean-up at the end would too).
        if (context.Spec.OperationsAt(operation.Path).FirstOrDefault(o => o.Method == "DELETE") is { } delete)
        {
            steps.Add(OwnItem.Item(delete, local, context, random) with { Step = Steps.Delete, Requires = Steps.Create, JudgedBy = [] });
        }

        yield return OwnItem.Chain(Id, operation, create, steps, expected, local, context);
    }

    /// <summary>The spec says the operation takes preconditions: it declares an If-Match header, or documents 412 or 428.</summary>
    public static bool DeclaresPreconditions(ApiOperation operation) =>
        operation.HeaderParameter("If-Match") is not null
        || (operation.Model.Responses?.Keys.Any(k => k is "412" or "428") ?? false);

    private static bool IsIfMatch(string? name) => string.Equals(name, "If-Match", StringComparison.OrdinalIgnoreCase);
}
