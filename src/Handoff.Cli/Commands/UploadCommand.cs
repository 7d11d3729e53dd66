using System.CommandLine;
using Handoff.Core;
using Handoff.Core.Attachments;

namespace Handoff.Cli.Commands;

/// <summary>`devin-handoff upload FILE…`: uploads files (multipart POST …/attachments) and prints their URLs.</summary>
public sealed class UploadCommand(AppServices services) : ApiCommand(services, "upload",
    "Upload files as attachments and print their URLs (for create --attach or a message)")
{
    private readonly Argument<string[]> _files = new("FILE") { Arity = ArgumentArity.OneOrMore, Description = "Files to upload" };

    protected override IEnumerable<Symbol> Symbols() => [_files];

    protected override async Task<int> Execute(ParseResult parse, bool json, CancellationToken ct)
    {
        var paths = AttachmentUploader.CheckFiles(parse.GetValue(_files) ?? [], Services.Environment.CurrentDirectory);
        var uploaded = await AttachmentUploader.UploadAll(await Connect(ct), paths, ct);
        if (json)
            WriteJson(uploaded.Select(u => new UploadView(u.Path, u.Attachment.AttachmentId, u.Attachment.Name, u.Attachment.Url)).ToList(), CliJson.Compact.ListUploadView);
        else
            foreach (var u in uploaded) Services.Console.Out.WriteLine(u.Attachment.Url);
        return ExitCodes.Ok;
    }
}

/// <summary>An item of `upload --json`.</summary>
public sealed record UploadView(string File, string? AttachmentId, string? Name, string Url);
