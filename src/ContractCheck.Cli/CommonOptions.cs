using System.CommandLine;
using ContractCheck.Core.Reporting;

namespace ContractCheck.Cli;

/// <summary>Options shared by <c>run</c> and <c>demo</c>: report files, filters, seed, bounds.</summary>
public sealed class CommonOptions
{
    /// <summary>One option per file report (--junit, --har, …), made from <see cref="ReportFormats.All"/>.</summary>
    public IReadOnlyList<(ReportFormat Format, Option<string?> Option)> Reports { get; } =
        ReportFormats.All.Select(f => (f, new Option<string?>(f.Option) { Description = f.Description, HelpName = "path" })).ToList();

    public Option<string?> Output { get; } = new Option<string?>("--output") { Description = "How much the console shows: full (every probe), failures (only failing probes with their details, design warnings and the summary), summary (only the summary). Default: full on a terminal; failures when the output is redirected and CI is set.", HelpName = "full|failures|summary" }.AcceptOnlyFromAmong("full", "failures", "summary");

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Same as --output failures." };

    public Option<string?> Baseline { get; } = new("--baseline") { Description = "A baseline file of known findings (from 'contractcheck baseline' or --update-baseline): the run fails only on findings not in it; known ones are reported as known, those whose check now passes as fixed.", HelpName = "file" };

    public Option<bool> UpdateBaseline { get; } = new("--update-baseline") { Description = $"Write this run's findings to the --baseline file (default {Core.Reporting.Baseline.DefaultFile}), keeping the entries this run did not check (other shards, --include); the findings then do not fail the run." };

    public Option<double?> MinCoverage { get; } = new("--min-coverage") { Description = "Fail the run (exit 1) when fewer than this percent of the plan's operations were exercised by at least one probe that was sent and judged (not skipped). The coverage table ends the report.", HelpName = "percent" };

    public Option<string[]> Include { get; } = new("--include") { Description = "Check only operations matching this selector: an operationId, \"GET /items/{id}\", or a glob such as \"* /admin/**\" or \"list*\". Repeatable.", HelpName = "selector" };

    public Option<string[]> Exclude { get; } = new("--exclude") { Description = "Leave out operations matching this selector (same forms as --include). Repeatable.", HelpName = "selector" };

    public Option<int?> Seed { get; } = new("--seed") { Description = "Fix every generated value: the same seed sends the same requests. Default: a new random seed, printed in the report.", HelpName = "number" };

    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds a request may take, whole answer included.", DefaultValueFactory = _ => 30, HelpName = "seconds" };

    public Option<int?> MaxRequests { get; } = new("--max-requests") { Description = "Hard ceiling on requests sent in the run. Default: twice what the plan needs, at least 100.", HelpName = "count" };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print the planned requests (secrets masked) and send nothing." };

    public Option<bool> Insecure { get; } = new("--insecure") { Description = "Accept any TLS certificate (self-signed test servers). Never against a server you do not control." };

    public Option<int> MaxBodyMb { get; } = new("--max-body-mb") { Description = "Megabytes of a response body read; a longer body is cut there and reported.", DefaultValueFactory = _ => 10, HelpName = "megabytes" };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Show skipped checks, what was skipped grouped by reason (what to add to the rules file), and every spec warning." };

    public Option<int> Workers { get; } = new("--workers") { Description = "Independent lanes of the plan sent side by side (a lifecycle chain, and writes to one item, stay in order). Reports are the same for any number.", DefaultValueFactory = _ => 4, HelpName = "count" };

    public Option<bool> ReadOnly { get; } = new("--read-only") { Description = "For production and shared servers: send only GET, HEAD and OPTIONS; every other probe is listed as skipped. No bursts unless --bursts." };

    public Option<bool> Bursts { get; } = new("--bursts") { Description = "With --read-only: still send the bursts of the rules' rateLimit entries (GET operations only)." };

    public Option<bool> Stateless { get; } = new("--stateless") { Description = "The target keeps nothing it is sent (a mock): skip not-found, duplicate-create and lifecycle. Same as conventions.stateful: false." };

    public Option<string[]> AllowHost { get; } = new("--allow-host") { Description = "A host besides the base URL's that may receive credentials: the OAuth 2.0 token URL of the spec (auth.oauth2) when it is elsewhere. Nothing else is ever sent there. Repeatable.", HelpName = "host" };

    public Option<string?> Shard { get; } = new("--shard") { Description = "Check only part i of n of the plan, for a CI matrix of n jobs: --shard 1/4 in the first job … --shard 4/4 in the last. The parts are split by operation (a create and everything that uses what it made stay together), are disjoint and together are the whole plan; each part deletes what it created. Give every job the same --seed to send the values of one whole run.", HelpName = "i/n" };

    public void AddTo(Command command)
    {
        foreach (var option in Reports.Select(r => (Option)r.Option).Concat([Output, Quiet, Baseline, UpdateBaseline, MinCoverage, Include, Exclude, Shard, Seed, Timeout, MaxRequests, MaxBodyMb, Workers, ReadOnly, Bursts, Stateless, AllowHost, Insecure, DryRun, Verbose]))
        {
            command.Add(option);
        }
    }
}
