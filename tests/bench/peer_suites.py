#!/usr/bin/env python3
"""Test cases of other secret scanners' own suites, read from their checkouts at run time (nothing of theirs is
stored in this repository), for tests/bench/peer-suites.sh.

  peer_suites.py extract OUT [--gitleaks DIR] [--betterleaks DIR] [--secretlint DIR] [--detect-secrets DIR]
                             [--trufflehog DIR]
      writes every case as a file under OUT/cases/ and the list of cases to OUT/cases.json
  peer_suites.py report OUT FINDINGS.json
      reads `devin-handoff scan --json` run on OUT/cases and prints, per suite, positives flagged / total and
      negatives flagged / total, then every missed positive and every flagged negative

How the cases are found:
  gitleaks (and its fork betterleaks): the samples each rule in cmd/generate/config/rules/*.go hands to
      utils.Validate / ValidateWithPaths (true positives, false positives). They are Go expressions, so a small
      evaluator below runs them: string literals, +, fmt.Sprintf, append, composite literals, for-range loops and
      the helpers of cmd/generate/config/utils, read from that folder (GenerateSampleSecrets's template map
      included); secrets.NewSecret(regex) draws a random string matching the regex, as gitleaks' reggen does.
      "generated" cases come from GenerateSampleSecrets, the others are "hand-written". One file per case.
  secretlint: each packages/@secretlint/secretlint-rule-*/test/snapshots/<case>/ is one case: its input (or the
      sourceContent recorded in output.json) under its input name (options.ts may set inputFilePath); positive
      when output.json has messages. Left out: the presets (copies of the rule packages' snapshots), cases
      whose .secretlintrc.json configures the rule (negative only because of that configuration), and packages
      that test secretlint itself rather than a kind of secret (pattern, filter-comments, example, no-homedir,
      no-dotenv, no-k8s-kind-secret, internal-test-*).
  detect-secrets: the text files of test_data/ (not performance/, word_list.txt, or baseline.file, which holds
      hashes). Positive lines: those its tests list ("Location:    %s:N" % ... test_data/FILE), plus those
      detect-secrets itself reports with its default settings (run from the checkout; skipped with a note when
      it cannot run), except in files its tests say hold none (*no_secrets*). Every other non-blank line of
      those files is a negative.
  trufflehog: the table of each detector's Test*_Pattern in pkg/detectors/**/*_test.go (not the integration
      tests): each entry's input is one case, positive when its want lists a secret, negative when want is empty
      (nil or []string{}). Inputs are Go expressions over the test file's vars (the evaluator above). Its
      negatives are mostly a real-looking key with one character made invalid (a '?' in the middle) or too far
      from its keyword: trufflehog's own limits, not values a scanner must leave alone.
"""
import argparse
import base64
import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

try:
    import re._parser as sre_parse  # Python 3.11+
    from re._constants import MAXREPEAT
except ImportError:  # pragma: no cover
    import sre_parse
    from sre_constants import MAXREPEAT

RNG = random.Random(20260101)


# ---------------------------------------------------------------------------------------------------------------
# Random strings matching a regex (gitleaks' secrets.NewSecret uses reggen with limit 1 for unbounded repeats).

PRINTABLE = [chr(c) for c in range(0x21, 0x7f)]
CATEGORIES = {
    'CATEGORY_DIGIT': '0123456789',
    'CATEGORY_NOT_DIGIT': 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
    'CATEGORY_WORD': 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_',
    'CATEGORY_NOT_WORD': '-.+/=:;,',
    'CATEGORY_SPACE': ' ',
    'CATEGORY_NOT_SPACE': 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
}
POSIX = {'alnum': 'a-zA-Z0-9', 'alpha': 'a-zA-Z', 'digit': '0-9', 'lower': 'a-z', 'upper': 'A-Z', 'xdigit': '0-9a-fA-F',
         'space': r' \t', 'punct': r'!-/:-@\[-`{-~', 'word': r'\w'}


def go_regex_to_python(pattern):
    pattern = re.sub(r'\[:(\w+):\]', lambda m: POSIX.get(m.group(1), m.group(0)), pattern)
    pattern = re.sub(r'\(\?[a-zA-Z-]+\)', '', pattern)        # (?i) anywhere: flags don't matter for generation
    pattern = re.sub(r'\(\?[a-zA-Z-]+:', '(?:', pattern)
    return pattern.replace(r'\z', r'\Z').replace('(?P<', '(?P<')


def generate(pattern):
    parsed = sre_parse.parse(go_regex_to_python(pattern))
    groups = {}
    return _gen(parsed, groups)


def _class_chars(items):
    chars, negate = set(), False
    for op, arg in items:
        name = str(op)
        if name == 'NEGATE':
            negate = True
        elif name == 'LITERAL':
            chars.add(chr(arg))
        elif name == 'RANGE':
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        elif name == 'CATEGORY':
            chars.update(CATEGORIES.get(str(arg), ''))
    if negate:
        chars = set(PRINTABLE) - chars
    return sorted(chars) or ['x']


