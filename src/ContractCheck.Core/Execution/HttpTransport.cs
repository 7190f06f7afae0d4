using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace ContractCheck.Core.Execution;

/// <summary>
/// One HTTP request on the run's connection pool: sent exactly as planned (raw body, any method, any
/// header), answered with status, headers and the body up to the cap, or with the transport error
/// that stood in its place. Never follows redirects.
/// </summary>
public sealed class HttpTransport : IDisposable
{
    private readonly HttpClient _client;
    private readonly ExecutorOptions _options;

    public HttpTransport(ExecutorOptions options)
    {
        _options = options;
        _client = new HttpClient(CreateHandler(options, int.MaxValue)) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The connection pool every request of a run goes through: no redirects, no cookies, no decompression asked for.</summary>
    internal static SocketsHttpHandler CreateHandler(ExecutorOptions options, int maxConnections)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseHeadersLength = 256,
            MaxConnectionsPerServer = maxConnections,
        };
        if (options.Insecure)
        {
            // --insecure: the user chose to accept any certificate (a test server's self-signed one).
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true };
        }

        return handler;
    }

    public sealed record Result(ReceivedResponse? Response, string? Error, TimeSpan Elapsed);

    /// <summary>Sends one request within the per-request timeout; only the user's cancellation escapes as an exception.</summary>
    public async Task<Result> SendAsync(SentRequest sent, string? contentType, CancellationToken runToken, CancellationToken userToken)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var request = ToMessage(sent, contentType);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var received = await ReadAsync(response, _options.MaxBodyBytes, timeout.Token);
            return new Result(received, null, clock.Elapsed);
        }
        catch (InvalidDataException e)
        {
            return new Result(null, e.Message, clock.Elapsed);
        }
        catch (OperationCanceledException) when (userToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            var why = runToken.IsCancellationRequested ? "the run's time limit ended" : $"no complete answer within {_options.RequestTimeout.TotalSeconds:0.#} s (--timeout)";
            return new Result(null, why, clock.Elapsed);
        }
        catch (HttpRequestException e)
        {
            return new Result(null, Describe(e, sent.Url), clock.Elapsed);
        }
        catch (IOException e)
        {
            return new Result(null, "the connection broke while reading the answer: " + e.Message, clock.Elapsed);
        }
    }

    internal static HttpRequestMessage ToMessage(SentRequest sent, string? contentType)
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

    /// <summary>Status, every header and the body up to <paramref name="cap"/> bytes, decoded where the server compressed it unasked.</summary>
    internal static async Task<ReceivedResponse> ReadAsync(HttpResponseMessage response, int cap, CancellationToken cancellationToken)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
            .ToList();
        await using var raw = await response.Content.ReadAsStreamAsync(cancellationToken);
        var encoding = response.Content.Headers.ContentEncoding.LastOrDefault()?.ToLowerInvariant();
        await using var stream = encoding switch
        {
            // ContractCheck asks for no compression; a server that compresses anyway is decoded, so checks see the body.
            "gzip" or "x-gzip" => new GZipStream(raw, CompressionMode.Decompress),
            "deflate" => new ZLibStream(raw, CompressionMode.Decompress),
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            _ => raw,
        };
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        var truncated = false;
        int read;
        while ((read = await ReadChunk(stream, chunk, encoding, cancellationToken)) > 0)
        {
            var room = cap - (int)buffer.Length;
            buffer.Write(chunk, 0, Math.Min(read, room));
            if (read > room)
            {
                truncated = true;
                break;
            }
        }

        return new ReceivedResponse((int)response.StatusCode, response.ReasonPhrase, response.Version.ToString(), headers, buffer.ToArray(), truncated);
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

    public void Dispose() => _client.Dispose();
}
