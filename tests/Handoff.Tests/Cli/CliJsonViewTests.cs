using System.Text.Json.Nodes;
using Handoff.Cli;
using Handoff.Cli.Commands;
using Handoff.Cli.Commands.Auth;
using Handoff.Cli.Commands.Knowledge;
using Handoff.Cli.Commands.Playbooks;
using Handoff.Cli.Commands.Schedules;
using Handoff.Core.Attachments;
using Handoff.Core.Devin;
using Handoff.Core.Handoffs;
using Handoff.Core.Inspection;
using Handoff.Core.Output;
using Handoff.Core.Prompting;
using Handoff.Core.Schedules;
using Handoff.Core.Secrets;
using Handoff.Tests.Output;

namespace Handoff.Tests.Cli;

/// <summary>
/// Each --json view record (generated metadata, Native AOT safe) writes byte for byte what the anonymous type it
/// replaced wrote through reflection: the anonymous expressions below are the previous code.
/// </summary>
public class CliJsonViewTests
{
    private const string Text = "ünïcode \"quoted\" <b> & more\nsecond line";
    private static readonly DateTimeOffset When = new(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(1));

    [TestCase("API unavailable", 6)]
    [TestCase(Text, 1)]
    public void Error(string message, int exitCode)
    {
        var written = Json.Serialize(new ErrorView(new ErrorBody(Handoff.Core.ExitCodes.Name(exitCode), message, exitCode)), CliJson.Compact.ErrorView);
        Assert.That(written, Is.EqualTo(LegacyJson.Serialize(new { error = new { code = Handoff.Core.ExitCodes.Name(exitCode), message, exit_code = exitCode } })));
        if (exitCode == 6)
            Assert.That(written, Is.EqualTo("""{"error":{"code":"api_unavailable","message":"API unavailable","exit_code":6}}"""));
    }

    [Test]
    public void Auth_views()
    {
        var check = new KeyCheck("cog_", "service_user", Text, null, null);
        Assert.That(Json.Serialize(new AuthLoginView(true, "https://api.devin.ai", check.KeyType, check.PrincipalType, check.Name, check.OrgId), CliJson.Compact.AuthLoginView),
            Is.EqualTo(LegacyJson.Serialize(new { stored = true, api_url = "https://api.devin.ai", key_type = check.KeyType, principal_type = check.PrincipalType, name = check.Name, org_id = check.OrgId })));

        string? source = "environment", keyType = null, error = "no key";
        bool? valid = null;
        KeyCheck? none = null;
        Assert.That(Json.Serialize(new AuthStatusView("u", source, keyType, valid, none?.PrincipalType, none?.Name, none?.OrgId, error), CliJson.Compact.AuthStatusView),
            Is.EqualTo(LegacyJson.Serialize(new { api_url = "u", source, key_type = keyType, valid, principal_type = none?.PrincipalType, name = none?.Name, org_id = none?.OrgId, error })));

        Assert.That(Json.Serialize(new AuthLogoutView(true, "u", false), CliJson.Compact.AuthLogoutView),
            Is.EqualTo("""{"removed":true,"api_url":"u","environment_key_set":false}"""));
        Assert.That(Json.Serialize(new AuthLogoutView(true, "u", false), CliJson.Compact.AuthLogoutView),
            Is.EqualTo(LegacyJson.Serialize(new { removed = true, api_url = "u", environment_key_set = false })));
    }

    [Test]
    public void Pickup()
    {
        var r = new Handoff.Core.GitHub.PickupResult("devin-1", "https://github.com/o/r/pull/7", null, "o/r", "feature/x", "abc123", "origin", true, false, true);
        Assert.That(Json.Serialize(new PickupView(r.SessionId, r.PullRequestUrl, r.PullRequestState, r.Repository, r.Branch, r.Commit, r.Source, r.FromRemote, r.Stashed, r.BranchCreated), CliJson.Compact.PickupView),
            Is.EqualTo(LegacyJson.Serialize(new
            {
                session_id = r.SessionId, pr_url = r.PullRequestUrl, pr_state = r.PullRequestState, repository = r.Repository, branch = r.Branch,
                commit = r.Commit, source = r.Source, from_remote = r.FromRemote, stashed = r.Stashed, branch_created = r.BranchCreated,
            })));
    }

