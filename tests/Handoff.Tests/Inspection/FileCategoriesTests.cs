using Handoff.Core.Inspection;
using Handoff.Core.Inspection.Diffing;

namespace Handoff.Tests.Inspection;

public class FileCategoriesTests
{
    [TestCase("package-lock.json", FileCategory.LockFile)]
    [TestCase("web/yarn.lock", FileCategory.LockFile)]
    [TestCase("go.sum", FileCategory.LockFile)]
    [TestCase("Cargo.lock", FileCategory.LockFile)]
    [TestCase("app/pnpm-lock.yaml", FileCategory.LockFile)]
    [TestCase("static/app.min.js", FileCategory.Generated)]
    [TestCase("api/v1/service.pb.go", FileCategory.Generated)]
    [TestCase("pkg/zz_generated.deepcopy.go", FileCategory.Generated)]
    [TestCase("models_generated.ts", FileCategory.Generated)]
    [TestCase("go.mod", FileCategory.Source)]
    [TestCase("src/app.js", FileCategory.Source)]
    [TestCase("docs/generated.md", FileCategory.Source)]
    [TestCase("lockfile.txt", FileCategory.Source)]
    [TestCase("_generated.go", FileCategory.Source)]
    public void Names_decide_for_any_file(string path, FileCategory expected)
    {
        Assert.That(FileCategories.Of(path, untracked: false), Is.EqualTo(expected));
        Assert.That(FileCategories.Of(path, untracked: true), Is.EqualTo(expected));
    }

    [TestCase("dist/bundle.js", FileCategory.Generated)]
    [TestCase("packages/ui/dist/index.js", FileCategory.Generated)]
    [TestCase("build/out.o.txt", FileCategory.Generated)]
    [TestCase("node_modules/left-pad/index.js", FileCategory.Vendored)]
    public void Output_folders_count_for_new_untracked_files_only(string path, FileCategory expected)
    {
        Assert.That(FileCategories.Of(path, untracked: true), Is.EqualTo(expected));
        Assert.That(FileCategories.Of(path, untracked: false), Is.EqualTo(FileCategory.Source), "a tracked file there is source (cli/cli's internal/build)");
    }

    [TestCase("set", null, FileCategory.Generated)]
    [TestCase("true", null, FileCategory.Generated)]
    [TestCase(null, "set", FileCategory.Vendored)]
    [TestCase("unspecified", "unspecified", FileCategory.Source)]
    public void Linguist_attributes_mark_any_file(string? generated, string? vendored, FileCategory expected) =>
        Assert.That(FileCategories.Of("src/plain.cs", untracked: false, generated, vendored), Is.EqualTo(expected));

    [TestCase("false")]
    [TestCase("unset")]
    public void An_attribute_set_to_false_makes_a_file_source_whatever_its_name(string value)
    {
        Assert.That(FileCategories.Of("yarn.lock", untracked: false, generated: value), Is.EqualTo(FileCategory.Source));
        Assert.That(FileCategories.Of("dist/x.js", untracked: true, vendored: value), Is.EqualTo(FileCategory.Source));
    }

    [TestCase("plain/path.txt", "plain/path.txt")]
    [TestCase("we*ird?[x].txt", "we\\*ird\\?\\[x].txt")]
    [TestCase("#hash.txt", "\\#hash.txt")]
    [TestCase("a#b\\c", "a#b\\\\c")]
    public void Order_file_patterns_match_the_path_only(string path, string pattern) =>
        Assert.That(OrderFile.Pattern(path), Is.EqualTo(pattern));
}

public class PathMentionsTests
{
    [TestCase("Fix pkg/cmd/root/root.go", true)]
    [TestCase("Fix `pkg/cmd/root/root.go`.", true)]
    [TestCase("see ./pkg/cmd/root/root.go:42", true)]
    [TestCase("in /home/me/cli/pkg/cmd/root/root.go", true)]
    [TestCase("root/root.go fails", true)]
    [TestCase("ROOT.GO is wrong", true)]
    [TestCase("everything under pkg/cmd/ please", true)]
    [TestCase("(root.go)", true)]
    [TestCase("Fix the root command", false)]
    [TestCase("go", false)]
    [TestCase("cmd/root", false)]
    [TestCase("other/root.golang", false)]
    [TestCase("", false)]
    public void A_word_names_a_file_by_path_tail_or_name(string text, bool names) =>
        Assert.That(new PathMentions([text]).Names("pkg/cmd/root/root.go"), Is.EqualTo(names));

    [Test]
    public void Windows_separators_and_several_texts_count() =>
        Assert.That(new PathMentions([null, "task", "pkg\\cmd\\root\\root.go"]).Names("pkg/cmd/root/root.go"), Is.True);
}
