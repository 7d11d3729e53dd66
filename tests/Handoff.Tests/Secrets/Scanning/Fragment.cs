using Handoff.Core.Secrets;

namespace Handoff.Tests.Secrets.Scanning;

/// <summary>
/// One <see cref="FragmentScanner"/> fed line after line, as a hunk or a file is scanned: what each line returns, its
/// redacted copy, and the findings so far.
/// </summary>
internal sealed class Fragment(SecretScanConfig? config = null)
{
    private readonly FragmentScanner _scanner = new(ScanContext.For(config ?? SecretScanConfig.Default));
    private int _lineNumber;

    public List<Finding> Findings { get; } = [];

    public FragmentScanner Scanner => _scanner;

    /// <returns>whether the line holds (or continues) a secret, and its redacted copy (null when none was made)</returns>
    public (bool Secret, string? Redacted) Line(string line, string path, bool wantRedacted = true, string? rulePath = null)
    {
        var secret = _scanner.ScanLine(line, path, ++_lineNumber, null, Findings, wantRedacted, out var redacted, rulePath);
        return (secret, redacted);
    }

    /// <summary>Every line scanned in turn; each line's output as the prompt redaction writes it (the line itself when it holds no secret).</summary>
    public IReadOnlyList<string> Output(string path, params string[] lines) =>
        lines.Select(l => Line(l, path) is (true, var redacted) ? redacted ?? "<null>" : l).ToList();

    /// <summary>Base64 key material of <paramref name="length"/> characters, generated here (no key library involved).</summary>
    public static string Base64(int length, int seed = 7)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var random = new Random(seed);
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    public const string Header = "-----BEGIN RSA PRIVATE KEY-----";
    public const string Footer = "-----END RSA PRIVATE KEY-----";
}
