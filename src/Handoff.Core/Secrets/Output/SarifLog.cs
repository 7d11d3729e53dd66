using System.Text.Json;
using System.Text.Json.Nodes;

namespace Handoff.Core.Secrets.Output;

/// <summary>
/// Findings as SARIF 2.1.0 (one run; the active rules listed under tool.driver.rules; each result with its rule,
/// a physicalLocation with region.startLine (1 for a whole-file finding), a redacted snippet, and
/// partialFingerprints["secretFingerprint/v1"] so code-scanning services track a finding across line moves).
/// </summary>
public static class SarifLog
{
    public const string Version = "2.1.0";
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string FingerprintKey = "secretFingerprint/v1";

    public sealed record RuleInfo(string Id, string Description);

    /// <summary>The rule catalogue: the scanner's active content rules, the path rules, and the findings about the scan itself.</summary>
    public static IReadOnlyList<RuleInfo> Catalogue(IEnumerable<SecretRule> contentRules) =>
        contentRules.Select(r => new RuleInfo(r.Id, r.Description))
            .Concat(BuiltInRules.Paths.Select(r => new RuleInfo(r.Id, r.Description)))
            .Append(new RuleInfo(SecretScanner.ScanErrorRuleId, "A part that could not be scanned (treated as a finding)"))
            .Append(new RuleInfo(DiffStreamScanner.MalformedRuleId, "Diff input whose structure does not add up (every line was still scanned)"))
            .DistinctBy(r => r.Id, StringComparer.Ordinal)
            .ToList();

    public static string Serialize(IReadOnlyList<Finding> findings, IReadOnlyList<RuleInfo> rules, string toolVersion)
    {
        var catalogue = rules.ToList();
        foreach (var unknown in findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).Where(id => catalogue.All(r => r.Id != id)).ToList())
            catalogue.Add(new RuleInfo(unknown, unknown));
        var index = catalogue.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        var rulesJson = new JsonArray(catalogue.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Id,
            ["name"] = PascalName(r.Id),
            ["shortDescription"] = new JsonObject { ["text"] = r.Description },
            ["defaultConfiguration"] = new JsonObject { ["level"] = "error" },
            ["properties"] = new JsonObject { ["tags"] = new JsonArray("security", "secret") },
        }).ToArray());

        var results = new JsonArray(findings.Select(f => (JsonNode)Result(f, index[f.RuleId])).ToArray());
        var log = new JsonObject
        {
            ["$schema"] = Schema,
            ["version"] = Version,
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "devin-handoff",
                        ["semanticVersion"] = toolVersion,
                        ["informationUri"] = "https://github.com/club-cog/devin-handoff",
                        ["rules"] = rulesJson,
                    },
                },
                ["columnKind"] = "utf16CodeUnits",
                ["results"] = results,
            }),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonObject Result(Finding f, int ruleIndex)
    {
        var region = new JsonObject { ["startLine"] = Math.Max(1, f.Line) };
        if (f.Line > 0) region["snippet"] = new JsonObject { ["text"] = f.Preview };
        var where = f.Line > 0 ? $"line {f.Line}" : "the whole file";
        var inCommit = f.Commit is null ? "" : $" in commit {f.Commit[..Math.Min(12, f.Commit.Length)]}";
        var properties = new JsonObject { ["confidence"] = f.Confidence.ToString().ToLowerInvariant(), ["wholeFile"] = f.Line == 0 };
        if (f.Commit is not null) properties["commit"] = f.Commit;
        return new JsonObject
        {
            ["ruleId"] = f.RuleId,
            ["ruleIndex"] = ruleIndex,
            ["level"] = "error",
            ["message"] = new JsonObject { ["text"] = $"{f.RuleId} at {where}{inCommit}: {f.Preview}" },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = UriOf(f.File), ["uriBaseId"] = "%SRCROOT%" },
                    ["region"] = region,
                },
            }),
            ["partialFingerprints"] = new JsonObject { [FingerprintKey] = f.Fingerprint },
            ["properties"] = properties,
        };
    }

    /// <summary>A relative URI reference: path segments percent-encoded, slashes kept.</summary>
    private static string UriOf(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static string PascalName(string id) =>
        string.Concat(id.Split('-', '_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
