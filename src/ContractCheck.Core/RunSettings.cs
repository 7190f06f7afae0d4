using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;

namespace ContractCheck.Core;

/// <summary>Everything one run needs: where the spec and rules come from, the target, and the bounds.</summary>
public sealed record RunSettings
{
    /// <summary>The spec's path or URL (its name in messages when <see cref="SpecText"/> is given).</summary>
    public required string Spec { get; init; }

    /// <summary>The spec's text, when it does not come from <see cref="Spec"/> (the demo's bundled spec).</summary>
    public string? SpecText { get; init; }

    /// <summary>Path of the rules file; null for the built-in rules only.</summary>
    public string? Rules { get; init; }

    /// <summary>The rules file's text, when it does not come from <see cref="Rules"/>.</summary>
    public string? RulesText { get; init; }

    public required Uri BaseUrl { get; init; }

    public PlanOptions Plan { get; init; } = PlanOptions.Default;

    public ExecutorOptions? Executor { get; init; }

    /// <summary>Send through this handler instead of sockets: an ASP.NET Core test server's, in process, no port opened.</summary>
    public HttpMessageHandler? Handler { get; init; }

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Keep the spec's line numbers for a JSON spec too (SARIF points at each operation's line; YAML specs always keep them).</summary>
    public bool SpecLines { get; init; }

    /// <summary>The known findings (<c>--baseline</c>): the run fails only on findings not in it. Null: every finding fails.</summary>
    public Reporting.Baseline? Baseline { get; init; }

    /// <summary>The percent of the plan's operations that must be exercised by a probe (<c>--min-coverage</c>), or null.</summary>
    public double? MinCoverage { get; init; }

    /// <summary>The name of the rules file beside a spec (where <c>contractcheck init</c> writes it).</summary>
    public const string RulesFileName = "contractcheck.yaml";

    /// <summary>The rules file used when none is named: <c>contractcheck.yaml</c> beside the spec file, if there is one.</summary>
    public static string? RulesBeside(string spec)
    {
        if (spec.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || spec.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(spec)) ?? ".", RulesFileName);
        return File.Exists(beside) ? beside : null;
    }
}
