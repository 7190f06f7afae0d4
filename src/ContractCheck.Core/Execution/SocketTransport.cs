using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace ContractCheck.Core.Execution;

/// <summary>
/// The transport over sockets: one connection pool (SocketsHttpHandler) for the run, no redirects, no cookies,
/// no decompression asked for, the connect timeout. Before the first request it checks that something listens
/// at the base URL and, for https, that its certificate is one the client would accept.
/// </summary>
public sealed class SocketTransport : MessageTransport
{
    private readonly ExecutorOptions _options;

    public SocketTransport(ExecutorOptions options)
        : base(CreateHandler(options, int.MaxValue), options, disposeHandler: true)
    {
        _options = options;
    }

    /// <summary>A burst over plain HTTP/1.1 on its own connections (<see cref="RawBurstSender"/>): a rate limiter sees the rate the rules ask for.</summary>
    public override IBurstSender CreateBurst(SentRequest request, int concurrency) => RawBurstSender.For(_options, request) ?? base.CreateBurst(request, concurrency);

    protected override HttpMessageInvoker CreateBurstInvoker(int concurrency) => new(CreateHandler(_options, concurrency), disposeHandler: true);

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

    /// <summary>A TCP connect (and a TLS handshake for https), no request: an unreachable target is told apart from a broken one.</summary>
    public override async Task CheckReachableAsync(CancellationToken cancellationToken)
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
        var problem = SslPolicyErrors.None;
        await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
        try
        {
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = url.Host,
                    RemoteCertificateValidationCallback = (_, _, _, errors) =>
                    {
                        problem = errors;
                        return _options.Insecure || errors == SslPolicyErrors.None;
                    },
                },
                cancellationToken);
        }
        catch (System.Security.Authentication.AuthenticationException e)
        {
            var why = problem switch
            {
                SslPolicyErrors.RemoteCertificateChainErrors => "its certificate is not signed by an authority this machine trusts (self-signed?)",
                SslPolicyErrors.RemoteCertificateNameMismatch => $"its certificate is not for {url.Host}",
                SslPolicyErrors.RemoteCertificateNotAvailable => "it sent no certificate",
                SslPolicyErrors.None => e.Message,
                _ => $"its certificate is not valid ({problem})",
            };
            throw new TargetUnreachableException(
                $"cannot talk TLS to {url.Authority}: {why}",
                "fix the server's certificate, or pass --insecure to accept it (only for a test server you trust)");
        }
    }
}
