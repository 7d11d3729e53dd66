using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Handoff.Cli.Commands;
using Handoff.Cli.Commands.Auth;
using Handoff.Cli.Commands.Knowledge;
using Handoff.Cli.Commands.Playbooks;
using Handoff.Cli.Commands.Schedules;
using Handoff.Core.Devin;
using Handoff.Core.Following;
using Handoff.Core.Output;

namespace Handoff.Cli;

/// <summary>
/// The CLI's --json output metadata, bound to the output style of <see cref="Json"/>:
/// <c>Json.Serialize(view, CliJson.Compact.DoctorView)</c>. Nothing is written through reflection.
/// </summary>
public static class CliJson
{
    public static CliJsonContext Compact { get; } = Json.Bind(new CliJsonContext(Json.CreateOptions()));
    public static CliJsonContext Indented { get; } = Json.Bind(new CliJsonContext(Json.CreateOptions(indented: true)));
}

/// <summary>Every type the CLI writes as JSON (nested types are included by the generator).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DictionaryKeyPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ErrorView))]
[JsonSerializable(typeof(SessionView))]
[JsonSerializable(typeof(List<SessionView>))]
[JsonSerializable(typeof(WatchStatusLine))]
[JsonSerializable(typeof(WatchEndLine))]
[JsonSerializable(typeof(DryRunReport))]
[JsonSerializable(typeof(FanOutDryRunReport))]
[JsonSerializable(typeof(FanOutReport))]
[JsonSerializable(typeof(AuthLoginView))]
[JsonSerializable(typeof(AuthStatusView))]
[JsonSerializable(typeof(AuthLogoutView))]
[JsonSerializable(typeof(PickupView))]
[JsonSerializable(typeof(DoctorView))]
[JsonSerializable(typeof(SendView))]
[JsonSerializable(typeof(List<AttachmentView>))]
[JsonSerializable(typeof(List<DownloadView>))]
[JsonSerializable(typeof(List<UploadView>))]
[JsonSerializable(typeof(WhoamiView))]
[JsonSerializable(typeof(List<Organization>))]
[JsonSerializable(typeof(ScheduleView))]
[JsonSerializable(typeof(List<ScheduleView>))]
[JsonSerializable(typeof(PlaybookView))]
[JsonSerializable(typeof(List<PlaybookView>))]
[JsonSerializable(typeof(KnowledgeNoteView))]
[JsonSerializable(typeof(List<KnowledgeNoteView>))]
[JsonSerializable(typeof(JsonNode))]
public sealed partial class CliJsonContext : JsonSerializerContext;
