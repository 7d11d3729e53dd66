using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Git;

namespace Handoff.Cli.Commands;

/// <summary>
/// `devin-handoff install`: registers the global git alias so `git devin-handoff …` works. Idempotent.
/// The alias is a shell alias that first returns to the folder the user typed it in (git runs shell
/// aliases from the top of the work tree and passes the original subfolder as GIT_PREFIX).
/// </summary>
public sealed class InstallCommand(AppServices services) : CliCommand(services, "install",
    "Register the git alias `git devin-handoff` (global git config); safe to run twice")
{
    public const string AliasKey = "alias.devin-handoff";

    private readonly Option<string?> _path = new("--path") { Description = "Program the alias runs (default: this program)" };

    protected override string? JsonHelp => null;
    protected override IEnumerable<Symbol> Symbols() => [_path];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var program = parse.GetValue(_path) ?? Services.ExecutablePath
            ?? throw new HandoffException("cannot tell where this program is; pass --path", ExitCodes.Usage);
        var value = AliasValue(program);
        var git = new GitConfigWriter(Services.Processes, Services.Environment.CurrentDirectory);
        if (await git.GetGlobal(AliasKey, ct) == value)
        {
            Status("git alias already installed: git devin-handoff");
            return ExitCodes.Ok;
        }
        await git.SetGlobal(AliasKey, value, ct);
        Status($"installed git alias: git devin-handoff → {program}");
        return ExitCodes.Ok;
    }

    public static string AliasValue(string program) =>
        $"!cd \"${{GIT_PREFIX:-.}}\" && '{program.Replace("'", "'\\''")}'";
}
