using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Execution;

/// <summary>
/// The Execute stage: sends the plan's requests to the base URL, one at a time in plan order, on one
/// connection pool, within the timeouts and the request ceiling, and records every exchange. Never
/// follows redirects; ids of created resources are handed to the probes that need them.
/// </summary>
public sealed class HttpExecutor : IDisposable
{
    private readonly ExecutorOptions _options;
    private readonly HttpTransport _transport;

    public HttpExecutor(ExecutorOptions options)
    {
        _options = options;
        _transport = new HttpTransport(options);
    }

    /// <summary>Checks that something listens at the base URL (a TCP connect, no request), so an unreachable target is told apart from a broken one.</summary>
    public async Task CheckReachableAsync(CancellationToken cancellationToken)
    {
        var url = _options.BaseUrl;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(url.Host, url.Port, timeout.Token);
            if (url.Scheme == Uri.UriSchemeHttps)
            {
                await CheckCertificateAsync(socket, url, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TargetUnreachableException(
                $"cannot reach {url}: no connection within {_options.ConnectTimeout.TotalSeconds:0.#} s",
                "check --base-url and that the API is running and reachable from here");
        }
        catch (SocketException e)
        {
            var why = e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused (nothing listens on that port)",
                SocketError.HostNotFound or SocketError.NoData => $"host '{url.Host}' not found",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
                _ => e.Message,
            };
            throw new TargetUnreachableException($"cannot reach {url}: {why}", "start the API, or fix --base-url (scheme, host and port)");
        }
    }

    // A certificate the client would refuse makes every request fail the same way: said once, up front.
    private async Task CheckCertificateAsync(Socket socket, Uri url, CancellationToken cancellationToken)
    {
        var problem = System.Net.Security.SslPolicyErrors.None;
        await using var tls = new System.Net.Security.SslStream(new NetworkStream(socket, ownsSocket: false));
        try
        {
            await tls.AuthenticateAsClientAsync(
                new System.Net.Security.SslClientAuthenticationOptions
                {
                    TargetHost = url.Host,
                    RemoteCertificateValidationCallback = (_, _, _, errors) =>
                    {
                        problem = errors;
                        return _options.Insecure || errors == System.Net.Security.SslPolicyErrors.None;
                    },
                },
                cancellationToken);
        }
        catch (System.Security.Authentication.AuthenticationException e)
        {
            var why = problem switch
            {
                System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors => "its certificate is not signed by an authority this machine trusts (self-signed?)",
                System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch => $"its certificate is not for {url.Host}",
                System.Net.Security.SslPolicyErrors.RemoteCertificateNotAvailable => "it sent no certificate",
                System.Net.Security.SslPolicyErrors.None => e.Message,
                _ => $"its certificate is not valid ({problem})",
            };
            throw new TargetUnreachableException(
                $"cannot talk TLS to {url.Authority}: {why}",
                "fix the server's certificate, or pass --insecure to accept it (only for a test server you trust)");
        }
    }

    public async Task<ExecutionResult> RunAsync(Plan plan, IProgress<ProbeOutcome>? progress, CancellationToken cancellationToken)
    {
        using var runTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        runTimeout.CancelAfter(_options.RunTimeout);
        var resources = new CreatedResources();
        var outcomes = new List<ProbeOutcome>();
        var sent = 0;
        IReadOnlyList<CleanupResult> cleanup = [];
        var cancelled = false;
        try
        {
            foreach (var probe in plan.Probes)
            {
                if (cancelled)
                {
                    outcomes.Add(new ProbeOutcome(probe, [], ProbeOutcome.Cancelled));
                    continue;
                }

                ProbeOutcome outcome;
                if (probe.SkipReason is not null)
                {
                    outcome = new ProbeOutcome(probe, [], probe.SkipReason);
                }
                else if (runTimeout.IsCancellationRequested)
                {
                    outcome = new ProbeOutcome(probe, [], cancellationToken.IsCancellationRequested ? ProbeOutcome.Cancelled : $"the run took longer than {_options.RunTimeout}");
                }
                else if (sent + probe.RequestCount > _options.MaxRequests)
                {
                    outcome = new ProbeOutcome(probe, [], $"--max-requests ({_options.MaxRequests}) reached");
                }
                else
                {
                    try
                    {
                        outcome = await RunProbeAsync(probe, resources, runTimeout.Token, cancellationToken, () => sent++);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        // Ctrl-C / SIGTERM: stop sending, keep what was seen, clean up, report.
                        cancelled = true;
                        outcome = new ProbeOutcome(probe, [], ProbeOutcome.Cancelled);
                    }
                }

                outcomes.Add(outcome);
                progress?.Report(outcome);
            }
        }
        finally
        {
            cleanup = await CleanupAsync(plan, resources, _options.MaxRequests - sent);
        }

        return new ExecutionResult(outcomes, cleanup) { Cancelled = cancelled };
    }

