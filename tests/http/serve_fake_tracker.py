#!/usr/bin/env python3
"""One tracker's loopback stand-in (fake_trackers.py) for a script: prints its port, serves until stdin
closes, then prints {"tickets": N, "problems": [...]} and exits.

    serve_fake_tracker.py TRACKER [TLS_FOLDER]
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_trackers import FakeTracker  # noqa: E402

fake = FakeTracker(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
print(fake.port, flush=True)
sys.stdin.read()
fake.close()
print(json.dumps({"tickets": len(fake.tickets), "problems": fake.problems}), flush=True)
