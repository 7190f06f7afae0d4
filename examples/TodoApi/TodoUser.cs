namespace TodoApi;

/// <summary>
/// A user of the API: the account whose todos they see, and whether they may change them. alice owns her account;
/// bob owns another and sees none of alice's todos; carol is a reader of alice's account.
/// </summary>
public sealed record TodoUser(string Name, string Account, bool CanWrite)
{
    public static TodoUser Alice { get; } = new("alice", "alice", true);

    public static TodoUser Bob { get; } = new("bob", "bob", true);

    public static TodoUser Carol { get; } = new("carol", "alice", false);

    public static IReadOnlyList<TodoUser> All { get; } = [Alice, Bob, Carol];
}
