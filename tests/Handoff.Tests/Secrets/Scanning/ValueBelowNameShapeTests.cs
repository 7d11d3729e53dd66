namespace Handoff.Tests.Secrets.Scanning;

/// <summary>A value below its secret name is judged as the bare value it is, and a secret inside it is redacted where it stands.</summary>
public class ValueBelowNameShapeTests
{
    [Test]
    public void A_bare_value_with_a_dollar_is_a_literal_not_an_interpolation()
    {
        // Only a double-quoted (or backquoted) string fills in "$Name": a bare YAML value keeps it.
        var fragment = new Fragment();

        fragment.Output("deploy.yml", "password:", "  Xq7pL2m$Rv9TzK4wBn8J");

        Assert.That(fragment.Findings, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_password_inside_a_connection_url_below_the_name_is_redacted_in_place()
    {
        var fragment = new Fragment();

        var output = fragment.Output("deploy.yml", "password:", "  postgres://admin:Xq7pL2mRv9TzK4wBn8J@db.internal:5432/app");

        Assert.That(fragment.Findings, Has.Count.EqualTo(1));
        Assert.That(output[1], Does.StartWith("  postgres://admin:[REDACTED:").And.Not.Contain("Xq7pL2mRv9TzK4wBn8J"));
    }
}
