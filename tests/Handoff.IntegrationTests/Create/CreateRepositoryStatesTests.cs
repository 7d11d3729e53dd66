using System.Text;
using System.Text.Json;

namespace Handoff.IntegrationTests.Create;

/// <summary>`create` from every odd repository state, asserting on the request the fake API received.</summary>
public class CreateRepositoryStatesTests : CreateFixture
{
    private void CommitInitial()
    {
        Repo.WriteFile("src/auth.py", "def login():\n    return True\n");
        Repo.WriteFile("README.md", "# demo\n");
        Repo.Commit("initial");
    }

    [Test]
    public async Task From_a_subfolder_sends_repo_branch_head_and_untracked_content_and_prints_the_url()
    {
        CommitInitial();
        Repo.Run("remote", "add", "origin", "https://github.com/acme/widgets.git");
        Repo.WriteFile("src/deep/er/new_module.py", "UNTRACKED_MARKER = 1\n");
        var head = Repo.Run("rev-parse", "HEAD").Trim();

        var (result, prompt, body) = await CreateAndCapture(Repo.FullPath("src/deep/er"));

        Assert.That(prompt, Does.Contain("Fix the flaky auth test"));
        Assert.That(prompt, Does.Contain("github.com/acme/widgets"));
        Assert.That(prompt, Does.Contain("Branch: main"));
        Assert.That(prompt, Does.Contain(head));
        Assert.That(prompt, Does.Contain("+UNTRACKED_MARKER = 1"));
        var tags = body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.That(tags, Does.Contain("handoff"));
        Assert.That(tags.Any(t => t!.StartsWith("handoff-id:")), Is.True);
        using var output = JsonDocument.Parse(result.StandardOutput);
        Assert.That(output.RootElement.GetProperty("url").GetString(), Does.StartWith("https://"));
        Assert.That(output.RootElement.GetProperty("session_id").GetString(), Does.StartWith("devin-"));
        AssertNothingLocalOrSecretIn(prompt);
        AssertNothingLocalOrSecretIn(result.StandardOutput + result.StandardError);
    }

    [Test]
    public async Task Unborn_repository_works_and_sends_the_files()
    {
        Repo.WriteFile("first.txt", "first content\n");
        var (_, prompt, _) = await CreateAndCapture();
        Assert.That(prompt, Does.Contain("+first content"));
        Assert.That(prompt, Does.Not.Contain("Branch: HEAD"));
        Assert.That(prompt, Does.Contain("main"));
    }

    [Test]
    public async Task Detached_head_names_the_commit_never_HEAD()
    {
        CommitInitial();
        var first = Repo.Run("rev-parse", "HEAD").Trim();
        Repo.CommitFile("b.txt", "b\n");
        Repo.Run("checkout", "-q", "--detach", first);
        var (_, prompt, _) = await CreateAndCapture();
        Assert.That(prompt, Does.Contain("detached at"));
        Assert.That(prompt, Does.Contain(first));
        Assert.That(prompt, Does.Not.Contain("Branch: HEAD"));
    }

    [Test]
    public async Task No_remote_says_there_is_no_shareable_remote_and_warns()
    {
        CommitInitial();
        var (result, prompt, _) = await CreateAndCapture();
        Assert.That(prompt, Does.Contain("Repository: none shareable"));
        Assert.That(result.StandardError, Does.Contain("warning:"));
    }

    [Test]
    public async Task Local_path_remote_is_never_sent()
    {
        CommitInitial();
        var bare = Repo.CreateBareRemote();
        Repo.Run("push", "-q", "-u", "origin", "main");
        var (result, prompt, _) = await CreateAndCapture();
        Assert.That(prompt, Does.Not.Contain(bare));
        Assert.That(prompt, Does.Contain("Repository: none shareable"));
        Assert.That(result.StandardError, Does.Contain("local path"));
        AssertNothingLocalOrSecretIn(prompt);
    }

