using Handoff.Core;
using Handoff.Core.Following;
using Handoff.Core.Handoffs;
using Handoff.Tests.TestSupport;

namespace Handoff.Tests.Following;

public class SessionReferenceTests
{
    [TestCase("devin-abc123", "devin-abc123")]
    [TestCase("abc123", "devin-abc123")]
    [TestCase("https://app.devin.ai/sessions/abc123", "devin-abc123")]
    [TestCase("https://app.devin.ai/sessions/devin-abc123/", "devin-abc123")]
    [TestCase("  devin-abc123 ", "devin-abc123")]
    public void Explicit_references(string reference, string expected) =>
        Assert.That(SessionReference.Resolve(reference, Path.GetTempPath()), Is.EqualTo(expected));

    [TestCase("")]
    [TestCase("two words")]
    public void Bad_references_are_usage_errors(string reference)
    {
        var e = Assert.Throws<HandoffException>(() => SessionReference.Resolve(reference, Path.GetTempPath()));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Usage));
    }

    [Test]
    public void Last_is_the_session_recorded_for_the_repository_even_from_a_subfolder()
    {
        using var repo = TempGitRepo.Init();
        var gitDir = Path.Combine(repo.Path, ".git");
        new HandoffStore(gitDir).RecordSession("devin-fromstore");
        var sub = Directory.CreateDirectory(Path.Combine(repo.Path, "src", "deep")).FullName;

        Assert.That(SessionReference.Resolve("last", sub), Is.EqualTo("devin-fromstore"));
        Assert.That(SessionReference.Resolve("LAST", repo.Path), Is.EqualTo("devin-fromstore"));
    }

    [Test]
    public void Last_without_a_recorded_session_is_not_found()
    {
        using var repo = TempGitRepo.Init();
        var e = Assert.Throws<HandoffException>(() => SessionReference.Resolve("last", repo.Path));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.NotFound));
        Assert.That(e.Message, Does.Contain("create"));
    }

    [Test]
    public void Last_outside_a_repository_is_a_usage_error()
    {
        var dir = Directory.CreateTempSubdirectory("dh-norepo-").FullName;
        try
        {
            var e = Assert.Throws<HandoffException>(() => SessionReference.Resolve("last", dir));
            Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Usage));
        }
        finally { Directory.Delete(dir, true); }
    }
}
