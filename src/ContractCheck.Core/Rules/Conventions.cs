namespace ContractCheck.Core.Rules;

/// <summary>The team's conventions where HTTP leaves a choice (rules section <c>conventions</c>).</summary>
public sealed record Conventions(IReadOnlyList<int> ValidationStatus, bool HideExistence, int MaxResponseMs, bool ValidateFormats = true)
{
    public static Conventions Default { get; } = new([400, 422], false, 5000);
}
