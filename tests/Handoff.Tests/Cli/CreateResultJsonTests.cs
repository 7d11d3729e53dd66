using Handoff.Cli.Commands;
using Handoff.Tests.Output;

namespace Handoff.Tests.Cli;

public class CreateResultJsonTests
{
    [TestCase("running", "Fix ünïcode \"quotes\" <b> & more")]
    [TestCase(null, "plain")]
    public void Hand_written_result_matches_the_json_output_style(string? status, string title)
    {
        IReadOnlyList<string> tags = ["handoff", "tag-ü", "handoff-id:0123"];

        var written = CreateCommand.ResultJson("devin-1", "https://app.devin.ai/sessions/1", status, title, tags, true, false);

        // What Json.Serialize wrote for the same fields (the previous implementation).
        var expected = LegacyJson.Serialize(new
        {
            session_id = "devin-1",
            url = "https://app.devin.ai/sessions/1",
            status,
            title,
            tags,
            is_new_session = true,
            recovered = false,
        });
        Assert.That(written, Is.EqualTo(expected));
    }
}
