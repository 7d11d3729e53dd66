using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

public class GarbagePacerTests
{
    // What this thread allocates is counted per thread, so other tests running meanwhile cannot disturb these.
    private static List<byte[]> Allocate(int megabytes) =>
        Enumerable.Range(0, megabytes * 32).Select(_ => new byte[32 * 1024]).ToList(); // below the large-object threshold

    [Test]
    public void Collects_once_the_thread_has_allocated_its_budget_and_then_counts_afresh()
    {
        var collections = 0;
        var pacer = new GarbagePacer(budgetBytes: 1 << 20, () => collections++);

        pacer.Tick();
        Assert.That(collections, Is.Zero, "nothing allocated yet");
        var junk = Allocate(2);
        pacer.Tick();
        Assert.That(collections, Is.EqualTo(1));
        pacer.Tick();
        Assert.That(collections, Is.EqualTo(1), "the budget starts again after a collection");
        GC.KeepAlive(junk);
    }

    [Test]
    public void Does_not_collect_before_the_budget_is_spent()
    {
        var collections = 0;
        var pacer = new GarbagePacer(budgetBytes: 64L << 20, () => collections++);
        var junk = Allocate(2);
        for (var i = 0; i < 1000; i++) pacer.Tick();
        Assert.That(collections, Is.Zero);
        GC.KeepAlive(junk);
    }

    [Test]
    public void By_default_it_runs_a_gen0_collection()
    {
        var pacer = new GarbagePacer(budgetBytes: 1 << 20);
        var junk = Allocate(2);
        var before = GC.CollectionCount(0);
        pacer.Tick();
        Assert.That(GC.CollectionCount(0), Is.GreaterThan(before));
        GC.KeepAlive(junk);
    }
}
