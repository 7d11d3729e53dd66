namespace Handoff.Core.Secrets.Archives;

/// <summary>A forward-only, read-only stream: the base of the wrappers an archive scan reads members through.</summary>
internal abstract class ReadOnlyStream : Stream
{
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public abstract override int Read(Span<byte> buffer);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>
/// A member's data that charges every byte to the <see cref="ArchiveBudget"/> and, for compressed data, stops once it
/// expands more than the allowed ratio over its compressed size (a zip bomb is never inflated).
/// </summary>
internal sealed class BoundedStream(Stream inner, ArchiveBudget budget, string display, Func<long>? compressedBytes = null) : ReadOnlyStream
{
    private long _read;

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        _read += n;
        budget.AddBytes(display, n);
        var policy = budget.Policy;
        if (compressedBytes is not null && _read > policy.RatioFloorBytes && _read > policy.MaxRatio * Math.Max(1, compressedBytes()))
            throw new ArchiveLimitException(display, "ratio", $"expands more than {policy.MaxRatio} times (a zip bomb?)");
        return n;
    }
}

/// <summary>Counts the bytes read through it (the compressed side of a gzip stream).</summary>
internal sealed class CountingStream(Stream inner) : ReadOnlyStream
{
    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        BytesRead += n;
        return n;
    }
}

/// <summary>The bytes already read to sniff a stream's format, then the rest of the stream.</summary>
internal sealed class PrefixedStream(byte[] head, int headLength, Stream rest) : ReadOnlyStream
{
    private int _pos;

    public override int Read(Span<byte> buffer)
    {
        if (_pos >= headLength) return rest.Read(buffer);
        var n = Math.Min(buffer.Length, headLength - _pos);
        head.AsSpan(_pos, n).CopyTo(buffer);
        _pos += n;
        return n;
    }

    /// <summary>Reads up to <paramref name="size"/> bytes of <paramref name="stream"/>; gives them back with a stream that still yields them.</summary>
    public static (byte[] Head, int Length, Stream Stream) Sniff(Stream stream, int size)
    {
        var head = new byte[size];
        var length = 0;
        while (length < size)
        {
            var n = stream.Read(head, length, size - length);
            if (n <= 0) break;
            length += n;
        }
        return (head, length, new PrefixedStream(head, length, stream));
    }
}
