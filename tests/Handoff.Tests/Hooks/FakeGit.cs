using Handoff.Core.Abstractions;

namespace Handoff.Tests.Hooks;

/// <summary>A process runner that answers git commands from a table and records what was run.</summary>
internal sealed class FakeGit : IProcessRunner
{
    private readonly List<(Func<IReadOnlyList<string>, bool> Match, ProcessResult Result)> _answers = [];

    public List<(IReadOnlyList<string> Arguments, string? StandardInput)> Calls { get; } = [];

    public FakeGit On(Func<IReadOnlyList<string>, bool> match, int exitCode, string stdout = "", string stderr = "")
    {
        _answers.Add((match, new ProcessResult(exitCode, stdout, stderr)));
        return this;
    }

    public Task<ProcessResult> Run(string program, IReadOnlyList<string> arguments, string workingDirectory, string? standardInput = null,
        IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        Assert.That(program, Is.EqualTo("git"));
        Calls.Add((arguments.ToList(), standardInput));
        foreach (var (match, result) in _answers)
            if (match(arguments)) return Task.FromResult(result);
        throw new AssertionException("unexpected git " + string.Join(' ', arguments));
    }
}
