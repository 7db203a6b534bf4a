#!/usr/bin/env python3
"""Runs `create` and `extend` with every tracker --format, the way a script would pipe them to curl, and checks
each body against what the trackers publish: Jira Cloud's description against Atlassian's own ADF JSON Schema,
GitHub's body against the create-issue request schema of GitHub's own OpenAPI description,
the iCalendar file with the icalendar parser, the HTML for Zendesk with Python's HTML parser; titles within each
tracker's limit and cut at a character boundary; hostile user text literal everywhere; a body too long refused.

    check_trackers.py BINARY ADF_SCHEMA GITHUB_CREATE_ISSUE_SCHEMA [--docs docs/ticketing.md]

With --docs, also runs the `backup-request …` part of every curl line in docs/ticketing.md (with a valid
draft.json) and checks each body as the trackers' own bodies are checked above.
"""
import datetime
import html.parser
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

import icalendar
import jsonschema

NOW = "2026-11-20T12:00:00Z"
HOSTILE = ("A failed deployment at 14:05 UTC deleted *3,000* _invoices_ {code}x{code} |a|b| [x](https://evil.example) "
           "<script>alert(1)</script> @here {\"type\":\"doc\"} \\\\ h1. heading\n\n# not a heading\n- not a list")
failures = []


def check(name, condition, detail=""):
    if not condition:
        failures.append(f"{name}: {detail}"[:2000])


def run(binary, args, expect=0):
    env = {k: v for k, v in os.environ.items() if not k.startswith("BACKUP_REQUEST_")}
    env.update({"BACKUP_REQUEST_NOW": NOW, "HOME": "/nonexistent", "XDG_CONFIG_HOME": "/nonexistent"})
    result = subprocess.run([binary] + args, capture_output=True, env=env, check=False)
    check(f"{' '.join(args[:4])} exit", result.returncode == expect,
          f"exit {result.returncode}, expected {expect}: {result.stderr.decode(errors='replace')}")
    return result


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def requests():
    create = ["create", "--at", "2026-11-19T14:30:00Z", "-e", "acme-prd.outsystemsenterprise.com", "-j", HOSTILE,
              "--reference", "INC-4711"]
    extend = ["extend", "--case", "00123", "--delivered-at", "2026-11-18T09:00:00Z", "--days", "3", "-j", HOSTILE]
    # The deadlines: the point leaves the 15-day window; access ends 7 days after delivery.
    return [(create, "2026-12-04T14:30:00Z"), (extend, "2026-11-25T09:00:00Z")]


# The fields each documented body must have, and the response field the page names.
DOCUMENTED = {
    "jira": lambda b: {"project", "summary", "issuetype", "description", "duedate"} <= set(b["fields"]),
    "jira-server": lambda b: "{noformat}" in b["fields"]["description"],
    "github": lambda b: {"title", "body"} <= set(b),
    "gitlab": lambda b: {"title", "description", "due_date"} <= set(b),
    "zendesk": lambda b: {"subject", "comment"} <= set(b["ticket"]),
    "servicenow": lambda b: {"short_description", "description", "due_date"} <= set(b),
    "redmine": lambda b: {"project_id", "subject", "description", "due_date"} <= set(b["issue"]),
}


def adf_texts(node):
    if isinstance(node, dict):
        yield from ([node["text"]] if node.get("type") == "text" else [])
        for child in node.get("content", []):
            yield from adf_texts(child)


def check_documented_lines(binary, docs, adf, github_validator):
    text = open(docs, encoding="utf-8").read()
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    commands = []
    for block in blocks:
        joined = block.replace("\\\n", " ")
        for line in joined.split("\n"):
            if line.startswith("backup-request ") and "--format " in line:  # the body lines, not submit
                commands.append(line.split("|")[0].strip())
    formats = [c.split("--format ")[1].split()[0] for c in commands]
    check("docs: a line per tracker", sorted(formats) == sorted(DOCUMENTED), formats)
    with tempfile.TemporaryDirectory() as folder:
        draft = os.path.join(folder, "draft.json")
        with open(draft, "w", encoding="utf-8") as f:
            json.dump({"point_in_time": "2026-11-19T14:30:00Z", "environments": ["acme-prd.outsystemsenterprise.com"],
                       "justification": HOSTILE, "reference": "INC-4711", "contact": "ops@acme.example"}, f)
        for command, tracker in zip(commands, formats):
            args = [draft if a == "draft.json" else a for a in shlex.split(command)[1:]]
            result = run(binary, args)
            try:
                body = json.loads(result.stdout)
            except ValueError:
                check(f"docs {tracker}: JSON", False, result.stdout[:200])
                continue
            check(f"docs {tracker}: the body's fields", DOCUMENTED[tracker](body), body)
            if tracker == "jira":
                errors = list(adf.iter_errors(body["fields"]["description"]))
                check("docs jira: ADF schema", not errors, "; ".join(e.message for e in errors[:3]))
            if tracker == "github":
                errors = list(github_validator.iter_errors(body))
                check("docs github: GitHub's schema", not errors, "; ".join(e.message for e in errors[:3]))


