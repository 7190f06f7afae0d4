using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// lifecycle: for each collection with a create, a read and a delete of its items, the whole chain —
/// create, GET the Location (it must resolve to what was created), update, DELETE, GET again (must be
/// 404/410: a 200 is a use-after-delete), DELETE again (404/410/204). Runs on an item of its own.
/// </summary>
public sealed class LifecycleProbe : IProbeKind
{
    public const string KindId = "lifecycle";

    public string Id => KindId;

    public IReadOnlyList<string> OptionKeys => [];

    public IEnumerable<Probe> Plan(ApiOperation operation, PlanContext context)
    {
        if (context.Resources.CreatedKey(operation) is not { } key)
        {
            yield break;
        }

        var items = context.Spec.Operations.Where(o => PathTemplate.Parse(o.Path).EndsWithParameter && ResourceMap.KeyOf(o.Path) == key).ToList();
        var read = items.FirstOrDefault(o => o.Method == "GET");
        var delete = items.FirstOrDefault(o => o.Method == "DELETE");
        var update = items.FirstOrDefault(o => o.Method == "PUT") ?? items.FirstOrDefault(o => o.Method == "PATCH");
        if (read is null || delete is null)
        {
            yield break;
        }

        var local = "lifecycle:" + key;
        var random = context.RandomFor(Id, operation);
        var steps = new List<PlannedRequest>
        {
            OwnItem.Create(operation, context, random),
            OwnItem.Item(read, local, context, random) with { Step = Steps.Read, Requires = Steps.Create, FollowLocation = true, Expect = Expectations.Success(read, context, HappyPathProbe.KindId) },
        };
        if (update is not null)
        {
            steps.Add(OwnItem.Item(update, local, context, random) with { Step = Steps.Update, Requires = Steps.Create, Expect = Expectations.Success(update, context, HappyPathProbe.KindId) });
        }

        // After the delete, the item is gone only if the delete succeeded: the last two steps are sent only then.
        steps.Add(OwnItem.Item(delete, local, context, random) with { Step = Steps.Delete, Requires = Steps.Create, Expect = Expectations.Success(delete, context, HappyPathProbe.KindId) });
        steps.Add(context.Requests.ForError(OwnItem.Item(read, local, context, random), read) with { Step = Steps.ReadAfterDelete, Requires = Steps.Delete, Expect = ProbeTable.Step(Id, Steps.ReadAfterDelete, context) });
        steps.Add(context.Requests.ForError(OwnItem.Item(delete, local, context, random), delete) with { Step = Steps.DeleteAgain, Requires = Steps.Delete, ReadFirst = null, Expect = ProbeTable.Step(Id, Steps.DeleteAgain, context) });
        yield return new Probe(Id, operation, steps, steps[0].Expect) { Creates = key, BindAs = local };
    }

    // The item's own id comes from this chain's create, never from another probe's.
}
