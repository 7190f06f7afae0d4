using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Checks;

/// <summary>
/// unchanged-when-refused: after a conditional write was refused (412, 428), the item reads back as it was before it
/// — the same ETag (or, without one, the same body); that it is still there at all is expected-status's claim. A refusal that changed the item anyway is a lost
/// update (RFC 9110 §13.1.1: the server must not perform the method).
/// </summary>
public sealed class UnchangedWhenRefused : ICheck
{
    public const string CheckId = "unchanged-when-refused";
    private const string Title = "Refused write changed the item";

    public string Id => CheckId;

    public string Description => "after a write refused for its precondition (412, 428), the item reads back exactly as before the write (RFC 9110 §13.1.1)";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var back = context.Exchange;
        if (back.Planned.Step != Steps.ReadAfterRefusal || back.Previous is not { Response: { } refused } write || back.Earlier(Steps.Reference)?.Response is not { } before)
        {
            yield break;
        }

        // An item gone after a refused DELETE is expected-status's ("expected 200, got 404").
        var method = write.Request.Method;
        if (context.Response.Status is < 200 or >= 300)
        {
            yield break;
        }

        if (!Representation.Same(before, context.Response))
        {
            yield return Finding.Fail(Id, Title, $"{method} was refused with {refused.Status}, yet the item reads back changed{Tags(before, context.Response)}", "the item as read before the write", "a changed item", "RFC 9110 §13.1.1");
        }
        else
        {
            yield return Finding.Pass(Id, Title);
        }
    }

    private static string Tags(Execution.ReceivedResponse before, Execution.ReceivedResponse after) =>
        before.Header("ETag") is { } a && after.Header("ETag") is { } b ? $" (ETag {a} before, {b} after)" : "";
}
