using System.Collections.Concurrent;

namespace Handoff.FakeDevin.Infrastructure;

/// <summary>
/// Bearer key checks (devin-api.md §0): any non-empty key is accepted unless rejected (or, when a
/// valid-keys list is set, not on it). <c>cog_</c> keys may only call /v3, <c>apk_</c> keys only /v1 → 403.
/// Keys with any other prefix may call both.
/// </summary>
public sealed class AuthPolicy
{
    private readonly ConcurrentDictionary<string, bool> _rejected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _valid = new(StringComparer.Ordinal);

    public AuthPolicy(IEnumerable<string>? validKeys = null, IEnumerable<string>? rejectedKeys = null)
    {
        foreach (var key in validKeys ?? []) _valid[key] = true;
        foreach (var key in rejectedKeys ?? []) _rejected[key] = true;
    }

    /// <summary>This key now gets 401 (e.g. revoked or expired).</summary>
    public void Reject(string key) => _rejected[key] = true;

    /// <summary>From now on only these keys are accepted (an empty call accepts every key again).</summary>
    public void AllowOnly(params string[] keys)
    {
        _valid.Clear();
        foreach (var key in keys) _valid[key] = true;
    }

    /// <summary>Null when allowed, otherwise the status and message of the refusal.</summary>
    public (int Status, string Detail)? Check(string? authorizationHeader, string path)
    {
        const string bearer = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorizationHeader) || !authorizationHeader.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
            return (401, "Missing or malformed Authorization header");
        var key = authorizationHeader[bearer.Length..].Trim();
        if (key.Length == 0 || _rejected.ContainsKey(key) || (!_valid.IsEmpty && !_valid.ContainsKey(key)))
            return (401, "Invalid or expired API key");

        var isV1 = path.StartsWith("/v1/", StringComparison.Ordinal);
        var isV3 = path.StartsWith("/v3/", StringComparison.Ordinal) || path.StartsWith("/v3beta1/", StringComparison.Ordinal);
        if (key.StartsWith("cog_", StringComparison.Ordinal) && isV1)
            return (403, "cog_ keys can only be used with the v3 API");
        if (key.StartsWith("apk_", StringComparison.Ordinal) && isV3)
            return (403, "Legacy apk_ keys cannot be used with the v3 API");
        return null;
    }

    internal static Func<HttpContext, Func<Task>, Task> Middleware(AuthPolicy policy) =>
        async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            if (path.StartsWith("/v1/", StringComparison.Ordinal) || path.StartsWith("/v3", StringComparison.Ordinal))
            {
                var refusal = policy.Check(context.Request.Headers.Authorization.ToString(), path);
                if (refusal is var (status, detail))
                {
                    await Errors.WriteAsync(context, status, status == 401 ? "Unauthorized" : "Forbidden", detail);
                    return;
                }
            }
            await next();
        };
}
