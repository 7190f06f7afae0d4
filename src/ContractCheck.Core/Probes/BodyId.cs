namespace ContractCheck.Core.Probes;

/// <summary>
/// A create that carries the identity of an item that exists: just before it is sent, the id of the item this probe's
/// own create step made, as read back from its answer, is written into the body's top-level <paramref name="Member"/>.
/// Where the client chooses the id (<paramref name="ClientChosen"/>), the request is sent only if that id is what the
/// create sent in the same member; else the server chose it and no create can name it.
/// </summary>
/// <param name="Member">The top-level body member the id goes into.</param>
/// <param name="ClientChosen">The schema lets the client choose the id (else it is readOnly).</param>
/// <param name="AsNumber">The member is a number in the schema: the id is written as one.</param>
public sealed record BodyId(string Member, bool ClientChosen, bool AsNumber = false);
