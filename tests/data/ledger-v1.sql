-- A ledger as the first version of its schema (user_version 1) left it, kept to prove that every later
-- version reads it: tests/unit/ledger/sqlite_ledger_test.cpp migrates a copy of ledger-v1.sqlite, which is
-- this script run by sqlite3 (sqlite3 ledger-v1.sqlite < ledger-v1.sql).
PRAGMA journal_mode=DELETE;
BEGIN;
CREATE TABLE requests (
    id TEXT PRIMARY KEY,
    request_type TEXT NOT NULL,
    point_in_time TEXT,
    environments TEXT NOT NULL,
    reference TEXT,
    contact TEXT,
    justification TEXT NOT NULL,
    written_at TEXT NOT NULL,
    retention_deadline TEXT,
    format TEXT NOT NULL,
    destination TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL,
    case_id TEXT,
    ticket TEXT,
    delivered_at TEXT,
    access_ends_at TEXT,
    extends TEXT
) STRICT;
CREATE TABLE events (
    request_id TEXT NOT NULL REFERENCES requests(id),
    seq INTEGER NOT NULL,
    state TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    detail TEXT NOT NULL,
    PRIMARY KEY (request_id, seq)
) STRICT;
INSERT INTO requests VALUES ('k7m2qz', 'database-backup-access', '2026-11-20T14:30:00Z',
    '["acme-prd.outsystemsenterprise.com","acme-dev.outsystemsenterprise.com"]', 'INC-4711', 'ops@acme.example',
    'A faulty data migration overwrote the delivery addresses of 1,200 open orders.', '2026-11-20T16:00:00Z',
    '2026-12-05T14:30:00Z', 'json', 'stdout', '{"schema_version":1}', 'delivered', '01234567', 'OPS-88',
    '2026-11-21T10:00:00Z', '2026-11-28T10:00:00Z', NULL);
INSERT INTO requests VALUES ('p3xw9h', 'database-backup-access', '2026-11-22T08:00:00Z',
    '["acme-qa.outsystemsenterprise.com"]', NULL, NULL,
    'The nightly import into QA deleted the test customers the release tests depend on.', '2026-11-22T09:00:00Z',
    '2026-12-07T08:00:00Z', 'markdown', 'case.md', '{"schema_version":1}', 'declined', NULL, NULL, NULL, NULL, NULL);
INSERT INTO requests VALUES ('ext4m2', 'access-extension', NULL,
    '["acme-prd.outsystemsenterprise.com","acme-dev.outsystemsenterprise.com"]', 'INC-4711', 'ops@acme.example',
    'Reconciliation of the restored orders needs three more days.', '2026-11-27T09:00:00Z',
    NULL, 'json', 'stdout', '{"schema_version":1}', 'written', '01234567', NULL, NULL, NULL, 'k7m2qz');
INSERT INTO events VALUES ('k7m2qz', 0, 'written', '2026-11-20T16:00:00Z', 'written to stdout');
INSERT INTO events VALUES ('k7m2qz', 1, 'submitted', '2026-11-20T16:10:00Z', 'case 01234567, ticket OPS-88');
INSERT INTO events VALUES ('k7m2qz', 2, 'delivered', '2026-11-21T10:05:00Z',
    'delivered 2026-11-21T10:00:00Z, access until 2026-11-28T10:00:00Z');
INSERT INTO events VALUES ('p3xw9h', 0, 'written', '2026-11-22T09:00:00Z', 'written to case.md');
INSERT INTO events VALUES ('p3xw9h', 1, 'declined', '2026-11-23T09:00:00Z', '');
INSERT INTO events VALUES ('ext4m2', 0, 'written', '2026-11-27T09:00:00Z', 'written to stdout');
PRAGMA user_version = 1;
COMMIT;
