#!/usr/bin/env python3
"""`backup-request submit` and `create --submit` against the seven trackers' loopback stand-ins
(fake_trackers.py): in every scenario exactly one ticket on the server, the right exit code, the right words,
and the ledger's record and attempts as they must be.

    submit_test.py BINARY
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_trackers import APIS, REFUSAL_TEXT, TOKEN, USER, FakeTracker  # noqa: E402
from test_ca import make_ca_and_certificate  # noqa: E402

BINARY = sys.argv[1]
failures = []
NOW = "2026-11-20T12:00:00Z"

SECRET_VARIABLE = {"jira": "JIRA_API_TOKEN", "jira-server": "JIRA_API_TOKEN", "github": "GH_TOKEN",
                   "gitlab": "GITLAB_TOKEN", "zendesk": "ZENDESK_API_TOKEN", "servicenow": "SERVICENOW_PASSWORD",
                   "redmine": "REDMINE_API_KEY"}


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL: " + what, flush=True)


class Run:
    def __init__(self, tracker, fake, folder):
        self.tracker, self.fake, self.folder = tracker, fake, folder
        self.ledger = os.path.join(folder, "ledger.sqlite")
        self.env = {k: v for k, v in os.environ.items()
                    if not k.endswith("_TOKEN") and not k.startswith("BACKUP_REQUEST") and k not in (
                        "JIRA_USER", "ZENDESK_EMAIL", "SERVICENOW_USER", "SERVICENOW_PASSWORD", "REDMINE_API_KEY")}
        self.env.update({"XDG_CONFIG_HOME": folder, "NO_PROXY": "*", "TZ": "UTC",
                         SECRET_VARIABLE[tracker]: TOKEN, "JIRA_USER": USER, "ZENDESK_EMAIL": USER,
                         "SERVICENOW_USER": USER})
        for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
            self.env.pop(proxy, None)

    def tracker_flags(self):
        t = self.tracker
        flags = ["--" + t + "-url", self.fake.base_url()]
        if t in ("jira", "jira-server"):
            flags += ["--jira-project", "OPS"]
        if t in ("github", "gitlab"):
            flags += ["--" + t + "-project", "acme/ops"]
        if t == "redmine":
            flags += ["--redmine-project", "ops"]
        return flags

    def run(self, args, timeout=60):
        result = subprocess.run([BINARY] + args, env=self.env, capture_output=True, text=True, timeout=timeout)
        return result.returncode, result.stdout, result.stderr

    def create(self, extra=()):
        return self.run(["create", "--at", "2026-11-20T10:00:00Z", "--env", "acme-prd.outsystemsenterprise.com",
                         "-j", "A faulty migration overwrote 1,200 delivery addresses; we need them back.",
                         "--now", NOW, "--ledger", self.ledger] + list(extra))

    def submit(self, request_id, extra=()):
        return self.run(["submit", request_id, "--to", self.tracker, "--ledger", self.ledger, "--now", NOW,
                         "--timeout", "3"] + self.tracker_flags() + list(extra))

    def record(self, request_id):
        code, out, _ = self.run(["show", request_id, "--format", "json", "--ledger", self.ledger, "--now", NOW])
        return json.loads(out) if code == 0 else {}

    def attempts(self, request_id):
        with sqlite3.connect(self.ledger) as db:
            return [row[0] for row in db.execute(
                "SELECT outcome FROM submissions WHERE request_id = ? ORDER BY seq", (request_id,))]


def recorded_id(stderr):
    for line in stderr.splitlines():
        if line.startswith("recorded as "):
            return line.split()[2]
    return None


def scenario(tracker, name, body):
    fake = FakeTracker(tracker)
    with tempfile.TemporaryDirectory() as folder:
        run = Run(tracker, fake, folder)
        code, _, err = run.create()
        request_id = recorded_id(err)
        check(code == 0 and request_id, "%s/%s: create recorded the request (%d, %s)" % (tracker, name, code, err))
        try:
            body(run, fake, request_id, "%s/%s" % (tracker, name))
        finally:
            fake.close()
        check(fake.problems == [], "%s/%s: the API's rules kept: %r" % (tracker, name, fake.problems))


def url_of(fake, number):
    item = fake.tickets[number - 1]
    t = fake.tracker
    base = fake.base_url()
    if t in ("jira", "jira-server"):
        return base + "/browse/" + item["key"]
    if t == "github":
        return item["html_url"]
    if t == "gitlab":
        return item["web_url"]
    if t == "zendesk":
        return base + "/agent/tickets/%d" % item["id"]
    if t == "servicenow":
        return base + "/nav_to.do?uri=incident.do%3Fsys_id%3D" + item["sys_id"]
    return base + "/issues/%d" % item["id"]


def plain(run, fake, rid, where):
    code, out, err = run.submit(rid)
    check(code == 0, "%s: exit 0 (%d: %s)" % (where, code, err))
    check(len(fake.tickets) == 1, "%s: one ticket (%d)" % (where, len(fake.tickets)))
    if fake.tickets:
        check(out == url_of(fake, 1) + "\n", "%s: stdout is the URL (%r)" % (where, out))
    check(run.attempts(rid) == ["created"], "%s: attempts %r" % (where, run.attempts(rid)))
    record = run.record(rid)
    check(record.get("state") == "submitted", "%s: submitted (%r)" % (where, record.get("state")))
    # Again: nothing sent, the same address, a note.
    calls = len(fake.calls)
    code, out2, err = run.submit(rid, ["--format", "json"])
    check(code == 0 and len(fake.calls) == calls, "%s: a second run sends nothing (%d)" % (where, code))
    document = json.loads(out2) if out2 else {}
    check(document.get("url") == out.strip() and document.get("created") is False and document.get("id") == rid
          and document.get("tracker") == run.tracker, "%s: the second run's JSON %r" % (where, document))
    check("already has a ticket" in err, "%s: the note says so (%r)" % (where, err))
    check(len(fake.tickets) == 1, "%s: still one ticket" % where)


def rate_limited(run, fake, rid, where):
    fake.faults = ["429"]
    code, _, err = run.submit(rid)
    check(code == 0, "%s: exit 0 after waiting (%d: %s)" % (where, code, err))
    check(len(fake.tickets) == 1, "%s: one ticket (%d)" % (where, len(fake.tickets)))
    check(fake.calls.count(("POST", APIS[run.tracker][0])) == 2, "%s: sent twice, 429 first" % where)


def server_error_then_success(run, fake, rid, where):
    # A 500 before anything was made, and a 502 from a proxy after the ticket was: each followed by a search.
    for fault in ("500", "500-after-create"):
        fake.faults = [fault]
        before = len(fake.tickets)
        code, _, err = run.submit(rid, ["--again"] if before else [])
        check(code == 0, "%s/%s: exit 0 (%d: %s)" % (where, fault, code, err))
        check(len(fake.tickets) == before + 1, "%s/%s: one ticket more (%d)" % (where, fault, len(fake.tickets)))
    check(run.attempts(rid) == ["unknown", "created", "unknown", "adopted"],
          "%s: attempts %r" % (where, run.attempts(rid)))


def dropped_after_create(run, fake, rid, where):
    fake.faults = ["drop-after-create"]
    code, out, err = run.submit(rid)
    check(code == 0, "%s: exit 0 (%d: %s)" % (where, code, err))
    check(len(fake.tickets) == 1, "%s: one ticket (%d)" % (where, len(fake.tickets)))
    check("earlier attempt opened" in err, "%s: it says it found it (%r)" % (where, err))
    if fake.tickets:
        check(out == url_of(fake, 1) + "\n", "%s: stdout is the found URL (%r)" % (where, out))


def slower_than_timeout(run, fake, rid, where):
    fake.faults = ["slow-after-create"]
    code, _, err = run.submit(rid)
    check(code == 5, "%s: exit 5 when the answer never came (%d: %s)" % (where, code, err))
    check("may or may not" in err and "asks" in err, "%s: says run it again (%r)" % (where, err))
    check(run.record(rid).get("state") == "written", "%s: the record is unchanged" % where)
    check(run.attempts(rid) == ["unknown"], "%s: attempts %r" % (where, run.attempts(rid)))
    code, _, err = run.submit(rid)
    check(code == 0, "%s: the re-run adopts it (%d: %s)" % (where, code, err))
    check(len(fake.tickets) == 1, "%s: one ticket (%d)" % (where, len(fake.tickets)))
    check(run.attempts(rid) == ["unknown", "adopted"], "%s: attempts %r" % (where, run.attempts(rid)))


def unauthorized(run, fake, rid, where):
    fake.faults = ["401"]
    code, _, err = run.submit(rid)
    check(code == 5, "%s: exit 5 (%d)" % (where, code))
    check(SECRET_VARIABLE[run.tracker] in err and "HTTP 401" in err, "%s: names the variable (%r)" % (where, err))
    check(len(fake.tickets) == 0, "%s: no ticket" % where)
    check(run.record(rid).get("state") == "written", "%s: the record is unchanged" % where)
    check(run.attempts(rid) == ["refused"], "%s: attempts %r" % (where, run.attempts(rid)))


def refused(run, fake, rid, where):
    fake.faults = ["refuse"]
    code, _, err = run.submit(rid)
    check(code == 5, "%s: exit 5 (%d)" % (where, code))
    check(REFUSAL_TEXT[run.tracker] in err, "%s: the tracker's own words (%r)" % (where, err))
    if run.tracker.startswith("jira"):
        check("--jira-field customfield_10010=VALUE" in err, "%s: names the flag that sets the field (%r)" % (where, err))
    check(len(fake.tickets) == 0, "%s: no ticket" % where)
    # Fixed, then sent again: the refusal opened nothing, so no search is needed.
    code, _, err = run.submit(rid)
    check(code == 0 and len(fake.tickets) == 1, "%s: the next run opens one (%d: %s)" % (where, code, err))


def create_submit(tracker):
    fake = FakeTracker(tracker)
    with tempfile.TemporaryDirectory() as folder:
        run = Run(tracker, fake, folder)
        code, out, err = run.create(["--submit", tracker, "--timeout", "3"] + run.tracker_flags())
        where = "%s/create --submit" % tracker
        check(code == 0, "%s: exit 0 (%d: %s)" % (where, code, err))
        check(json.loads(out).get("request_type") == "database-backup-access", "%s: the case on stdout" % where)
        check(len(fake.tickets) == 1, "%s: one ticket" % where)
        rid = recorded_id(err)
        if fake.tickets:
            check(url_of(fake, 1) in err, "%s: the URL on stderr (%r)" % (where, err))
        check(run.record(rid).get("state") == "submitted", "%s: submitted" % where)
        # The tracker down: the case is still written and recorded, exit 5.
        fake.close()
        code, out, err = run.create(["--submit", tracker, "--timeout", "3"] + run.tracker_flags())
        check(code == 5 and json.loads(out).get("request_type") == "database-backup-access",
              "%s: unreachable: the case written, exit 5 (%d: %s)" % (where, code, err))
        check("could not reach" in err and "nothing was sent" in err, "%s: why (%r)" % (where, err))


UNDER_WINE = BINARY.endswith("-emulated")


def tls(tracker):
    # A server whose certificate a CA made here signed: refused without --ca-file (nothing sent, the attempt
    # not sent), accepted with it. Under Wine, Schannel accepts any certificate when no CA file is named (Wine
    # does not check the chain; Windows does), so there the refusal is proven with another CA's file, which
    # curl checks the chain against itself.
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as other:
        make_ca_and_certificate(folder)
        fake = FakeTracker(tracker, folder, "localhost" if UNDER_WINE else "127.0.0.1")
        try:
            run = Run(tracker, fake, folder)
            code, _, err = run.create()
            rid = recorded_id(err)
            where = "%s/tls" % tracker
            if UNDER_WINE:
                make_ca_and_certificate(other)
                code, _, err = run.submit(rid, ["--ca-file", other + "/ca.pem"])
            else:
                code, _, err = run.submit(rid)
            check(code == 5 and "--ca-file" in err and "nothing was sent" in err,
                  "%s: refused without its CA (%d: %s)" % (where, code, err))
            check(run.attempts(rid) == ["not-sent"] and not fake.calls, "%s: nothing reached it" % where)
            code, out, err = run.submit(rid, ["--ca-file", folder + "/ca.pem"])
            check(code == 0 and out.startswith("http") and len(fake.tickets) == 1,
                  "%s: accepted with --ca-file (%d: %s)" % (where, code, err))
            check(fake.problems == [], "%s: the API's rules kept: %r" % (where, fake.problems))
        finally:
            fake.close()


SCENARIOS = [("plain", plain), ("429", rate_limited), ("5xx", server_error_then_success),
             ("dropped", dropped_after_create), ("slow", slower_than_timeout), ("401", unauthorized),
             ("refused", refused)]

only = sys.argv[2:] or list(APIS)
if only == ["tls"]:  # the TLS scenario alone, for a quick look
    tls("github")
    sys.exit(1 if failures else 0)
for tracker in only:
    for name, body in SCENARIOS:
        scenario(tracker, name, body)
    create_submit(tracker)
    if tracker == "github":
        tls(tracker)

if failures:
    print("%d failure(s)" % len(failures))
    sys.exit(1)
print("all submit scenarios passed for " + ", ".join(only))
