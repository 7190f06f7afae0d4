using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContractCheck.Tests;

/// <summary>
/// A TCP listener on 127.0.0.1 that answers every request with bytes a test writes by hand — for
/// responses Kestrel refuses to send (a 204 with a body, malformed headers, …). Reads the request
/// head and a Content-Length body, then writes the canned answer and closes the connection.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Func<string, NetworkStream, TcpClient, CancellationToken, Task> _serve;
    private int _requests;

    private RawHttpServer(Func<string, NetworkStream, TcpClient, CancellationToken, Task> serve)
    {
        _serve = serve;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Answers each request (given its request line) with the bytes <paramref name="answer"/> returns.</summary>
    public static RawHttpServer Start(Func<string, byte[]> answer) => new(async (line, stream, _, token) =>
    {
        await stream.WriteAsync(answer(line), token);
        await stream.FlushAsync(token);
    });

    /// <summary>Answers every request with the same text (CRLF line ends as written).</summary>
    public static RawHttpServer Start(string response) => Start(_ => Encoding.ASCII.GetBytes(response));

    /// <summary>Full control: after the request is read, <paramref name="serve"/> writes (or withholds, trickles, resets) the answer.</summary>
    public static RawHttpServer Start(Func<string, NetworkStream, TcpClient, CancellationToken, Task> serve) => new(serve);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                Interlocked.Increment(ref _requests);
                var length = head.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(p => int.Parse(p[1].Trim())).FirstOrDefault();
                var body = new byte[length];
                var read = 0;
                while (read < length)
                {
                    var n = await stream.ReadAsync(body.AsMemory(read), _stop.Token);
                    if (n == 0)
                    {
                        break;
                    }

                    read += n;
                }

                await _serve(head.Split("\r\n")[0], stream, client, _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 65536 && await stream.ReadAsync(one, _stop.Token) == 1)
        {
            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^1] == '\n' && bytes[^2] == '\r' && bytes[^3] == '\n' && bytes[^4] == '\r')
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(bytes.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
