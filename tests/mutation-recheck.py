#!/usr/bin/env python3
"""Re-checks only the survivors of an earlier Stryker run (tests/mutation.sh, MUTATION_RECHECK=<old report>).

Tests added since a run cannot revive a mutant it killed, as long as the code under test is unchanged, so a run over
the survivors' spans alone, added to the earlier run's kills, gives the scope's score at a fraction of the cost.

  mutation-recheck.py spans OLD_REPORT PATTERN...        prints one Stryker --mutate argument per earlier survivor:
                                                          the file's glob with the survivor's character span
  mutation-recheck.py combine OLD_REPORT NEW_REPORT PATTERN...
                                                          prints the earlier survivors' statuses now and the score
"""
import json
import re
import sys


def glob(pattern):  # Stryker's globs: ** is any number of folders, * stays within one
    parts = re.split(r"(\*\*/|\*)", pattern)
    return re.compile("".join("(?:.*/)?" if p == "**/" else "[^/]*" if p == "*" else re.escape(p) for p in parts) + "$")


def in_scope(path, patterns):
    include = [p for p in patterns if not p.startswith("!")]
    exclude = [p[1:] for p in patterns if p.startswith("!")]
    return any(glob(p).match(path) for p in include) and not any(glob(p).match(path) for p in exclude)


COUNTED = ("Killed", "Timeout", "Survived", "NoCoverage")


def files(report, patterns):  # (path under src/Handoff.Core, report entry) of each file measured in scope
    for path, f in sorted(json.load(open(report))["files"].items()):
        rel = path.replace("\\", "/").split("/src/Handoff.Core/")[-1]
        if in_scope(rel, patterns) and any(m["status"] in COUNTED for m in f["mutants"]):
            yield rel, f


def key(m):
    loc = m["location"]
    return (loc["start"]["line"], loc["start"]["column"], loc["end"]["line"], loc["end"]["column"],
            m["mutatorName"], m.get("replacement", ""))


def offset(source, point):  # Stryker's report: 1-based line and column; its --mutate span: character indices
    starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]
    return starts[point["line"] - 1] + point["column"] - 1


def changed(rel, f):  # a file edited since the earlier run is re-run whole: its old spans no longer fit
    with open(f"src/Handoff.Core/{rel}", encoding="utf-8-sig") as current:
        return current.read() != f["source"]


def spans(old, patterns):
    for rel, f in files(old, patterns):
        if changed(rel, f):
            print(f"**/{rel}")
            continue
        for m in f["mutants"]:
            if m["status"] in ("Survived", "NoCoverage"):
                start, end = offset(f["source"], m["location"]["start"]), offset(f["source"], m["location"]["end"])
                print(f"**/{rel}{{{start}..{end}}}")


def combine(old, new, patterns):
    earlier, later = dict(files(old, patterns)), dict(files(new, patterns))
    now = {(rel, key(m)): m["status"] for rel, f in later.items() for m in f["mutants"]}
    counts, before, after = {}, {}, {}
    for rel, f in earlier.items():
        if changed(rel, f):
            print(f"{rel}: changed since the earlier run, counted from the new run alone")
            for m in later.get(rel, {"mutants": []})["mutants"]:
                counts[m["status"]] = counts.get(m["status"], 0) + 1
            continue
        for m in f["mutants"]:
            status = m["status"]
            if status in ("Survived", "NoCoverage"):
                before[status] = before.get(status, 0) + 1
                status = now.get((rel, key(m)), "Missing")
                after[status] = after.get(status, 0) + 1
                if status != m["status"]:
                    print(f'{rel}:{m["location"]["start"]["line"]}: {m["status"]} -> {status}: {m["mutatorName"]}')
            counts[status] = counts.get(status, 0) + 1
    killed = counts.get("Killed", 0) + counts.get("Timeout", 0)
    tested = killed + counts.get("Survived", 0) + counts.get("NoCoverage", 0) + counts.get("Missing", 0)
    print(f"earlier survivors of unchanged files {before} now {after}")
    print(f'score {100.0 * killed / tested:.1f}% (killed {counts.get("Killed", 0)}, timeout {counts.get("Timeout", 0)}, '
          f'survived {counts.get("Survived", 0)}, no coverage {counts.get("NoCoverage", 0)}; '
          f'not found in the new run, counted as survived: {counts.get("Missing", 0)})')


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "spans":
        spans(args[0], args[1:])
    elif command == "combine":
        combine(args[0], args[1], args[2:])
    else:
        sys.exit(f"mutation-recheck: unknown command {command}")
