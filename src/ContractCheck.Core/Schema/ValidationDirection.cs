namespace ContractCheck.Core.Schema;

/// <summary>Which way a body travels: readOnly and writeOnly properties mean different things each way.</summary>
public enum ValidationDirection
{
    /// <summary>Plain JSON Schema: readOnly and writeOnly are annotations only.</summary>
    None,

    /// <summary>A request body: readOnly properties are not required.</summary>
    Request,

    /// <summary>A response body: writeOnly properties are not required, and sending one is an error.</summary>
    Response,
}
