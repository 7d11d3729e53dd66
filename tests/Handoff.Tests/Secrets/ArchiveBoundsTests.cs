using Handoff.Core.Secrets.Archives;

namespace Handoff.Tests.Secrets;

/// <summary>
/// The bounds of an archive scan at their edges: what a budget allows, when a compressed member counts as a zip bomb,
/// and the streams members are read through (they must hand over every byte, in order, and refuse to seek or write).
/// </summary>
public class ArchiveBoundsTests
{
    [Test]
    public void The_default_bounds_are_the_documented_ones()
    {
        // docs/commands/scan.md: 128 MB, 10000 members, depth 5, 100 times past 1 MB, fail closed.
        foreach (var policy in new[] { ArchivePolicy.Default, new ArchivePolicy() })
        {
            Assert.That(policy.Scan, Is.True);
            Assert.That(policy.MaxBytes, Is.EqualTo(128L * 1024 * 1024));
            Assert.That(policy.MaxMembers, Is.EqualTo(10000));
            Assert.That(policy.MaxDepth, Is.EqualTo(5));
            Assert.That(policy.MaxRatio, Is.EqualTo(100));
            Assert.That(policy.RatioFloorBytes, Is.EqualTo(1024 * 1024));
            Assert.That(policy.OverLimit, Is.EqualTo(ArchiveOverLimit.Block));
        }
    }

    [Test]
    public void A_budget_allows_exactly_its_member_bound_and_refuses_the_next_member()
    {
        var budget = new ArchiveBudget(new ArchivePolicy { MaxMembers = 2 });
        budget.AddMember("a.zip!1");
        budget.AddMember("a.zip!2");

        var e = Assert.Throws<ArchiveLimitException>(() => budget.AddMember("a.zip!3"))!;

        Assert.That((e.Display, e.Kind, e.Message), Is.EqualTo(("a.zip!3", "members", "more than 2 members")));
    }

    [Test]
    public void A_budget_sums_the_bytes_of_every_member_and_allows_exactly_its_byte_bound()
    {
        var budget = new ArchiveBudget(new ArchivePolicy { MaxBytes = 3 << 20 });
        budget.AddBytes("a.zip!1", 2 << 20);
        budget.AddBytes("a.zip!2", 1 << 20);

        var e = Assert.Throws<ArchiveLimitException>(() => budget.AddBytes("a.zip!3", 1))!;

        Assert.That((e.Display, e.Kind, e.Message), Is.EqualTo(("a.zip!3", "bytes", "more than 3 MB uncompressed")));
    }

    [Test]
    public void A_bounded_stream_charges_what_it_reads_and_hands_it_over()
    {
        var budget = new ArchiveBudget(new ArchivePolicy { MaxBytes = 10 });
        var stream = new BoundedStream(new MemoryStream(Bytes(20)), budget, "a.tar!x");
        var buffer = new byte[10];

        Assert.That(stream.Read(buffer), Is.EqualTo(10));
        Assert.That(buffer, Is.EqualTo(Bytes(10)));
        var e = Assert.Throws<ArchiveLimitException>(() => stream.Read(buffer))!;
        Assert.That((e.Display, e.Kind), Is.EqualTo(("a.tar!x", "bytes")));
    }

    [Test]
    public void A_compressed_member_may_expand_up_to_the_ratio_and_not_one_byte_more()
    {
        var policy = new ArchivePolicy { MaxRatio = 10, RatioFloorBytes = 100 };
        var stream = new BoundedStream(new MemoryStream(Bytes(1000)), new ArchiveBudget(policy), "a.zip!x", () => 20);

        Assert.That(stream.Read(new byte[200]), Is.EqualTo(200)); // 10 times its 20 compressed bytes
        var e = Assert.Throws<ArchiveLimitException>(() => stream.Read(new byte[1]))!;

        Assert.That((e.Display, e.Kind, e.Message), Is.EqualTo(("a.zip!x", "ratio", "expands more than 10 times (a zip bomb?)")));
    }

    [Test]
    public void The_ratio_is_only_checked_past_the_floor()
    {
        var policy = new ArchivePolicy { MaxRatio = 10, RatioFloorBytes = 500 };
        var stream = new BoundedStream(new MemoryStream(Bytes(1000)), new ArchiveBudget(policy), "a.zip!x", () => 20);

        Assert.That(stream.Read(new byte[500]), Is.EqualTo(500)); // 25 times, but not past the floor yet
        Assert.Throws<ArchiveLimitException>(() => stream.Read(new byte[1]));
    }

