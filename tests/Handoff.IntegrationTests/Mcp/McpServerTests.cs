using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Handoff.IntegrationTests.Support;
using ModelContextProtocol.Client;

namespace Handoff.IntegrationTests.Mcp;

/// <summary>`devin-handoff mcp` as a process: the protocol over stdio, tool errors that keep it alive, clean exits.</summary>
[TestFixture]
public sealed class McpServerTests
{
    private CliRunner _cli = null!;
    private string _work = null!;
    private ConcurrentQueue<string> _stderr = null!;

    [SetUp]
    public void SetUp()
    {
        _cli = new CliRunner();
        _work = Directory.CreateDirectory(Path.Combine(_cli.Home, "work")).FullName;
        _stderr = new ConcurrentQueue<string>();
    }

    [TearDown]
    public void TearDown() => _cli.Dispose();

    [Test]
    public async Task The_sdk_client_lists_the_tools_with_schemas_and_annotations()
    {
        await using var mcp = await McpHarness.Start(_cli, _work);
        Assert.That(mcp.Client.ServerInfo?.Name, Is.EqualTo("devin-handoff"));
        var tools = await mcp.Client.ListToolsAsync();
        Assert.That(tools.Select(t => t.Name), Is.EquivalentTo(new[]
        {
            "handoff_preview", "handoff_create", "session_status", "sessions_list", "session_messages", "session_wait",
            "session_send", "session_pickup", "secrets_scan",
        }));
        var byName = tools.ToDictionary(t => t.Name, t => t.ProtocolTool);
        Assert.That(byName["session_pickup"].Annotations?.DestructiveHint, Is.True);
        Assert.That(byName["handoff_preview"].Annotations?.ReadOnlyHint, Is.True);
        Assert.That(byName["handoff_create"].Annotations?.ReadOnlyHint, Is.False);
        Assert.That(byName["handoff_create"].Annotations?.IdempotentHint, Is.True);
        Assert.That(byName["handoff_create"].InputSchema.GetProperty("required").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "task" }));
        Assert.That(byName["session_wait"].InputSchema.GetProperty("properties").GetProperty("timeout_seconds").GetProperty("type").GetString(), Is.EqualTo("integer"));
        foreach (var tool in tools.Select(t => t.ProtocolTool))
        {
            Assert.That(tool.Description, Is.Not.Empty, tool.Name);
            Assert.That(tool.InputSchema.GetProperty("type").GetString(), Is.EqualTo("object"), tool.Name);
            Assert.That(tool.OutputSchema?.GetProperty("type").GetString(), Is.EqualTo("object"), tool.Name);
            Assert.That(tool.Annotations?.ReadOnlyHint, Is.Not.Null, tool.Name);
            Assert.That(tool.Annotations?.DestructiveHint, Is.Not.Null, tool.Name);
            Assert.That(tool.Annotations?.IdempotentHint, Is.Not.Null, tool.Name);
            Assert.That(tool.Annotations?.OpenWorldHint, Is.Not.Null, tool.Name);
            foreach (var property in tool.InputSchema.GetProperty("properties").EnumerateObject())
                Assert.That(property.Value.GetProperty("description").GetString(), Is.Not.Empty, $"{tool.Name}.{property.Name}");
        }
    }

    [Test]
    public async Task A_bad_argument_is_a_tool_error_with_our_code_and_the_server_keeps_serving()
    {
        await using var mcp = await McpHarness.Start(_cli, _work);
        var tool = (await mcp.Client.ListToolsAsync())[0].ProtocolTool.Name;

        var error = McpHarness.ErrorOf(await mcp.Call(tool, new() { ["no_such_argument"] = 1 }));
        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("usage"));
        Assert.That(error.GetProperty("exit_code").GetInt32(), Is.EqualTo(2));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("no_such_argument"));

        Assert.That(await mcp.Client.ListToolsAsync(), Is.Not.Empty, "the server stopped after a tool error");
    }

    [Test]
    public async Task Stdin_eof_ends_the_server_with_exit_0_and_stdout_is_protocol_only_traces_on_stderr()
    {
        _cli.Environment["DEVIN_HANDOFF_TRACE"] = "1";
        using var process = Start();
        await process.StandardInput.WriteLineAsync(Initialize);
        await process.StandardInput.FlushAsync();
        var answer = await ReadLine(process);
        Assert.That(JsonDocument.Parse(answer).RootElement.GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString(),
            Is.EqualTo("devin-handoff"));
        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/list"}""");
        await process.StandardInput.FlushAsync();
        var tools = JsonDocument.Parse(await ReadLine(process)).RootElement;
        Assert.That(tools.GetProperty("id").GetInt32(), Is.EqualTo(2));
        Assert.That(tools.GetProperty("result").GetProperty("tools").GetArrayLength(), Is.EqualTo(9));
        process.StandardInput.Close();
        Assert.That(await Exited(process), Is.True, "still running 20 s after stdin closed");
        Assert.That(process.ExitCode, Is.EqualTo(0));
        var rest = await process.StandardOutput.ReadToEndAsync();
        Assert.That(rest.Trim(), Is.Empty, "stdout carried something besides protocol answers");
        Assert.That(_stderr, Has.Some.StartsWith("[devin-handoff trace] mcp"), "DEVIN_HANDOFF_TRACE=1 wrote no trace to stderr");
    }

    [Test]
    public async Task Sigterm_ends_the_server_with_exit_0()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("POSIX signals");
        using var process = Start();
        await process.StandardInput.WriteLineAsync(Initialize);
        await process.StandardInput.FlushAsync();
        await ReadLine(process);
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])!)
            await kill.WaitForExitAsync();
        Assert.That(await Exited(process), Is.True, "still running 20 s after SIGTERM");
        Assert.That(process.ExitCode, Is.EqualTo(0));
    }

    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""";

    private Process Start()
    {
        var start = new ProcessStartInfo(CliRunner.BinaryPath)
        {
            WorkingDirectory = _work,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("mcp");
        foreach (var (k, v) in _cli.ProcessEnvironment())
        {
            if (v is null) start.Environment.Remove(k);
            else start.Environment[k] = v;
        }
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _stderr.Enqueue(e.Data); };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<string> ReadLine(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new AssertionException("stdout ended");
    }

    private static async Task<bool> Exited(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try { await process.WaitForExitAsync(timeout.Token); return true; }
        catch (OperationCanceledException) { process.Kill(true); return false; }
    }
}
