using System.CommandLine;

namespace Handoff.Cli.Completion;

/// <summary>One word a shell may complete: a subcommand or an option spelling, with its help text.</summary>
public sealed record CompletionWord(string Word, string Description, bool IsOption);

/// <summary>A command of the tree: its path from the root ("" for the root, "auth login") and what may follow it.</summary>
public sealed record CompletionNode(string Path, IReadOnlyList<CompletionWord> Subcommands, IReadOnlyList<CompletionWord> Options)
{
    public IEnumerable<CompletionWord> All => Subcommands.Concat(Options);
}

/// <summary>Flattens the System.CommandLine tree into the nodes the static completion scripts are generated from.</summary>
public static class CommandTree
{
    public static IReadOnlyList<CompletionNode> Flatten(Command root)
    {
        var nodes = new List<CompletionNode>();
        Walk(root, "", nodes);
        return nodes;
    }

    private static void Walk(Command command, string path, List<CompletionNode> nodes)
    {
        var subcommands = command.Subcommands.Where(c => !c.Hidden)
            .Select(c => new CompletionWord(c.Name, OneLine(c.Description), false)).ToList();
        var options = command.Options.Where(o => !o.Hidden)
            .SelectMany(o => new[] { o.Name }.Concat(o.Aliases).Distinct().Select(a => new CompletionWord(a, OneLine(o.Description), true)))
            .Where(w => w.Word.StartsWith("--", StringComparison.Ordinal) || w.Word is ['-', var c] && char.IsLetter(c))
            .ToList();
        nodes.Add(new CompletionNode(path, subcommands, options));
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
            Walk(sub, path.Length == 0 ? sub.Name : path + " " + sub.Name, nodes);
    }

    private static string OneLine(string? text) => (text ?? "").ReplaceLineEndings(" ").Trim();
}