def _gen(parsed, groups):
    out = []
    for op, arg in parsed:
        name = str(op)
        if name == 'LITERAL':
            out.append(chr(arg))
        elif name == 'NOT_LITERAL':
            out.append(RNG.choice([c for c in PRINTABLE if ord(c) != arg]))
        elif name == 'ANY':
            out.append(RNG.choice(CATEGORIES['CATEGORY_NOT_SPACE']))
        elif name == 'IN':
            out.append(RNG.choice(_class_chars(arg)))
        elif name == 'CATEGORY':
            out.append(RNG.choice(CATEGORIES.get(str(arg), 'x')))
        elif name in ('MAX_REPEAT', 'MIN_REPEAT', 'POSSESSIVE_REPEAT'):
            low, high, sub = arg
            if high == MAXREPEAT:
                high = low + 1
            for _ in range(RNG.randint(low, high)):
                out.append(_gen(sub, groups))
        elif name == 'SUBPATTERN':
            group, _, _, sub = arg
            text = _gen(sub, groups)
            if group is not None:
                groups[group] = text
            out.append(text)
        elif name == 'ATOMIC_GROUP':
            out.append(_gen(arg, groups))
        elif name == 'BRANCH':
            out.append(_gen(RNG.choice(arg[1]), groups))
        elif name == 'GROUPREF':
            out.append(groups.get(arg, ''))
        elif name in ('AT', 'ASSERT', 'ASSERT_NOT'):
            pass
        else:
            raise Unsupported(f'regex op {name}')
    return ''.join(out)


# ---------------------------------------------------------------------------------------------------------------
# A tiny evaluator for the Go that gitleaks writes its rule samples in.

class Unsupported(Exception):
    pass


class Generated(str):
    """A sample made by utils.GenerateSampleSecrets (the other samples are hand-written)."""


TOKEN = re.compile(r'''
    (?P<ws>[ \t\r]+) | (?P<nl>\n) | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<raw>`[^`]*`) | (?P<str>"(?:[^"\\\n]|\\.)*") | (?P<rune>'(?:[^'\\\n]|\\.)+')
  | (?P<num>\d+(?:\.\d+)?) | (?P<ident>[A-Za-z_]\w*)
  | (?P<op>\.\.\.|:=|\+=|==|!=|<=|>=|&&|\|\||\+\+|--|<-|[-+*/%&|^<>=!(){}\[\],;:.])
''', re.S | re.X)


def go_unquote(literal):
    body = literal[1:-1]
    out, i = [], 0
    simple = {'n': '\n', 't': '\t', 'r': '\r', '\\': '\\', '"': '"', "'": "'", 'a': '\a', 'b': '\b', 'f': '\f', 'v': '\v'}
    while i < len(body):
        c = body[i]
        if c != '\\':
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n in simple:
            out.append(simple[n])
            i += 2
        elif n == 'x':
            out.append(chr(int(body[i + 2:i + 4], 16)))
            i += 4
        elif n == 'u':
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        elif n == 'U':
            out.append(chr(int(body[i + 2:i + 10], 16)))
            i += 10
        elif n in '01234567':
            out.append(chr(int(body[i + 1:i + 4], 8)))
            i += 4
        else:
            raise Unsupported(f'escape \\{n}')
    return ''.join(out)


def tokenize(source):
    tokens = []
    for m in TOKEN.finditer(source):
        kind = m.lastgroup
        text = m.group(0)
        if kind == 'ws':
            continue
        if kind == 'comment':
            if '\n' in text:
                tokens.append(('nl', '\n'))
            continue
        tokens.append((kind, text))
    return tokens


CLOSERS = {'(': ')', '[': ']', '{': '}'}


def split_statements(tokens):
    """Splits a token list at newlines/semicolons outside brackets (Go's automatic semicolons, roughly)."""
    statements, current, depth = [], [], 0
    for kind, text in tokens:
        if kind == 'op' and text in '([{':
            depth += 1
        elif kind == 'op' and text in ')]}':
            depth -= 1
        if depth == 0 and (kind == 'nl' or text == ';'):
            last = current[-1] if current else None
            if last and not (last[0] == 'op' and last[1] in ('+', ',', '(', '[', '{', '.', '&&', '||', '=', ':=', '+=')):
                statements.append(current)
                current = []
            continue
        if kind == 'nl' and depth == 0:
            continue
        current.append((kind, text))
    if current:
        statements.append(current)
    return statements


class Function:
    def __init__(self, name, params, body):
        self.name, self.params, self.body = name, params, body