    [Test]
    public void Doctor()
    {
        var checks = new[] { Handoff.Core.Doctor.DoctorCheck.Pass("git", "git version 2.47"), Handoff.Core.Doctor.DoctorCheck.Fail("key", Text, "run auth login") };
        Assert.That(Json.Serialize(new DoctorView(false, checks.Select(c => new DoctorCheckView(c.Name, c.Ok, c.Detail, c.Hint)).ToList()), CliJson.Compact.DoctorView),
            Is.EqualTo(LegacyJson.Serialize(new { ok = false, checks = checks.Select(c => new { name = c.Name, ok = c.Ok, detail = c.Detail, hint = c.Hint }) })));
    }

    [Test]
    public void Send()
    {
        var sent = new MessageSent(null, Text);
        Assert.That(Json.Serialize(new SendView("devin-1", true, sent.Session?.Status, sent.Session?.StatusDetail, sent.Detail), CliJson.Compact.SendView),
            Is.EqualTo(LegacyJson.Serialize(new { session_id = "devin-1", sent = true, status = sent.Session?.Status, status_detail = sent.Session?.StatusDetail, detail = sent.Detail })));
    }

    [Test]
    public void Attachments_downloads_and_uploads()
    {
        var attachments = new[] { new SessionAttachment { AttachmentId = "a1", Name = "x.txt", Url = "https://x.invalid/x.txt", ContentType = "text/plain" }, new SessionAttachment { Name = "y", Url = "u" } };
        Assert.That(Json.Serialize(attachments.Select(a => new AttachmentView(a.AttachmentId, a.Name, a.Url, a.Source, a.ContentType)).ToList(), CliJson.Compact.ListAttachmentView),
            Is.EqualTo(LegacyJson.Serialize(attachments.Select(a => new { attachment_id = a.AttachmentId, name = a.Name, url = a.Url, source = a.Source, content_type = a.ContentType }))));

        var results = new[]
        {
            new DownloadResult("x.txt", "x.txt", "/tmp/d/x.txt", DownloadStatus.Downloaded, 12, null),
            new DownloadResult("y", "y", "/tmp/d/y", DownloadStatus.Failed, 0, Text, 6),
        };
        var downloads = Json.Serialize(results.Select(r => new DownloadView(r.Name, r.FileName, r.Path, r.Status, r.Bytes, r.Reason)).ToList(), CliJson.Compact.ListDownloadView);
        Assert.That(downloads, Is.EqualTo(LegacyJson.Serialize(results.Select(r => new { name = r.Name, file_name = r.FileName, path = r.Path, status = r.Status, bytes = r.Bytes, reason = r.Reason }))));
        Assert.That(downloads, Does.Contain("\"status\":\"downloaded\"").And.Contain("\"status\":\"failed\""));

        var uploaded = new (string File, UploadedAttachment Attachment)[] { ("/w/a b.txt", new UploadedAttachment { AttachmentId = "a1", Name = "a b.txt", Url = "u1" }), ("/w/c", new UploadedAttachment { Url = "u2" }) };
        Assert.That(Json.Serialize(uploaded.Select(u => new UploadView(u.File, u.Attachment.AttachmentId, u.Attachment.Name, u.Attachment.Url)).ToList(), CliJson.Compact.ListUploadView),
            Is.EqualTo(LegacyJson.Serialize(uploaded.Select(u => new { file = u.File, attachment_id = u.Attachment.AttachmentId, name = u.Attachment.Name, url = u.Attachment.Url }))));
    }

    [Test]
    public void Whoami_v1_and_v3()
    {
        Assert.That(Json.Serialize(new WhoamiView("apk_user_", "v1", null, null, null, null, null, null, null, WhoamiCommand.V1Limits), CliJson.Compact.WhoamiView),
            Is.EqualTo(LegacyJson.Serialize(new
            {
                key_type = "apk_user_", api_version = "v1", principal_type = (string?)null, id = (string?)null, name = (string?)null,
                org_id = (string?)null, org_source = (string?)null, api_key_id = (string?)null, api_key_name = (string?)null,
                unavailable = WhoamiCommand.V1Limits,
            })));
        string? id = "u-1", name = Text, orgId = "org-1", orgSource = "GET /v3/self";
        Assert.That(Json.Serialize(new WhoamiView("cog_", "v3", "pat_user", id, name, orgId, orgSource, "k1", null, []), CliJson.Compact.WhoamiView),
            Is.EqualTo(LegacyJson.Serialize(new
            {
                key_type = "cog_", api_version = "v3", principal_type = "pat_user", id, name,
                org_id = orgId, org_source = orgSource, api_key_id = "k1", api_key_name = (string?)null,
                unavailable = Array.Empty<string>(),
            })));
    }

    [Test]
    public void Organizations()
    {
        var orgs = new List<Organization> { new() { OrgId = "org-1", Name = Text, CreatedAt = When, MaxSessionAcuLimit = 10 }, new() { OrgId = "org-2" } };
        Assert.That(Json.Serialize(orgs, CliJson.Compact.ListOrganization), Is.EqualTo(LegacyJson.Serialize(orgs)));
    }

