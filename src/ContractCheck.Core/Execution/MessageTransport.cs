using System.Diagnostics;
using System.IO.Compression;
using System.Net.Sockets;
using Flurl.Http;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Sends ordinary exchanges over an <see cref="HttpMessageHandler"/>: exactly as planned (raw body bytes, any method,
/// any header), any status allowed, redirects never followed, the answer read up to the cap and decoded where the
/// server compressed it unasked. The subclasses say where the handler comes from. Requests go as raw messages:
/// through Flurl.Http each cost 11–15 % more time and 4 KB more memory (bench/run-transport.sh), so Flurl builds
/// the URLs (<see cref="RequestUrl"/>) and sends nothing.
/// </summary>
public abstract class MessageTransport : ITransport
{
    private readonly IFlurlClient _client;
    private readonly HttpClient _http;
    private readonly ExecutorOptions _options;

    protected MessageTransport(HttpMessageHandler handler, ExecutorOptions options, bool disposeHandler)
    {
        _options = options;
        _http = new HttpClient(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };
        _client = new FlurlClient(_http);
        _client.Settings.Redirects.Enabled = false;
        _client.Settings.Timeout = null;
        _client.Settings.AllowedHttpStatusRange = "*";
    }

    public int MaxBodyBytes => _options.MaxBodyBytes;

    /// <summary>True: the same exchange sent through Flurl.Http over the same client, for the transport benchmark's comparison.</summary>
    internal bool ViaFlurl { get; set; }

    public abstract Task CheckReachableAsync(CancellationToken cancellationToken);

    /// <summary>A burst through a handler (<see cref="MessageBurstSender"/>); the socket transport writes plain HTTP/1.1 instead.</summary>
    public virtual IBurstSender CreateBurst(SentRequest request, int concurrency) => new MessageBurstSender(CreateBurstInvoker(concurrency), request, MaxBodyBytes);

    /// <summary>The invoker a handler burst sends through.</summary>
    protected abstract HttpMessageInvoker CreateBurstInvoker(int concurrency);

    public async Task<TransportResult> SendAsync(SentRequest sent, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(_options.RequestTimeout);
        var headersReceived = false;
        try
        {
            using var response = await SendMessageAsync(sent, timeout.Token);
            headersReceived = true;
            var headersAfter = clock.Elapsed;
            var received = await ReadAsync(response, _options.MaxBodyBytes, timeout.Token, stop);

            // An answer to HEAD ends at its headers (RFC 9112 §6.3): a socket never reads more, and an in-process
            // handler's body (a TestServer does not drop it) is not part of the answer either.
            if (sent.Method == "HEAD" && received.Body.Length > 0)
            {
                received = received with { Body = [] };
            }

            return new TransportResult(received with { HeadersAfter = headersAfter }, null, clock.Elapsed);
        }
        catch (Exception e) when (e is OperationCanceledException or FlurlHttpException or InvalidDataException or IOException or HttpRequestException)
        {
            // Flurl wraps what the handler threw; the cause decides what the run makes of it.
            var cause = e is FlurlHttpException { InnerException: { } inner } ? inner : e;
            if (stop.IsCancellationRequested)
            {
                throw new OperationCanceledException(stop);
            }

            return cause switch
            {
                // A status line and headers arrived: the API is alive, only this body (a stream, a slow download) did not end.
                OperationCanceledException or FlurlHttpTimeoutException when headersReceived => new TransportResult(null, $"the answer's headers came but its body did not end within {_options.RequestTimeout.TotalSeconds:0.#} s (--timeout)", clock.Elapsed),
                OperationCanceledException or FlurlHttpTimeoutException => new TransportResult(null, $"no complete answer within {_options.RequestTimeout.TotalSeconds:0.#} s (--timeout)", clock.Elapsed, NoAnswer: true),
                InvalidDataException data => new TransportResult(null, data.Message, clock.Elapsed),
                HttpRequestException http => new TransportResult(null, Describe(http, sent.Url), clock.Elapsed, NoAnswer: IsNoAnswer(http)),
                IOException io => new TransportResult(null, "the connection broke while reading the answer: " + io.Message, clock.Elapsed),
                _ => new TransportResult(null, cause.Message, clock.Elapsed),
            };
        }
        catch (Exception e) when (!stop.IsCancellationRequested && AppFault(e) is { } fault)
        {
            return new TransportResult(null, fault, clock.Elapsed);
        }
    }

    /// <summary>
    /// What an exception the handler threw says about the target, when it is the target's own (an app in process throws
    /// its unhandled exceptions through the handler, where a server would answer 500); null lets it pass on as a bug.
    /// </summary>
    protected virtual string? AppFault(Exception exception) => null;

    private async Task<HttpResponseMessage> SendMessageAsync(SentRequest sent, CancellationToken timeout)
    {
        if (!ViaFlurl)
        {
            using var message = ToMessage(sent);
            return await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout);
        }

        var request = _client.Request(sent.Url.AbsoluteUri);
        foreach (var (name, value) in sent.Headers)
        {
            request.WithHeader(name, value);
        }

        return (await request.SendAsync(new HttpMethod(sent.Method), Content(sent), HttpCompletionOption.ResponseHeadersRead, timeout)).ResponseMessage;
    }

    /// <summary>The body as sent, byte for byte, with its Content-Type exactly as planned.</summary>
    internal static ByteArrayContent? Content(SentRequest sent)
    {
        if (sent.Body is null)
        {
            return null;
        }

        var content = new ByteArrayContent(sent.Body);
        if (sent.ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", sent.ContentType);
        }

        return content;
    }

    /// <summary>The raw message for the burst engine, which sends without Flurl.</summary>
    internal static HttpRequestMessage ToMessage(SentRequest sent)
    {
        var message = new HttpRequestMessage(new HttpMethod(sent.Method), sent.Url) { Content = Content(sent) };
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

    /// <summary>Status, every header and the body up to <paramref name="cap"/> bytes, decoded where the server compressed it unasked.</summary>
    /// <param name="response">The answer whose headers came.</param>
    /// <param name="cap">Bytes of body kept at most.</param>
    /// <param name="cancellationToken">The request's timeout (and stop).</param>
    /// <param name="stop">When given, a cancellation of <paramref name="cancellationToken"/> that is not a stop is the timeout:
    /// the answer is kept as far as it came, marked <see cref="ReceivedResponse.Unfinished"/>.</param>
    internal static async Task<ReceivedResponse> ReadAsync(HttpResponseMessage response, int cap, CancellationToken cancellationToken, CancellationToken? stop = null)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
            .ToList();
        await using var raw = await response.Content.ReadAsStreamAsync(cancellationToken);
        var encoding = response.Content.Headers.ContentEncoding.LastOrDefault();
        var buffer = new MemoryStream(response.Content.Headers.ContentLength is { } length and > 0 ? (int)Math.Min(length, cap) : 0);
        var truncated = false;
        var unfinished = false;
        try
        {
            truncated = await ReadBodyAsync(raw, encoding, cap, buffer, cancellationToken);
        }
        catch (OperationCanceledException) when (stop is { IsCancellationRequested: false } && response.Content.Headers.ContentLength is null)
        {
            // The timeout, not a stop, on a body of no announced length: the API answered and kept it open (a stream:
            // a watch, server-sent events). What came is the answer. A body that announced its length and stopped
            // short is a broken answer instead, reported by the caller.
            truncated = unfinished = true;
        }

        return new ReceivedResponse((int)response.StatusCode, response.ReasonPhrase, response.Version.ToString(), headers, buffer.ToArray(), truncated) { Unfinished = unfinished };
    }

    /// <summary>
    /// Reads a body into <paramref name="into"/>, decoded where the server compressed it unasked (ContractCheck asks
    /// for no compression; checks must see the content), up to <paramref name="cap"/> bytes. True when it was longer.
    /// </summary>
    /// <exception cref="InvalidDataException">The body is not the Content-Encoding it claims.</exception>
    internal static async Task<bool> ReadBodyAsync(Stream raw, string? contentEncoding, int cap, MemoryStream into, CancellationToken cancellationToken)
    {
        var encoding = contentEncoding?.Trim().ToLowerInvariant();
        Stream? decoder = encoding switch
        {
            "gzip" or "x-gzip" => new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true),
            "deflate" => new ZLibStream(raw, CompressionMode.Decompress, leaveOpen: true),
            "br" => new BrotliStream(raw, CompressionMode.Decompress, leaveOpen: true),
            _ => null,
        };
        var stream = decoder ?? raw;
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await ReadChunk(stream, chunk, encoding, cancellationToken)) > 0)
            {
                var room = cap - (int)into.Length;
                into.Write(chunk, 0, Math.Min(read, room));
                if (read > room)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
            if (decoder is not null)
            {
                await decoder.DisposeAsync();
            }
        }
    }

    private static async Task<int> ReadChunk(Stream stream, byte[] chunk, string? encoding, CancellationToken cancellationToken)
    {
        try
        {
            return await stream.ReadAsync(chunk, cancellationToken);
        }
        catch (InvalidDataException e) when (encoding is not null)
        {
            throw new InvalidDataException($"the body says Content-Encoding: {encoding} but is not valid {encoding} data ({e.Message})", e);
        }
    }

    // Refused, reset, unreachable: the target is not answering; a malformed answer is an answer.
    private static bool IsNoAnswer(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError || e.InnerException is SocketException;

    private static string Describe(HttpRequestException e, Uri url)
    {
        if (e.InnerException is System.Security.Authentication.AuthenticationException tls)
        {
            return $"the TLS handshake with {url.Authority} failed: {tls.Message} (use --insecure only for a test server you trust)";
        }

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

    public void Dispose()
    {
        _client.Dispose();
        GC.SuppressFinalize(this);
    }
}
