using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// conditional-get: every GET whose answer carries a validator is sent again with it — If-None-Match with the ETag,
/// else If-Modified-Since with the Last-Modified date — and must answer 304 Not Modified without a body, with the
/// same ETag (RFC 9110 §13.1.2, §13.1.3, §15.4.5). For an item the run created that the spec can update, a second
/// probe changes it in between (with the updates, in the item's lane): the old validator must then get a 200.
/// An answer without a validator has no conditional requests to judge: nothing more is sent.
/// </summary>
public sealed class ConditionalGetProbe : IProbeKind
{
    public const string KindId = "conditional-get";

    /// <summary>The label of the probe that changes the item between its two reads.</summary>
    public const string Changed = "changed item";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        // An operation that documents only errors (gone, not implemented) never answers a GET to compare with.
        if (operation.Method != "GET" || Expectations.DocumentedOnlyErrors(operation).Count > 0)
        {
            yield break;
        }

        var random = context.RandomFor(Id, operation);
        var get = context.Requests.Build(operation, random);
        if (Ownership.NoRealItem(get, operation) is { } why)
        {
            yield return new Probe(Id, operation, [], null, why);
            yield break;
        }

        if (ProbeTable.Expect(Id, operation, context) is not { } expected)
        {
            yield return ProbeTable.NoRow(Id, operation);
            yield break;
        }

        var reference = get with { Step = Steps.Reference, JudgedBy = [] };
        var conditional = get with
        {
            Step = Steps.Revalidate,
            Requires = Steps.Reference,
            Needs = (Steps.Reference, AnswerNeed.Validator),
            FromAnswer = AnswerHeaders.Validators(Steps.Reference),
            Expect = expected,
        };
        yield return new Probe(Id, operation, [reference, conditional], expected) { ComparesReads = true };

        // The changed item: only an item the run created (bound to its create), changed by the spec's own update.
        var template = PathTemplate.Parse(operation.Path);
        var update = context.Spec.OperationsAt(operation.Path).FirstOrDefault(o => o.Method == "PUT") ?? context.Spec.OperationsAt(operation.Path).FirstOrDefault(o => o.Method == "PATCH");
        if (!template.EndsWithParameter || update is null || get.PathValues[template.ParameterNames.Last()].Binding is null)
        {
            yield break;
        }

        var success = Expectations.Success(operation, context, HappyPathProbe.KindId);
        var change = context.Requests.Build(update, random) with { Step = Steps.Change, Requires = Steps.Reference, Needs = (Steps.Reference, AnswerNeed.Validator), JudgedBy = [], Operation = update };
        yield return new Probe(Id, operation, [reference, change, conditional with { Requires = Steps.Change, Expect = success }], success)
        {
            Label = Changed,
            RunsWith = update,
        };
    }
}
