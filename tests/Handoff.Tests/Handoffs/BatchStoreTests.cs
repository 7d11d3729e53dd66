using Handoff.Core.Handoffs;

namespace Handoff.Tests.Handoffs;

public class BatchStoreTests
{
    private string _gitDir = null!;

    [SetUp]
    public void SetUp() => _gitDir = Directory.CreateTempSubdirectory("batch-store-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_gitDir, recursive: true);

    private static SavedHandoff Handoff(string token) => new() { ClientToken = token, Prompt = "Fix " + token, Title = "Fix " + token };

    private static FanOutOutcome Created(int index) => new() { Index = index, Task = $"task {index}", SessionId = $"devin-{index}" };

    [Test]
    public void Keeps_every_handoff_and_each_outcome_as_it_arrives_in_task_order()
    {
        var store = new BatchStore(_gitDir, "b1");
        store.Save([Handoff("a"), Handoff("b")], [new FanOutOutcome { Index = 3, Task = "task 3", Error = new FanOutError("usage", "empty", 2) }]);
        store.Record(Created(2));
        store.Record(Created(1));

        Assert.That(store.Path, Is.EqualTo(Path.Combine(_gitDir, "devin-handoff", "batches", "b1.json")));
        var expected = BatchStore.Serialize(new BatchStoreFile([Handoff("a"), Handoff("b")],
            [Created(1), Created(2), new FanOutOutcome { Index = 3, Task = "task 3", Error = new FanOutError("usage", "empty", 2) }]));
        Assert.That(File.ReadAllText(store.Path), Is.EqualTo(expected));
        Assert.That(expected, Does.Contain("\"session_id\": \"devin-1\"").And.Contain("\"client_token\": \"b\""));
    }

    [Test]
    public void A_failed_write_leaves_no_temp_file_beside_the_batch()
    {
        var store = new BatchStore(_gitDir, "b1");
        // The batch file's place is taken by a folder: the final rename fails after the temp file was written.
        Directory.CreateDirectory(store.Path);

        Assert.That(() => store.Save([Handoff("a")], []), Throws.InstanceOf<IOException>().Or.InstanceOf<UnauthorizedAccessException>());

        Assert.That(Directory.GetFiles(Path.GetDirectoryName(store.Path)!), Is.Empty, "no temp file is left beside the batch file");
    }
}
