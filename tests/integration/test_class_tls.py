"""Per-class TLS settings of a JSON scenario against a self-signed https server on 127.0.0.1: a
class with "tls_verify": true fails the handshake, the command line's default (no check) and a
class trusting the certificate through "ca_file" succeed, all in one run."""
import http.server
import json
import shutil
import ssl
import subprocess
import threading

import pytest

from conftest import hornet, read_csv


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"ok"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the refused handshakes of the checking class are expected


@pytest.fixture
def https_server(tmp_path):
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(cert), str(key))
    server = _Server(("127.0.0.1", 0), _Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://localhost:{server.server_address[1]}", cert
    server.shutdown()
    server.server_close()


def test_class_tls_settings_override_the_command_line(https_server, tmp_path):
    url, cert = https_server
    shutil.copy(cert, tmp_path / "staging-ca.pem")

    def user(name, **tls):
        return {"name": name, "host": url, "fixed_count": 1, "wait_time": 0.1, "tasks": [{"get": "/" + name}], **tls}

    scenario = tmp_path / "tls.json"
    scenario.write_text(json.dumps({"users": [
        user("checked", tls_verify=True),       # the system's CAs do not know the certificate
        user("unchecked"),                      # the command line's default: no check
        user("trusting", ca_file="staging-ca.pem"),  # relative to the scenario file; implies the check
    ]}))
    prefix = str(tmp_path / "run")
    r = hornet("-f", str(scenario), "--headless", "-u", "3", "-r", "3", "-t", "2s", "--csv", prefix)
    assert r.returncode == 1, r.stderr[-3000:]  # failed requests: Locust's exit code 1
    rows = {row[1]: row for row in read_csv(prefix + "_stats.csv")[1:]}
    checked, unchecked, trusting = rows["/checked"], rows["/unchecked"], rows["/trusting"]
    assert int(checked[2]) > 0 and checked[3] == checked[2]      # every request failed
    assert int(unchecked[2]) > 0 and unchecked[3] == "0"
    assert int(trusting[2]) > 0 and trusting[3] == "0"
    failures = read_csv(prefix + "_failures.csv")[1:]
    assert [row[1] for row in failures] == ["/checked"]
    assert "certificate verify failed" in failures[0][2]
