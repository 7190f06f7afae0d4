namespace ContractCheck.Core.Probes;

/// <summary>
/// A path parameter's value in a planned request: fixed text, or the id of a resource an earlier
/// probe creates (<see cref="Binding"/>), with <see cref="Text"/> as the fallback when none was created.
/// </summary>
public sealed record PathValue(string Text, ValueOrigin Origin, string? Binding = null)
{
    /// <summary>True when the value is not known to name a real resource.</summary>
    public bool IsGuess => Origin is ValueOrigin.Example or ValueOrigin.Generated;

    /// <summary>True when the value names an item that exists for certain: one the run created or the rules named.</summary>
    public bool IsOwned => Origin is ValueOrigin.Rules or ValueOrigin.Created;
}
