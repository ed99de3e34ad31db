-- A queue file as LinkedInPosts wrote it at queue schema version 5: the schema exactly as released (version 4's,
-- then the media_processing table), and rows the tests read back after opening it with the current code. As in
-- version 4, 'launch-1' was published with a first comment that LinkedIn added and 'commented-unknown' was
-- published and its run stopped during the comment call; the organization's second media file (7509e5…) was
-- uploaded as a video LinkedIn was still processing when the run stopped waiting. FROZEN: when the schema changes,
-- add queue-v6.sql written by version 6 and leave this file as it is.
PRAGMA journal_mode = WAL;
BEGIN;
CREATE TABLE posts (
    id            INTEGER PRIMARY KEY,
    key           TEXT    NOT NULL UNIQUE,
    connection    TEXT    NOT NULL,
    author        TEXT    NOT NULL,
    scheduled_at  TEXT    NOT NULL,
    time_zone     TEXT    NOT NULL,
    due_at        TEXT    NOT NULL,
    state         TEXT    NOT NULL CHECK (state IN ('Pending','Claimed','Sending','Published','Failed','Missed','Cancelled','Held','Unconfirmed')),
    payload       TEXT    NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    post_urn      TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    claimed_by    TEXT,
    claim_token   TEXT,
    lease_until   TEXT,
    published_at  TEXT
);
CREATE INDEX posts_pending_due ON posts (due_at, id) WHERE state = 'Pending';
CREATE INDEX posts_claimed_lease ON posts (lease_until) WHERE state = 'Claimed';
CREATE INDEX posts_sending_lease ON posts (lease_until) WHERE state = 'Sending';
CREATE INDEX posts_state_scheduled ON posts (state, scheduled_at, id);
CREATE INDEX posts_connection_scheduled ON posts (connection, scheduled_at, id);
CREATE INDEX posts_scheduled ON posts (scheduled_at, id);

CREATE TABLE post_media (
    post_id   INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    sha256    TEXT    NOT NULL CHECK (length(sha256) = 64),
    PRIMARY KEY (post_id, position)
) WITHOUT ROWID;
CREATE INDEX post_media_sha256 ON post_media (sha256);

CREATE TABLE attempts (
    id           INTEGER PRIMARY KEY,
    post_id      INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL,
    runner       TEXT    NOT NULL,
    claim_token  TEXT    NOT NULL,
    started_at   TEXT    NOT NULL,
    finished_at  TEXT,
    outcome      TEXT    NOT NULL CHECK (outcome IN ('InProgress','Published','Retry','Failed','Unknown','Missed')),
    http_status  INTEGER,
    error_kind   TEXT,
    error_id     TEXT,
    message      TEXT,
    post_urn     TEXT,
    UNIQUE (post_id, number)
);

CREATE TABLE media_uploads (
    sha256       TEXT    NOT NULL CHECK (length(sha256) = 64),
    author       TEXT    NOT NULL,
    api_base     TEXT    NOT NULL,
    media_urn    TEXT    NOT NULL,
    uploaded_at  TEXT    NOT NULL,
    PRIMARY KEY (sha256, author, api_base)
) WITHOUT ROWID;
ALTER TABLE posts ADD COLUMN attempts_at_retry INTEGER NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN first_comment_state TEXT CHECK (first_comment_state IN ('Adding', 'Added', 'Failed'));
ALTER TABLE posts ADD COLUMN first_comment_urn TEXT;
ALTER TABLE posts ADD COLUMN first_comment_error TEXT;

CREATE TABLE media_processing (
    sha256       TEXT    NOT NULL CHECK (length(sha256) = 64),
    author       TEXT    NOT NULL,
    api_base     TEXT    NOT NULL,
    media_urn    TEXT    NOT NULL,
    accepted_at  TEXT    NOT NULL,
    PRIMARY KEY (sha256, author, api_base)
) WITHOUT ROWID;

