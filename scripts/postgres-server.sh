#!/usr/bin/env bash
# A throwaway PostgreSQL 15 (Debian's postgresql-15) on 127.0.0.1, and PgBouncer (Debian's pgbouncer) in
# transaction-pooling mode in front of it, for the team-ledger tests.
#   postgres-server.sh start ENV_FILE   a temporary cluster run as its own user (postgres, when run as root),
#                                       a role `ledger` with a password (SCRAM), a database `ledger`; writes
#                                       ENV_FILE with BACKUP_REQUEST_TEST_POSTGRESQL, _PGBOUNCER (URLs without
#                                       the password), PGPASSWORD and the cluster's folder
#   postgres-server.sh stop ENV_FILE    stops both and removes the cluster
#   postgres-server.sh pause|resume ENV_FILE   stops / starts the server alone (the tests of a server gone)
# With BACKUP_REQUEST_TEST_POSTGRES_TLS=FOLDER (server.pem and server.key, as tests/http/test_ca.py makes them),
# the server also speaks TLS with that certificate (scripts/check-static.sh's verify-full ledger).
set -euo pipefail
action=${1:?start, stop, pause or resume}
env_file=${2:?the env file}
bin=/usr/lib/postgresql/15/bin

as_owner() { # runs a command as the cluster's owner
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case "$action" in
  start)
    if [ ! -x "$bin/initdb" ] || ! command -v pgbouncer >/dev/null; then
      echo "postgres-server.sh: needs postgresql-15 and pgbouncer (scripts/setup.sh --tests installs them)" >&2
      exit 1
    fi
    folder=$(mktemp -d /tmp/backup-request-pg.XXXXXX)
    chmod 755 "$folder"
    [ "$(id -u)" = 0 ] && chown postgres: "$folder"
    port=$(free_port)
    bouncer_port=$(free_port)
    password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    as_owner "$bin/initdb" -D "$folder/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$folder/initdb.log"
    tls_options=""
    if [ -n "${BACKUP_REQUEST_TEST_POSTGRES_TLS:-}" ]; then
      cp "$BACKUP_REQUEST_TEST_POSTGRES_TLS/server.pem" "$BACKUP_REQUEST_TEST_POSTGRES_TLS/server.key" "$folder/"
      chmod 600 "$folder/server.key"
      [ "$(id -u)" = 0 ] && chown postgres: "$folder/server.pem" "$folder/server.key"
      tls_options="-c ssl=on -c ssl_cert_file=$folder/server.pem -c ssl_key_file=$folder/server.key"
    fi
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$folder -c fsync=off -c max_connections=200 $tls_options" start >/dev/null
    as_owner "$bin/psql" -h "$folder" -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE ledger LOGIN PASSWORD '$password';
CREATE DATABASE ledger OWNER ledger;
SQL
    as_owner tee "$folder/userlist.txt" >/dev/null <<CONF
"ledger" "$password"
CONF
    as_owner tee "$folder/pgbouncer.ini" >/dev/null <<CONF
[databases]
ledger = host=127.0.0.1 port=$port dbname=ledger
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bouncer_port
unix_socket_dir =
auth_type = scram-sha-256
auth_file = $folder/userlist.txt
pool_mode = transaction
max_client_conn = 200
default_pool_size = 8
logfile = $folder/pgbouncer.log
pidfile = $folder/pgbouncer.pid
CONF
    as_owner pgbouncer -d -q "$folder/pgbouncer.ini"
    for _ in $(seq 1 50); do
      python3 -c "import socket; socket.create_connection(('127.0.0.1', $bouncer_port), 0.2)" 2>/dev/null && break
      sleep 0.1
    done
    cat >"$env_file" <<ENV
BACKUP_REQUEST_TEST_POSTGRESQL=postgresql://ledger@127.0.0.1:$port/ledger
BACKUP_REQUEST_TEST_PGBOUNCER=postgresql://ledger@127.0.0.1:$bouncer_port/ledger
PGPASSWORD=$password
BACKUP_REQUEST_TEST_POSTGRES_FOLDER=$folder
BACKUP_REQUEST_TEST_POSTGRES_PORT=$port
ENV
    echo "PostgreSQL on 127.0.0.1:$port, PgBouncer (transaction pooling) on 127.0.0.1:$bouncer_port; cluster in $folder"
    ;;
  stop|pause|resume)
    [ -f "$env_file" ] || exit 0
    folder=$(sed -n 's/^BACKUP_REQUEST_TEST_POSTGRES_FOLDER=//p' "$env_file")
    port=$(sed -n 's/^BACKUP_REQUEST_TEST_POSTGRES_PORT=//p' "$env_file")
    [ -d "$folder" ] || exit 0
    if [ "$action" = resume ]; then
      as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$folder -c fsync=off -c max_connections=200" start >/dev/null
      exit 0
    fi
    as_owner "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
    if [ "$action" = stop ]; then
      [ -f "$folder/pgbouncer.pid" ] && kill "$(cat "$folder/pgbouncer.pid")" 2>/dev/null || true
      rm -rf "$folder" "$env_file"
    fi
    ;;
  *) echo "postgres-server.sh: unknown action '$action'" >&2; exit 2 ;;
esac
