namespace Handoff.Core.Devin;

/// <summary>Replaces every occurrence of the API key in a text with a masked form.</summary>
public sealed class KeyMasker(string? apiKey)
{
    private readonly string _key = apiKey?.Trim() ?? "";

    public string Masked => DevinConnection.KeyTypeOf(_key) + "***";

    public string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        // Very short "keys" are not masked: replacing them would garble ordinary text.
        return _key.Length >= 8 ? text.Replace(_key, Masked, StringComparison.Ordinal) : text;
    }
}
