using System.Globalization;
using System.Text;
using Handoff.Core.Inspection;

namespace Handoff.Core.Prompting;

/// <summary>
/// Renders changes as text git accepts: a file's unified diff (for `git apply`) and a commit as a
/// `git format-patch` mail (for `git am`). Every line ends with "\n".
/// </summary>
public static class GitPatchFormat
{
    /// <summary>The fixed date format-patch writes on the mbox "From" line.</summary>
    private const string MboxMagicDate = "Mon Sep 17 00:00:00 2001";

    /// <summary>The header lines and hunks of one file, as `git diff` prints them.</summary>
    public static string FileDiff(FileChange file)
    {
        var text = new StringBuilder();
        AppendFileDiff(text, file);
        return text.ToString();
    }

    public static void AppendFileDiff(StringBuilder text, FileChange file)
    {
        foreach (var line in file.HeaderLines) text.Append(line).Append('\n');
        foreach (var hunk in file.Hunks)
        {
            text.Append(hunk.Header).Append('\n');
            foreach (var line in hunk.Lines) text.Append(line).Append('\n');
        }
    }

    /// <summary>
    /// One commit as `git format-patch` writes it: mbox From line, From/Date/Subject headers
    /// ("[PATCH number/total]"), the message body, "---", the diff of <paramref name="files"/>, and the "-- " signature.
    /// Non-ASCII header values are RFC 2047 encoded and the body is declared UTF-8, as format-patch does.
    /// </summary>
    public static string Commit(CommitPatch commit, int number, int total, IEnumerable<FileChange> files)
    {
        var subject = SingleLine(commit.Subject.Length > 0 ? commit.Subject : FirstLine(commit.Message));
        var body = BodyOf(commit, subject);
        var text = new StringBuilder();
        text.Append("From ").Append(commit.Sha).Append(' ').Append(MboxMagicDate).Append('\n');
        text.Append("From: ").Append(Mailbox(commit.AuthorName, commit.AuthorEmail)).Append('\n');
        text.Append("Date: ").Append(Rfc2822Date(commit.AuthorDate)).Append('\n');
        text.Append("Subject: [PATCH ").Append(number).Append('/').Append(total).Append("] ")
            .Append(EncodeHeaderWord(subject)).Append('\n');
        if (!IsAscii(body) || !IsAscii(subject) || !IsAscii(commit.AuthorName))
        {
            text.Append("MIME-Version: 1.0\n");
            text.Append("Content-Type: text/plain; charset=UTF-8\n");
            text.Append("Content-Transfer-Encoding: 8bit\n");
        }
        text.Append('\n');
        if (body.Length > 0) text.Append(body).Append("\n\n");
        var rendered = files.ToList();
        // Like format-patch --always: an empty patch has no "---" part, so `git am --allow-empty` can record it.
        if (rendered.Count > 0) text.Append("---\n\n");
        foreach (var file in rendered) AppendFileDiff(text, file);
        text.Append("-- \ndevin-handoff\n\n");
        return text.ToString();
    }

    /// <summary>RFC 2822 date in the author's own offset, e.g. "Tue, 4 Mar 2025 10:00:00 +0100".</summary>
    public static string Rfc2822Date(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return date.ToString("ddd, d MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
               + sign + abs.Hours.ToString("00", CultureInfo.InvariantCulture) + abs.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>The message without its subject paragraph (git am rebuilds the message as subject + blank line + body).</summary>
    internal static string BodyOf(CommitPatch commit, string subject)
    {
        var lines = commit.Message.Replace("\r\n", "\n").Split('\n').ToList();
        var start = 0;
        while (start < lines.Count && lines[start].Trim().Length == 0) start++;
        var end = start;
        while (end < lines.Count && lines[end].Trim().Length > 0) end++;
        var paragraph = lines.GetRange(start, end - start);

        int bodyStart;
        if (string.Join(" ", paragraph.Select(l => l.Trim())) == subject) bodyStart = end;
        else if (paragraph.Count > 0 && paragraph[0].Trim() == subject) bodyStart = start + 1;
        else bodyStart = start;

        var rest = lines.Skip(bodyStart).SkipWhile(l => l.Trim().Length == 0).ToList();
        while (rest.Count > 0 && rest[^1].Trim().Length == 0) rest.RemoveAt(rest.Count - 1);
        return string.Join("\n", rest);
    }

    private static string Mailbox(string name, string email)
    {
        var clean = SingleLine(name);
        string shown;
        if (!IsAscii(clean)) shown = EncodeHeaderWord(clean);
        else if (clean.IndexOfAny(['(', ')', '<', '>', '[', ']', ':', ';', '@', '\\', ',', '.', '"']) >= 0)
            shown = "\"" + clean.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        else shown = clean;
        return $"{shown} <{SingleLine(email)}>";
    }

    /// <summary>RFC 2047 Q-encoded word for non-ASCII text; ASCII text unchanged.</summary>
    internal static string EncodeHeaderWord(string value)
    {
        if (IsAscii(value)) return value;
        var encoded = new StringBuilder("=?UTF-8?q?");
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (b < 128 && (char.IsAsciiLetterOrDigit(c) || "!*+-/".Contains(c))) encoded.Append(c);
            else encoded.Append('=').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return encoded.Append("?=").ToString();
    }

    private static bool IsAscii(string value) => value.All(char.IsAscii);

    private static string FirstLine(string text) => text.Split('\n')[0];

    internal static string SingleLine(string text) =>
        string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim())).Trim();
}