def parse_functions(tokens):
    """Top-level funcs (name, parameter names, body tokens) and top-level var/const statements."""
    functions, top = {}, []
    i = 0
    while i < len(tokens):
        kind, text = tokens[i]
        if kind == 'ident' and text == 'func' and i + 1 < len(tokens) and tokens[i + 1][0] == 'ident':
            name = tokens[i + 1][1]
            j = i + 2
            params, depth, seen_open = [], 0, False
            # parameters: identifiers followed by a type; keep every first identifier of a comma-separated part
            expect_name = True
            while True:
                k, t = tokens[j]
                if t == '(':
                    depth += 1
                    seen_open = True
                elif t == ')':
                    depth -= 1
                    if depth == 0:
                        break
                elif depth == 1 and t == ',':
                    expect_name = True
                elif depth == 1 and k == 'ident' and expect_name:
                    params.append(t)
                    expect_name = False
                j += 1
            while tokens[j][1] != '{':
                j += 1
            body, depth = [], 0
            while True:
                k, t = tokens[j]
                if t == '{':
                    depth += 1
                elif t == '}':
                    depth -= 1
                    if depth == 0:
                        break
                body.append(tokens[j])
                j += 1
            functions[name] = Function(name, params, body[1:])
            i = j + 1
            continue
        if kind == 'ident' and text in ('var', 'const'):
            j, depth = i, 0
            stmt = []
            while j < len(tokens):
                k, t = tokens[j]
                if t in '([{' and k == 'op':
                    depth += 1
                elif t in ')]}' and k == 'op':
                    depth -= 1
                if depth == 0 and k == 'nl' and stmt and stmt[-1][1] not in (',', '+', '=', '{', '('):
                    break
                stmt.append(tokens[j])
                j += 1
            top.append(stmt)
            i = j
            continue
        i += 1
    return functions, top


class Replacer:
    def __init__(self, pairs):
        self.pairs = list(zip(pairs[0::2], pairs[1::2]))

    def replace(self, text):
        out, i = [], 0
        while i < len(text):
            for old, new in self.pairs:
                if old and text.startswith(old, i):
                    out.append(new)
                    i += len(old)
                    break
            else:
                out.append(text[i])
                i += 1
        return ''.join(out)


class Return(Exception):
    def __init__(self, value):
        self.value = value


