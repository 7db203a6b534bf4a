#!/usr/bin/env bash
# Proves the fully static Linux binary (the linux-static preset): no program interpreter and no shared library
# needed, and inside an empty root (only the binary: no /dev, /proc, /etc, /usr) it gives byte for byte what
# the Debian build gives, with and without a time zone database; the config file is read, -o replaces
# atomically, a closed stdout is exit 4.
#   scripts/check-static.sh STATIC_BINARY REFERENCE_BINARY
set -euo pipefail
static=$(realpath "$1")
reference=$(realpath "$2")
here=$(cd "$(dirname "$0")/.." && pwd)
failed=0
fail() { echo "check-static: $*" >&2; failed=1; }

if readelf -l "$static" | grep -q 'Requesting program interpreter'; then
  fail "$static asks for a program interpreter: it is not static"
fi
if readelf -d "$static" | grep -q '(NEEDED)'; then
  fail "$static needs shared libraries: $(readelf -d "$static" | grep NEEDED | tr -s ' ')"
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
cp "$static" "$root/backup-request"
mkdir "$root/work"
# chroot needs root; elsewhere a user namespace gives it.
chroot=$(command -v chroot)
enter=("$chroot")
[ "$(id -u)" = 0 ] || enter=("$(command -v unshare)" --user --map-root-user "$chroot")

# in_root ARGS...: the static binary in the empty root, with a clean environment; cwd is the root's /, so
# relative paths name the same files inside and on the host (on_host runs from the root's folder).
in_root() { env -i BACKUP_REQUEST_NOW=2026-11-20T12:00:00Z "${enter[@]}" "$root" /backup-request "$@"; }
on_host() { (cd "$root" && env -i BACKUP_REQUEST_NOW=2026-11-20T12:00:00Z "$reference" "$@"); }

# same NAME ARGS...: exit code, stdout and stderr equal to the Debian build's, run with the same arguments.
same() {
  local name=$1; shift
  local a b
  a=$(in_root "$@" 2>&1; echo "exit $?")
  b=$(on_host "$@" 2>&1; echo "exit $?")
  if [ "$a" != "$b" ]; then
    fail "$name differs from the Debian build:"; diff <(echo "$b") <(echo "$a") >&2 || true
  fi
}

justification="A failed deployment deleted 3,000 invoices from production; Finance needs the Invoice table as it was."
same "create --example" create --example
same "create from flags" create --at now-2h --env acme-prd.outsystemsenterprise.com --justification "$justification"
same "a rule broken" create --at 2026-11-01T00:00:00Z --env acme.example.com --justification "n/a"
same "window" window --at now-3d --color never
same "unknown flag" create --nope
printf '{"point_in_time":"now-1h","environments":["a.example.com"],"justification":"%s"}\n{"point_in_time":"yesterday"}\n' \
  "$justification" >"$root/work/drafts.ndjson"
same "validate" validate work/drafts.ndjson
same "UTC with an offset needs no zone database" create --at 2026-11-20T10:00:00+01:00 --env a.example.com --justification "$justification"

# Without a zone database, --timezone says what is missing and how to go on.
got=$(in_root create --at 2026-11-20T10:00:00 --timezone Europe/Lisbon --env a.example.com --justification "$justification" 2>&1; echo "exit $?")
case "$got" in
  *"the time zone database cannot be read from /usr/share/zoneinfo (is the tzdata package installed?); give the time in UTC with Z, or with an offset, instead"*"exit 1") ;;
  *) fail "--timezone without a zone database: $got" ;;
esac
version=$(in_root --version | sed -n 2p)
[ "$version" = "time zones: cannot be read from /usr/share/zoneinfo" ] || fail "--version without zones: $version"

# With one, the same answers as the Debian build (the gap and the overlap included).
mkdir -p "$root/usr/share"
cp -r /usr/share/zoneinfo "$root/usr/share/zoneinfo"
same "--timezone" create --at 2026-11-20T10:00:00 --timezone Europe/Lisbon --env a.example.com --justification "$justification"
same "a DST gap" create --at 2026-03-29T01:30:00 --timezone Europe/Lisbon --now 2026-04-01T00:00:00Z --env a.example.com --justification "$justification"
[ "$(in_root --version | sed -n 2p)" = "$(on_host --version | sed -n 2p)" ] || fail "--version's zone line differs"

