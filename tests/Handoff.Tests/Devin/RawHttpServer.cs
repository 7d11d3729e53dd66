using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Handoff.Tests.Devin;

public sealed record RawResponse(int Status, string Body);

/// <summary>
/// A minimal HTTP/1.1 server on raw sockets, for failures HttpListener cannot produce: a handler
/// returning null makes the server reset the connection after reading the whole request.
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RecordedRequest, RawResponse?> _handler;
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
    public RecordedRequest[] All => Requests.ToArray();

    public RawHttpServer(Func<RecordedRequest, RawResponse?> handler)
    {
        _handler = handler;
        _listener.Start();
        _ = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (true)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(); }
            catch { return; }
            _ = Task.Run(() => Handle(client));
        }
    }

    private async Task Handle(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        while (true)
        {
            var request = await ReadRequest(stream);
            if (request is null) return;
            Requests.Enqueue(request);
            var response = _handler(request);
            if (response is null)
            {
                client.Client.LingerState = new LingerOption(true, 0); // RST instead of FIN
                client.Client.Close();
                return;
            }
            var body = Encoding.UTF8.GetBytes(response.Body);
            var head = $"HTTP/1.1 {response.Status} X\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(body);
        }
    }

    private static async Task<RecordedRequest?> ReadRequest(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(buffer))
        {
            if (await stream.ReadAsync(one) == 0) return null;
            buffer.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n");
        var parts = lines[0].Split(' ');
        var headers = lines.Skip(1).Where(l => l.Contains(':'))
            .Select(l => l.Split(':', 2))
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var l) ? int.Parse(l) : 0;
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await stream.ReadAsync(body.AsMemory(read));
            if (n == 0) return null;
            read += n;
        }
        var target = parts[1];
        var q = target.IndexOf('?');
        return new RecordedRequest(parts[0], q < 0 ? target : target[..q], q < 0 ? "" : target[q..], headers, body);
    }

    private static bool EndsWithBlankLine(List<byte> b) =>
        b.Count >= 4 && b[^4] == '\r' && b[^3] == '\n' && b[^2] == '\r' && b[^1] == '\n';

    public void Dispose() => _listener.Stop();
}
