#!/usr/bin/env python3
"""Pipes an NDJSON stream of at least 100 MB through `validate` and bounds the peak RSS: memory must stay flat
however long the stream is.

    stream_memory_test.py BINARY [MEGABYTES] [LIMIT_MIB]
"""
import os
import subprocess
import sys

LINES = [
    b'{"point_in_time":"2026-11-19T14:30:00Z","environments":["acme-prd.outsystemsenterprise.com"],'
    b'"justification":"A failed deployment at 14:40 UTC deleted 3,000 invoices from the production database; '
    b'finance cannot close the month."}\n',
    b'{"point_in_time":"2026-11-01T00:00:00Z","environments":["acme-prd.outsystemsenterprise.com:443"],'
    b'"justification":"test"}\n',
    b'not json at all\n',
]


def main(binary, megabytes=100, limit_mib=32):
    target = megabytes * 1_000_000
    chunk = b"".join(LINES) * 2000
    env = dict(os.environ, BACKUP_REQUEST_NOW="2026-11-20T12:00:00Z")
    proc = subprocess.Popen([binary, "-q", "validate", "--format", "json"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    # The report streams out as the drafts stream in; read it on the side so neither pipe fills up.
    import threading
    counts = {"bytes": 0}

    def drain():
        while True:
            data = proc.stdout.read(1 << 16)
            if not data:
                break
            counts["bytes"] += len(data)

    reader = threading.Thread(target=drain)
    reader.start()
    sent = 0
    while sent < target:
        proc.stdin.write(chunk)
        sent += len(chunk)
    proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    reader.join()
    code = os.waitstatus_to_exitcode(status)
    peak_mib = usage.ru_maxrss / 1024
    drafts = sent // sum(len(line) for line in LINES) * len(LINES)
    print(f"sent {sent / 1e6:.0f} MB ({drafts} drafts), report {counts['bytes'] / 1e6:.0f} MB, "
          f"exit {code}, peak RSS {peak_mib:.1f} MiB (limit {limit_mib} MiB)")
    if code != 3:
        print("FAILED: expected exit 3 (the stream holds lines that are not JSON)")
        return 1
    if peak_mib > limit_mib:
        print("FAILED: peak RSS over the limit")
        return 1
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(args[0], *(int(a) for a in args[1:])))
