using System.Text;

namespace Handoff.Cli;

/// <summary>Reads a line from the terminal without echoing it (for `auth login`). Only called when stdin is a TTY.</summary>
public static class HiddenPrompt
{
    public static string? Read(string prompt)
    {
        Console.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0) text.Length--;
                continue;
            }
            if (key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control))
                throw new Handoff.Core.HandoffException("interrupted", Handoff.Core.ExitCodes.Interrupted);
            if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return text.ToString();
    }
}
