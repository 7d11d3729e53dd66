using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;
using Handoff.Core.Handoffs;
using Handoff.Core.Output;
using Handoff.Core.Secrets;

namespace Handoff.Cli.Commands;

/// <summary>
/// `devin-handoff create`: Inspect → Scan → Compose → (save) → Send. A flag-compatible superset of
/// devin-handoff.sh create (--task/--context/--tag/--api-url/--org-id/--user-id).
/// </summary>
public sealed class CreateCommand(AppServices services) : ICliCommand
{
    private readonly Argument<string?> _taskArgument = new("TASK") { Arity = ArgumentArity.ZeroOrOne, Description = "The task (same as --task)" };
    private readonly Option<string[]> _task = new("--task") { Description = "What Devin should do; repeat it to create one session per task from one scan" };
    private readonly Option<string?> _context = new("--context") { Description = "What you already know (files read, findings, partial fixes); '-' reads stdin" };
    private readonly Option<string[]> _tags = new("--tag") { Description = "Extra tag (repeatable); 'handoff' is always added" };
    private readonly Option<string?> _title = new("--title") { Description = "Session title (default: the task's first line)" };
    private readonly Option<string?> _playbook = new("--playbook") { Description = "Playbook id to run" };
    private readonly Option<string[]> _knowledge = new("--knowledge") { Description = "Knowledge note id (repeatable; default: all)" };
    private readonly Option<int?> _maxAcu = new("--max-acu") { Description = "ACU limit for the session" };
    private readonly Option<string?> _repo = new("--repo") { Description = "Repository to name in the prompt (HOST/PATH), instead of the remote's" };
    private readonly Option<string?> _remote = new("--remote") { Description = "Remote to read (default: upstream's, else origin, else the only one)" };
    private readonly Option<bool> _push = new("--push") { Description = "Push the branch first with your own git (git push -u REMOTE HEAD)" };
    private readonly Option<string?> _maxBytes = new("--max-bytes") { Description = "Prompt budget in bytes (default 200KB; accepts 300KB, 1MB)" };
    private readonly Option<bool> _noDiff = new("--no-diff") { Description = "Send only repository metadata, no diff or patches" };
    private readonly Option<bool> _redact = new("--redact") { Description = "Replace only the secret with [REDACTED:rule] instead of withholding its hunk" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print exactly what would be sent; send nothing (no key needed)" };
    private readonly Option<bool> _resend = new("--resend") { Description = "Send the handoff saved by the last create from this repository again" };
    private readonly Option<int> _concurrency = new("--concurrency") { Description = "With several --task: sessions created at a time (default 4)", DefaultValueFactory = _ => Cli.FanOut.DefaultConcurrency };
    private readonly Option<string[]> _attach = new("--attach") { Description = "Upload FILE and attach it to the session (repeatable; v1 keys: ATTACHMENT lines in the prompt)" };
    private readonly Option<bool> _json = new("--json") { Description = "Machine-readable output" };
    private readonly Option<bool> _follow = new("--follow") { Description = "Tail the new session right away (like `tail`; exit code from its end state)" };
    private readonly Option<string?> _interval = new("--interval") { Description = "With --follow: seconds between looks (default 5)" };
    private readonly ApiOptions _api = new();

    public Command Build()
    {
        var command = new Command("create", "Hand the current task and local work to a new Devin session");
        command.Arguments.Add(_taskArgument);
        // A mistyped flag must not silently become the task (and be sent to Devin).
        _taskArgument.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault()?.Value is { } token && token.StartsWith('-') && token.Length > 1)
                result.AddError($"Unrecognized command or argument '{token}' (a task that starts with '-' goes after --task)");
        });
        foreach (var option in new Option[] { _task, _context, _tags, _title, _playbook, _knowledge, _maxAcu, _repo, _remote, _push, _maxBytes, _noDiff, _redact, _dryRun, _resend, _attach, _concurrency, _json, _follow, _interval })
            command.Options.Add(option);
        _api.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.Run(services, parse.GetValue(_json), token => Execute(parse, token), ct));
        return command;
    }

    private async Task<int> Execute(ParseResult parse, CancellationToken cancellationToken)
    {
        var json = parse.GetValue(_json);
        var cwd = services.Environment.CurrentDirectory;
        if (parse.GetValue(_resend))
            return await Resend(parse, json, cancellationToken);

        var tasks = parse.GetValue(_task) is { Length: > 0 } many ? many : [parse.GetValue(_taskArgument) ?? ""];
        if (tasks.Length > 1)
            return await CreateMany(parse, tasks, cancellationToken);
        var task = tasks[0];
        if (string.IsNullOrWhiteSpace(task))
            throw new HandoffException("a task is required: pass --task TEXT (or the task as the first argument)", ExitCodes.Usage);
        var attachFiles = AttachmentUploader.CheckFilesOrNone(services, parse.GetValue(_attach));
        var context = parse.GetValue(_context);
        if (context == "-")
            context = await services.Console.In.ReadToEndAsync(cancellationToken);

        var settings = services.Settings(cwd);
        var maxBytes = ByteSize.Parse(settings.Resolve(parse.GetValue(_maxBytes), "DEVIN_HANDOFF_MAX_BYTES", "maxBytes").Value, HandoffOptions.DefaultMaxBytes, "--max-bytes");
        var secretMode = parse.GetValue(_redact) || settings.GetBool(null, "redact", false) ? SecretMode.Redact : SecretMode.Withhold;
        var remote = settings.Resolve(parse.GetValue(_remote), null, "remote").Value;

        await PushIfAsked(parse, cwd, remote, cancellationToken);

        var prepared = services.Preparer().Prepare(new HandoffOptions
        {
            Task = task,
            Context = string.IsNullOrWhiteSpace(context) ? null : context,
            Title = parse.GetValue(_title),
            Tags = parse.GetValue(_tags) ?? [],
            StartDirectory = cwd,
            RemoteName = remote,
            RepoOverride = parse.GetValue(_repo),
            MaxBytes = maxBytes,
            IncludeChanges = !parse.GetValue(_noDiff),
            SecretMode = secretMode,
        });
        var report = new HandoffReport(services.Console.Error);
        report.Warnings(prepared);

        var saved = new SavedHandoff
        {
            ClientToken = Guid.NewGuid().ToString("N")[..16],
            Prompt = prepared.Prompt.Prompt,
            Title = prepared.Prompt.Title,
            Tags = prepared.Tags,
            PlaybookId = parse.GetValue(_playbook),
            KnowledgeIds = parse.GetValue(_knowledge) is { Length: > 0 } k ? k : null,
            MaxAcuLimit = parse.GetValue(_maxAcu),
            SavedAt = services.Clock.Now,
        };

        if (parse.GetValue(_dryRun))
        {
            if (attachFiles.Count > 0)
                services.Console.Error.WriteLine($"would upload and attach {attachFiles.Count} file(s): {string.Join(", ", attachFiles.Select(Path.GetFileName))}");
            if (json)
                services.Console.Out.WriteLine(Json.Serialize(DryRunView.From(prepared, saved, RequestBody(saved, parse)), CliJson.Compact.DryRunReport));
            else
                services.Console.Out.Write(prepared.Prompt.Prompt.EndsWith('\n') ? prepared.Prompt.Prompt : prepared.Prompt.Prompt + "\n");
            report.Summary(prepared, dryRun: true);
            return ExitCodes.Ok;
        }

        // Saved before anything can fail (no key, no network), so the task, context and prompt are never lost.
        var store = new HandoffStore(prepared.Snapshot.GitDirectory);
        store.Save(saved);
        using var client = await SavedOnFailure(() => services.DevinClient(_api.Read(parse), cwd, cancellationToken));
        saved = saved with { CreateAsUserId = client.Connection.UserId };
        if (attachFiles.Count > 0)
        {
            // Saved with the URLs, so a --resend reuses them instead of uploading again.
            var uploaded = await SavedOnFailure(() => AttachmentUploader.UploadAll(client, attachFiles, cancellationToken));
            saved = saved with { AttachmentUrls = uploaded.Select(u => u.Attachment.Url).ToList() };
            services.Console.Error.WriteLine($"uploaded {uploaded.Count} attachment(s)");
        }
        store.Save(saved);
        report.Summary(prepared, dryRun: false);
        return await Send(client, store, saved, json, parse, cancellationToken);
    }

    /// <summary>--push: the user's own git pushes the branch first; a failed push stops the handoff.</summary>
    private async Task PushIfAsked(ParseResult parse, string cwd, string? remote, CancellationToken cancellationToken)
    {
        if (!parse.GetValue(_push) || parse.GetValue(_dryRun)) return;
        var pushRemote = remote
            ?? services.Inspector().Inspect(new Core.Inspection.InspectOptions { StartDirectory = cwd, IncludeChanges = false }).RemoteName
            ?? throw new HandoffException("--push: this repository has no remote to push to", ExitCodes.Usage);
        services.Console.Error.WriteLine($"pushing to {pushRemote} with your git…");
        await services.Git().Push(cwd, pushRemote, cancellationToken);
    }

    /// <summary>Several --task: one scan, one session per task (see <see cref="Cli.FanOut"/>).</summary>
    private async Task<int> CreateMany(ParseResult parse, string?[] tasks, CancellationToken cancellationToken)
    {
        if (tasks.Any(string.IsNullOrWhiteSpace))
            throw new HandoffException("--task: a task is empty", ExitCodes.Usage);
        if (parse.GetValue(_title) is not null)
            throw new HandoffException("--title names one session; with several --task each title is its task's first line", ExitCodes.Usage);
        if (parse.GetValue(_taskArgument) is not null)
            throw new HandoffException("pass every task with --task when there are several", ExitCodes.Usage);
        if (parse.GetValue(_attach) is { Length: > 0 })
            throw new HandoffException("--attach works with one task; with several, name the files in the context", ExitCodes.Usage);
        if (parse.GetValue(_follow))
            throw new HandoffException("--follow follows one session; with several --task run: devin-handoff sessions --tag TAG --watch", ExitCodes.Usage);
        var cwd = services.Environment.CurrentDirectory;
        var context = parse.GetValue(_context);
        if (context == "-")
            context = await services.Console.In.ReadToEndAsync(cancellationToken);
        var settings = services.Settings(cwd);
        var remote = settings.Resolve(parse.GetValue(_remote), null, "remote").Value;
        await PushIfAsked(parse, cwd, remote, cancellationToken);
        return await new FanOut(services).Run(new FanOutRequest
        {
            Entries = tasks.Select(t => new BatchEntry { Task = t! }).ToList(),
            Context = string.IsNullOrWhiteSpace(context) ? null : context,
            Tags = parse.GetValue(_tags) ?? [],
            Playbook = parse.GetValue(_playbook),
            Knowledge = parse.GetValue(_knowledge) is { Length: > 0 } k ? k : null,
            MaxAcu = parse.GetValue(_maxAcu),
            Repo = parse.GetValue(_repo),
            Remote = remote,
            MaxBytes = ByteSize.Parse(settings.Resolve(parse.GetValue(_maxBytes), "DEVIN_HANDOFF_MAX_BYTES", "maxBytes").Value, HandoffOptions.DefaultMaxBytes, "--max-bytes"),
            IncludeChanges = !parse.GetValue(_noDiff),
            SecretMode = parse.GetValue(_redact) || settings.GetBool(null, "redact", false) ? SecretMode.Redact : SecretMode.Withhold,
            DryRun = parse.GetValue(_dryRun),
            Json = parse.GetValue(_json),
            Concurrency = parse.GetValue(_concurrency),
            Api = _api.Read(parse),
        }, cancellationToken);
    }

    private async Task<int> Resend(ParseResult parse, bool json, CancellationToken cancellationToken)
    {
        var cwd = services.Environment.CurrentDirectory;
        var gitDir = Handoff.Core.Git.GitDirectoryFinder.Find(cwd)
            ?? throw new HandoffException($"not inside a git repository: {cwd}");
        var store = new HandoffStore(gitDir);
        var saved = store.Load() ?? throw new HandoffException("no saved handoff in this repository; run create first", ExitCodes.NotFound);
        if (parse.GetValue(_dryRun))
        {
            services.Console.Out.WriteLine(json ? RequestBody(saved, parse).ToJsonString() : saved.Prompt);
            return ExitCodes.Ok;
        }
        using var client = await services.DevinClient(_api.Read(parse), cwd, cancellationToken);
        services.Console.Error.WriteLine($"resending the handoff saved {saved.SavedAt:yyyy-MM-dd HH:mm} ({saved.Title})");
        return await Send(client, store, saved, json, parse, cancellationToken);
    }

    private async Task<int> Send(IDevinClient client, HandoffStore store, SavedHandoff saved, bool json, ParseResult parse, CancellationToken cancellationToken)
    {
        var created = await SavedOnFailure(() => client.Sessions.Create(ToRequest(saved, client.Connection.UserId), saved.ClientToken, cancellationToken));
        var session = created.Session;
        var url = SessionIds.WebUrl(session);
        store.Save(saved with { SessionId = session.SessionId, SessionUrl = url });
        store.RecordSession(session.SessionId);
        if (created.Recovered)
            services.Console.Error.WriteLine("the first response was lost; found the session it created (no duplicate)");
        if (json)
        {
            services.Console.Out.WriteLine(ResultJson(session.SessionId, url, session.Status, session.Title ?? saved.Title,
                session.Tags.Count > 0 ? session.Tags : saved.Tags, created.IsNewSession, created.Recovered));
        }
        else
        {
            services.Console.Out.WriteLine(url);
            if (!parse.GetValue(_follow))
                services.Console.Error.WriteLine($"follow it: devin-handoff tail {session.SessionId}   (or: devin-handoff poll last)");
        }
        if (parse.GetValue(_follow))
        {
            var options = new Core.Following.TailOptions
            {
                Interval = FollowSupport.Duration(parse.GetValue(_interval), "--interval") ?? Core.Following.TailOptions.DefaultInterval,
            };
            return (await FollowSupport.Follow(services, client, session.SessionId, options, json, cancellationToken)).ExitCode;
        }
        return ExitCodes.Ok;
    }

    /// <summary>A failure after the save says how to send the saved handoff again.</summary>
    private static async Task<T> SavedOnFailure<T>(Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (HandoffException e) when (e.ExitCode is not ExitCodes.Usage)
        {
            throw new HandoffException($"{e.Message} (the handoff is saved: 'devin-handoff create --resend' sends it when fixed)", e.ExitCode, e);
        }
    }

    /// <summary>
    /// The --json result, written by hand in the style of <see cref="Json.Options"/> (same fields, order and escaping):
    /// serializing an anonymous type through reflection cost a short run about 100 JIT-compiled methods.
    /// </summary>
    internal static string ResultJson(string sessionId, string url, string? status, string? title, IReadOnlyList<string> tags, bool isNewSession, bool recovered)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = Json.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("session_id", sessionId);
            writer.WriteString("url", url);
            writer.WriteString("status", status);
            writer.WriteString("title", title);
            writer.WriteStartArray("tags");
            foreach (var tag in tags) writer.WriteStringValue(tag);
            writer.WriteEndArray();
            writer.WriteBoolean("is_new_session", isNewSession);
            writer.WriteBoolean("recovered", recovered);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The exact body a send would post: the key's API flavour when a key is set, else v3.</summary>
    private System.Text.Json.Nodes.JsonNode RequestBody(SavedHandoff saved, ParseResult parse)
    {
        var settings = services.Settings();
        var key = services.Environment.Get("DEVIN_API_KEY");
        var flavor = key is not null && key.StartsWith("apk_", StringComparison.Ordinal) ? ApiFlavor.V1 : ApiFlavor.V3;
        var userId = settings.UserId(_api.Read(parse).UserId).Value;
        return System.Text.Json.Nodes.JsonNode.Parse(DevinClient.CreateBodyJson(flavor, ToRequest(saved, null), saved.ClientToken, userId))!;
    }

    internal static SessionCreateRequest ToRequest(SavedHandoff saved, string? userId) => new()
    {
        Prompt = saved.Prompt,
        Title = saved.Title,
        Tags = saved.Tags,
        PlaybookId = saved.PlaybookId,
        KnowledgeIds = saved.KnowledgeIds,
        MaxAcuLimit = saved.MaxAcuLimit,
        CreateAsUserId = saved.CreateAsUserId ?? userId,
        AttachmentUrls = saved.AttachmentUrls.Count > 0 ? saved.AttachmentUrls : null,
    };
}
