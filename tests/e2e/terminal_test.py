#!/usr/bin/env python3
"""Runs backup-request at a real pseudo-terminal, as a person would: guided intake with a wrong answer at each
prompt, declining, end of input, --no-input, and colour decisions for `window`.

    terminal_test.py BINARY
"""
import json
import os
import pty
import select
import subprocess
import sys
import time

NOW = "2026-11-20T12:00:00Z"
REASON = [
    "A failed deployment at 14:40 UTC deleted 3,000 invoices from the production database.",
    "Finance cannot close the month; we need the Invoice table as it was at 14:30 UTC.",
]
failures = []


class Terminal:
    """The binary with stdin and stderr on a pty (stdout a pipe, as when piping the payload on)."""

    def __init__(self, binary, args, env_extra=None, stdout_on_tty=False):
        self.master, slave = pty.openpty()
        env = {k: v for k, v in os.environ.items() if not k.startswith("BACKUP_REQUEST_") and k != "NO_COLOR"}
        env.update({"BACKUP_REQUEST_NOW": NOW, "TERM": "xterm-256color", "LC_ALL": "C.UTF-8"})
        env.update(env_extra or {})
        self.proc = subprocess.Popen(
            [binary] + args, stdin=slave, stderr=slave,
            stdout=slave if stdout_on_tty else subprocess.PIPE, env=env, close_fds=True)
        os.close(slave)
        self.seen = ""
        self.cursor = 0

    def _read(self, timeout):
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 4096)
        except OSError:  # the child closed the pty
            return False
        if not data:
            return False
        self.seen += data.decode("utf-8", "replace")
        return True

    def expect(self, text, timeout=10.0):
        deadline = time.time() + timeout
        while True:
            found = self.seen.find(text, self.cursor)
            if found >= 0:
                self.cursor = found + len(text)
                return
            if time.time() > deadline or not self._read(max(0.0, deadline - time.time())):
                if self.seen.find(text, self.cursor) >= 0:
                    continue
                raise AssertionError(f"expected {text!r}; the terminal shows after the last match:\n"
                                     f"{self.seen[self.cursor:]}")

    def type(self, line):
        os.write(self.master, line.encode() + b"\n")

    def end_of_input(self):
        os.write(self.master, b"\x04")

    def finish(self):
        out = self.proc.stdout.read().decode() if self.proc.stdout else ""
        code = self.proc.wait(timeout=10)
        while self._read(0.2):
            pass
        os.close(self.master)
        return code, out


def check(name, condition, detail=""):
    if not condition:
        failures.append(f"{name}: {detail}")


def guided_intake(binary):
    t = Terminal(binary, ["create"])
    t.expect("Allowed now: 2026-11-05T12:00:00Z to 2026-11-20T11:55:00Z")
    t.expect("Point in time: ")
    t.type("2026-11-20 14:30")
    t.expect("has no time zone: add Z for UTC")
    t.expect("Point in time: ")
    t.type("2026-11-21T10:00:00Z")
    t.expect("in the future")
    t.expect("Point in time: ")
    t.type("2026-11-19T14:30:00Z")
    t.expect("Address: ")
    t.type("localhost")
    t.expect("is not a full host name")
    t.expect("Address: ")
    t.type("https://ACME-prd.outsystemsenterprise.com/ServiceCenter/")
    t.expect("Address: ")
    t.type("")
    t.expect("> ")
    t.type("asap")
    t.expect("> ")
    t.type("")
    t.expect("placeholder")
    t.expect("Please write it again.")
    t.expect("> ")
    for line in REASON:
        t.type(line)
        t.expect("> ")
    t.type("")
    t.expect("Point in time (UTC): 2026-11-19T14:30:00Z")
    t.expect("  - acme-prd.outsystemsenterprise.com")
    t.expect("Write this request? [y/N] ")
    t.type("y")
    code, out = t.finish()
    check("guided intake exit code", code == 0, f"{code}\n{t.seen}")
    try:
        payload = json.loads(out)
    except ValueError:
        check("guided intake payload", False, f"stdout is not JSON: {out!r}")
        return
    check("guided intake point_in_time", payload["point_in_time"] == "2026-11-19T14:30:00Z", payload)
    check("guided intake environments", payload["environments"] == ["acme-prd.outsystemsenterprise.com"], payload)
    check("guided intake justification", payload["justification"] == "\n".join(REASON), payload)
    check("guided intake created_at", payload["created_at"] == NOW, payload)


def declined(binary):
    t = Terminal(binary, ["create", "--at", "now-1h", "--env", "acme-prd.outsystemsenterprise.com"])
    t.expect("> ")
    for line in REASON:
        t.type(line)
        t.expect("> ")
    t.type("")
    t.expect("Write this request? [y/N] ")
    t.type("n")
    t.expect("Nothing was written.")
    code, out = t.finish()
    check("declined exit code", code == 1, code)
    check("declined stdout", out == "", repr(out))


def input_ends(binary):
    t = Terminal(binary, ["create", "--justification", " ".join(REASON)])
    t.expect("Point in time: ")
    t.end_of_input()
    t.expect("the input ended before the request was complete; nothing was written")
    code, out = t.finish()
    check("end of input exit code", code == 2, code)
    check("end of input stdout", out == "", repr(out))


def no_input(binary):
    t = Terminal(binary, ["create", "--no-input", "--env", "acme-prd.outsystemsenterprise.com"])
    t.expect("error: missing --at, --justification (or --justification-file)")
    code, out = t.finish()
    check("--no-input exit code", code == 2, code)
    check("--no-input never prompts", "Point in time: " not in t.seen, t.seen)


def window_colours(binary):
    t = Terminal(binary, ["window", "--at", "2026-11-06T10:00:00Z"], stdout_on_tty=True)
    t.expect("Point in time:")
    code, _ = t.finish()
    check("window at a terminal: colour", "\x1b[33m" in t.seen and "┬" in t.seen, t.seen)
    for extra in ({"NO_COLOR": "1"}, {"TERM": "dumb"}, {"LC_ALL": "C"}, {"LC_ALL": "", "LANG": "POSIX"}):
        t = Terminal(binary, ["window"], env_extra=extra, stdout_on_tty=True)
        t.expect("leaves the window within 48 hours")
        code, _ = t.finish()
        check(f"window with {extra}: plain", "\x1b[" not in t.seen and "|---|" in t.seen, t.seen)
    t = Terminal(binary, ["--color", "never", "window"], stdout_on_tty=True)
    t.expect("leaves the window within 48 hours")
    t.finish()
    check("window --color never: plain", "\x1b[" not in t.seen, t.seen)


def main(binary):
    for scenario in (guided_intake, declined, input_ends, no_input, window_colours):
        try:
            scenario(binary)
        except AssertionError as error:
            failures.append(f"{scenario.__name__}: {error}")
    for failure in failures:
        print("FAILED", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
