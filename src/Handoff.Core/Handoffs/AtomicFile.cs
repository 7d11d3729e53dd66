namespace Handoff.Core.Handoffs;

/// <summary>
/// Writes a file through a temp file beside it and a rename, so a crash or a failed write never leaves half a file:
/// the previous file stays as it was, and no temp file is left behind.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024))
                write(stream);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
