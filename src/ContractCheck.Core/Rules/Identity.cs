namespace ContractCheck.Core.Rules;

/// <summary>
/// One identity a run sends requests as: its name (<see cref="IdentityNames"/>), its credentials (any form
/// <c>auth</c> takes), and for <c>identities.limited</c> the operations it may call (<c>may</c>, selectors).
/// </summary>
public sealed record Identity(string Name, AuthSettings Auth, IReadOnlyList<OperationSelector> May, SourceLocation? Location)
{
    /// <summary>Where its credentials are in the rules file: <c>auth</c>, <c>identities.limited</c>.</summary>
    public string RulesPath => IdentityNames.RulesPath(Name);

    /// <summary>True when its <c>may</c> list names the operation.</summary>
    public bool Permits(Spec.ApiOperation operation) => May.Any(s => s.Matches(operation));
}
