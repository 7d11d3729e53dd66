using Handoff.Core.Handoffs;

namespace Handoff.Tests.Handoffs;

public class ThrottleGateTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Test]
    public async Task Open_gate_does_not_wait()
    {
        var gate = new ThrottleGate(new ManualTime());
        var wait = gate.WaitAsync(CancellationToken.None);
        Assert.That(wait.IsCompleted, Is.True);
        await wait;
    }

    [Test]
    public void A_pause_holds_every_caller_until_retry_after_and_the_longest_pause_wins()
    {
        var time = new ManualTime();
        var gate = new ThrottleGate(time);
        gate.Pause(TimeSpan.FromSeconds(5));
        gate.Pause(TimeSpan.FromSeconds(2));
        Assert.That(gate.Throttled, Is.EqualTo(2));
        using var cts = new CancellationTokenSource();
        var waiting = gate.WaitAsync(cts.Token);
        Assert.That(waiting.IsCompleted, Is.False);
        time.Now += TimeSpan.FromSeconds(5);
        Assert.That(gate.WaitAsync(CancellationToken.None).IsCompleted, Is.True, "a new caller passes once the pause is over");
        cts.Cancel();
        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Exit_code_of_a_fan_out()
    {
        FanOutOutcome Failed(int code) => new() { Task = "t", Error = new FanOutError("x", "m", code) };
        Assert.That(BatchSender.ExitCode([]), Is.Zero);
        Assert.That(BatchSender.ExitCode([Failed(4), Failed(4)]), Is.EqualTo(4));
        Assert.That(BatchSender.ExitCode([Failed(4), Failed(6)]), Is.EqualTo(1));
    }
}
