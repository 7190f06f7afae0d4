using ContractCheck.Core;
using ContractCheck.Core.Checks;
using ContractCheck.Core.Probes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContractCheck.NUnit;

/// <summary>
/// The contract as NUnit test cases: an OpenAPI spec and a rules file, checked against an ASP.NET Core app in process
/// (<see cref="Against{TEntryPoint}"/>: no port is opened), any <see cref="HttpMessageHandler"/>, or a URL.
/// <code>
/// static readonly ContractSuite Suite = ContractSuite
///     .FromSpec("openapi.yaml")
///     .WithRules("contractcheck.yaml")
///     .Against(() => new WebApplicationFactory&lt;Program&gt;());
///
/// [TestCaseSource(nameof(Cases))]
/// public Task Contract(ContractCase c) => c.AssertAsync();
///
/// static IEnumerable&lt;ContractCase&gt; Cases() => Suite.Cases();
/// </code>
/// A suite is immutable: each <c>With…</c> and <c>Against</c> returns a new one. Relative paths are read from the test
/// assembly's folder (copy the files there with <c>CopyToOutputDirectory</c>).
/// </summary>
public sealed class ContractSuite
{
    private readonly string _spec;
    private readonly string? _rules;
    private readonly Target? _target;
    private readonly int? _seed;
    private readonly Func<string, string?> _environment;
    private readonly Lazy<(SuiteRun? Run, ContractCheckException? Error)> _prepared;

    private ContractSuite(string spec, string? rules, Target? target, int? seed, Func<string, string?> environment)
    {
        _spec = spec;
        _rules = rules;
        _target = target;
        _seed = seed;
        _environment = environment;
        _prepared = new(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A suite for this OpenAPI (2.0, 3.0, 3.1, 3.2) document: a YAML or JSON file, or an http(s) URL.</summary>
    public static ContractSuite FromSpec(string path) => new(path, null, null, null, Environment.GetEnvironmentVariable);

    /// <summary>The rules file with your design tables. Without it: <c>contractcheck.yaml</c> beside the spec if there is one, else the built-in rules.</summary>
    public ContractSuite WithRules(string path) => new(_spec, path, _target, _seed, _environment);

    /// <summary>
    /// Check the app a <c>WebApplicationFactory</c> hosts, in process: no port is opened. The factory is made when the
    /// first case runs (not when NUnit lists the cases) and disposed after the run's clean-up.
    /// </summary>
    public ContractSuite Against<TEntryPoint>(Func<WebApplicationFactory<TEntryPoint>> factory)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(_spec, _rules, Target.Factory(factory), _seed, _environment);
    }

    /// <summary>Send through this handler (an ASP.NET Core <c>TestServer</c>'s <c>CreateHandler()</c>, for example); the caller owns it.</summary>
    public ContractSuite Against(HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new(_spec, _rules, Target.Handler(handler), _seed, _environment);
    }

    /// <summary>Check an API that runs at this http(s) URL, over sockets, as <c>contractcheck run --base-url</c> does.</summary>
    public ContractSuite Against(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"'{baseUrl}' is not an http(s) URL; write it in full, for example http://localhost:8080", nameof(baseUrl));
        }

        return new(_spec, _rules, Target.Url(baseUrl), _seed, _environment);
    }

    /// <summary>Fix every generated value: the same seed sends the same requests. Without it each run picks one, and a failure names it.</summary>
    public ContractSuite WithSeed(int seed) => new(_spec, _rules, _target, seed, _environment);

    /// <summary>Where <c>${VAR}</c> in the rules is read from (the process environment unless tests say otherwise).</summary>
    internal ContractSuite WithEnvironment(Func<string, string?> environment) => new(_spec, _rules, _target, _seed, environment);

    /// <summary>
    /// One test case per probe, named <c>METHOD /path: probe</c>. The spec and rules are loaded and the run planned on
    /// the first call (once per suite); nothing is sent until a case runs. A spec or rules file with mistakes gives one
    /// failing case that names the place and the fix.
    /// </summary>
    public IEnumerable<ContractCase> Cases() => _prepared.Value is { Run: { } run } ? run.Cases() : Failing(_prepared.Value.Error!);

    /// <summary>The planned run (null when the spec or rules could not be used): for tests.</summary>
    internal SuiteRun? Run => _prepared.Value.Run;

    private (SuiteRun?, ContractCheckException?) Prepare()
    {
        if (_target is null)
        {
            return (null, new ContractCheckException("the suite has no target", null,
                "add .Against(() => new WebApplicationFactory<Program>()), .Against(handler) or .Against(new Uri(\"http://localhost:8080\"))"));
        }

        var spec = FromTestFolder(_spec);
        try
        {
            var settings = new RunSettings
            {
                Spec = spec,
                Rules = _rules is null ? RunSettings.RulesBeside(spec) : FromTestFolder(_rules),
                BaseUrl = _target.BaseUrl,
                Plan = PlanOptions.Default with { Seed = _seed ?? PlanOptions.RandomSeed() },
                Environment = _environment,
            };
            return (SuiteRun.Prepare(settings, _target), null);
        }
        catch (ContractCheckException e)
        {
            return (null, e);
        }
    }

    // A spec or rules file that cannot be used: one case, failing with the located message and the fix.
    private IEnumerable<ContractCase> Failing(ContractCheckException e) =>
        [new ContractCase($"contract: {_spec}", () => Task.FromResult(new CaseVerdict(Outcome.Failed, e.Describe())))];

    private static string FromTestFolder(string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? path : Path.GetFullPath(path, AppContext.BaseDirectory);
}
