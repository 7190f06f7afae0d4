using ContractCheck.Core.Probes;
using Spectre.Console;

namespace ContractCheck.Core.Reporting;

/// <summary>Prints a plan for <c>--dry-run</c>: every request that would be sent, secrets masked, nothing sent.</summary>
public static class PlanPrinter
{
    public static void Print(Plan plan, Spec.ApiSpec spec, Redactor redactor, IAnsiConsole console)
    {
        console.Line($"[bold]Plan[/] for {Markup.Escape(spec.Title)} ({Markup.Escape(spec.Source)}, {(spec.IsSwagger2 ? "Swagger" : "OpenAPI")} {Markup.Escape(spec.Version)}): {Markup.Escape(Counts(plan, spec))}");
        if (EmptyShard(plan) is { } empty)
        {
            console.Line($"[grey]{Markup.Escape(empty)}[/]");
        }

        foreach (var token in plan.Tokens)
        {
            console.Line($"  [grey]token[/]            {Markup.Escape(TokenLine(token))}");
        }

        foreach (var probe in plan.Probes)
        {
            if (probe.SkipReason is { } reason)
            {
                console.Line($"  [yellow]skip[/] {Markup.Escape(probe.Name)}: {Markup.Escape(reason)}");
                continue;
            }

            foreach (var request in probe.Requests)
            {
                var query = request.Query.Count == 0 ? "" : "?" + string.Join("&", request.Query.Select(q => q.Key + "=" + (redactor.IsSensitiveName(q.Key) ? Redactor.Mask : redactor.Text(q.Value))));
                var body = request.Body is { Length: > 0 } b ? $" [grey]({b.Length} bytes {Markup.Escape(request.ContentType ?? "")})[/]" : "";
                var step = request.Step is { } s ? $" [grey]{Markup.Escape(s)}[/]" : "";
                var expected = request.IsReference ? " [grey]→ not judged (a reference)[/]"
                    : request.JudgedBy is { } only ? $" [grey]→ {Markup.Escape(string.Join(", ", only))}[/]"
                    : (request.Expect ?? probe.Expected) is { } e ? $" [grey]→ expect {Markup.Escape(e.ToString())}[/]" : "";
                var identity = request.As == Rules.IdentityNames.Main || request.Step == "as-" + request.As ? "" : $" [grey]as {Markup.Escape(request.As)}[/]";
                var target = request.FollowLink is { } relation ? $"(the rel=\"{relation}\" link of the page before)" : redactor.Text(request.PreviewPath + query);
                console.Line($"  {Markup.Escape(probe.DisplayName),-16} {request.Method,-7} {Markup.Escape(target)}{body}{step}{identity}{expected}");
            }
        }

        if (plan.SkippedOperations.Count > 0)
        {
            console.Line($"[grey]{plan.SkippedOperations.Count} operations left out by --include/--exclude or skip[/]");
        }

        console.Line("[grey]dry run: nothing was sent[/]");
    }

    // Before the first probe: where each identity's token comes from and how it is sent (the token itself is unknown yet).
    private static string TokenLine(TokenFetch fetch)
    {
        var from = fetch.Source switch
        {
            Rules.LoginSettings login => $"{fetch.Login?.Method} {fetch.Login?.PreviewPath}, the token at {login.Token} of its answer",
            Rules.OAuth2Settings => $"POST {fetch.TokenUrl} (client credentials, RFC 6749 §4.4)",
            Rules.CommandSettings => "the command's output (run on this machine)",
            _ => "?",
        };
        return $"{fetch.Identity} ({fetch.RulesPath}): {from}; sent as {fetch.Source.HeaderName}: {fetch.Source.HeaderValue(Redactor.Mask)}";
    }

    /// <summary>"6 operations, 47 probes, 203 requests, seed 42"; for a shard "shard 2/4: 3 of 6 operations, …".</summary>
    public static string Counts(Plan plan, Spec.ApiSpec spec) =>
        (plan.Shard is { } shard ? $"shard {shard}: {plan.Operations.Count} of {spec.Operations.Count} operations" : $"{spec.Operations.Count} operations")
        + $", {plan.Probes.Count} probes, {plan.RequestCount} requests, seed {plan.Seed}";

    /// <summary>Why a shard has nothing to check (fewer independent groups of operations than shards), or null.</summary>
    public static string? EmptyShard(Plan plan) => plan.Shard is { } shard && plan.Probes.Count == 0
        ? $"shard {shard} has nothing to check: the plan's operations depend on each other in fewer groups than {shard.Count} shards (a create and everything that uses what it made stay in one shard); use fewer shards"
        : null;
}
