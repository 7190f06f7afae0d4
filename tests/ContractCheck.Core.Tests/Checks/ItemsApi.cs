namespace ContractCheck.Core.Tests.Checks;

/// <summary>The spec of the small API the check tests run against (each test serves it well or badly).</summary>
public static class ItemsApi
{
    public const string Spec = """
        openapi: 3.0.3
        info: {title: Items, version: '1'}
        paths:
          /items:
            get:
              operationId: listItems
              responses:
                '200':
                  description: the items
                  content:
                    application/json:
                      schema: {type: array, items: {type: object}}
                '400':
                  description: bad query
                  content:
                    application/json:
                      schema: {type: object}
                '500':
                  description: broken
            post:
              operationId: createItem
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [name]
                      properties:
                        name: {type: string, example: widget}
              responses:
                '201':
                  description: created
                  content:
                    application/json:
                      schema: {type: object}
          /items/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer}}
            get:
              operationId: getItem
              responses:
                '200': {description: the item, content: {application/json: {schema: {type: object}}}}
                '404': {description: no such item, content: {application/json: {schema: {type: object}}}}
            delete:
              operationId: deleteItem
              responses:
                '204': {description: deleted}
        """;

    /// <summary>Built-in rules only (with the rules file present but empty).</summary>
    public const string Rules = "# built-in tables only\n";
}