class GoEvaluator:
    """Evaluates rule functions; utils.Validate records each rule's samples."""

    def __init__(self, functions, globals_):
        self.functions = functions
        self.globals = globals_
        self.recorded = []          # (rule function, truePositives, falsePositives, paths or None)
        self.current = None

    # statements
    def run(self, tokens, env):
        for stmt in split_statements(tokens):
            self.statement(stmt, env)

    def statement(self, stmt, env):
        head = stmt[0][1]
        if head == 'return':
            raise Return(self.expr_all(stmt[1:], env) if len(stmt) > 1 else None)
        if head == 'for':
            return self.for_range(stmt, env)
        if head in ('if', 'switch', 'defer', 'go', 'panic'):
            return
        if head in ('var', 'const'):
            self.var(stmt[1:], env)
            return
        for op in (':=', '+=', '='):
            at = self.find_top(stmt, op)
            if at is not None:
                names = [t for k, t in stmt[:at] if k == 'ident']
                value = self.expr_all(stmt[at + 1:], env)
                if len(names) != 1:
                    return
                if op == '+=':
                    value = env[names[0]] + value
                env[names[0]] = value
                return
        self.expr_all(stmt, env)

    def var(self, rest, env):
        if rest and rest[0][1] == '(':
            inner = rest[1:-1]
            for stmt in split_statements(inner):
                self.var(stmt, env)
            return
        at = self.find_top(rest, '=')
        name = rest[0][1]
        if at is None:
            env[name] = [] if any(t == '[' for _, t in rest[1:2]) else None
        else:
            try:
                env[name] = self.expr_all(rest[at + 1:], env)
            except Unsupported:
                env[name] = None

    @staticmethod
    def find_top(stmt, op):
        depth = 0
        for i, (k, t) in enumerate(stmt):
            if k == 'op' and t in '([{':
                depth += 1
            elif k == 'op' and t in ')]}':
                depth -= 1
            elif depth == 0 and k == 'op' and t == op:
                return i
        return None

    def for_range(self, stmt, env):
        at = self.find_top(stmt, ':=')
        if at is None or stmt[at + 1][1] != 'range':
            raise Unsupported('for loop without range')
        names = [t for k, t in stmt[1:at] if k == 'ident']
        # the range expression runs to the body's opening brace (composite literals in it are not supported)
        j = at + 2
        depth = 0
        while True:
            k, t = stmt[j]
            if t == '{' and depth == 0:
                break
            if t in '([':
                depth += 1
            elif t in ')]':
                depth -= 1
            j += 1
        seq = self.expr_all(stmt[at + 2:j], env)
        body = stmt[j + 1:-1]
        items = list(seq.items()) if isinstance(seq, dict) else list(enumerate(seq))
        for key, value in items:
            if len(names) >= 1 and names[0] != '_':
                env[names[0]] = key
            if len(names) >= 2 and names[1] != '_':
                env[names[1]] = value
            self.run(body, env)

    # expressions
    def expr_all(self, tokens, env):
        saved = (getattr(self, 'toks', []), getattr(self, 'pos', 0))
        self.toks, self.pos = tokens, 0
        try:
            return self.expr(env)
        finally:
            self.toks, self.pos = saved

    def peek(self):
        while self.pos < len(self.toks) and self.toks[self.pos][0] == 'nl':
            self.pos += 1
        return self.toks[self.pos] if self.pos < len(self.toks) else ('eof', '')

    def take(self, text=None):
        tok = self.peek()
        if tok[0] == 'eof':
            raise Unsupported('unexpected end of expression')
        if text is not None and tok[1] != text:
            raise Unsupported(f'expected {text}, got {tok[1]}')
        self.pos += 1
        return tok

    def expr(self, env):
        value = self.unary(env)
        while self.peek()[1] == '+':
            self.take()
            right = self.unary(env)
            value = value + right
        return value

    def unary(self, env):
        if self.peek()[1] == '&':
            self.take()
        return self.postfix(self.primary(env), env)

    def primary(self, env):
        kind, text = self.take()
        if kind == 'raw':
            return text[1:-1]
        if kind == 'str':
            return go_unquote(text)
        if kind == 'rune':
            return go_unquote(text)
        if kind == 'num':
            return int(text) if text.isdigit() else float(text)
        if text == '(':
            value = self.expr(env)
            self.take(')')
            return value
        if text == '[' or (kind == 'ident' and text == 'map'):
            return self.composite(env, 1 if text == '[' else 0)
        if kind == 'ident' and text == 'make' and self.peek()[1] == '(':
            self.take()
            is_map = self.peek()[1] == 'map'
            depth = 1
            while depth:
                t = self.take()[1]
                depth += {'(': 1, ')': -1}.get(t, 0)
            return {} if is_map else []
        if kind == 'ident':
            if text in ('true', 'false'):
                return text == 'true'
            if text == 'nil':
                return None
            name = text
            # qualified name: pkg.Name or pkg.Sel.Name
            while self.peek()[1] == '.' and self.pos + 1 < len(self.toks) and self.toks[self.pos + 1][0] == 'ident':
                if name in env or name in self.globals:
                    break
                self.take()
                name += '.' + self.take()[1]
            if self.peek()[1] == '(':
                return self.call(name, env)
            if self.peek()[1] == '{':
                self.skip_braces()
                return None   # a struct literal (config.Rule{...}): not a sample
            if name in env:
                return env[name]
            if name in self.globals:
                return self.globals[name]
            raise Unsupported(f'unknown name {name}')
        raise Unsupported(f'unexpected token {text}')

    def skip_braces(self):
        depth = 0
        while True:
            _, t = self.take()
            if t == '{':
                depth += 1
            elif t == '}':
                depth -= 1
                if depth == 0:
                    return

    def composite(self, env, depth):
        # type: []T, [][]T, map[K]V ... then { elements }
        while True:
            k, t = self.peek()
            if t == '{' and depth == 0:
                break
            if t == '(':     # a conversion: []byte(x)
                self.take()
                value = self.expr(env)
                self.take(')')
                return value
            if t == '[':
                depth += 1
            elif t == ']':
                depth -= 1
            self.take()
        return self.elements(env)

    def elements(self, env):
        self.take('{')
        items, keys = [], []
        is_map = False
        while True:
            while self.peek()[0] == 'nl':
                self.take()
            if self.peek()[1] == '}':
                self.take()
                break
            if self.peek()[1] == '{':
                value = self.elements(env)
            else:
                value = self.expr(env)
            if self.peek()[1] == ':':
                self.take()
                is_map = True
                key = value
                value = self.elements(env) if self.peek()[1] == '{' else self.expr(env)
                keys.append(key)
            items.append(value)
            if self.peek()[1] == ',':
                self.take()
        return dict(zip(keys, items)) if is_map else items

    def postfix(self, value, env):
        while True:
            t = self.peek()[1]
            if t == '[':
                self.take()
                index = self.expr(env)
                self.take(']')
                value = value[index]
            elif t == '.' and isinstance(value, Replacer):
                self.take()
                method = self.take()[1]
                args = self.args(env)
                if method != 'Replace':
                    raise Unsupported(method)
                value = value.replace(args[0])
            else:
                return value

    def args(self, env):
        self.take('(')
        args = []
        while self.peek()[1] != ')':
            value = self.expr(env)
            if self.peek()[1] == '...':
                self.take()
                args.extend(value or [])
            else:
                args.append(value)
            if self.peek()[1] == ',':
                self.take()
        self.take(')')
        return args

    def call(self, name, env):
        args = self.args(env)
        short = name.split('.')[-1]
        if name == 'append':
            return list(args[0] or []) + args[1:]
        if name in ('string', 'len'):
            return args[0] if name == 'string' else len(args[0])
        if name == 'fmt.Sprintf':
            return sprintf(args[0], args[1:])
        if name == 'secrets.NewSecret':
            return generate(args[0])
        if name == 'strings.Repeat':
            return args[0] * args[1]
        if name == 'strings.ToUpper':
            return args[0].upper()
        if name == 'strings.ToLower':
            return args[0].lower()
        if name == 'strings.Join':
            return args[1].join(args[0])
        if name == 'strings.ReplaceAll':
            return args[0].replace(args[1], args[2])
        if name == 'strings.NewReplacer':
            return Replacer(args)
        if short == 'EncodeToString':
            data = args[0].encode('latin-1') if isinstance(args[0], str) else args[0]
            encoding = name.split('.')[-2]
            text = (base64.urlsafe_b64encode if 'URL' in encoding else base64.b64encode)(data).decode()
            return text.rstrip('=') if encoding.startswith('Raw') else text
        if short == 'newPlausibleSecret':
            # gitleaks' retry loop (rules/generic.go): draw until the value holds a digit 1-9 and no stop word
            stopwords = [w.lower() for w in self.globals.get('DefaultStopWords') or []]
            for _ in range(1000):
                value = generate(args[0])
                if re.search('[1-9]', value) and not any(w in value.lower() for w in stopwords):
                    return value
            raise Unsupported('newPlausibleSecret found no value')
        if name in ('regexp.MustCompile', 'utils.GenerateSemiGenericRegex', 'utils.GenerateUniqueTokenRegex', 'utils.MergeRegexps'):
            return None
        if short in ('Validate', 'ValidateWithPaths'):
            self.recorded.append((self.current, args[1] or [], args[2] or [], short == 'ValidateWithPaths'))
            return None
        function = self.functions.get(short)
        if function is None:
            raise Unsupported(f'call {name}')
        local = dict(zip(function.params, args))
        try:
            self.run(function.body, local)
        except Return as r:
            value = r.value
        else:
            value = None
        if short == 'GenerateSampleSecrets':
            value = [Generated(v) for v in value]
        return value


