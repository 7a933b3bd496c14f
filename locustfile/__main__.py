"""Translate a locustfile into Hornet's JSON scenario model (docs/scenarios.md).

Hornet embeds this folder's files and runs them with `python3` (`hornet -f locustfile.py`, `hornet convert`).
It reads the Python source with the standard library's `ast` only and never imports or runs it:
the locustfile's imports (locust, requests, ...) need not be installed, and nothing in it runs.
What the JSON model cannot express exactly is an error with the file, line and column, never a
silently different test (docs/locustfiles.md lists the subset).

Usage: python3 locustfile/ [--partial] [--positions FILE] FILE_OR_FOLDER...
  stdout: the scenario; FILE (with --positions): {JSON pointer: "file:line:column"}
  stderr: one line per error or warning; exit status 1 when there were errors.
"""
import json
import sys

from translation import dumps, translate


def main(argv):
    partial = "--partial" in argv
    positions_file = None
    paths = []
    i = 0
    while i < len(argv):
        if argv[i] == "--positions" and i + 1 < len(argv):
            positions_file = argv[i + 1]
            i += 1
        elif argv[i] != "--partial":
            paths.append(argv[i])
        i += 1
    if not paths:
        sys.stderr.write("usage: python3 locustfile/ [--partial] [--positions FILE] LOCUSTFILE_OR_FOLDER...\n")
        return 2
    scenario, positions, errors, warnings = translate(paths, partial)
    for w in warnings:
        sys.stderr.write(w + "\n")
    for e in errors:
        sys.stderr.write(e + "\n")
    if errors:
        return 1
    if positions_file:
        with open(positions_file, "w", encoding="utf-8") as f:
            json.dump(positions, f)
    sys.stdout.write(dumps(scenario) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
