using Handoff.Core.Secrets.Generic;

namespace Handoff.Tests.Secrets.Generic;

/// <summary>
/// How a path decides the way a keyword value is read (code, config, docs, text), and which paths lower a finding's
/// confidence. The kinds are those a reader of each file would name, written out here case by case.
/// </summary>
public class FileKindTests
{
    [TestCase(".env", "Config")]
    [TestCase("deploy/.env.production", "Config")]
    [TestCase("app/settings", "Config")]
    [TestCase("README", "Text")]
    [TestCase("notes.txt", "Text")]
    [TestCase("src/app/main.go", "Code")]
    [TestCase("Jenkinsfile", "Code")]
    [TestCase("config/app.yml", "Config")]
    [TestCase("Dockerfile.dev", "Config")]
    [TestCase("Dockerfile.local", "Config")]
    [TestCase("build/Containerfile.prod", "Config")]
    [TestCase("config/settings.json.example", "Code")]
    [TestCase("config/app.yml.dist", "Config")]
    [TestCase("docs/guide.md.tmpl", "Docs")]
    [TestCase("template.local", "Config")]
    [TestCase("config/.local", "Config")]
    [TestCase("db/seed.credentials", "Config")]
    [TestCase("site/app.py.secret", "Config")]
    [TestCase("docs/intro.md", "Docs")]
    [TestCase("a.b/notes", "Text")]
    [TestCase("build/Makefile", "Config")]
    [TestCase("a.md/app.py", "Code")]
    public void A_path_has_the_kind_its_reader_would_name(string path, string kind) =>
        Assert.That(FileKinds.Of(path).ToString(), Is.EqualTo(kind));

    [TestCase("task")]
    [TestCase("context")]
    [TestCase("title")]
    [TestCase("prompt")]
    public void What_the_user_writes_is_free_text(string label) => Assert.That(FileKinds.IsFreeText(label), Is.True);

    [TestCase("stdin")]
    [TestCase("tasks")]
    [TestCase("src/task")]
    public void Other_labels_and_paths_are_not_free_text(string label) => Assert.That(FileKinds.IsFreeText(label), Is.False);

    [TestCase("test/app.py")]
    [TestCase("src/Acme.UnitTests/Client.cs")]
    [TestCase("src/Newtonsoft.Json.Tests/Reader.cs")]
    [TestCase("api-tests/client.js")]
    [TestCase("xTests/a.cs")]
    [TestCase("pkg/auth/login_test.go")]
    [TestCase("tests.py/conftest.py")]
    [TestCase("app/conftest.py")]
    [TestCase("app/test_login.py")]
    [TestCase("app/login_spec.rb")]
    [TestCase("src/LoginTest.java")]
    [TestCase("src/login.test.ts")]
    [TestCase("src/login.spec.ts")]
    [TestCase("src/guide.md")]
    [TestCase("config/sample_config.yml")]
    [TestCase("config/settings.example.py")]
    [TestCase("internal/mock_server.go")]
    [TestCase("data/fake-data.json")]
    [TestCase("examples-1.json")]
    public void Tests_fixtures_examples_and_docs_lower_confidence(string path) =>
        Assert.That(FileKinds.IsTestOrExample(path), Is.True);

    [TestCase("src/latest/app.py")]
    [TestCase("src/contest/app.py")]
    [TestCase("src/Tests.cs/app.py")]
    [TestCase("src/attest.py")]
    [TestCase("src/app.py")]
    [TestCase("src/md/app.py")]
    [TestCase("src/README")]
    [TestCase("src/resample.py")]
    public void Ordinary_code_paths_do_not(string path) =>
        Assert.That(FileKinds.IsTestOrExample(path), Is.False);
}