def sprintf(fmt, args):
    out, i, n = [], 0, 0
    while i < len(fmt):
        c = fmt[i]
        if c != '%':
            out.append(c)
            i += 1
            continue
        verb = fmt[i + 1]
        if verb == '%':
            out.append('%')
        elif verb in 'svdq':
            value = args[n]
            n += 1
            out.append(json.dumps(value) if verb == 'q' else str(value))
        else:
            raise Unsupported(f'format verb %{verb}')
        i += 2
    return ''.join(out)


def gitleaks_cases(root, suite):
    generate_dir = Path(root) / 'cmd/generate/config'
    functions, top = {}, []
    for folder in ('utils', 'rules'):
        for path in sorted((generate_dir / folder).glob('*.go')):
            if path.name.endswith('_test.go'):
                continue
            f, t = parse_functions(tokenize(path.read_text(encoding='utf-8')))
            functions.update(f)
            top.extend(t)
    evaluator = GoEvaluator(functions, {})
    for stmt in top:
        try:
            evaluator.var(stmt[1:], evaluator.globals)
        except (Unsupported, IndexError, KeyError, TypeError, ValueError):
            pass
    cases, failed = [], []
    rule_files = sorted((generate_dir / 'rules').glob('*.go'))
    rule_functions = []
    for path in rule_files:
        if path.name.endswith('_test.go'):
            continue
        for name, fn in parse_functions(tokenize(path.read_text(encoding='utf-8')))[0].items():
            if any(t in ('Validate', 'ValidateWithPaths') for _, t in fn.body):
                rule_functions.append((name, fn))
    for name, fn in rule_functions:
        rule_id = next((go_unquote(fn.body[i + 2][1]) for i in range(len(fn.body) - 2)
                        if fn.body[i][1] == 'RuleID' and fn.body[i + 2][0] == 'str'), name)
        evaluator.current = rule_id
        before = len(evaluator.recorded)
        try:
            evaluator.run(fn.body, {})
        except Return:
            pass
        except (Unsupported, IndexError, KeyError, TypeError, ValueError, AttributeError, re.error) as e:
            failed.append(f'samples not extracted for {rule_id}: {e}')
            continue
        if len(evaluator.recorded) == before:
            failed.append(f'samples not extracted for {rule_id}: none reached utils.Validate')
    # A false-positive sample of one rule that is a true positive of another (cloudflare's lists share samples) is
    # not a negative for a scanner that splits rules differently.
    positive_texts = {str(t) for _, tps, _, _ in evaluator.recorded
                      for t in (tps.values() if isinstance(tps, dict) else tps) if isinstance(t, str)}
    for rule_id, tps, fps, with_paths in evaluator.recorded:
        for expected, samples in ((True, tps), (False, fps)):
            pairs = list(samples.items()) if isinstance(samples, dict) else [(None, s) for s in samples]
            for n, (path, text) in enumerate(pairs):
                if not isinstance(text, str):
                    continue
                if not expected and str(text) in positive_texts:
                    failed.append(f'{rule_id}: a false-positive sample left out, another rule expects it found')
                    continue
                group = 'generated' if isinstance(text, Generated) else 'hand-written'
                name = path if path else f'{n:03d}.txt'
                cases.append({'suite': suite, 'group': group, 'rule': rule_id, 'positive': expected,
                              'file': f'{suite}/{"tp" if expected else "fp"}/{rule_id}/{n:03d}/{name.lstrip("/")}',
                              'text': str(text)})
    return cases, failed


