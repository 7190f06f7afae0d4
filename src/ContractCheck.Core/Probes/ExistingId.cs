using System.Text.Json.Nodes;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Probes;

/// <summary>
/// Creating what already exists: a create whose body holds the item's id (a member named like the item path's
/// parameter, id, uuid, name, &lt;resource&gt;Id) sent again with the id of an item this run's own create just made, as read
/// back — never a seeded or guessed id. Where the schema lets the client choose the id, duplicate-create expects 409;
/// where the id is readOnly, invalid-body expects it refused (the validation status) or ignored (a 2xx whose item has
/// an id of its own, judged by read-only-id).
/// </summary>
public static class ExistingId
{
    /// <summary>The create's id member, its schema and whether the schema marks it readOnly; null where the body names none.</summary>
    public static (string Member, IOpenApiSchema Schema, bool ReadOnly)? Member(ApiOperation create, PlanContext context)
    {
        if (!context.Resources.IsCreate(create) || RequestBuilder.BodyMediaType(create) is not { } type || !MediaTypes.IsJson(type)
            || create.Model.RequestBody?.Content?[type]?.Schema is not { } bodySchema)
        {
            return null;
        }

        var properties = Properties(SchemaMerge.Resolve(bodySchema));
        // What names the item: where the rules or links say its id is, else the item path's parameter, id, uuid,
        // <resource>Id — not "name", which most bodies hold as a label, unless the item path is named by it.
        var idFrom = CreatedIdSource.For(create, context);
        var item = context.Resources.ItemParameter(context.Resources.CreatedKey(create));
        var candidates = idFrom is null ? CreatedIdSource.Members(create, context).Where(m => m != "name" || m == item) : Rules.JsonPath.SingleMember(idFrom) is { } top ? [top] : [];
        foreach (var name in candidates)
        {
            if (properties.TryGetValue(name, out var schema) && SchemaMerge.Resolve(schema) is var resolved
                && ValueGenerator.Kind(resolved) is JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number)
            {
                return (name, resolved, resolved.ReadOnly);
            }
        }

        return null;
    }

    /// <summary>
    /// The two requests: a create of a fresh item (the one that will exist), then a fresh body carrying that item's id
    /// in the id's member. Null where the client-chosen id is not in the body and cannot be added fresh (a number
    /// the run would have to guess could name an item it did not make).
    /// </summary>
    public static IReadOnlyList<PlannedRequest>? Requests(ApiOperation create, PlanContext context, string probe, (string Member, IOpenApiSchema Schema, bool ReadOnly) id, ExpectedStatus expected)
    {
        var random = context.RandomFor(probe + " existing-id", create);
        var first = context.Requests.Build(create, random);
        if (!id.ReadOnly && !Has(first.Body, id.Member))
        {
            if (ValueGenerator.Kind(id.Schema) != JsonSchemaType.String || Checks.BodyJson.TryParse(first.Body) is not JsonObject body)
            {
                return null;
            }

            // An optional id the body left out: one fresh string, as every string of a create is.
            body[id.Member] = new ValueGenerator(random, context.Spec.Document).Generate(id.Schema);
            first = first with { Body = context.Requests.Refresh(create, body, random, keep: null) };
        }

        var second = context.Requests.Build(create, context.RandomFor(probe + " existing-id second", create));
        return
        [
            first with { Step = Steps.Create, Expect = Expectations.Success(create, context, HappyPathProbe.KindId) },
            context.Requests.ForError(second, create) with
            {
                Step = Steps.ExistingId,
                Requires = Steps.Create,
                Expect = expected,
                IdInBody = new BodyId(id.Member, ClientChosen: !id.ReadOnly, AsNumber: ValueGenerator.Kind(id.Schema) is JsonSchemaType.Integer or JsonSchemaType.Number),
            },
        ];
    }

    private static bool Has(byte[]? body, string member) => Checks.BodyJson.TryParse(body) is JsonObject o && o.ContainsKey(member);

    private static Dictionary<string, IOpenApiSchema> Properties(IOpenApiSchema schema)
    {
        var all = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var part in (Resolved.IsUnresolved(schema) ? [] : (schema.AllOf ?? []).Select(SchemaMerge.Resolve).Append(schema)).Where(p => !Resolved.IsUnresolved(p)))
        {
            foreach (var (name, property) in part.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                all[name] = property;
            }
        }

        return all;
    }
}
