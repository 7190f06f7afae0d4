namespace ContractCheck.Core.Rules;

/// <summary>The team's conventions where HTTP leaves a choice (rules section <c>conventions</c>).</summary>
/// <param name="ValidationStatus">The status of a body that breaks the schema: 400, 422 or both.</param>
/// <param name="HideExistence">True when an item the caller may not see must look missing (hide-existence probe).</param>
/// <param name="MaxResponseMs">The response-time budget.</param>
/// <param name="ValidateFormats">Whether formats are asserted in schemas.</param>
/// <param name="Stateful">False against a stateless mock: the probes that need the API to keep what it is sent are skipped.</param>
public sealed record Conventions(IReadOnlyList<int> ValidationStatus, bool HideExistence, int MaxResponseMs, bool ValidateFormats = true, bool Stateful = true)
{
    public static Conventions Default { get; } = new([400, 422], false, 5000);
}
