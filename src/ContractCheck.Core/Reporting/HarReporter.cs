using System.Text;
using System.Text.Json;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// HAR 1.2 (<c>--har</c>): every exchange of the run — probes, the ETag reads before conditional writes, the
/// clean-up, the logins and token requests — with request, response and timings, and in <c>_contractcheck</c> the probe, step and the checks that
/// judged it. Secrets masked; bodies as read (up to the cap; binary ones base64). Opens in browser developer
/// tools and HTTP debugging proxies: the evidence a user hands to the API team. Each probe's entries are written to
/// the file as it ends (in report order), so nothing of them is kept.
/// </summary>
public sealed class HarReporter : IReporter
{
    private readonly Func<Stream> _open;
    private Stream? _stream;
    private Utf8JsonWriter? _json;
    private Redactor _redactor = Redactor.None;

    public HarReporter(string path)
        : this(() => ReportFile.Open(path))
    {
    }

    public HarReporter(Func<Stream> open)
    {
        _open = open;
    }

    public void Begin(RunStarted run)
    {
        _redactor = run.Redactor;
        _stream = _open();
        _json = new Utf8JsonWriter(_stream, new JsonWriterOptions { Indented = true });
        _json.WriteStartObject();
        _json.WriteStartObject("log");
        _json.WriteString("version", "1.2");
        _json.WriteStartObject("creator");
        _json.WriteString("name", "ContractCheck");
        _json.WriteString("version", RunStarted.ToolVersion);
        _json.WriteEndObject();
        _json.WriteStartArray("entries");
    }

    public void Probe(ProbeResults probe)
    {
        var json = _json!;
        var byExchange = probe.Results.Where(r => r.Exchange is not null).GroupBy(r => r.Exchange!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var exchange in probe.Outcome.Exchanges.SelectMany(e => e.OnTheWire))
        {
            Entry(json, exchange, byExchange.GetValueOrDefault(exchange) ?? [], _redactor);
        }

        json.Flush();
    }

    public void End(RunFinished run)
    {
        var json = _json!;
        foreach (var exchange in run.TokenExchanges.Concat(run.Cleanup.Select(c => c.Exchange).OfType<Exchange>()))
        {
            Entry(json, exchange, [], _redactor);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.Dispose();
        _stream!.Dispose();
    }

    private static void Entry(Utf8JsonWriter json, Exchange exchange, List<CheckResult> results, Redactor r)
    {
        json.WriteStartObject();
        json.WriteString("startedDateTime", exchange.Started.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteNumber("time", Math.Round(exchange.Elapsed.TotalMilliseconds, 3));
        Request(json, exchange.Request, r);
        Response(json, exchange, r);
        json.WriteStartObject("cache");
        json.WriteEndObject();
        json.WriteStartObject("timings");
        json.WriteNumber("send", 0);
        json.WriteNumber("wait", Math.Round(exchange.Elapsed.TotalMilliseconds, 3));
        json.WriteNumber("receive", 0);
        json.WriteEndObject();
        json.WriteStartObject("_contractcheck");
        json.WriteString("operation", (exchange.Planned.Operation ?? exchange.Probe.Operation).Key);
        json.WriteString("probe", exchange.Probe.DisplayName);
        json.WriteString("step", exchange.Planned.Step);
        json.WriteString("as", exchange.Planned.As);
        if (exchange.Error is { } error)
        {
            json.WriteString("error", r.Text(error));
        }

        json.WriteStartArray("checks");
        foreach (var result in results)
        {
            json.WriteStartObject();
            json.WriteString("check", result.Finding.Check);
            json.WriteString("outcome", result.Finding.Outcome.ToString().ToLowerInvariant());
            json.WriteString("message", r.Text(result.Finding.Message));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Request(Utf8JsonWriter json, SentRequest request, Redactor r)
    {
        json.WriteStartObject("request");
        json.WriteString("method", request.Method);
        json.WriteString("url", r.Url(request.Url));
        json.WriteString("httpVersion", "HTTP/1.1");
        json.WriteStartArray("cookies");
        json.WriteEndArray();
        Headers(json, request.AllHeaders.Select(h => new KeyValuePair<string, string>(h.Key, r.Header(h.Key, h.Value))));
        json.WriteStartArray("queryString");
        foreach (var part in request.Url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            json.WriteStartObject();
            json.WriteString("name", Uri.UnescapeDataString(eq < 0 ? part : part[..eq]));
            json.WriteString("value", r.Text(eq < 0 ? "" : Uri.UnescapeDataString(part[(eq + 1)..])));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (request.Body is { } body)
        {
            json.WriteStartObject("postData");
            json.WriteString("mimeType", request.ContentType ?? "");
            json.WriteString("text", Text(body, r, out _));
            json.WriteEndObject();
        }

        json.WriteNumber("headersSize", -1);
        json.WriteNumber("bodySize", request.Body?.Length ?? 0);
        json.WriteEndObject();
    }

    private static void Response(Utf8JsonWriter json, Exchange exchange, Redactor r)
    {
        var response = exchange.Response;
        json.WriteStartObject("response");
        json.WriteNumber("status", response?.Status ?? 0);
        json.WriteString("statusText", response?.Reason ?? (exchange.Error is null ? "" : "no answer"));
        json.WriteString("httpVersion", response is null ? "" : "HTTP/" + response.Version);
        json.WriteStartArray("cookies");
        json.WriteEndArray();
        Headers(json, (response?.Headers ?? []).Select(h => new KeyValuePair<string, string>(h.Key, r.ResponseHeader(h.Key, h.Value))));
        json.WriteStartObject("content");
        json.WriteNumber("size", response?.Body.Length ?? 0);
        json.WriteString("mimeType", response?.ContentType ?? "");
        if (response is { Body.Length: > 0 })
        {
            json.WriteString("text", Text(response.Body, r, out var base64));
            if (base64)
            {
                json.WriteString("encoding", "base64");
            }
        }

        json.WriteEndObject();
        json.WriteString("redirectURL", response?.Header("Location") is { } location ? r.Text(location) : "");
        json.WriteNumber("headersSize", -1);
        json.WriteNumber("bodySize", response?.Body.Length ?? -1);
        if (exchange.Error is { } error)
        {
            json.WriteString("_error", r.Text(error));
        }

        json.WriteEndObject();
    }

    private static void Headers(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, string>> headers)
    {
        json.WriteStartArray("headers");
        foreach (var (name, value) in headers)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("value", value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Text(byte[] body, Redactor r, out bool base64)
    {
        try
        {
            base64 = false;
            return r.Text(new UTF8Encoding(false, true).GetString(body));
        }
        catch (DecoderFallbackException)
        {
            base64 = true;
            return Convert.ToBase64String(body);
        }
    }
}
