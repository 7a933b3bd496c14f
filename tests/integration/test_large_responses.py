"""Large and unusual responses from a test server in this process (real TCP on 127.0.0.1): bodies
nobody reads stream past in bounded memory, kept bodies have a limit a user can set, big header
blocks pass, and a redirect to another origin keeps its connections alive."""
import os
import socketserver
import subprocess
import threading
import time

import pytest

from conftest import BINARY, hornet, read_csv

BIG = 200 * 1024 * 1024  # bytes per response
CHUNK = b"z" * (1024 * 1024)


class Handler(socketserver.BaseRequestHandler):
    """Answers every request on a kept-alive connection by path: /big (200 MB, chunked), /headers
    (a 100 KB header line and 10,000 fields), /hop (302 to the other server), anything else a small 200."""

    def handle(self):
        self.server.accepts += 1
        stream = self.request.makefile("rb")
        try:
            while True:
                line = stream.readline(65536)
                if not line:
                    return
                path = line.split()[1].decode()
                while stream.readline(65536) not in (b"\r\n", b"\n", b""):
                    pass
                self.answer(path)
        except (ConnectionError, OSError):
            return

    def answer(self, path):
        send = self.request.sendall
        if path.startswith("/big"):
            send(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            header = b"%x\r\n" % len(CHUNK)
            for _ in range(BIG // len(CHUNK)):
                send(header + CHUNK + b"\r\n")
            send(b"0\r\n\r\n")
        elif path.startswith("/headers"):
            fields = b"".join(b"X-F%d: %d\r\n" % (i, i) for i in range(10000))
            send(b"HTTP/1.1 200 OK\r\nX-Long: " + b"v" * (100 * 1024) + b"\r\n" + fields + b"Content-Length: 2\r\n\r\nok")
        elif path.startswith("/hop"):
            send(b"HTTP/1.1 302 Found\r\nLocation: " + self.server.hop_to.encode() + b"/landed\r\nContent-Length: 0\r\n\r\n")
        else:
            send(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.accepts = 0
        self.hop_to = ""
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.shutdown()
    s.server_close()


def peak_rss_mb(proc):
    """Samples the process's resident memory from /proc until it exits; the highest, in MB."""
    peak = 0
    while proc.poll() is None:
        try:
            with open(f"/proc/{proc.pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        peak = max(peak, int(line.split()[1]) // 1024)
        except (FileNotFoundError, ProcessLookupError):
            break
        time.sleep(0.05)
    return peak


def scenario(tmp_path, text):
    path = tmp_path / "s.json"
    path.write_text(text)
    return str(path)


def test_a_200_mb_body_nobody_reads_streams_past_in_bounded_memory(server, tmp_path):
    prefix = str(tmp_path / "run")
    with open(tmp_path / "stderr.log", "w") as log:  # a pipe nobody reads during the run could fill up
        proc = subprocess.Popen([BINARY, "-H", server.url + "/big", "--headless", "-u", "8", "-r", "8", "-t", "6s",
                                 "--csv", prefix], stdout=subprocess.DEVNULL, stderr=log)
        peak = peak_rss_mb(proc)
        proc.wait(timeout=60)
    err = (tmp_path / "stderr.log").read_text()
    assert proc.returncode == 0, err[-3000:]
    row = next(r for r in read_csv(prefix + "_stats.csv")[1:] if r[1] == "/big")
    assert int(row[2]) >= 8 and row[3] == "0"  # complete 200 MB bodies, none failed
    assert float(row[8]) == BIG  # Average Content Size: counted although not kept
    if "ASAN_OPTIONS" not in os.environ:  # ASan's shadow memory and quarantine are not ours to bound
        assert peak < 100, f"peak RSS {peak} MB"


def test_a_kept_body_over_the_limit_fails_with_the_limit_in_its_reason(server, tmp_path):
    s = scenario(tmp_path, """{"users": [{"name": "Reader", "tasks": [
        {"get": "/big", "extract": {"first": {"regex": "^(z)"}}}]}]}""")
    prefix = str(tmp_path / "run")
    r = hornet("-f", s, "-H", server.url, "--headless", "-u", "2", "-r", "2", "-t", "2s", "--csv", prefix)
    assert r.returncode == 1, r.stderr[-3000:]
    failures = read_csv(prefix + "_failures.csv")[1:]
    assert failures and all("BodyTooLarge" in f[2] and "67108864 bytes" in f[2] and "--max-body-size" in f[2]
                            for f in failures), failures
    # The same with a limit that fits, from the command line or the class: the extract reads the
    # kept body and nothing fails.
    r = hornet("-f", s, "-H", server.url, "--headless", "-u", "1", "-r", "1", "-t", "2s", "--max-body-size", "256MiB",
               "--csv", prefix)
    assert r.returncode == 0, r.stderr[-3000:]
    own = scenario(tmp_path, """{"users": [{"name": "Reader", "max_body_size": "256MiB", "tasks": [
        {"get": "/big", "extract": {"first": {"regex": "^(z)"}}}]}]}""")
    r = hornet("-f", own, "-H", server.url, "--headless", "-u", "1", "-r", "1", "-t", "2s", "--csv", prefix)
    assert r.returncode == 0, r.stderr[-3000:]
    assert int(read_csv(prefix + "_stats.csv")[1][2]) >= 1


def test_big_header_blocks_pass_and_their_limit_can_be_set(server, tmp_path):
    prefix = str(tmp_path / "run")
    r = hornet("-H", server.url + "/headers", "--headless", "-u", "2", "-r", "2", "-t", "2s", "--csv", prefix)
    assert r.returncode == 0, r.stderr[-3000:]
    row = read_csv(prefix + "_stats.csv")[1]
    assert int(row[2]) > 10 and row[3] == "0"
    r = hornet("-H", server.url + "/headers", "--headless", "-u", "1", "-r", "1", "-t", "1s",
               "--max-header-size", "64k", "--csv", prefix)
    assert r.returncode == 1
    assert "response header block over 65536 bytes (--max-header-size)" in read_csv(prefix + "_failures.csv")[1][2]


def test_a_redirect_to_another_port_reuses_its_connections(server, tmp_path):
    other = Server()
    try:
        server.hop_to = other.url
        prefix = str(tmp_path / "run")
        r = hornet("-H", server.url + "/hop", "--headless", "-u", "3", "-r", "3", "-t", "3s", "--csv", prefix)
        assert r.returncode == 0, r.stderr[-3000:]
        requests = int(read_csv(prefix + "_stats.csv")[1][2])
        assert requests > 300
        assert server.accepts == 3 and other.accepts == 3, (server.accepts, other.accepts, requests)
    finally:
        other.shutdown()
        other.server_close()


def test_bad_limit_values_get_one_clear_line():
    r = hornet("--max-body-size", "lots", "--headless", "-H", "http://127.0.0.1:1/")
    assert r.returncode == 2
    assert "--max-body-size: invalid size 'lots'" in r.stderr
