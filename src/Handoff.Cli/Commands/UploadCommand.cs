using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Devin;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff upload FILE…`: uploads files (multipart POST …/attachments) and prints their URLs.</summary>
public sealed class UploadCommand(AppServices services) : ApiCommand(services)
{
    private readonly Argument<string[]> _files = new("FILE") { Arity = ArgumentArity.OneOrMore, Description = "Files to upload" };

    protected override string Name => "upload";
    protected override string Description => "Upload files as attachments and print their URLs (for create --attach or a message)";
    protected override IEnumerable<Symbol> Symbols() => [_files];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var paths = AttachmentUploader.CheckFiles(Services, parse.GetValue(_files) ?? []);
        var client = await Connect(parse, ct);
        var uploaded = await AttachmentUploader.UploadAll(client, paths, ct);
        if (json)
            WriteJson(uploaded.Select(u => new UploadView(u.File, u.Attachment.AttachmentId, u.Attachment.Name, u.Attachment.Url)).ToList(), CliJson.Compact.ListUploadView);
        else
            foreach (var u in uploaded) Services.Console.Out.WriteLine(u.Attachment.Url);
        return ExitCodes.Ok;
    }
}

/// <summary>Shared by `upload` and `create --attach`: checks the files before anything is sent, then uploads each.</summary>
public static class AttachmentUploader
{
    public static IReadOnlyList<string> CheckFiles(AppServices services, IReadOnlyList<string> files)
    {
        if (files.Count == 0) throw new HandoffException("name at least one file to upload", ExitCodes.Usage);
        var paths = new List<string>();
        foreach (var file in files)
        {
            var path = Path.GetFullPath(file, services.Environment.CurrentDirectory);
            if (!File.Exists(path))
                throw new HandoffException(Directory.Exists(path) ? $"{file} is a folder; attach files" : $"no such file: {file}", ExitCodes.Usage);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>--attach: the checked paths, or none when the flag was not given.</summary>
    public static IReadOnlyList<string> CheckFilesOrNone(AppServices services, IReadOnlyList<string>? files) =>
        files is null || files.Count == 0 ? [] : CheckFiles(services, files);

    public static async Task<IReadOnlyList<(string File, UploadedAttachment Attachment)>> UploadAll(IDevinClient client, IReadOnlyList<string> paths, CancellationToken ct)
    {
        var results = new List<(string, UploadedAttachment)>();
        foreach (var path in paths)
            results.Add((path, await client.Attachments.Upload(Path.GetFileName(path), () => File.OpenRead(path), ct)));
        return results;
    }
}

/// <summary>An item of `upload --json`.</summary>
public sealed record UploadView(string File, string? AttachmentId, string? Name, string Url);
