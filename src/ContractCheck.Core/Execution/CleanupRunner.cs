using ContractCheck.Core.Probes;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Execution;

/// <summary>
/// Deletes what the run created and nothing deleted, through the spec's DELETE of each item's path, within its
/// own bound (also after a cancel; only one request's time when the target stopped answering). Items that
/// cannot be deleted are reported with the reason.
/// </summary>
internal sealed class CleanupRunner
{
    private readonly RunContext _run;

    public CleanupRunner(RunContext run)
    {
        _run = run;
    }

    /// <param name="plan">The plan, for the DELETE of each kind of item.</param>
    /// <param name="final">False before the delete stage: only the items no later probe works on, and nothing is
    /// reported for what cannot be deleted yet (the final clean-up does that).</param>
    public async Task<IReadOnlyList<CleanupResult>> RunAsync(Plan plan, bool final = true)
    {
        var results = !final ? [] : _run.Resources.Unidentified
            .Select(item => new CleanupResult(item, false, plan.Cleanup.ContainsKey(item.Key)
                ? "its id could not be read from the create's answer (no Location, no id in the body; say where with operations.<create>.id)"
                : "the spec has no DELETE for it"))
            .ToList();
        var dead = _run.Liveness.Reason is not null;
        using var bound = new CancellationTokenSource(dead ? _run.Options.RequestTimeout : TimeSpan.FromSeconds(30));

        // Children before their parents: deleting a parent first may take its children with it, or be refused.
        var items = (final ? _run.Resources.Alive : _run.Resources.Unbound).OrderByDescending(i => i.Path.Count(c => c == '/')).ToList();
        foreach (var item in items)
        {
            if (!final && (!plan.Cleanup.ContainsKey(item.Key) || dead || _run.Stop.IsCancellationRequested))
            {
                continue;
            }

            if (!plan.Cleanup.TryGetValue(item.Key, out var delete))
            {
                results.Add(new CleanupResult(item, false, "the spec has no DELETE for it"));
                continue;
            }

            var url = RequestUrl.For(_run.Options.BaseUrl, item.Collection.TrimEnd('/')[_run.Options.BaseUrl.AbsolutePath.TrimEnd('/').Length..] + "/" + Uri.EscapeDataString(item.Id), delete.Query);
            var unfilled = new SentRequest("DELETE", url, delete.Headers, null);
            var (request, used) = _run.Tokens.Fill(unfilled);
            if (bound.IsCancellationRequested || (dead && results.Any(r => r.Attempted)))
            {
                // Not sent: the report still shows the request that would delete it.
                results.Add(new CleanupResult(item, false, dead ? "the API stopped answering" : "clean-up ran out of time") { Request = request });
                continue;
            }

            if (!_run.Budget.TryTake())
            {
                results.Add(new CleanupResult(item, false, "--max-requests reached") { Request = request });
                continue;
            }

            var probe = new Probe("cleanup", new ApiOperation("DELETE", delete.PathTemplate, new Microsoft.OpenApi.OpenApiOperation(), [], []), [delete], null);
            var result = await SendAsync(request, bound.Token);
            if (result.Response is { Status: 401 } && used is var (identity, token) && !_run.Stop.IsCancellationRequested
                && await _run.Tokens.RenewAsync(identity, token) is null && _run.Budget.TryTake())
            {
                // A fetched token that expired during the run: fetched again once, as for the probes, so what the run made is not left behind.
                request = _run.Tokens.Fill(unfilled).Request;
                result = await SendAsync(request, bound.Token);
            }

            var deleted = result.Response is { Status: (>= 200 and < 300) or 404 or 410 };
            if (deleted)
            {
                _run.Resources.Deleted(item);
            }
            else if (!final)
            {
                continue; // tried again, and reported, at the end
            }

            results.Add(new CleanupResult(item, deleted, result.Response is { } r ? $"DELETE answered {r.Status}" : result.Error ?? "no answer")
            {
                Request = request,
                Attempted = true,
                Exchange = new Exchange(probe, delete, request, result.Response, result.Error, result.Elapsed),
            });
        }

        return results;
    }

    private async Task<TransportResult> SendAsync(SentRequest request, CancellationToken bound)
    {
        try
        {
            return await _run.Transport.SendAsync(request, bound);
        }
        catch (OperationCanceledException)
        {
            return new TransportResult(null, "clean-up ran out of time", TimeSpan.Zero);
        }
    }
}
