using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>A finding's preview: the line with its secret masked (4 characters kept from 16 on) and cut at 160 characters.</summary>
public class FindingPreviewTests
{
    [TestCase("Xq7pL2mRv9TzK4wB", "API_TOKEN = \"Xq7p…\"")]   // 16 characters: the first 4 are shown
    [TestCase("Xq7pL2mRv9TzK4w", "API_TOKEN = \"****\"")]     // 15: nothing of it
    public void A_secret_shows_its_first_four_characters_from_16_on(string secret, string preview)
    {
        var fragment = new Fragment();
        fragment.Line($"API_TOKEN = \"{secret}\"", "settings.py");

        Assert.That(fragment.Findings.Single().Preview, Is.EqualTo(preview));
    }

    [TestCase(160, false)]
    [TestCase(161, true)]
    public void A_preview_longer_than_160_characters_is_cut_with_an_ellipsis(int length, bool cut)
    {
        const string start = "API_TOKEN = \"Xq7pL2mRv9TzK4wB\" # ";
        const string masked = "API_TOKEN = \"Xq7p…\" # ";
        var comment = new string('c', length - masked.Length);
        var fragment = new Fragment();
        fragment.Line(start + comment, "settings.py");

        var preview = fragment.Findings.Single().Preview;
        Assert.That(preview, Is.EqualTo(cut ? (masked + comment)[..159] + "…" : masked + comment));
        Assert.That(preview, Has.Length.EqualTo(cut ? 160 : length));
    }
}
