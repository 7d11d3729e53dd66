namespace Handoff.Tests.Secrets.Scanning;

/// <summary>A value alone on its line below its secret name is found there and redacted in place, its indent kept.</summary>
public class ValueBelowNameRedactionTests
{
    private const string Value = "Xq7pL2mRv9TzK4wBn8Jc5sHd";

    [TestCase("deploy.yml", "password:", "  ")]
    [TestCase("deploy.yml", "password:", "      ")]
    [TestCase("setup.ini", "secret_key =", "    ")]
    public void The_value_below_the_name_is_redacted_where_it_stands(string path, string name, string indent)
    {
        var fragment = new Fragment();

        var output = fragment.Output(path, name, indent + Value, "after: 1");

        Assert.That(fragment.Findings, Has.Count.EqualTo(1));
        Assert.That(output, Is.EqualTo(new[] { name, $"{indent}[REDACTED:{fragment.Findings[0].RuleId}]", "after: 1" }));
    }
}
