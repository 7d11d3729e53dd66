using Handoff.Cli.Output;
using Handoff.TestInfrastructure;

namespace Handoff.Tests.Cli;

public class TableTests
{
    [Test]
    public void Pipes_get_tab_separated_rows_without_header_and_no_tabs_inside_values()
    {
        var console = new BufferConsole(terminal: false);
        Table.Write(console, ["id", "title"], [["devin-1", "a\tb\nc"], ["devin-22", null]]);
        Assert.That(console.OutText, Is.EqualTo("devin-1\ta b c\ndevin-22\t\n"));
    }

    [Test]
    public void Terminals_get_an_aligned_table_with_a_header()
    {
        var writer = new StringWriter { NewLine = "\n" };
        Table.Write(writer, terminal: true, ["id", "title"], [["devin-1", "first"], ["devin-22", "second"]]);
        Assert.That(writer.ToString(), Is.EqualTo("ID        TITLE\ndevin-1   first\ndevin-22  second\n"));
    }
}
