using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Attachments;
using Handoff.Core.Devin;
using Handoff.Core.Handoffs;

namespace Handoff.Cli.Commands;

/// <summary>
/// `devin-handoff attachments SESSION [--download DIR [--force]]`: lists a session's attachments, or downloads
/// them safely (names sanitised, only inside DIR, no half files, the key never sent to the storage host).
/// </summary>
public sealed class AttachmentsCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string> _session = new("SESSION") { Description = "Session id (devin-… or bare), or 'last' for this repository's last handoff" };
    private readonly Option<string?> _download = new("--download") { Description = "Download every attachment into folder DIR (created if missing)" };
    private readonly Option<bool> _force = new("--force") { Description = "With --download: overwrite files that already exist" };

    protected override string Name => "attachments";
    protected override string Description => "List a session's attachments, or download them with --download DIR";
    protected override IEnumerable<Symbol> Symbols() => [_session, _download, _force];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var directory = parse.GetValue(_download);
        if (parse.GetValue(_force) && directory is null)
            throw new HandoffException("--force only applies with --download DIR", ExitCodes.Usage);
        if (directory is not null && string.IsNullOrWhiteSpace(directory))
            throw new HandoffException("--download needs a folder", ExitCodes.Usage);
        var sessionId = ResolveSession(Services, parse.GetValue(_session)!);
        var client = await Connect(parse, ct);
        var attachments = await client.Attachments.List(sessionId, ct);

        if (directory is null)
        {
            if (json)
                WriteJson(attachments.Select(a => new AttachmentView(a.AttachmentId, a.Name, a.Url, a.Source, a.ContentType)).ToList(), CliJson.Compact.ListAttachmentView);
            else
            {
                WriteTable(["name", "source", "type", "url"], attachments.Select(a => new[] { a.Name, a.Source, a.ContentType, a.Url }));
                if (attachments.Count == 0) Status($"session {SessionIds.Normalize(sessionId)} has no attachments");
            }
            return ExitCodes.Ok;
        }

        var root = Path.GetFullPath(directory, Services.Environment.CurrentDirectory);
        var downloader = new AttachmentDownloader(client.Attachments.Download);
        var results = await downloader.DownloadAll(attachments, root, parse.GetValue(_force), r =>
        {
            if (json) return;
            switch (r.Status)
            {
                case DownloadStatus.Downloaded: Services.Console.Out.WriteLine(r.Path); break;
                case DownloadStatus.Skipped: Status($"kept {r.Path}: {r.Reason}"); break;
                default: Status($"failed {r.Name}: {r.Reason}"); break;
            }
        }, ct);
        if (json)
        {
            WriteJson(results.Select(r => new DownloadView(r.Name, r.FileName, r.Path, r.Status, r.Bytes, r.Reason)).ToList(), CliJson.Compact.ListDownloadView);
        }
        else if (results.Count == 0)
        {
            Status($"session {SessionIds.Normalize(sessionId)} has no attachments");
        }
        var failed = results.Where(r => r.Status == DownloadStatus.Failed).ToList();
        if (failed.Count == 0) return ExitCodes.Ok;
        if (!json) Status($"{failed.Count} of {results.Count} attachment(s) failed");
        return failed.Select(f => f.ExitCode).FirstOrDefault(c => c != ExitCodes.Ok, ExitCodes.Error);
    }

    /// <summary>"last" → the session recorded by the last create in this repository; otherwise the id as given.</summary>
    public static string ResolveSession(AppServices services, string session)
    {
        if (!string.Equals(session.Trim(), "last", StringComparison.OrdinalIgnoreCase))
            return string.IsNullOrWhiteSpace(session) ? throw new HandoffException("SESSION is required", ExitCodes.Usage) : session.Trim();
        var gitDir = Handoff.Core.Git.GitDirectoryFinder.Find(services.Environment.CurrentDirectory)
                     ?? throw new HandoffException("'last' needs a git repository with a previous handoff; pass the session id", ExitCodes.Usage);
        return new HandoffStore(gitDir).LastSession()
               ?? throw new HandoffException("no session recorded in this repository yet; pass the session id", ExitCodes.NotFound);
    }
}

/// <summary>An item of `attachments --json` (listing).</summary>
public sealed record AttachmentView(string? AttachmentId, string Name, string Url, string? Source, string? ContentType);

/// <summary>An item of `attachments --download DIR --json`; status is "downloaded", "skipped" or "failed".</summary>
public sealed record DownloadView(string Name, string FileName, string Path, DownloadStatus Status, long Bytes, string? Reason);
