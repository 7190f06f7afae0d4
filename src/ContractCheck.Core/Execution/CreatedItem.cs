namespace ContractCheck.Core.Execution;

/// <summary>An item the run created: its kind (<c>/todos/{}</c>), id, and the create request's URL.</summary>
public sealed record CreatedItem(string Key, string Id, Uri CreatedBy)
{
    /// <summary>Where the item lives, as reports show it: the collection it was created in, then its id (<c>/users/7/todos/12</c>).</summary>
    public string Path => CreatedBy.AbsolutePath.TrimEnd('/') + "/" + Id;
}
