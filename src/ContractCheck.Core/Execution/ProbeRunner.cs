using ContractCheck.Core.Probes;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Runs one probe's requests in order: binds ids of items the run created, refuses what would touch an item the
/// run does not own, ends a chain where a step it needs was refused, reads the ETag a conditional write needs and
/// fills in validators from earlier answers, follows a same-origin Location or Link, waits out the target's 429s,
/// and records every exchange.
/// </summary>
internal sealed class ProbeRunner
{
    private readonly RunContext _run;

    public ProbeRunner(RunContext run)
    {
        _run = run;
    }

    public async Task<ProbeOutcome> RunAsync(Probe probe)
    {
        if (probe.SkipReason is not null)
        {
            return new ProbeOutcome(probe, [], probe.SkipReason);
        }

        if (_run.Stop.IsCancellationRequested)
        {
            return new ProbeOutcome(probe, [], _run.StopReason);
        }

        try
        {
            return probe.Burst is not null ? await new BurstStep(_run).RunAsync(probe) : await ChainAsync(probe);
        }
        catch (OperationCanceledException) when (_run.Stop.IsCancellationRequested)
        {
            return new ProbeOutcome(probe, [], _run.StopReason);
        }
    }

    private async Task<ProbeOutcome> ChainAsync(Probe probe)
    {
        var exchanges = new List<Exchange>();
        var unsent = new List<(PlannedRequest, string)>();
        foreach (var step in probe.Requests)
        {
            var planned = step;
            var refusal = Unmet(planned, exchanges) ?? Unavailable(planned, exchanges);
            Uri? link = null;
            if (refusal is null && planned.FollowLink is { } rel)
            {
                (link, refusal) = LinkTarget(rel, exchanges);
            }

            var (values, problem) = refusal is null ? Resolve(planned, probe) : (null, refusal);
            if (problem is null && step.IdInBody is not null)
            {
                (planned, problem) = BodyIds.Fill(step, probe, exchanges);
            }

            if (problem is null && !_run.Budget.TryTake(planned.ReadFirst is null ? 1 : 2))
            {
                problem = $"--max-requests ({_run.Budget.Ceiling}) reached";
            }

            if (problem is not null)
            {
                if (exchanges.Count == 0 && unsent.Count == 0 && step == probe.Requests[0])
                {
                    return new ProbeOutcome(probe, [], problem);
                }

                unsent.Add((planned, problem));
                continue;
            }

            if (_run.Stop.IsCancellationRequested)
            {
                unsent.Add((planned, _run.StopReason));
                continue;
            }

            var exchange = await SendAsync(probe, planned, values!, exchanges, link) with { Previous = exchanges.LastOrDefault() };
            exchanges.Add(exchange);
            _run.Resources.Observe(probe, exchange, values!);
        }

        return new ProbeOutcome(probe, exchanges) { Unsent = unsent };
    }

    // A step that needs an earlier one (the create of its chain, the delete before a read-after-delete) runs only if that one succeeded.
    private static string? Unmet(PlannedRequest planned, List<Exchange> done)
    {
        if (planned.Requires is not { } step)
        {
            return null;
        }

        var needed = done.LastOrDefault(e => e.Planned.Step == step);
        if (needed?.Response is { } answer && planned.RequiresRefusal)
        {
            // A write that went through may have changed the item: there is nothing left to compare with.
            return answer.Status is < 200 or >= 300 ? null : $"not sent: the {step} was not refused (it answered {answer.Status}), so there is no unchanged item to read back";
        }

        return needed?.Response is { Status: >= 200 and < 300 } ? null
            : needed is null ? $"not sent: the {step} it needs was not sent either"
            : $"not sent: the {step} answered {needed.Response?.Status.ToString() ?? "nothing (" + needed.Error + ")"}";
    }

