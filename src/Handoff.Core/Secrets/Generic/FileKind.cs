namespace Handoff.Core.Secrets.Generic;

/// <summary>What a keyword finding needs to know about the file a line comes from.</summary>
internal enum FileKind
{
    /// <summary>Source code: a literal is quoted; an unquoted value is an expression (a variable, a call, a type).</summary>
    Code,

    /// <summary>env, ini, yaml, properties, toml, shell, Dockerfile, Makefile…: an unquoted value is a literal.</summary>
    Config,

    /// <summary>Markdown, reStructuredText, AsciiDoc: prose, but code blocks, inline code and key=value lines are code.</summary>
    Docs,

    /// <summary>Anything else (plain text, stdin, a task or prompt): an unquoted value counts on a key=value line only.</summary>
    Text,
}

/// <summary>Sorts repository paths into <see cref="FileKind"/>s, and tells the paths of tests, fixtures and examples.</summary>
internal static class FileKinds
{
    private static readonly HashSet<string> CodeExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "go", "cs", "csx", "vb", "fs", "fsx", "java", "kt", "kts", "scala", "groovy", "gradle", "clj", "cljs", "php", "phtml", "rb",
        "rake", "gemspec", "py", "pyi", "pyx", "js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts", "vue", "svelte", "astro", "rs",
        "c", "h", "cc", "cpp", "cxx", "hpp", "hh", "hxx", "m", "mm", "swift", "dart", "lua", "pl", "pm", "r", "jl", "ex", "exs",
        "erl", "hrl", "hs", "elm", "ml", "mli", "nim", "zig", "v", "sol", "ps1", "psm1", "psd1", "tf", "tfvars", "hcl", "nix",
        "json", "jsonc", "json5", "html", "htm", "cshtml", "razor", "erb", "ejs", "hbs", "twig", "jsp", "xml", "xaml", "wxs",
        "config", "dotsettings", "csproj", "vbproj", "fsproj", "props", "targets", "resx", "plist", "sql", "graphql", "gql", "proto", "thrift", "css",
        "scss", "sass", "less", "cmake", "bzl", "star", "dockerignore", "sbt", "cr", "d", "pas", "f90", "ada", "cob", "tcl",
    };

    private static readonly HashSet<string> ConfigExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "env", "envrc", "ini", "cfg", "conf", "cnf", "properties", "prop", "toml", "yaml", "yml", "sh", "bash", "zsh",
        "ksh", "fish", "bat", "cmd", "mk", "make", "dockerfile", "containerfile", "service", "desktop", "npmrc", "yarnrc",
        "pypirc", "netrc", "pgpass", "gitconfig", "editorconfig", "htaccess", "tmpl", "tpl", "j2", "jinja", "jinja2", "example",
        "sample", "dist", "template", "local", "secret", "secrets", "credentials",
    };

    private static readonly HashSet<string> DocsExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "md", "markdown", "mdx", "mkd", "rst", "adoc", "asciidoc", "asc", "textile", "org", "rdoc", "pod", "wiki", "mediawiki",
    };

    private static readonly HashSet<string> ConfigNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Dockerfile", "Containerfile", "Makefile", "GNUmakefile", "Procfile", "Caddyfile", "Vagrantfile.env", "credentials", "config",
        "hosts", "inventory", "settings", "secrets",
    };

    private static readonly HashSet<string> CodeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Jenkinsfile", "Vagrantfile", "Rakefile", "Gemfile", "Podfile", "Fastfile", "Brewfile", "Guardfile", "Berksfile", "Justfile",
    };

    // Folders and file names that hold tests, fixtures, samples and documentation examples.
    private static readonly HashSet<string> LoweringFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "test", "tests", "testing", "testdata", "test-data", "test_data", "spec", "specs", "__tests__", "__mocks__", "mocks", "mock",
        "fixtures", "fixture", "__fixtures__", "examples", "example", "samples", "sample", "demo", "demos", "docs", "doc",
        "documentation", "e2e", "acceptance", "integration-tests", "integrationtests", "benchmarks", "stubs", "testutil", "testutils",
    };

    /// <summary>The kind of file at this repository-relative path (or label: "task", "prompt" and "stdin" are text).</summary>
    public static FileKind Of(string path)
    {
        var name = FileName(path);
        if (name.StartsWith(".env", StringComparison.OrdinalIgnoreCase) || ConfigNames.Contains(name.ToString()) || IsContainerfile(name)) return FileKind.Config;
        if (CodeNames.Contains(name.ToString())) return FileKind.Code;
        var dot = name.LastIndexOf('.');
        if (dot < 0) return FileKind.Text;
        var extension = name[(dot + 1)..].ToString();
        if (CodeExtensions.Contains(extension)) return FileKind.Code;
        if (ConfigExtensions.Contains(extension)) return Inner(name[..dot], extension);
        if (DocsExtensions.Contains(extension)) return FileKind.Docs;
        return FileKind.Text;
    }

    // Dockerfile.dev, Containerfile.prod: a variant of a container build file, whatever its suffix.
    private static bool IsContainerfile(ReadOnlySpan<char> name) =>
        name.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Containerfile.", StringComparison.OrdinalIgnoreCase);

    // settings.json.example, config.yml.dist: a template suffix keeps the kind of the extension before it.
    private static FileKind Inner(ReadOnlySpan<char> stem, string extension)
    {
        if (extension is not ("example" or "sample" or "dist" or "template" or "local" or "tmpl" or "tpl" or "j2" or "jinja" or "jinja2"))
            return FileKind.Config;
        var dot = stem.LastIndexOf('.');
        if (dot < 0) return FileKind.Config;
        var inner = stem[(dot + 1)..].ToString();
        return CodeExtensions.Contains(inner) ? FileKind.Code : DocsExtensions.Contains(inner) ? FileKind.Docs : FileKind.Config;
    }

    /// <summary>
    /// The labels of what the user writes for a handoff (task, context, title) and of the prompt's own text: free text,
    /// where a keyword value counts wherever it stands on a line (the diff inside a prompt is judged as its files).
    /// </summary>
    public static bool IsFreeText(string path) => path is "task" or "context" or "title" or "prompt";

    /// <summary>
    /// True for tests, fixtures, samples and documentation (a folder such as <c>testdata/</c>, a name such as
    /// <c>login_test.go</c>): what is found there is usually made up, so it lowers a keyword finding's confidence.
    /// It never hides a finding.
    /// </summary>
    public static bool IsTestOrExample(string path)
    {
        var span = path.AsSpan();
        foreach (var range in span.Split('/'))
        {
            var segment = span[range];
            if (range.End.Value == span.Length) return IsTestFileName(segment);
            if (LoweringFolders.Contains(segment.ToString()) || IsTestProject(segment)) return true;
        }
        return false;
    }

    // Newtonsoft.Json.Tests, Acme.UnitTests, api-tests, IntegrationTests (not "latest" or "contest").
    private static bool IsTestProject(ReadOnlySpan<char> folder)
    {
        foreach (var suffix in (ReadOnlySpan<string>)[".tests", "-tests", "_tests", ".test", "-test", "_test", ".specs"])
            if (folder.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
        return folder.Length > 5 && folder.EndsWith("Tests", StringComparison.Ordinal) && char.IsAsciiLetterLower(folder[^6]);
    }

    private static bool IsTestFileName(ReadOnlySpan<char> name)
    {
        var dot = name.IndexOf('.');
        var stem = dot < 0 ? name : name[..dot];
        return stem.StartsWith("test_", StringComparison.OrdinalIgnoreCase) || stem.Equals("conftest", StringComparison.OrdinalIgnoreCase)
            || stem.EndsWith("_test", StringComparison.OrdinalIgnoreCase) || stem.EndsWith("_spec", StringComparison.OrdinalIgnoreCase)
            || stem.EndsWith("Test", StringComparison.Ordinal) || stem.EndsWith("Tests", StringComparison.Ordinal)
            || stem.EndsWith("Spec", StringComparison.Ordinal) || name.Contains(".test.", StringComparison.OrdinalIgnoreCase)
            || name.Contains(".spec.", StringComparison.OrdinalIgnoreCase) || Docs(name) || IsExampleName(stem) || IsExampleName(name);
    }

    // examples-1.json, sample_config.yml, settings.example.py, mock_server.go, fake-data.json
    private static bool IsExampleName(ReadOnlySpan<char> name)
    {
        foreach (var word in (ReadOnlySpan<string>)["example", "sample", "fixture", "mock", "fake", "dummy"])
        {
            if (name.StartsWith(word, StringComparison.OrdinalIgnoreCase) || name.Contains("." + word + ".", StringComparison.OrdinalIgnoreCase)
                || name.Contains("_" + word, StringComparison.OrdinalIgnoreCase) || name.Contains("-" + word, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static bool Docs(ReadOnlySpan<char> name)
    {
        var dot = name.LastIndexOf('.');
        return dot >= 0 && DocsExtensions.Contains(name[(dot + 1)..].ToString());
    }

    private static ReadOnlySpan<char> FileName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path.AsSpan(slash + 1);
    }
}
