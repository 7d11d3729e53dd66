using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Handoff.Core.Devin;

namespace Handoff.Tests.Devin;

/// <summary>The generated API metadata (no reflection under Native AOT) reads like the reflection-based reader did.</summary>
public class DevinJsonContextTests
{
    [Test]
    public void Missing_fields_keep_the_models_defaults()
    {
        var session = JsonSerializer.Deserialize("""{"session_id":"x"}""", DevinJson.Context.SessionResponse)!;
        Assert.That(session.Tags, Is.Not.Null.And.Empty);
        Assert.That(session.PullRequests, Is.Not.Null.And.Empty);
    }

    /// <summary>The reader before source generation: the same options with reflection metadata.</summary>
    private static readonly JsonSerializerOptions Reflection = new(DevinJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static IEnumerable<TestCaseData> RegisteredObjectTypes() =>
        typeof(DevinJsonContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Where(t => t.IsClass && t != typeof(string) && t.GetConstructor(Type.EmptyTypes) is not null && !t.Namespace!.StartsWith("System", StringComparison.Ordinal))
            .Select(t => new TestCaseData(t).SetArgDisplayNames(t.Name));

    [TestCaseSource(nameof(RegisteredObjectTypes))]
    public void An_empty_object_reads_as_the_reflection_reader_read_it(Type type)
    {
        object? viaReflection;
        try
        {
            viaReflection = JsonSerializer.Deserialize("{}", type, Reflection);
        }
        catch (JsonException)
        {
            // Request bodies with required members: the generated reader must refuse "{}" too.
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{}", DevinJson.Options.GetTypeInfo(type)));
            return;
        }
        var generated = JsonSerializer.Deserialize("{}", DevinJson.Options.GetTypeInfo(type));
        Assert.That(JsonSerializer.Serialize(generated, type, Reflection), Is.EqualTo(JsonSerializer.Serialize(viaReflection, type, Reflection)));
    }

    /// <summary>Every model type the context holds metadata for (the ones registered and those they contain), and lists of them.</summary>
    private static IEnumerable<TestCaseData> RegisteredTypes() =>
        typeof(DevinJsonContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Where(t => IsModel(t) || (t.IsGenericType && IsModel(t.GetGenericArguments()[0])))
            .Select(t => new TestCaseData(t).SetArgDisplayNames(t.IsGenericType ? $"{t.Name[..t.Name.IndexOf('`')]}<{t.GetGenericArguments()[0].Name}>" : t.Name));

    private static bool IsModel(Type type) => type.Namespace == typeof(SessionResponse).Namespace;

    /// <summary>
    /// Every registered type is read and written by the generated metadata alone, field by field: a sample with every
    /// property set to its own value (built here from the CLR type, not from the metadata under test) comes back out
    /// unchanged, so a property the metadata misses or misnames shows up as a difference.
    /// </summary>
    [TestCaseSource(nameof(RegisteredTypes))]
    public void Every_registered_type_round_trips_every_field_without_reflection(Type type)
    {
        Assert.That(DevinJson.Options.TypeInfoResolver, Is.SameAs(DevinJson.Context));
        Assert.That(DevinJson.Options.IsReadOnly, Is.True);
        var info = DevinJson.Options.GetTypeInfo(type);
        Assert.That(info.OriginatingResolver, Is.SameAs(DevinJson.Context));

        var sample = Sample.For(type);
        var read = JsonSerializer.Deserialize(sample.ToJsonString(), info);
        var written = JsonNode.Parse(JsonSerializer.Serialize(read, info));

        Assert.That(JsonNode.DeepEquals(written, sample), Is.True, $"sent {sample.ToJsonString()}\ngot back {written?.ToJsonString()}");
    }

    [Test]
    public void A_schedule_update_names_the_acting_user_run_as_user_id_as_the_update_schema_does()
    {
        var names = DevinJson.Context.SchedulePatch.Properties.Select(p => p.Name).ToList();
        Assert.That(names, Does.Contain("run_as_user_id"));
        Assert.That(names, Does.Not.Contain("create_as_user_id"));
    }

    /// <summary>JSON samples for a model type, from its CLR properties: snake_case names, a distinct value per field.</summary>
    private static class Sample
    {
        private static int _counter;

        public static JsonNode For(Type type)
        {
            if (type == typeof(string)) return JsonValue.Create("text-" + Interlocked.Increment(ref _counter));
            if (Nullable.GetUnderlyingType(type) is { } inner) return For(inner);
            if (type == typeof(bool)) return JsonValue.Create(true);
            if (type == typeof(int) || type == typeof(long)) return JsonValue.Create(Interlocked.Increment(ref _counter));
            if (type == typeof(double)) return JsonValue.Create(Interlocked.Increment(ref _counter) + 0.5);
            if (type == typeof(DateTimeOffset)) return JsonValue.Create($"2026-01-02T03:04:{Interlocked.Increment(ref _counter) % 60:00}Z");
            if (typeof(JsonNode).IsAssignableFrom(type)) return new JsonObject { ["kind"] = "text-" + Interlocked.Increment(ref _counter) };
            if (ElementOf(type) is { } element) return new JsonArray(For(element));
            var sample = new JsonObject();
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod is not null))
            {
                if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null) continue;
                if (property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null)
                {
                    sample["field_this_client_does_not_know"] = "kept-" + Interlocked.Increment(ref _counter);
                    continue;
                }
                sample[SnakeCase(property.Name)] = For(property.PropertyType);
            }
            return sample;
        }

        private static Type? ElementOf(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(List<>) || d == typeof(IReadOnlyList<>)) ? type.GetGenericArguments()[0] : null;

        private static string SnakeCase(string name)
        {
            var text = new System.Text.StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                if (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]))) text.Append('_');
                text.Append(char.ToLowerInvariant(name[i]));
            }
            return text.ToString();
        }
    }

    [Test]
    public void A_type_the_context_lacks_is_refused_instead_of_read_by_reflection()
    {
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize("{}", typeof(Uri), DevinJson.Options));
    }

    [Test]
    public void Explicit_nulls_for_lists_and_names_read_as_empty()
    {
        var page = JsonSerializer.Deserialize("""{"items":[{"session_id":null,"tags":null,"pull_requests":null}],"has_next_page":false}""", DevinJson.Context.PageSessionResponse)!;
        Assert.That(page.Items[0].SessionId, Is.EqualTo(""));
        Assert.That(page.Items[0].Tags, Is.Empty);
        Assert.That(page.Items[0].PullRequests, Is.Empty);
    }

    [Test]
    public void Self_keeps_unknown_fields_of_an_unknown_principal()
    {
        var self = JsonSerializer.Deserialize("""{"principal_type":"robot","org_id":"org-1","robot_name":"r2"}""", DevinJson.Context.SelfInfo)!;
        Assert.That(self.PrincipalType, Is.EqualTo("robot"));
        Assert.That(self.Extra!["robot_name"].GetString(), Is.EqualTo("r2"));
    }

    [Test]
    public void A_schedule_patch_writes_only_what_changes_with_iso_times()
    {
        var patch = new SchedulePatch { Name = "n", ScheduledAt = new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.Zero), DetachPlaybook = true };
        Assert.That(DevinJson.Serialize(patch, DevinJson.Context.SchedulePatch), Is.EqualTo("""{"name":"n","scheduled_at":"2026-03-01T14:00:00Z"}"""));
    }

    [Test]
    public void Request_bodies_equal_what_the_reflection_writer_wrote()
    {
        var note = new KnowledgeNoteRequest { Name = "n", Body = "b ü <x>", Trigger = "t", IsEnabled = false };
        var playbook = new PlaybookRequest { Title = "t", Body = "b", StructuredOutputSchema = JsonNode.Parse("""{"type":"object"}""") };
        var schedule = new ScheduleCreateRequest { Name = "n", Prompt = "p", ScheduledAt = new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(1)), Tags = ["a"] };
        var message = new SendMessageRequest { Message = "m", AttachmentUrls = ["https://x.invalid/a"] };
        Assert.Multiple(() =>
        {
            Assert.That(DevinJson.Serialize(note, DevinJson.Context.KnowledgeNoteRequest), Is.EqualTo(JsonSerializer.Serialize(note, Reflection)));
            Assert.That(DevinJson.Serialize(playbook, DevinJson.Context.PlaybookRequest), Is.EqualTo(JsonSerializer.Serialize(playbook, Reflection)));
            Assert.That(DevinJson.Serialize(schedule, DevinJson.Context.ScheduleCreateRequest), Is.EqualTo(JsonSerializer.Serialize(schedule, Reflection)));
            Assert.That(DevinJson.Serialize(message, DevinJson.Context.SendMessageRequest), Is.EqualTo(JsonSerializer.Serialize(message, Reflection)));
            Assert.That(DevinJson.Serialize(new SessionTags { Tags = ["a", "b"] }, DevinJson.Context.SessionTags), Is.EqualTo("""{"tags":["a","b"]}"""));
            // v1 message body: what the anonymous new { Message = … } wrote.
            Assert.That(DevinJson.Serialize(new V1MessageRequest("hi"), DevinJson.Context.V1MessageRequest),
                Is.EqualTo(JsonSerializer.Serialize(new { Message = "hi" }, Reflection)));
        });
    }

    [Test]
    public void Metadata_from_another_options_instance_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DevinJson.Serialize(new SessionTags(), DevinJsonContext.Default.SessionTags));
    }
}
