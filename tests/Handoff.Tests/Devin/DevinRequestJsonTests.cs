using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Handoff.Core.Devin;

namespace Handoff.Tests.Devin;

/// <summary>The create bodies go through a write-only generated context; they must equal what the general options write.</summary>
public class DevinRequestJsonTests
{
    /// <summary>The API options with reflection metadata: the reference for the write-only fast path.</summary>
    private static readonly JsonSerializerOptions General = new(DevinJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static readonly SessionCreateRequest Full = new()
    {
        Prompt = "Fix it\n\"quoted\" ünïcode <tag> & more",
        Title = "Fix it",
        Tags = ["handoff", "handoff-id:0123"],
        Repos = ["github.com/example/repo"],
        PlaybookId = "playbook-1",
        ChildPlaybookId = "playbook-2",
        KnowledgeIds = ["note-1"],
        SecretIds = ["secret-1"],
        SessionSecrets = [new SessionSecret("TOKEN", "value"), new SessionSecret("OTHER", "v", Sensitive: false)],
        MaxAcuLimit = 12,
        CreateAsUserId = "user-1",
        AttachmentUrls = ["https://example.invalid/a.txt"],
        StructuredOutputSchema = JsonNode.Parse("""{"type":"object","properties":{"ok":{"type":"boolean"}}}"""),
        StructuredOutputRequired = true,
        BypassApproval = false,
        SessionLinks = ["devin-1"],
        DevinMode = DevinModes.Fast,
        Platform = "linux",
        SnapshotId = "snap-1",
        Unlisted = true,
    };

    [Test]
    public void Full_v3_body_matches_the_general_options()
    {
        Assert.That(DevinJson.Serialize(Full), Is.EqualTo(JsonSerializer.Serialize(Full, General)));
    }

    [Test]
    public void Minimal_v3_body_leaves_nulls_out()
    {
        var minimal = new SessionCreateRequest { Prompt = "p" };
        Assert.That(DevinJson.Serialize(minimal), Is.EqualTo(JsonSerializer.Serialize(minimal, General)));
        Assert.That(DevinJson.Serialize(minimal), Is.EqualTo("""{"prompt":"p"}"""));
    }

    [Test]
    public void V1_body_matches_the_general_options()
    {
        var body = new V1CreateRequest
        {
            Prompt = Full.Prompt, Title = Full.Title, Tags = Full.Tags, KnowledgeIds = Full.KnowledgeIds, MaxAcuLimit = 3,
            PlaybookId = "p", SecretIds = Full.SecretIds, SessionSecrets = Full.SessionSecrets, SnapshotId = "s",
            StructuredOutputSchema = Full.StructuredOutputSchema, Unlisted = false,
        };
        Assert.That(DevinJson.Serialize(body), Is.EqualTo(JsonSerializer.Serialize(body, General)));
        var minimal = new V1CreateRequest { Prompt = "p" };
        Assert.That(DevinJson.Serialize(minimal), Is.EqualTo(JsonSerializer.Serialize(minimal, General)));
    }
}
