using ContractCheck.Core.Probes;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Runs a burst probe: the burst itself (<see cref="BurstRunner"/>, on the transport's raw handler), then, after
/// the wait the throttled answers asked for, the one request that checks the operation answers again.
/// </summary>
internal sealed class BurstStep
{
    private readonly RunContext _run;

    public BurstStep(RunContext run)
    {
        _run = run;
    }

    public async Task<ProbeOutcome> RunAsync(Probe probe)
    {
        if (!_run.Budget.TryTake(probe.RequestCount))
        {
            return new ProbeOutcome(probe, [], $"--max-requests ({_run.Budget.Ceiling}) reached");
        }

        var planned = probe.Requests[0];
        var values = planned.PathValues.ToDictionary(p => p.Key, p => p.Value.Binding is { } b && _run.Resources.TryGetBinding(b, out var id) ? id : p.Value.Text);
        var request = _run.Tokens.Fill(new SentRequest(planned.Method, RequestUrl.For(_run.Options.BaseUrl, PathTemplate.Parse(planned.PathTemplate).Expand(values), planned.Query), planned.Headers, planned.Body, planned.ContentType)).Request;
        var started = DateTimeOffset.UtcNow;
        var (result, samples) = await new BurstRunner(_run.Transport).RunAsync(probe, request, planned, _run.Stop);
        var exchanges = samples.Select((e, i) => i == 0 ? e with { Burst = result, Started = started } : e with { Started = started }).ToList();
        if (exchanges.Count == 0)
        {
            return new ProbeOutcome(probe, [new Exchange(probe, planned, request, null, result.ErrorSamples.FirstOrDefault() ?? "no answer", TimeSpan.Zero) { Burst = result, Started = started }]);
        }

        // Recovery: after the wait the throttled answers asked for, the operation must answer again.
        if (samples.FirstOrDefault(e => e.Response!.Status == probe.Burst!.ExpectStatus) is { } limited && probe.Requests.ElementAtOrDefault(1) is { } recovery)
        {
            // A little more than asked: a limiter's window turns on its own clock, a client adds slack.
            var asked = _run.RateLimit.WaitFor(limited.Response!);
            var wait = asked + TimeSpan.FromMilliseconds(Math.Max(250, asked.TotalMilliseconds / 10));
            await Task.Delay(wait, _run.Stop);
            var at = DateTimeOffset.UtcNow;
            var answer = await _run.Transport.SendAsync(request, _run.Stop);
            _run.Liveness.Observe(request, answer);
            exchanges.Add(new Exchange(probe, recovery, request, answer.Response, answer.Error, answer.Elapsed) { RateLimitWaits = [wait], Started = at });
        }

        return new ProbeOutcome(probe, exchanges);
    }
}
