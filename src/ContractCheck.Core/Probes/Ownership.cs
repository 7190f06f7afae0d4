using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// What the plan already knows would touch data the run does not own: PUT, PATCH or DELETE on a path that is not
/// one of the run's items (a collection, a singleton) unless the rules name the operation; any unsafe method on an
/// id that nothing in the run creates and the rules do not give. Ids bound to a create are checked again when sent.
/// </summary>
public static class Ownership
{
    private static readonly HashSet<string> SafeMethods = ["GET", "HEAD", "OPTIONS", "TRACE"];

    public static bool IsSafe(string method) => SafeMethods.Contains(method);

    /// <summary>Why the request must not be sent, or null.</summary>
    public static string? Refusal(PlannedRequest request, ApiOperation operation, RuleSet rules)
    {
        var name = operation.OperationId ?? operation.Key;
        if (request.Method is "PUT" or "PATCH" or "DELETE" && !PathTemplate.Parse(request.PathTemplate).EndsWithParameter && !rules.NamesExactly(operation))
        {
            return $"not sent: {request.Method} {request.PathTemplate} is not an item this run creates, and ContractCheck sends PUT, PATCH and DELETE only to its own items or to operations the rules name ({Rules.RulesPath.Operation(name)})";
        }

        if (!IsSafe(request.Method) && request.PathValues.FirstOrDefault(v => v.Value.IsGuess && v.Value.Binding is null) is { Key: { } guessed })
        {
            return $"not sent: {request.Method} goes only to items this run created or the rules name, and nothing in the run creates the {{{guessed}}} of {request.PathTemplate}; name a real one in {Rules.RulesPath.Operation(name, "params")}";
        }

        return null;
    }

    /// <summary>
    /// Why a probe that needs a real item cannot have one, or null: a path value ContractCheck would have to guess
    /// (nothing in the run creates it and the rules do not name it) — its 404 would say nothing about the API.
    /// </summary>
    public static string? NoRealItem(PlannedRequest request, ApiOperation operation)
    {
        if (request.PathValues.FirstOrDefault(v => v.Value.IsGuess && v.Value.Binding is null) is not { Key: { } guessed })
        {
            return null;
        }

        return $"needs an item the run created, and nothing in the run creates the {{{guessed}}} of {request.PathTemplate}; name a real one in {Rules.RulesPath.Operation(operation.OperationId ?? operation.Key, "params")}";
    }
}