    private static object LegacySchedule(Schedule s, CronConversion? conversion = null) => new
    {
        schedule_id = s.ScheduledSessionId, name = s.Name, prompt = s.Prompt, schedule_type = s.ScheduleType, frequency = s.Frequency,
        scheduled_at = s.ScheduledAt, enabled = s.Enabled, agent = s.Agent, notify_on = s.NotifyOn,
        playbook_id = s.Playbook?.PlaybookId, playbook_title = s.Playbook?.Title, tags = s.Tags ?? [],
        last_executed_at = s.LastExecutedAt, last_error_at = s.LastErrorAt, last_error_message = s.LastErrorMessage,
        consecutive_failures = s.ConsecutiveFailures, created_at = s.CreatedAt, updated_at = s.UpdatedAt,
        timezone_conversion = conversion is null ? null : new
        {
            local_cron = conversion.LocalCron, time_zone = conversion.TimeZone, utc_cron = conversion.UtcCron,
            utc_offset = CronTimeZoneConverter.FormatOffset(conversion.Offset), next_run = conversion.NextRunUtc,
            offset_change_at = conversion.OffsetChangeAt,
            utc_offset_after_change = conversion.OtherOffset is { } o ? CronTimeZoneConverter.FormatOffset(o) : null,
            utc_cron_after_change = conversion.OtherUtcCron, warning = conversion.Warning,
        },
    };

    [Test]
    public void Schedules_with_and_without_a_time_zone_conversion()
    {
        var full = new Schedule
        {
            ScheduledSessionId = "sch-1", Name = "nightly", Prompt = Text, Frequency = "0 14 * * 1-5", Enabled = true, Agent = "devin", NotifyOn = "failure",
            Playbook = new SchedulePlaybook { PlaybookId = "pb-1", Title = "Deploy" }, CreatedAt = When, UpdatedAt = When, LastExecutedAt = When,
            ConsecutiveFailures = 2, LastErrorMessage = "boom", ScheduleType = ScheduleTypes.Recurring, Tags = ["a"],
        };
        var bare = new Schedule { ScheduledSessionId = "sch-2", Name = "once", ScheduleType = ScheduleTypes.OneTime, ScheduledAt = When };
        var conversion = new CronConversion("0 9 * * 1-5", "Europe/Berlin", "0 8 * * 1-5", TimeSpan.FromHours(1), When, When.AddDays(20), TimeSpan.FromHours(2), "0 7 * * 1-5");
        var noChange = new CronConversion("0 9 * * *", "UTC", "0 9 * * *", TimeSpan.Zero, When, null, null, null);

        Assert.That(Json.Serialize(SchedulesCommand.ToJson(full, conversion), CliJson.Compact.ScheduleView), Is.EqualTo(LegacyJson.Serialize(LegacySchedule(full, conversion))));
        Assert.That(Json.Serialize(SchedulesCommand.ToJson(full, noChange), CliJson.Compact.ScheduleView), Is.EqualTo(LegacyJson.Serialize(LegacySchedule(full, noChange))));
        Assert.That(Json.Serialize(SchedulesCommand.ToJson(bare), CliJson.Compact.ScheduleView), Is.EqualTo(LegacyJson.Serialize(LegacySchedule(bare))));
        var list = new[] { full, bare };
        Assert.That(Json.Serialize(list.Select(s => SchedulesCommand.ToJson(s)).ToList(), CliJson.Compact.ListScheduleView),
            Is.EqualTo(LegacyJson.Serialize(list.Select(s => LegacySchedule(s)))));
    }

    [Test]
    public void Playbooks_keep_created_by_as_sent()
    {
        var p = new Playbook
        {
            PlaybookId = "pb-1", Title = "Deploy", Body = Text, Macro = "!deploy", AccessType = "org", OrgId = "org-1", CreatedAt = When,
            CreatedBy = JsonNode.Parse("""{"user_id":"u-1","n":1.50}"""), UpdatedBy = JsonValue.Create("u-2"),
        };
        var legacy = LegacyJson.Serialize(new
        {
            playbook_id = p.PlaybookId, title = p.Title, body = p.Body, macro = p.Macro, access_type = p.AccessType, org_id = p.OrgId,
            created_at = p.CreatedAt, updated_at = p.UpdatedAt, created_by = p.CreatedBy, updated_by = p.UpdatedBy,
        });
        Assert.That(Json.Serialize(PlaybooksCommand.ToJson(p), CliJson.Compact.PlaybookView), Is.EqualTo(legacy));
        Assert.That(Json.Serialize(new List<PlaybookView> { PlaybooksCommand.ToJson(p) }, CliJson.Compact.ListPlaybookView), Is.EqualTo("[" + legacy + "]"));
    }

