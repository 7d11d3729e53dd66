using Handoff.Core.Handoffs;
using Handoff.Core.Secrets;

namespace Handoff.Cli.Mcp.Tools;

/// <summary>The arguments of handoff_preview and handoff_create, and the <see cref="HandoffOptions"/> they resolve to.</summary>
public static class HandoffInput
{
    public static readonly ToolParameter[] Parameters =
    [
        ToolParameter.Text("task", "What Devin should do, in a sentence or a paragraph.", required: true),
        ToolParameter.Text("context", "What you already know: files read, findings, failed attempts, partial fixes. Secrets in it are redacted."),
        ToolParameter.Text("title", "The session's title; default: the task's first line."),
        ToolParameter.Texts("tags", "Extra tags for the session; 'handoff' is always added."),
        ToolParameter.Text("playbook_id", "A playbook for the session to run."),
        ToolParameter.Texts("knowledge_ids", "Knowledge note ids the session may use; default: all of the organization's."),
        ToolParameter.Number("max_acu", "ACU limit of the session.", 1, 10_000),
        ToolParameter.Text("remote", "The git remote to name in the prompt; default: the upstream's, else origin, else the only one (git config devin-handoff.remote)."),
        ToolParameter.Text("max_bytes", "Prompt budget: 200000, 300KB, 1MB (default DEVIN_HANDOFF_MAX_BYTES, git config devin-handoff.maxBytes, else 200KB)."),
        ToolParameter.Flag("no_diff", "Send only repository facts (remote, branch, commits), no diff or patches."),
        ToolParameter.Flag("redact", "Replace only a secret itself with [REDACTED:rule] instead of withholding its whole hunk."),
        RepositoryPath.Parameter,
    ];

    /// <summary>The handoff the arguments describe, with the repository's settings under what they leave out.</summary>
    public static HandoffOptions Options(ToolArguments a, AppServices services, string folder)
    {
        var task = a.String("task")!;
        if (string.IsNullOrWhiteSpace(task))
            throw new Handoff.Core.HandoffException("'task' is empty", Handoff.Core.ExitCodes.Usage);
        var settings = services.Settings(folder);
        return new HandoffOptions
        {
            Task = task,
            Context = string.IsNullOrWhiteSpace(a.String("context")) ? null : a.String("context"),
            Title = string.IsNullOrWhiteSpace(a.String("title")) ? null : a.String("title"),
            Tags = a.Strings("tags"),
            StartDirectory = folder,
            RemoteName = settings.Remote(a.String("remote")),
            MaxBytes = settings.MaxBytes(a.String("max_bytes"), "max_bytes"),
            IncludeChanges = !a.Bool("no_diff"),
            SecretMode = settings.Redact(a.Bool("redact")) ? SecretMode.Redact : SecretMode.Withhold,
            PlaybookId = a.String("playbook_id"),
            KnowledgeIds = a.Strings("knowledge_ids") is { Count: > 0 } k ? k : null,
            MaxAcuLimit = a.Integer("max_acu") is { } acu ? (int)acu : null,
        };
    }
}
