using System.Text.Json;
using Handoff.Cli;
using Handoff.Core.Abstractions;
using Handoff.Core.Devin;
using Handoff.Core.Settings;
using Handoff.TestInfrastructure;
using Handoff.Tests.Devin;
using Handoff.Tests.TestSupport;
using Moq;

namespace Handoff.Tests.Cli;

/// <summary>
/// The whole CLI run in this process (<see cref="CliApp.Run"/>) over <see cref="AppServices"/> built by the test:
/// a buffer console, a fixed environment, no processes, the test's credential store and client factory.
/// </summary>
public class InProcessCliTests
{
    private const string Key = "cog_in_process_test_key_0123456789";
    private TempGitRepo _repo = null!;

    [SetUp]
    public void CreateRepo()
    {
        _repo = TempGitRepo.Init();
        _repo.CommitFile("app.py", "print('hi')\n");
        _repo.Run("remote", "add", "origin", "https://github.com/acme/widgets.git");
        _repo.WriteFile("app.py", "print('changed')\n");
    }

    [TearDown]
    public void RemoveRepo() => _repo.Dispose();

    private AppServices Services(BufferConsole console, Dictionary<string, string?> variables, IWritableCredentialStore? store = null,
        Func<DevinConnection, DevinClientOptions, IDevinClient>? clients = null)
        => new()
        {
            Console = console,
            Environment = new DictionaryEnvironment(variables, _repo.Path),
            Clock = new SystemClock(),
            Processes = Mock.Of<IProcessRunner>(MockBehavior.Strict),
            CredentialStore = store ?? Store(null),
            ClientFactory = clients ?? ((connection, options) => new DevinClient(connection, options)),
        };

    private static IWritableCredentialStore Store(string? key)
    {
        var store = new Mock<IWritableCredentialStore>(MockBehavior.Strict);
        store.Setup(s => s.Get(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(key);
        return store.Object;
    }

    [Test]
    public async Task A_replaced_client_factory_still_gets_the_shared_throttle_gate_of_a_fan_out()
    {
        var creates = 0;
        using var server = new TestApiServer((request, response) =>
        {
            if (request.Method != "POST") return Reply.Json(response, 404, """{"detail":"not here"}""");
            var n = Interlocked.Increment(ref creates);
            return n == 1
                ? Reply.Json(response, 429, """{"detail":"slow down"}""", ("Retry-After", "1"))
                : Reply.Ok(response, $$"""{"session_id":"devin-{{n}}","url":"https://app.devin.ai/sessions/devin-{{n}}","status":"new","tags":[]}""");
        });
        var built = new List<DevinClientOptions>();
        var console = new BufferConsole();
        var services = Services(console,
            new() { ["DEVIN_API_KEY"] = Key, ["DEVIN_API_URL"] = server.Url, ["DEVIN_ORG_ID"] = "org-1" },
            clients: (connection, options) =>
            {
                built.Add(options);
                return new DevinClient(connection, options with { Jitter = () => 0 });
            });

        var exit = await CliApp.Run(["create", "--task", "first", "--task", "second", "--concurrency", "1"], services);

        Assert.That(exit, Is.Zero, console.ErrorText);
        Assert.That(built, Has.Count.EqualTo(1), "one client for the whole fan-out");
        Assert.That(built[0].ConfigureMessageHandler, Is.Not.Null, "the gate reaches the replaced factory");
        Assert.That(console.ErrorText, Does.Contain("created 2 of 2 session(s) (rate limited 1 time(s); slowed down and retried)"));
        Assert.That(server.All.Count(r => r.Method == "POST"), Is.EqualTo(3));
    }

    [TestCase("apk_user_stored_0123456789", true)]
    [TestCase(null, false)]
    public async Task Dry_run_json_shows_the_body_for_the_key_in_the_credential_store(string? stored, bool v1)
    {
        var console = new BufferConsole();
        var services = Services(console, new(), Store(stored));

        var exit = await CliApp.Run(["create", "--task", "Fix it", "--dry-run", "--json"], services);

        Assert.That(exit, Is.Zero, console.ErrorText);
        var request = JsonDocument.Parse(console.OutText).RootElement.GetProperty("request");
        Assert.That(request.TryGetProperty("idempotent", out _), Is.EqualTo(v1), request.ToString());
        if (stored is not null)
            Assert.That(console.OutText + console.ErrorText, Does.Not.Contain(stored));
    }

    [Test]
    public async Task A_command_without_a_key_fails_with_one_json_error_and_exit_4()
    {
        var console = new BufferConsole();

        var exit = await CliApp.Run(["status", "devin-1", "--json"], Services(console, new()));

        Assert.That(exit, Is.EqualTo(4));
        var error = JsonDocument.Parse(console.OutText).RootElement.GetProperty("error");
        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("auth"));
        Assert.That(error.GetProperty("exit_code").GetInt32(), Is.EqualTo(4));
        Assert.That(console.ErrorText, Is.Empty);
    }

    [TestCase("1")]
    [TestCase("True")]
    [TestCase("TRUE")]
    public async Task Every_spelling_that_turns_the_trace_on_shows_stage_timings_and_stack_traces(string trace)
    {
        var console = new BufferConsole();
        var exit = await CliApp.Run(["create", "--task", "Fix it", "--dry-run"], Services(console, new() { ["DEVIN_HANDOFF_TRACE"] = trace }));
        Assert.That(exit, Is.Zero, console.ErrorText);
        Assert.That(console.ErrorText, Does.Contain("[devin-handoff trace] inspect: ").And.Contain("[devin-handoff trace] scan: "));

        var failed = new BufferConsole();
        exit = await CliApp.Run(["status", "devin-1"], Services(failed, new() { ["DEVIN_HANDOFF_TRACE"] = trace }));
        Assert.That(exit, Is.EqualTo(4));
        Assert.That(failed.ErrorText, Does.Contain("Handoff.Core.HandoffException: DEVIN_API_KEY is not set").And.Contain(" at "));
    }
}
