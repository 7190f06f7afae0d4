using System.Text.Json.Nodes;
using ContractCheck.Core.Schema;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Tests.Schema;

/// <summary>OpenAPI semantics the JSON Schema Test Suite does not cover: nullable, discriminator, readOnly / writeOnly, messages.</summary>
public class SchemaValidatorTests
{
    private static readonly ApiSpec Spec = new SpecLoader().Load("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            Order:
              type: object
              required: [id, items, password]
              properties:
                id: {type: integer, readOnly: true}
                password: {type: string, writeOnly: true}
                note: {type: string, nullable: true}
                items:
                  type: array
                  items:
                    type: object
                    required: [price]
                    properties:
                      price: {type: number, minimum: 0}
            Pet:
              type: object
              required: [kind]
              discriminator:
                propertyName: kind
                mapping: {cat: '#/components/schemas/Cat'}
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
            Cat:
              type: object
              required: [kind, lives]
              properties: {kind: {type: string}, lives: {type: integer}}
            Dog:
              type: object
              required: [kind, barks]
              properties: {kind: {type: string}, barks: {type: boolean}}
            Tree:
              type: object
              properties:
                children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
                name: {type: string, maxLength: 3}
            Ids:
              type: array
              uniqueItems: true
              items: {type: number}
        """, "v.yaml");

    private static IReadOnlyList<SchemaError> Validate(string schema, string json, ValidationDirection direction = ValidationDirection.None) =>
        new SchemaValidator(Spec.Document, new ValidationOptions(direction)).Validate(JsonNode.Parse(json), Spec.Document.Components!.Schemas![schema], "#/components/schemas/" + schema);

    [Test]
    public void Validate_UniqueItems_LongArraysCompareNumbersByValue()
    {
        // Past 32 items uniqueness is decided by hashing a canonical text: 1, 10 and 40 must stay apart from 1, 4; 1.50 and 1.5 must not.
        var distinct = "[" + string.Join(",", Enumerable.Range(1, 40)) + "]";
        var repeated = "[" + string.Join(",", Enumerable.Range(100, 40)) + ",1.50,1.5]";

        Assert.That(Validate("Ids", distinct), Is.Empty);
        Assert.That(Validate("Ids", repeated).Select(e => e.Message), Is.EqualTo(new[] { "items 40 and 41 are equal" }));
    }

    [Test]
    public void Validate_NestedWrongType_NamesPathLocationAndReason()
    {
        var error = Validate("Order", "{\"id\":1,\"password\":\"x\",\"items\":[{\"price\":1},{\"price\":2},{\"price\":3},{\"price\":\"9.99\"}]}").Single();

        Assert.That(error.ToString(), Is.EqualTo("$.items[3].price: expected number, got string"));
        Assert.That(error.InstancePointer, Is.EqualTo("/items/3/price"));
        Assert.That(error.SchemaLocation, Is.EqualTo("#/components/schemas/Order/properties/items/items/properties/price/type"));
    }

    [Test]
    public void Validate_Nullable_AcceptsNull() =>
        Assert.That(Validate("Order", "{\"id\":1,\"password\":\"x\",\"items\":[],\"note\":null}"), Is.Empty);

    [Test]
    public void Validate_Response_WriteOnlyIsNotRequiredButMustNotBeSent()
    {
        Assert.That(Validate("Order", "{\"id\":1,\"items\":[]}", ValidationDirection.Response), Is.Empty);
        Assert.That(Validate("Order", "{\"id\":1,\"items\":[],\"password\":\"secret\"}", ValidationDirection.Response).Single().Message, Is.EqualTo("writeOnly property 'password' must not be in a response"));
    }

    [Test]
    public void Validate_Request_ReadOnlyIsNotRequired()
    {
        Assert.That(Validate("Order", "{\"password\":\"x\",\"items\":[]}", ValidationDirection.Request), Is.Empty);
        Assert.That(Validate("Order", "{\"password\":\"x\",\"items\":[]}").Single().Message, Is.EqualTo("missing required property 'id'"));
    }

    [Test]
    public void Validate_Discriminator_ChecksOnlyTheNamedBranch()
    {
        Assert.That(Validate("Pet", "{\"kind\":\"cat\",\"lives\":9}"), Is.Empty);
        Assert.That(Validate("Pet", "{\"kind\":\"Dog\",\"barks\":true}"), Is.Empty, "implicit mapping by schema name");
        Assert.That(Validate("Pet", "{\"kind\":\"cat\",\"barks\":true}").Single().ToString(), Is.EqualTo("$: missing required property 'lives'"));
        Assert.That(Validate("Pet", "{\"kind\":\"cow\"}").Single().ToString(), Is.EqualTo("$.kind: discriminator value 'cow' names none of cat"));
    }

    [Test]
    public void Validate_RecursiveSchema_FollowsTheReference()
    {
        var error = Validate("Tree", "{\"children\":[{\"children\":[{\"name\":\"toolong\"}]}]}").Single();

        Assert.That(error.ToString(), Is.EqualTo("$.children[0].children[0].name: \"toolong\" is longer than 3 characters"));
        Assert.That(error.SchemaLocation, Is.EqualTo("#/components/schemas/Tree/properties/name/maxLength"));
    }

    [TestCase("date-time", "2024-02-30T10:00:00Z", false)]
    [TestCase("date-time", "2024-02-29T10:00:00.123+01:00", true)]
    [TestCase("date", "2023-02-29", false)]
    [TestCase("uuid", "123e4567-e89b-12d3-a456-426614174000", true)]
    [TestCase("email", "a..b@example.com", false)]
    [TestCase("ipv4", "192.168.001.1", false)]
    [TestCase("uri", "/relative/path", false)]
    [TestCase("byte", "Y29udHJhY3Q=", true)]
    public void Formats_AreAsserted(string format, string value, bool valid) =>
        Assert.That(Formats.IsValidString(format, value), Is.EqualTo(valid));

    [Test]
    public void Validate_FormatsSwitchedOff_AreAnnotationsOnly()
    {
        var spec = new SpecLoader().Load("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    D: {type: string, format: date}\n", "f.yaml");
        var schema = spec.Document.Components!.Schemas!["D"];

        Assert.That(new SchemaValidator(spec.Document).IsValid(JsonValue.Create("soon"), schema), Is.False);
        Assert.That(new SchemaValidator(spec.Document, new ValidationOptions(AssertFormats: false)).IsValid(JsonValue.Create("soon"), schema), Is.True);
    }

    [Test]
    public void Pattern_UsesEcmaMeaningOfDigits()
    {
        Assert.That(EcmaRegex.Get("^\\d+$")!.IsMatch("١٢٣"), Is.False, "Arabic-Indic digits are not \\d in ECMA-262");
        Assert.That(EcmaRegex.Get("^abc$")!.IsMatch("abc\n"), Is.False, "$ does not match before a final newline");
    }
}
