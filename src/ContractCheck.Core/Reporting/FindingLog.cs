using ContractCheck.Core.Checks;
using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Reporting;

/// <summary>
/// Keeps the run's failures as probes end — each once per fingerprint, with its evidence as masked text — and which
/// checks passed where (as hashes), so a baseline can tell a fixed finding from one this run did not check.
/// Nothing else of the exchanges is kept.
/// </summary>
internal sealed class FindingLog
{
    private readonly Dictionary<string, ReportedFinding> _findings = new(StringComparer.Ordinal);
    private readonly HashSet<ulong> _passed = [];
    private readonly Redactor _redactor;

    public FindingLog(Redactor redactor)
    {
        _redactor = redactor;
    }

    public void Add(ProbeResults probe)
    {
        var evidence = new Dictionary<Exchange, (string Curl, string? Response)>();
        foreach (var result in probe.Results)
        {
            var finding = result.Finding;
            if (finding.Outcome == Outcome.Passed)
            {
                _passed.Add(Hash(Fingerprint.Key(result.Probe.Operation.Key, result.Probe.DisplayName, result.Exchange?.Planned.Step, finding.Check)));
                continue;
            }

            if (finding.Outcome is not (Outcome.Failed or Outcome.Error))
            {
                continue;
            }

            var fingerprint = Fingerprint.Of(result);
            if (_findings.TryGetValue(fingerprint, out var seen))
            {
                _findings[fingerprint] = seen with { Occurrences = seen.Occurrences + 1 };
                continue;
            }

            var (curl, response) = result.Exchange is { } exchange ? Evidence(exchange, evidence) : (null, null);
            var r = _redactor;
            _findings[fingerprint] = new ReportedFinding(
                fingerprint,
                probe.Index,
                result.Probe.Operation,
                result.Probe.DisplayName,
                result.Probe.Kind,
                result.Exchange?.Planned.Step,
                finding.Check,
                finding.Outcome,
                finding.Title,
                r.Text(finding.Message),
                finding.Expected is null ? null : r.Text(finding.Expected),
                finding.Actual is null ? null : r.Text(finding.Actual),
                finding.Source,
                curl,
                response,
                result.Exchange?.Response?.Status);
        }
    }

    /// <summary>The findings in report order: by the plan index of the probe that first met them.</summary>
    public IReadOnlyList<ReportedFinding> Findings => _findings.Values.OrderBy(f => f.ProbeIndex).ToList();

    /// <summary>True when the check passed on that probe and step in this run (see <see cref="Fingerprint.Key"/>).</summary>
    public bool Passed(string key) => _passed.Contains(Hash(key));

    // 64-bit FNV-1a: a run of a large API passes tens of thousands of checks; their keys are kept as numbers.
    private static ulong Hash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private (string Curl, string? Response) Evidence(Exchange exchange, Dictionary<Exchange, (string, string?)> cache)
    {
        if (!cache.TryGetValue(exchange, out var evidence))
        {
            evidence = (CurlCommand.For(exchange.Request, _redactor), exchange.Response is { } response ? ResponseSummary.For(response, _redactor) : exchange.Error is { } error ? "no response: " + _redactor.Text(error) : null);
            cache[exchange] = evidence;
        }

        return evidence;
    }
}
