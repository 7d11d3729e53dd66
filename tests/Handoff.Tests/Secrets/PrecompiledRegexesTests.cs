using System.Text.RegularExpressions;
using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

public class PrecompiledRegexesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private const RegexOptions RuleOptions = RegexOptions.CultureInvariant;
    private const RegexOptions PathOptions = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    // The rules whose keywords ordinary code is full of: a scan spends its regex time in these.
    private static readonly string[] HotRuleIds =
    [
        "generic-password", "generic-secret", "generic-token", "generic-api-key", "bearer-token", "github-legacy-token",
        "dockerfile-env-secret", "xml-attribute-secret", "netrc-password", "npmrc-auth", "vault-legacy-token",
    ];

    private static SecretRule Rule(string id) => BuiltInRules.Content.Single(r => r.Id == id);

    [TestCaseSource(nameof(HotRuleIds))]
    public void A_hot_rule_runs_on_its_source_generated_twin(string id)
    {
        var rule = Rule(id);
        Assert.That(PrecompiledRegexes.Find(rule.Regex, RuleOptions, Timeout), Is.Not.Null, "pattern changed without its twin");
        if (rule.KeywordAnchored)
            Assert.That(PrecompiledRegexes.Find(@"\G" + rule.Regex, RuleOptions, Timeout), Is.Not.Null, "anchored form has no twin");
        if (rule.PathPattern is not null)
            Assert.That(PrecompiledRegexes.Find(rule.PathPattern, PathOptions, Timeout), Is.Not.Null, "path pattern has no twin");
    }

    [Test]
    public void Every_path_rule_runs_on_its_source_generated_twin()
    {
        foreach (var rule in BuiltInRules.Paths)
            Assert.That(PrecompiledRegexes.Find(rule.PathRegex, PathOptions, Timeout), Is.Not.Null, rule.Id);
    }

    [Test]
    public void Every_twin_stands_for_a_built_in_pattern_with_the_same_options_and_timeout()
    {
        var used = new HashSet<(string, RegexOptions)>();
        foreach (var rule in BuiltInRules.Content)
        {
            used.Add((rule.Regex, RuleOptions));
            if (rule.KeywordAnchored) used.Add((@"\G" + rule.Regex, RuleOptions));
            if (rule.PathPattern is not null) used.Add((rule.PathPattern, PathOptions));
        }
        foreach (var rule in BuiltInRules.Paths) used.Add((rule.PathRegex, PathOptions));

        Assert.Multiple(() =>
        {
            foreach (var (key, regex) in PrecompiledRegexes.All)
            {
                Assert.That(used, Does.Contain(key), $"orphan twin: {key.Pattern}");
                Assert.That(regex.MatchTimeout, Is.EqualTo(CompiledRule.MatchTimeout), key.Pattern);
                // The generator falls back to a plain (interpreted at run time) Regex for constructs it cannot emit,
                // such as a case-insensitive backreference; a twin must be real generated code.
                Assert.That(regex.GetType(), Is.Not.EqualTo(typeof(Regex)), $"not source-generated: {key.Pattern}");
            }
        });
    }

    [Test]
    public void A_pattern_without_a_twin_or_with_other_options_is_built_at_run_time()
    {
        Assert.That(PrecompiledRegexes.Find(BuiltInRules.HotPatterns.GenericToken, RegexOptions.None, Timeout), Is.Null);
        Assert.That(PrecompiledRegexes.Find(BuiltInRules.HotPatterns.GenericToken, RuleOptions, TimeSpan.FromSeconds(5)), Is.Null);
        var built = PrecompiledRegexes.Get("acme_[a-z]{8}", RuleOptions, Timeout);
        Assert.That(built.IsMatch("acme_abcdefgh"), Is.True);
    }

    [TestCaseSource(nameof(HotRuleIds))]
    public void A_twin_finds_what_the_runtime_regex_finds_on_the_rule_samples(string id)
    {
        var rule = Rule(id);
        var twin = PrecompiledRegexes.Find(rule.Regex, RuleOptions, Timeout)!;
        var runtime = new Regex(rule.Regex, RuleOptions, Timeout);
        var random = new Random(7);
        var samples = RuleSamples.For(rule);
        var lines = samples.TruePositives.Concat(samples.FalsePositives).Select(t => SampleTemplate.Expand(t, random)).ToList();
        Assert.That(lines, Is.Not.Empty);
        foreach (var line in lines)
        {
            var expected = runtime.Matches(line).Select(m => (m.Index, m.Length, m.Groups["secret"].Value)).ToList();
            var actual = twin.Matches(line).Select(m => (m.Index, m.Length, m.Groups["secret"].Value)).ToList();
            Assert.That(actual, Is.EqualTo(expected), line);
        }
        Assert.That(lines.Count(l => runtime.IsMatch(l)), Is.GreaterThanOrEqualTo(samples.TruePositives.Count), "samples never exercised the pattern");
    }
}

public class GeneratedRegexTests
{
    // Every [GeneratedRegex] in Handoff.Core must be real generated code: for constructs it cannot emit (an
    // ignore-case backreference, say) the generator silently returns a plain Regex, interpreted under Native AOT.
    [Test]
    public void Every_generated_regex_in_the_core_library_is_generated_code()
    {
        var flags = System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic;
        var members = typeof(PrecompiledRegexes).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(flags).Cast<System.Reflection.MemberInfo>().Concat(t.GetMethods(flags)))
            .Where(m => m.GetCustomAttributes(typeof(GeneratedRegexAttribute), false).Length > 0)
            .ToList();
        Assert.That(members, Has.Count.GreaterThan(30));
        Assert.Multiple(() =>
        {
            foreach (var member in members)
            {
                var regex = (Regex)(member is System.Reflection.PropertyInfo p ? p.GetValue(null) : ((System.Reflection.MethodInfo)member).Invoke(null, null))!;
                Assert.That(regex.GetType(), Is.Not.EqualTo(typeof(Regex)), $"{member.DeclaringType!.Name}.{member.Name} falls back to a runtime regex");
            }
        });
    }
}
