using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Checks;

/// <summary>
/// idempotent-replay: a create sent again with the same Idempotency-Key and body is answered as the first was — the
/// same status, the same Location, the same body — and so creates nothing more (draft-ietf-httpapi-idempotency-key-header).
/// </summary>
public sealed class ReplayMatchesFirst : ICheck
{
    public const string CheckId = "idempotent-replay";
    private const string Title = "Replayed create not answered as the first";

    public string Id => CheckId;

    public string Description => "a request repeated with the same Idempotency-Key and body gets the first answer again (status, Location, body): one creation";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Exchange.Planned.Step != Steps.Replay || context.Exchange.Earlier(Steps.Create)?.Response is not { } first)
        {
            yield break;
        }

        var replay = context.Response;
        var differences = new List<string>();
        if (replay.Status != first.Status)
        {
            differences.Add($"status {replay.Status}, the first {first.Status}");
        }

        if (replay.Header("Location") != first.Header("Location"))
        {
            differences.Add($"Location {replay.Header("Location") ?? "(none)"}, the first {first.Header("Location") ?? "(none)"}");
        }

        if (!Representation.SameBody(first, replay))
        {
            differences.Add("another body");
        }

        yield return differences.Count == 0
            ? Finding.Pass(Id, Title)
            : Finding.Fail(Id, Title, $"the same key and body again got {string.Join("; ", differences)} — a second creation, where the key promises one", $"{first.Status}, the first answer again", $"{replay.Status}", "draft-ietf-httpapi-idempotency-key-header §2");
    }
}
