using System.Text.RegularExpressions;

namespace Handoff.Tests.Layout;

/// <summary>
/// A source file is named after its main type: every file under src/ declares a top-level type of its own name
/// (a partial file <c>BuiltInRules.Cloud.cs</c> counts as <c>BuiltInRules</c>). Files that group small records of one
/// kind are named for the kind and listed here.
/// </summary>
public sealed partial class FileNameTests
{
    private static readonly HashSet<string> GroupFiles = new(StringComparer.Ordinal)
    {
        "Handoff.Cli/Program.cs",                     // top-level statements
        "Handoff.Cli/Mcp/Views.cs",                   // the MCP tools' result records
        "Handoff.Core/Devin/V1Models.cs",             // the v1 API's wire records
        "Handoff.Core/Devin/Models/Common.cs",        // the v3 API's records, one file per resource
        "Handoff.Core/Devin/Models/Knowledge.cs",
        "Handoff.Core/Devin/Models/Playbooks.cs",
        "Handoff.Core/Devin/Models/Schedules.cs",
        "Handoff.Core/Devin/Models/Sessions.cs",
        "Handoff.Core/Following/FollowEvents.cs",     // FollowEvent and its cases
        "Handoff.Core/Handoffs/SendEvents.cs",        // SendEvent and its cases
        "Handoff.Core/Secrets/Archives/ArchiveStreams.cs", // the bounding and counting stream wrappers
    };

    [GeneratedRegex(@"^(?:(?:public|internal|file|sealed|static|abstract|partial|readonly|ref)\s+)*(?:class|record(?:\s+struct|\s+class)?|struct|interface|enum)\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    [Test]
    public void Every_source_file_declares_a_type_of_its_name()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.That(files, Has.Count.GreaterThan(100));

        var misnamed = new List<string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(src, file).Replace(Path.DirectorySeparatorChar, '/');
            if (GroupFiles.Contains(relative)) continue;
            var name = Path.GetFileName(file).Split('.')[0];
            var types = TopLevelType().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
            if (!types.Contains(name)) misnamed.Add($"{relative} declares {string.Join(", ", types)}");
        }
        Assert.That(misnamed, Is.Empty);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Handoff.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Handoff.sln not found above " + AppContext.BaseDirectory);
    }
}
