using ContractCheck.Core.Execution;

namespace ContractCheck.Core.Tests.Execution;

/// <summary>When the run takes the target for dead: three misses in a row, in time.</summary>
public class LivenessTests
{
    private static readonly SentRequest Request = new("POST", new Uri("http://127.0.0.1:1/v3/watch"), [], null);

    private static TransportResult Miss(double secondsInFlight) => new(null, "no complete answer within 1 s (--timeout)", TimeSpan.FromSeconds(secondsInFlight), NoAnswer: true);

    [Test]
    public void ThreeMissesOneAfterAnother_StopTheRun()
    {
        using var liveness = new Liveness(3);

        liveness.Observe(Request, Miss(0));
        liveness.Observe(Request, Miss(0));
        Assert.That(liveness.Stopped.IsCancellationRequested, Is.False);
        liveness.Observe(Request, Miss(0));

        Assert.That(liveness.Stopped.IsCancellationRequested, Is.True);
        Assert.That(liveness.Reason, Does.StartWith("the API stopped answering (3 requests in a row got no answer"));
    }

    [Test]
    public void MissesOfRequestsInFlightTogether_CountOnce()
    {
        using var liveness = new Liveness(3);

        // Three streams sent at the same moment by three workers, all timing out: one silence.
        liveness.Observe(Request, Miss(60));
        liveness.Observe(Request, Miss(60));
        liveness.Observe(Request, Miss(60));

        Assert.That(liveness.Stopped.IsCancellationRequested, Is.False);
    }

    [Test]
    public void AnAnswerBetweenMisses_StartsTheCountAgain()
    {
        using var liveness = new Liveness(3);
        var answer = new TransportResult(new ReceivedResponse(200, "OK", "1.1", [], [], false), null, TimeSpan.Zero);

        liveness.Observe(Request, Miss(0));
        liveness.Observe(Request, Miss(0));
        liveness.Observe(Request, answer);
        liveness.Observe(Request, Miss(0));
        liveness.Observe(Request, Miss(0));

        Assert.That(liveness.Stopped.IsCancellationRequested, Is.False);
    }
}
