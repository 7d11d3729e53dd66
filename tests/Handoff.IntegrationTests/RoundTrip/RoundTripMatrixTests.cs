using System.Text;
using Handoff.IntegrationTests.Create;
using Handoff.Tests.TestSupport;

namespace Handoff.IntegrationTests.RoundTrip;

/// <summary>
/// The handoff's promise, checked with real git: from the prompt alone (as the fake API received it), follow its own
/// instructions — clone the repository it names, check out its base commit, run the `git am` and `git apply` commands
/// it gives on the blocks it carries — and the rebuilt working tree equals the developer's byte for byte, except the
/// files the prompt itself lists as left out. Every state has unpushed commits and uncommitted work.
/// </summary>
public class RoundTripMatrixTests : CreateFixture
{
    private const string RemoteUrl = "https://github.com/acme/widgets.git";

    public sealed record State(
        string Name,
        Action<TempGitRepo> Base,
        Action<TempGitRepo> Unpushed,
        Action<TempGitRepo> Uncommitted,
        string[]? LeftOut = null,
        string[]? LocalConfig = null,
        bool NeedsSymlinks = false)
    {
        public override string ToString() => Name;
    }

    [TestCaseSource(nameof(States))]
    public async Task The_prompt_rebuilds_the_working_tree_byte_for_byte(State state)
    {
        if (state.NeedsSymlinks && OperatingSystem.IsWindows()) Assert.Ignore("symlinks need developer mode on Windows");
        var bare = Repo.CreateBareRemote();
        var config = state.LocalConfig ?? [];
        for (var i = 0; i < config.Length; i += 2) Repo.Run("config", config[i], config[i + 1]);
        state.Base(Repo);
        Repo.Commit("base");
        Repo.Run("push", "-q", "-u", "origin", "main");
        Repo.Run("remote", "set-url", "origin", RemoteUrl);
        state.Unpushed(Repo);
        state.Uncommitted(Repo);
        Assert.That(Repo.Run("rev-list", "--count", "origin/main..HEAD"), Is.Not.EqualTo("0"), "the state has unpushed commits");
        Assert.That(Repo.Run("status", "--porcelain"), Is.Not.Empty, "the state has uncommitted work");

        var (_, prompt, _) = await CreateAndCapture();
        var recipe = PromptRecipe.Parse(prompt);
        Assert.That(recipe.LeftOut, Is.EquivalentTo(state.LeftOut ?? []), "the files the prompt lists as left out");

        var cloud = Rebuild(recipe, bare, config);
        var expected = WithoutLeftOut(WorkTreeState.Read(Repo, Repo.Path), recipe.LeftOut);
        var rebuilt = WithoutLeftOut(WorkTreeState.Read(Repo, cloud), recipe.LeftOut);
        Assert.That(rebuilt.Keys, Is.EqualTo(expected.Keys), "the same files");
        foreach (var (path, content) in expected)
            Assert.That(rebuilt[path], Is.EqualTo(content), path);
    }

