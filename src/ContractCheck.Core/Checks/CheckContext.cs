using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Rules;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;
using Microsoft.OpenApi;

namespace ContractCheck.Core.Checks;

/// <summary>What a check sees: one exchange that has a response, with its probe, operation, spec and rules.</summary>
public sealed class CheckContext
{
    private SchemaValidator? _responseValidator;

    public CheckContext(Exchange exchange, ApiSpec spec, RuleSet rules, ErrorShape? errorShape = null)
    {
        ErrorShape = errorShape ?? ErrorShape.None;
        Exchange = exchange;
        Response = exchange.Response ?? throw new ArgumentException("checks judge exchanges that have a response", nameof(exchange));
        Spec = spec;
        Rules = rules;
        (DocumentedKey, Documented) = ResponseLookup.Find(Operation, Response.Status);
    }

    public Exchange Exchange { get; }

    public ReceivedResponse Response { get; }

    public Probe Probe => Exchange.Probe;

    /// <summary>The operation the request called: the probe's, or a lifecycle step's own.</summary>
    public ApiOperation Operation => Exchange.Planned.Operation ?? Exchange.Probe.Operation;

    public ApiSpec Spec { get; }

    public RuleSet Rules { get; }

    /// <summary>The team's error shape (rules' <c>errors</c>), resolved against the spec.</summary>
    public ErrorShape ErrorShape { get; }

    /// <summary>The response key of the spec that covers this status ("404", "4XX", "default"), or null.</summary>
    public string? DocumentedKey { get; }

    /// <summary>The spec's response object for this status, or null when none covers it.</summary>
    public IOpenApiResponse? Documented { get; }

    /// <summary>The validator for response bodies and headers: readOnly allowed, writeOnly not expected, formats as the rules say.</summary>
    public SchemaValidator ResponseValidator => _responseValidator ??= new SchemaValidator(Spec.Document, new ValidationOptions(ValidationDirection.Response, Rules.Conventions.ValidateFormats));
}
