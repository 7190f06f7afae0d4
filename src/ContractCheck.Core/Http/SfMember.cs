namespace ContractCheck.Core.Http;

/// <summary>A member of a Structured Field List or Dictionary, or an Item: a bare value (or inner list) and its parameters.</summary>
public sealed record SfMember(SfValue Value, IReadOnlyList<KeyValuePair<string, SfValue>> Parameters)
{
    /// <summary>The parameter of this name, or null.</summary>
    public SfValue? Parameter(string key) => Parameters.FirstOrDefault(p => p.Key == key).Value;

    public override string ToString() => Value + string.Concat(Parameters.Select(p => p.Value is { Kind: SfKind.Boolean, Value: true } ? ";" + p.Key : $";{p.Key}={p.Value}"));
}
