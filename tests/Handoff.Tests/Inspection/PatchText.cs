using System.Text;
using Handoff.Core.Inspection;

namespace Handoff.Tests.Inspection;

/// <summary>Test-side renderer: FileChanges back to patch bytes, so tests can prove `git apply` / `git am` accept them.</summary>
internal static class PatchText
{
    public static byte[] Render(IEnumerable<FileChange> changes)
    {
        using var output = new MemoryStream();
        foreach (var change in changes) Write(output, change);
        return output.ToArray();
    }

    public static byte[] FormatPatch(CommitPatch commit)
    {
        using var output = new MemoryStream();
        WriteUtf8(output, $"From {commit.Sha} Mon Sep 17 00:00:00 2001\n");
        WriteUtf8(output, $"From: {commit.AuthorName} <{commit.AuthorEmail}>\n");
        WriteUtf8(output, $"Date: {RfcDate(commit.AuthorDate)}\n");
        WriteUtf8(output, $"Subject: [PATCH] {commit.Subject}\n\n");
        var body = commit.Message.Trim();
        var firstBreak = body.IndexOf('\n');
        if (firstBreak > 0) WriteUtf8(output, body[(firstBreak + 1)..].Trim() + "\n");
        WriteUtf8(output, "---\n");
        foreach (var change in commit.Files) Write(output, change);
        WriteUtf8(output, "-- \n2.39.5\n\n");
        return output.ToArray();
    }

    public static string RenderText(IEnumerable<FileChange> changes) => Encoding.UTF8.GetString(Render(changes));

    private static void Write(Stream output, FileChange change)
    {
        foreach (var line in change.HeaderLines) WriteUtf8(output, line + "\n");
        foreach (var hunk in change.Hunks)
        {
            WriteUtf8(output, hunk.Header + "\n");
            foreach (var line in hunk.Lines) WriteUtf8(output, line + "\n");
        }
    }

    private static string RfcDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return date.ToString("ddd, d MMM yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
               + $" {sign}{Math.Abs(offset.Hours):00}{Math.Abs(offset.Minutes):00}";
    }

    private static void WriteUtf8(Stream output, string text) => output.Write(Encoding.UTF8.GetBytes(text));
}
