using Handoff.Core.Devin;
using static Handoff.Tests.Devin.ClientFixture;

namespace Handoff.Tests.Devin;

/// <summary>The list order of GET /sessions is undocumented: ListNewest shows the newest first either way, within a bound.</summary>
public class DevinClientListNewestTests
{
    private const long Start = 1767225600;

    /// <summary>A server holding sessions with these created_at offsets (minutes), listed in the given order, <paramref name="pageSize"/> a page.</summary>
    private static TestApiServer Server(IReadOnlyList<int> minutes, int pageSize)
    {
        return new TestApiServer((req, r) =>
        {
            var offset = req.QueryValues("after").SingleOrDefault() is { } after ? int.Parse(after) : 0;
            var page = minutes.Skip(offset).Take(pageSize).Select((m, i) => Session($"devin-{offset + i}", created: Start + m * 60)).ToList();
            var end = offset + page.Count;
            var more = end < minutes.Count;
            return Reply.Ok(r, $$"""{"items":[{{string.Join(",", page)}}],"has_next_page":{{(more ? "true" : "false")}},"end_cursor":{{(more ? $"\"{end}\"" : "null")}}}""");
        });
    }

    private static string Session(string id, long created) =>
        $$"""{"session_id":"{{id}}","status":"running","tags":["handoff"],"created_at":{{created}},"updated_at":{{created}}}""";

    [Test]
    public async Task An_api_that_lists_newest_first_is_read_one_page_only()
    {
        using var server = Server([50, 40, 30, 20, 10, 0], pageSize: 3);
        var (client, _, _) = Create(server.Url);

        var newest = await client.Sessions.ListNewest(new SessionListQuery { Tags = ["handoff"] }, limit: 2);

        Assert.That(newest.Sessions.Select(s => s.SessionId), Is.EqualTo(new[] { "devin-0", "devin-1" }));
        Assert.That(newest.MayMissNewer, Is.False);
        Assert.That(server.All, Has.Length.EqualTo(1));
        Assert.That(server.All[0].QueryValues("first"), Is.EqualTo(new[] { "200" }));
        Assert.That(server.All[0].QueryValues("tags"), Is.EqualTo(new[] { "handoff" }));
    }

    [Test]
    public async Task An_api_that_lists_oldest_first_is_read_to_the_end_and_sorted()
    {
        using var server = Server([0, 10, 20, 30, 40, 50], pageSize: 2);
        var (client, _, _) = Create(server.Url);

        var newest = await client.Sessions.ListNewest(new SessionListQuery(), limit: 2);

        Assert.That(newest.Sessions.Select(s => s.SessionId), Is.EqualTo(new[] { "devin-5", "devin-4" }));
        Assert.That(server.All, Has.Length.EqualTo(3));
    }

    [Test]
    public async Task Sessions_of_the_same_second_keep_the_apis_order_read_newest_first()
    {
        using var server = Server([0, 10, 10, 10], pageSize: 10);
        var (client, _, _) = Create(server.Url);

        var newest = await client.Sessions.ListNewest(new SessionListQuery(), limit: 3);

        Assert.That(newest.Sessions.Select(s => s.SessionId), Is.EqualTo(new[] { "devin-3", "devin-2", "devin-1" }));
    }

    [Test]
    public async Task A_mixed_order_is_sorted_and_equal_times_alone_prove_nothing()
    {
        using var server = Server([5, 5, 30, 10, 20], pageSize: 2);
        var (client, _, _) = Create(server.Url);

        var newest = await client.Sessions.ListNewest(new SessionListQuery(), limit: 2);

        Assert.That(newest.Sessions.Select(s => s.SessionId), Is.EqualTo(new[] { "devin-2", "devin-4" }));
        Assert.That(server.All, Has.Length.EqualTo(3), "read to the end: the order never showed newest first");
    }

    [Test]
    public async Task The_scan_is_bounded_and_says_when_newer_sessions_may_be_missing()
    {
        using var server = Server(Enumerable.Range(0, NewestSessions.ScanLimit + 50).ToList(), pageSize: 200);
        var (client, _, _) = Create(server.Url);

        var newest = await client.Sessions.ListNewest(new SessionListQuery(), limit: 1);

        Assert.That(newest.MayMissNewer, Is.True);
        Assert.That(newest.Sessions.Single().SessionId, Is.EqualTo($"devin-{NewestSessions.ScanLimit - 1}"));
        Assert.That(server.All, Has.Length.EqualTo(NewestSessions.ScanLimit / 200 + 1));
    }

    [Test]
    public async Task V1_pages_by_offset_and_is_sorted_the_same_way()
    {
        using var server = new TestApiServer((req, r) => req.QueryValues("offset").Count == 0
            ? Reply.Ok(r, $$"""{"sessions":[{"session_id":"devin-a","created_at":"2026-01-01T10:00:00Z"},{"session_id":"devin-b","created_at":"2026-01-01T11:00:00Z"}]}""")
            : Reply.Ok(r, """{"sessions":[]}"""));
        var (client, _, _) = Create(server.Url, key: ApkKey, org: null);

        var newest = await client.Sessions.ListNewest(new SessionListQuery(), limit: 1);

        Assert.That(newest.Sessions.Single().SessionId, Is.EqualTo("devin-b"));
        Assert.That(server.All[0].QueryValues("limit"), Is.EqualTo(new[] { "100" }));
    }

    [Test]
    public async Task A_full_read_that_ends_on_its_own_may_not_miss_anything()
    {
        using var server = Server([0, 10, 20, 30], pageSize: 2);
        var (client, _, _) = Create(server.Url);

        var newest = await client.Sessions.ListNewest(new SessionListQuery(), limit: 2);

        Assert.That(newest.MayMissNewer, Is.False, "every session was read");
    }

    [Test]
    public async Task Newest_first_stops_as_soon_as_the_limit_is_reached()
    {
        using var server = Server([50, 40, 30, 20, 10, 0], pageSize: 3);
        var (client, _, _) = Create(server.Url);

        var newest = await client.Sessions.ListNewest(new SessionListQuery(), limit: 3);

        Assert.That(newest.Sessions.Select(s => s.SessionId), Is.EqualTo(new[] { "devin-0", "devin-1", "devin-2" }));
        Assert.That(server.All, Has.Length.EqualTo(1), "the third session ends the read; the next page is not fetched");
    }

    [Test]
    public async Task Sessions_all_of_one_second_keep_the_apis_order()
    {
        using var server = Server([10, 10, 10], pageSize: 10);
        var (client, _, _) = Create(server.Url);

        var newest = await client.Sessions.ListNewest(new SessionListQuery(), limit: 3);

        Assert.That(newest.Sessions.Select(s => s.SessionId), Is.EqualTo(new[] { "devin-0", "devin-1", "devin-2" }));
    }
}
