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
    private readonly HttpClient _client;

    public HttpExecutor(ExecutorOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseHeadersLength = 256,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
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

    public async Task<ExecutionResult> RunAsync(Plan plan, IProgress<ProbeOutcome>? progress, CancellationToken cancellationToken)
    {
        using var runTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        runTimeout.CancelAfter(_options.RunTimeout);
        var resources = new CreatedResources();
        var outcomes = new List<ProbeOutcome>();
        var sent = 0;
        IReadOnlyList<CleanupResult> cleanup = [];
        try
        {
            foreach (var probe in plan.Probes)
            {
                ProbeOutcome outcome;
                if (probe.SkipReason is not null)
                {
                    outcome = new ProbeOutcome(probe, [], probe.SkipReason);
                }
                else if (runTimeout.IsCancellationRequested)
                {
                    outcome = new ProbeOutcome(probe, [], cancellationToken.IsCancellationRequested ? "the run was cancelled" : $"the run took longer than {_options.RunTimeout}");
                }
                else if (sent + probe.Requests.Count > _options.MaxRequests)
                {
                    outcome = new ProbeOutcome(probe, [], $"--max-requests ({_options.MaxRequests}) reached");
                }
                else
                {
                    var exchanges = new List<Exchange>();
                    foreach (var planned in probe.Requests)
                    {
                        sent++;
                        var (exchange, values) = await SendAsync(probe, planned, resources, runTimeout.Token, cancellationToken);
                        exchange = exchange with { Previous = exchanges.LastOrDefault() };
                        exchanges.Add(exchange);
                        resources.Observe(probe, exchange, values);
                    }

                    outcome = new ProbeOutcome(probe, exchanges);
                }

                outcomes.Add(outcome);
                progress?.Report(outcome);
            }
        }
        finally
        {
            cleanup = await CleanupAsync(plan, resources, _options.MaxRequests - sent);
        }

        return new ExecutionResult(outcomes, cleanup);
    }

    /// <summary>Deletes what the run created and nothing deleted, within its own time bound (also after a cancel).</summary>
    private async Task<IReadOnlyList<CleanupResult>> CleanupAsync(Plan plan, CreatedResources resources, int allowance)
    {
        var results = new List<CleanupResult>();
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

    private async Task<(Exchange Exchange, Dictionary<string, string> Values)> SendAsync(Probe probe, PlannedRequest planned, CreatedResources resources, CancellationToken runToken, CancellationToken userToken)
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

        var url = Url(PathTemplate.Parse(planned.PathTemplate).Expand(values), planned.Query);
        var sent = new SentRequest(planned.Method, url, planned.Headers, planned.Body);
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var request = ToMessage(sent, planned.ContentType);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var received = await ReadAsync(response, timeout.Token);
            return (new Exchange(probe, planned, sent, received, null, clock.Elapsed) { UsedGuessedId = guessed }, values);
        }
        catch (OperationCanceledException) when (userToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            var why = runToken.IsCancellationRequested ? "the run's time limit ended" : $"no complete answer within {_options.RequestTimeout.TotalSeconds:0.#} s (--timeout)";
            return (new Exchange(probe, planned, sent, null, why, clock.Elapsed) { UsedGuessedId = guessed }, values);
        }
        catch (HttpRequestException e)
        {
            return (new Exchange(probe, planned, sent, null, Describe(e), clock.Elapsed) { UsedGuessedId = guessed }, values);
        }
        catch (IOException e)
        {
            return (new Exchange(probe, planned, sent, null, "the connection broke while reading the answer: " + e.Message, clock.Elapsed) { UsedGuessedId = guessed }, values);
        }
    }

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

    private static HttpRequestMessage ToMessage(SentRequest sent, string? contentType)
    {
        var message = new HttpRequestMessage(new HttpMethod(sent.Method), sent.Url);
        if (sent.Body is not null)
        {
            message.Content = new ByteArrayContent(sent.Body);
            if (contentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach (var (name, value) in sent.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.Remove(name);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    private async Task<ReceivedResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
            .ToList();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        var truncated = false;
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            var room = _options.MaxBodyBytes - (int)buffer.Length;
            buffer.Write(chunk, 0, Math.Min(read, room));
            if (read > room)
            {
                truncated = true;
                break;
            }
        }

        return new ReceivedResponse((int)response.StatusCode, response.ReasonPhrase, response.Version.ToString(), headers, buffer.ToArray(), truncated);
    }

    private static string Describe(HttpRequestException e)
    {
        var inner = e.InnerException switch
        {
            SocketException s => s.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.ConnectionReset => "connection reset by the server",
                _ => s.Message,
            },
            IOException io => io.Message,
            _ => e.InnerException?.Message,
        };
        return inner is null ? e.Message : $"{e.Message} ({inner})";
    }

    public void Dispose() => _client.Dispose();
}
