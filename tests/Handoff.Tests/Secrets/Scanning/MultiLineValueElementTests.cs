using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>
/// An XML element whose start tag stands alone on its line (<c>&lt;apiToken&gt;</c>) has its value on the next line;
/// closing tags, self-closing tags, comments, declarations and one-line elements open nothing.
/// </summary>
public class MultiLineValueElementTests
{
    private const string Value = "Xq7pL2mRv9TzK4wB";

    [TestCase("<apiToken>|    " + Value, "apiToken", 4, TestName = "Start tag alone")]
    [TestCase("<apiToken encrypted=\"false\">|" + Value, "apiToken", 0, TestName = "Start tag with an attribute")]
    [TestCase("  <DbPassword>|\t\t" + Value + "  ", "DbPassword", 2, TestName = "Indented tag and value with trailing spaces")]
    public void The_line_below_a_secret_start_tag_is_the_element_text(string lines, string name, int start)
    {
        Assert.That(MultiLineValueOwnerTests.Last("App.config", lines), Is.EqualTo((name, start, Value.Length, true)));
    }

    [TestCase("<apiToken>|</apiToken>|" + Value, TestName = "After a closing tag")]
    [TestCase("</apiToken>|" + Value, TestName = "Closing tag alone")]
    [TestCase("<apiToken/>|" + Value, TestName = "Self-closing tag")]
    [TestCase("<apiToken />|" + Value, TestName = "Self-closing tag with a space")]
    [TestCase("<!-- apiToken -->|" + Value, TestName = "Comment")]
    [TestCase("<?apiToken?>|" + Value, TestName = "Processing instruction")]
    [TestCase("<apiToken>abc</apiToken>|" + Value, TestName = "One-line element")]
    [TestCase("<apiToken|" + Value, TestName = "Start tag not closed on its line")]
    [TestCase("<|" + Value, TestName = "A lone angle bracket")]
    [TestCase("<a>|" + Value, TestName = "Shortest tag without a secret word")]
    [TestCase("<host>|" + Value, TestName = "Tag without a secret word")]
    [TestCase("<apiToken>|  see the vault", TestName = "Words as element text")]
    [TestCase("<apiToken>|  {ApiToken}", TestName = "Placeholder as element text")]
    public void No_element_text_is_reported(string lines)
    {
        Assert.That(MultiLineValueOwnerTests.Last("App.config", lines), Is.Null);
    }
}
