using Handoff.Core;
using Handoff.Core.Output;

namespace Handoff.Cli;

/// <summary>
/// Runs a command body and turns every failure into a one-line message and a documented exit code.
/// In JSON mode the error is one JSON object on stdout: {"error":{"code","message","exit_code"}}.
/// Stack traces only with DEVIN_HANDOFF_TRACE=1.
/// </summary>
public static class CommandRunner
{
    public static async Task<int> Run(AppServices services, bool json, Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(services, json, "interrupted", ExitCodes.Interrupted, null);
        }
        catch (HandoffException e)
        {
            return Fail(services, json, e.Message, e.ExitCode, e);
        }
        catch (Exception e)
        {
            return Fail(services, json, $"unexpected error: {e.GetType().Name}: {FirstLine(e.Message)}", ExitCodes.Error, e);
        }
    }

    public static int Fail(AppServices services, bool json, string message, int exitCode, Exception? exception)
    {
        message = FirstLine(message);
        if (json)
        {
            services.Console.Out.WriteLine(Json.Serialize(new ErrorView(new ErrorBody(ExitCodes.Name(exitCode), message, exitCode)), CliJson.Compact.ErrorView));
        }
        else
        {
            services.Console.Error.WriteLine($"devin-handoff: {message}");
        }
        if (exception is not null && services.TraceEnabled)
            services.Console.Error.WriteLine(exception.ToString());
        return exitCode;
    }

    private static string FirstLine(string message)
    {
        var line = message.ReplaceLineEndings("\n").Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "failed" : line;
    }
}

/// <summary>A failure in JSON mode: <c>{"error":{"code","message","exit_code"}}</c>.</summary>
public sealed record ErrorView(ErrorBody Error);

public sealed record ErrorBody(string Code, string Message, int ExitCode);
