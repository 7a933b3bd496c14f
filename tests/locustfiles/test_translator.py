"""The locustfile translator (locustfile/) over the corpus in corpus/: each X.py
has its expected scenario X.json (when it translates) and its expected error and warning lines
X.err (when it prints any). Files named *_partial.py are translated with --partial.

HORNET_REGENERATE=1 rewrites the expected files from the translator's output (review the diff).
"""
import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.environ.get("HORNET_SOURCE_DIR", os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(SOURCE, "locustfile"))
import translation  # noqa: E402

CORPUS = os.path.join(HERE, "corpus")


def run(name):
    """(scenario JSON text or None, stderr lines) as `python3 locustfile/ corpus/NAME` prints them."""
    cwd = os.getcwd()
    os.chdir(HERE)
    try:
        scenario, _, errors, warnings = translation.translate(["corpus/" + name], partial="partial" in name)
    finally:
        os.chdir(cwd)
    text = None if errors else translation.dumps(scenario) + "\n"
    return text, warnings + errors


class CorpusTest(unittest.TestCase):
    def test_corpus(self):
        names = sorted(n for n in os.listdir(CORPUS) if n.endswith(".py"))
        self.assertGreaterEqual(len(names), 30)
        regenerate = os.environ.get("HORNET_REGENERATE") == "1"
        for name in names:
            base = os.path.join(CORPUS, name[:-3])
            text, lines = run(name)
            if regenerate:
                for ext, content in ((".json", text), (".err", "".join(l + "\n" for l in lines) or None)):
                    if content is None:
                        if os.path.exists(base + ext):
                            os.remove(base + ext)
                    else:
                        with open(base + ext, "w") as f:
                            f.write(content)
                continue
            with self.subTest(file=name):
                expected_json = open(base + ".json").read() if os.path.exists(base + ".json") else None
                expected_err = open(base + ".err").read().splitlines() if os.path.exists(base + ".err") else []
                self.assertEqual(text, expected_json)
                self.assertEqual(lines, expected_err)
                # An error always names file:line:column.
                for line in lines:
                    self.assertRegex(line, r"^corpus/%s:\d+:\d+: " % name.replace(".", r"\."))
                    self.assertNotIn("internal error", line)
                # Every expected scenario is valid JSON with the file's classes.
                if text:
                    self.assertTrue(json.loads(text)["users"])


if __name__ == "__main__":
    unittest.main()
