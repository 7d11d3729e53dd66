using System.Text;
using System.Text.Json;

namespace Handoff.IntegrationTests.Create;

/// <summary>
/// Issue 16's case, built here: a one-line fix in a tracked file next to 600 large generated data files
/// (`git add -N gen`), a generated schema (.gitattributes) and a lock file. The fix must be sent verbatim within the
/// default budget, and the Omitted section must stay short.
/// </summary>
public class BudgetByValueTests : CreateFixture
{
    private const string Fix = "pkg/cmd/root/root.go";

    private static string GoFile(int lines, string name) =>
        "package root\n\n" + string.Concat(Enumerable.Range(0, lines).Select(i => $"func {name}{i}() int {{ return {i} }} // keep\n"));

    private void MakeRepository()
    {
        for (var i = 0; i < 40; i++) Repo.WriteFile($"pkg/cmd/c{i % 8}/file{i}.go", GoFile(20, $"F{i}_"));
        Repo.WriteFile(Fix, GoFile(200, "Root"));
        Repo.WriteFile(".gitattributes", "api/*.json linguist-generated\n");
        Repo.WriteFile("api/schema.json", "{\n  \"version\": 1\n}\n");
        Repo.WriteFile("package-lock.json", "{\n  \"lockfileVersion\": 3\n}\n");
        Repo.Commit("initial");
        Repo.Run("remote", "add", "origin", "https://github.com/acme/widgets.git");
        Repo.Run("update-ref", "refs/remotes/origin/main", "HEAD");
        Repo.Run("branch", "-q", "--set-upstream-to=origin/main", "main");

        File.AppendAllText(Repo.FullPath(Fix), "// the one real edit\n");
        Repo.WriteFile("api/schema.json", string.Concat(Enumerable.Range(0, 300).Select(i => $"  \"field{i}\": {i},\n")));
        Repo.WriteFile("package-lock.json", string.Concat(Enumerable.Range(0, 300).Select(i => $"  \"dep{i}\": \"1.0.{i}\",\n")));
        var row = new StringBuilder();
        for (var i = 0; i < 600; i++)
        {
            row.Clear();
            for (var r = 0; row.Length < 20_000; r++) row.Append($"{{\"id\": {r}, \"file\": {i}, \"name\": \"item-{i}-{r}\", \"tags\": [\"a\", \"b\"]}},\n");
            Repo.WriteFile($"gen/data_{i:D3}.json", row.ToString());
        }
        Repo.Run("add", "-N", "gen");
    }

    [Test]
    public async Task A_one_line_fix_is_sent_verbatim_next_to_six_hundred_generated_files_and_Omitted_stays_short()
    {
        MakeRepository();
        var expectedDiff = (await Cli.Git(Repo.Path, "diff", "HEAD", "--", Fix)).StandardOutput;
        Assert.That(expectedDiff, Does.Contain("+// the one real edit"));

        var result = await Cli.Run(Repo.Path, "create", "--task", "Fix the root command", "--dry-run", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var prompt = json.RootElement.GetProperty("request").GetProperty("prompt").GetString()!;
        var inspection = json.RootElement.GetProperty("inspection");
        Assert.That(Encoding.UTF8.GetByteCount(prompt), Is.LessThanOrEqualTo(200 * 1024), "the default budget");
        Assert.That(prompt, Does.Contain(expectedDiff), "the fix, verbatim as git prints it");

        var omitted = OmittedSection(prompt);
        Assert.That(omitted, Has.Count.LessThanOrEqualTo(30), string.Join("\n", omitted));
        Assert.That(omitted, Has.Member($"- api/schema.json ({new FileInfo(Repo.FullPath("api/schema.json")).Length} bytes, generated)"));
        Assert.That(omitted, Has.Member($"- package-lock.json ({new FileInfo(Repo.FullPath("package-lock.json")).Length} bytes, lock-file)"));
        var genLine = omitted.Single(l => l.StartsWith("- gen/: ", StringComparison.Ordinal));

        var filesOmitted = inspection.GetProperty("files_omitted").EnumerateArray().ToList();
        var genOmitted = filesOmitted.Count(f => f.GetProperty("path").GetString()!.StartsWith("gen/"));
        Assert.That(genLine, Does.StartWith($"- gen/: {genOmitted} new files, ").And.EndWith("(budget)"));
        var included = inspection.GetProperty("files_included").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.That(included, Does.Contain(Fix));
        Assert.That(genOmitted + included.Count(p => p!.StartsWith("gen/")), Is.EqualTo(600), "every generated file is included or listed in the JSON");

        var plan = inspection.GetProperty("plan");
        Assert.That(prompt, Does.Contain(plan.GetProperty("rule").GetString()!), "the prompt says how it chose");
        var planned = plan.GetProperty("files").EnumerateArray().ToList();
        Assert.That(planned[0].GetProperty("path").GetString(), Is.EqualTo(Fix), "the tracked change was offered a place first");
        Assert.That(planned[0].GetProperty("class").GetString(), Is.EqualTo("tracked"));
        Assert.That(planned[0].GetProperty("included").GetBoolean(), Is.True);
        var schema = planned.Single(p => p.GetProperty("path").GetString() == "api/schema.json");
        Assert.That((schema.GetProperty("class").GetString(), schema.GetProperty("included").GetBoolean(), schema.GetProperty("reason").GetString()),
            Is.EqualTo(("generated", false, "generated")));
        var newIncluded = planned.Where(p => p.GetProperty("class").GetString() == "new" && p.GetProperty("included").GetBoolean()).ToList();
        Assert.That(newIncluded, Is.Not.Empty);
        Assert.That(newIncluded.Select(p => p.GetProperty("bytes").GetInt64()), Is.Ordered, "new files smallest first");
    }

    [Test]
    public async Task A_generated_file_the_task_names_is_sent()
    {
        MakeRepository();

        var result = await Cli.Run(Repo.Path, "create", "--task", "Regenerate api/schema.json", "--dry-run", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var prompt = json.RootElement.GetProperty("request").GetProperty("prompt").GetString()!;
        Assert.That(prompt, Does.Contain("+  \"field299\": 299,"));
        Assert.That(prompt, Does.Contain("+// the one real edit"));
    }

    /// <summary>The item lines of the prompt's Omitted section.</summary>
    private static List<string> OmittedSection(string prompt)
    {
        var lines = prompt.Split('\n');
        var heading = Array.IndexOf(lines, "### Omitted");
        Assert.That(heading, Is.GreaterThan(0), "an Omitted section");
        return lines.Skip(heading + 1).TakeWhile(l => !l.StartsWith("## End", StringComparison.Ordinal))
            .Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
    }
}