    // A request that builds on an earlier answer's validator is sent only where that answer carried one: elsewhere
    // the claim it tests does not apply (an API without ETags has no conditional requests to judge).
    private static string? Unavailable(PlannedRequest planned, List<Exchange> done)
    {
        if (planned.Needs is not var (step, what) || done.LastOrDefault(e => e.Planned.Step == step)?.Response is not { } answer)
        {
            return null;
        }

        return what switch
        {
            AnswerNeed.Validator when !AnswerHeaders.ValidatorFields.Any(answer.HasHeader) =>
                $"not applicable: the {step} answer carries no {string.Join(" or ", AnswerHeaders.ValidatorFields)} to make a request conditional on",
            AnswerNeed.StrongETag when EntityTag.Parse(answer.Header("ETag")) is not { Weak: false } =>
                $"not applicable: the {step} answer carries {(answer.HasHeader("ETag") ? "only a weak ETag" : "no ETag")}, and If-Match compares strongly (RFC 9110 §8.8.3.2): nothing a precondition could match",
            _ => null,
        };
    }

    // Where a followed link points: the latest earlier success that carries the relation, on the base URL's origin only.
    private (Uri? Target, string? Problem) LinkTarget(string relation, List<Exchange> done)
    {
        foreach (var earlier in Enumerable.Reverse(done))
        {
            if (earlier.Response is { Status: >= 200 and < 300 } answer && LinkHeader.Target(answer, earlier.Request.Url, relation) is { } target)
            {
                return RequestUrl.SameOrigin(target, _run.Options.BaseUrl)
                    ? (target, null)
                    : (null, $"not sent: the rel=\"{relation}\" link {target} is on another origin; ContractCheck contacts only {_run.Options.BaseUrl.GetLeftPart(UriPartial.Authority)}");
            }
        }

        return (null, $"not applicable: no answer before it carries a Link with rel=\"{relation}\"");
    }

    /// <summary>
    /// The path values of a request: ids of items the run created where it is bound to them, else its own; or
    /// why it is not sent — no item to work on, or an unsafe method on an id ContractCheck can only guess.
    /// </summary>
    private (Dictionary<string, string>? Values, string? Problem) Resolve(PlannedRequest planned, Probe probe)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? guessed = null;
        foreach (var (name, value) in planned.PathValues)
        {
            if (value.Binding is { } binding && _run.Resources.TryGetBinding(binding, out var id))
            {
                values[name] = id;
                continue;
            }

            if (value.Binding is { } key && _run.Resources.WhyMissing(key) is { } why)
            {
                return (null, $"no {ResourceMap.Describe(key)} to test with — {why}");
            }

            values[name] = value.Text;
            if (value.IsGuess)
            {
                guessed ??= $"{name}={value.Text}";
            }
        }

        if (guessed is not null && !Ownership.IsSafe(planned.Method))
        {
            var operation = planned.Operation ?? probe.Operation;
            return (null, $"not sent: {planned.Method} goes only to items this run created or the rules name, and {guessed} is a guess; name a real one in {Rules.RulesPath.Operation(operation.OperationId ?? operation.Key, "params")}");
        }

