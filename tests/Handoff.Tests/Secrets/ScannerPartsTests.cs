using System.Text.RegularExpressions;
using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>
/// The small parts a scan is built of, each at its edges: entropy, the key-body count, where a prompt's diff lines
/// belong, the config allowlist, and the regex that compiles itself once it is used often.
/// </summary>
public class ScannerPartsTests
{
    [TestCase("", 0.0)]
    [TestCase("aaaa", 0.0)]
    [TestCase("ab", 1.0)]
    [TestCase("abcd", 2.0)]
    [TestCase("abcdefgh", 3.0)]
    [TestCase("éè", 1.0)]       // beyond ASCII
    [TestCase("aé", 1.0)]
    [TestCase("ééèè€€ßß", 2.0)]
    public void Entropy_is_in_bits_per_character(string value, double bits) => Assert.That(Entropy.Shannon(value), Is.EqualTo(bits).Within(1e-9));

    [Test]
    public void Entropy_weighs_each_character_by_how_often_it_occurs() =>
        Assert.That(Entropy.Shannon("aab"), Is.EqualTo(-(2.0 / 3 * Math.Log2(2.0 / 3) + 1.0 / 3 * Math.Log2(1.0 / 3))).Within(1e-9));

    [TestCase("-----BEGIN RSA PRIVATE KEY-----", 0)]
    [TestCase("-----BEGIN RSA PRIVATE KEY-----MIIEow==", 8)]
    [TestCase("-----BEGIN RSA PRIVATE KEY-----\\nMIIE\\nowIB\\r\\n-----END RSA PRIVATE KEY-----", 8)]
    [TestCase("-----BEGIN RSA PRIVATE KEY----- MIIE+/9=", 8)]
    [TestCase("-----BEGIN RSA PRIVATE KEY-----...", -1)]
    [TestCase("-----BEGIN RSA PRIVATE KEY-----\\x", -1)]
    [TestCase("-----BEGIN RSA PRIVATE KEY-----\\", -1)]
    [TestCase("-----BEGIN RSA PRIVATE KEY", 0)]
    [TestCase("----BEGIN RSA PRIVATE KEY-----MIIE", 0)]
    public void A_key_header_counts_the_base64_after_it_on_its_own_line(string secret, int count) =>
        Assert.That(KeyBlockBody.OnHeaderLine(secret), Is.EqualTo(count));

    [TestCase("  MIIEowIBAAKCAQEA0Z3V  ", 20)]
    [TestCase("MIIE owIB", 8)]
    [TestCase("Proc-Type: 4,ENCRYPTED", 0)]
    [TestCase("DEK-Info: AES-128-CBC,0123", 0)]
    [TestCase("", 0)]
    [TestCase("MIIE\\nowIB", -1)]  // an escape is key material only on the header's line
    [TestCase("not a: key", -1)]
    [TestCase(": x", -1)]
    [TestCase("MIIE...", -1)]
    [TestCase("*****", -1)]
    public void A_line_in_a_key_block_counts_its_base64_and_header_fields_count_nothing(string line, int count) =>
        Assert.That(KeyBlockBody.OnBodyLine(line), Is.EqualTo(count));

    [Test]
    public void A_prompt_line_belongs_to_the_file_of_the_diff_it_follows()
    {
        Assert.That(PromptDiff.PathAfter("diff --git a/src/app.py b/src/app.py", null), Is.EqualTo("src/app.py"));
        Assert.That(PromptDiff.PathAfter("diff --git a/old.py b/new.py", "x.py"), Is.EqualTo("new.py"));
        Assert.That(PromptDiff.PathAfter("diff --git \"a/my file.py\" \"b/my file.py\"", null), Is.EqualTo("my file.py"));
        Assert.That(PromptDiff.PathAfter("diff --git nothing here", "x.py"), Is.Null);
        Assert.That(PromptDiff.PathAfter("diff --git", "x.py"), Is.EqualTo("x.py"), "not a header: a line of x.py");
        var current = "src/app.py";
        Assert.That(PromptDiff.PathAfter("diff --git a/src/app.py b/src/app.py", current), Is.SameAs(current));

        Assert.That(PromptDiff.PathAfter("+x = 1", "a.py"), Is.EqualTo("a.py"));
        Assert.That(PromptDiff.PathAfter("@@ -1 +1 @@", "a.py"), Is.EqualTo("a.py"));
        Assert.That(PromptDiff.PathAfter("```", "a.py"), Is.Null, "the end of a code block");
        Assert.That(PromptDiff.PathAfter("```diff", "a.py"), Is.Null);
        Assert.That(PromptDiff.PathAfter("From 0123abcd Mon Sep 17 00:00:00 2001", "a.py"), Is.Null, "the next patch");
        Assert.That(PromptDiff.PathAfter("Fromage", "a.py"), Is.EqualTo("a.py"));
        Assert.That(PromptDiff.PathAfter("+x = 1", null), Is.Null);
    }

