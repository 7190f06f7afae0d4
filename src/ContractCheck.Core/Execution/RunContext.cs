namespace ContractCheck.Core.Execution;

/// <summary>
/// What the workers of one run share: the transport, the request ceiling, the rate-limit pause, the liveness
/// watch, the created-resource registry, the fetched tokens, and the one token that stops them all (Ctrl-C, a dead target, the
/// run's time limit) with the reason it was cancelled.
/// </summary>
internal sealed class RunContext : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly CancellationToken _user;

    public RunContext(ExecutorOptions options, ITransport transport, CancellationToken user, IReadOnlyList<Probes.TokenFetch>? tokens = null, ISecrets? secrets = null)
    {
        Options = options;
        Transport = transport;
        Budget = new RequestBudget(options.MaxRequests);
        RateLimit = new RateLimitGate(options);
        Liveness = new Liveness(options.MaxMissedAnswers);
        _user = user;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(user, Liveness.Stopped);
        _stop.CancelAfter(options.RunTimeout);
        Tokens = new Tokens(this, tokens ?? [], secrets ?? new Reporting.Redactor([]));
    }

    public ExecutorOptions Options { get; }

    public ITransport Transport { get; }

    public RequestBudget Budget { get; }

    public RateLimitGate RateLimit { get; }

    public Liveness Liveness { get; }

    public CreatedResources Resources { get; } = new();

    /// <summary>The tokens fetched at run time (logins, OAuth 2.0, commands), put in place as requests are sent.</summary>
    public Tokens Tokens { get; }

    /// <summary>Cancelled when the run must stop sending, whatever the reason.</summary>
    public CancellationToken Stop => _stop.Token;

    public bool UserCancelled => _user.IsCancellationRequested;

    /// <summary>Why a probe was not run once <see cref="Stop"/> is cancelled.</summary>
    public string StopReason =>
        UserCancelled ? ProbeOutcome.Cancelled
        : Liveness.Reason is { } dead ? "not sent: " + dead
        : $"the run took longer than {Options.RunTimeout}";

    public void Dispose()
    {
        _stop.Dispose();
        Liveness.Dispose();
    }
}