        return (values, null);
    }

    private async Task<Exchange> SendAsync(Probe probe, PlannedRequest planned, Dictionary<string, string> values, List<Exchange> earlier, Uri? link)
    {
        var url = link ?? RequestUrl.For(_run.Options.BaseUrl, PathTemplate.Parse(planned.PathTemplate).Expand(values), planned.Query);
        var followed = false;
        if (planned.FollowLocation && earlier.FirstOrDefault() is { Response: { } first } creation && first.Header("Location") is { } location
            && Uri.TryCreate(creation.Request.Url, location, out var target))
        {
            if (!RequestUrl.SameOrigin(target, _run.Options.BaseUrl))
            {
                var refused = _run.Tokens.Fill(new SentRequest(planned.Method, target, planned.Headers, planned.Body, planned.ContentType)).Request;
                return new Exchange(probe, planned, refused, null, $"the Location {target} is on another origin; ContractCheck contacts only {_run.Options.BaseUrl.GetLeftPart(UriPartial.Authority)} and did not follow it", TimeSpan.Zero) { NotSent = true };
            }

            followed = target != url;
            url = target;
        }

        var headers = planned.Headers;
        Exchange? preflight = null;
        if (planned.ReadFirst is { } read)
        {
            // The item's current ETag, read just before the write: the precondition a conformant server checks.
            var readRequest = new SentRequest(read.Method, url, read.Headers, null);
            preflight = await ExchangeAsync(probe, read with { Step = Steps.EtagRead }, readRequest);
        }

        if (planned.FromAnswer is { } from)
        {
            // The validator as the answer gave it: the precondition a conformant server checks.
            var source = from.Step is null ? preflight?.Response : earlier.LastOrDefault(e => e.Planned.Step == from.Step)?.Response;
            if (source is not null && from.Copies.FirstOrDefault(c => source.HasHeader(c.Answer)) is { Answer: { } answer, Request: { } header })
            {
                headers = [.. headers.Where(h => !h.Key.Equals(header, StringComparison.OrdinalIgnoreCase)), new(header, source.Header(answer)!)];
            }
        }

        var sent = new SentRequest(planned.Method, url, headers, planned.Body, planned.ContentType);
        return await ExchangeAsync(probe, planned, sent) with
        {
            UsedGuessedId = planned.PathValues.Values.Any(v => v.IsGuess && (v.Binding is null || !_run.Resources.TryGetBinding(v.Binding, out _))),
            FollowedLocation = followed,
            Preflight = preflight,
        };
    }

    /// <summary>
    /// One request, sent again after each 429 the target answers (bounded, and each time a request of the budget),
    /// every worker pausing with it; its fetched token put in place as it goes out, and when the API refuses that token
    /// with 401, the token fetched again and the request sent once more. The 429s waited out and the 401 are kept with
    /// the answer that counts.
    /// </summary>
    public async Task<Exchange> ExchangeAsync(Probe probe, PlannedRequest planned, SentRequest sent)
    {
        var (exchange, used) = await SendWaitingAsync(probe, planned, sent);
        _run.Tokens.Observe(exchange);
        if (exchange.Response is not { Status: 401 } || used is not var (identity, token))
        {
            return exchange;
        }

        var refusal = await _run.Tokens.RenewAsync(identity, token);
        if (refusal is null && !_run.Budget.TryTake())
        {
            refusal = $"--max-requests ({_run.Budget.Ceiling}) reached";
        }

        if (refusal is not null)
        {
            return exchange with { TokenNote = refusal };
        }

        var (again, _) = await SendWaitingAsync(probe, planned, sent);
        var note = again.Response is { Status: 401 }
            ? $"the {identity} identity's token was refused with 401, fetched again, and the new one refused too"
            : $"the {identity} identity's token was refused with 401; it was fetched again and the request sent again";
        return again with { Refused = exchange, TokenNote = note };
    }

    private async Task<(Exchange Exchange, (string Identity, string Token)? Used)> SendWaitingAsync(Probe probe, PlannedRequest planned, SentRequest sent)
    {
        var waits = new List<TimeSpan>();
        var throttled = new List<Exchange>();
        while (true)
        {
            await _run.RateLimit.WaitAsync(_run.Stop);
            var (wire, used) = _run.Tokens.Fill(sent);
            var started = DateTimeOffset.UtcNow;
            // A request that may create or change something is not cut off by a stop once sent: its answer says what
            // the run made, so the clean-up can delete it (its own timeout still bounds it).
            var result = await _run.Transport.SendAsync(wire, Ownership.IsSafe(wire.Method) ? _run.Stop : CancellationToken.None);
            _run.Liveness.Observe(wire, result);
            var exchange = new Exchange(probe, planned, wire, result.Response, result.Error, result.Elapsed) { Started = started };
            if (_run.RateLimit.Throttled(result.Response, waits.Count, _run.Budget, out var wait))
            {
                waits.Add(wait);
                throttled.Add(exchange);
                continue;
            }

            return (exchange with { RateLimitWaits = waits, Throttled = throttled }, used);
        }
    }
}