    [Test]
    public async Task Two_remotes_the_upstreams_remote_is_chosen_and_remote_flag_overrides()
    {
        CommitInitial();
        Repo.Run("remote", "add", "origin", "https://github.com/acme/origin-repo.git");
        Repo.Run("remote", "add", "fork", "git@gitlab.example.com:me/fork-repo.git");
        Repo.Run("update-ref", "refs/remotes/fork/main", "HEAD");
        Repo.Run("branch", "-q", "--set-upstream-to=fork/main", "main");
        var (_, prompt, _) = await CreateAndCapture();
        Assert.That(prompt, Does.Contain("gitlab.example.com/me/fork-repo"));
        Assert.That(prompt, Does.Not.Contain("origin-repo"));

        Fake.Reset();
        var (_, overridden, _) = await CreateAndCapture(null, "--remote", "origin");
        Assert.That(overridden, Does.Contain("github.com/acme/origin-repo"));
    }

    [TestCase("https://github.com/acme/widgets.git", "github.com/acme/widgets")]
    [TestCase("https://alice:s3cr3tPass@github.com/acme/widgets.git", "github.com/acme/widgets")]
    [TestCase("git@github.com:acme/widgets.git", "github.com/acme/widgets")]
    [TestCase("ssh://git@git.example.com:2222/acme/widgets.git", "git.example.com/acme/widgets")]
    [TestCase("https://gitlab.com/group/sub/widgets.git", "gitlab.com/group/sub/widgets")]
    [TestCase("https://dev.azure.com/org/project/_git/widgets", "dev.azure.com/org/project/_git/widgets")]
    [TestCase("https://org@dev.azure.com/org/project/_git/widgets", "dev.azure.com/org/project/_git/widgets")]
    [TestCase("git@ssh.dev.azure.com:v3/org/project/widgets", "dev.azure.com/org/project/_git/widgets")]
    [TestCase("https://bitbucket.org/team/widgets.git", "bitbucket.org/team/widgets")]
    [TestCase("https://ghe.corp.example/acme/widgets/", "ghe.corp.example/acme/widgets")]
    public async Task Every_remote_url_form_is_sent_as_host_and_path_without_credentials(string url, string expected)
    {
        CommitInitial();
        Repo.Run("remote", "add", "origin", url);
        var (_, prompt, _) = await CreateAndCapture();
        Assert.That(prompt, Does.Contain("Repository: " + expected));
        Assert.That(prompt, Does.Not.Contain("s3cr3tPass"));
        Assert.That(prompt, Does.Not.Contain("alice"));
        Assert.That(prompt, Does.Not.Contain(":2222"));
    }

    [Test]
    public async Task Branch_three_commits_ahead_sends_the_patches_and_warns()
    {
        CommitInitial();
        Repo.CreateBareRemote();
        Repo.Run("push", "-q", "-u", "origin", "main");
        var pushed = Repo.Run("rev-parse", "HEAD").Trim();
        for (var i = 1; i <= 3; i++) Repo.CommitFile($"feature{i}.txt", $"feature line {i}\n", $"Add feature {i}");
        // Give origin a shareable URL for the prompt while keeping the remote-tracking refs.
        Repo.Run("remote", "set-url", "origin", "https://github.com/acme/widgets.git");

        var (result, prompt, _) = await CreateAndCapture();
        for (var i = 1; i <= 3; i++)
        {
            Assert.That(prompt, Does.Contain($"Subject: [PATCH {i}/3] Add feature {i}"));
            Assert.That(prompt, Does.Contain($"+feature line {i}"));
        }
        Assert.That(prompt, Does.Contain("Base commit: " + pushed));
        Assert.That(result.StandardError, Does.Contain("3 commits"));
    }

    [Test]
    public async Task Branch_never_pushed_is_reported()
    {
        CommitInitial();
        Repo.Run("remote", "add", "origin", "https://github.com/acme/widgets.git");
        Repo.Run("checkout", "-q", "-b", "feature/new");
        var (_, prompt, _) = await CreateAndCapture();
        Assert.That(prompt, Does.Contain("feature/new"));
        Assert.That(prompt, Does.Contain("never pushed"));
    }

