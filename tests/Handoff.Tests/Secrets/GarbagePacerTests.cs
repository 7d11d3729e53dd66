using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

public class GarbagePacerTests
{
    [Test]
    public void Collects_gen0_once_the_thread_has_allocated_its_budget()
    {
        var pacer = new GarbagePacer(budgetBytes: 1 << 20);
        var junk = new List<byte[]>();
        for (var i = 0; i < 64; i++) junk.Add(new byte[32 * 1024]); // 2 MB, below the large-object threshold
        var before = GC.CollectionCount(0);
        pacer.Tick();
        Assert.That(GC.CollectionCount(0), Is.GreaterThan(before));
        GC.KeepAlive(junk);
    }

    [Test]
    public void Does_not_collect_before_the_budget_is_spent()
    {
        var pacer = new GarbagePacer(budgetBytes: 1L << 40);
        var before = GC.CollectionCount(0);
        for (var i = 0; i < 1000; i++) pacer.Tick();
        Assert.That(GC.CollectionCount(0), Is.EqualTo(before));
    }
}
