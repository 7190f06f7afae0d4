namespace ContractCheck.Core.Execution;

/// <summary>
/// The rate-limit headers of one burst answer: its place in arrival order, and the connection (lane) that sent it —
/// a lane sends its next request only after its answer came, so its own answers are in the order the server counted them.
/// </summary>
public sealed record RateLimitObservation(int Index, long? Limit, long? Remaining, int Lane = 0);