    private async Task<ProbeOutcome> RunProbeAsync(Probe probe, CreatedResources resources, CancellationToken runToken, CancellationToken userToken, Action count)
    {
        if (probe.Burst is not null)
        {
            for (var i = 0; i < probe.RequestCount; i++)
            {
                count();
            }

            return await BurstAsync(probe, resources, runToken, userToken);
        }

        var exchanges = new List<Exchange>();
        foreach (var planned in probe.Requests)
        {
            count();
            var (exchange, values) = await SendAsync(probe, planned, resources, runToken, userToken, exchanges);
            exchange = exchange with { Previous = exchanges.LastOrDefault() };
            exchanges.Add(exchange);
            resources.Observe(probe, exchange, values);
        }

        return new ProbeOutcome(probe, exchanges);
    }

    /// <summary>Deletes what the run created and nothing deleted, within its own time bound (also after a cancel).</summary>
    private async Task<IReadOnlyList<CleanupResult>> CleanupAsync(Plan plan, CreatedResources resources, int allowance)
    {
        var results = resources.Unidentified
            .Select(item => new CleanupResult(item, false, "its id could not be read from the create's answer (no Location, no id in the body; say where with operations.<create>.id)"))
            .ToList();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (var item in resources.Alive.ToList())
        {
            if (!plan.Cleanup.TryGetValue(item.Key, out var delete))
            {
                results.Add(new CleanupResult(item, false, "the spec has no DELETE for it"));
                continue;
            }

            if (bound.IsCancellationRequested)
            {
                results.Add(new CleanupResult(item, false, "clean-up ran out of time"));
                continue;
            }

            if (allowance-- <= 0)
            {
                results.Add(new CleanupResult(item, false, "--max-requests reached"));
                continue;
            }

            var template = PathTemplate.Parse(delete.PathTemplate);
            var request = delete with { PathValues = new Dictionary<string, PathValue>(delete.PathValues) { [template.ParameterNames.Last()] = new PathValue(item.Id, ValueOrigin.Created) } };
            var probe = new Probe("cleanup", new ApiOperation("DELETE", delete.PathTemplate, new Microsoft.OpenApi.OpenApiOperation(), [], []), [request], null);
            var (exchange, _) = await SendAsync(probe, request, resources, bound.Token, CancellationToken.None);
            var deleted = exchange.Response is { Status: (>= 200 and < 300) or 404 or 410 };
            results.Add(new CleanupResult(item, deleted, exchange.Response is { } r ? $"DELETE answered {r.Status}" : exchange.Error ?? "no answer"));
        }

        return results;
    }

    /// <summary>The path values of a planned request: ids of created items where it is bound to them, else its own.</summary>
    private static (Dictionary<string, string> Values, bool Guessed) Resolve(PlannedRequest planned, CreatedResources resources)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var guessed = false;
        foreach (var (name, value) in planned.PathValues)
        {
            if (value.Binding is { } binding && resources.TryGetBinding(binding, out var id))
            {
                values[name] = id;
            }
            else
            {
                values[name] = value.Text;
                guessed |= value.IsGuess;
            }
        }

