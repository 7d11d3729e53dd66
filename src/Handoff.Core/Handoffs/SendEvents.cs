using Handoff.Core.Attachments;

namespace Handoff.Core.Handoffs;

/// <summary>
/// What a send reports on its way, in order, for progress lines (<see cref="HandoffSender"/>, <see cref="BatchSender"/>).
/// A batch reports <see cref="BatchTaskSent"/> from its concurrent sends: the receiver must be thread-safe.
/// </summary>
public abstract record SendEvent;

/// <summary>The attachments are uploaded; their URLs are saved with the handoff.</summary>
public sealed record AttachmentsUploaded(IReadOnlyList<UploadedFile> Files) : SendEvent;

/// <summary>The handoff is saved and the session is about to be created.</summary>
public sealed record CreatingSession(SavedHandoff Handoff) : SendEvent;

/// <summary>A saved handoff is about to be sent again (`--resend`).</summary>
public sealed record Resending(SavedHandoff Handoff) : SendEvent;

/// <summary>A batch is saved and starts creating its sessions.</summary>
public sealed record CreatingSessions(int Count, int Concurrency) : SendEvent;

/// <summary>One task of a batch ended (created or failed).</summary>
public sealed record BatchTaskSent(FanOutOutcome Outcome) : SendEvent;
