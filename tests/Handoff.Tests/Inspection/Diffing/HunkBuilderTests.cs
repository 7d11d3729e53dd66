using System.Text;
using Handoff.Core.Inspection;
using Handoff.Core.Inspection.Diffing;

namespace Handoff.Tests.Inspection.Diffing;

public class HunkBuilderTests
{
    private static TextContent Text(string s) => TextContent.Decode(Encoding.UTF8.GetBytes(s), Encoding.UTF8);

    [Test]
    public void One_changed_line_gets_three_lines_of_context()
    {
        var hunks = HunkBuilder.Build(Text("1\n2\n3\n4\n5\n6\n7\n8\n9\n"), Text("1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n"));

        Assert.That(hunks, Has.Count.EqualTo(1));
        Assert.That(hunks[0].Header, Is.EqualTo("@@ -2,7 +2,7 @@"));
        Assert.That(hunks[0].Lines, Is.EqualTo(new[] { " 2", " 3", " 4", "-5", "+FIVE", " 6", " 7", " 8" }));
        Assert.That(hunks[0].AddedLines(), Is.EqualTo(new[] { (5, "FIVE") }));
    }

    [Test]
    public void Distant_changes_make_separate_hunks_and_close_ones_merge()
    {
        var old = string.Concat(Enumerable.Range(1, 30).Select(i => $"{i}\n"));
        var far = old.Replace("\n2\n", "\nTWO\n").Replace("\n25\n", "\nTWENTYFIVE\n");
        var near = old.Replace("\n2\n", "\nTWO\n").Replace("\n9\n", "\nNINE\n");

        Assert.That(HunkBuilder.Build(Text(old), Text(far)).Select(h => h.Header),
            Is.EqualTo(new[] { "@@ -1,5 +1,5 @@", "@@ -22,7 +22,7 @@" }));
        Assert.That(HunkBuilder.Build(Text(old), Text(near)).Select(h => h.Header),
            Is.EqualTo(new[] { "@@ -1,12 +1,12 @@" }));
    }

    [Test]
    public void New_file_and_deleted_file_use_zero_ranges()
    {
        Assert.That(HunkBuilder.Build(TextContent.Empty, Text("a\nb\n"))[0].Header, Is.EqualTo("@@ -0,0 +1,2 @@"));
        Assert.That(HunkBuilder.Build(Text("a\n"), TextContent.Empty)[0].Header, Is.EqualTo("@@ -1 +0,0 @@"));
    }

    [Test]
    public void Missing_final_newline_is_marked_on_the_side_that_lacks_it()
    {
        var hunks = HunkBuilder.Build(Text("a\nb"), Text("a\nb\n"));

        Assert.That(hunks[0].Lines, Is.EqualTo(new[] { " a", "-b", "\\ No newline at end of file", "+b" }));
    }

    [Test]
    public void Unchanged_last_line_without_newline_is_context_with_one_marker()
    {
        var hunks = HunkBuilder.Build(Text("x\nlast"), Text("y\nlast"));

        Assert.That(hunks[0].Lines, Is.EqualTo(new[] { "-x", "+y", " last", "\\ No newline at end of file" }));
    }

    [Test]
    public void Carriage_returns_stay_inside_the_line_text()
    {
        var hunks = HunkBuilder.Build(Text("a\r\nb\r\n"), Text("a\r\nc\r\n"));

        Assert.That(hunks[0].Lines, Is.EqualTo(new[] { " a\r", "-b\r", "+c\r" }));
    }

    [Test]
    public void Latin1_decoding_round_trips_any_bytes()
    {
        byte[] bytes = [0x63, 0x61, 0x66, 0xE9, 0x0A, 0xFF, 0x80, 0x0A];
        var encoding = TextContent.ChooseEncoding(bytes);
        var text = TextContent.Decode(bytes, encoding);

        Assert.That(encoding.CodePage, Is.EqualTo(Encoding.Latin1.CodePage));
        Assert.That(encoding.GetBytes(string.Join("\n", text.Lines) + "\n"), Is.EqualTo(bytes));
    }

    [Test]
    public void Very_different_files_still_give_an_exact_diff()
    {
        var random = new Random(7);
        var old = Lines(random, 3000, alphabet: 1_000_000);
        var @new = Lines(random, 3000, alphabet: 1_000_000);

        var hunks = HunkBuilder.Build(Text(old), Text(@new));

        Assert.That(Apply(old, hunks), Is.EqualTo(@new));
    }

    [Test]
    public void Random_edits_always_apply_back_to_the_new_text([Range(0, 199)] int seed)
    {
        var random = new Random(seed);
        var old = Lines(random, random.Next(0, 40), alphabet: 6);
        var @new = Mutate(random, old);

        var hunks = HunkBuilder.Build(Text(old), Text(@new));

        Assert.That(Apply(old, hunks), Is.EqualTo(@new), $"old:\n{old}\nnew:\n{@new}");
        if (old == @new) Assert.That(hunks, Is.Empty);
    }

    private static string Lines(Random random, int count, int alphabet)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++) sb.Append("l").Append(random.Next(alphabet)).Append('\n');
        if (count > 0 && random.Next(4) == 0) sb.Length--; // sometimes no final newline
        return sb.ToString();
    }

    private static string Mutate(Random random, string text)
    {
        var lines = text.Split('\n').ToList();
        var edits = random.Next(0, 6);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(lines.Count + 1);
            switch (random.Next(3))
            {
                case 0: lines.Insert(at, "n" + random.Next(6)); break;
                case 1: if (at < lines.Count) lines.RemoveAt(at); break;
                default: if (at < lines.Count) lines[at] = "m" + random.Next(6); break;
            }
        }
        return string.Join('\n', lines);
    }

    /// <summary>A strict applier: context and removed lines must match exactly at the stated positions.</summary>
    private static string Apply(string old, List<DiffHunk> hunks)
    {
        var source = Text(old);
        var result = new List<string>();
        var endsWithNewline = source.EndsWithNewline;
        var oldIndex = 0;
        foreach (var hunk in hunks)
        {
            var oldStart = hunk.OldStart == 0 ? 0 : hunk.OldStart - 1;
            // a hunk with zero old lines names the line *before* the insertion point
            if (hunk.Header.StartsWith($"@@ -{hunk.OldStart},0 ", StringComparison.Ordinal)) oldStart = hunk.OldStart;
            while (oldIndex < oldStart) result.Add(source.Lines[oldIndex++]);
            string? previous = null;
            foreach (var line in hunk.Lines)
            {
                if (line == HunkBuilder.NoNewlineMarker)
                {
                    if (previous![0] != '-') endsWithNewline = false;
                    continue;
                }
                previous = line;
                var body = line[1..];
                switch (line[0])
                {
                    case ' ':
                        Assert.That(source.Lines[oldIndex], Is.EqualTo(body));
                        result.Add(body); oldIndex++; endsWithNewline = true; break;
                    case '-':
                        Assert.That(source.Lines[oldIndex], Is.EqualTo(body));
                        oldIndex++; break;
                    case '+':
                        result.Add(body); endsWithNewline = true; break;
                }
            }
        }
        while (oldIndex < source.Lines.Count) { result.Add(source.Lines[oldIndex++]); endsWithNewline = source.EndsWithNewline; }
        if (result.Count == 0) return "";
        return string.Join('\n', result) + (endsWithNewline ? "\n" : "");
    }
}
