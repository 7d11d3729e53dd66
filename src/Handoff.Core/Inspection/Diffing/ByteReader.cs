namespace Handoff.Core.Inspection.Diffing;

/// <summary>Reads a stream in blocks and hands out byte records ending in a terminator ('\n' or NUL).</summary>
internal sealed class ByteReader(Stream stream)
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start, _end;
    private bool _eof;

    public bool AtEnd => Fill(1) == 0;

    /// <summary>The next byte without consuming it; -1 at the end.</summary>
    public int Peek() => Fill(1) == 0 ? -1 : _buffer[_start];

    /// <summary>True when the next bytes are a 40- or 64-digit lowercase hex object id followed by NUL (diff-tree's commit line under -z).</summary>
    public bool NextIsObjectIdAndNul()
    {
        var available = Fill(65);
        var digits = 0;
        while (digits < available && IsHex(_buffer[_start + digits])) digits++;
        return digits < available && _buffer[_start + digits] == 0 && digits is 40 or 64;
    }

    /// <summary>The bytes up to <paramref name="terminator"/> (consumed, not returned); the rest at the end; null when nothing is left.</summary>
    public byte[]? ReadUntil(byte terminator)
    {
        var searched = 0;
        while (true)
        {
            var index = Array.IndexOf(_buffer, terminator, _start + searched, _end - _start - searched);
            if (index >= 0)
            {
                var record = _buffer[_start..index];
                _start = index + 1;
                return record;
            }
            searched = _end - _start;
            if (Fill(searched + 1) <= searched)
            {
                if (searched == 0) return null;
                var rest = _buffer[_start.._end];
                _start = _end;
                return rest;
            }
        }
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available unless the stream ends first; returns how many are.</summary>
    private int Fill(int count)
    {
        while (_end - _start < count && !_eof)
        {
            if (_start + count > _buffer.Length)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
                if (count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(count, _buffer.Length * 2));
            }
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0) _eof = true;
            _end += read;
        }
        return Math.Min(count, _end - _start);
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f';
}
