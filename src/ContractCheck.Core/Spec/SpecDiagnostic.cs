namespace ContractCheck.Core.Spec;

/// <summary>A problem found in the spec that does not stop the run; shown as a warning with its JSON pointer.</summary>
public sealed record SpecDiagnostic(string Message, string? Pointer = null)
{
    public override string ToString() => string.IsNullOrEmpty(Pointer) ? Message : $"#{Pointer}: {Message}";
}
