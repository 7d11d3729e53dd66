using System.CommandLine;
using Handoff.Core;
using Handoff.Core.GitHub;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff pickup SESSION`: checks out the session's pull request branch locally, with your own git.</summary>
public sealed class PickupCommand(AppServices services) : SessionCommand(services, "pickup",
    "Fetch the session's pull request branch with your git and check it out locally " +
        "(GitHub: GH_TOKEN/GITHUB_TOKEN for private repositories)")
{
    private readonly Option<bool> _stash = new("--stash") { Description = "Stash uncommitted changes first (otherwise a dirty tree is refused)" };

    protected override string JsonHelp => "Print what was checked out as JSON";
    protected override IEnumerable<Symbol> MoreSymbols() => [_stash];

    protected override async Task<int> Execute(ParseResult parse, string id, bool json, CancellationToken ct)
    {
        var cwd = Services.Environment.CurrentDirectory;
        var pickup = new PullRequestPickup(await Connect(ct), new OctokitPullRequestSource(Services.Environment), Services.Processes);
        var result = await pickup.Run(new PickupOptions { SessionId = id, WorkingDirectory = cwd, Stash = parse.GetValue(_stash) }, ct);
        if (json)
        {
            WriteJson(new PickupView(
                result.SessionId, result.PullRequestUrl, result.PullRequestState, result.Repository, result.Branch, result.Commit,
                result.Source, result.FromRemote, result.Stashed, result.BranchCreated), CliJson.Compact.PickupView);
            return ExitCodes.Ok;
        }
        if (result.Stashed) Status("stashed your changes (git stash pop brings them back)");
        Status($"{(result.BranchCreated ? "created" : "updated")} branch {result.Branch} at {result.Commit[..Math.Min(12, result.Commit.Length)]} from {result.Source} ({result.PullRequestUrl})");
        Services.Console.Out.WriteLine(result.Branch);
        return ExitCodes.Ok;
    }
}

/// <summary>`pickup --json`.</summary>
public sealed record PickupView(
    string SessionId, string PrUrl, string? PrState, string Repository, string Branch, string Commit,
    string Source, bool FromRemote, bool Stashed, bool BranchCreated);
