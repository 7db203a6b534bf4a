#!/usr/bin/env bash
# A real tracker: Debian's Redmine (with SQLite) started on 127.0.0.1, its REST API enabled; the
# `--format redmine` bodies of both request kinds are POSTed to it with curl, as a script would, and the
# issues it created are read back and compared field by field. Then, under each of Redmine's text formatters
# (textile, its default, and common_mark), a hostile justification is posted and the issue's page is read
# as a visitor sees it: Redmine's own renderer must have made no image, link or heading of the user's text,
# and shown it as typed.
#   scripts/check-redmine.sh [BINARY]      BINARY defaults to build/backup-request; run as root (CI does)
set -euo pipefail
cd "$(dirname "$0")/.."
BR=$(realpath "${1:-build/backup-request}")
server_script=$(realpath scripts/redmine_server.rb)
docs=$(realpath docs/ticketing.md)
port=39311

if ! dpkg-query -W -f='${Status}' redmine-sqlite 2>/dev/null | grep -q 'install ok installed'; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends redmine redmine-sqlite curl jq >&2 ||
    { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends redmine redmine-sqlite curl jq >&2; }
fi

work=$(mktemp -d)
cd /usr/share/redmine
key=$(RAILS_ENV=production bin/rails runner '
  Setting.rest_api_enabled = "1"
  Project.find_by(identifier: "backup-request-ci") ||
    Project.create!(name: "backup-request CI", identifier: "backup-request-ci", is_public: true,
                    tracker_ids: Tracker.pluck(:id))
  puts User.find_by_login("admin").api_key' 2>/dev/null | tail -n1)
ruby "$server_script" "$port" >"$work/server.log" 2>&1 &
server=$!
stop() {
  local status=$?
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$work"
  exit "$status"
}
trap stop EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/projects/backup-request-ci.json" -H "X-Redmine-API-Key: $key" >/dev/null && break
  sleep 1
done
if ! curl -sf "http://127.0.0.1:$port/projects/backup-request-ci.json" -H "X-Redmine-API-Key: $key" >/dev/null; then
  echo "FAIL: Redmine did not answer on 127.0.0.1:$port"
  cat "$work/server.log"
  exit 1
fi
cd "$work"

failed=0
post() { # name, then the backup-request arguments
  local name=$1
  shift
  "$BR" "$@" --format redmine --redmine-project backup-request-ci --redmine-tracker 3 --redmine-priority 3 \
    --redmine-text-formatting "$formatting" >"$name.body.json"
  local code
  code=$(curl -s -o "$name.created.json" -w '%{http_code}' -H "X-Redmine-API-Key: $key" \
    -H 'Content-Type: application/json' --data @"$name.body.json" "http://127.0.0.1:$port/issues.json")
  if [ "$code" != 201 ]; then
    echo "FAIL $name: Redmine answered $code: $(cat "$name.created.json")"
    failed=1
    return
  fi
  local id
  id=$(jq -r .issue.id "$name.created.json")
  curl -sf -H "X-Redmine-API-Key: $key" "http://127.0.0.1:$port/issues/$id.json" >"$name.read.json"
  # What Redmine stored is what was sent: subject, description (line breaks as CRLF or LF), due date,
  # project, tracker, priority.
  if ! jq -e --slurpfile sent "$name.body.json" '
      .issue as $got | $sent[0].issue as $want
      | $got.subject == $want.subject
        and ($got.description | gsub("\r"; "")) == $want.description
        and $got.due_date == $want.due_date
        and $got.project.name == "backup-request CI"
        and $got.tracker.id == 3 and $got.priority.id == 3' "$name.read.json" >/dev/null; then
    echo "FAIL $name: the issue Redmine stored differs from the body sent"
    jq -c '.issue | {subject, due_date, project, tracker, priority}' "$name.read.json"
    failed=1
    return
  fi
  echo "ok $name: Redmine issue #$id holds the subject, description, due date, tracker and priority sent"
  last_id=$id
}

# The issue's page, as an anonymous visitor of the public project sees it: the description's HTML holds no
# <img>, <a> or heading, and every line of the justification is shown as typed.
rendered() { # name, issue id, the justification
  curl -sf "http://127.0.0.1:$port/issues/$2" >"$1.page.html"
  if python3 - "$1.page.html" "$3" <<'PY'; then
import html.parser, sys
page, justification = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
class Description(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.tags, self.text = 0, [], []
    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += tag == "div"
            self.tags.append(tag)
        elif tag == "div" and ("class", "wiki") in attrs and not self.text:
            self.depth = 1
    def handle_endtag(self, tag):
        if self.depth and tag == "div":
            self.depth -= 1
    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
start = page.index('<div class="description">')
parser = Description()
parser.feed(page[start:])
text = "".join(parser.text).replace("\u2060", "")
bad = sorted({t for t in parser.tags if t in ("img", "a", "h1", "h2", "h3", "h4", "h5", "h6", "script")})
missing = [line for line in justification.split("\n") if line.replace("\t", "    ") not in text.replace("\t", "    ")]
if bad or missing:
    print("tags:", bad, "lines not shown as typed:", missing)
    sys.exit(1)
PY
    echo "ok $1: Redmine's $formatting renderer shows the justification as typed, no image, link or heading"
  else
    echo "FAIL $1: Redmine's $formatting renderer made markup of the user's text"
    failed=1
  fi
}

set_formatting() {
  formatting=$1
  (cd /usr/share/redmine && RAILS_ENV=production bin/rails runner "Setting.text_formatting = '$1'" >/dev/null 2>&1)
}

J='A failed deployment at 14:05 UTC deleted 3,000 invoices; finance cannot close the month. We need the Invoice table *as it was* at 14:00 UTC. <b>not bold</b> @here'
set_formatting textile
post create create --at now-2h -e acme-prd.outsystemsenterprise.com -j "$J" --reference INC-4711
post extend extend --case 00123 --delivered-at now-2d --days 3 \
  -j 'Reconciling the 1,200 affected orders against the restored tables takes longer than planned; finance needs three more days.'

# Textile and CommonMark markup, an issue reference to an issue that exists (#1), macros, HTML and the end of
# the block each formatter's literal block uses.
H=$(printf '%s\n' \
  'A failed deployment at 14:05 UTC deleted 3,000 invoices; finance cannot close the month without them.' \
  '!http://evil.example/pixel.png! "sign in again":http://evil.example/login *bold* -struck- @code@' \
  'h1. heading' 'bq. quote' '# not a list' '* not a list' '==raw== <notextile>x</notextile> {{toc}} [[Wiki]]' \
  '</pre> <img src="http://evil.example/p.png"> <a href="http://evil.example">y</a> <script>x</script>' \
  '![img](http://evil.example/x.png) [link](http://evil.example) <http://evil.example> # heading' \
  '``` ~~~ `code` see #1, r1, commit:abc, user@evil.example, http://evil.example/raw' \
  $'a\ttab, &lt;b&gt; &copy;')
for formatting in textile common_mark; do
  set_formatting "$formatting"
  post "hostile-$formatting" create --at now-2h -e acme-prd.outsystemsenterprise.com -j "$H" --reference INC-4712
  [ -n "${last_id:-}" ] && rendered "hostile-$formatting" "$last_id" "$H"
  last_id=
done
set_formatting textile

# The line docs/ticketing.md gives for Redmine, run as written (the project id and backup-request's path
# put in): it must print the new issue's id.
line=$(python3 -c '
import re, sys
for block in re.findall(r"```sh\n(.*?)```", open(sys.argv[1], encoding="utf-8").read(), re.S):
    if "--format redmine" in block:
        print(block.strip())' "$docs")
"$BR" create --at now-2h -e acme-prd.outsystemsenterprise.com --reference INC-4713 \
  -j 'A failed deployment at 14:05 UTC deleted 3,000 invoices; finance cannot close the month without them.' \
  >draft.json
documented=$(BACKUP_REQUEST_BINARY="$BR" REDMINE_URL="http://127.0.0.1:$port" REDMINE_API_KEY="$key" bash -c "
  backup-request() { \"\$BACKUP_REQUEST_BINARY\" \"\$@\"; }
  set -o pipefail
  ${line//--redmine-project ops/--redmine-project backup-request-ci}")
if [[ "$documented" =~ ^[0-9]+$ ]] &&
  curl -sf -H "X-Redmine-API-Key: $key" "http://127.0.0.1:$port/issues/$documented.json" | jq -e '.issue.subject | test("INC-4713")' >/dev/null; then
  echo "ok docs/ticketing.md: the documented Redmine line made issue #$documented"
else
  echo "FAIL docs/ticketing.md: the documented Redmine line printed '$documented'"
  failed=1
fi
# create --submit redmine, as a user would, against this server: the issue is opened once, and stays one
# after a re-run, after an answer that was "lost" (the attempt's outcome made unknown in the ledger, so the
# next run must find the issue by its marker instead of opening another), and after a refused key.
ledger="$work/submit.sqlite"
marked_count() { # the number of issues Redmine finds with request $1's marker
  curl -sf -H "X-Redmine-API-Key: $key" -G "http://127.0.0.1:$port/issues.json" --data-urlencode project_id=backup-request-ci \
    --data-urlencode 'status_id=*' --data-urlencode set_filter=1 --data-urlencode 'f[]=description' \
    --data-urlencode 'op[description]=~' --data-urlencode "v[description][]=backup-request-$1" | jq .total_count
}
submit_flags=(--redmine-url "http://127.0.0.1:$port" --redmine-project backup-request-ci --redmine-tracker 3
  --redmine-priority 3 --ledger "$ledger")
expect_one() { # scenario, request id, exit code, expected code, stdout/stderr text, the URL expected in it
  local count
  count=$(marked_count "$2")
  if [ "$3" = "$4" ] && [ "$count" = 1 ] && [[ "$5" == *"$6"* ]]; then
    echo "ok submit $1: exit $3, one issue on the server ($6)"
  else
    echo "FAIL submit $1: exit $3 (want $4), $count issue(s) with the marker, output: $5"
    failed=1
  fi
}
out=$(REDMINE_API_KEY="$key" "$BR" create --at now-2h -e acme-prd.outsystemsenterprise.com --reference INC-4714 \
  -j 'A failed deployment at 14:05 UTC deleted 3,000 invoices; finance cannot close the month without them.' \
  --submit redmine "${submit_flags[@]}" 2>&1 >/dev/null) && code=0 || code=$?
rid=$(sed -n 's/^recorded as \([a-z0-9]*\).*/\1/p' <<<"$out")
issue=$(sed -n 's|.*\(http://127.0.0.1:[0-9]*/issues/[0-9]*\)$|\1|p' <<<"$out")
expect_one "create --submit" "$rid" "$code" 0 "$out" "${issue:-no issue URL}"
out=$(REDMINE_API_KEY="$key" "$BR" submit "$rid" --to redmine "${submit_flags[@]}" 2>&1) && code=0 || code=$?
expect_one "again" "$rid" "$code" 0 "$out" "already has a ticket"
python3 - "$ledger" "$rid" <<'PY'
import sqlite3, sys
with sqlite3.connect(sys.argv[1]) as db:
    db.execute("UPDATE submissions SET outcome = 'unknown', ticket = NULL, url = NULL WHERE request_id = ?", (sys.argv[2],))
    db.execute("UPDATE requests SET state = 'written', ticket = NULL WHERE id = ?", (sys.argv[2],))
    db.execute("DELETE FROM events WHERE request_id = ? AND state = 'submitted'", (sys.argv[2],))
PY
out=$(REDMINE_API_KEY="$key" "$BR" submit "$rid" --to redmine "${submit_flags[@]}" 2>&1) && code=0 || code=$?
expect_one "after a lost answer" "$rid" "$code" 0 "$out" "${issue:-no issue URL}"
[[ "$out" == *"earlier attempt opened"* ]] || { echo "FAIL submit after a lost answer: not adopted: $out"; failed=1; }
out=$(REDMINE_API_KEY=wrong-key "$BR" submit "$rid" --to redmine --again "${submit_flags[@]}" 2>&1) && code=0 || code=$?
expect_one "with a refused key" "$rid" "$code" 5 "$out" "REDMINE_API_KEY"
exit "$failed"
