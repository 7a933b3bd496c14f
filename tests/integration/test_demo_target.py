"""The demo target as a process: URL on the first stdout line, clean exit on SIGTERM."""
import signal
import subprocess
import urllib.request

from conftest import BINARY


def test_demo_target_prints_its_url_and_exits_on_sigterm():
    proc = subprocess.Popen([BINARY, "demo-target", "--port", "0"], stdout=subprocess.PIPE, text=True)
    url = proc.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(url + "/health", timeout=5) as r:
        assert r.status == 200
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=10) == 0
