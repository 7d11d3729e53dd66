using System.Text;

namespace Handoff.Core.Inspection.Diffing;

/// <summary>git's C-style quoting of a path in patch headers, with core.quotePath=false (UTF-8 stays as it is).</summary>
internal static class GitQuote
{
    /// <summary>The "diff --git a/OLD b/NEW" line git prints for these paths.</summary>
    public static string DiffGitLine(string oldPath, string newPath) => $"diff --git {Name("a/" + oldPath)} {Name("b/" + newPath)}";

    /// <summary>The name as git prints it: unchanged, or in double quotes when it holds a control character, '"' or '\'.</summary>
    public static string Name(string name)
    {
        if (!name.Any(c => c < 0x20 || c == 0x7F || c == '"' || c == '\\')) return name;
        var quoted = new List<byte> { (byte)'"' };
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var escape = b switch
            {
                7 => 'a', 8 => 'b', 9 => 't', 10 => 'n', 11 => 'v', 12 => 'f', 13 => 'r',
                (byte)'"' => '"', (byte)'\\' => '\\',
                _ => '\0',
            };
            if (escape != '\0') { quoted.Add((byte)'\\'); quoted.Add((byte)escape); }
            else if (b < 0x20 || b == 0x7F) quoted.AddRange(Encoding.ASCII.GetBytes("\\" + Convert.ToString(b, 8).PadLeft(3, '0')));
            else quoted.Add(b);
        }
        quoted.Add((byte)'"');
        return Encoding.UTF8.GetString([.. quoted]);
    }
}