    [Test]
    public void Knowledge_notes()
    {
        var n = new KnowledgeNote { NoteId = "n-1", Name = "Style", Body = Text, Trigger = "when writing C#", FolderPath = "/team", IsEnabled = true, CreatedAt = When };
        var legacy = LegacyJson.Serialize(new
        {
            note_id = n.NoteId, name = n.Name, trigger = n.Trigger, body = n.Body, folder_id = n.FolderId, folder_path = n.FolderPath,
            is_enabled = n.IsEnabled, pinned_repo = n.PinnedRepo, macro = n.Macro, access_type = n.AccessType, org_id = n.OrgId,
            created_at = n.CreatedAt, updated_at = n.UpdatedAt,
        });
        Assert.That(Json.Serialize(KnowledgeCommand.ToJson(n), CliJson.Compact.KnowledgeNoteView), Is.EqualTo(legacy));
        Assert.That(Json.Serialize(new List<KnowledgeNoteView> { KnowledgeCommand.ToJson(n) }, CliJson.Compact.ListKnowledgeNoteView), Is.EqualTo("[" + legacy + "]"));
    }

    [Test]
    public void Watch_lines()
    {
        var s = OutputJsonTests.Session;
        var c = s.Classify();
        long? elapsed = 3723;
        Assert.That(Json.Serialize(new WatchStatusLine("status", s.SessionId, s.Title, SessionIds.WebUrl(s), s.Status, s.StatusDetail, "needs_human", c.Reason, s.PullRequests[^1].PrUrl, elapsed), CliJson.Compact.WatchStatusLine),
            Is.EqualTo(LegacyJson.Serialize(new
            {
                type = "status", session_id = s.SessionId, title = s.Title, url = SessionIds.WebUrl(s), status = s.Status, status_detail = s.StatusDetail,
                state = "needs_human", reason = c.Reason, pr_url = s.PullRequests[^1].PrUrl, elapsed_seconds = elapsed,
            })));
        var counts = new Dictionary<string, int> { ["finished"] = 2, ["needs_human"] = 1 };
        var end = Json.Serialize(new WatchEndLine("end", 3, counts, 7), CliJson.Compact.WatchEndLine);
        Assert.That(end, Is.EqualTo(LegacyJson.Serialize(new { type = "end", sessions = 3, states = counts, exit_code = 7 })));
        Assert.That(end, Is.EqualTo("""{"type":"end","sessions":3,"states":{"finished":2,"needs_human":1},"exit_code":7}"""));
    }

    private static readonly SavedHandoff Saved = new()
    {
        ClientToken = "0123456789abcdef", Prompt = Text, Title = "Fix it", Tags = ["handoff"], Repos = ["github.com/o/r"], KnowledgeIds = ["k"],
        MaxAcuLimit = 5, SavedAt = When, SessionId = null,
    };

    [Test]
    public void Fan_out_dry_run_mixes_prepared_and_failed_tasks()
    {
        var error = new FanOutError("usage", Text, 2);
        var written = Json.Serialize(new FanOutDryRunReport(true,
        [
            new FanOutDryRunTask(1, "task one", Saved.Title, Saved.Prompt, 1234, Saved.Tags, null),
            new FanOutDryRunTask(2, "task two", null, null, null, null, error),
        ]), CliJson.Compact.FanOutDryRunReport);
        Assert.That(written, Is.EqualTo(LegacyJson.Serialize(new
        {
            dry_run = true,
            tasks = new[]
            {
                (object)new { index = 1, task = "task one", title = Saved.Title, prompt = Saved.Prompt, bytes = 1234L, tags = Saved.Tags, error = (FanOutError?)null },
                new { index = 2, task = "task two", error },
            },
        })));
    }