    [Test]
    public void A_member_that_reports_no_compressed_bytes_counts_as_one_byte()
    {
        var policy = new ArchivePolicy { MaxRatio = 10, RatioFloorBytes = 0 };
        var stream = new BoundedStream(new MemoryStream(Bytes(100)), new ArchiveBudget(policy), "a.zip!x", () => 0);

        Assert.That(stream.Read(new byte[10]), Is.EqualTo(10));
        Assert.Throws<ArchiveLimitException>(() => stream.Read(new byte[1]));
    }

    [Test]
    public void Uncompressed_data_has_no_ratio_bound()
    {
        var policy = new ArchivePolicy { MaxRatio = 1, RatioFloorBytes = 0 };
        var stream = new BoundedStream(new MemoryStream(Bytes(100)), new ArchiveBudget(policy), "a.tar!x");

        Assert.That(stream.Read(new byte[100]), Is.EqualTo(100));
        Assert.That(stream.Read(new byte[100]), Is.Zero);
    }

    [Test]
    public void A_counting_stream_counts_every_byte_read_through_it()
    {
        var stream = new CountingStream(new MemoryStream(Bytes(25)));
        var buffer = new byte[10];

        var reads = new[] { stream.Read(buffer, 0, 10), stream.Read(buffer, 0, 10), stream.Read(buffer, 0, 10), stream.Read(buffer, 0, 10) };

        Assert.That(reads, Is.EqualTo(new[] { 10, 10, 5, 0 }));
        Assert.That(stream.BytesRead, Is.EqualTo(25));
    }

    [Test]
    public void Sniffing_a_stream_that_trickles_still_fills_the_head_and_gives_back_every_byte_in_order()
    {
        var data = Bytes(300);

        var (head, length, stream) = PrefixedStream.Sniff(new TrickleStream(data), 100);

        Assert.That(length, Is.EqualTo(100));
        Assert.That(head, Is.EqualTo(data[..100]));
        Assert.That(ReadAll(stream, 7), Is.EqualTo(data));
    }

    [Test]
    public void Sniffing_a_stream_shorter_than_the_head_gives_what_there_is()
    {
        var (head, length, stream) = PrefixedStream.Sniff(new TrickleStream(Bytes(30)), 100);

        Assert.That(length, Is.EqualTo(30));
        Assert.That(head[..30], Is.EqualTo(Bytes(30)));
        Assert.That(ReadAll(stream, 64), Is.EqualTo(Bytes(30)));
    }

    [Test]
    public void A_read_of_the_sniffed_head_stops_at_its_end_and_honours_the_offset()
    {
        var (_, _, stream) = PrefixedStream.Sniff(new MemoryStream(Bytes(50)), 20);
        var buffer = new byte[40];

        Assert.That(stream.Read(buffer, 5, 30), Is.EqualTo(20));
        Assert.That(buffer[5..25], Is.EqualTo(Bytes(20)));
        Assert.That(buffer[..5], Is.All.Zero);
        Assert.That(stream.Read(buffer, 0, 40), Is.EqualTo(30));
        Assert.That(buffer[..30], Is.EqualTo(Bytes(50)[20..]));
    }

    [Test]
    public void The_member_streams_are_forward_only_and_read_only()
    {
        Stream[] streams =
        [
            new BoundedStream(new MemoryStream(), new ArchiveBudget(ArchivePolicy.Default), "x"),
            new CountingStream(new MemoryStream()),
            PrefixedStream.Sniff(new MemoryStream(Bytes(4)), 2).Stream,
        ];
        foreach (var stream in streams)
        {
            Assert.That((stream.CanRead, stream.CanSeek, stream.CanWrite), Is.EqualTo((true, false, false)), stream.GetType().Name);
            Assert.Throws<NotSupportedException>(() => _ = stream.Length);
            Assert.Throws<NotSupportedException>(() => _ = stream.Position);
            Assert.Throws<NotSupportedException>(() => stream.Position = 0);
            Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
            Assert.Throws<NotSupportedException>(() => stream.SetLength(0));
            Assert.Throws<NotSupportedException>(() => stream.Write([1], 0, 1));
            Assert.DoesNotThrow(stream.Flush);
        }
    }

    private static byte[] Bytes(int count) => Enumerable.Range(0, count).Select(i => (byte)(i * 7 + 1)).ToArray();

    private static byte[] ReadAll(Stream stream, int chunk)
    {
        var output = new MemoryStream();
        var buffer = new byte[chunk];
        int n;
        while ((n = stream.Read(buffer, 0, chunk)) > 0) output.Write(buffer, 0, n);
        return output.ToArray();
    }

    /// <summary>A pipe (it cannot seek) that hands over at most <paramref name="chunk"/> bytes per read.</summary>
    internal sealed class TrickleStream(byte[] data, int chunk = 3) : ReadOnlyStream
    {
        private int _pos;

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, chunk), data.Length - _pos);
            data.AsSpan(_pos, n).CopyTo(buffer);
            _pos += n;
            return n;
        }
    }
}
