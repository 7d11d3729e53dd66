using Handoff.Core.Abstractions;

namespace Handoff.Core.Devin;

/// <summary>
/// The Devin API client (devin-api.md): one client per resource over one <see cref="DevinHttp"/>. Construct with
/// <c>new DevinClient(connection, options)</c> or <see cref="Create"/> for the CLI defaults; dispose it.
/// </summary>
public sealed class DevinClient : IDevinClient
{
    private readonly ApiScope _scope;

    public DevinClient(DevinConnection connection, DevinClientOptions? options = null)
    {
        _scope = new ApiScope(connection, options ?? new DevinClientOptions());
        var sessions = new SessionsClient(_scope);
        Identity = new IdentityClient(_scope);
        Sessions = sessions;
        Messages = new MessagesClient(_scope, sessions);
        Attachments = new AttachmentsClient(_scope);
        Knowledge = Flavor == ApiFlavor.V1 ? new V1KnowledgeClient(_scope) : new KnowledgeClient(_scope);
        Playbooks = Flavor == ApiFlavor.V1 ? new V1PlaybooksClient(_scope) : new PlaybooksClient(_scope);
        Schedules = new SchedulesClient(_scope);
    }

    /// <summary>The CLI's client: system clock, tracing to <paramref name="stderr"/> when DEVIN_HANDOFF_TRACE=1.</summary>
    public static DevinClient Create(DevinConnection connection, IEnvironment environment, TextWriter stderr) =>
        new(connection, DevinClientOptions.FromEnvironment(environment, stderr));

    public static string UserAgent => DevinHttp.UserAgent;

    public DevinConnection Connection => _scope.Connection;
    public ApiFlavor Flavor => _scope.Flavor;

    public IIdentityClient Identity { get; }
    public ISessionsClient Sessions { get; }
    public IMessagesClient Messages { get; }
    public IAttachmentsClient Attachments { get; }
    public IKnowledgeClient Knowledge { get; }
    public IPlaybooksClient Playbooks { get; }
    public ISchedulesClient Schedules { get; }

    /// <summary>
    /// The exact JSON body a create sends for <paramref name="flavor"/> (used by `create --dry-run --json`),
    /// built by the same code as the real request.
    /// </summary>
    public static string CreateBodyJson(ApiFlavor flavor, SessionCreateRequest request, string clientToken, string? defaultUserId) =>
        SessionCreateBody.For(flavor, request, clientToken, defaultUserId).Json;

    public void Dispose() => _scope.Http.Dispose();
}