# ---------------------------------------------------------------------------------------------------------------
# secretlint

SECRETLINT_SKIPPED = ('pattern', 'filter-comments', 'example', 'no-homedir', 'no-dotenv', 'no-k8s-kind-secret', 'internal-test')


def secretlint_cases(root, out):
    cases, skipped = [], []
    packages = Path(root) / 'packages/@secretlint'
    for snapshot in sorted(packages.glob('secretlint-rule-*/test/snapshots/*/')):
        package = snapshot.parts[-4].removeprefix('secretlint-rule-')
        if package.startswith('preset') or package.startswith(SECRETLINT_SKIPPED):
            continue
        output = snapshot / 'output.json'
        if not output.is_file():
            continue
        expected = json.loads(output.read_text(encoding='utf-8'))
        if (snapshot / '.secretlintrc.json').exists() and not expected.get('messages'):
            skipped.append(f'{package}/{snapshot.name} (negative only under its .secretlintrc.json)')
            continue
        inputs = [p for p in snapshot.iterdir() if p.name.startswith('input')]
        name = inputs[0].name if inputs else 'input'
        options = snapshot / 'options.ts'
        if options.exists():
            m = re.search(r'inputFilePath:\s*["\']([^"\']+)', options.read_text(encoding='utf-8'))
            if m:
                name = m.group(1)
                inputs = [snapshot / name] if (snapshot / name).exists() else []
        target = f'secretlint/{package}/{snapshot.name}/{name}'
        dest = out / 'cases' / target
        dest.parent.mkdir(parents=True, exist_ok=True)
        if inputs:
            shutil.copyfile(inputs[0], dest)
            text = inputs[0].read_text(encoding='utf-8', errors='replace')
        elif 'sourceContent' in expected:
            text = expected['sourceContent']
            dest.write_text(text, encoding='utf-8')
        else:
            skipped.append(f'{package}/{snapshot.name} (no input)')
            continue
        cases.append({'suite': 'secretlint', 'group': package, 'rule': package, 'positive': bool(expected.get('messages')),
                      'file': target, 'text': text, 'written': True})
    return cases, skipped


# ---------------------------------------------------------------------------------------------------------------
# detect-secrets

def detect_secrets_cases(root, out):
    root = Path(root)
    data = root / 'test_data'
    files = sorted(p for p in data.rglob('*') if p.is_file() and 'performance' not in p.parts
                   and p.name not in ('word_list.txt', 'baseline.file'))
    expected, notes = {}, []     # path -> line -> why it is expected
    for test in sorted((root / 'tests').rglob('*.py')):
        source = test.read_text(encoding='utf-8')
        for m in re.finditer(r"""Location:\s+%s:(\d+)'\s*%\s*str\(Path\('(test_data/[^']+)'\)\)""", source):
            expected.setdefault(m.group(2), {}).setdefault(int(m.group(1)), set()).add(f'listed in {test.name}')
    try:
        run = subprocess.run([sys.executable, '-m', 'detect_secrets', 'scan', '--all-files', 'test_data'], cwd=root,
                             capture_output=True, text=True, timeout=600)
        for path, found in json.loads(run.stdout)['results'].items():
            for item in found:
                expected.setdefault(path, {}).setdefault(item['line_number'], set()).add(item['type'])
    except (OSError, ValueError, KeyError, subprocess.SubprocessError) as e:
        notes.append(f'detect-secrets did not run from the checkout ({e.__class__.__name__}); only the lines its tests list count')
    cases = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        if 'no_secrets' in path.name:
            expected.pop(rel, None)
        try:
            lines = path.read_text(encoding='utf-8').split('\n')
        except UnicodeDecodeError:
            continue
        target = f'detect-secrets/{rel}'
        dest = out / 'cases' / target
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
        for number, line in enumerate(lines, 1):
            why = expected.get(rel, {}).get(number)
            if not why and not line.strip():
                continue
            cases.append({'suite': 'detect-secrets', 'group': ', '.join(sorted(why)) if why else 'not reported',
                          'rule': rel, 'positive': bool(why), 'file': target, 'line': number, 'text': line, 'written': True})
    return cases, notes