    [Test]
    public void Fan_out_result_and_batch_file()
    {
        IReadOnlyList<FanOutOutcome> outcomes =
        [
            new() { Index = 1, Task = "one", Title = "One", SessionId = "devin-1", Url = "https://app.devin.ai/sessions/devin-1", Status = "new" },
            new() { Index = 2, Task = "two", Error = new FanOutError("api_unavailable", "down", 6) },
        ];
        Assert.That(Json.Serialize(new FanOutReport("b1", "handoff-batch:b1", 1, 1, 6, "/r/.git/devin-handoff/batches/b1.json", outcomes), CliJson.Compact.FanOutReport),
            Is.EqualTo(LegacyJson.Serialize(new { batch_id = "b1", tag = "handoff-batch:b1", succeeded = 1, failed = 1, exit_code = 6, saved = "/r/.git/devin-handoff/batches/b1.json", tasks = outcomes })));

        var handoffs = new List<SavedHandoff> { Saved };
        var file = BatchStore.Serialize(new BatchStoreFile(handoffs, outcomes.OrderBy(o => o.Index).ToList()));
        Assert.That(file, Is.EqualTo(LegacyJson.Serialize(new { handoffs, outcomes = outcomes.OrderBy(o => o.Index) }, indented: true)));
        Assert.That(file, Does.StartWith("{\n  \"handoffs\": [\n    {\n      \"client_token\": \"0123456789abcdef\","));
    }

    [Test]
    public void Create_dry_run()
    {
        var snapshot = new RepoSnapshot
        {
            WorkingDirectory = "/w", GitDirectory = "/w/.git", RemoteName = "origin", Head = new HeadState("feature", new string('a', 40), false, false),
            Upstream = new UpstreamState("origin/feature", true, 2, 0), BaseCommit = new string('b', 40), OperationInProgress = "rebase",
            UnpushedCommits = [new CommitPatch(new string('c', 40), "Subject ü", "Subject ü\n\nbody", "A", "a@x.invalid", When, [])],
            Warnings = ["remote 'x' is a local path"],
        };
        Finding[] findings = [new("aws-access-key-id", "a.py", 3, "a.py:aws-access-key-id:0123", "key = AKIA…", new string('c', 40), FindingConfidence.High)];
        var changes = new FilteredChanges([], [], findings, [new WithheldItem("a.py", 3, 4, ["aws-access-key-id"], new string('c', 40)), new WithheldItem(".env", null, null, ["path-dotenv"], WholeFile: true)]);
        var prompt = new ComposedPrompt(Text, "Fix it", ["a.py", "b.py"], [new OmittedItem("big.bin", 1_000_000, "binary"), new OmittedItem("c.txt", 10, "budget", new string('c', 40))], 4321)
        {
            Plan = [new PlannedFile("a.py", null, "tracked", 120, true, null), new PlannedFile("c.txt", new string('c', 40), "commit", 10, false, "budget")],
        };
        var prepared = new PreparedHandoff(prompt, snapshot, changes, [new Finding("github-pat", "task", 0, "task:github-pat:1", "[REDACTED]")], ["handoff"], "o/r");
        var request = JsonNode.Parse("""{"prompt":"p ü","tags":["handoff"],"max_acu_limit":5}""")!;

        var s = prepared.Snapshot;
        var legacy = LegacyJson.Serialize(new
        {
            dry_run = true,
            request = (object)request,
            inspection = new
            {
                repository = prepared.Repository, remote = s.RemoteName, branch = s.Head.Branch, detached = s.Head.IsDetached, unborn = s.Head.IsUnborn,
                head = s.Head.Sha, @base = s.BaseCommit, upstream = s.Upstream?.TrackingBranch, on_remote = s.Upstream?.BranchExistsOnRemote ?? false,
                ahead = s.Upstream?.Ahead, behind = s.Upstream?.Behind,
                unpushed_commits = s.UnpushedCommits.Select(c => new { sha = c.Sha, subject = c.Subject }),
                operation_in_progress = s.OperationInProgress,
                files_included = prepared.Prompt.IncludedFiles,
                files_omitted = prepared.Prompt.Omitted.Select(o => new { path = o.Path, size = o.Size, reason = o.Reason, commit = o.Commit }),
                withheld = prepared.Changes.Withheld.Select(w => new
                {
                    file = w.File, start_line = w.StartLine, end_line = w.EndLine, rules = w.RuleIds, commit = w.Commit, whole_file = w.WholeFile,
                }),
                findings = prepared.AllFindings.Select(f => new { rule = f.RuleId, file = f.File, line = f.Line, fingerprint = f.Fingerprint, preview = f.Preview }),
                bytes = prepared.Prompt.Bytes,
                warnings = s.Warnings,
                plan = new
                {
                    rule = FillOrder.Rule,
                    files = prepared.Prompt.Plan.Select(p => new { path = p.Path, commit = p.Commit, @class = p.Class, bytes = p.Bytes, included = p.Included, reason = p.Reason }),
                },
            },
            client_token = Saved.ClientToken,
        });
        Assert.That(Json.Serialize(DryRunView.From(prepared, Saved, request), CliJson.Compact.DryRunReport), Is.EqualTo(legacy));
    }
}
