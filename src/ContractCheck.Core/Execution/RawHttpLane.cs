using System.Net.Security;
using System.Net.Sockets;

namespace ContractCheck.Core.Execution;

/// <summary>
/// One connection of a raw burst (<see cref="RawBurstSender"/>) awaited on its own: the lane https bursts use (TLS
/// needs a stream). Writes the request's bytes and reads the answer with <see cref="Http1AnswerReader"/>. The
/// connection is kept alive between requests and opened again where the server closed it; a request the server
/// closed a kept-alive connection on before answering is sent once more on a new one, as HTTP clients do.
/// </summary>
internal sealed class RawHttpLane : IBurstLane
{
    private readonly RawBurstSender _sender;
    private readonly Http1AnswerReader _reader;
    private Stream? _stream;
    private long _received;

    public RawHttpLane(RawBurstSender sender)
    {
        _sender = sender;
        _reader = new Http1AnswerReader(sender.IsHead, sender.Options.MaxBodyBytes);
    }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await OpenAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            // The first send tries again and reports what it meets.
        }
    }

    public async Task<ReceivedResponse> SendAsync(Func<int, bool> whole, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var reused = _stream is not null;
            if (!reused)
            {
                await OpenAsync(cancellationToken);
            }

            var before = _received;
            try
            {
                await _stream!.WriteAsync(_sender.Request, cancellationToken);
                while (true)
                {
                    if (_reader.Next(whole) is { } answer)
                    {
                        return Answered(answer);
                    }

                    var read = await _stream.ReadAsync(_reader.Room, cancellationToken);
                    if (read == 0)
                    {
                        return Answered(_reader.Ended());
                    }

                    _reader.Received(read);
                    _received += read;
                }
            }
            catch (Exception e) when (e is IOException or SocketException && reused && attempt == 0 && _received == before && !cancellationToken.IsCancellationRequested)
            {
                // The server closed the kept-alive connection before this request reached it: once more, on a new one.
                Close();
            }
            catch
            {
                Close();
                throw;
            }
        }
    }

    private ReceivedResponse Answered((ReceivedResponse Response, bool Close) answer)
    {
        if (answer.Close)
        {
            Close();
        }

        return answer.Response;
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_sender.Options.ConnectTimeout);
        try
        {
            await socket.ConnectAsync(_sender.Url.IdnHost, _sender.Url.Port, timeout.Token);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (_sender.Tls is { } tls)
            {
                var secure = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = secure;
                await secure.AuthenticateAsClientAsync(tls, timeout.Token);
            }

            // The stream owns the socket: closing it closes the connection.
            _stream = stream;
            _reader.Reset();
        }
        catch (Exception e) when (e is SocketException or IOException or System.Security.Authentication.AuthenticationException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            socket.Dispose();
            throw _sender.CannotConnect(e is OperationCanceledException ? null : e);
        }
    }

    private void Close()
    {
        _stream?.Dispose();
        _stream = null;
        _reader.Reset();
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}
