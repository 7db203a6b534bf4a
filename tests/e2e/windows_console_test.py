#!/usr/bin/env python3
"""The Windows build's prompts at a console: backup-request.exe under Wine with a pseudo-terminal for stdin and
stderr, which Wine turns into a Windows console (GetConsoleMode succeeds, typed text comes through
ReadConsoleW). Wine draws the console with its own cursor sequences, so prompts are matched without their
trailing space, and Enter is a carriage return as on a real console.

    windows_console_test.py EMULATED_BINARY
"""
import json
import os
import pty
import subprocess
import sys
import tty

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import terminal_test  # noqa: E402  (the Terminal driver and the justification)


class Console(terminal_test.Terminal):
    def __init__(self, binary, args):  # pylint: disable=super-init-not-called
        self.master, slave = pty.openpty()
        tty.setraw(slave)  # Wine's console reads keys itself: no line discipline in between
        env = {k: v for k, v in os.environ.items() if not k.startswith("BACKUP_REQUEST_")}
        env.update({"BACKUP_REQUEST_NOW": terminal_test.NOW, "TERM": "xterm-256color", "NO_COLOR": "1"})
        self.proc = subprocess.Popen([binary] + args, stdin=slave, stderr=slave, stdout=subprocess.PIPE,
                                     env=env, close_fds=True)
        os.close(slave)
        self.seen = ""
        self.cursor = 0

    def type(self, line):
        os.write(self.master, line.encode() + b"\r")


def main(binary):
    t = Console(binary, ["create"])
    try:
        t.expect("Allowed now: 2026-11-05T12:00:00Z to 2026-11-20T11:55:00Z", timeout=60)
        t.expect("Point in time:")
        t.type("2026-11-19T14:30:00Z")
        t.expect("Address:")
        # Typed non-ASCII text arrives as UTF-8, whatever the console's code page.
        t.type("bücher.example")
        t.expect("'bücher.example' has non-ASCII characters")
        t.expect("Address:")
        t.type("https://ACME-prd.outsystemsenterprise.com/ServiceCenter/")
        t.expect("Address:")
        t.type("")
        t.expect(">")
        for line in terminal_test.REASON:
            t.type(line)
            t.expect(">")
        t.type("")
        t.expect("Write this request? [y/N]")
        t.type("y")
        code, out = t.finish()
    except AssertionError as error:
        t.proc.kill()
        print("FAILED", error)
        return 1
    payload = json.loads(out)
    expected = {
        "point_in_time": "2026-11-19T14:30:00Z",
        "environments": ["acme-prd.outsystemsenterprise.com"],
        "justification": "\n".join(terminal_test.REASON),
    }
    got = {key: payload.get(key) for key in expected}
    if code != 0 or got != expected:
        print(f"FAILED exit {code}, payload {got}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
