using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// An item of a probe's own, for requests that may change or remove it (another identity's, or a chain's delete): its
/// chain creates it as the main identity and binds it under a key of its own, so no other probe's item is ever
/// touched and no other probe races it. The clean-up deletes what is left of it.
/// </summary>
public static class OwnItem
{
    /// <summary>The spec's create of the items an item operation works on (<c>POST /todos</c> for <c>PUT /todos/{id}</c>), or null.</summary>
    public static ApiOperation? CreateOf(ApiOperation itemOperation, PlanContext context)
    {
        var key = ResourceMap.KeyOf(itemOperation.Path);
        return context.Spec.Operations.FirstOrDefault(o => context.Resources.CreatedKey(o) == key);
    }

    /// <summary>
    /// Why an item operation cannot have an item of its own, or null: it is no item operation, the spec has no create
    /// for it, or the rules never touch that create.
    /// </summary>
    public static string? Unavailable(ApiOperation operation, PlanContext context)
    {
        if (!PathTemplate.Parse(operation.Path).EndsWithParameter)
        {
            return $"{operation.Key} is not an item";
        }

        if (CreateOf(operation, context) is not { } create)
        {
            return $"needs an item of its own and the spec has no create for {ResourceMap.Describe(ResourceMap.KeyOf(operation.Path))}";
        }

        return context.Rules.IsSkipped(create) ? $"needs an item of its own, and the rules skip its create {create.OperationId ?? create.Key}" : null;
    }

    /// <summary>The create step of the chain: the valid create, sent as the main identity (and judged as the create it is).</summary>
    public static PlannedRequest Create(ApiOperation create, PlanContext context, Random random) =>
        context.Requests.Build(create, random) with { Step = Steps.Create, Expect = Expectations.Success(create, context, HappyPathProbe.KindId), Operation = create };

    /// <summary>A request of <paramref name="operation"/> on the chain's item (bound under <paramref name="binding"/>), as <paramref name="identity"/>.</summary>
    public static PlannedRequest Item(ApiOperation operation, string binding, PlanContext context, Random random, string identity = IdentityNames.Main)
    {
        var request = context.Requests.Build(operation, random, identity: identity);
        var id = PathTemplate.Parse(operation.Path).ParameterNames.Last();
        var values = new Dictionary<string, PathValue>(request.PathValues) { [id] = request.PathValues[id] with { Binding = binding } };
        return request with { PathValues = values, Operation = operation };
    }

    /// <summary>The probe of a chain: it tracks what its create makes (the id read as the create's answers give it) and binds it under <paramref name="binding"/>.</summary>
    public static Probe Chain(string kind, ApiOperation operation, ApiOperation create, IReadOnlyList<PlannedRequest> steps, ExpectedStatus expected, string binding, PlanContext context) =>
        new(kind, operation, steps, expected)
        {
            Creates = context.Resources.CreatedKey(create),
            BindAs = binding,
            IdFrom = CreatedIdSource.For(create, context),
            IdMembers = CreatedIdSource.Members(create, context),
        };

    /// <summary>
    /// The chain in which another identity calls <paramref name="operation"/> on an item the main identity created for
    /// it: the create, then the request as <paramref name="identity"/> (step <paramref name="step"/>). Where the request
    /// is meant to be <paramref name="refused"/>, it asks for the error media types, and after a write the owner reads
    /// the item back: it must be unchanged.
    /// </summary>
    public static Probe AsAnother(string kind, ApiOperation operation, PlanContext context, Random random, string identity, string step, ExpectedStatus expected, bool refused)
    {
        var create = CreateOf(operation, context)!;
        var local = $"{kind} {operation.Method}:{ResourceMap.KeyOf(operation.Path)}";
        var steps = new List<PlannedRequest> { Create(create, context, random) };
        var request = Item(operation, local, context, random, identity);
        steps.Add((refused ? context.Requests.ForError(request, operation) : request) with { Step = step, Requires = Steps.Create, Expect = expected });
        if (refused && !Ownership.IsSafe(operation.Method) && ReadOf(operation, context) is { } read)
        {
            steps.Add(Item(read, local, context, random) with { Step = Steps.ReadBack, Requires = Steps.Create, Expect = Expectations.Success(read, context, HappyPathProbe.KindId) });
        }

        return Chain(kind, operation, create, steps, expected, local, context) with { Shows = step };
    }

    /// <summary>The GET of the item an operation works on, if the spec has one.</summary>
    public static ApiOperation? ReadOf(ApiOperation operation, PlanContext context) =>
        context.Spec.Operations.FirstOrDefault(o => o.Method == "GET" && PathTemplate.Parse(o.Path).EndsWithParameter && ResourceMap.KeyOf(o.Path) == ResourceMap.KeyOf(operation.Path));
}
