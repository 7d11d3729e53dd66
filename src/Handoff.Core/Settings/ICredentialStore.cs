namespace Handoff.Core.Settings;

/// <summary>Where `auth login` keeps the key (the user's git credential helpers). Filled by the credentials work.</summary>
public interface ICredentialStore
{
    Task<string?> Get(string apiUrl, CancellationToken cancellationToken);
}
