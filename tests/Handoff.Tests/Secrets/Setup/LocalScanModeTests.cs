using Handoff.Core;
using Handoff.Core.Abstractions;
using Handoff.Core.Inspection;
using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Setup;

/// <summary>`scan`'s modes (working, staged, range, paths): one at a time, which need a repository, and what each reads.</summary>
public class LocalScanModeTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Path.TrimEndingDirectorySeparator(Directory.CreateTempSubdirectory("handoff-localscan-").FullName);

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, true);

    private sealed class FakeGit : IProcessRunner
    {
        public List<(IReadOnlyList<string> Args, string Dir)> Calls { get; } = [];

        public Task<ProcessResult> Run(string program, IReadOnlyList<string> arguments, string workingDirectory, string? standardInput = null,
            IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
        {
            Calls.Add((arguments, workingDirectory));
            return Task.FromResult(new ProcessResult(0, "", ""));
        }
    }

    private sealed class FakeInspector : IRepoInspector
    {
        public InspectOptions? Options { get; private set; }

        public RepoSnapshot Inspect(InspectOptions options)
        {
            Options = options;
            return SnapshotBuilder.With(options.StartDirectory!, []);
        }
    }

    private readonly FakeGit _git = new();
    private readonly FakeInspector _inspector = new();
    private string? _scannerRepo = "unset";

    private Task<LocalScanResult> Run(LocalScanRequest request) =>
        new LocalScan(_git, _inspector, repo => { _scannerRepo = repo; return new SecretScanner(SecretScanConfig.Default); }).Run(request, CancellationToken.None);

    private static IEnumerable<TestCaseData> TwoModes()
    {
        yield return new TestCaseData(true, "A..B", Array.Empty<string>()).SetName("staged_and_range");
        yield return new TestCaseData(true, null, new[] { "a.txt" }).SetName("staged_and_paths");
        yield return new TestCaseData(false, "A..B", new[] { "a.txt" }).SetName("range_and_paths");
    }

    [TestCaseSource(nameof(TwoModes))]
    public void Two_modes_at_once_are_a_usage_error(bool staged, string? range, string[] paths)
    {
        var e = Assert.ThrowsAsync<HandoffException>(() => Run(new LocalScanRequest { Directory = _dir, Staged = staged, Range = range, Paths = paths }))!;

        Assert.That((e.ExitCode, e.Message), Is.EqualTo((ExitCodes.Usage, "choose one of staged, range or paths")));
    }

    [TestCase(true, null, "--staged")]
    [TestCase(false, "A..B", "--range")]
    [TestCase(false, null, "scan (working changes)")]
    public void A_mode_that_needs_a_repository_outside_one_says_so(bool staged, string? range, string what)
    {
        var e = Assert.ThrowsAsync<HandoffException>(() => Run(new LocalScanRequest { Directory = _dir, Staged = staged, Range = range }))!;

        Assert.That((e.ExitCode, e.Message), Is.EqualTo((ExitCodes.Error, $"{what}: not inside a git repository: {_dir}")));
        Assert.That((_git.Calls.Count, _inspector.Options), Is.EqualTo((0, (InspectOptions?)null)));
    }

    [Test]
    public async Task Paths_outside_a_repository_resolve_and_report_against_the_folder()
    {
        File.WriteAllText(Path.Combine(_dir, ".env"), "MODE=dev\n");

        var result = await Run(new LocalScanRequest { Directory = _dir, Paths = [".env"] });

        Assert.That((result.Mode, result.Findings.Single().File, _scannerRepo), Is.EqualTo(("paths", ".env", (string?)null)));
    }

    [Test]
    public async Task Paths_inside_a_repository_are_reported_relative_to_its_work_tree()
    {
        LibGit2Sharp.Repository.Init(_dir);
        var sub = Directory.CreateDirectory(Path.Combine(_dir, "sub")).FullName;
        File.WriteAllText(Path.Combine(sub, ".env"), "MODE=dev\n");

        var result = await Run(new LocalScanRequest { Directory = sub, Paths = [".env"] });

        Assert.That((result.Mode, result.Findings.Single().File, _scannerRepo), Is.EqualTo(("paths", "sub/.env", (string?)_dir)));
    }

    [Test]
    public async Task Each_mode_inside_a_repository_reads_what_it_names()
    {
        LibGit2Sharp.Repository.Init(_dir);

        var working = await Run(new LocalScanRequest { Directory = _dir });
        var staged = await Run(new LocalScanRequest { Directory = _dir, Staged = true });
        var range = await Run(new LocalScanRequest { Directory = _dir, Range = "A..B" });

        Assert.That((working.Mode, staged.Mode, range.Mode), Is.EqualTo(("working", "staged", "range")));
        Assert.That(_inspector.Options, Is.Not.Null);
        Assert.That((_inspector.Options!.StartDirectory, _inspector.Options.IncludeChanges), Is.EqualTo((_dir, true)));
        Assert.That(_git.Calls.Select(c => c.Dir), Is.All.EqualTo(_dir));
        Assert.That(_git.Calls[0].Args, Does.Contain("--cached"));
        Assert.That(_git.Calls.Skip(1).First().Args, Does.Contain("A..B"));
    }
}
