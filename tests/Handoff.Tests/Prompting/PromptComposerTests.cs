using Handoff.Core.Inspection;
using Handoff.Core.Prompting;
using Handoff.Core.Secrets;
using static Handoff.Tests.Prompting.Samples;

namespace Handoff.Tests.Prompting;

public class PromptComposerTests
{
    private readonly PromptComposer _composer = new();

    [Test]
    public void Prompt_starts_with_task_then_context_then_the_delimited_local_block()
    {
        var result = _composer.Compose(Input(task: "Fix the flaky test", context: "It fails on CI only.\nSee run 42."));

        var p = result.Prompt;
        Assert.That(p, Does.StartWith("Fix the flaky test\n\n## Context\n\nIt fails on CI only.\nSee run 42.\n"));
        var block = p.IndexOf(PromptSections.RepoStateHeading, StringComparison.Ordinal);
        Assert.That(block, Is.GreaterThan(p.IndexOf("See run 42.", StringComparison.Ordinal)));
        Assert.That(p.IndexOf(PromptSections.EndHeading, StringComparison.Ordinal), Is.GreaterThan(block));
        Assert.That(p, Does.Contain("clone the repository, check out the base commit"));
        Assert.That(p, Does.Contain("`git am`").And.Contain("`git apply`"));
    }

    [Test]
    public void Metadata_lists_repository_branch_head_base_and_upstream()
    {
        var p = _composer.Compose(Input()).Prompt;

        Assert.That(p, Does.Contain("- Repository: github.com/acme/app\n"));
        Assert.That(p, Does.Contain("- Branch: feature/x\n"));
        Assert.That(p, Does.Contain($"- HEAD: {HeadSha}\n"));
        Assert.That(p, Does.Contain($"- Base commit: {BaseSha}\n"));
        Assert.That(p, Does.Contain("- Upstream: origin/feature/x (on the remote), 2 ahead, 1 behind\n"));
        Assert.That(p.IndexOf("- Repository:", StringComparison.Ordinal), Is.LessThan(p.IndexOf("- Branch:", StringComparison.Ordinal)));
    }

    [Test]
    public void Repo_override_replaces_the_inspected_remote()
    {
        var input = Input() with { RepoOverride = "gitlab.example.com/team/app" };
        var p = _composer.Compose(input).Prompt;
        Assert.That(p, Does.Contain("- Repository: gitlab.example.com/team/app\n"));
        Assert.That(p, Does.Not.Contain("github.com/acme/app"));
    }

    [Test]
    public void Without_a_shareable_remote_it_says_so_and_never_prints_local_paths()
    {
        var snapshot = Snapshot(working: [Modified("a.txt", Hunk(1, 1, "-x", "+y"))]) with { Remote = null };
        var result = _composer.Compose(Input(snapshot: snapshot));

        Assert.That(result.Prompt, Does.Contain("- Repository: none shareable"));
        Assert.That(result.Prompt, Does.Not.Contain(LocalDir));
        Assert.That(result.Prompt, Does.Not.Contain("/home/dev"));
    }

    [Test]
    public void Detached_head_is_described_never_as_the_literal_HEAD()
    {
        var snapshot = Snapshot() with { Head = new HeadState(null, HeadSha, true, false), Upstream = null };
        var p = _composer.Compose(Input(snapshot: snapshot)).Prompt;

        Assert.That(p, Does.Contain("- Branch: (detached at 0123456789ab)\n"));
        Assert.That(p, Does.Not.Contain("Branch: HEAD"));
        Assert.That(p, Does.Contain($"- HEAD: {HeadSha}\n"));
        Assert.That(p, Does.Contain("- Upstream: none (detached HEAD)\n"));
    }

    [Test]
    public void Unborn_branch_has_no_head_sha_and_unknown_base()
    {
        var snapshot = Snapshot() with { Head = new HeadState("main", null, false, true), BaseCommit = null, Upstream = null };
        var p = _composer.Compose(Input(snapshot: snapshot)).Prompt;

        Assert.That(p, Does.Contain("- Branch: main\n"));
        Assert.That(p, Does.Contain("- HEAD: none (no commit yet)\n"));
        Assert.That(p, Does.Contain("- Base commit: unknown"));
    }

