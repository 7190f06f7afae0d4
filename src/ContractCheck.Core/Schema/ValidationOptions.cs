namespace ContractCheck.Core.Schema;

/// <summary>How a <see cref="SchemaValidator"/> judges: direction, whether formats are asserted, how many errors to collect.</summary>
public sealed record ValidationOptions(ValidationDirection Direction = ValidationDirection.None, bool AssertFormats = true, int MaxErrors = 20)
{
    public static ValidationOptions Default { get; } = new();
}
