"""The open file limit: Hornet raises its soft limit to the hard one at start, as Locust does, and
says before the test starts when the users it must hold cannot all have a socket. Real binary under
a lowered RLIMIT_NOFILE (set in the child before exec), demo target on 127.0.0.1."""
import re
import resource
import subprocess

from conftest import BINARY

SOFT, HARD = 100, 300


def limited(soft, hard):
    return lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def run(soft, hard, *args, timeout=40):
    proc = subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=timeout,
                          preexec_fn=limited(soft, hard))
    return proc.returncode, proc.stderr


def test_the_soft_limit_is_raised_to_the_hard_one_and_logged(target):
    # 150 users do not fit under the soft limit (100) but do under the hard one (300).
    code, err = run(SOFT, HARD, "-H", target.url + "/", "--headless", "-u", "150", "-r", "150", "-t", "2s",
                    "--loglevel", "DEBUG")
    assert code == 0, err[-3000:]
    assert f"Raised the open file limit from {SOFT} to {HARD}" in err
    assert "users need about" not in err  # raised: every user has its socket
    assert "Too many open files" not in err
    # The hard limit stays below Locust's minimum of 10,000: said once at start.
    assert err.count(f"System open file limit '{HARD}' is below 10000") == 1


def test_more_users_than_the_hard_limit_allows_are_warned_about_before_the_test(target):
    code, err = run(HARD, HARD, "-H", target.url + "/", "--headless", "-u", "400", "-r", "400", "-t", "1s",
                    "--stop-timeout", "1")
    warning = re.search(r"WARNING/hornet\.runners: 400 users need about 464 open files \(a socket each\) but this "
                        r"process may open 300: .*ulimit -n.*more worker processes", err)
    assert warning, err[-3000:]
    assert err.index(warning.group(0)) < err.index("Ramping to 400 users")  # before the test starts
    assert "Raised the open file limit" not in err  # nothing to raise


def test_the_open_model_is_warned_about_its_max_users(target):
    code, err = run(HARD, HARD, "-H", target.url + "/", "--headless", "--rate", "5", "--max-users", "500",
                    "-t", "1s")
    assert code == 0, err[-3000:]
    assert "500 users need about 564 open files" in err and "may open 300" in err
    # A --max-users that fits says nothing.
    code, err = run(HARD, HARD, "-H", target.url + "/", "--headless", "--rate", "5", "--max-users", "100",
                    "-t", "1s")
    assert code == 0, err[-3000:]
    assert "users need about" not in err
