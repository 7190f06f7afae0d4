using System.Buffers.Text;
using System.Text;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Reads HTTP/1.1 answers out of the bytes one connection receives, however they are cut (RFC 9112 §6: no body for
/// HEAD, 1xx, 204 and 304; chunked; Content-Length; else until the connection closes), skipping interim 1xx answers.
/// Pushed, not pulled: the connection receives into <see cref="Room"/>, says how much came with <see cref="Received"/>
/// and asks for the <see cref="Next"/> answer, so the same framing serves a connection awaited on its own
/// (<see cref="RawHttpLane"/>) and one of many a single thread polls (<see cref="RawBurstLoop"/>). A counted answer
/// keeps only the burst's headers and drops its body as it comes; a kept one is decoded and capped like every other.
/// </summary>
internal sealed class Http1AnswerReader
{
    private const int MaxHead = 256 * 1024;

    private readonly bool _isHead;
    private readonly int _cap;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private int _scanned;

    private Part _part;
    private long _remaining;
    private Head _head = null!;

    public Http1AnswerReader(bool isHead, int cap)
    {
        _isHead = isHead;
        _cap = cap;
    }

    private enum Part
    {
        Head,
        Length,
        UntilClose,
        ChunkSize,
        ChunkData,
        ChunkEnd,
        Trailers,
    }

    /// <summary>What the status line and header fields said, and the body kept so far (a kept answer only).</summary>
    private sealed record Head(int Status, string? Reason, string Version, List<KeyValuePair<string, string>> Headers, bool Close, MemoryStream? Sink);

    /// <summary>Where the connection writes what it receives next (made by moving unread bytes to the front, or growing).</summary>
    public Memory<byte> Room
    {
        get
        {
            if (_start == _end)
            {
                (_start, _end, _scanned) = (0, 0, 0);
            }
            else if (_end == _buffer.Length)
            {
                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    (_scanned, _end, _start) = (_scanned - _start, _end - _start, 0);
                }
                else
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
            }

            return _buffer.AsMemory(_end);
        }
    }

    public void Received(int count) => _end += count;

    /// <summary>Forgets everything: the connection was closed, the next bytes are a new connection's.</summary>
    public void Reset() => (_start, _end, _scanned, _part, _remaining) = (0, 0, 0, Part.Head, 0);

    /// <summary>
    /// The next whole answer in what came, or null until more comes. <paramref name="whole"/> says by status whether
    /// the answer is kept (every header, the body decoded and capped) or counted. Close: the connection must be closed
    /// after it (the server said so, the body ran to the connection's end or past the cap).
    /// </summary>
    /// <exception cref="HttpRequestException">Not HTTP/1.1, or framed wrongly.</exception>
    public (ReceivedResponse Response, bool Close)? Next(Func<int, bool> whole)
    {
        while (true)
        {
            switch (_part)
            {
                case Part.Head:
                    var headEnd = HeadEnd();
                    if (headEnd < 0)
                    {
                        return null;
                    }

                    var status = StartAnswer(_buffer.AsSpan(_start, headEnd - _start), whole);
                    (_start, _scanned) = (headEnd, headEnd);
                    if (status is >= 100 and < 200 && status != 101)
                    {
                        // An interim answer (100 Continue, 103 Early Hints): the final one follows on the same connection.
                        _part = Part.Head;
                        continue;
                    }

                    if (_isHead || status is 204 or 304 or 101)
                    {
                        return Finish(truncated: false, close: status == 101);
                    }

                    continue;

                case Part.Length or Part.ChunkData:
                    if (Take() is { } cut)
                    {
                        return cut;
                    }

                    if (_remaining > 0)
                    {
                        return null;
                    }

                    if (_part == Part.Length)
                    {
                        return Finish(truncated: false, close: false);
                    }

                    _part = Part.ChunkEnd;
                    continue;

                case Part.UntilClose:
                    _remaining = long.MaxValue;
                    return Take();

                case Part.ChunkSize:
                    if (Line() is not { } sizeLine)
                    {
                        return null;
                    }

                    var size = sizeLine.AsSpan();
                    var semicolon = size.IndexOf(';');
                    size = (semicolon >= 0 ? size[..semicolon] : size).Trim();
                    if (!long.TryParse(size, System.Globalization.NumberStyles.AllowHexSpecifier, null, out _remaining) || _remaining < 0)
                    {
                        throw new HttpRequestException(HttpRequestError.InvalidResponse, $"the chunked body has a malformed chunk size '{sizeLine}'");
                    }

                    _part = _remaining == 0 ? Part.Trailers : Part.ChunkData;
                    continue;

                case Part.ChunkEnd:
                    if (Line() is not { } end)
                    {
                        return null;
                    }

                    if (end.Length > 0)
                    {
                        throw new HttpRequestException(HttpRequestError.InvalidResponse, "a chunk of the chunked body is longer than its size says");
                    }

                    _part = Part.ChunkSize;
                    continue;

                case Part.Trailers:
                    // Trailer fields: nothing the burst reads; an empty line ends them.
                    if (Line() is not { } trailer)
                    {
                        return null;
                    }

                    if (trailer.Length == 0)
                    {
                        return Finish(truncated: false, close: false);
                    }

                    continue;
            }
        }
    }

    /// <summary>The connection closed: the answer that ran to its end, or why what came is not an answer.</summary>
    /// <exception cref="HttpRequestException">The headers stopped halfway.</exception>
    /// <exception cref="IOException">No answer at all, or a body cut short.</exception>
    public (ReceivedResponse Response, bool Close) Ended() => _part switch
    {
        Part.UntilClose => Finish(truncated: false, close: true),
        Part.Head when _end > _start => throw new HttpRequestException(HttpRequestError.ResponseEnded, "the connection closed in the middle of the answer's headers"),
        Part.Head => throw new IOException("the server closed the connection without answering"),
        Part.Length => throw new IOException($"the connection closed {_remaining} bytes before the end of the body its Content-Length announced"),
        _ => throw new IOException("the connection closed in the middle of the chunked body"),
    };

    // The end of the status line and header fields (after the blank line), or -1 until it came.
    private int HeadEnd()
    {
        var from = Math.Max(_start, _scanned - 3);
        var at = _buffer.AsSpan(from, _end - from).IndexOf("\r\n\r\n"u8);
        if (at >= 0)
        {
            return from + at + 4;
        }

        _scanned = _end;
        if (_end - _start > MaxHead)
        {
            throw new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, $"the answer's headers are longer than {MaxHead / 1024} KB");
        }

        return -1;
    }

    private int StartAnswer(ReadOnlySpan<byte> head, Func<int, bool> whole)
    {
        var (status, reason, version) = StatusLine(head, out var rest);
        var keep = status >= 200 && whole(status);
        var frame = Headers(rest, keep, out var headers);
        _head = new Head(status, reason, version, headers, frame.Close || version == "1.0" && !frame.KeepAlive, keep ? new MemoryStream() : null);
        (_part, _remaining) = frame switch
        {
            { Chunked: true } => (Part.ChunkSize, 0L),
            { Length: { } length } => (Part.Length, length),
            _ => (Part.UntilClose, 0L),
        };
        return status;
    }

    // Keeps (or drops) up to _remaining bytes of body from what came; the answer when a kept body passed the cap.
    private (ReceivedResponse, bool)? Take()
    {
        var take = (int)Math.Min(_remaining, _end - _start);
        if (_head.Sink is { } sink)
        {
            sink.Write(_buffer, _start, take);
        }

        _start += take;
        _remaining -= take;
        return _head.Sink?.Length > _cap ? Finish(truncated: true, close: true) : null;
    }

    // A line of the chunked framing, or null until its end came.
    private string? Line()
    {
        var at = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
        if (at < 0)
        {
            if (_end - _start > MaxHead)
            {
                throw new HttpRequestException(HttpRequestError.InvalidResponse, "a line of the chunked body does not end");
            }

            return null;
        }

        var line = Encoding.Latin1.GetString(_buffer, _start, at);
        _start += at + 2;
        return line;
    }

    private (ReceivedResponse, bool) Finish(bool truncated, bool close)
    {
        var head = _head;
        (_part, _remaining) = (Part.Head, 0);
        close |= head.Close || truncated;
        if (head.Sink is not { } sink)
        {
            return (new ReceivedResponse(head.Status, head.Reason, head.Version, head.Headers, [], false), close);
        }

        sink.Position = 0;
        var body = new MemoryStream();
        var cut = truncated;
        try
        {
            // Decoding an in-memory body: nothing to wait for.
            cut |= MessageTransport.ReadBodyAsync(sink, head.Headers.LastOrDefault(h => h.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase)).Value, _cap, body, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (InvalidDataException) when (truncated)
        {
            // A compressed body cut at the cap does not decode to its end: what decoded is kept, marked cut.
        }

        return (new ReceivedResponse(head.Status, head.Reason, head.Version, head.Headers, body.ToArray(), cut), close);
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
}
