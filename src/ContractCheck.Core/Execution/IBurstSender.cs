namespace ContractCheck.Core.Execution;

/// <summary>
/// Sends one request many times at once, for a burst: each worker takes a <see cref="IBurstLane"/> (its own
/// connection) and sends on it one request after another. Made by the transport: over sockets a lean HTTP/1.1
/// client, over a caller's handler that handler.
/// </summary>
public interface IBurstSender : IDisposable
{
    /// <summary>A lane for one worker: its sends are sequential, lanes run side by side.</summary>
    IBurstLane OpenLane();
}