INSERT INTO posts (id, key, connection, author, scheduled_at, time_zone, due_at, state, payload, attempts, last_error, post_urn, created_at, updated_at, claimed_by, claim_token, lease_until, published_at, attempts_at_retry, first_comment_state, first_comment_urn, first_comment_error) VALUES
 (1, 'launch-1', 'work', 'urn:li:person:abc', '2026-02-01T09:00:00.000Z', 'Europe/Berlin', '2026-02-01T09:00:00.000Z', 'Published',
  '{"v":2,"author":"urn:li:person:abc","commentary":"We launched!","format":"Text","visibility":"Public","feedDistribution":"MainFeed","reshareDisabled":false,"firstComment":"Notes: https://example.com"}',
  1, NULL, 'urn:li:share:7001', '2026-01-30T10:00:00.000Z', '2026-02-01T09:00:02.000Z', 'host-a/1234', NULL, NULL, '2026-02-01T09:00:01.500Z', 0,
  'Added', 'urn:li:comment:(urn:li:activity:7001,6001)', NULL),
 (2, 'auto-0123456789abcdef0123456789abcdef', 'work', 'urn:li:organization:42', '2026-04-01T07:30:00.000Z', 'W. Europe Standard Time', '2026-04-01T07:30:00.000Z', 'Pending',
  '{"v":1,"author":"urn:li:organization:42","commentary":"Spring #news","format":"Text","visibility":"Public","feedDistribution":"MainFeed","reshareDisabled":true}',
  0, NULL, NULL, '2026-01-30T10:00:00.000Z', '2026-01-30T10:00:00.000Z', NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL),
 (3, 'retry-me', 'personal', 'urn:li:person:abc', '2026-02-02T09:00:00.000Z', 'UTC', '2026-02-02T09:10:00.000Z', 'Sending',
  '{"v":1,"author":"urn:li:person:abc","commentary":"Third","format":"Raw","visibility":"Connections","feedDistribution":"None","reshareDisabled":false}',
  2, 'LinkedIn answered 429 (daily limit).', NULL, '2026-01-30T10:00:00.000Z', '2026-02-02T09:10:00.000Z', 'host-b/99', '5f1c0e0e2b6a4c7e9d7e3e1a0b2c4d6f', '2026-02-02T09:15:00.000Z', NULL, 0, NULL, NULL, NULL),
 (4, 'retried-by-hand', 'work', 'urn:li:person:abc', '2027-01-10T08:00:00.000Z', 'Europe/Berlin', '2027-01-10T08:00:00.000Z', 'Pending',
  '{"v":1,"author":"urn:li:person:abc","commentary":"Fourth","format":"Text","visibility":"Public","feedDistribution":"MainFeed","reshareDisabled":false}',
  3, 'LinkedIn answered 503.', NULL, '2026-01-30T10:00:00.000Z', '2026-02-05T12:00:00.000Z', 'host-a/1234', NULL, NULL, NULL, 3, NULL, NULL, NULL),
 (5, 'commented-unknown', 'work', 'urn:li:person:abc', '2026-02-04T09:00:00.000Z', 'UTC', '2026-02-04T09:00:00.000Z', 'Published',
  '{"v":2,"author":"urn:li:person:abc","commentary":"Fifth","format":"Text","visibility":"Public","feedDistribution":"MainFeed","reshareDisabled":false,"firstComment":"First!"}',
  1, NULL, 'urn:li:share:7005', '2026-01-30T10:00:00.000Z', '2026-02-04T09:00:02.000Z', 'host-a/1234', NULL, NULL, '2026-02-04T09:00:01.000Z', 0,
  'Adding', NULL, NULL);

INSERT INTO post_media (post_id, position, sha256) VALUES
 (2, 0, 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9'),
 (2, 1, '7509e5bda0c762d2bac7f90d758b5b2263fa01ccbc542ab5e3df163be08e6ca9');

INSERT INTO attempts (post_id, number, runner, claim_token, started_at, finished_at, outcome, http_status, error_kind, error_id, message, post_urn) VALUES
 (1, 1, 'host-a/1234', '0a1b2c3d4e5f60718293a4b5c6d7e8f9', '2026-02-01T09:00:00.500Z', '2026-02-01T09:00:01.500Z', 'Published', 201, NULL, NULL, NULL, 'urn:li:share:7001'),
 (3, 1, 'host-b/99', 'ffeeddccbbaa99887766554433221100', '2026-02-02T09:00:00.000Z', '2026-02-02T09:00:01.000Z', 'Retry', 429, 'Throttled', 'LinkedInThrottled', 'LinkedIn answered 429 (daily limit).', NULL),
 (3, 2, 'host-b/99', '5f1c0e0e2b6a4c7e9d7e3e1a0b2c4d6f', '2026-02-02T09:10:00.000Z', NULL, 'InProgress', NULL, NULL, NULL, NULL, NULL),
 (4, 1, 'host-a/1234', '11111111111111111111111111111111', '2026-02-03T09:00:00.000Z', '2026-02-03T09:00:01.000Z', 'Retry', 503, 'Server', 'LinkedInServerError', 'LinkedIn answered 503.', NULL),
 (4, 2, 'host-a/1234', '22222222222222222222222222222222', '2026-02-03T09:02:00.000Z', '2026-02-03T09:02:01.000Z', 'Retry', 503, 'Server', 'LinkedInServerError', 'LinkedIn answered 503.', NULL),
 (4, 3, 'host-a/1234', '33333333333333333333333333333333', '2026-02-03T09:06:00.000Z', '2026-02-03T09:06:01.000Z', 'Failed', 503, 'Server', 'LinkedInServerError', 'LinkedIn answered 503.', NULL),
 (5, 1, 'host-a/1234', '44444444444444444444444444444444', '2026-02-04T09:00:00.000Z', '2026-02-04T09:00:01.000Z', 'Published', 201, NULL, NULL, NULL, 'urn:li:share:7005');

INSERT INTO media_uploads (sha256, author, api_base, media_urn, uploaded_at) VALUES
 ('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9', 'urn:li:organization:42', 'https://api.linkedin.com', 'urn:li:image:C4E10AQFoyyAjHPMQuQ', '2026-01-30T10:05:00.000Z');

INSERT INTO media_processing (sha256, author, api_base, media_urn, accepted_at) VALUES
 ('7509e5bda0c762d2bac7f90d758b5b2263fa01ccbc542ab5e3df163be08e6ca9', 'urn:li:organization:42', 'https://api.linkedin.com', 'urn:li:video:C5505AQH-oV1qvnFtKA', '2026-01-30T10:06:00.000Z');

PRAGMA application_id = 1279873105;
PRAGMA user_version = 5;
COMMIT;
