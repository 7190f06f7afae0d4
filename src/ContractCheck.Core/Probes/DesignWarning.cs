using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>A place where the spec itself contradicts a design table row: reported apart, failing only under <c>strict: true</c>.</summary>
public sealed record DesignWarning(ApiOperation Operation, string Message, string Table);
