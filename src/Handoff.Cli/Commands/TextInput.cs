using Handoff.Core;

namespace Handoff.Cli.Commands;

/// <summary>Long text (a note or playbook body) from a flag, a file, or stdin ('-'); never a prompt.</summary>
public static class TextInput
{
    /// <summary>The text of --body TEXT or --body-file FILE|-; null when neither was given.</summary>
    public static async Task<string?> Read(AppServices services, string? text, string? file, string textFlag, string fileFlag, CancellationToken ct)
    {
        if (text is not null && file is not null)
            throw new HandoffException($"give either {textFlag} or {fileFlag}, not both", ExitCodes.Usage);
        if (text is not null) return text;
        if (file is null) return null;
        if (file == "-")
        {
            if (services.Console.IsInputTerminal)
                services.Console.Error.WriteLine("reading from stdin until end of input (Ctrl+D)…");
            return await services.Console.In.ReadToEndAsync(ct);
        }
        var path = Path.GetFullPath(file, services.Environment.CurrentDirectory);
        try
        {
            return await File.ReadAllTextAsync(path, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HandoffException($"{fileFlag}: cannot read {file}: {e.Message}", ExitCodes.Usage);
        }
    }

    /// <summary>Required text: exit 2 naming the flags when missing or blank.</summary>
    public static async Task<string> Require(AppServices services, string? text, string? file, string textFlag, string fileFlag, CancellationToken ct)
    {
        var value = await Read(services, text, file, textFlag, fileFlag, ct);
        if (string.IsNullOrWhiteSpace(value))
            throw new HandoffException($"{textFlag} TEXT or {fileFlag} FILE ('-' for stdin) is required", ExitCodes.Usage);
        return value;
    }

    public static string RequireFlag(string? value, string flag, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new HandoffException($"{flag} is required ({what})", ExitCodes.Usage);
        return value.Trim();
    }
}