# The config file is read although there is no /dev/null to stand in for it.
printf '[create]\ncontact = "dba@acme.example"\n' >"$root/work/config.toml"
contact=$(in_root --config work/config.toml create --example --compact | sed -n 's/.*"contact":"\([^"]*\)".*/\1/p')
[ "$contact" = "dba@acme.example" ] || fail "the config file's contact was not used (got '$contact')"

# -o writes the whole file, refuses to replace it without --force, and replaces it with.
in_root create --example -o work/case.json 2>/dev/null || fail "-o failed"
cmp -s "$root/work/case.json" <(on_host create --example 2>/dev/null) || fail "-o wrote other bytes than stdout"
if in_root create --example -o work/case.json 2>/dev/null; then fail "-o replaced a file without --force"; fi
in_root create --example -o work/case.json --force 2>/dev/null || fail "-o --force failed"
[ "$(ls -A "$root/work" | tr '\n' ' ')" = "case.json config.toml drafts.ndjson " ] || fail "files left behind: $(ls -A "$root/work")"

# The ledger (SQLite, linked in): a case is recorded, listed and marked in the empty root.
in_root --ledger work/ledger/ledger.sqlite create --at now-2h --env acme-prd.outsystemsenterprise.com \
  --justification "$justification" >/dev/null 2>&1 || fail "create with a ledger failed"
id=$(in_root --ledger work/ledger/ledger.sqlite list --format ndjson | sed -n 's/^{"id":"\([a-z2-9]*\)".*/\1/p')
[ -n "$id" ] || fail "the case was not recorded in the ledger"
in_root --ledger work/ledger/ledger.sqlite mark "$id" submitted --case 123 2>/dev/null || fail "mark failed"
[ "$(stat -c %a "$root/work/ledger/ledger.sqlite")" = 600 ] || fail "the ledger is not 0600"
rm -rf "$root/work/ledger"
# A team ledger over TLS from the empty root (libpq built in): PostgreSQL 15 on 127.0.0.1 under the name
# tracker.test, found in the root's /etc/hosts by c-ares (the nsswitch.conf names a module that is not there),
# the certificate checked against that name (verify-full) with a CA at RHEL's bundle path; the user from $USER,
# since the static file cannot read the user database.
tls=$(mktemp -d)
python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); from test_ca import make_ca_and_certificate
make_ca_and_certificate(sys.argv[2])' "$here/tests/http" "$tls"
chmod 755 "$tls"
mkdir -p "$root/etc/pki/tls/certs"
cp "$tls/ca.pem" "$root/etc/pki/tls/certs/ca-bundle.crt"
printf '127.0.0.1 localhost tracker.test other.test\n' >"$root/etc/hosts"
printf 'nameserver 127.0.0.1\n' >"$root/etc/resolv.conf"
printf 'passwd: files\nhosts: files mdns4_minimal [NOTFOUND=return] dns\n' >"$root/etc/nsswitch.conf"
if [ -x /usr/lib/postgresql/15/bin/initdb ] && command -v pgbouncer >/dev/null; then
  pg_env=$tls/postgres.env
  BACKUP_REQUEST_TEST_POSTGRES_TLS=$tls bash "$here/scripts/postgres-server.sh" start "$pg_env" >/dev/null
  pg_port=$(sed -n 's/^BACKUP_REQUEST_TEST_POSTGRES_PORT=//p' "$pg_env")
  pg_password=$(sed -n 's/^PGPASSWORD=//p' "$pg_env")
  team() { # NAME ARGS...: the static file with a team ledger at host NAME
    local name=$1; shift
    env -i USER=ledger PGPASSWORD="$pg_password" BACKUP_REQUEST_NOW=2026-11-20T12:00:00Z "${enter[@]}" "$root" \
      /backup-request --ledger "postgresql://$name:$pg_port/ledger?sslmode=verify-full&sslrootcert=/etc/pki/tls/certs/ca-bundle.crt" "$@"
  }
  created=$(team tracker.test create --at now-2h --env acme-prd.outsystemsenterprise.com \
    --justification "$justification" 2>&1 >/dev/null; echo "exit $?")
  [[ $created == *"recorded as "*"exit 0" && $created != *ledger-unavailable* ]] ||
    fail "create with a TLS team ledger: $created"
  listed=$(team tracker.test list --format ndjson 2>&1) || fail "list of the TLS team ledger: $listed"
  [[ $listed == *'"environments":["acme-prd.outsystemsenterprise.com"]'*'"written_by":"ledger@'* ]] ||
    fail "the team ledger did not list the request with its writer: $listed"
  info=$(team tracker.test ledger info 2>&1) || fail "ledger info: $info"
  [[ $info == *"postgresql://ledger@tracker.test:$pg_port/ledger"* ]] || fail "ledger info did not name the server: $info"
  # A name the certificate does not carry is refused; a name nobody knows costs the ledger, never the case.
  mismatch=$(team other.test list 2>&1; echo "exit $?")
  [[ $mismatch == *'does not match host name "other.test"'*"exit 3" ]] || fail "verify-full under another name: $mismatch"
  unknown=$(team nowhere.test create --at now-2h --env acme-prd.outsystemsenterprise.com \
    --justification "$justification" 2>&1 >/dev/null; echo "exit $?")
  [[ $unknown == *'could not translate host name "nowhere.test" to address'*"exit 0" ]] ||
    fail "an unknown server name: $unknown"
  unknown_list=$(team nowhere.test list 2>&1; echo "exit $?")
  [[ $unknown_list == *"exit 3" ]] || fail "list with an unknown server name: $unknown_list"
  bash "$here/scripts/postgres-server.sh" stop "$pg_env"
