using ContractCheck.Core.Probes;

namespace ContractCheck.Core.Execution;

/// <summary>
/// The Execute stage: runs the plan against the target through a transport (sockets, or a handler the caller
/// hands in), stage by stage with lanes side by side (<see cref="Scheduler"/>), each probe by a
/// <see cref="ProbeRunner"/>, within the request ceiling, the target's rate limit and the liveness watch;
/// then deletes what the run created (<see cref="CleanupRunner"/>). Never follows redirects.
/// </summary>
public sealed class HttpExecutor : IDisposable
{
    private readonly ExecutorOptions _options;
    private readonly ITransport _transport;
    private readonly bool _ownsTransport;
    private readonly ISecrets? _secrets;

    /// <param name="options">Target and bounds.</param>
    /// <param name="transport">Where requests go; sockets when null.</param>
    /// <param name="secrets">Learns each token fetched during the run, so reports mask it.</param>
    public HttpExecutor(ExecutorOptions options, ITransport? transport = null, ISecrets? secrets = null)
    {
        _options = options;
        _secrets = secrets;
        _ownsTransport = transport is null;
        _transport = transport ?? new SocketTransport(options);
    }

    /// <summary>Checks that the target can be reached before the first request (the socket transport connects; an in-process one has nothing to check).</summary>
    public Task CheckReachableAsync(CancellationToken cancellationToken) => _transport.CheckReachableAsync(cancellationToken);

    /// <param name="plan">The probes to run.</param>
    /// <param name="finished">Called as each probe ends, with its plan index (from the workers' threads).</param>
    /// <param name="cancellationToken">Ctrl-C / SIGTERM: stop sending, clean up, return what was seen.</param>
    /// <param name="ready">Called once the tokens are fetched, just before the first probe.</param>
    public async Task<ExecutionResult> RunAsync(Plan plan, Action<int, ProbeOutcome>? finished, CancellationToken cancellationToken, Action? ready = null)
    {
        using var run = new RunContext(_options, _transport, cancellationToken, plan.Tokens, _secrets);
        var runner = new ProbeRunner(run);
        ProbeOutcome[] outcomes;
        var cleanup = new List<CleanupResult>();
        var cleaner = new CleanupRunner(run);
        try
        {
            // Tokens known only at run time are fetched before the first probe; one that cannot be is the end of the run.
            await run.Tokens.FetchAllAsync();
            ready?.Invoke();

            // What no later probe works on (items wrongly accepted bad requests made) goes before the delete stage,
            // so no parent is deleted with the run's own children still under it.
            outcomes = await Scheduler.RunAsync(plan, _options.Workers, runner.RunAsync, finished, async () => cleanup.AddRange(await cleaner.RunAsync(plan, final: false)));
        }
        finally
        {
            // Also after a cancel, a dead target or a crash: what the run made is deleted, or listed.
            cleanup.AddRange(await cleaner.RunAsync(plan));
        }

        return new ExecutionResult(outcomes, cleanup)
        {
            Cancelled = run.UserCancelled,
            Stopped = run.Liveness.Reason,
            Created = run.Resources.Created,
            TokenExchanges = run.Tokens.Exchanges,
            TokenRenewals = run.Tokens.Renewals,
        };
    }

    public void Dispose()
    {
        if (_ownsTransport)
        {
            _transport.Dispose();
        }
    }
}
