using Handoff.Core.Secrets.Generic;

namespace Handoff.Tests.Secrets.Generic;

/// <summary>
/// The edges of <see cref="FileKinds"/>: every template suffix keeps the kind of the file it templates, hidden files,
/// a path rooted at '/', and the example names that lower a finding's confidence.
/// </summary>
public class FileKindEdgeTests
{
    [TestCase("config/settings.py.example", "Code")]
    [TestCase("config/settings.py.sample", "Code")]
    [TestCase("config/settings.php.dist", "Code")]
    [TestCase("config/appsettings.json.template", "Code")]
    [TestCase("config/settings.py.local", "Code")]
    [TestCase("deploy/values.json.tmpl", "Code")]
    [TestCase("deploy/values.json.tpl", "Code")]
    [TestCase("deploy/settings.py.j2", "Code")]
    [TestCase("deploy/README.md.jinja", "Docs")]
    [TestCase("deploy/settings.py.jinja2", "Code")]
    [TestCase("deploy/app.yml.j2", "Config")]
    [TestCase("deploy/settings.py.secrets", "Config")]
    public void A_template_suffix_keeps_the_kind_of_the_file_it_templates(string path, string kind) =>
        Assert.That(FileKinds.Of(path).ToString(), Is.EqualTo(kind));

    [TestCase("config/.json.example", "Code", TestName = "A hidden file named after a code extension keeps that kind under a template suffix")]
    [TestCase("config/.npmrc", "Config", TestName = "A hidden file is read by what follows its dot")]
    [TestCase("/Makefile", "Config", TestName = "A path rooted at slash is read by its file name")]
    [TestCase("/.env", "Config", TestName = "A rooted env file is config")]
    [TestCase("Makefile", "Config", TestName = "A bare file name is its own name")]
    public void Hidden_and_rooted_paths_are_read_by_their_file_name(string path, string kind) =>
        Assert.That(FileKinds.Of(path).ToString(), Is.EqualTo(kind));

    [TestCase("config/app_sample.yml")]
    [TestCase("data/user-fixture.json")]
    [TestCase("src/.md")]
    public void Example_names_and_docs_lower_confidence(string path) =>
        Assert.That(FileKinds.IsTestOrExample(path), Is.True);

    [TestCase("src/appsample.yml")]
    [TestCase("src/md")]
    public void Words_that_only_contain_example_or_docs_do_not(string path) =>
        Assert.That(FileKinds.IsTestOrExample(path), Is.False);
}
