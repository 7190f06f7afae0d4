using System.Buffers.Text;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace ContractCheck.Core.Execution;

/// <summary>
/// One connection of a raw burst (<see cref="RawBurstSender"/>): writes the request's bytes and reads the answer as
/// HTTP/1.1 frames it (RFC 9112 §6: no body for HEAD, 1xx, 204 and 304; chunked; Content-Length; else until the
/// connection closes), skipping interim 1xx answers. The connection is kept alive between requests and opened again
/// where the server closed it; a request the server closed a kept-alive connection on before answering is sent once
/// more on a new one, as HTTP clients do. Counted answers keep only the burst's headers; kept ones are decoded and
/// capped like every other answer.
/// </summary>
internal sealed class RawHttpLane : IBurstLane
{
    private const int MaxHead = 256 * 1024;

    private readonly RawBurstSender _sender;
    private Socket? _socket;
    private Stream? _stream;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private long _received;

    public RawHttpLane(RawBurstSender sender)
    {
        _sender = sender;
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
                return await ReadAnswerAsync(whole, cancellationToken);
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

            (_socket, _stream, _start, _end) = (socket, stream, 0, 0);
        }
        catch (Exception e) when (e is SocketException or IOException or System.Security.Authentication.AuthenticationException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            socket.Dispose();
            var why = e is OperationCanceledException ? $"no connection within {_sender.Options.ConnectTimeout.TotalSeconds:0.#} s" : e.Message;
            throw new HttpRequestException(HttpRequestError.ConnectionError, $"cannot connect to {_sender.Url.Authority}: {why}", e);
        }
    }

    private async Task<ReceivedResponse> ReadAnswerAsync(Func<int, bool> whole, CancellationToken cancellationToken)
    {
        while (true)
        {
            var headEnd = await ReadHeadAsync(cancellationToken);
            var head = _buffer.AsSpan(_start, headEnd - _start);
            var (status, reason, version) = StatusLine(head, out var rest);
            var keep = status >= 200 && whole(status);
            var frame = Headers(rest, keep, out var headers);
            _start = headEnd;
            if (status is >= 100 and < 200 && status != 101)
            {
                // An interim answer (100 Continue, 103 Early Hints): the final one follows on the same connection.
                continue;
            }

            var sink = keep ? new MemoryStream() : null;
            var truncated = false;
            var close = frame.Close || version == "1.0" && !frame.KeepAlive;
            if (!(_sender.IsHead || status is 204 or 304 || status == 101))
            {
                if (frame.Chunked)
                {
                    truncated = await ChunkedAsync(sink, cancellationToken);
                }
                else if (frame.Length is { } length)
                {
                    truncated = await CopyAsync(length, sink, cancellationToken);
                }
                else
                {
                    truncated = await CopyAsync(long.MaxValue, sink, cancellationToken);
                    close = true;
                }
            }

            if (close || truncated || status == 101)
            {
                Close();
            }

            if (sink is null)
            {
                return new ReceivedResponse(status, reason, version, headers, [], false);
            }

            sink.Position = 0;
            var body = new MemoryStream();
            var cut = truncated;
            try
            {
                cut |= await MessageTransport.ReadBodyAsync(sink, headers.LastOrDefault(h => h.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase)).Value, _sender.Options.MaxBodyBytes, body, cancellationToken);
            }
            catch (InvalidDataException) when (truncated)
            {
                // A compressed body cut at the cap does not decode to its end: what decoded is kept, marked cut.
            }

            return new ReceivedResponse(status, reason, version, headers, body.ToArray(), cut);
        }
    }

    // The end of the status line and header fields (after the blank line), reading more until it came.
    private async Task<int> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var scanned = _start;
        while (true)
        {
            var at = _buffer.AsSpan(scanned, _end - scanned).IndexOf("\r\n\r\n"u8);
            if (at >= 0)
            {
                return scanned + at + 4;
            }

            scanned = Math.Max(_start, _end - 3);
            var offset = _start;
            if (!await FillAsync(cancellationToken))
            {
                throw _end > _start
                    ? new HttpRequestException(HttpRequestError.ResponseEnded, "the connection closed in the middle of the answer's headers")
                    : new IOException("the server closed the connection without answering");
            }

            scanned -= offset - _start;
            if (_end - _start > MaxHead)
            {
                throw new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, $"the answer's headers are longer than {MaxHead / 1024} KB");
            }
        }
    }

    // Reads more bytes after _end, moving what is unread to the front (or growing the buffer) when it is full.
    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                (_start, _end) = (0, _end - _start);
            }
            else
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }

        var read = await _stream!.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        _received += read;
        return read > 0;
    }

    // Copies (or drops) up to length bytes of body; true when a kept body passed the cap (the rest is not read).
    private async Task<bool> CopyAsync(long length, MemoryStream? sink, CancellationToken cancellationToken)
    {
        var remaining = length;
        while (remaining > 0)
        {
            if (_start == _end)
            {
                _start = _end = 0;
                if (!await FillAsync(cancellationToken))
                {
                    if (length == long.MaxValue)
                    {
                        return false;
                    }

                    throw new IOException($"the connection closed {remaining} bytes before the end of the body its Content-Length announced");
                }
            }

            var take = (int)Math.Min(remaining, _end - _start);
            if (sink is not null)
            {
                sink.Write(_buffer, _start, take);
                if (sink.Length > _sender.Options.MaxBodyBytes)
                {
                    return true;
                }
            }

            _start += take;
            remaining -= take;
        }

        return false;
    }

    // RFC 9112 §7.1: chunk-size [extensions] CRLF data CRLF …, a last chunk of size 0, trailer fields, CRLF.
    private async Task<bool> ChunkedAsync(MemoryStream? sink, CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = await LineAsync(cancellationToken);
            var size = line.AsSpan();
            var semicolon = size.IndexOf(';');
            size = (semicolon >= 0 ? size[..semicolon] : size).Trim();
            if (!long.TryParse(size, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var length) || length < 0)
            {
                throw new HttpRequestException(HttpRequestError.InvalidResponse, $"the chunked body has a malformed chunk size '{line}'");
            }

            if (length == 0)
            {
                while ((await LineAsync(cancellationToken)).Length > 0)
                {
                    // Trailer fields: nothing the burst reads.
                }

                return false;
            }

            if (await CopyAsync(length, sink, cancellationToken))
            {
                return true;
            }

            if ((await LineAsync(cancellationToken)).Length > 0)
            {
                throw new HttpRequestException(HttpRequestError.InvalidResponse, "a chunk of the chunked body is longer than its size says");
            }
        }
    }

    private async Task<string> LineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var at = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (at >= 0)
            {
                var line = Encoding.Latin1.GetString(_buffer, _start, at);
                _start += at + 2;
                return line;
            }

            if (_end - _start > MaxHead)
            {
                throw new HttpRequestException(HttpRequestError.InvalidResponse, "a line of the chunked body does not end");
            }

            if (!await FillAsync(cancellationToken))
            {
                throw new IOException("the connection closed in the middle of the chunked body");
            }
        }
    }

    private static (int Status, string? Reason, string Version) StatusLine(ReadOnlySpan<byte> head, out ReadOnlySpan<byte> rest)
    {
        var end = head.IndexOf("\r\n"u8);
        var line = head[..end];
        rest = head[(end + 2)..];
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || line[8] != (byte)' '
            || !Utf8Parser.TryParse(line.Slice(9, 3), out int status, out var used) || used != 3 || status < 100 || (line.Length > 12 && line[12] != (byte)' '))
        {
            var shown = Encoding.Latin1.GetString(line[..Math.Min(line.Length, 40)]);
            throw new HttpRequestException(HttpRequestError.InvalidResponse, $"the answer is not HTTP/1.1 (it starts '{shown}')");
        }

        var reason = line.Length > 13 ? Encoding.Latin1.GetString(line[13..]) : null;
        return (status, reason, line[7] == (byte)'0' ? "1.0" : "1.1");
    }

    private readonly record struct Framing(bool Chunked, long? Length, bool Close, bool KeepAlive);

    // Every field for a kept answer, only the burst's for a counted one; always what frames the body.
    private static Framing Headers(ReadOnlySpan<byte> fields, bool all, out List<KeyValuePair<string, string>> headers)
    {
        headers = [];
        var framing = new Framing(false, null, false, false);
        while (fields.Length > 2)
        {
            var end = fields.IndexOf("\r\n"u8);
            var line = fields[..end];
            fields = fields[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                throw new HttpRequestException(HttpRequestError.InvalidResponse, $"the answer has a malformed header line '{Encoding.Latin1.GetString(line[..Math.Min(line.Length, 40)])}'");
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out long length, out var used) || used != value.Length || length < 0 || (framing.Length is { } earlier && earlier != length))
                {
                    throw new HttpRequestException(HttpRequestError.InvalidResponse, $"the answer's Content-Length '{Encoding.Latin1.GetString(value)}' is not a length");
                }

                framing = framing with { Length = length };
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                framing = framing with { Chunked = Encoding.Latin1.GetString(value).Split(',').Last().Trim().Equals("chunked", StringComparison.OrdinalIgnoreCase) };
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                var tokens = Encoding.Latin1.GetString(value).Split(',', StringSplitOptions.TrimEntries);
                framing = framing with
                {
                    Close = framing.Close || tokens.Contains("close", StringComparer.OrdinalIgnoreCase),
                    KeepAlive = framing.KeepAlive || tokens.Contains("keep-alive", StringComparer.OrdinalIgnoreCase),
                };
            }

            if (all || BurstAnswers.IsLimiting(name))
            {
                headers.Add(new(Encoding.Latin1.GetString(name), Encoding.Latin1.GetString(value)));
            }
        }

        return framing;
    }

    private void Close()
    {
        _stream?.Dispose();
        _socket?.Dispose();
        (_stream, _socket, _start, _end) = (null, null, 0, 0);
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}