    [Test]
    public async Task Every_kind_of_working_change_arrives_intact()
    {
        Repo.WriteFile("staged.txt", "one\n");
        Repo.WriteFile("unstaged.txt", "one\n");
        Repo.WriteFile("deleted.txt", "bye\n");
        Repo.WriteFile("renamed-old.txt", string.Join("\n", Enumerable.Range(1, 20).Select(i => $"line {i}")) + "\n");
        Repo.WriteFile("crlf.txt", "a\r\nb\r\n");
        Repo.WriteFile("latin1.txt", Encoding.Latin1.GetBytes("caf\u00e9\n"));
        Repo.Commit("initial");

        Repo.WriteFile("staged.txt", "one\nstaged change\n");
        Repo.Run("add", "staged.txt");
        Repo.WriteFile("unstaged.txt", "one\nunstaged change\n");
        Repo.DeleteFile("deleted.txt");
        Repo.Run("mv", "renamed-old.txt", "renamed-new.txt");
        Repo.WriteFile("crlf.txt", "a\r\nb\r\nc\r\n");
        Repo.WriteFile("latin1.txt", Encoding.Latin1.GetBytes("caf\u00e9\nna\u00efve\n"));
        Repo.WriteFile("image.bin", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02, 0x00, 0xFF]);
        Repo.WriteFile("dir with space/ünïcödé file.txt", "unicode content\n");

        var (_, prompt, _) = await CreateAndCapture();
        Assert.That(prompt, Does.Contain("+staged change"));
        Assert.That(prompt, Does.Contain("+unstaged change"));
        Assert.That(prompt, Does.Contain("deleted file mode"));
        Assert.That(prompt, Does.Contain("rename from renamed-old.txt").And.Contain("rename to renamed-new.txt"));
        Assert.That(prompt, Does.Contain("+c\r"), "CRLF kept inside the line");
        // A prompt is UTF-8: Latin-1 lines could not come back byte for byte, and one file git apply rejects fails the whole diff.
        Assert.That(prompt, Does.Match(@"- latin1\.txt \(\d+ bytes, not-utf8\)"), "non-UTF-8 text is listed, not mangled");
        Assert.That(prompt, Does.Not.Contain("na\u00efve"));
        Assert.That(prompt, Does.Contain("image.bin"));
        Assert.That(prompt, Does.Not.Contain("\u0089PNG"));
        Assert.That(prompt, Does.Contain("dir with space/ünïcödé file.txt"));
        Assert.That(prompt, Does.Contain("+unicode content"));
    }

    [Test]
    public async Task Merge_conflict_in_progress_is_described()
    {
        Repo.WriteFile("shared.txt", "base\n");
        Repo.Commit("base");
        Repo.Run("checkout", "-q", "-b", "other");
        Repo.CommitFile("shared.txt", "theirs\n", "theirs");
        Repo.Run("checkout", "-q", "main");
        Repo.CommitFile("shared.txt", "ours\n", "ours");
        Repo.TryRunIn(Repo.Path, "merge", "other");

        var (_, prompt, _) = await CreateAndCapture();
        Assert.That(prompt, Does.Contain("merge").IgnoreCase);
        Assert.That(prompt, Does.Contain("shared.txt"));
        Assert.That(prompt, Does.Contain("<<<<<<<"));
    }

    [Test]
    public async Task A_backtick_fence_line_in_a_file_cannot_close_the_prompts_fence()
    {
        Repo.WriteFile("doc.md", "intro\n");
        Repo.Commit("initial");
        Repo.WriteFile("doc.md", "intro\n```\ncode\n```\n````\n");
        var (_, prompt, _) = await CreateAndCapture();
        var uncommitted = prompt[prompt.IndexOf("### Uncommitted changes", StringComparison.Ordinal)..];
        var fenceLine = uncommitted.Split('\n').First(l => l.StartsWith('`') && l.TrimEnd().EndsWith("diff"));
        var fence = fenceLine[..fenceLine.IndexOf("diff", StringComparison.Ordinal)];
        Assert.That(fence.Length, Is.GreaterThan(4), "longer than the ```` run inside");
        Assert.That(prompt, Does.Contain("\n+````\n"));
    }
}
