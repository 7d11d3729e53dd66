using System.Text;
using Handoff.Core.Secrets;

namespace Handoff.Benchmarks;

/// <summary>
/// Writes a unified diff of realistic code (C#, TS, Python, Go, YAML, JSON, SQL, shell) with a few secrets,
/// streamed to a file so generating 50 MB needs no memory. Lines mention tokens, keys and passwords
/// harmlessly about as often as real code does, so the keyword prefilter is exercised.
/// </summary>
public static class DiffGenerator
{
    private static readonly string[] Lines =
    [
        "    var order = await repository.GetAsync(id, cancellationToken);",
        "    if (order is null) throw new NotFoundException(id);",
        "public sealed class OrderService(IOrderRepository repository, ILogger<OrderService> logger)",
        "        logger.LogInformation(\"Processing order {OrderId} for {Customer}\", order.Id, order.Customer);",
        "  const [state, setState] = useState<State | null>(null);",
        "  useEffect(() => { fetchData(page).then(setState); }, [page]);",
        "export function formatPrice(value: number, currency = 'EUR'): string {",
        "  return new Intl.NumberFormat('de-DE', { style: 'currency', currency }).format(value);",
        "def compute_total(items: list[Item]) -> Decimal:",
        "    return sum((item.price * item.qty for item in items), Decimal(0))",
        "        self.tokens = min(self.capacity, self.tokens + elapsed * self.rate)",
        "func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {",
        "\tif err := json.NewDecoder(r.Body).Decode(&req); err != nil {",
        "\t\thttp.Error(w, \"bad request\", http.StatusBadRequest)",
        "\ttoken, err := s.auth.IssueToken(r.Context(), req.Username)",
        "  password: ${{ secrets.DB_PASSWORD }}",
        "      - name: Run tests",
        "        run: dotnet test --configuration Release --no-build",
        "  \"dependencies\": { \"express\": \"^4.19.2\", \"jsonwebtoken\": \"^9.0.2\" },",
        "SELECT o.id, o.total, c.email FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'open';",
        "CREATE INDEX IF NOT EXISTS idx_api_keys_owner ON api_keys(owner_id);",
        "if [ -z \"${GITHUB_TOKEN:-}\" ]; then echo \"GITHUB_TOKEN is not set\" >&2; exit 1; fi",
        "for key, value in sorted(settings.items()):",
        "        cache_key = f\"orders:{customer_id}:{page}\"",
        "    api_key = os.environ[\"PAYMENTS_API_KEY\"]",
        "// Refresh the access token a minute before it expires.",
        "    private readonly ITokenProvider _tokenProvider;",
        "    public string Password { get; set; } = string.Empty;",
        "  \"integrity\": \"sha512-Q8Zs7yJ0mEz4b3P2s1kYlK9rC3VQ0xT1m4Hn6bC2uY5qL8aR0wF3eG7hJ9kM1nO2pQ4rS6tU8vW0xY2zA4bC6d==\",",
        "<PackageReference Include=\"Microsoft.Extensions.Hosting\" Version=\"10.0.0\" />",
        "",
        "    }",
        "}",
        "import { Injectable } from '@angular/core';",
        "      expect(result.items).toHaveLength(3);",
        "    assert response.status_code == 200, response.text",
    ];

    private static readonly string[] KeywordLines = Lines.Where(HasKeyword).ToArray();
    private static readonly string[] PlainLines = Lines.Where(l => !HasKeyword(l)).ToArray();

    private static bool HasKeyword(string line) =>
        new[] { "token", "key", "pass", "secret", "env", "github", "auth" }.Any(k => line.Contains(k, StringComparison.OrdinalIgnoreCase));

    // A real-looking secret now and then (a checksummed GitHub token, a Stripe key, a password), drawn from the same
    // random stream as the rest so a seed always gives the same diff.
    private static readonly Func<Random, string>[] Secrets =
    [
        r => { var body = Alnum(30, r); return "GITHUB_TOKEN=ghp_" + body + Checksums.Base62Crc32(body); },
        r => $"stripe.api_key = 'sk_live_{Alnum(24, r)}'",
        r => "DB_PASSWORD=" + Alnum(20, r),
    ];

    private static string Alnum(int length, Random random)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }

    public static void Write(string path, long targetBytes, int seed = 1)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        long written = 0;
        var file = 0;
        while (written < targetBytes)
        {
            var name = $"src/module{file++ % 500}/file{file}.cs";
            var header = $"diff --git a/{name} b/{name}\nindex 1111111..2222222 100644\n--- a/{name}\n+++ b/{name}\n";
            var hunk = new StringBuilder();
            const int count = 200;
            hunk.Append("@@ -1,").Append(count / 2).Append(" +1,").Append(count).Append(" @@\n");
            for (var i = 0; i < count; i++)
            {
                // About 1 line in 8 mentions a token, key, password or env var, as in ordinary application code.
                var line = random.Next(8) == 0 ? KeywordLines[random.Next(KeywordLines.Length)] : PlainLines[random.Next(PlainLines.Length)];
                if (random.Next(200_000) == 0) line = Secrets[random.Next(Secrets.Length)](random);
                hunk.Append(i % 2 == 0 ? ' ' : '+').Append(line).Append('\n');
            }
            writer.Write(header);
            writer.Write(hunk);
            written += Encoding.UTF8.GetByteCount(header) + Encoding.UTF8.GetByteCount(hunk.ToString());
        }
    }
}
