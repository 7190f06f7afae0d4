namespace ContractCheck.Core.Execution;

/// <summary>An item the run created: its kind (<c>/todos/{}</c>), id, and the create request's URL.</summary>
public sealed record CreatedItem(string Key, string Id, Uri CreatedBy);
