using ContractCheck.Core.Execution;
using ContractCheck.Core.Probes;
using ContractCheck.Core.Spec;

namespace ContractCheck.Core.Checks;

/// <summary>
/// The answers of the request probes that say nothing about the claim their probe tests (part of
/// <see cref="Judge.Unjudged"/>): an OPTIONS that is not answered 2xx has no Allow to judge; a 2xx to an unacceptable
/// Accept in a declared type disregards Accept as RFC 9110 §12.5.1 allows; a conditional GET whose resource changed in
/// between, or whose change came within the second of a Last-Modified date, cannot show whether the condition held.
/// </summary>
internal static class Inconclusive
{
    public static string? Why(Exchange exchange) => exchange.Probe.Kind switch
    {
        OptionsAllowProbe.KindId => Options(exchange.Response!),
        UnacceptableAcceptProbe.KindId => Accept(exchange, exchange.Response!),
        ConditionalGetProbe.KindId when exchange.Planned.Step == Steps.Revalidate => Conditional(exchange, exchange.Response!),
        _ => null,
    };

    private static string? Options(ReceivedResponse response) =>
        response.Status is >= 200 and < 300 ? null
            : $"OPTIONS answered {response.Status}: only a successful OPTIONS says which methods the resource has (RFC 9110 §9.3.7); nothing for options-allow to judge";

    private static string? Accept(Exchange exchange, ReceivedResponse response)
    {
        if (response.Status is < 200 or >= 300 || exchange.Expected?.Allows(response.Status) != true)
        {
            return null;
        }

        var operation = exchange.Planned.Operation ?? exchange.Probe.Operation;
        var declared = ResponseLookup.Find(operation, response.Status).Response?.Content?.Keys ?? [];
        var type = response.ContentType;
        var accept = exchange.Request.Headers.FirstOrDefault(h => h.Key.Equals("Accept", StringComparison.OrdinalIgnoreCase)).Value;
        return type is null || declared.Any(d => MediaTypes.Matches(type, d))
            ? $"Accept disregarded: asked for {accept}, {operation.Key} answered {response.Status}{(type is null ? "" : " in " + MediaTypes.Essence(type))} as if Accept were not sent, which RFC 9110 §12.5.1 allows where the spec documents no 406 (probes.unacceptable-accept.strict: true requires 406)"
            : null;
    }

    private static string? Conditional(Exchange exchange, ReceivedResponse response)
    {
        if (exchange.Earlier(Steps.Reference)?.Response is not { } reference)
        {
            return null;
        }

        // A 200 to If-None-Match is judged only where the resource is what the reference showed.
        if (exchange.Probe.Label is null && response.Status is >= 200 and < 300 && !Representation.Same(reference, response))
        {
            return $"{exchange.Request.Url.AbsolutePath} changed between the two GETs ({Describe(reference)}, then {Describe(response)}): nothing to say about the condition";
        }

        // Last-Modified counts seconds: a change within the second it names leaves the date as it was (RFC 9110 §8.8.2).
        if (response.Status == 304 && !exchange.Request.Headers.Any(h => h.Key.Equals("If-None-Match", StringComparison.OrdinalIgnoreCase))
            && HttpDate.Parse(reference.Header("Last-Modified")) is { } modified
            && exchange.Earlier(Steps.Change)?.Response is { } change && !(HttpDate.Parse(change.Header("Date")) > modified))
        {
            return $"the change came within the second of Last-Modified ({reference.Header("Last-Modified")}): a date of one-second resolution cannot show it, so the 304 is not judged";
        }

        return null;
    }

    private static string Describe(ReceivedResponse response) =>
        response.Header("ETag") is { } tag ? "ETag " + tag : $"{response.Body.Length} bytes";
}
