using Handoff.Core.Secrets;
using static Handoff.Tests.Secrets.Scanning.LineRules;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>
/// A keyword's value that was no secret but is followed by a comma may open a list (<c>TOKENS = "changeme", "…"</c>):
/// <see cref="LineScanner.ListStarts"/> tells the list scanner where, once per value, for generic keyword rules only,
/// and only for the line just scanned.
/// </summary>
public class LineScannerListStartTests
{
    private const string Next = "Yt8wK3nQz5RbM1vJ";

    // The user's allowlist says the first value is no secret.
    private static readonly CompiledAllowlist AllowFirst = new([$"^{Strong}$"], [], []);

    private static readonly SecretRule Generic = Rule("generic", @"(?<name>secret_token|token)\s*=\s*(?<q>[""'])?(?<secret>[^\s""',]*)[""']?", "token", "secret")
        with { IsGeneric = true };

    private static int[] Starts(LineScanner scanner, string line, string path = "config/app.conf")
    {
        scanner.Scan(line, path, []);
        return scanner.ListStarts.Select(s => s.End).ToArray();
    }

    [TestCase("token = \"" + Strong + "\", \"" + Next + "\"", 26)]
    [TestCase("token = \"" + Strong + "\" \t, \"" + Next + "\"", 26)]
    [TestCase("secret_token = \"" + Strong + "\", \"" + Next + "\"", 33)]  // two keywords of the rule: still one list
    [TestCase("token = \"\", \"" + Next + "\"", 10)]                          // an empty first value
    public void A_value_that_is_no_secret_followed_by_a_comma_opens_one_list(string line, int end)
    {
        Assert.That(Starts(Scanner(AllowFirst, Generic), line), Is.EqualTo(new[] { end }));
    }

    [TestCase("token = \"" + Strong + "\"")]
    [TestCase("token = \"" + Strong + "\" + \"" + Next + "\"")]
    public void A_value_without_a_comma_after_it_opens_no_list(string line)
    {
        Assert.That(Starts(Scanner(AllowFirst, Generic), line), Is.Empty);
    }

    [Test]
    public void A_specific_rule_s_value_opens_no_list()
    {
        var specific = Generic with { Id = "specific", IsGeneric = false };
        Assert.That(Starts(Scanner(AllowFirst, specific), $"token = \"{Strong}\", \"{Next}\""), Is.Empty);
    }

    [Test]
    public void The_list_starts_are_those_of_the_last_line_scanned()
    {
        var scanner = Scanner(AllowFirst, Generic);
        Assert.That(Starts(scanner, $"token = \"{Strong}\", \"{Next}\""), Has.Length.EqualTo(1));
        Assert.That(Starts(scanner, "nothing to see"), Is.Empty);
        Assert.That(Starts(scanner, $"token = \"{Strong}\", \"{Next}\""), Has.Length.EqualTo(1));
        Assert.That(Starts(scanner, ""), Is.Empty);
    }
}
