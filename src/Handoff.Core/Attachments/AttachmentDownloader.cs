using Handoff.Core.Devin;

namespace Handoff.Core.Attachments;

public enum DownloadStatus { Downloaded, Skipped, Failed }

/// <summary>What happened to one attachment. <see cref="Path"/> is the final file (absent when failed).</summary>
public sealed record DownloadResult(string Name, string FileName, string Path, DownloadStatus Status, long Bytes, string? Reason, int ExitCode = ExitCodes.Ok);

/// <summary>
/// Downloads attachments into one folder, safely: names come from <see cref="SafeFileName"/>, every path is
/// checked to stay inside the folder, names that collide within the batch get " (2)", existing files are
/// kept unless <c>overwrite</c>, and each file is written to a hidden temp file in the same folder and renamed
/// only once complete, so an interrupted download never leaves a half file under its final name.
/// </summary>
public sealed class AttachmentDownloader(Func<string, Stream, CancellationToken, Task> download)
{
    public async Task<IReadOnlyList<DownloadResult>> DownloadAll(IReadOnlyList<SessionAttachment> attachments, string directory, bool overwrite,
        Action<DownloadResult>? progress = null, CancellationToken ct = default)
    {
        var root = System.IO.Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        var plan = Plan(attachments, root);
        var results = new List<DownloadResult>();
        foreach (var (attachment, fileName) in plan)
        {
            var result = await DownloadOne(attachment, fileName, root, overwrite, ct);
            results.Add(result);
            progress?.Invoke(result);
        }
        return results;
    }

    /// <summary>A safe, unique (case-insensitively, for Windows and macOS) file name for each attachment.</summary>
    public static IReadOnlyList<(SessionAttachment Attachment, string FileName)> Plan(IReadOnlyList<SessionAttachment> attachments, string root)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var plan = new List<(SessionAttachment, string)>();
        for (var i = 0; i < attachments.Count; i++)
        {
            var name = SafeFileName.From(attachments[i].Name, $"attachment-{i + 1}");
            var candidate = name;
            for (var n = 2; !taken.Add(candidate); n++)
                candidate = SafeFileName.WithSuffix(name, n);
            InsideOrThrow(root, candidate);
            plan.Add((attachments[i], candidate));
        }
        return plan;
    }

    /// <summary>The full path of <paramref name="fileName"/> in <paramref name="root"/>; throws if it would leave it.</summary>
    public static string InsideOrThrow(string root, string fileName)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, fileName));
        var prefix = root.EndsWith(System.IO.Path.DirectorySeparatorChar) ? root : root + System.IO.Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal) || System.IO.Path.GetDirectoryName(full) != root.TrimEnd(System.IO.Path.DirectorySeparatorChar))
            throw new HandoffException($"refusing attachment name '{fileName}': it points outside {root}");
        return full;
    }

    private async Task<DownloadResult> DownloadOne(SessionAttachment attachment, string fileName, string root, bool overwrite, CancellationToken ct)
    {
        var target = InsideOrThrow(root, fileName);
        if (!overwrite && (File.Exists(target) || Directory.Exists(target)))
            return new(attachment.Name, fileName, target, DownloadStatus.Skipped, 0, "exists (use --force to overwrite)");
        if (Directory.Exists(target))
            return new(attachment.Name, fileName, target, DownloadStatus.Failed, 0, "a folder of that name exists", ExitCodes.Error);

        var temp = InsideOrThrow(root, $".{Guid.NewGuid():N}.partial");
        try
        {
            long bytes;
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true))
            {
                await download(attachment.Url, stream, ct);
                await stream.FlushAsync(ct);
                bytes = stream.Length;
            }
            try
            {
                File.Move(temp, target, overwrite);
            }
            catch (IOException) when (!overwrite && File.Exists(target))
            {
                return new(attachment.Name, fileName, target, DownloadStatus.Skipped, 0, "exists (use --force to overwrite)");
            }
            return new(attachment.Name, fileName, target, DownloadStatus.Downloaded, bytes, null);
        }
        catch (Exception e) when (e is HandoffException or IOException or HttpRequestException or UnauthorizedAccessException)
        {
            return new(attachment.Name, fileName, target, DownloadStatus.Failed, 0, e.Message.Split('\n')[0].Trim(),
                e is HandoffException h ? h.ExitCode : ExitCodes.Error);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try { if (File.Exists(path)) File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
