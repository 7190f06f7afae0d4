using System.Collections.Concurrent;
using System.Diagnostics;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;

namespace ContractCheck.Core.Execution;

/// <summary>
/// The tokens of a run's identities that are fetched at run time: fetched once before the first probe (a failure
/// ends the run there), put in place of their <see cref="TokenSlot"/> as each request is sent, told to the secrets
/// keeper so every report masks them, and fetched again when the API refuses one with 401 — the first time always,
/// later only when the refused token served at least <see cref="RenewAfterUses"/> requests or
/// <see cref="RenewAfter"/>: a token refused sooner than that is the API's fault, and the 401 stands. Thread-safe.
/// </summary>
internal sealed class Tokens
{
    public const int RenewAfterUses = 10;
    public static readonly TimeSpan RenewAfter = TimeSpan.FromSeconds(30);
    private const int MaxRenewals = 100;

    private readonly RunContext _run;
    private readonly ISecrets _secrets;
    private readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Exchange> _exchanges = new();
    private readonly ConcurrentQueue<string> _renewals = new();

    public Tokens(RunContext run, IReadOnlyList<TokenFetch> fetches, ISecrets secrets)
    {
        _run = run;
        _secrets = secrets;
        foreach (var fetch in fetches)
        {
            _states[fetch.Identity] = new State(fetch);
        }
    }

    /// <summary>The login and token requests sent, in the order sent.</summary>
    public IReadOnlyList<Exchange> Exchanges => [.. _exchanges.OrderBy(e => e.Started)];

    /// <summary>Each time a token was fetched again after a 401, said in a sentence.</summary>
    public IReadOnlyList<string> Renewals => [.. _renewals];

    /// <summary>Fetches every token, before the first probe.</summary>
    /// <exception cref="ContractCheckException">when one cannot be fetched: the run ends before any probe.</exception>
    public async Task FetchAllAsync()
    {
        foreach (var state in _states.Values)
        {
            TokenFetcher.Result result;
            try
            {
                result = await FetchAsync(state);
            }
            catch (OperationCanceledException) when (_run.Stop.IsCancellationRequested)
            {
                return; // Ctrl-C while logging in: the run goes on to report every probe as not run
            }

            if (result.Token is null && result.NoAnswer)
            {
                throw new TargetUnreachableException($"the API did not answer the login of {state.Fetch.RulesPath}: {_secrets.Mask(result.Problem ?? "")}", "check that the API runs at --base-url and answers; raise --timeout if it is slow");
            }

            if (result.Token is null)
            {
                throw new ContractCheckException($"{state.Fetch.RulesPath}: could not get a token: {_secrets.Mask(result.Problem ?? "")}", state.Fetch.Source.Location, result.Hint is null ? null : _secrets.Mask(result.Hint));
            }
        }
    }

    /// <summary>The request with each token slot filled with its identity's current token, and the token it carries (for a renewal).</summary>
    public (SentRequest Request, (string Identity, string Token)? Used) Fill(SentRequest request)
    {
        (string, string)? used = null;
        var headers = request.Headers.ToList();
        for (var i = 0; i < headers.Count; i++)
        {
            if (TokenSlot.IdentityIn(headers[i].Value) is { } identity && _states.TryGetValue(identity, out var state) && state.Token is { } token)
            {
                headers[i] = new(headers[i].Key, TokenSlot.Fill(headers[i].Value, identity, token));
                Interlocked.Increment(ref state.Uses);
                used = (identity, token);
            }
        }

        return used is null ? (request, null) : (request with { Headers = headers }, used);
    }

    /// <summary>After a 401 to a request that carried <paramref name="stale"/>: fetches the identity's token again (once for all workers that saw it refused).</summary>
    /// <returns>Null when a new token is in place; else why not (a sentence for the report).</returns>
    public async Task<string?> RenewAsync(string identity, string stale)
    {
        var state = _states[identity];
        await state.Gate.WaitAsync(_run.Stop);
        try
        {
            if (state.Token != stale)
            {
                return null; // another worker fetched it already
            }

            var what = state.Fetch.RulesPath;
            if (!state.Fetch.Source.Renewable)
            {
                return $"the token of {what} is fetched once per run, and the API refused it";
            }

            var age = state.Age.Elapsed;
            if (state.Renewals >= MaxRenewals || (state.Renewals > 0 && state.Uses < RenewAfterUses && age < RenewAfter))
            {
                return $"the token of {what} was refused {state.Uses} request(s) and {age.TotalSeconds:0.#} s after it was fetched again; a token must last longer than that, so it was not fetched a third time";
            }

            var result = await FetchAsync(state);
            if (result.Token is null)
            {
                return $"fetching the token of {what} again failed: {_secrets.Mask(result.Problem ?? "")}";
            }

            state.Renewals++;
            _renewals.Enqueue($"the {identity} identity's token ({what}) was refused with 401 after {age.TotalSeconds:0.#} s and fetched again");
            return null;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>A login the probes themselves sent (the login operation's happy path) hands out a token too: masked as well.</summary>
    public void Observe(Exchange exchange)
    {
        if (exchange.Response is not { Status: >= 200 and < 300 } response)
        {
            return;
        }

        var operation = exchange.Planned.Operation ?? exchange.Probe.Operation;
        foreach (var login in _states.Values.Select(s => s.Fetch).Where(f => f.Operation == operation).Select(f => f.Source).OfType<LoginSettings>())
        {
            if (login.TokenIn(Checks.BodyJson.TryParse(response.Body)) is { } token)
            {
                _secrets.Add(token, "");
            }
        }
    }

    private async Task<TokenFetcher.Result> FetchAsync(State state)
    {
        var result = await new TokenFetcher(_run).FetchAsync(state.Fetch);
        if (result.Token is { } token)
        {
            // Known to the reports before anything that holds it can be shown.
            _secrets.Add(token, state.Fetch.Variable);
            state.Token = token;
            state.Uses = 0;
            state.Age.Restart();
        }

        if (result.Exchange is { } exchange)
        {
            _exchanges.Enqueue(exchange);
        }

        return result;
    }

    private sealed class State(TokenFetch fetch)
    {
        public TokenFetch Fetch { get; } = fetch;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Stopwatch Age { get; } = new();

        public volatile string? Token;

        public int Uses;

        public int Renewals;
    }
}
