using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContractCheck.Core.Execution;

/// <summary>
/// A plain-HTTP burst on one thread: every connection is a non-blocking socket, and the thread polls them all
/// (Socket.Select: poll), writes each request, reads each answer with its <see cref="Http1AnswerReader"/> and
/// sends that connection's next request — wrk's design. An answer wakes no other thread: on a machine of few cores
/// the server being tested keeps the processor, and the burst reaches the rate a rate limiter must see.
/// A connection is kept alive between requests and opened again where the server closed it; a request the server
/// closed a kept-alive connection on before answering is sent once more on a new one, as HTTP clients do. The loop
/// stops when every request was answered or failed, or when the burst's time bound (or Ctrl-C) ends it.
/// </summary>
internal sealed class RawBurstLoop
{
    // How long one poll waits at most: the time bound and connect timeouts are looked at in between.
    private const int PollMicroseconds = 20_000;

    private readonly RawBurstSender _sender;
    private readonly BurstTally _tally;
    private readonly Func<int, bool> _whole;
    private readonly CancellationToken _stop;
    private readonly IPAddress[] _addresses;
    private readonly Exception? _unresolved;
    private readonly Connection[] _connections;
    private readonly Dictionary<Socket, Connection> _bySocket = [];
    private readonly List<Socket> _read = [];
    private readonly List<Socket> _write = [];
    private readonly List<Socket> _error = [];
    private int _address;
    private bool _connectedOnce;
    private bool _sending;

    private RawBurstLoop(RawBurstSender sender, BurstTally tally, IPAddress[] addresses, Exception? unresolved, CancellationToken stop)
    {
        _sender = sender;
        _tally = tally;
        _whole = tally.Whole;
        _stop = stop;
        _addresses = addresses;
        _unresolved = unresolved;
        _connections = Enumerable.Range(0, tally.Concurrency).Select(lane => new Connection(lane, new Http1AnswerReader(sender.IsHead, sender.Options.MaxBodyBytes))).ToArray();
    }

    private sealed class Connection(int lane, Http1AnswerReader reader)
    {
        public int Lane { get; } = lane;

        public Http1AnswerReader Reader { get; } = reader;

        public Socket? Socket { get; set; }

        public bool Connecting { get; set; }

        /// <summary>When a connect in progress gives up (a <see cref="Stopwatch"/> timestamp).</summary>
        public long ConnectBy { get; set; }

        /// <summary>The number of the request in flight, or -1.</summary>
        public int Request { get; set; } = -1;

        public long Started { get; set; }

        /// <summary>Bytes of the request written so far.</summary>
        public int Written { get; set; }

        /// <summary>The connection was open before this request: the server may have closed it meanwhile.</summary>
        public bool Reused { get; set; }

        /// <summary>Bytes of this request's answer came.</summary>
        public bool Heard { get; set; }

        /// <summary>This request was sent again on a new connection.</summary>
        public bool Resent { get; set; }
    }

    public static async Task SendAsync(RawBurstSender sender, BurstTally tally, CancellationToken cancellationToken)
    {
        IPAddress[] addresses = [];
        Exception? unresolved = null;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(sender.Url.IdnHost, cancellationToken);
        }
        catch (SocketException e)
        {
            unresolved = e;
        }

