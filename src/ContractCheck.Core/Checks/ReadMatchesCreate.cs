using System.Text.Json.Nodes;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Schema;

namespace ContractCheck.Core.Checks;

/// <summary>read-matches-create: in a lifecycle, the item read back from its Location has the values it was created with.</summary>
public sealed class ReadMatchesCreate : ICheck
{
    public const string CheckId = "read-matches-create";
    private const string Title = "Read does not match what was created";

    public string Id => CheckId;

    public string Description => "in a lifecycle, the item read back after its create has the property values the create sent";

    public IEnumerable<Finding> Check(CheckContext context)
    {
        if (context.Exchange.Planned.Step != Steps.Read || context.Response.Status is < 200 or >= 300)
        {
            yield break;
        }

        var create = context.Exchange.Previous;
        while (create is not null && create.Planned.Step != Steps.Create)
        {
            create = create.Previous;
        }

        if (BodyJson.TryParse(create?.Request.Body) is not JsonObject sent || BodyJson.TryParse(context.Response.Body) is not JsonObject read)
        {
            yield break;
        }

        var differences = sent.Where(p => read.TryGetPropertyValue(p.Key, out var value) && !JsonEquality.AreEqual(p.Value, value))
            .Select(p => $"'{p.Key}' is {read[p.Key]?.ToJsonString() ?? "null"} but was created as {p.Value?.ToJsonString() ?? "null"}")
            .ToList();
        yield return differences.Count == 0
            ? Finding.Pass(Id, Title)
            : Finding.Fail(Id, Title, $"{context.Operation.Key} read back after its create: {string.Join("; ", differences)}", "the values the create sent", string.Join("; ", differences), "lifecycle: read after create");
    }
}