    [TestCase(null, false, 3, null, "- Upstream: none; the branch was never pushed, 3 ahead\n")]
    [TestCase(null, true, null, null, "- Upstream: no tracking branch set; the branch exists on the remote\n")]
    [TestCase("origin/gone", false, null, null, "- Upstream: origin/gone (missing on the remote)\n")]
    [TestCase("upstream/main", true, 0, 5, "- Upstream: upstream/main (on the remote), 0 ahead, 5 behind\n")]
    public void Upstream_states_are_spelled_out(string? tracking, bool onRemote, int? ahead, int? behind, string expected)
    {
        var snapshot = Snapshot() with { Upstream = new UpstreamState(tracking, onRemote, ahead, behind) };
        Assert.That(_composer.Compose(Input(snapshot: snapshot)).Prompt, Does.Contain(expected));
    }

    [Test]
    public void Operation_in_progress_and_conflicts_are_listed()
    {
        var snapshot = Snapshot() with { OperationInProgress = "rebase", ConflictedPaths = ["src/a.cs", "docs/b.md"] };
        var p = _composer.Compose(Input(snapshot: snapshot)).Prompt;
        Assert.That(p, Does.Contain("- Operation in progress: rebase\n"));
        Assert.That(p, Does.Contain("- Conflicted paths: src/a.cs, docs/b.md\n"));
    }

    [Test]
    public void Unpushed_commits_are_listed_with_short_sha_and_subject_and_included_as_patches()
    {
        var commits = new[]
        {
            Commit(Sha(1), "Add login form", NewFile("login.html", ChangeKind.Added, "<form>")),
            Commit(Sha(2), "Validate e-mail", Modified("login.js", Hunk(1, 1, "-a", "+b"))),
        };
        var result = _composer.Compose(Input(commits: commits));
        var p = result.Prompt;

        Assert.That(p, Does.Contain("### Unpushed commits (2, oldest first)\n\n- 00000001aaaa Add login form\n- 00000002aaaa Validate e-mail\n"));
        Assert.That(p, Does.Contain($"From {Sha(1)} Mon Sep 17 00:00:00 2001\nFrom: Ann Author <ann@example.com>\nDate: Mon, 6 May 2024 07:08:09 +0200\nSubject: [PATCH 1/2] Add login form\n"));
        Assert.That(p, Does.Contain("Subject: [PATCH 2/2] Validate e-mail\n\nWhy: Validate e-mail\n\n---\n"));
        Assert.That(p.IndexOf("[PATCH 1/2]", StringComparison.Ordinal), Is.LessThan(p.IndexOf("[PATCH 2/2]", StringComparison.Ordinal)));
        Assert.That(p, Does.Contain("-- \ndevin-handoff\n"));
        Assert.That(result.IncludedFiles, Is.EqualTo(new[] { "login.html", "login.js" }));
    }

    [Test]
    public void Uncommitted_diff_holds_modified_deleted_renamed_and_untracked_files_in_git_order()
    {
        var working = new[]
        {
            Modified("a.txt", Hunk(3, 3, " ctx", "-old", "+new")),
            Deleted("gone.txt", "bye"),
            Renamed("old/name.txt", "new/name.txt"),
            Untracked("notes.md", "# Notes"),
        };
        var result = _composer.Compose(Input(working));

        var blocks = FencedBlocks(result.Prompt);
        Assert.That(blocks, Has.Count.EqualTo(1));
        Assert.That(blocks[0].Info, Is.EqualTo("diff"));
        Assert.That(blocks[0].Content, Is.EqualTo(string.Concat(working.Select(GitPatchFormat.FileDiff))));
        Assert.That(blocks[0].Content, Does.Contain("deleted file mode 100644\n").And.Contain("rename from old/name.txt\nrename to new/name.txt\n"));
        Assert.That(result.IncludedFiles, Is.EqualTo(new[] { "a.txt", "gone.txt", "new/name.txt", "notes.md" }));
        Assert.That(result.Omitted, Is.Empty);
    }

