namespace ContractCheck.Core.Execution;

/// <summary>An item the run created: its kind (<c>/todos/{}</c>), id, the request that made it, and the path its id goes under (the collection posted to, or its singular sibling: <c>/silence</c> for <c>POST /silences</c>).</summary>
public sealed record CreatedItem(string Key, string Id, Uri CreatedBy, string Collection)
{
    /// <summary>The id of an item whose answer named none.</summary>
    public const string UnknownId = "?";

    /// <summary>Where the item lives, as reports show it: the collection it was created in, then its id (<c>/users/7/todos/12</c>).</summary>
    public string Path => Id == UnknownId ? Collection + " (id unknown)" : Collection.TrimEnd('/') + "/" + Id;
}
