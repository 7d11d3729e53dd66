using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Handoff.IntegrationTests.Support;

namespace Handoff.IntegrationTests.Agents;

/// <summary>`dotnet pack` makes a .NET tool that installs from a local folder and runs, also as `git devin-handoff`.</summary>
[Category("slow")]
public class PackagingTests
{
    [Test]
    public async Task The_packed_tool_installs_into_a_tool_path_and_runs()
    {
        using var cli = new CliRunner();
        var work = Path.Combine(cli.Home, "pack");
        var packages = Path.Combine(work, "packages");
        var tools = Path.Combine(work, "tools");
        const string version = "0.0.1-test";

        // A configuration of its own, so packing never rewrites the binaries other tests are running.
        var pack = await Dotnet(cli, SolutionRoot(), "pack", Path.Combine("src", "Handoff.Cli", "Handoff.Cli.csproj"),
            "-c", "ToolPackTest", "--no-restore", "-o", packages, $"-p:Version={version}", "-p:VersionFromGit=false");
        Assert.That(pack.ExitCode, Is.Zero, pack.ToString());
        Assert.That(File.Exists(Path.Combine(packages, $"devin-handoff.{version}.nupkg")), Is.True, pack.ToString());

        // Only the local folder as a source: the install never reaches the network.
        var config = Path.Combine(work, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>
            """);
        var install = await Dotnet(cli, work, "tool", "install", "devin-handoff", "--tool-path", tools, "--configfile", config, "--version", version);
        Assert.That(install.ExitCode, Is.Zero, install.ToString());

        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "devin-handoff.exe" : "devin-handoff");
        var runner = new CliRunnerFor(cli, tool);
        var versionOut = await runner.Run(cli.Home, "--version");
        Assert.That(versionOut.ExitCode, Is.Zero, versionOut.ToString());
        Assert.That(versionOut.StandardOutput.Trim(), Is.EqualTo(version));
        Assert.That((await runner.Run(cli.Home, "-v")).StandardOutput.Trim(), Is.EqualTo(version));

        var alias = await runner.Run(cli.Home, "install");
        Assert.That(alias.ExitCode, Is.Zero, alias.ToString());
        var viaGit = await cli.Git(cli.Home, "devin-handoff", "--version");
        Assert.That(viaGit.StandardOutput.Trim(), Is.EqualTo(version), viaGit.ToString());
    }

    private sealed class CliRunnerFor(CliRunner cli, string program)
    {
        public async Task<CliResult> Run(string dir, params string[] args)
        {
            var env = new Dictionary<string, string?>(cli.Environment)
            {
                ["HOME"] = cli.Home, ["GIT_CONFIG_GLOBAL"] = cli.GlobalGitConfig, ["GIT_CONFIG_NOSYSTEM"] = "1",
            };
            var result = await CliWrap.Cli.Wrap(program).WithArguments(args).WithWorkingDirectory(dir)
                .WithEnvironmentVariables(env).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(Encoding.UTF8);
            return new CliResult(result.ExitCode, result.StandardOutput, result.StandardError);
        }
    }

    private static async Task<CliResult> Dotnet(CliRunner cli, string dir, params string[] args)
    {
        var env = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_CLI_HOME"] = cli.Home, ["NUGET_PACKAGES"] = Path.Combine(cli.Home, ".nuget", "packages"),
            ["GIT_CONFIG_GLOBAL"] = cli.GlobalGitConfig, ["GIT_CONFIG_NOSYSTEM"] = "1",
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var result = await CliWrap.Cli.Wrap("dotnet").WithArguments(args).WithWorkingDirectory(dir)
            .WithEnvironmentVariables(env).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(Encoding.UTF8, timeout.Token);
        return new CliResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    private static string SolutionRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Handoff.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Handoff.sln not found");
    }
}
