using System.Globalization;
using Handoff.Core.Devin;
using Handoff.Core.Following;
using Handoff.Core.Output;

namespace Handoff.Cli.Output;

/// <summary>
/// Writes follow events: messages and the end summary are data (stdout); status changes and API trouble
/// are progress (stderr). Text mode: "HH:MM:SS devin: text" with continuation lines indented under the text.
/// JSON mode: one object per line (NDJSON), see <see cref="FollowView"/>.
/// </summary>
public sealed class FollowPrinter(TextWriter output, TextWriter status, bool json, TimeZoneInfo? timeZone = null, LiveStatusLine? live = null)
{
    private readonly TimeZoneInfo _zone = timeZone ?? TimeZoneInfo.Local;

    public void Write(FollowEvent e)
    {
        switch (e)
        {
            case MessageReceived m: Message(m.Message, sessionId: null); break;
            case StatusChanged s: StatusChangedLine(s); break;
            case ApiTrouble t: Progress($"devin-handoff: {t.Message}; trying again in {DurationText.Format(t.RetryIn)}"); break;
            case FollowEnded end: End(end); break;
        }
    }

    /// <summary>Set once known so NDJSON message lines carry the session id.</summary>
    public string? SessionId { get; set; }

    public void Message(SessionMessage m, string? sessionId)
    {
        if (json)
        {
            WriteData(Json.Serialize(FollowView.Message(sessionId ?? SessionId ?? "", m), Json.Context.FollowMessageView));
            return;
        }
        var time = m.CreatedAt is { } at ? TimeZoneInfo.ConvertTime(at, _zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "--:--:--";
        var prefix = $"{time} {(string.IsNullOrEmpty(m.Source) ? "?" : m.Source)}: ";
        var lines = m.Message.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var indent = new string(' ', prefix.Length);
        WriteData(prefix + lines[0] + string.Concat(lines.Skip(1).Select(l => "\n" + (l.Length == 0 ? "" : indent + l))));
    }

    public void End(FollowEnded end)
    {
        live?.Stop();
        if (json)
        {
            WriteData(Json.Serialize(FollowView.End(end), Json.Context.FollowEndView));
            return;
        }
        foreach (var line in SummaryLines(end.Session, end.Classification))
            WriteData(line);
    }

    /// <summary>status, title, url and one "PR: url (state)" line per pull request.</summary>
    public static IEnumerable<string> SummaryLines(SessionResponse session, SessionClassification classification)
    {
        yield return $"status: {FollowView.StatusText(session)} ({classification.Reason})";
        if (!string.IsNullOrWhiteSpace(session.Title)) yield return $"title: {session.Title}";
        yield return $"url: {SessionIds.WebUrl(session)}";
        foreach (var pr in session.PullRequests)
            yield return $"PR: {pr.PrUrl} ({pr.PrState ?? "unknown"})";
    }

    private void StatusChangedLine(StatusChanged s)
    {
        SessionId ??= s.Session.SessionId;
        if (live is { Enabled: true })
        {
            live.Update(s.Classification.Reason);
            return;
        }
        if (!json) Progress($"status: {FollowView.StatusText(s.Session)} ({s.Classification.Reason})");
        if (s.Classification.Note is { } note) Progress($"devin-handoff: note: {note}");
    }

    private void WriteData(string text)
    {
        if (live is null) { output.WriteLine(text); output.Flush(); return; }
        live.Interrupt(() => { output.WriteLine(text); output.Flush(); });
    }

    private void Progress(string text)
    {
        if (live is null) { status.WriteLine(text); return; }
        live.Interrupt(() => status.WriteLine(text));
    }
}