    [Test]
    public void Fence_is_longer_than_any_backtick_run_in_the_diff()
    {
        var file = Modified("README.md", Hunk(1, 1, " ```", "-````", "+`````x", " text ``` inline"));
        var result = _composer.Compose(Input([file]));

        var blocks = FencedBlocks(result.Prompt);
        Assert.That(blocks, Has.Count.EqualTo(1));
        Assert.That(blocks[0].Fence, Is.EqualTo("``````"));
        Assert.That(blocks[0].Content, Is.EqualTo(GitPatchFormat.FileDiff(file)));
    }

    [Test]
    public void Fence_of_the_patch_block_is_longer_than_backtick_lines_in_commits()
    {
        var commit = Commit(Sha(7), "Docs", Modified("doc.md", Hunk(1, 1, "+```", "+````")));
        var working = Modified("x.md", Hunk(1, 1, "+```"));
        var result = _composer.Compose(Input([working], [commit]));

        var blocks = FencedBlocks(result.Prompt);
        Assert.That(blocks, Has.Count.EqualTo(2));
        Assert.That(blocks[0].Fence, Is.EqualTo("`````"));
        Assert.That(blocks[0].Content, Does.StartWith($"From {Sha(7)}").And.EndWith("-- \ndevin-handoff\n\n"));
        Assert.That(blocks[1].Fence, Is.EqualTo("````"));
        Assert.That(blocks[1].Content, Is.EqualTo(GitPatchFormat.FileDiff(working)));
    }

    [Test]
    public void Binary_lfs_and_too_large_files_are_listed_as_omitted_not_inlined()
    {
        var working = new[]
        {
            Omitted("logo.png", ContentOmission.Binary, 2048),
            Omitted("model.bin", ContentOmission.LfsPointer, 130),
            Omitted("dump.sql", ContentOmission.TooLarge, 5_000_000),
            Modified("a.txt", Hunk(1, 1, "-a", "+b")),
        };
        var commit = Commit(Sha(3), "Add icon", Omitted("icon.png", ContentOmission.Binary, 512), Modified("b.txt", Hunk(1, 1, "-c", "+d")));
        var result = _composer.Compose(Input(working, [commit]));

        Assert.That(result.Omitted, Is.EqualTo(new[]
        {
            new OmittedItem("icon.png", 512, "binary", Sha(3)),
            new OmittedItem("logo.png", 2048, "binary"),
            new OmittedItem("model.bin", 130, "lfs"),
            new OmittedItem("dump.sql", 5_000_000, "too-large"),
        }));
        Assert.That(result.IncludedFiles, Is.EqualTo(new[] { "b.txt", "a.txt" }));
        Assert.That(result.Prompt, Does.Contain("### Omitted\n"));
        Assert.That(result.Prompt, Does.Contain("- icon.png (512 bytes, binary) in commit 00000003aaaa\n"));
        Assert.That(result.Prompt, Does.Contain("- logo.png (2048 bytes, binary)\n"));
        Assert.That(result.Prompt, Does.Contain("- model.bin (130 bytes, lfs)\n"));
        Assert.That(result.Prompt, Does.Contain("- dump.sql (5000000 bytes, too-large)\n"));
        Assert.That(result.Prompt, Does.Not.Contain("Binary files"));
    }

    [Test]
    public void Withheld_secrets_are_described_by_place_and_rule_never_by_value()
    {
        const string secret = "AKIAIOSFODNN7EXAMPLE";
        var raw = Modified("config.env", Hunk(1, 1, "+USER=app", $"+AWS_KEY={secret}"));
        var filtered = Modified("config.env", Hunk(1, 1, "+USER=app"));
        var snapshot = Snapshot([raw]);
        var input = Input(snapshot: snapshot) with
        {
            Changes = new FilteredChanges([filtered], [], [],
                [new WithheldItem("config.env", 2, 2, ["aws-access-key"]), new WithheldItem("deploy/key.pem", null, null, ["private-key"], Sha(9), WholeFile: true)]),
        };
        var result = _composer.Compose(input);

        Assert.That(result.Prompt, Does.Not.Contain(secret));
        Assert.That(result.Prompt, Does.Contain("### Withheld by the secret scanner\n"));
        Assert.That(result.Prompt, Does.Contain("- config.env, line 2 (rules: aws-access-key)\n"));
        Assert.That(result.Prompt, Does.Contain("- deploy/key.pem, whole file (rules: private-key) in commit 00000009aaaa\n"));
        Assert.That(result.Omitted, Does.Contain(new OmittedItem("config.env", 1000, "secret")));
        Assert.That(result.Omitted, Does.Contain(new OmittedItem("deploy/key.pem", 0, "secret", Sha(9))));
        Assert.That(result.IncludedFiles, Is.EqualTo(new[] { "config.env" }));
    }

