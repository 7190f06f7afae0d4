using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Probes;

/// <summary>
/// A place where the spec itself contradicts a design table row (or lacks what the run needs): reported apart,
/// failing only under <c>strict: true</c>. <see cref="Operation"/> is null for a warning about the whole spec.
/// </summary>
public sealed record DesignWarning(ApiOperation? Operation, string Message, string Table)
{
    /// <summary>"POST /todos (createTodo)", or "the spec" for a warning about the whole document.</summary>
    public string Place => Operation?.DisplayName ?? "the spec";
}
