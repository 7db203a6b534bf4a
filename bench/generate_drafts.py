#!/usr/bin/env python3
"""Writes N realistic drafts as NDJSON, a seeded mix: valid, aged-out, bad addresses, weak justifications, and
(unless --parseable-only) malformed lines.

    generate_drafts.py N [--seed S] [--parseable-only | --malformed-only] > drafts.ndjson

The same N and seed always give the same bytes. Times are relative to 2026-11-20T12:00:00Z (use --now with it).
"""
import argparse
import json
import random
import sys
from datetime import datetime, timedelta, timezone

NOW = datetime(2026, 11, 20, 12, 0, 0, tzinfo=timezone.utc)
HOSTS = ["acme-prd", "acme-qa", "acme-dev", "globex-prd", "initech-prd", "umbrella-uat", "hooli-prd", "wonka-prd"]
REASONS = [
    "A failed deployment at {t} UTC deleted {n} invoices from the production database. Finance cannot close the "
    "month until they are restored; we need the Invoice and InvoiceLine tables as they were before the deployment.",
    "A data migration script overwrote the delivery addresses of {n} open orders at {t} UTC. Shipping is blocked; we "
    "need read access to the Orders and Addresses tables as they were just before the migration ran.",
    "An integration bug removed {n} customer records at {t} UTC and support cannot see their history. We need the "
    "Customer table from before the bug to copy the records back and reconcile the changes made since.",
]
WEAK = ["Orders were deleted by a bad deployment.", "We lost some data this morning, please help.",
        "Need the backup to compare the tables."]
BAD_HOSTS = ["localhost", "acme-prd.outsystemsenterprise.com:443", "10.0.0.12", "https://admin:pw@acme.example.com/",
             "acme_prd.outsystemsenterprise.com"]
MALFORMED = ['{"point_in_time": "2026-11-19T10:00:00Z", "environments": [', 'not json at all',
             '{"point_in_time": 2026-11-19}', '{"justification": "unterminated}', "{'single': 'quotes'}"]


def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def draft(rng, kind):
    age = timedelta(seconds=rng.randint(600, 14 * 86400))
    if kind == "aged_out":
        age = timedelta(days=15, seconds=rng.randint(1, 10 * 86400))
    point = NOW - age
    hosts = [f"{rng.choice(HOSTS)}.outsystemsenterprise.com" for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.3:
        hosts[0] = f"https://{hosts[0]}/ServiceCenter/"
    if kind == "bad_address":
        hosts.append(rng.choice(BAD_HOSTS))
    reason = rng.choice(REASONS).format(t=point.strftime("%H:%M"), n=rng.randint(10, 90000))
    if kind == "weak":
        reason = rng.choice(WEAK)
    out = {"point_in_time": stamp(point), "environments": hosts, "justification": reason}
    if rng.random() < 0.5:
        out["contact"] = f"ops{rng.randint(1, 99)}@{rng.choice(HOSTS)}.example"
    if rng.random() < 0.5:
        out["reference"] = f"INC-{rng.randint(1000, 999999)}"
    return json.dumps(out, separators=(",", ":"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=42)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--parseable-only", action="store_true")
    group.add_argument("--malformed-only", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    kinds = ["valid"] * 70 + ["aged_out"] * 10 + ["bad_address"] * 8 + ["weak"] * 7 + ["malformed"] * 5
    lines = []
    write = sys.stdout.write
    for _ in range(args.count):
        kind = rng.choice(kinds)
        if args.malformed_only:
            kind = "malformed"
        elif args.parseable_only and kind == "malformed":
            kind = "valid"
        lines.append(rng.choice(MALFORMED) if kind == "malformed" else draft(rng, kind))
        if len(lines) == 10000:
            write("\n".join(lines) + "\n")
            lines.clear()
    if lines:
        write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