    [Test]
    public void Withheld_line_ranges_are_shown()
    {
        var input = Input() with { Changes = new FilteredChanges([], [], [], [new WithheldItem("a.yml", 3, 7, ["generic-api-key", "jwt"])]) };
        Assert.That(_composer.Compose(input).Prompt, Does.Contain("- a.yml, lines 3-7 (rules: generic-api-key, jwt)\n"));
    }

    [Test]
    public void Attachment_lines_are_appended_verbatim_each_on_its_own_line()
    {
        var input = Input([Modified("a.txt", Hunk(1, 1, "-a", "+b"))]) with
        {
            AttachmentUrlsForPrompt = ["ATTACHMENT:\"https://files.example/a b.png\"", "ATTACHMENT:\"https://files.example/log.txt\""],
        };
        var p = _composer.Compose(input).Prompt;
        Assert.That(p, Does.EndWith("\nATTACHMENT:\"https://files.example/a b.png\"\nATTACHMENT:\"https://files.example/log.txt\"\n"));
    }

    [Test]
    public void No_diff_sends_metadata_only_and_says_so()
    {
        var working = new[] { Modified("a.txt", Hunk(1, 1, "-a", "+b")) };
        var commits = new[] { Commit(Sha(1), "Work in progress", Modified("b.txt", Hunk(1, 1, "-a", "+b"))) };
        var result = _composer.Compose(Input(working, commits) with { IncludeChanges = false });

        Assert.That(result.Prompt, Does.Contain("- Changes: the patches and the uncommitted diff were not included, on request (--no-diff)\n"));
        Assert.That(result.Prompt, Does.Contain("- 00000001aaaa Work in progress\n"));
        Assert.That(FencedBlocks(result.Prompt), Is.Empty);
        Assert.That(result.Prompt, Does.Not.Contain("diff --git"));
        Assert.That(result.IncludedFiles, Is.Empty);
        Assert.That(result.Omitted, Is.Empty);
    }

    [Test]
    public void Same_input_gives_the_same_bytes()
    {
        PromptInput Make() => Input(
            [Modified("b.txt", Hunk(1, 1, "-a", "+b")), Untracked("c.txt", "x"), Omitted("d.png", ContentOmission.Binary, 9)],
            [Commit(Sha(1), "One", Modified("a.txt", Hunk(1, 1, "-a", "+b")))],
            context: "ctx", maxBytes: 1500);
        var first = _composer.Compose(Make());
        var second = _composer.Compose(Make());
        Assert.That(second.Prompt, Is.EqualTo(first.Prompt));
        Assert.That(second.Omitted, Is.EqualTo(first.Omitted));
        Assert.That(second.IncludedFiles, Is.EqualTo(first.IncludedFiles));
    }

    [Test]
    public void Bytes_is_the_utf8_size_of_the_prompt()
    {
        var result = _composer.Compose(Input([Modified("ü.txt", Hunk(1, 1, "-€", "+𝄞"))], task: "Größe prüfen"));
        Assert.That(result.Bytes, Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount(result.Prompt)));
        Assert.That(result.Bytes, Is.GreaterThan(result.Prompt.Length));
    }

    [Test]
    public void Title_is_taken_from_the_input_when_given()
    {
        var result = _composer.Compose(Input(task: "Long task text\nmore") with { Title = "My title" });
        Assert.That(result.Title, Is.EqualTo("My title"));
    }

    [Test]
    public void Title_defaults_to_the_first_line_of_the_task()
    {
        Assert.That(_composer.Compose(Input(task: "\n  Fix the login bug  \nDetails follow")).Title, Is.EqualTo("Fix the login bug"));
    }

    [Test]
    public void Nonpositive_budget_is_a_usage_error()
    {
        var e = Assert.Throws<Handoff.Core.HandoffException>(() => _composer.Compose(Input(maxBytes: 0)));
        Assert.That(e!.ExitCode, Is.EqualTo(Handoff.Core.ExitCodes.Usage));
    }
}
