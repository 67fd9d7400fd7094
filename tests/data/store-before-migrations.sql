-- The schema the Store wrote before migrations (dossier/store.py's SCHEMA,
-- SQLite only): tests/test_store_schema.py checks such files still open.
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    title TEXT,
    url TEXT,
    published TEXT,
    format TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    removed TEXT NOT NULL,
    reference_date TEXT,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id),
    type TEXT NOT NULL,
    mode TEXT,
    factuality TEXT NOT NULL,
    date_value TEXT,
    date_start TEXT,
    date_end TEXT,
    date_granularity TEXT,
    place TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    claimant TEXT,
    claim_date TEXT,
    evidence TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id TEXT NOT NULL REFERENCES events(id),
    role TEXT NOT NULL,
    code TEXT,
    name TEXT,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_document ON events(document_id);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_date ON events(date_start);
CREATE INDEX IF NOT EXISTS event_actors_code ON event_actors(code);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event_id);
CREATE TABLE IF NOT EXISTS fused_events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    factuality TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    first_published TEXT,
    independent_sources INTEGER NOT NULL,
    mention_count INTEGER NOT NULL,
    contradicted INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS fusion_members (
    event_id TEXT PRIMARY KEY REFERENCES events(id),
    fused_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS fusion_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    action TEXT NOT NULL,
    old_id TEXT NOT NULL,
    new_id TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS document_signatures (
    document_id TEXT PRIMARY KEY REFERENCES documents(id),
    minhash BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS fusion_members_fused ON fusion_members(fused_id);
CREATE INDEX IF NOT EXISTS fusion_log_old ON fusion_log(old_id);
CREATE INDEX IF NOT EXISTS fused_events_date ON fused_events(date_start, first_published);
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(event_id UNINDEXED, evidence);
