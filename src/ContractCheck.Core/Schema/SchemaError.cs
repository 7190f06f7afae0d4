namespace ContractCheck.Core.Schema;

/// <summary>
/// One way an instance breaks a schema: where in the instance (a JSON pointer, shown as
/// <c>$.items[3].price</c>), which schema keyword, and a plain message.
/// </summary>
public sealed record SchemaError(string InstancePointer, string SchemaLocation, string Message)
{
    /// <summary>The instance place as a JSON path: <c>$.items[3].price</c>.</summary>
    public string InstancePath => InstancePaths.ToJsonPath(InstancePointer);

    public override string ToString() => $"{InstancePath}: {Message}";
}
