using Handoff.Core;
using Handoff.Core.Hooks;

namespace Handoff.Tests.Hooks;

public class HookInstallerTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "dh-hooks-" + Guid.NewGuid().ToString("N")[..10]);

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private string HookPath => Path.Combine(_dir, "pre-push");
    private string LocalPath => Path.Combine(_dir, "pre-push.local");

    [Test]
    public void Installs_an_executable_hook_into_a_new_folder_and_is_idempotent()
    {
        Assert.That(HookInstaller.Install(_dir, global: false), Is.EqualTo(HookInstallOutcome.Installed));
        Assert.That(File.ReadAllText(HookPath), Is.EqualTo(HookScript.Text(global: false)));
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(HookPath) & UnixFileMode.UserExecute, Is.EqualTo(UnixFileMode.UserExecute));

        Assert.That(HookInstaller.Install(_dir, global: false), Is.EqualTo(HookInstallOutcome.AlreadyInstalled));
        Assert.That(HookInstaller.Install(_dir, global: true), Is.EqualTo(HookInstallOutcome.Updated));
        Assert.That(File.ReadAllText(HookPath), Does.Contain("\nscope=global\n"));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1), "no temp file left behind");
    }

    [Test]
    public void A_foreign_hook_is_kept_as_pre_push_local_and_restored_on_uninstall()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(HookPath, "#!/bin/sh\necho husky\n");

        Assert.That(HookInstaller.Install(_dir, false), Is.EqualTo(HookInstallOutcome.Chained));
        Assert.That(File.ReadAllText(LocalPath), Is.EqualTo("#!/bin/sh\necho husky\n"));
        Assert.That(HookScript.IsOurs(File.ReadAllText(HookPath)), Is.True);
        Assert.That(HookInstaller.Install(_dir, false), Is.EqualTo(HookInstallOutcome.AlreadyInstalled), "a second install does not chain to itself");

        Assert.That(HookInstaller.Uninstall(_dir), Is.EqualTo(HookUninstallOutcome.RestoredChained));
        Assert.That(File.ReadAllText(HookPath), Is.EqualTo("#!/bin/sh\necho husky\n"));
        Assert.That(File.Exists(LocalPath), Is.False);
    }

    [Test]
    public void Refuses_when_a_foreign_hook_and_a_pre_push_local_both_exist()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(HookPath, "#!/bin/sh\necho theirs\n");
        File.WriteAllText(LocalPath, "#!/bin/sh\necho also theirs\n");

        var e = Assert.Throws<HandoffException>(() => HookInstaller.Install(_dir, false));
        Assert.That(e!.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(File.ReadAllText(HookPath), Does.Contain("echo theirs"));
        Assert.That(File.ReadAllText(LocalPath), Does.Contain("also theirs"));
    }

    [Test]
    public void Uninstall_removes_only_our_hook()
    {
        Assert.That(HookInstaller.Uninstall(_dir), Is.EqualTo(HookUninstallOutcome.NotInstalled));
        HookInstaller.Install(_dir, false);
        Assert.That(HookInstaller.Uninstall(_dir), Is.EqualTo(HookUninstallOutcome.Removed));
        Assert.That(File.Exists(HookPath), Is.False);

        File.WriteAllText(HookPath, "#!/bin/sh\necho theirs\n");
        Assert.Throws<HandoffException>(() => HookInstaller.Uninstall(_dir));
        Assert.That(File.Exists(HookPath), Is.True);
    }

    [Test]
    public void The_embedded_script_is_the_repositorys_hooks_pre_push()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Handoff.sln"))) dir = dir.Parent;
        Assert.That(dir, Is.Not.Null);
        var source = File.ReadAllText(Path.Combine(dir!.FullName, "hooks", "pre-push")).ReplaceLineEndings("\n");
        Assert.That(HookScript.Text(false), Is.EqualTo(source));
        Assert.That(source, Does.StartWith("#!/bin/sh\n"));
        Assert.That(HookScript.IsOurs(source), Is.True);
        Assert.That(HookScript.Text(true), Is.Not.EqualTo(source));
    }

    [Test]
    public void The_hook_is_written_rwxr_xr_x()
    {
        if (OperatingSystem.IsWindows()) { Assert.Ignore("Unix file modes"); return; }
        HookInstaller.Install(_dir, global: false);
        Assert.That(File.GetUnixFileMode(HookPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute));
    }

    [Test]
    public void Updating_a_symlinked_hook_of_ours_replaces_the_link_and_never_writes_through_it()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("symbolic links need a privilege on Windows");
        Directory.CreateDirectory(_dir);
        var elsewhere = Path.Combine(_dir, "dotfiles-pre-push");
        var old = HookScript.Text(global: true);
        File.WriteAllText(elsewhere, old);
        File.CreateSymbolicLink(HookPath, elsewhere);

        Assert.That(HookInstaller.Install(_dir, global: false), Is.EqualTo(HookInstallOutcome.Updated));
        Assert.That(File.ReadAllText(elsewhere), Is.EqualTo(old), "the link's target is left alone");
        Assert.That(new FileInfo(HookPath).LinkTarget, Is.Null);
        Assert.That(File.ReadAllText(HookPath), Is.EqualTo(HookScript.Text(global: false)));
    }

    [Test]
    public void A_dangling_symlink_hook_is_foreign_and_kept_as_pre_push_local()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("symbolic links need a privilege on Windows");
        Directory.CreateDirectory(_dir);
        var gone = Path.Combine(_dir, "no-such-target");
        File.CreateSymbolicLink(HookPath, gone);

        Assert.That(HookInstaller.Install(_dir, global: false), Is.EqualTo(HookInstallOutcome.Chained));
        Assert.That(new FileInfo(LocalPath).LinkTarget, Is.EqualTo(gone));
        Assert.That(HookScript.IsOurs(File.ReadAllText(HookPath)), Is.True);
    }

    [Test]
    public void The_refusals_say_which_file_is_in_the_way()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(HookPath, "#!/bin/sh\necho theirs\n");
        var e = Assert.Throws<HandoffException>(() => HookInstaller.Uninstall(_dir));
        Assert.That(e!.Message, Is.EqualTo($"{HookPath} is not devin-handoff's hook; left alone"));

        File.WriteAllText(LocalPath, "#!/bin/sh\necho also theirs\n");
        e = Assert.Throws<HandoffException>(() => HookInstaller.Install(_dir, false));
        Assert.That(e!.Message, Does.StartWith($"{HookPath} is another tool's hook and pre-push.local already exists"));
    }
}
