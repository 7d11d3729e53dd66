using Handoff.Core.Devin;

namespace Handoff.Core.Attachments;

/// <summary>One uploaded file: its local path and what the API made of it.</summary>
public sealed record UploadedFile(string Path, UploadedAttachment Attachment);

/// <summary>Shared by `upload` and `create --attach`: checks the files before anything is sent, then uploads each.</summary>
public static class AttachmentUploader
{
    /// <summary>The full paths of <paramref name="files"/> (relative to <paramref name="workingDirectory"/>); exit 2 for none, a folder or a missing file.</summary>
    public static IReadOnlyList<string> CheckFiles(IReadOnlyList<string> files, string workingDirectory)
    {
        if (files.Count == 0) throw new HandoffException("name at least one file to upload", ExitCodes.Usage);
        var paths = new List<string>();
        foreach (var file in files)
        {
            var path = Path.GetFullPath(file, workingDirectory);
            if (!File.Exists(path))
                throw new HandoffException(Directory.Exists(path) ? $"{file} is a folder; attach files" : $"no such file: {file}", ExitCodes.Usage);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>--attach: the checked paths, or none when the flag was not given.</summary>
    public static IReadOnlyList<string> CheckFilesOrNone(IReadOnlyList<string>? files, string workingDirectory) =>
        files is null || files.Count == 0 ? [] : CheckFiles(files, workingDirectory);

    public static async Task<IReadOnlyList<UploadedFile>> UploadAll(IDevinClient client, IReadOnlyList<string> paths, CancellationToken ct)
    {
        var results = new List<UploadedFile>();
        foreach (var path in paths)
            results.Add(new UploadedFile(path, await client.Attachments.Upload(Path.GetFileName(path), () => File.OpenRead(path), ct)));
        return results;
    }
}
