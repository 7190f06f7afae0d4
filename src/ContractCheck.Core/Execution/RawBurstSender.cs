using System.Net.Security;
using System.Text;

namespace ContractCheck.Core.Execution;

/// <summary>
/// A burst over sockets with a lean HTTP/1.1 client: the request is written once into bytes and sent as they are on
/// each kept-alive connection, so a burst costs the client little more than the wire (a rate limiter must see the
/// configured rate). Plain HTTP runs every connection on one thread that polls them (<see cref="RawBurstLoop"/>, as
/// wrk does: no wake-up of another thread per answer); TLS, which needs a stream, a worker per connection
/// (<see cref="RawHttpLane"/>). The bytes are what <see cref="SocketTransport"/> would
/// send: the request line, Host, the planned headers, Content-Type and Content-Length where there is a body.
/// </summary>
internal sealed class RawBurstSender : IBurstSender
{
    private RawBurstSender(ExecutorOptions options, Uri url, byte[] request, bool isHead)
    {
        Options = options;
        Url = url;
        Request = request;
        IsHead = isHead;
        Tls = url.Scheme == Uri.UriSchemeHttps
            ? new SslClientAuthenticationOptions
            {
                TargetHost = url.IdnHost,
                ApplicationProtocols = [SslApplicationProtocol.Http11],
                RemoteCertificateValidationCallback = options.Insecure ? (_, _, _, _) => true : null,
            }
            : null;
    }

    public ExecutorOptions Options { get; }

    public Uri Url { get; }

    /// <summary>The request as it goes on the wire, every time.</summary>
    public ReadOnlyMemory<byte> Request { get; }

    /// <summary>A HEAD's answer has no body, whatever its headers say.</summary>
    public bool IsHead { get; }

    /// <summary>For https: the handshake, the same trust as every other request (--insecure accepts any certificate).</summary>
    public SslClientAuthenticationOptions? Tls { get; }

    /// <summary>The raw sender for this request, or null when it cannot be written as plain HTTP/1.1 bytes (a header with a line break: the handler refuses those too).</summary>
    public static RawBurstSender? For(ExecutorOptions options, SentRequest request)
    {
        if (request.Url.Scheme is not ("http" or "https")
            || request.AllHeaders.Any(h => !HttpToken.IsToken(h.Key) || h.Value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            || !HttpToken.IsToken(request.Method))
        {
            return null;
        }

        var head = new StringBuilder();
        head.Append(request.Method).Append(' ').Append(request.Url.PathAndQuery).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(request.Url.IdnHost.Contains(':', StringComparison.Ordinal) ? $"[{request.Url.IdnHost}]" : request.Url.IdnHost);
        if (!request.Url.IsDefaultPort)
        {
            head.Append(':').Append(request.Url.Port);
        }

        head.Append("\r\n");
        foreach (var (name, value) in request.AllHeaders)
        {
            if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase) && !name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && !name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }
        }

        // As the handler does: a body's length, and a zero length for a POST, PUT or PATCH without one.
        if (request.Body is not null || request.Method is "POST" or "PUT" or "PATCH")
        {
            head.Append("Content-Length: ").Append(request.Body?.Length ?? 0).Append("\r\n");
        }

        head.Append("\r\n");
        var bytes = Encoding.Latin1.GetBytes(head.ToString());
        if (request.Body is { Length: > 0 } body)
        {
            bytes = [.. bytes, .. body];
        }

        return new RawBurstSender(options, request.Url, bytes, request.Method == "HEAD");
    }

    /// <summary>Plain HTTP: every connection on one polling thread; TLS: a worker per connection.</summary>
    public Task SendAsync(BurstTally tally, CancellationToken cancellationToken) =>
        Tls is null ? RawBurstLoop.SendAsync(this, tally, cancellationToken) : BurstLanes.SendAsync(OpenLane, tally, cancellationToken);

    public IBurstLane OpenLane() => new RawHttpLane(this);

    /// <summary>The error of a request whose connection could not be opened: why, or the connect timeout when <paramref name="cause"/> is null.</summary>
    public HttpRequestException CannotConnect(Exception? cause) =>
        new(HttpRequestError.ConnectionError, $"cannot connect to {Url.Authority}: {cause?.Message ?? $"no connection within {Options.ConnectTimeout.TotalSeconds:0.#} s"}", cause);

    public void Dispose()
    {
    }
}
