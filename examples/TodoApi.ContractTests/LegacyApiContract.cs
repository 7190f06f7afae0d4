extern alias legacy;

using ContractCheck.NUnit;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TodoApi.ContractTests;

/// <summary>
/// The same contract against examples/LegacyApi, the Todo API implemented with every classic mistake. Its cases are
/// expected to fail, so this fixture does not list them as tests of its own (that would turn CI red by design): it
/// drives them and asserts that each planted mistake fails the case of the probe that must catch it, with the message
/// that names it, and that what the Legacy API does right passes. So this example cannot rot into always green.
/// </summary>
[TestFixture]
public class LegacyApiContract
{
    static readonly ContractSuite Suite = ContractSuite
        .FromSpec("openapi.yaml")
        .WithRules("contractcheck.yaml")
        .Against(() => new WebApplicationFactory<legacy::Program>());

    [TestCase("POST /todos: missing-auth", "expected 401, got 403", TestName = "a missing token answered 403, not 401")]
    [TestCase("POST /todos: invalid-auth", "AUTH BYPASS", TestName = "any token is accepted")]
    [TestCase("POST /todos: duplicate-create", "expected 409, got 201", TestName = "duplicates are accepted")]
    [TestCase("POST /todos: bad-json", "expected 400, got 500", TestName = "broken JSON crashes into a 500")]
    [TestCase("POST /todos: bad-json", "no-leak: Internal details leaked in an error", TestName = "the 500 shows the stack trace")]
    [TestCase("POST /todos: wrong-content-type", "expected 415, got 201", TestName = "any Content-Type is read as JSON")]
    [TestCase("POST /todos: invalid-body (required property 'title' removed)", "200 success status, but the body says \"success\": false", TestName = "a validation error answers 200 with success false")]
    [TestCase("POST /todos: lifecycle", "Location does not resolve", TestName = "the Location points nowhere")]
    [TestCase("POST /todos: lifecycle", "USE AFTER DELETE", TestName = "a deleted todo stays readable")]
    [TestCase("GET /todos/{id}: not-found", "expected 404 or 410, got 200", TestName = "an unknown id answers 200")]
    [TestCase("DELETE /todos/{id}: happy-path", "expected 204, got 200", TestName = "DELETE answers 200 with a body")]
    [TestCase("POST /health: wrong-method", "expected 405, got 404", TestName = "a wrong method answers 404, not 405")]
    [TestCase("GET /todos: burst (150 in 2 s)", "retry-after: Throttled without Retry-After", TestName = "the list throttles without Retry-After")]
    [TestCase("GET /todos: burst (150 in 2 s)", "no-errors-under-load: Errors under load", TestName = "the list fails under load")]
    [TestCase("GET /health: happy-path (without credentials)", "expected 200, got 403", TestName = "a public operation demands a token")]
    [TestCase("GET /todos/{id}: invalid-path-param (id is not an integer: abc)", "expected 400 or 404 or 422, got 200", TestName = "an id that is no integer answers the list")]
    [TestCase("GET /tags/{id}: invalid-path-param (id is not a valid uuid: not-a-uuid)", "not-cacheable-5xx: Cacheable server error", TestName = "an id that is no UUID crashes into a cacheable 500")]
    [TestCase("POST /tags: duplicate-create (the id of an existing item)", "expected 409, got 500", TestName = "creating an id that exists crashes")]
    [TestCase("POST /tags: duplicate-create (the id of an existing item)", "no-leak: Internal details leaked in an error", TestName = "the crash shows its traceback as JSON")]
    [TestCase("GET /tags/{id}: not-found", "problem-details: Malformed problem details", TestName = "a problem document's status is not the response's")]
    [TestCase("GET /todos: happy-path", "rate-limit-fields: Malformed rate-limit fields", TestName = "the RateLimit fields say more remains than the quota")]
    [TestCase("GET /stats: happy-path (without credentials)", "deprecation: Deprecation not announced", TestName = "a deprecated operation does not say so")]
    public void PlantedMistake_FailsTheCaseOfItsProbe(string name, string message)
    {
        var failure = Assert.ThrowsAsync<AssertionException>(() => Case(name).AssertAsync(), $"{name} passed, but it must catch the mistake");
        Assert.That(failure!.Message, Does.Contain(message));
    }

    [TestCase("GET /todos/{id}: happy-path")]
    [TestCase("GET /tags/{id}: happy-path")]
    public void WhatItDoesRight_Passes(string name) => Assert.DoesNotThrowAsync(() => Case(name).AssertAsync());

    static ContractCase Case(string name) =>
        Suite.Cases().SingleOrDefault(c => c.Name == name)
        ?? throw new AssertionException($"no case '{name}'; the suite has: {string.Join(", ", Suite.Cases().Select(c => c.Name))}");
}
