#!/usr/bin/env python3
"""GitHub's own description of "create an issue" (@octokit/openapi) served by Prism with request validation
on, on 127.0.0.1: `create --submit github` is accepted by it, and a body broken on purpose is refused with
Prism's 422, so the validation is known to bite. Prism and the description come from
scripts/fetch-test-data.sh.

    prism_test.py BINARY PRISM OPENAPI
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

BINARY, PRISM, OPENAPI = sys.argv[1:4]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL: " + what, flush=True)


def start_prism(log):
    for port in range(43011, 43061):
        server = subprocess.Popen([PRISM, "mock", "-h", "127.0.0.1", "-p", str(port), "--errors", OPENAPI],
                                  stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline and server.poll() is None:
            with open(log.name, encoding="utf-8", errors="replace") as text:
                if "Prism is listening" in text.read():
                    return server, port
            time.sleep(0.2)
        server.kill()
        server.wait()
    raise SystemExit("Prism did not start: " + open(log.name, encoding="utf-8", errors="replace").read())


def post(port, body):
    request = urllib.request.Request("http://127.0.0.1:%d/repos/acme/ops/issues" % port, data=body.encode(),
                                     method="POST", headers={"Content-Type": "application/json",
                                                             "Accept": "application/vnd.github+json, application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


with tempfile.TemporaryDirectory() as folder, open(os.path.join(folder, "prism.log"), "w") as log:
    server, port = start_prism(log)
    try:
        # The validation bites: no title (required), a label that is neither a string nor an object.
        status, _ = post(port, json.dumps({"body": "b", "labels": [7]}))
        check(status == 422, "a broken body gets Prism's 422 (got %d)" % status)
        status, _ = post(port, json.dumps({"title": "T", "body": "b", "labels": ["backup-request-x"]}))
        check(status == 201, "a minimal valid body gets 201 (got %d)" % status)

        env = {k: v for k, v in os.environ.items() if not k.startswith("BACKUP_REQUEST") and "PROXY" not in k.upper()}
        env.update({"GH_TOKEN": "ghp_test", "XDG_CONFIG_HOME": folder, "TZ": "UTC"})
        ledger = os.path.join(folder, "ledger.sqlite")
        result = subprocess.run(
            [BINARY, "create", "--at", "2026-11-20T10:00:00Z", "--env", "acme-prd.outsystemsenterprise.com",
             "--reference", "INC-4711", "--now", "2026-11-20T12:00:00Z", "--ledger", ledger,
             "-j", "A faulty data migration deployed at 09:55 UTC overwrote the delivery addresses of 1,200 open "
                   "orders; shipping is blocked. We need the Orders table as it was at 09:50 UTC.",
             "--github-labels", "backup,restore", "--github-assignees", "octocat",
             "--submit", "github", "--github-url", "http://127.0.0.1:%d" % port, "--github-project", "acme/ops"],
            env=env, capture_output=True, text=True, timeout=120)
        check(result.returncode == 0, "create --submit github: exit 0 (%d: %s)" % (result.returncode, result.stderr))
        # Prism answers with the description's example issue.
        check(re.search(r"https://github\.com/octocat/Hello-World/issues/1347$", result.stderr, re.M) is not None,
              "the example issue's URL on stderr (%r)" % result.stderr)
        with open(log.name, encoding="utf-8", errors="replace") as text:
            validated = text.read()
        check("The request passed the validation rules" in validated, "Prism validated submit's request")
    finally:
        server.kill()
        server.wait()

if failures:
    sys.exit(1)
print("prism_test: GitHub's description accepts submit's request, and refuses a broken one")
