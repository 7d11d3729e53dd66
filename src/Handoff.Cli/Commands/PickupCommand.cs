using System.CommandLine;
using Handoff.Core;
using Handoff.Core.GitHub;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff pickup SESSION`: checks out the session's pull request branch locally, with your own git.</summary>
public sealed class PickupCommand(AppServices services) : ICliCommand
{
    private readonly Argument<string?> _session = FollowSupport.OptionalSession();
    private readonly Option<bool> _stash = new("--stash") { Description = "Stash uncommitted changes first (otherwise a dirty tree is refused)" };
    private readonly Option<bool> _json = new("--json") { Description = "Print what was checked out as JSON" };
    private readonly ApiOptions _api = new();

    public Command Build()
    {
        var command = new Command("pickup", "Fetch the session's pull request branch with your git and check it out locally " +
                                            "(GitHub: GH_TOKEN/GITHUB_TOKEN for private repositories)");
        command.Arguments.Add(_session);
        command.Options.Add(_stash);
        command.Options.Add(_json);
        _api.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.Run(services, parse.GetValue(_json), async token =>
        {
            var cwd = services.Environment.CurrentDirectory;
            var id = FollowSupport.Resolve(services, parse.GetValue(_session));
            using var client = await services.DevinClient(_api.Read(parse), cwd, token);
            var pickup = new PullRequestPickup(client, new OctokitPullRequestSource(services.Environment), services.Processes);
            var result = await pickup.Run(new PickupOptions { SessionId = id, WorkingDirectory = cwd, Stash = parse.GetValue(_stash) }, token);
            if (parse.GetValue(_json))
            {
                services.Console.Out.WriteLine(Json.Serialize(new PickupView(
                    result.SessionId, result.PullRequestUrl, result.PullRequestState, result.Repository, result.Branch, result.Commit,
                    result.Source, result.FromRemote, result.Stashed, result.BranchCreated), CliJson.Compact.PickupView));
            }
            else
            {
                if (result.Stashed) services.Console.Error.WriteLine("stashed your changes (git stash pop brings them back)");
                services.Console.Error.WriteLine($"{(result.BranchCreated ? "created" : "updated")} branch {result.Branch} at {result.Commit[..Math.Min(12, result.Commit.Length)]} from {result.Source} ({result.PullRequestUrl})");
                services.Console.Out.WriteLine(result.Branch);
            }
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}

/// <summary>`pickup --json`.</summary>
public sealed record PickupView(
    string SessionId, string PrUrl, string? PrState, string Repository, string Branch, string Commit,
    string Source, bool FromRemote, bool Stashed, bool BranchCreated);