        var loop = new RawBurstLoop(sender, tally, addresses, unresolved, cancellationToken);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                loop.Run();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "ContractCheck burst",
        };
        thread.Start();
        await done.Task;
    }

    private void Run()
    {
        try
        {
            // The connections are opened first, so the burst's clock and rate are those of its requests; one that
            // does not open is left for its first request to meet.
            foreach (var connection in _connections)
            {
                Open(connection);
            }

            while (!_stop.IsCancellationRequested && _connections.Any(c => c.Connecting) && Poll())
            {
            }

            _tally.Start();
            _sending = true;
            foreach (var connection in _connections)
            {
                Next(connection);
            }

            while (!_stop.IsCancellationRequested && Poll())
            {
            }
        }
        finally
        {
            foreach (var connection in _connections)
            {
                if (connection.Request >= 0)
                {
                    Fail(connection, BurstTally.OutOfTime);
                }

                Close(connection);
            }
        }
    }

    // One round: waits for the sockets that have something to do, does it; false when nothing is left in flight.
    private bool Poll()
    {
        _read.Clear();
        _write.Clear();
        _error.Clear();
        foreach (var connection in _connections)
        {
            if (connection.Socket is not { } socket)
            {
                continue;
            }

            if (connection.Connecting)
            {
                _write.Add(socket);
                _error.Add(socket);
            }
            else if (connection.Request >= 0)
            {
                (connection.Written < _sender.Request.Length ? _write : _read).Add(socket);
            }
        }

        if (_read.Count + _write.Count == 0)
        {
            return false;
        }

        Socket.Select(_read, _write, _error, PollMicroseconds);
        foreach (var socket in _write)
        {
            if (_bySocket.TryGetValue(socket, out var connection))
            {
                if (connection.Connecting)
                {
                    Connected(connection);
                }
                else
                {
                    Write(connection);
                }

                Next(connection);
            }
        }

        foreach (var socket in _error)
        {
            // A connect that failed: the error says why.
            if (_bySocket.TryGetValue(socket, out var connection) && connection.Connecting)
            {
                Connected(connection);
                Next(connection);
            }
        }

        foreach (var socket in _read)
        {
            if (_bySocket.TryGetValue(socket, out var connection))
            {
                Read(connection);
                Next(connection);
            }
        }

        var now = Stopwatch.GetTimestamp();
        foreach (var connection in _connections)
        {
            if (connection.Connecting && now > connection.ConnectBy)
            {
                ConnectFailed(connection, null);
                Next(connection);
            }
        }

        return true;
    }

    // Takes the next request for an idle connection and sends it; a request that fails at once is recorded, and the
    // next taken. Called after every event of a connection (never from within one: a server that fails every request
    // would otherwise nest a call per request).
    private void Next(Connection connection)
    {
        while (_sending && connection.Request < 0 && !_stop.IsCancellationRequested && _tally.TryTake(out var number))
        {
            (connection.Request, connection.Started, connection.Resent) = (number, Stopwatch.GetTimestamp(), false);
            Send(connection);
        }
    }

    private void Send(Connection connection)
    {
        (connection.Written, connection.Heard, connection.Reused) = (0, false, connection.Socket is not null);
        if (connection.Socket is null)
        {
            // Written once the connection is open.
            Open(connection);
        }
        else
        {
            Write(connection);
        }
    }

    // Starts a non-blocking connect; a connect that fails at once fails the connection's request.
    private void Open(Connection connection)
    {
        if (_addresses.Length == 0)
        {
            ConnectFailed(connection, _unresolved ?? new SocketException((int)SocketError.HostNotFound));
            return;
        }

        var address = _addresses[_address];
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, Blocking = false };
        (connection.Socket, connection.Connecting, connection.ConnectBy) = (socket, true, Stopwatch.GetTimestamp() + (long)(_sender.Options.ConnectTimeout.TotalSeconds * Stopwatch.Frequency));
        _bySocket[socket] = connection;
        try
        {
            socket.Connect(new IPEndPoint(address, _sender.Url.Port));
            Connected(connection);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
        {
            // Connecting: the poll says when.
        }
        catch (SocketException e)
        {
            ConnectFailed(connection, e);
        }
    }

    private void Connected(Connection connection)
    {
        var error = (SocketError)(int)connection.Socket!.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
        if (error != SocketError.Success)
        {
            ConnectFailed(connection, new SocketException((int)error));
            return;
        }

        (connection.Connecting, _connectedOnce) = (false, true);
        if (connection.Request >= 0)
        {
            Write(connection);
        }
    }

    // Before any connection opened, a refused address gives way to the host's next one (localhost: ::1, then 127.0.0.1).
    private void ConnectFailed(Connection connection, Exception? cause)
    {
        Close(connection);
        if (!_connectedOnce && _address < _addresses.Length - 1 && cause is not null)
        {
            _address++;
            Open(connection);
            return;
        }

        if (connection.Request >= 0)
        {
            Fail(connection, _sender.CannotConnect(cause).Message);
        }
    }

    private void Write(Connection connection)
    {
        if (connection.Request < 0 || connection.Written == _sender.Request.Length)
        {
            return;
        }

        var written = connection.Socket!.Send(_sender.Request.Span[connection.Written..], SocketFlags.None, out var error);
        if (error == SocketError.WouldBlock)
        {
            return;
        }

        if (error != SocketError.Success)
        {
            Broken(connection, new SocketException((int)error));
            return;
        }

        connection.Written += written;
    }

    private void Read(Connection connection)
    {
        var received = connection.Socket!.Receive(connection.Reader.Room.Span, SocketFlags.None, out var error);
        if (error == SocketError.WouldBlock)
        {
            return;
        }

        if (error != SocketError.Success)
        {
            Broken(connection, new SocketException((int)error));
            return;
        }

        try
        {
            if (received == 0)
            {
                Answered(connection, connection.Reader.Ended());
                return;
            }

            connection.Heard = true;
            connection.Reader.Received(received);
            while (connection.Request >= 0 && connection.Socket is not null && connection.Reader.Next(_whole) is { } answer)
            {
                Answered(connection, answer);
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException)
        {
            Broken(connection, e);
        }
    }

    private void Answered(Connection connection, (ReceivedResponse Response, bool Close) answer)
    {
        _tally.Answered(connection.Request, answer.Response, connection.Started, connection.Lane);
        connection.Request = -1;
        if (answer.Close)
        {
            Close(connection);
        }
    }

    // The connection broke while a request was on it: the request is sent once more on a new connection where the
    // server closed a kept-alive one before answering; otherwise it failed.
    private void Broken(Connection connection, Exception cause)
    {
        Close(connection);
        if (cause is IOException or SocketException && connection.Reused && !connection.Heard && !connection.Resent && !_stop.IsCancellationRequested)
        {
            connection.Resent = true;
            Send(connection);
        }
        else
        {
            Fail(connection, cause.Message);
        }
    }

    private void Fail(Connection connection, string why)
    {
        _tally.Failed(connection.Request, _stop.IsCancellationRequested ? BurstTally.OutOfTime : why, connection.Started);
        connection.Request = -1;
    }

    private void Close(Connection connection)
    {
        if (connection.Socket is { } socket)
        {
            _bySocket.Remove(socket);
            socket.Dispose();
        }

        (connection.Socket, connection.Connecting) = (null, false);
        connection.Reader.Reset();
    }
}
