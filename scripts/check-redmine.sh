#!/usr/bin/env bash
# A real tracker: Debian's Redmine (with SQLite) started on 127.0.0.1, its REST API enabled; the
# `--format redmine` bodies of both request kinds are POSTed to it with curl, as a script would, and the
# issues it created are read back and compared field by field.
#   scripts/check-redmine.sh [BINARY]      BINARY defaults to build/backup-request; run as root (CI does)
set -euo pipefail
cd "$(dirname "$0")/.."
BR=$(realpath "${1:-build/backup-request}")
server_script=$(realpath scripts/redmine_server.rb)
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
    >"$name.body.json"
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
}

J='A failed deployment at 14:05 UTC deleted 3,000 invoices; finance cannot close the month. We need the Invoice table *as it was* at 14:00 UTC. <b>not bold</b> @here'
post create create --at now-2h -e acme-prd.outsystemsenterprise.com -j "$J" --reference INC-4711
post extend extend --case 00123 --delivered-at now-2d --days 3 \
  -j 'Reconciling the 1,200 affected orders against the restored tables takes longer than planned; finance needs three more days.'
exit "$failed"