def main(binary, adf_schema_path, github_schema_path, docs=None):
    with open(adf_schema_path, encoding="utf-8") as f:
        adf = jsonschema.Draft4Validator(json.load(f))
    with open(github_schema_path, encoding="utf-8") as f:
        github_schema = json.load(f)
    github_validator = jsonschema.Draft4Validator(github_schema)
    settings = ["--jira-project", "OPS", "--jira-labels", "backup,incident", "--github-labels", "incident",
                "--gitlab-labels", "incident,backup", "--zendesk-type", "task", "--zendesk-tags", "backup",
                "--servicenow-urgency", "1", "--servicenow-impact", "2", "--redmine-project", "ops"]
    for request, deadline in requests():
        kind = request[0]
        day = deadline[:10]
        out = lambda fmt: json.loads(run(binary, request + settings + ["--format", fmt]).stdout)

        jira = out("jira")["fields"]
        errors = sorted(adf.iter_errors(jira["description"]), key=lambda e: e.path)
        check(f"{kind} jira: ADF schema", not errors, "; ".join(e.message for e in errors[:3]))
        check(f"{kind} jira: project", jira["project"] == {"key": "OPS"}, jira["project"])
        check(f"{kind} jira: duedate", jira["duedate"] == day, jira["duedate"])
        check(f"{kind} jira: labels", jira["labels"] == ["backup", "incident"], jira.get("labels"))
        check(f"{kind} jira: summary", 0 < len(jira["summary"]) <= 255, jira["summary"])
        texts = json.dumps(jira["description"])
        check(f"{kind} jira: user text in a text node", json.dumps("<script>alert(1)</script>")[1:-1] in texts, texts[:300])
        check(f"{kind} jira: structure", [n["type"] for n in jira["description"]["content"]][:2] == ["heading", "paragraph"])

        wiki = out("jira-server")["fields"]["description"]
        # The justification in a {noformat} block, line for line as typed, with a word joiner after each '{' so
        # that no "{noformat}" inside can end it; nothing else of the user's text outside it unescaped.
        literal = HOSTILE.replace("{", "{\u2060")
        check(f"{kind} jira-server: justification in noformat", "\n{noformat}\n" + literal + "\n{noformat}\n" in wiki,
              wiki[:600])
        outside = wiki.replace(literal, "")
        check(f"{kind} jira-server: no unescaped markup outside noformat",
              "h1." not in outside and "{code}" not in outside and "@here" not in outside, outside[:600])

        github = out("github")
        check(f"{kind} github: fields", set(github) == {"title", "body", "labels"}, list(github))
        errors = list(github_validator.iter_errors(github))
        check(f"{kind} github: GitHub's create-issue schema", not errors, "; ".join(e.message for e in errors[:3]))
        check(f"{kind} github: only fields GitHub knows", set(github) <= set(github_schema["properties"])
              and set(github_schema.get("required", [])) <= set(github), list(github))
        check(f"{kind} github: deadline in the body", deadline in github["body"], github["body"][:200])

        gitlab = out("gitlab")
        check(f"{kind} gitlab: due_date and labels", gitlab["due_date"] == day and gitlab["labels"] == "incident,backup",
              gitlab)

        ticket = out("zendesk")["ticket"]
        check(f"{kind} zendesk: due_at on a task", ticket.get("due_at") == deadline, ticket.get("due_at"))
        page = Text()
        page.feed(ticket["comment"]["html_body"])
        check(f"{kind} zendesk: no user markup", "script" not in page.tags and "a" not in page.tags, page.tags)
        check(f"{kind} zendesk: literal text", "<script>alert(1)</script> @here" in "".join(page.text))

        now = out("servicenow")
        check(f"{kind} servicenow: fields", now["urgency"] == "1" and now["impact"] == "2"
              and now["due_date"] == deadline.replace("T", " ")[:19] and len(now["short_description"]) <= 160, now)

        redmine = out("redmine")["issue"]
        check(f"{kind} redmine: fields", redmine["project_id"] == "ops" and redmine["due_date"] == day, redmine)

        raw = run(binary, request + ["--format", "ics"]).stdout
        check(f"{kind} ics: CRLF and 75 octets", all(len(line) <= 75 for line in raw.split(b"\r\n"))
              and b"\n" not in raw.replace(b"\r\n", b""), raw[:200])
        calendar = icalendar.Calendar.from_ical(raw)
        events = [c for c in calendar.walk("VEVENT")]
        check(f"{kind} ics: one event", len(events) == 1)
        start = events[0].decoded("DTSTART")
        check(f"{kind} ics: at the deadline",
              start == datetime.datetime.fromisoformat(deadline.replace("Z", "+00:00")), start)
        alarms = events[0].walk("VALARM")
        check(f"{kind} ics: a reminder a day ahead", len(alarms) == 1
              and alarms[0].decoded("TRIGGER") == -datetime.timedelta(days=1))
        check(f"{kind} ics: the text survives", "<script>alert(1)</script>" in str(events[0].get("DESCRIPTION")))

    # A tab in the justification stays a tab in every body: never the two characters "\t".
    tabbed = "Reconciling the 1,200 orders:\tstep one\tstep two; finance needs the restored tables today."
    base = ["create", "--at", "now-1h", "-e", "acme-prd.outsystemsenterprise.com", "-j", tabbed]
    texts = {
        "text": lambda out: out, "markdown": lambda out: out, "ics": lambda out: out.replace("\r\n ", ""),
        "jira": lambda out: json.dumps(json.loads(out)["fields"]["description"], ensure_ascii=False),
        "jira-server": lambda out: json.loads(out)["fields"]["description"],
        "github": lambda out: json.loads(out)["body"], "gitlab": lambda out: json.loads(out)["description"],
        "zendesk": lambda out: json.loads(out)["ticket"]["comment"]["html_body"],
        "servicenow": lambda out: json.loads(out)["description"],
        "redmine": lambda out: json.loads(out)["issue"]["description"],
    }
    for fmt, text_of in texts.items():
        out = run(binary, base + ["--format", fmt] + settings).stdout.decode()
        text = text_of(out)
        if fmt == "jira":  # the text nodes of the ADF document, where json.loads made the escape \t a tab again
            text = "\n".join(adf_texts(json.loads(out)["fields"]["description"]))
        check(f"{fmt}: a tab stays a tab", "orders:\tstep one\tstep two" in text.replace("\\;", ";"), text[:400])

    # Titles within limits, cut at a character boundary; a required setting missing; a body too long.
    long_ref = "INC-" + "\u00e9" * 190
    create = ["create", "--at", "now-1h", "-e", "acme-prd.outsystemsenterprise.com", "-j", HOSTILE, "--reference", long_ref]
    snow = json.loads(run(binary, create + ["--format", "servicenow"]).stdout)
    check("servicenow: title cut", len(snow["short_description"]) == 160 and snow["short_description"].endswith("\u2026"),
          snow["short_description"])
    missing = run(binary, create[:-2] + ["--format", "jira"], expect=2)
    check("jira without a project", b"--jira-project" in missing.stderr and b"[jira]" in missing.stderr, missing.stderr)
    huge = ("The restore is needed because " + "orders were lost; " * 210)[:3990]
    long_body = run(binary, ["create", "--at", "now-1h", "-e", "a.example.com", "-j", huge, "--format", "servicenow"], expect=1)
    check("servicenow: a body too long is refused", b"more than the 4000" in long_body.stderr and not long_body.stdout,
          long_body.stderr)

    if docs:
        check_documented_lines(binary, docs, adf, github_validator)

    for failure in failures:
        print("FAIL " + failure)
    if not failures:
        print("every tracker body checked for both request kinds")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[5] if sys.argv[4:5] == ["--docs"] else None))
