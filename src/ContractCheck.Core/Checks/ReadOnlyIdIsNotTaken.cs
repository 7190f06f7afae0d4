using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Checks;

/// <summary>
/// read-only-id: a create that sent the readOnly id of an item that exists (invalid-body's existing-id case) and was
/// answered 2xx made an item with an id of its own: the server ignored the id, as JSON Schema's readOnly allows
/// ("ignored or rejected by the owning authority"), and did not take it — overwriting the existing item, or making a
/// second one with the same id.
/// </summary>
public sealed class ReadOnlyIdIsNotTaken : ICheck
{
    public const string CheckId = "read-only-id";
    private const string Title = "A create took a readOnly id";
    private const string Source = "readOnly (JSON Schema Validation §9.4)";

    public string Id => CheckId;

    public string Description => "a create that sends the readOnly id of an existing item is refused, or makes an item with its own id; it never takes the id";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Exchange.Planned.IdInBody is not { ClientChosen: false } bodyId || context.Response.Status is < 200 or >= 300
            || context.Probe.Creates is not { } key || BodyIds.Member(context.Exchange.Request.Body, bodyId.Member) is not { } sent)
        {
            yield break;
        }

        // An answer that names no id says nothing either way.
        if (CreatedIds.Extract(context.Exchange, key, context.Probe.IdFrom) is not { } created)
        {
            yield break;
        }

        yield return string.Equals(created, sent, StringComparison.OrdinalIgnoreCase)
            ? Finding.Fail(Id, Title, $"{context.Response.Status}: the create sent the readOnly '{bodyId.Member}' {sent} of an item that exists, and the item it answered with has that id — the server must refuse it (the validation status) or ignore it", "the validation status, or an item with an id of its own", $"{context.Response.Status} with id {created}", Source)
            : Finding.Pass(Id, Title, $"the readOnly id was ignored: the new item is {created}");
    }
}
