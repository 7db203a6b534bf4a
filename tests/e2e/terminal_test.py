#!/usr/bin/env python3
"""Runs backup-request at a real pseudo-terminal, as a person would: guided intake with a wrong answer at each
prompt, declining, end of input, --no-input, and colour decisions for `window`.

    terminal_test.py BINARY
"""
import fcntl
import json
import os
import pty
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time

NOW = "2026-11-20T12:00:00Z"
REASON = [
    "A failed deployment at 14:40 UTC deleted 3,000 invoices from the production database.",
    "Finance cannot close the month; we need the Invoice table as it was at 14:30 UTC.",
]
failures = []


class Terminal:
    """The binary with stdin and stderr on a pty (stdout a pipe, as when piping the payload on)."""

    def __init__(self, binary, args, env_extra=None, stdout_on_tty=False, stdin_pipe=False, stderr_pipe=False,
                 columns=None):
        self.master, slave = pty.openpty()
        if columns:  # the terminal's window size, as a narrow terminal window has it
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        env = {k: v for k, v in os.environ.items() if not k.startswith("BACKUP_REQUEST_") and k != "NO_COLOR"}
        env.update({"BACKUP_REQUEST_NOW": NOW, "TERM": "xterm-256color", "LC_ALL": "C.UTF-8",
                    "BACKUP_REQUEST_NO_LEDGER": "1"})
        env.update(env_extra or {})
        self.proc = subprocess.Popen(
            [binary] + args, stdin=subprocess.PIPE if stdin_pipe else slave,
            stderr=subprocess.STDOUT if stderr_pipe else slave,
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


def draft_line(i):
    if i % 50 == 7:  # an invalid one now and then: its diagnostic must not tear the progress line
        return json.dumps({"point_in_time": "2026-10-01T00:00:00Z", "environments": ["acme-prd.example.com"],
                           "justification": " ".join(REASON)})
    return json.dumps({"point_in_time": "2026-11-19T10:00:00Z", "environments": ["acme-prd.example.com"],
                       "justification": " ".join(REASON)})


def slow_batch(binary, args, env_extra=None, stderr_pipe=False, last="800 drafts checked: 784 valid, 16 invalid",
               columns=None):
    """validate reading drafts from a pipe that delivers them over about two seconds, as a slow generator
    would, with stderr at the terminal (or, with stderr_pipe, not)."""
    t = Terminal(binary, ["validate", "--now", NOW] + args + ["-"], env_extra=env_extra, stdin_pipe=True,
                 stderr_pipe=stderr_pipe, columns=columns)
    for burst in range(4):
        t.proc.stdin.write("".join(draft_line(burst * 200 + i) + "\n" for i in range(200)).encode())
        t.proc.stdin.flush()
        time.sleep(0.6)
    t.proc.stdin.close()
    if stderr_pipe:
        output = t.proc.stdout.read().decode()
        t.proc.wait(timeout=10)
        return output, t.proc.returncode
    t.expect(last)
    code, _ = t.finish()
    return t.seen, code


def progress(binary):
    seen, code = slow_batch(binary, [])
    check("progress: exit 1 (invalid drafts)", code == 1, str(code))
    check("progress: a live line with the rate", "\r\x1b[2K" in seen and "drafts checked (" in seen, seen[-600:])
    # What a line shows is what follows its last carriage return (the progress line is erased there).
    visible = [line.split("\r")[-1] for line in seen.replace("\r\n", "\n").split("\n")]
    errors = [line for line in visible if "error:" in line]
    torn = [line for line in errors if not line.startswith(("<stdin>:", "\x1b[2K<stdin>:"))]
    check("progress: diagnostics start on a cleared line", not torn and len(errors) == 16, repr(torn[:2]))
    check("progress: the line was erased for a diagnostic",
          any(line.startswith("\x1b[2K<stdin>:") for line in errors), repr(errors[:3]))
    check("progress: cleared before the summary", "\r\x1b[2K800 drafts checked: 784 valid" in seen,
          repr(seen[-300:]))
    # A 30-column terminal: every progress line drawn fits in 29 columns, so "\r" can take it back.
    seen, _ = slow_batch(binary, [], columns=30)
    drawn = [part.split("\x1b[2K")[-1] for part in seen.replace("\r\n", "\n").split("\r") if "drafts checked (" in part]
    check("progress on 30 columns: cut to 29", drawn and all(len(line) <= 29 for line in drawn), repr(drawn[:3]))
    seen, _ = slow_batch(binary, [], env_extra={"NO_COLOR": "1"})
    check("progress with NO_COLOR: plain", "\x1b[" not in seen and "drafts checked (" in seen, repr(seen[-300:]))
    seen, _ = slow_batch(binary, [], env_extra={"TERM": "dumb"})
    check("progress with TERM=dumb: plain", "\x1b[" not in seen and "drafts checked (" in seen, repr(seen[-300:]))
    seen, code = slow_batch(binary, ["-q"], last="<stdin>:758: error")
    check("progress under -q: none", "drafts checked (" not in seen and "\r" not in seen.replace("\r\n", ""),
          repr(seen[-300:]))
    output, code = slow_batch(binary, [], stderr_pipe=True)
    check("progress into a pipe: none", "drafts checked (" not in output and "\r" not in output and code == 1,
          repr(output[-300:]))


def ledger_list_colours(binary):
    """list at a terminal: a request whose next deadline is within 48 hours stands out, the others do not."""
    with tempfile.TemporaryDirectory() as folder:
        ledger = os.path.join(folder, "ledger.sqlite")
        env = {"BACKUP_REQUEST_LEDGER": ledger, "BACKUP_REQUEST_NO_LEDGER": "0"}
        ids = {}
        for name, point in (("urgent", "now-14d"), ("calm", "now-2h")):
            subprocess.run([binary, "create", "--at", point, "-e", f"{name}.example.com", "-j", " ".join(REASON),
                            "-q", "--now", NOW], env=dict(os.environ, **env), stdout=subprocess.DEVNULL, check=True)
            listed = subprocess.run([binary, "list", "--environment", f"{name}.example.com", "--format", "ndjson",
                                     "--now", NOW], env=dict(os.environ, **env), capture_output=True, text=True)
            ids[name] = json.loads(listed.stdout)["id"]
        t = Terminal(binary, ["list"], env_extra=env, stdout_on_tty=True)
        t.expect("LEFT")
        t.finish()
        lines = t.seen.replace("\r\n", "\n").split("\n")
        urgent = [line for line in lines if ids["urgent"] in line]
        calm = [line for line in lines if ids["calm"] in line]
        check("list at a terminal: the row within 48 hours in bold red",
              len(urgent) == 1 and urgent[0].startswith("\x1b[1;31m" + ids["urgent"]) and urgent[0].endswith("\x1b[0m"),
              t.seen)
        check("list at a terminal: the other row plain", len(calm) == 1 and "\x1b[" not in calm[0], t.seen)
        t = Terminal(binary, ["list"], env_extra=dict(env, NO_COLOR="1"), stdout_on_tty=True)
        t.expect("LEFT")
        t.finish()
        check("list with NO_COLOR: plain", "\x1b[" not in t.seen and ids["urgent"] in t.seen, t.seen)


def ledger_list_width(binary):
    """list at a 120-column terminal fits it (issue 24, 30); the same list through a pipe keeps whole values."""
    with tempfile.TemporaryDirectory() as folder:
        env = {"BACKUP_REQUEST_LEDGER": os.path.join(folder, "ledger.sqlite"), "BACKUP_REQUEST_NO_LEDGER": "0"}
        host = "acme-production-environment-with-a-long-name.outsystemsenterprise.com"
        subprocess.run([binary, "create", "--at", "now-2h", "-e", host, "-e", "b.example.com", "-j", " ".join(REASON),
                        "--reference", "INC-4711-customer-orders", "-q", "--now", NOW],
                       env=dict(os.environ, **env), stdout=subprocess.DEVNULL, check=True)
        t = Terminal(binary, ["list"], env_extra=dict(env, NO_COLOR="1"), stdout_on_tty=True, columns=120)
        t.expect("LEFT")
        t.finish()
        lines = [line for line in t.seen.replace("\r\n", "\n").split("\n") if line]
        check("list at a 120-column terminal: every line fits in 119 columns",
              len(lines) == 2 and all(len(line) <= 119 for line in lines), t.seen)
        check("list at a 120-column terminal: the environments cut with an ellipsis",
              "\u2026" in lines[-1] and host not in lines[-1], t.seen)
        piped = subprocess.run([binary, "list", "--now", NOW], env=dict(os.environ, **env), capture_output=True,
                               text=True)
        check("list through a pipe: whole values", host + " +1" in piped.stdout, piped.stdout)


def extend_request_asks(binary):
    """extend --request ID at a terminal asks for the days (with their range) and the justification, as create
    asks for what it lacks (issue 24, 28); without a terminal the same command is a usage error."""
    with tempfile.TemporaryDirectory() as folder:
        env = {"BACKUP_REQUEST_LEDGER": os.path.join(folder, "ledger.sqlite"), "BACKUP_REQUEST_NO_LEDGER": "0"}
        run_env = dict(os.environ, **env)
        subprocess.run([binary, "create", "--at", "now-2h", "-e", "acme-prd.outsystemsenterprise.com", "-j",
                        " ".join(REASON), "-q", "--now", NOW], env=run_env, stdout=subprocess.DEVNULL, check=True)
        listed = subprocess.run([binary, "list", "--format", "ndjson", "--now", NOW], env=run_env,
                                capture_output=True, text=True)
        request = json.loads(listed.stdout)["id"]
        subprocess.run([binary, "mark", request, "submitted", "--case", "01234567", "-q", "--now", NOW], env=run_env,
                       check=True)
        subprocess.run([binary, "mark", request, "delivered", "-q", "--now", NOW], env=run_env, check=True)
        t = Terminal(binary, ["extend", "--request", request], env_extra=env)
        t.expect("Extra days of access (1 to 7): ")
        t.type("9")
        t.expect("from 1 to 7")
        t.expect("Extra days of access (1 to 7): ")
        t.type("2")
        t.expect("Why access is still needed")
        t.expect("> ")
        t.type("The reconciliation of the 1,200 overwritten orders is half done; finance needs two more days.")
        t.expect("> ")
        t.type("")
        t.expect("Write this request? [y/N] ")
        t.type("y")
        code, out = t.finish()
        check("extend --request at a terminal: exit 0", code == 0, f"{code}\n{t.seen}")
        try:
            payload = json.loads(out)
        except ValueError:
            check("extend --request at a terminal: a payload", False, f"stdout is not JSON: {out!r}")
            return
        check("extend --request at a terminal: the days asked", payload.get("extension_days") == 2, payload)
        piped = subprocess.run([binary, "extend", "--request", request, "--now", NOW], env=run_env,
                               capture_output=True, text=True, stdin=subprocess.DEVNULL)
        check("extend --request without a terminal: a usage error", piped.returncode == 2 and
              "missing --days" in piped.stderr, piped.stderr)


def prompt_asks_which_zone(binary):
    """A wall time without a zone at the prompt (issue 25): instead of an error, the two readings (UTC and this
    machine's zone, here TZ=Europe/Berlin) in UTC; an answer that is neither gets the error naming the machine's
    zone and the question again; the echo shows what was read; the payload holds the chosen instant."""
    t = Terminal(binary, ["create", "--env", "acme-prd.outsystemsenterprise.com", "--justification",
                          " ".join(REASON)], env_extra={"TZ": "Europe/Berlin"})
    t.expect("yesterday 14:30, today 9am, friday 9:00")
    t.expect("Point in time: ")
    t.type("yesterday 14:30")
    t.expect("'yesterday 14:30' has no time zone. Which did you mean?")
    t.expect("1) 2026-11-19T14:30:00Z  (yesterday 14:30 UTC)")
    t.expect("2) 2026-11-19T13:30:00Z  (yesterday 14:30 in Europe/Berlin, this machine's zone)")
    t.expect("1 or 2: ")
    t.type("3")
    t.expect("or give --timezone Europe/Berlin (this machine's zone)")
    t.expect("Point in time: ")
    t.type("yesterday 14:30")
    t.expect("1 or 2: ")
    t.type("2")
    t.expect('note: "yesterday 14:30 Europe/Berlin" (Europe/Berlin) read as 2026-11-19T13:30:00Z, Thursday 19 November, 14:30 CET')
    t.expect("Write this request? [y/N] ")
    t.type("y")
    code, out = t.finish()
    check("prompt asks which zone: exit 0", code == 0, f"{code}\n{t.seen}")
    try:
        payload = json.loads(out)
    except ValueError:
        check("prompt asks which zone: a payload", False, f"stdout is not JSON: {out!r}")
        return
    check("prompt asks which zone: the chosen instant", payload["point_in_time"] == "2026-11-19T13:30:00Z", payload)


def main(binary):
    for scenario in (guided_intake, declined, input_ends, no_input, window_colours, progress, ledger_list_colours,
                     ledger_list_width, extend_request_asks, prompt_asks_which_zone):
        try:
            scenario(binary)
        except AssertionError as error:
            failures.append(f"{scenario.__name__}: {error}")
    for failure in failures:
        print("FAILED", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
