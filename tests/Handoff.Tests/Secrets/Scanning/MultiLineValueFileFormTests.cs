using Handoff.Core;
using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>
/// A value on a line of its own below its name is found only in the files that write values that way: XML element
/// text in XML-like files, nested YAML in YAML, continuation lines in INI-like files, all three in plain text (and
/// files without an extension); none of them in code, where nested braces and wrapped expressions read as values.
/// </summary>
public class MultiLineValueFileFormTests
{
    private const string Value = "Xq7pL2mRv9TzK4wB";
    private static readonly SecretScanner Scanner = new(SecretScanConfig.Default);

    private static readonly string ElementText = $"<apiToken>\n    {Value}\n</apiToken>";
    private static readonly string NestedYaml = $"database:\n  password:\n    value: {Value}";
    private static readonly string Continuation = $"[auth]\nsecret_key =\n    {Value}";

    private static IEnumerable<TestCaseData> Files()
    {
        string[] all = ["notes", "deploy/NOTES", ".deployrc", "docs/handover.txt", "handover.text", "README.TXT"];
        string[] nested = ["ci/deploy.yml", "helm/values.yaml", "k8s/Secret.YML"];
        string[] continuation = ["setup.ini", "setup.cfg", "nginx.conf", "my.cnf", "app.properties", "Cargo.toml"];
        string[] xml = ["pom.xml", "Web.config", "App.csproj", "App.vbproj", "App.fsproj", "Directory.Build.props",
            "Build.targets", "App.nuspec", "Info.plist", "App.xaml"];
        string[] none = ["src/Settings.cs", "src/settings.py", "src/app.js"];
        foreach (var path in all) yield return Case(path, element: true, nested: true, continuation: true);
        foreach (var path in nested) yield return Case(path, element: false, nested: true, continuation: false);
        foreach (var path in continuation) yield return Case(path, element: false, nested: false, continuation: true);
        foreach (var path in xml) yield return Case(path, element: true, nested: false, continuation: false);
        foreach (var path in none) yield return Case(path, element: false, nested: false, continuation: false);
    }

    private static TestCaseData Case(string path, bool element, bool nested, bool continuation) =>
        new TestCaseData(path, element, nested, continuation).SetArgDisplayNames(path);

    [TestCaseSource(nameof(Files))]
    public void A_value_below_its_name_is_found_only_in_files_that_write_it_that_way(string path, bool element, bool nested, bool continuation)
    {
        Assert.Multiple(() =>
        {
            Assert.That(FoundOnLine(path, ElementText), Is.EqualTo(element ? 2 : null), "XML element text");
            Assert.That(FoundOnLine(path, NestedYaml), Is.EqualTo(nested ? 3 : null), "nested YAML value");
            Assert.That(FoundOnLine(path, Continuation), Is.EqualTo(continuation ? 3 : null), "continuation line");
        });
    }

    private static int? FoundOnLine(string path, string text) =>
        Scanner.ScanText(path, text).Select(f => (int?)f.Line).SingleOrDefault();
}