else
  fail "the TLS team ledger needs postgresql-15 and pgbouncer (scripts/setup.sh --tests installs them)"
fi
rm -rf "$tls" "$root/etc"

# submit from the empty root, holding only /etc/hosts, /etc/resolv.conf, an nsswitch.conf naming a module
# that is not there, and a CA bundle at RHEL's path: the name comes from /etc/hosts through c-ares (no NSS
# module), TLS is verified against the bundle found there, and the ticket is opened once.
tls=$(mktemp -d)
python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); from test_ca import make_ca_and_certificate
make_ca_and_certificate(sys.argv[2])' "$here/tests/http" "$tls"
mkdir -p "$root/etc/pki/tls/certs"
cp "$tls/ca.pem" "$root/etc/pki/tls/certs/ca-bundle.crt"
printf '127.0.0.1 localhost tracker.test\n' >"$root/etc/hosts"
printf 'nameserver 127.0.0.1\n' >"$root/etc/resolv.conf"
printf 'passwd: files\nhosts: files mdns4_minimal [NOTFOUND=return] dns\n' >"$root/etc/nsswitch.conf"
exec 7> >(python3 "$here/tests/http/serve_fake_tracker.py" github "$tls" >"$tls/server.out")
for _ in $(seq 1 50); do [ -s "$tls/server.out" ] && break; sleep 0.1; done
port=$(head -n1 "$tls/server.out")
submitted=$(env -i GH_TOKEN=s3cret-token BACKUP_REQUEST_NOW=2026-11-20T12:00:00Z "${enter[@]}" "$root" /backup-request \
  --ledger work/submit.sqlite create --at 2026-11-20T10:00:00Z --env acme-prd.outsystemsenterprise.com \
  --justification "$justification" --submit github --github-url "https://tracker.test:$port" \
  --github-project acme/ops --timeout 20 2>&1 >/dev/null; echo "exit $?")
exec 7>&-
for _ in $(seq 1 50); do [ "$(wc -l <"$tls/server.out")" -ge 2 ] && break; sleep 0.1; done
case "$submitted" in
  *"opened acme/ops#1 in github: https://github.example/acme/ops/issues/1"*"exit 0") ;;
  *) fail "submit from the empty root: $submitted" ;;
esac
[ "$(sed -n 2p "$tls/server.out")" = '{"tickets": 1, "problems": []}' ] ||
  fail "the loopback tracker saw: $(sed -n 2p "$tls/server.out")"
rm -rf "$tls" "$root/etc" "$root/work/submit.sqlite"

# A closed stdout is an output that did not arrive: exit 4.
set +e
in_root create --example >&- 2>/dev/null
code=$?
set -e
[ "$code" = 4 ] || fail "closed stdout: exit $code, not 4"

size=$(stat -c %s "$static")
if [ "$failed" = 0 ]; then
  echo "check-static: $static ($((size / 1024)) KiB) needs nothing, and in an empty root matches the Debian build" >&2
fi
exit "$failed"