        return (values, guessed);
    }

    private async Task<ProbeOutcome> BurstAsync(Probe probe, CreatedResources resources, CancellationToken runToken, CancellationToken userToken)
    {
        var planned = probe.Requests[0];
        var (values, _) = Resolve(planned, resources);
        var request = new SentRequest(planned.Method, Url(PathTemplate.Parse(planned.PathTemplate).Expand(values), planned.Query), planned.Headers, planned.Body);
        var (result, samples) = await new BurstRunner(_options).RunAsync(probe, request, planned, userToken);
        var exchanges = samples.Select((e, i) => i == 0 ? e with { Burst = result } : e).ToList();
        if (exchanges.Count == 0)
        {
            return new ProbeOutcome(probe, [new Exchange(probe, planned, request, null, result.ErrorSamples.FirstOrDefault() ?? "no answer", TimeSpan.Zero) { Burst = result }]);
        }

        // Recovery: after the wait the throttled answers asked for, the operation must answer again.
        if (samples.FirstOrDefault(e => e.Response!.Status == probe.Burst!.ExpectStatus) is { } limited && probe.Requests.ElementAtOrDefault(1) is { } recovery)
        {
            // A little more than asked: a limiter's window turns on its own clock, a client adds slack.
            var asked = RateLimitWait(limited.Response!);
            var wait = asked + TimeSpan.FromMilliseconds(Math.Max(250, asked.TotalMilliseconds / 10));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(runToken, userToken);
            await Task.Delay(wait, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            userToken.ThrowIfCancellationRequested();
            var answer = await _transport.SendAsync(request, recovery.ContentType, runToken, userToken);
            exchanges.Add(new Exchange(probe, recovery, request, answer.Response, answer.Error, answer.Elapsed) { RateLimitWaits = [wait] });
        }

        return new ProbeOutcome(probe, exchanges);
    }

    private async Task<(Exchange Exchange, Dictionary<string, string> Values)> SendAsync(Probe probe, PlannedRequest planned, CreatedResources resources, CancellationToken runToken, CancellationToken userToken, IReadOnlyList<Exchange>? earlier = null)
    {
        var (values, guessed) = Resolve(planned, resources);
        var own = Url(PathTemplate.Parse(planned.PathTemplate).Expand(values), planned.Query);
        var url = own;
        if (planned.FollowLocation && earlier?.FirstOrDefault()?.Response?.Header("Location") is { } location && Uri.TryCreate(earlier[0].Request.Url, location, out var target))
        {
            if (!SameOrigin(target, _options.BaseUrl))
            {
                var refused = new SentRequest(planned.Method, target, planned.Headers, planned.Body);
                return (new Exchange(probe, planned, refused, null, $"the Location {target} is on another origin; ContractCheck contacts only {_options.BaseUrl.GetLeftPart(UriPartial.Authority)} and did not follow it", TimeSpan.Zero), values);
            }

            url = target;
        }

        var followed = url != own;
        var sent = new SentRequest(planned.Method, url, planned.Headers, planned.Body);
        var waits = new List<TimeSpan>();
        while (true)
        {
            var result = await _transport.SendAsync(sent, planned.ContentType, runToken, userToken);
            var wait = probe.Burst is null && result.Response is { Status: 429 } limited && waits.Count < _options.MaxRateLimitRetries ? RateLimitWait(limited) : (TimeSpan?)null;
            if (wait is null)
            {
                return (new Exchange(probe, planned, sent, result.Response, result.Error, result.Elapsed) { UsedGuessedId = guessed, RateLimitWaits = waits, FollowedLocation = followed }, values);
            }

            // The target's rate limit at work is not a finding: wait as asked (bounded) and send again.
            waits.Add(wait.Value);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(runToken, userToken);
            await Task.Delay(wait.Value, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            userToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>How long a 429 asks to wait: Retry-After, else the rate-limit reset, else a second; never more than the ceiling.</summary>
    internal TimeSpan RateLimitWait(ReceivedResponse response)
    {
        var now = DateTimeOffset.UtcNow;
        var wait = RateLimitHeaders.RetryAfter(response, now) ?? RateLimitHeaders.Reset(response, now) ?? TimeSpan.FromSeconds(1);
        return wait > _options.MaxRateLimitWait ? _options.MaxRateLimitWait : wait < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : wait;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private Uri Url(string path, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var basePath = _options.BaseUrl.AbsolutePath.TrimEnd('/');
        var builder = new UriBuilder(_options.BaseUrl) { Path = basePath + path, Query = "" };
        if (query.Count > 0)
        {
            builder.Query = string.Join("&", query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
        }

        return builder.Uri;
    }

    public void Dispose() => _transport.Dispose();
}