    [TestCase("+added", true)]
    [TestCase("-removed", true)]
    [TestCase(" context", true)]
    [TestCase("+++x", true)]
    [TestCase("+++ b/a.py", false)]
    [TestCase("--- a/a.py", false)]
    [TestCase("", false)]
    [TestCase("@@ -1 +1 @@", false)]
    [TestCase("text", false)]
    public void A_hunk_line_starts_with_the_diff_s_own_character(string line, bool isHunkLine) =>
        Assert.That(PromptDiff.IsHunkLine(line), Is.EqualTo(isHunkLine));

    [Test]
    public void The_ignore_file_is_always_allowed_and_configured_paths_match_in_any_case()
    {
        var allowlist = new CompiledAllowlist(["^test-"], ["Local-Dev"], ["^docs/examples/"]);

        Assert.That(CompiledAllowlist.Empty.AllowsPath(".devin-handoff-ignore"), Is.True);
        Assert.That(CompiledAllowlist.Empty.AllowsPath("sub/.devin-handoff-ignore"), Is.True);
        Assert.That(CompiledAllowlist.Empty.AllowsPath("my.devin-handoff-ignore"), Is.False);
        Assert.That(CompiledAllowlist.Empty.AllowsPath("docs/examples/a.py"), Is.False);
        Assert.That(allowlist.AllowsPath("DOCS/Examples/a.py"), Is.True);
        Assert.That(allowlist.AllowsPath("src/docs/examples/a.py"), Is.False);

        Assert.That(allowlist.AllowsSecret("test-Zq8Kp3vR7"), Is.True);
        Assert.That(allowlist.AllowsSecret("TEST-Zq8Kp3vR7"), Is.False, "secret regexes are as written");
        Assert.That(allowlist.AllowsSecret("Zq8LOCAL-DEVKp3"), Is.True, "stopwords in any case");
        Assert.That(allowlist.AllowsSecret("Zq8Kp3vR7"), Is.False);
        Assert.That(CompiledAllowlist.Empty.AllowsSecret("test-Zq8Kp3vR7"), Is.False);
    }

    [Test]
    public void A_regex_used_often_is_compiled_at_its_256th_use_with_the_same_pattern_and_timeout()
    {
        var timeout = TimeSpan.FromSeconds(3);
        var hot = new HotRegex("zq[0-9]+x", RegexOptions.CultureInvariant, timeout);

        for (var i = 1; i < 256; i++) Assert.That(hot.Value.Options & RegexOptions.Compiled, Is.EqualTo(RegexOptions.None), $"use {i}");
        var compiled = hot.Value;

        Assert.That(compiled.Options, Is.EqualTo(RegexOptions.CultureInvariant | RegexOptions.Compiled));
        Assert.That((compiled.ToString(), compiled.MatchTimeout), Is.EqualTo(("zq[0-9]+x", timeout)));
        Assert.That(hot.IsMatch("a zq12x b") && !hot.IsMatch("zqx"), Is.True);
        Assert.That(hot.Value, Is.SameAs(compiled), "compiled once");
    }

    [Test]
    public void A_pattern_with_a_source_generated_twin_uses_it_from_the_start()
    {
        var twin = PrecompiledRegexes.All.First();
        var hot = new HotRegex(twin.Key.Pattern, twin.Key.Options, twin.Value.MatchTimeout);

        Assert.That(hot.Value, Is.SameAs(twin.Value));
        for (var i = 0; i < 300; i++) _ = hot.Value;
        Assert.That(hot.Value, Is.SameAs(twin.Value), "never replaced by a runtime-compiled copy");
        Assert.That(new HotRegex(twin.Key.Pattern, twin.Key.Options, twin.Value.MatchTimeout + TimeSpan.FromSeconds(1)).Value, Is.Not.SameAs(twin.Value),
            "another timeout is another regex");
    }
}
