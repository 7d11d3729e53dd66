using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Attachments;
using Handoff.Core.Following;
using Handoff.Core.Git;
using Handoff.Core.Handoffs;
using Handoff.Core.Inspection;
using Handoff.Core.Output;

namespace Handoff.Cli.Commands;

/// <summary>
/// `devin-handoff create`: Inspect → Scan → Compose (<see cref="HandoffPreparer"/>) → save and send
/// (<see cref="HandoffSender"/>), or several tasks from one scan (<see cref="FanOutRun"/>). A flag-compatible superset
/// of devin-handoff.sh create (--task/--context/--tag/--api-url/--org-id/--user-id).
/// </summary>
public sealed class CreateCommand(AppServices services) : ApiCommand(services, "create",
    "Hand the current task and local work to a new Devin session")
{
    private readonly Argument<string?> _taskArgument = new("TASK") { Arity = ArgumentArity.ZeroOrOne, Description = "The task (same as --task)" };
    private readonly Option<string[]> _task = new("--task") { Description = "What Devin should do; repeat it to create one session per task from one scan" };
    private readonly Option<string?> _title = new("--title") { Description = "Session title (default: the task's first line)" };
    private readonly Option<bool> _push = new("--push") { Description = "Push the branch first with your own git (git push -u REMOTE HEAD)" };
    private readonly Option<bool> _resend = new("--resend") { Description = "Send the handoff saved by the last create from this repository again" };
    private readonly Option<string[]> _attach = new("--attach") { Description = "Upload FILE and attach it to the session (repeatable; v1 keys: ATTACHMENT lines in the prompt)" };
    private readonly Option<bool> _follow = new("--follow") { Description = "Tail the new session right away (like `tail`; exit code from its end state)" };
    private readonly Option<string?> _interval = new("--interval") { Description = "With --follow: seconds between looks (default 5)" };
    private readonly HandoffFlags _handoff = new();

    protected override IEnumerable<Symbol> Symbols() => [_taskArgument, _task, _title, .. _handoff.Symbols(), _push, _resend, _attach, _follow, _interval];

    protected override void Configure(Command command)
    {
        base.Configure(command);
        // A mistyped flag must not silently become the task (and be sent to Devin).
        _taskArgument.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault()?.Value is { } token && token.StartsWith('-') && token.Length > 1)
                result.AddError($"Unrecognized command or argument '{token}' (a task that starts with '-' goes after --task)");
        });
    }

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        if (parse.GetValue(_resend))
            return await Resend(parse, json, ct);
        var tasks = parse.GetValue(_task) is { Length: > 0 } many ? many : [parse.GetValue(_taskArgument) ?? ""];
        if (tasks.Length > 1)
            return await CreateMany(parse, tasks, json, ct);
        if (string.IsNullOrWhiteSpace(tasks[0]))
            throw new HandoffException("a task is required: pass --task TEXT (or the task as the first argument)", ExitCodes.Usage);

        var cwd = Services.Environment.CurrentDirectory;
        var attachments = AttachmentUploader.CheckFilesOrNone(parse.GetValue(_attach), cwd);
        var options = await Options(parse, cwd, ct) with { Task = tasks[0], Title = parse.GetValue(_title) };
        await PushIfAsked(parse, options, ct);

        var prepared = Services.Preparer().Prepare(options);
        var report = new HandoffReport(Services.Console.Error);
        report.Warnings(prepared);
        var sender = new HandoffSender(Connector);
        var handoff = SavedHandoff.From(prepared, options, Services.Clock.Now);
        if (_handoff.DryRun(parse))
        {
            if (attachments.Count > 0)
                Status($"would upload and attach {attachments.Count} file(s): {string.Join(", ", attachments.Select(Path.GetFileName))}");
            if (json)
                WriteJson(DryRunView.From(prepared, handoff, await sender.RequestBody(handoff, ct)), CliJson.Compact.DryRunReport);
            else
                Services.Console.Out.Write(prepared.Prompt.Prompt.EndsWith('\n') ? prepared.Prompt.Prompt : prepared.Prompt.Prompt + "\n");
            report.Summary(prepared, dryRun: true);
            return ExitCodes.Ok;
        }

        var progress = new InlineProgress<SendEvent>(e =>
        {
            if (e is AttachmentsUploaded uploaded) Status($"uploaded {uploaded.Files.Count} attachment(s)");
            else if (e is CreatingSession) report.Summary(prepared, dryRun: false);
        });
        var sent = await ResendHint(() => sender.Send(new HandoffStore(prepared.Snapshot.GitDirectory), handoff, attachments, progress, ct));
        return await Render(sent, parse, json, ct);
    }

    /// <summary>Several --task: one scan, one session per task.</summary>
    private async Task<int> CreateMany(ParseResult parse, string?[] tasks, bool json, CancellationToken ct)
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
        var options = await Options(parse, Services.Environment.CurrentDirectory, ct);
        await PushIfAsked(parse, options, ct);
        var request = new BatchRequest
        {
            Entries = tasks.Select(t => new BatchEntry { Task = t! }).ToList(),
            Options = options,
            DryRun = _handoff.DryRun(parse),
            Concurrency = _handoff.Concurrency(parse),
        };
        return await new FanOutRun(Services).Run(request, Connector, json, ct);
    }

    /// <summary>The handoff flags, resolved; --context - reads stdin.</summary>
    private async Task<HandoffOptions> Options(ParseResult parse, string cwd, CancellationToken ct)
    {
        var context = _handoff.Context(parse);
        if (context == "-")
            context = await Services.Console.In.ReadToEndAsync(ct);
        return _handoff.Resolve(parse, Services.Settings(cwd), cwd, context);
    }

    /// <summary>--push: the user's own git pushes the branch first; a failed push stops the handoff.</summary>
    private async Task PushIfAsked(ParseResult parse, HandoffOptions options, CancellationToken ct)
    {
        if (!parse.GetValue(_push) || _handoff.DryRun(parse)) return;
        var remote = options.RemoteName
            ?? Services.Inspector().Inspect(new InspectOptions { StartDirectory = options.StartDirectory, IncludeChanges = false }).RemoteName
            ?? throw new HandoffException("--push: this repository has no remote to push to", ExitCodes.Usage);
        Status($"pushing to {remote} with your git…");
        await Services.Git().Push(options.StartDirectory, remote, ct);
    }

    private async Task<int> Resend(ParseResult parse, bool json, CancellationToken ct)
    {
        var cwd = Services.Environment.CurrentDirectory;
        var store = new HandoffStore(GitDirectoryFinder.Find(cwd) ?? throw new HandoffException($"not inside a git repository: {cwd}"));
        var sender = new HandoffSender(Connector);
        if (_handoff.DryRun(parse))
        {
            var saved = HandoffSender.Saved(store);
            Services.Console.Out.WriteLine(json ? (await sender.RequestBody(saved, ct)).ToJsonString() : saved.Prompt);
            return ExitCodes.Ok;
        }
        var progress = new InlineProgress<SendEvent>(e =>
        {
            if (e is Resending again) Status($"resending the handoff saved {again.Handoff.SavedAt:yyyy-MM-dd HH:mm} ({again.Handoff.Title})");
        });
        return await Render(await ResendHint(() => sender.Resend(store, progress, ct)), parse, json, ct);
    }

    /// <summary>The session on stdout (its URL, or the --json result), then --follow.</summary>
    private async Task<int> Render(HandoffSent sent, ParseResult parse, bool json, CancellationToken ct)
    {
        var session = sent.Session;
        if (sent.Recovered)
            Status("the first response was lost; found the session it created (no duplicate)");
        var follow = parse.GetValue(_follow);
        if (json)
        {
            Services.Console.Out.WriteLine(ResultJson(session.SessionId, sent.Url, session.Status, session.Title ?? sent.Handoff.Title,
                session.Tags.Count > 0 ? session.Tags : sent.Handoff.Tags, sent.IsNewSession, sent.Recovered));
        }
        else
        {
            Services.Console.Out.WriteLine(sent.Url);
            if (!follow)
                Status($"follow it: devin-handoff tail {session.SessionId}   (or: devin-handoff poll last)");
        }
        if (!follow) return ExitCodes.Ok;
        var options = new TailOptions { Interval = FollowSupport.Duration(parse.GetValue(_interval), "--interval") ?? TailOptions.DefaultInterval };
        return (await FollowSupport.Follow(Services, await Connect(ct), session.SessionId, options, json, ct)).ExitCode;
    }

    /// <summary>A send that failed after the save says how to send the saved handoff again.</summary>
    private static async Task<T> ResendHint<T>(Func<Task<T>> send)
    {
        try
        {
            return await send();
        }
        catch (HandoffNotSentException e)
        {
            throw new HandoffException($"{e.Message} (the handoff is saved: 'devin-handoff create --resend' sends it when fixed)", e.ExitCode, e.InnerException);
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
}