# ---------------------------------------------------------------------------------------------------------------
# trufflehog

def _field(tokens, i):
    """The tokens of a struct field's value starting at i, up to the ',' or '}' that ends it (outside brackets)."""
    depth, j = 0, i
    while j < len(tokens):
        k, t = tokens[j]
        if k == 'op' and t in '([{':
            depth += 1
        elif k == 'op' and t in ')]}':
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and k == 'op' and t == ',':
            break
        j += 1
    return [tok for tok in tokens[i:j] if tok[0] != 'nl'], j


def trufflehog_cases(root):
    """The cases of each detector's Test*_Pattern table: input, and want (positive when it lists a secret)."""
    cases, failed = [], []
    detectors = Path(root) / 'pkg/detectors'
    for path in sorted(detectors.rglob('*_test.go')):
        if path.name.endswith('_integration_test.go'):
            continue
        detector = path.parent.relative_to(detectors).as_posix()
        try:
            functions, top = parse_functions(tokenize(path.read_text(encoding='utf-8')))
        except (IndexError, UnicodeDecodeError) as e:
            failed.append(f'{detector}: not parsed ({e.__class__.__name__})')
            continue
        evaluator = GoEvaluator({}, {})
        for stmt in top:
            try:
                evaluator.var(stmt[1:], evaluator.globals)
            except (Unsupported, IndexError, KeyError, TypeError, ValueError):
                pass
        for name, fn in functions.items():
            if not (name.startswith('Test') and name.endswith('_Pattern')):
                continue
            body, env, n = fn.body, {}, 0
            for stmt in split_statements(body):
                if stmt and stmt[0][1] == 'tests':
                    break
                try:
                    evaluator.statement(stmt, env)
                except (Unsupported, IndexError, KeyError, TypeError, ValueError, AttributeError, Return, re.error):
                    pass
            i = 0
            while i < len(body) - 2:
                if not (body[i] == ('ident', 'input') and body[i + 1] == ('op', ':')):
                    i += 1
                    continue
                expr, end = _field(body, i + 2)
                want_at = next((j for j in range(end, min(end + 400, len(body) - 1))
                                if body[j] == ('ident', 'want') and body[j + 1] == ('op', ':')), None)
                i = end
                if want_at is None:
                    continue
                want, _ = _field(body, want_at + 2)
                # want: nil, []string{}, or a list naming the secrets found
                listed = [t for t in want if t[0] in ('str', 'raw', 'ident') and t[1] not in ('string', 'nil')]
                positive = '{' in [t for _, t in want] and bool(listed)
                try:
                    text = evaluator.expr_all(expr, env)
                except (Unsupported, IndexError, KeyError, TypeError, ValueError, AttributeError, re.error) as e:
                    failed.append(f'{detector}: an input not evaluated ({e})')
                    continue
                if not isinstance(text, str):
                    failed.append(f'{detector}: an input is not a string')
                    continue
                cases.append({'suite': 'trufflehog', 'group': 'pattern tests', 'rule': detector, 'positive': positive,
                              'file': f'trufflehog/{detector}/{n:03d}.txt', 'text': text})
                n += 1
    return cases, failed


# ---------------------------------------------------------------------------------------------------------------

def extract(args):
    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    (out / 'cases').mkdir(parents=True)
    cases, notes = [], []
    for suite, root in (('gitleaks', args.gitleaks), ('betterleaks', args.betterleaks)):
        if root:
            found, failed = gitleaks_cases(root, suite)
            cases += found
            notes += [f'{suite}: {f}' for f in failed]
    if args.secretlint:
        found, skipped = secretlint_cases(args.secretlint, out)
        cases += found
        notes += [f'secretlint: left out {s}' for s in skipped]
    if args.detect_secrets:
        found, more = detect_secrets_cases(args.detect_secrets, out)
        cases += found
        notes += [f'detect-secrets: {n}' for n in more]
    if args.trufflehog:
        found, failed = trufflehog_cases(args.trufflehog)
        cases += found
        notes += [f'trufflehog: {f}' for f in failed]
    for case in cases:
        if not case.pop('written', False):
            dest = out / 'cases' / case['file']
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(case['text'], encoding='utf-8', newline='')
    (out / 'cases.json').write_text(json.dumps({'cases': cases, 'notes': notes}), encoding='utf-8')
    print(f'{len(cases)} cases written under {out}/cases', file=sys.stderr)


def one_line(text, limit=140):
    text = text.replace('\r', '').replace('\n', '⏎')
    return text if len(text) <= limit else text[:limit - 1] + '…'


