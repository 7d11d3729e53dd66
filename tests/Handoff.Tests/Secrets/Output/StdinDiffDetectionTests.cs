using Handoff.Core.Secrets.Output;

namespace Handoff.Tests.Secrets.Output;

/// <summary>`scan` on stdin: a diff is told from text by its first lines, and the input is handed on whole, however it is read.</summary>
public class StdinDiffDetectionTests
{
    [TestCase("diff --combined x\n")]
    [TestCase("@@ -3 +3 @@\n")]
    [TestCase("@@@ -1 -1 +1 @@@\n")]
    public void Each_kind_of_diff_header_is_a_diff(string input) => Assert.That(StdinDiffDetector.Detect(new StringReader(input)).IsDiff, Is.True);

    [TestCase("@@ -3 +3\n")]
    [TestCase("@@@ -1 -1 +1\n")]
    [TestCase("diff -u a b\n")]
    [TestCase(" diff --git a/x b/x\n")]
    public void Something_that_only_looks_like_a_header_is_text(string input) => Assert.That(StdinDiffDetector.Detect(new StringReader(input)).IsDiff, Is.False);

    [Test]
    public void Only_the_first_500_lines_are_looked_at()
    {
        var header = "diff --git a/x b/x\n";
        var within = string.Concat(Enumerable.Repeat("text\n", 499)) + header;
        var past = string.Concat(Enumerable.Repeat("text\n", 500)) + header;

        Assert.That(StdinDiffDetector.Detect(new StringReader(within)).IsDiff, Is.True);
        var (isDiff, reader) = StdinDiffDetector.Detect(new StringReader(past));
        Assert.That(isDiff, Is.False);
        Assert.That(reader.ReadToEnd(), Is.EqualTo(past));
    }

    [Test]
    public void Detection_reads_no_further_than_the_first_header()
    {
        var input = new LinesThenFail("commit 1", "", "diff --git a/x b/x");

        var (isDiff, reader) = StdinDiffDetector.Detect(input);

        Assert.That(isDiff, Is.True);
        Assert.That(reader.ReadLine(), Is.EqualTo("commit 1"));
    }

    [Test]
    public void The_reader_hands_on_the_input_char_by_char_and_in_small_blocks()
    {
        const string input = "diff --git a/x b/x\n+new line\n";
        var (_, byChar) = StdinDiffDetector.Detect(new StringReader(input));
        var text = new System.Text.StringBuilder();
        Assert.That(byChar.Peek(), Is.EqualTo('d'));
        while (byChar.Peek() >= 0)
        {
            var peeked = byChar.Peek();
            var read = byChar.Read();
            Assert.That(read, Is.EqualTo(peeked));
            text.Append((char)read);
        }
        Assert.That(byChar.Read(), Is.EqualTo(-1));
        Assert.That(text.ToString(), Is.EqualTo(input));

        var (_, byBlock) = StdinDiffDetector.Detect(new StringReader(input));
        var buffer = new char[8];
        Assert.That(byBlock.Read(buffer, 2, 6), Is.EqualTo(6));
        Assert.That(new string(buffer, 2, 6), Is.EqualTo("diff -"));
        Assert.That(byBlock.Read(buffer, 0, 8), Is.EqualTo(8));
        Assert.That(new string(buffer), Is.EqualTo("-git a/x"));
        Assert.That(byBlock.Read(buffer, 0, 8), Is.EqualTo(5), "the rest of the first line, not past it");
        Assert.That(byBlock.ReadToEnd(), Is.EqualTo("+new line\n"));
    }

    /// <summary>A pipe that yields some lines, then fails: as a live stdin would block.</summary>
    private sealed class LinesThenFail(params string[] lines) : TextReader
    {
        private int _next;

        public override string? ReadLine() =>
            _next < lines.Length ? lines[_next++] : throw new InvalidOperationException("read past what detection needs");

        public override int Peek() => throw new InvalidOperationException("not read char by char");

        public override int Read() => throw new InvalidOperationException("not read char by char");
    }
}
