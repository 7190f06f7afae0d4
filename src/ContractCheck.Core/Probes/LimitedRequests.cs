using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// What the limited identity sends, for insufficient-permission and permitted. Reads go to the run's items like any
/// read; a create makes an item of its own; a write to an item (PUT, PATCH, DELETE, an action) goes to an item of the
/// probe's own chain (<see cref="OwnItem"/>), never to one another probe works on. Nothing else unsafe is sent as it: a
/// request the API wrongly accepted there could change data the run does not own.
/// </summary>
internal static class LimitedRequests
{
    /// <param name="kind">The probe kind.</param>
    /// <param name="operation">The operation the limited identity calls.</param>
    /// <param name="context">The plan's context.</param>
    /// <param name="expected">What its answer must be.</param>
    /// <param name="refused">True when the answer is meant to be a refusal: the request asks for the error media types, and after a write the main identity reads the item back.</param>
    public static Probe Plan(string kind, ApiOperation operation, PlanContext context, ExpectedStatus expected, bool refused)
    {
        var random = context.RandomFor(kind, operation);
        if (Ownership.IsSafe(operation.Method) || context.Resources.IsCreate(operation))
        {
            var request = context.Requests.Build(operation, random, identity: IdentityNames.Limited);
            return new Probe(kind, operation, [refused ? context.Requests.ForError(request, operation) : request], expected);
        }

        if (!PathTemplate.Parse(operation.Path).EndsWithParameter)
        {
            return new Probe(kind, operation, [], expected, $"not sent as the limited identity: {operation.Key} is neither a create nor a request to an item this run created; had the API wrongly accepted it, it could change data the run does not own");
        }

        if (OwnItem.Unavailable(operation, context) is { } why)
        {
            return new Probe(kind, operation, [], expected, why);
        }

        return OwnItem.AsAnother(kind, operation, context, random, IdentityNames.Limited, Steps.AsLimited, expected, refused);
    }

    /// <summary>The limited identity, when the rules give one and the operation is one it is judged on (protected, in the spec).</summary>
    public static Identity? For(ApiOperation operation, PlanContext context) =>
        context.Rules.Identities.TryGetValue(IdentityNames.Limited, out var limited) && context.RequiresAuth(operation) && !operation.IsUndeclared ? limited : null;
}