def report(args):
    out = Path(args.out)
    data = json.loads((out / 'cases.json').read_text(encoding='utf-8'))
    findings = json.loads(Path(args.findings).read_text(encoding='utf-8')).get('findings', [])
    by_file, by_line = {}, {}
    for f in findings:
        path = f['file']
        by_file.setdefault(path, []).append(f)
        by_line.setdefault((path, f['line']), []).append(f)

    def hits(case):
        path = 'cases/' + case['file'] if not case['file'].startswith('cases/') else case['file']
        keys = [case['file'], path]
        if 'line' in case:
            return [f for k in keys for f in by_line.get((k, case['line']), [])]
        return [f for k in keys for f in by_file.get(k, [])]

    reviewed = read_reviewed(args.reviewed)
    for case in data['cases']:
        case['hits'] = hits(case)
        case['id'] = f"{case['file']}:{case['line']}" if 'line' in case else case['file']
        case['looks_real'] = not case['positive'] and case['id'] in reviewed
        case['example'] = case['positive'] and case['id'] in reviewed
    suites = []
    for case in data['cases']:
        if case['suite'] not in suites:
            suites.append(case['suite'])
    print('suite            positives flagged          real-looking positives     negatives flagged          '
          'false alarms (flagged, not judged real)')
    for suite in suites:
        rows = [c for c in data['cases'] if c['suite'] == suite]
        line = f'{suite:<16} {ratio(rows, True)}   {real_looking(rows)}   {ratio(rows, False)}   {false_alarms(rows)}'
        groups = sorted({c['group'] for c in rows}) if suite in ('gitleaks', 'betterleaks') else []
        print(line)
        for group in groups:
            sub = [c for c in rows if c['group'] == group]
            print(f'  {group:<14} {ratio(sub, True)}   {real_looking(sub)}   {ratio(sub, False)}   {false_alarms(sub)}')
    if not args.summary:
        for suite in suites:
            rows = [c for c in data['cases'] if c['suite'] == suite]
            missed = [c for c in rows if c['positive'] and not c['hits']]
            flagged = [c for c in rows if not c['positive'] and c['hits']]
            print(f'\n== {suite}: {len(missed)} missed positives')
            for c in missed:
                verdict = f" [judged an example: {reviewed[c['id']]}]" if c['example'] else ''
                print(f"  [{c['group']}] {c['id']}: {one_line(c['text'])}{verdict}")
            print(f'== {suite}: {len(flagged)} flagged negatives')
            for c in flagged:
                rules = ','.join(sorted({f"{h['rule']}({h.get('confidence', '?')})" for h in c['hits']}))
                verdict = f" [judged real: {reviewed[c['id']]}]" if c['looks_real'] else ''
                print(f"  [{c['group']}] {c['id']} {rules}: {one_line(c['text'])}{verdict}")
    for note in data['notes']:
        print(f'note: {note}', file=sys.stderr)


def read_reviewed(path):
    """
    Case id -> the reviewer's reason (tests/bench/peer-reviewed.tsv). For a flagged negative: why its value looks real
    (a hit, not a false alarm). For a missed positive: why its value is a placeholder, a documented example or another
    value issue 11's item 1 asks a scanner to leave alone (left out of the real-looking positives).
    """
    if not path:
        return {}
    reviewed = {}
    for line in Path(path).read_text(encoding='utf-8').splitlines():
        if line and not line.startswith('#'):
            case, why = line.split('\t', 1)
            reviewed[case] = why
    return reviewed


def real_looking(rows):
    """Positives flagged among those not judged an example: the mirror of the false-alarm count."""
    sel = [c for c in rows if c['positive'] and not c['example']]
    if not sel:
        return f'{"-":>24}'
    n = sum(1 for c in sel if c['hits'])
    return f'{n:>5} / {len(sel):<5} ({100.0 * n / len(sel):5.1f}%)'


def false_alarms(rows):
    sel = [c for c in rows if not c['positive']]
    if not sel:
        return f'{"-":>24}'
    n = sum(1 for c in sel if c['hits'] and not c['looks_real'])
    return f'{n:>5} / {len(sel):<5} ({100.0 * n / len(sel):5.1f}%)'


def ratio(rows, positive):
    sel = [c for c in rows if c['positive'] == positive]
    if not sel:
        return f'{"-":>24}'
    n = sum(1 for c in sel if c['hits'])
    return f'{n:>5} / {len(sel):<5} ({100.0 * n / len(sel):5.1f}%)'


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest='command', required=True)
    e = sub.add_parser('extract')
    e.add_argument('out')
    e.add_argument('--gitleaks')
    e.add_argument('--betterleaks')
    e.add_argument('--secretlint')
    e.add_argument('--detect-secrets', dest='detect_secrets')
    e.add_argument('--trufflehog')
    r = sub.add_parser('report')
    r.add_argument('out')
    r.add_argument('findings')
    r.add_argument('--summary', action='store_true', help='figures only, no lists')
    r.add_argument('--reviewed', help='flagged negatives judged to hold a real-looking value (tests/bench/peer-reviewed.tsv)')
    args = parser.parse_args()
    (extract if args.command == 'extract' else report)(args)


if __name__ == '__main__':
    main()
