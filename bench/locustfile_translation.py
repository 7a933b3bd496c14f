#!/usr/bin/env python3
"""Times the locustfile translator on a generated locustfile of about 1,000 lines (classes with
weights, waits, on_start logins, tagged tasks, f-strings, catch_response checks and loops).

  python3 bench/locustfile_translation.py [LINES]   (prints the lines, classes and seconds)
"""
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TRANSLATOR = os.path.join(HERE, "..", "locustfile")

CLASS = '''

class User{n}(HttpUser):
    weight = {w}
    wait_time = between(1, {w2})

    def on_start(self):
        r = self.client.post("/login", json={{"user": "u{n}", "password": PASSWORD}})
        self.token = r.json()["token"]
        self.client.headers.update({{"Authorization": f"Bearer {{self.token}}"}})

    @tag("read")
    @task(3)
    def list_{n}(self):
        self.client.get(f"{{BASE}}/items", params={{"page": 1, "size": 20}}, name="/items")

    @task
    def item_{n}(self):
        with self.client.get(f"{{BASE}}/items/{{random.randint(1, 100)}}", name="/items/[id]",
                             catch_response=True) as response:
            if response.status_code != 200:
                response.failure("status " + str(response.status_code))
            self.last = response.json()["id"]

    @tag("write")
    @task
    def order_{n}(self):
        for _ in range(random.randint(1, 3)):
            self.client.post("/orders", json={{"item": random.randint(1, 100), "note": "n{n}"}}, name="/orders")
'''


def main():
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    parts = ["import random\nfrom locust import HttpUser, task, tag, between\n\nBASE = \"/api\"\nPASSWORD = \"pw\"\n"]
    n = 0
    while sum(p.count("\n") for p in parts) < target:
        parts.append(CLASS.format(n=n, w=n % 5 + 1, w2=n % 3 + 2))
        n += 1
    text = "".join(parts)
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(text)
    try:
        start = time.monotonic()
        out = subprocess.run([sys.executable, TRANSLATOR, f.name], capture_output=True, text=True)
        took = time.monotonic() - start
    finally:
        os.unlink(f.name)
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        return 1
    print("%d lines, %d classes: translated in %.3f s (python3 start included), %d bytes of JSON"
          % (text.count("\n"), n, took, len(out.stdout)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