    /// <summary>Does what the prompt says, with real git: clone, check out the base commit, then each block's command.</summary>
    private string Rebuild(PromptRecipe recipe, string bare, string[] localConfig)
    {
        var parent = Repo.NewFolder("cloud-session");
        var url = "https://" + recipe.Repository;
        // The session's "network": the URL the prompt names is served by the bare remote the test pushed to.
        var clone = new List<string> { "-c", $"url.{bare}.insteadOf={url}", "clone", "-q" };
        for (var i = 0; i < localConfig.Length; i += 2) clone.AddRange(["-c", $"{localConfig[i]}={localConfig[i + 1]}"]);
        Repo.RunIn(parent, [.. clone, url, "cloud"]);
        var cloud = Path.Combine(parent, "cloud");
        Repo.RunIn(cloud, "checkout", "-q", "--detach", recipe.BaseCommit);

        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var step = recipe.Steps[i];
            var file = Path.Combine(parent, $"block-{i}.txt");
            File.WriteAllBytes(file, Encoding.UTF8.GetBytes(step.BlockContent));
            var words = step.Command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(words[0], Is.EqualTo("git"));
            var (exit, stdout, stderr) = Repo.TryRunIn(cloud, [.. words.Skip(1).Select(w => w == "<file>" ? file : w)]);
            // Where the prompt says how to go on after a stop (an empty patch), do that, as often as it stops.
            for (var again = 0; exit != 0 && step.GoOnWith is { } goOn && again < 10; again++)
                (exit, stdout, stderr) = Repo.TryRunIn(cloud, [.. goOn.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)]);
            Assert.That(exit, Is.Zero, $"`{step.Command}` failed:\n{stdout}\n{stderr}\n--- block:\n{step.BlockContent}");
        }
        return cloud;
    }

    private static SortedDictionary<string, string> WithoutLeftOut(SortedDictionary<string, string> state, IReadOnlySet<string> leftOut) =>
        new(state.Where(e => !leftOut.Contains(e.Key)).ToDictionary(), StringComparer.Ordinal);

    private static string Lines(int count, string prefix = "line") => string.Concat(Enumerable.Range(1, count).Select(i => $"{prefix} {i}\n"));

    private static void Commit(TempGitRepo repo, string message, string? author = null)
    {
        repo.Run("add", "-A");
        repo.Run(author is null ? ["commit", "-q", "-m", message] : ["commit", "-q", "-m", message, "--author", author]);
    }

    private static void MakeExecutable(TempGitRepo repo, string path, bool stage)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(repo.FullPath(path), File.GetUnixFileMode(repo.FullPath(path)) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        if (stage || OperatingSystem.IsWindows()) repo.Run("update-index", "--chmod=+x", "--", path);
    }

    private static byte[] Binary(params byte[] tail) => [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 1, 2, 3, .. tail];

    private const string LfsPointer = "version https://git-lfs.github.com/spec/v1\noid sha256:{0}\nsize 1048576\n";

    public static IEnumerable<State> States()
    {
        yield return new State("a rename with edits, a deletion, a mode change",
            Base: r =>
            {
                r.WriteFile("move-me.txt", Lines(12));
                r.WriteFile("move-me-too.txt", Lines(12, "other"));
                r.WriteFile("gone.txt", "going\n");
                r.WriteFile("gone-too.txt", "going too\n");
                r.WriteFile("run.sh", "echo run\n");
                r.WriteFile("run-too.sh", "echo run too\n");
            },
            Unpushed: r =>
            {
                r.Run("mv", "move-me.txt", "moved.txt");
                r.WriteFile("moved.txt", Lines(12).Replace("line 3\n", "line three\n") + "line 13\n");
                r.Run("rm", "-q", "gone.txt");
                MakeExecutable(r, "run.sh", stage: true);
                Commit(r, "Move, delete, chmod");
            },
            Uncommitted: r =>
            {
                File.Move(r.FullPath("move-me-too.txt"), Directory.CreateDirectory(r.FullPath("renamed")).FullName + "/also.txt");
                r.WriteFile("renamed/also.txt", Lines(12, "other").Replace("other 7\n", "other seven\n"));
                r.DeleteFile("gone-too.txt");
                MakeExecutable(r, "run-too.sh", stage: false);
            });

        yield return new State("files without a final newline and CRLF files",
            Base: r =>
            {
                r.WriteFile("noeol.txt", "a\nb");
                r.WriteFile("crlf.txt", "one\r\ntwo\r\nthree\r\n");
                r.WriteFile("crlf-noeol.txt", "x\r\ny");
                r.WriteFile("mixed.txt", "lf\ncrlf\r\nlf\n");
            },
            Unpushed: r =>
            {
                r.WriteFile("noeol.txt", "a\nb\nc");
                r.WriteFile("crlf.txt", "one\r\nTWO\r\nthree\r\nfour\r\n");
                r.WriteFile("added-crlf.txt", "new\r\nfile\r\n");
                Commit(r, "CRLF edits");
            },
            Uncommitted: r =>
            {
                r.WriteFile("noeol.txt", "a\nb\nc\n");
                r.WriteFile("crlf.txt", "ONE\r\nTWO\r\nthree\r\nfour\r\n");
                r.WriteFile("crlf-noeol.txt", "x\r\ny\r\nz");
                r.WriteFile("mixed.txt", "lf\ncrlf\r\nlf changed\n");
                r.WriteFile("untracked-crlf.txt", "u\r\nv\r\n");
            });

        yield return new State("spaces and non-ASCII characters in names",
            Base: r =>
            {
                r.WriteFile("dir with space/file name.txt", "spaced\n");
                r.WriteFile("ünï/cödé.txt", "grüße\n");
            },
            Unpushed: r =>
            {
                r.WriteFile("ünï/cödé.txt", "grüße 🙂\n");
                r.WriteFile("日本/テスト ファイル.md", "# 見出し\n");
                Directory.CreateDirectory(r.FullPath("other dir"));
                r.Run("mv", "dir with space/file name.txt", "other dir/renamed file.txt");
                Commit(r, "Ünïcödé names", author: "Jörg Müller <joerg@example.com>");
            },
            Uncommitted: r =>
            {
                r.WriteFile("ünï/cödé.txt", "grüße 🙂 again\n");
                r.WriteFile("new folder/ä ö ü.txt", "umlauts\n");
                r.WriteFile("emoji 🙂.txt", "smile\n");
            });

        yield return new State("a ``` line and a line starting diff --git",
            Base: r =>
            {
                r.WriteFile("notes.md", "# Notes\n\n```sh\necho hi\n```\n");
                r.WriteFile("patch.txt", "text\n");
            },
            Unpushed: r =>
            {
                r.WriteFile("notes.md", "# Notes\n\n```sh\necho hi\n```\n\n````\nfour\n````\n");
                r.WriteFile("patch.txt", "text\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n"
                                         + "From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001\n-- \n");
                r.Run("add", "-A");
                r.Run("commit", "-q", "-m", "Fences\n\nThe body has a fence:\n```\ncode\n```\n");
            },
            Uncommitted: r =>
            {
                r.WriteFile("notes.md", "# Notes\n\n```sh\necho hi\n```\n\n`````\nfive\n`````\n");
                r.WriteFile("diff-first.txt", "diff --git a/y b/y\n@@ -0,0 +1 @@\n+not a header\n```\n");
            });

        yield return new State("an empty file, a binary file, nested untracked folders",
            Base: r =>
            {
                r.WriteFile("data.bin", Binary(9));
                r.WriteFile("keep.txt", "keep\n");
            },
            Unpushed: r =>
            {
                r.WriteFile("empty.txt", "");
                r.WriteFile("data.bin", Binary(9, 9));
                r.WriteFile("image.png", Binary(7));
                r.WriteFile("keep.txt", "keep\nmore\n");
                Commit(r, "Empty and binary");
            },
            Uncommitted: r =>
            {
                r.WriteFile("a/b/c/d/deep.txt", "deep\n");
                r.WriteFile("a/b/other.txt", "other\n");
                r.WriteFile("a/empty-untracked.txt", "");
                r.WriteFile("data.bin", Binary(9, 9, 9));
            },
            LeftOut: ["data.bin", "image.png"]);

        yield return new State("an empty commit and a commit of only a binary file",
            Base: r => r.WriteFile("a.txt", "a\n"),
            Unpushed: r =>
            {
                r.Run("commit", "-q", "--allow-empty", "-m", "Nothing changed");
                r.WriteFile("logo.png", Binary(1, 2));
                Commit(r, "Only a binary file");
                r.WriteFile("a.txt", "a\nb\n");
                Commit(r, "Text after them");
            },
            Uncommitted: r => r.WriteFile("a.txt", "a\nb\nc\n"),
            LeftOut: ["logo.png"]);

        yield return new State("staged and unstaged edits of one file",
            Base: r => r.WriteFile("both.txt", Lines(30)),
            Unpushed: r =>
            {
                r.WriteFile("both.txt", Lines(30).Replace("line 1\n", "line one\n"));
                Commit(r, "First line");
            },
            Uncommitted: r =>
            {
                r.WriteFile("both.txt", Lines(30).Replace("line 1\n", "line one\n").Replace("line 10\n", "line ten (staged)\n"));
                r.Run("add", "both.txt");
                r.WriteFile("both.txt", Lines(30).Replace("line 1\n", "line one\n").Replace("line 10\n", "line ten (staged)\n").Replace("line 25\n", "line 25 (unstaged)\n"));
                r.WriteFile("new.txt", "staged new\n");
                r.Run("add", "new.txt");
                r.WriteFile("new.txt", "staged new\nthen edited\n");
            });

        yield return new State(".gitattributes text, eol=crlf, eol=lf, -text, text=auto",
            Base: r =>
            {
                r.WriteFile(".gitattributes", "*.crlf text eol=crlf\n*.lf text eol=lf\n*.raw -text\n*.auto text=auto\n");
                r.WriteFile("a.crlf", "one\r\ntwo\r\nthree\r\n");
                r.WriteFile("b.lf", "one\ntwo\nthree\n");
                r.WriteFile("c.raw", "one\r\ntwo\r\nthree\r\n");
                r.WriteFile("d.auto", "one\ntwo\nthree\n");
            },
            Unpushed: r =>
            {
                r.WriteFile("a.crlf", "one\r\nTWO\r\nthree\r\n");
                r.WriteFile("b.lf", "one\nTWO\nthree\n");
                r.WriteFile("c.raw", "one\r\nTWO\r\nthree\r\n");
                r.WriteFile("d.auto", "one\nTWO\nthree\n");
                Commit(r, "Attributes");
            },
            Uncommitted: r =>
            {
                r.WriteFile("a.crlf", "one\r\nTWO\r\nTHREE\r\n");
                r.WriteFile("b.lf", "one\nTWO\nTHREE\n");
                r.WriteFile("c.raw", "one\r\nTWO\r\nTHREE\r\n");
                r.WriteFile("d.auto", "one\nTWO\nTHREE\n");
                r.WriteFile("new.crlf", "fresh\r\nfile\r\n");
                r.WriteFile("new.raw", "raw\r\nfile\r\n");
            });

        yield return new State(".gitattributes binary, -diff, filter=lfs",
            Base: r =>
            {
                r.WriteFile(".gitattributes", "*.dat binary\n*.nodiff -diff\n*.lfs filter=lfs diff=lfs merge=lfs -text\n");
                r.WriteFile("x.dat", "text marked binary\n");
                r.WriteFile("y.nodiff", "text without diff\n");
                r.WriteFile("z.lfs", string.Format(LfsPointer, new string('a', 64)));
                r.WriteFile("normal.txt", "normal\n");
            },
            Unpushed: r =>
            {
                r.WriteFile("x.dat", "text marked binary, edited\n");
                r.WriteFile("y.nodiff", "text without diff, edited\n");
                r.WriteFile("z.lfs", string.Format(LfsPointer, new string('b', 64)));
                r.WriteFile("normal.txt", "normal\nedited\n");
                Commit(r, "Binary by attribute");
            },
            Uncommitted: r =>
            {
                r.WriteFile("x.dat", "text marked binary, edited again\n");
                r.WriteFile("y.nodiff", "text without diff, edited again\n");
                r.WriteFile("z.lfs", string.Format(LfsPointer, new string('c', 64)));
                r.WriteFile("normal.txt", "normal\nedited\nagain\n");
            },
            LeftOut: ["x.dat", "y.nodiff", "z.lfs"]);

        yield return new State("core.autocrlf=true",
            Base: r => r.WriteFile("win.txt", "one\r\ntwo\r\nthree\r\n"),
            Unpushed: r =>
            {
                r.WriteFile("win.txt", "one\r\nTWO\r\nthree\r\n");
                r.WriteFile("added.txt", "added\r\n");
                Commit(r, "Windows edits");
            },
            Uncommitted: r =>
            {
                r.WriteFile("win.txt", "one\r\nTWO\r\nTHREE\r\n");
                r.WriteFile("untracked.txt", "untracked\r\nfile\r\n");
            },
            LocalConfig: ["core.autocrlf", "true"]);

        yield return new State("core.eol=crlf with text=auto",
            Base: r =>
            {
                // Every text file as a checkout with core.eol=crlf writes it.
                r.WriteFile(".gitattributes", "* text=auto\r\n");
                r.WriteFile("doc.txt", "one\r\ntwo\r\n");
            },
            Unpushed: r =>
            {
                r.WriteFile("doc.txt", "one\r\nTWO\r\n");
                Commit(r, "Edit");
            },
            Uncommitted: r =>
            {
                r.WriteFile("doc.txt", "one\r\nTWO\r\nthree\r\n");
                r.WriteFile("other.txt", "other\r\n");
            },
            LocalConfig: ["core.eol", "crlf"]);

        yield return new State("a submodule pointer change and a symlink",
            Base: r =>
            {
                var library = r.NewFolder("library");
                r.RunIn(library, "init", "-q", "-b", "main");
                File.WriteAllText(Path.Combine(library, "lib.txt"), "v1\n");
                r.RunIn(library, "add", "-A");
                r.RunIn(library, "commit", "-q", "-m", "v1");
                r.Run("-c", "protocol.file.allow=always", "submodule", "add", "-q", library, "lib");
                r.WriteFile("target.txt", "target\n");
                File.CreateSymbolicLink(r.FullPath("link"), "target.txt");
            },
            Unpushed: r =>
            {
                AdvanceSubmodule(r, "v2");
                r.WriteFile("other.txt", "other\n");
                File.Delete(r.FullPath("link"));
                File.CreateSymbolicLink(r.FullPath("link"), "other.txt");
                File.CreateSymbolicLink(r.FullPath("link2"), "target.txt");
                Commit(r, "Submodule v2, links");
            },
            Uncommitted: r =>
            {
                AdvanceSubmodule(r, "v3");
                File.CreateSymbolicLink(r.FullPath("link3"), "target.txt");
                File.Delete(r.FullPath("link2"));
                File.CreateSymbolicLink(r.FullPath("link2"), "missing-target");
            },
            NeedsSymlinks: true);
    }

    private static void AdvanceSubmodule(TempGitRepo repo, string version)
    {
        var submodule = repo.FullPath("lib");
        File.WriteAllText(Path.Combine(submodule, "lib.txt"), version + "\n");
        repo.RunIn(submodule, "commit", "-q", "-am", version);
    }
}
