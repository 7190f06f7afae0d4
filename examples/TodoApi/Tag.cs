namespace TodoApi;

/// <summary>A tag: its id, a UUID the client chooses when it creates the tag, and a label.</summary>
public sealed record Tag(Guid Id, string Label);
