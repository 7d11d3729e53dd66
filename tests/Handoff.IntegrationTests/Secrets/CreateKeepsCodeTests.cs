using Handoff.FakeDevin;

namespace Handoff.IntegrationTests.Secrets;

/// <summary>
/// The README's example ("Fix the flaky auth test") in the shape issue 11 measured it: a Go repository with one new test
/// and one edited line next to a struct literal whose field names a credential. What `create` sends to the (fake) API
/// holds both hunks verbatim; a real token added in the same test still withholds that test's hunk.
/// </summary>
public class CreateKeepsCodeTests
{
    private const string TestHunk =
        "func TestLogin_retriesTokenCheck(t *testing.T) {\n" +
        "\tstore := keyring.NewMemoryStore()\n" +
        "\thasActiveToken := false\n" +
        "\tfor attempt := 0; attempt < 2 && !hasActiveToken; attempt++ {\n" +
        "\t\t_, hasActiveToken = store.ActiveToken(\"git.example.com\")\n" +
        "\t}\n" +
        "{TOKEN}" +
        "\trequire.True(t, hasActiveToken, \"expected an active token after retry\")\n" +
        "}\n";

    private static async Task<(FakeDevinServer Server, GitSandbox Sandbox)> AuthRepo(string tokenLine)
    {
        var server = await FakeDevinServer.StartAsync();
        var s = new GitSandbox();
        foreach (var (k, v) in server.ClientEnvironment()) s.Cli.Environment[k] = v;
        await s.GitOk(s.Repo, "init", "-q", "-b", "main");
        await s.CommitFile("internal/auth/login.go",
            "package auth\n\nfunc login(opts *Options) error {\n\treturn session.Login(&session.LoginOptions{\n" +
            "\t\tHost:     opts.Host,\n\t\tPrompter: opts.Prompter,\n\t\tBrowser:  opts.Browser,\n" +
            "\t\tCredentialFlow: &session.GitCredentialFlow{\n\t\t\tPrompter: opts.Prompter,\n\t\t},\n" +
            "\t\tSecureStorage: !opts.InsecureStorage,\n\t})\n}\n", "initial");
        await s.CommitFile("internal/auth/login_test.go", "package auth\n\nimport \"testing\"\n", "tests");
        await s.GitOk(s.Repo, "remote", "add", "origin", "https://github.com/example/demo.git");
        await s.GitOk(s.Repo, "update-ref", "refs/remotes/origin/main", "HEAD");
        await s.GitOk(s.Repo, "branch", "-q", "--set-upstream-to=origin/main", "main");

        var login = Path.Combine(s.Repo, "internal", "auth", "login.go");
        File.WriteAllText(login, File.ReadAllText(login).Replace("\t\tBrowser:  opts.Browser,\n",
            "\t\tBrowser:  opts.Browser,\n\t\t// retry once when the token check races the keyring write\n"));
        File.AppendAllText(Path.Combine(s.Repo, "internal", "auth", "login_test.go"), "\n" + TestHunk.Replace("{TOKEN}", tokenLine));
        return (server, s);
    }

    private static async Task<string> SentPrompt(FakeDevinServer server, GitSandbox s)
    {
        var result = await s.Run("create", "--task", "Fix the flaky auth test", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = server.RequestsTo("POST", "/v3/organizations/*/sessions").Single().BodyJson();
        return json.RootElement.GetProperty("prompt").GetString()!;
    }

    private static string Added(string text) => string.Join('\n', text.TrimEnd('\n').Split('\n').Select(l => "+" + l));

    [Test]
    public async Task The_new_test_and_the_edited_line_go_into_the_prompt_verbatim()
    {
        var (server, s) = await AuthRepo("");
        await using var _ = server;
        using var __ = s;

        var prompt = await SentPrompt(server, s);

        Assert.That(prompt, Does.Contain(Added(TestHunk.Replace("{TOKEN}", ""))), "the new test's hunk, every line");
        Assert.That(prompt, Does.Contain("+\t\t// retry once when the token check races the keyring write\n \t\tCredentialFlow: &session.GitCredentialFlow{\n"),
            "the edited hunk, with its context as written");
        Assert.That(prompt, Does.Not.Contain("REDACTED").And.Not.Contain("Withheld by the secret scanner"));
    }

    [Test]
    public async Task A_real_token_added_in_the_same_test_still_withholds_that_hunk()
    {
        var token = TestSecrets.GitHubToken();
        var (server, s) = await AuthRepo($"\tt.Setenv(\"GH_TOKEN\", \"{token}\")\n");
        await using var _ = server;
        using var __ = s;

        var prompt = await SentPrompt(server, s);

        Assert.That(prompt, Does.Not.Contain(token[4..20]));
        Assert.That(prompt, Does.Not.Contain("hasActiveToken"), "the test's hunk is withheld whole");
        Assert.That(prompt[prompt.IndexOf("Withheld by the secret scanner", StringComparison.Ordinal)..], Does.Contain("internal/auth/login_test.go"));
        Assert.That(prompt, Does.Contain(" \t\tCredentialFlow: &session.GitCredentialFlow{\n"), "the other hunk still goes verbatim");
    }
}
