"""The translator never crashes on arbitrary Python: corpus files cropped and mutated with a fixed
seed (a bounded count) each give a translation or errors that all name file:line:column."""
import json
import os
import random
import re
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.environ.get("HORNET_SOURCE_DIR", os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(SOURCE, "locustfile"))
import translation  # noqa: E402

CORPUS = os.path.join(HERE, "corpus")
VARIANTS = 600
SNIPPETS = ["(", ")", ":", "self.", "r.json()[0]", "while True:", "    ", "\n", "@task(", "class X(HttpUser):",
            "lambda: 1", "**kw", "f'{x}'", "[", "]", "{", "}", "yield", "await ", "global x", "del self.x",
            "with self.client.get('/', catch_response=True) as r:", "for _ in range(random.randint(1, 3)):",
            "\"\"\"", "'", "#", "\\", "0x", "1e999", "import os", "async def t(self):", "if r.status_code == 2:"]


def mutate(rng, text):
    lines = text.split("\n")
    kind = rng.randrange(6)
    if kind == 0:  # crop anywhere
        return text[:rng.randrange(len(text) + 1)]
    if kind == 1 and lines:  # drop a line
        del lines[rng.randrange(len(lines))]
    elif kind == 2 and lines:  # duplicate a line elsewhere
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(lines))
    elif kind == 3:  # insert a snippet at a random place
        pos = rng.randrange(len(text) + 1)
        return text[:pos] + rng.choice(SNIPPETS) + text[pos:]
    elif kind == 4 and lines:  # swap two lines
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    else:  # replace one character
        if text:
            pos = rng.randrange(len(text))
            return text[:pos] + rng.choice("()[]{}:.,=+'\"\n x0_") + text[pos + 1:]
    return "\n".join(lines)


class PropertyTest(unittest.TestCase):
    def test_mutated_corpus(self):
        rng = random.Random(int(os.environ.get("HORNET_PROPERTY_SEED", "13")))
        sources = []
        for n in sorted(os.listdir(CORPUS)):
            if n.endswith(".py"):
                with open(os.path.join(CORPUS, n)) as f:
                    sources.append(f.read())
        folder = tempfile.mkdtemp(prefix="hornet-translator-")
        try:
            path = os.path.join(folder, "locustfile.py")
            outcomes = {"translated": 0, "errors": 0}
            for i in range(VARIANTS):
                text = rng.choice(sources)
                for _ in range(rng.randrange(1, 4)):
                    text = mutate(rng, text)
                with open(path, "w") as f:
                    f.write(text)
                with self.subTest(variant=i):
                    scenario, _, errors, warnings = translation.translate([path])
                    if errors:
                        outcomes["errors"] += 1
                        for e in errors:
                            self.assertRegex(e, "^" + re.escape(path) + r":\d+:\d+: ", msg=text)
                            # The last-resort guard of the translator must not be what answered.
                            self.assertNotIn("internal error", e, msg=text)
                    else:
                        outcomes["translated"] += 1
                        json.loads(translation.dumps(scenario))
            # Both outcomes happen: the mutations are neither all fatal nor all harmless.
            self.assertGreater(outcomes["translated"], 0)
            self.assertGreater(outcomes["errors"], 0)
        finally:
            shutil.rmtree(folder)


if __name__ == "__main__":
    unittest.main()
