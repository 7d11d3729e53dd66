using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Handoff.IntegrationTests.Support;

public sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}

/// <summary>
/// Runs the built devin-handoff binary as a process, with a sealed-off environment: a temp HOME, an empty
/// global git config, no system git config, and none of the developer's DEVIN_* variables.
/// </summary>
public sealed class CliRunner : IDisposable
{
    private static readonly string[] ClearedVariables =
    [
        "DEVIN_API_KEY", "DEVIN_ORG_ID", "DEVIN_USER_ID", "DEVIN_API_URL", "DEVIN_HANDOFF_TRACE",
        "GH_TOKEN", "GITHUB_TOKEN", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "NO_COLOR",
        "SSH_AUTH_SOCK", "GIT_ASKPASS", "SSH_ASKPASS",
    ];

    public string Home { get; }
    public string GlobalGitConfig { get; }
    public Dictionary<string, string?> Environment { get; } = new();

    public CliRunner()
    {
        Home = Path.Combine(Path.GetTempPath(), "dh-home-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Home);
        GlobalGitConfig = Path.Combine(Home, ".gitconfig");
        File.WriteAllText(GlobalGitConfig, "");
        SshConfig = Path.Combine(Home, "ssh_config");
        File.WriteAllText(SshConfig, "");
    }

    /// <summary>The ssh config the binary's ssh reads (through GIT_SSH_COMMAND): ssh finds ~/.ssh from the user database, not HOME.</summary>
    public string SshConfig { get; }

    public static string BinaryPath { get; } = LocateBinary();

    public Task<CliResult> Run(string workingDirectory, params string[] args) =>
        RunWithInput(workingDirectory, null, args);

    public async Task<CliResult> RunWithInput(string workingDirectory, string? standardInput, params string[] args)
    {
        var env = BaseEnvironment();
        foreach (var (k, v) in Environment) env[k] = v;
        var command = CliWrap.Cli.Wrap(BinaryPath)
            .WithArguments(args)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(env)
            .WithValidation(CommandResultValidation.None);
        if (standardInput is not null)
            command = command.WithStandardInputPipe(PipeSource.FromString(standardInput, Encoding.UTF8));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var result = await command.ExecuteBufferedAsync(Encoding.UTF8, timeout.Token);
        return new CliResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>
    /// Starts the binary, waits until <paramref name="interruptWhen"/> completes, then sends it SIGINT (Ctrl-C)
    /// and returns how it ended. Unix only.
    /// </summary>
    public async Task<CliResult> RunAndInterrupt(string workingDirectory, Func<Task> interruptWhen, params string[] args)
    {
        if (SigintIgnoredHere())
            Assert.Ignore("SIGINT is ignored by this test run (started as a background job of a non-interactive shell?), "
                          + "and the binary inherits that, so Ctrl-C cannot reach it; run the tests in the foreground");
        var start = new System.Diagnostics.ProcessStartInfo(BinaryPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var env = BaseEnvironment();
        foreach (var (k, v) in Environment) env[k] = v;
        foreach (var (k, v) in env)
        {
            if (v is null) start.Environment.Remove(k);
            else start.Environment[k] = v;
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await interruptWhen();
        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString()])!)
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    // A process started with SIGINT ignored passes that on to its children, and .NET keeps it ignored (as shells expect
    // of background jobs): /proc/self/status lists the ignored signals as a hex mask, SIGINT (2) being bit 1.
    private static bool SigintIgnoredHere()
    {
        const string field = "SigIgn:";
        if (!File.Exists("/proc/self/status")) return false;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line[field.Length..].Trim(), 16) & 0x2) != 0;
    }

    /// <summary>Runs `git` with the same sealed environment (e.g. to use the installed alias).</summary>
    public async Task<CliResult> Git(string workingDirectory, params string[] args)
    {
        var env = BaseEnvironment();
        foreach (var (k, v) in Environment) env[k] = v;
        var result = await CliWrap.Cli.Wrap("git").WithArguments(args).WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(env).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8);
        return new CliResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>The sealed environment plus <see cref="Environment"/>: what every run of the binary gets (null: removed).</summary>
    public Dictionary<string, string?> ProcessEnvironment()
    {
        var env = BaseEnvironment();
        foreach (var (k, v) in Environment) env[k] = v;
        return env;
    }

    private Dictionary<string, string?> BaseEnvironment()
    {
        var env = new Dictionary<string, string?>
        {
            ["HOME"] = Home,
            ["USERPROFILE"] = Home,
            ["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config"),
            ["GIT_CONFIG_GLOBAL"] = GlobalGitConfig,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_SSH_COMMAND"] = $"ssh -F '{SshConfig}'",
            ["GIT_SSH"] = null,
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var name in ClearedVariables) env[name] = null;
        return env;
    }

    private static string LocateBinary()
    {
        // CI points this at the Native AOT binary install.sh ships, so the suite checks what users run.
        var chosen = System.Environment.GetEnvironmentVariable("DEVIN_HANDOFF_TEST_BINARY");
        if (!string.IsNullOrEmpty(chosen))
            return File.Exists(chosen) ? Path.GetFullPath(chosen) : throw new FileNotFoundException("DEVIN_HANDOFF_TEST_BINARY does not exist", chosen);
        var configuration = typeof(CliRunner).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "Debug";
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Handoff.sln")))
            dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("Handoff.sln not found above " + AppContext.BaseDirectory);
        var exe = OperatingSystem.IsWindows() ? "devin-handoff.exe" : "devin-handoff";
        var path = Path.Combine(dir.FullName, "src", "Handoff.Cli", "bin", configuration, "net10.0", exe);
        if (!File.Exists(path)) throw new FileNotFoundException("build src/Handoff.Cli first", path);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Home, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
