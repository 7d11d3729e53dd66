using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets;

/// <summary>A token is bounded by characters outside its own alphabet: inside a longer run of that alphabet it is not one.</summary>
public class TokenBoundaryTests
{
    private readonly SecretScanner _scanner = new(SecretScanConfig.Default);

    // The Entra client secret format: 3 characters, a digit, "Q~", 31 to 34 more, from [A-Za-z0-9_~.-].
    private const string ClientSecret = "Jx48Q~Vq2.Lm7_Rt9Wz3Kp6Bn1Yc5Hd8Ff0Gs4Q";

    [Test]
    public void An_entra_client_secret_on_its_own_is_found()
    {
        var findings = _scanner.ScanText("deploy/app.env", $"AZURE_CLIENT_SECRET={ClientSecret}");
        Assert.That(findings.Select(f => f.RuleId), Has.Member("azure-entra-client-secret"));
    }

    [TestCase("Identity=\"USK@Hq2vLm9," + ClientSecret + "~yk0,AQACAAE/site/7\"")] // continues with "~" and more of its alphabet
    [TestCase("ref: a.b~" + ClientSecret)]                                           // starts after '~'
    public void The_same_shape_inside_a_longer_run_of_its_alphabet_is_not_a_client_secret(string line)
    {
        var findings = _scanner.ScanText("freenet/trust.xml", line);
        Assert.That(findings.Select(f => f.RuleId), Has.No.Member("azure-entra-client-secret"));
    }
}
