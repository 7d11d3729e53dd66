using System.Text.RegularExpressions;

namespace Handoff.Core.Secrets;

/// <summary>
/// A regex that starts interpreted (cheap to build: a CLI run uses most regexes a few times at most) and
/// switches to a <see cref="RegexOptions.Compiled"/> instance once it has been used often, as in a long diff
/// scan, where the interpreter is 10-50x slower (the generic-rule filters dominated a 50 MB scan).
/// Both instances have the same pattern, options and timeout, so results are identical. Thread-safe.
/// A pattern with a source-generated twin (<see cref="PrecompiledRegexes"/>) uses it from the start.
/// </summary>
internal sealed class HotRegex
{
    private const int CompileAfterUses = 256;
    private readonly string _pattern;
    private readonly RegexOptions _options;
    private readonly TimeSpan _timeout;
    private Regex _regex;
    private int _uses;

    public HotRegex(string pattern, RegexOptions options, TimeSpan timeout)
    {
        _pattern = pattern;
        _options = options;
        _timeout = timeout;
        var precompiled = PrecompiledRegexes.Find(pattern, options, timeout);
        _regex = precompiled ?? new Regex(pattern, options, timeout);
        if (precompiled is not null) _uses = CompileAfterUses;
    }

    /// <summary>The regex to use now (counts as one use).</summary>
    public Regex Value
    {
        get
        {
            if (_uses < CompileAfterUses && Interlocked.Increment(ref _uses) == CompileAfterUses)
                _regex = new Regex(_pattern, _options | RegexOptions.Compiled, _timeout);
            return _regex;
        }
    }

    public bool IsMatch(string input) => Value.IsMatch(input);
}
