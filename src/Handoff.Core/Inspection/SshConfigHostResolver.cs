using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Handoff.Core.Inspection;

/// <summary>What ssh says a host alias connects to; <see cref="HostName"/> is null when it could not tell, and why is in <see cref="Error"/>.</summary>
public sealed record SshHostName(string? HostName, string? Error);

/// <summary>Resolves an ssh host alias (a <c>Host</c> entry of the ssh config) to the host it really connects to.</summary>
public interface ISshHostResolver
{
    /// <param name="sshCommand">core.sshCommand from git config, or null.</param>
    SshHostName Resolve(string alias, string? sshCommand);
}

/// <summary>
/// Asks ssh itself (<c>ssh -G ALIAS</c>, as the GitHub CLI does), so Host/HostName, Include and Match work as
/// they do when git connects. Uses the ssh command git would use (GIT_SSH_COMMAND, core.sshCommand, GIT_SSH)
/// when it is plainly ssh with options (e.g. <c>ssh -F ~/.ssh/work_config</c>); anything else runs plain <c>ssh</c>.
/// </summary>
public sealed class SshConfigHostResolver(Func<string, string?>? environment = null) : ISshHostResolver
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Hosts that serve ssh on port 443 for a service whose repositories are cloned from another name.</summary>
    private static readonly Dictionary<string, string> Port443Hosts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ssh.github.com"] = "github.com",
        ["altssh.gitlab.com"] = "gitlab.com",
        ["altssh.bitbucket.org"] = "bitbucket.org",
    };

    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    public SshHostName Resolve(string alias, string? sshCommand)
    {
        var (program, options) = SshCommandLine.Choose(_environment("GIT_SSH_COMMAND"), sshCommand, _environment("GIT_SSH"));
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            var result = Cli.Wrap(program).WithArguments([.. options, "-G", alias])
                .WithValidation(CommandResultValidation.None)
                .WithStandardInputPipe(PipeSource.Null)
                .ExecuteBufferedAsync(Encoding.UTF8, timeout.Token).Task.GetAwaiter().GetResult();
            if (result.ExitCode != 0)
                return new(null, FirstLine(result.StandardError) ?? $"{program} -G exited with code {result.ExitCode}");
            var hostName = result.StandardOutput.Split('\n')
                .Select(l => l.Trim())
                .FirstOrDefault(l => l.StartsWith("hostname ", StringComparison.Ordinal))?["hostname ".Length..].Trim();
            if (string.IsNullOrEmpty(hostName)) return new(null, $"{program} -G printed no hostname");
            return new(Port443Hosts.GetValueOrDefault(hostName, hostName), null);
        }
        catch (OperationCanceledException)
        {
            return new(null, $"{program} -G took longer than {Timeout.TotalSeconds:0} s");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new(null, $"{program} could not be run: {e.Message}");
        }
    }

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}

/// <summary>Which ssh program and options git would use, when they can be known without a shell.</summary>
public static class SshCommandLine
{
    /// <summary>
    /// GIT_SSH_COMMAND, else core.sshCommand, else GIT_SSH, when it names an ssh program with plain options;
    /// otherwise <c>ssh</c> from PATH. A command using the shell (variables, pipes, ...) or a wrapper is not run.
    /// </summary>
    public static (string Program, IReadOnlyList<string> Options) Choose(string? gitSshCommand, string? coreSshCommand, string? gitSsh)
    {
        var command = !string.IsNullOrWhiteSpace(gitSshCommand) ? Split(gitSshCommand)
            : !string.IsNullOrWhiteSpace(coreSshCommand) ? Split(coreSshCommand)
            : !string.IsNullOrWhiteSpace(gitSsh) ? [gitSsh.Trim()]
            : null;
        if (command is { Count: > 0 } && IsSsh(command[0])) return (command[0], command.Skip(1).ToList());
        return ("ssh", []);
    }

    private static bool IsSsh(string program) =>
        Path.GetFileNameWithoutExtension(program.Replace('\\', '/').Split('/')[^1]).Equals("ssh", StringComparison.OrdinalIgnoreCase);

    /// <summary>Splits on blanks, honouring '…' and "…"; null when the text needs a shell to mean anything.</summary>
    private static List<string>? Split(string text)
    {
        if (text.IndexOfAny(['$', '`', ';', '|', '&', '<', '>', '(', ')', '\n']) >= 0) return null;
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                if (c == quote) quote = null; else word.Append(c);
                continue;
            }
            if (c is '\'' or '"') { quote = c; inWord = true; continue; }
            if (char.IsWhiteSpace(c))
            {
                if (inWord) { words.Add(word.ToString()); word.Clear(); inWord = false; }
                continue;
            }
            word.Append(c);
            inWord = true;
        }
        if (quote is not null) return null;
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
