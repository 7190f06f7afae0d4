using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Fetches one identity's token: the API's login, the OAuth 2.0 token endpoint (client credentials, RFC 6749 §4.4:
/// the client's Basic credentials, <c>grant_type=client_credentials</c>; only to the base URL's origin or a host of
/// --allow-host), or the command. Each request counts toward --max-requests and is kept as evidence.
/// </summary>
internal sealed class TokenFetcher
{
    private readonly RunContext _run;

    public TokenFetcher(RunContext run)
    {
        _run = run;
    }

    /// <summary>The outcome of one fetch: the token, or why there is none (unmasked); the exchange it took, if any.</summary>
    public sealed record Result(string? Token, string? Problem, Exchange? Exchange, string? Hint = null)
    {
        /// <summary>True when the request got no answer at all (a timeout, a refused connection): the API is not answering.</summary>
        public bool NoAnswer { get; init; }
    }

    public async Task<Result> FetchAsync(TokenFetch fetch) => fetch.Source switch
    {
        LoginSettings login => await LoginAsync(fetch, login),
        OAuth2Settings oauth => await OAuth2Async(fetch, oauth),
        CommandSettings command => await CommandAsync(command),
        _ => new Result(null, "no way to fetch it", null),
    };

    private async Task<Result> CommandAsync(CommandSettings command)
    {
        var (token, problem) = await TokenCommand.RunAsync(command, _run.Stop);
        return problem is null ? new Result(token, null, null) : new Result(null, "the command " + problem, null, "run it in a shell to see what it prints; it must print the token alone");
    }

    private async Task<Result> LoginAsync(TokenFetch fetch, LoginSettings login)
    {
        var planned = fetch.Login!;
        var values = planned.PathValues.ToDictionary(p => p.Key, p => p.Value.Text);
        var url = RequestUrl.For(_run.Options.BaseUrl, PathTemplate.Parse(planned.PathTemplate).Expand(values), planned.Query);
        var sent = new SentRequest(planned.Method, url, planned.Headers, planned.Body, planned.ContentType);
        var name = $"{planned.Method} {url.AbsolutePath}";
        var (exchange, problem) = await SendAsync(new Probe("login", fetch.Operation!, [planned], null), planned with { Step = "login" }, sent);
        if (problem is not null)
        {
            return new Result(null, $"{name} {problem}", exchange, $"check {fetch.RulesPath}.body (the user name and password) and that the login works with them") { NoAnswer = exchange?.NoAnswer == true };
        }

        var answer = Json(exchange!.Response!);
        return login.TokenIn(answer) is { } token
            ? new Result(token, null, exchange)
            : new Result(null, $"the answer of {name} ({exchange.Response!.Status}) has no token at {login.Token}{Members(answer)}", exchange, $"say where the answer holds the token in {fetch.RulesPath}.token (a JSON pointer such as /access_token)");
    }

    private async Task<Result> OAuth2Async(TokenFetch fetch, OAuth2Settings oauth)
    {
        var baseUrl = _run.Options.BaseUrl;
        if (!Uri.TryCreate(baseUrl, fetch.TokenUrl, out var url) || url.Scheme is not ("http" or "https"))
        {
            return new Result(null, $"the spec's token URL '{fetch.TokenUrl}' is not an http(s) URL", null);
        }

        var sameOrigin = RequestUrl.SameOrigin(url, baseUrl);
        if (!sameOrigin && !_run.Options.AllowedHosts.Any(h => h.Equals(url.Host, StringComparison.OrdinalIgnoreCase) || h.Equals(url.Authority, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ContractCheckException(
                $"{fetch.RulesPath}: the token URL {url.GetLeftPart(UriPartial.Path)} is not on {baseUrl.GetLeftPart(UriPartial.Authority)}; ContractCheck sends credentials to no other host",
                oauth.Location,
                $"if that host is your API's token server, allow it: --allow-host {url.Host}");
        }

        if (!sameOrigin && url.Scheme == "http" && !url.IsLoopback)
        {
            throw new ContractCheckException($"{fetch.RulesPath}: the token URL {url.GetLeftPart(UriPartial.Path)} is plain http on another host: the client secret would cross the network unencrypted", oauth.Location, "use the https token URL (RFC 6749 §3.2 requires TLS)");
        }

        var body = "grant_type=client_credentials" + (oauth.Scopes.Count > 0 ? "&scope=" + Uri.EscapeDataString(string.Join(' ', oauth.Scopes)) : "");
        var planned = new PlannedRequest("POST", url.AbsolutePath, new Dictionary<string, PathValue>(), [], [], Encoding.UTF8.GetBytes(body), "application/x-www-form-urlencoded") { Step = "token", As = IdentityNames.None };
        var sent = new SentRequest("POST", url, [new("Authorization", oauth.BasicCredentials), new("Accept", "application/json"), new("User-Agent", RequestBuilder.UserAgent)], planned.Body, planned.ContentType);
        var operation = new ApiOperation("POST", url.AbsolutePath, new Microsoft.OpenApi.OpenApiOperation(), [], []);
        var (exchange, problem) = await SendAsync(new Probe("oauth2", operation, [planned], null), planned, sent);
        if (problem is not null)
        {
            var answer = exchange?.Response is { } r ? Json(r) : null;
            var error = answer?["error"] is JsonValue e ? $" (error {e.ToJsonString()}{(answer["error_description"] is JsonValue d ? ": " + d.ToJsonString() : "")})" : "";
            return new Result(null, $"the token request to {url.GetLeftPart(UriPartial.Path)} {problem}{error}", exchange, $"check {fetch.RulesPath}.clientId, clientSecret and scopes") { NoAnswer = exchange?.NoAnswer == true };
        }

        return OAuth2Token(Json(exchange!.Response!)) is { } token
            ? new Result(token, null, exchange)
            : new Result(null, $"the token endpoint's answer ({exchange.Response!.Status}) has no access_token{Members(Json(exchange.Response))}", exchange);
    }

    private static string? OAuth2Token(JsonNode? answer) =>
        answer?["access_token"] is JsonValue v && v.TryGetValue(out string? token) && token.Length > 0 ? token : null;

    private async Task<(Exchange? Exchange, string? Problem)> SendAsync(Probe probe, PlannedRequest planned, SentRequest sent)
    {
        if (!_run.Budget.TryTake())
        {
            return (null, $"was not sent: --max-requests ({_run.Budget.Ceiling}) reached");
        }

        Exchange exchange;
        TransportResult result;
        for (var waited = 0; ; waited++)
        {
            // A token request waits out the target's rate limit like every other request.
            await _run.RateLimit.WaitAsync(_run.Stop);
            var started = DateTimeOffset.UtcNow;
            result = await _run.Transport.SendAsync(sent, _run.Stop);
            _run.Liveness.Observe(sent, result);
            exchange = new Exchange(probe, planned, sent, result.Response, result.Error, result.Elapsed) { Started = started, NoAnswer = result.NoAnswer };
            if (!_run.RateLimit.Throttled(result.Response, waited, _run.Budget, out _))
            {
                break;
            }
        }

        return result.Response switch
        {
            null => (exchange, "got no answer: " + result.Error),
            { Status: >= 200 and < 300 } => (exchange, null),
            { } r => (exchange, $"answered {r.Status} {r.Reason}".TrimEnd() + Excerpt(r)),
        };
    }

    private static JsonNode? Json(ReceivedResponse response) => Checks.BodyJson.TryParse(response.Body);

    // What a refusal said, briefly (masked where the message is shown).
    private static string Excerpt(ReceivedResponse response)
    {
        var text = response.BodyText.ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "" : ": " + (text.Length > 200 ? text[..200] + "…" : text);
    }

    // The member names of an answer that has no token where the rules say: where it might be, without showing any value.
    private static string Members(JsonNode? answer) =>
        answer is JsonObject obj && obj.Count > 0 ? $" (its members: {string.Join(", ", obj.Select(p => p.Key).Take(12))})" : answer is null ? " (it is not JSON)" : "";
}
