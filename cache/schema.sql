-- A new cache's schema: what cache/migrations.py makes of an empty database, in its order.
-- Written by `python -m cache.migrations`; do not edit (tests/test_store.py checks it).

CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);

CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");

CREATE TABLE "articles" (
   "id" INTEGER PRIMARY KEY,
   "sha256" TEXT NOT NULL,
   "kind" TEXT NOT NULL,
   "encoding" TEXT,
   "encoding_detected" INTEGER,
   "bytes" INTEGER,
   "first_source" TEXT,
   "first_scanned_at" TEXT,
   "tool_version" TEXT,
   "embed_count" INTEGER,
   "credit_count" INTEGER
, "truncated" TEXT, "encoding_given_at" TEXT, "encoding_given_known" INTEGER, "encoding_rival" TEXT, "encoding_rivals" TEXT, "incomplete" TEXT);

CREATE UNIQUE INDEX "idx_articles_sha256"
    ON "articles" ("sha256");

CREATE TABLE "article_sources" (
   "id" INTEGER PRIMARY KEY,
   "article_id" INTEGER REFERENCES "articles"("id"),
   "source" TEXT,
   "first_seen_at" TEXT
, "url" TEXT, "host" TEXT, "truncated" TEXT, "record_id" TEXT, "warc_date" TEXT, "superseded_at" TEXT, "place" TEXT);

CREATE UNIQUE INDEX "idx_article_sources_article_id_source"
    ON "article_sources" ("article_id", "source");

CREATE TABLE "embeds" (
   "id" INTEGER PRIMARY KEY,
   "article_id" INTEGER NOT NULL REFERENCES "articles"("id"),
   "ordinal" INTEGER,
   "platform" TEXT NOT NULL,
   "kind" TEXT,
   "url" TEXT NOT NULL,
   "post_id" TEXT,
   "author_handle" TEXT,
   "author_name" TEXT,
   "date_text" TEXT,
   "date" TEXT,
   "text" TEXT,
   "lang" TEXT,
   "media_links" TEXT,
   "links" TEXT,
   "detector" TEXT,
   "span_start" INTEGER,
   "span_end" INTEGER,
   "also_at" TEXT
, "text_confidence" TEXT, "linked_capture" TEXT, "start_seconds" INTEGER, "other_words" TEXT, "media_marker" TEXT, "id_doubt" TEXT, "unshown" TEXT, "moments" TEXT, "other_handles" TEXT, "end_seconds" INTEGER, "shown_url" TEXT);

CREATE UNIQUE INDEX "idx_embeds_article_id_ordinal"
    ON "embeds" ("article_id", "ordinal");

CREATE INDEX "idx_embeds_platform_post_id"
    ON "embeds" ("platform", "post_id");

CREATE INDEX "idx_embeds_url"
    ON "embeds" ("url");

CREATE TABLE "credits" (
   "id" INTEGER PRIMARY KEY,
   "article_id" INTEGER NOT NULL REFERENCES "articles"("id"),
   "ordinal" INTEGER,
   "raw" TEXT NOT NULL,
   "creator" TEXT,
   "organization" TEXT,
   "source" TEXT,
   "form" TEXT,
   "image" TEXT,
   "span_start" INTEGER,
   "span_end" INTEGER
, "split_confidence" TEXT, "also_at" TEXT, "kind" TEXT);

CREATE UNIQUE INDEX "idx_credits_article_id_ordinal"
    ON "credits" ("article_id", "ordinal");

CREATE INDEX "idx_credits_creator"
    ON "credits" ("creator");

CREATE TABLE "fetches" (
   "id" INTEGER PRIMARY KEY,
   "url" TEXT NOT NULL,
   "contacted_url" TEXT,
   "method" TEXT NOT NULL,
   "fetched_at" TEXT NOT NULL,
   "status" INTEGER,
   "headers" TEXT,
   "body_sha256" TEXT,
   "body_bytes" INTEGER,
   "elapsed_ms" REAL,
   "error_kind" TEXT,
   "error" TEXT,
   "purpose" TEXT,
   "tool_version" TEXT
, "via" TEXT, "warc_file" TEXT, "warc_offset" INTEGER, "non_public" INTEGER, "answered_at_unknown" TEXT, "warc_sha256" TEXT, "warc_record_id" TEXT, "contacted_unknown" TEXT);

CREATE INDEX "idx_fetches_url_fetched_at"
    ON "fetches" ("url", "fetched_at");

CREATE TABLE "embed_links" (
   "id" INTEGER PRIMARY KEY,
   "embed_id" INTEGER REFERENCES "embeds"("id"),
   "url" TEXT,
   "resolution_id" INTEGER REFERENCES "resolutions"("id")
);

CREATE UNIQUE INDEX "idx_embed_links_embed_id_url"
    ON "embed_links" ("embed_id", "url");

CREATE TABLE "bodies" (
   "sha256" TEXT PRIMARY KEY,
   "data" BLOB,
   "bytes" INTEGER,
   "content_type" TEXT,
   "stored_at" TEXT
, "redacted" INTEGER);

CREATE TABLE "posts" (
   "id" INTEGER PRIMARY KEY,
   "platform" TEXT NOT NULL,
   "post_id" TEXT NOT NULL,
   "url" TEXT,
   "status" TEXT,
   "method" TEXT,
   "author_handle" TEXT,
   "author_name" TEXT,
   "author_id" TEXT,
   "text" TEXT,
   "lang" TEXT,
   "created_at" TEXT,
   "record" TEXT,
   "first_observed_at" TEXT,
   "last_observed_at" TEXT,
   "last_available_at" TEXT
);

CREATE UNIQUE INDEX "idx_posts_platform_post_id"
    ON "posts" ("platform", "post_id");

CREATE INDEX "idx_posts_author_handle"
    ON "posts" ("author_handle");

CREATE TABLE "authors" (
   "id" INTEGER PRIMARY KEY,
   "platform" TEXT,
   "handle" TEXT,
   "name" TEXT,
   "author_id" TEXT,
   "first_seen_at" TEXT,
   "last_seen_at" TEXT
);

CREATE UNIQUE INDEX "idx_authors_platform_handle"
    ON "authors" ("platform", "handle");

CREATE TABLE "post_observations" (
   "id" INTEGER PRIMARY KEY,
   "post_row" INTEGER REFERENCES "posts"("id"),
   "observed_at" TEXT,
   "method" TEXT,
   "status" TEXT,
   "reason" TEXT,
   "fetch_id" INTEGER REFERENCES "fetches"("id"),
   "record" TEXT,
   "reparsed_at" TEXT
, "answered_at_unknown" TEXT, "recorded_at" TEXT);

CREATE INDEX "idx_post_observations_post_row_observed_at"
    ON "post_observations" ("post_row", "observed_at");

CREATE TABLE "media" (
   "id" INTEGER PRIMARY KEY,
   "url" TEXT,
   "sha256" TEXT,
   "mime" TEXT,
   "declared_mime" TEXT,
   "bytes" INTEGER,
   "width" INTEGER,
   "height" INTEGER,
   "phash" TEXT,
   "credit" TEXT,
   "c2pa" INTEGER,
   "error" TEXT,
   "fetched_at" TEXT,
   "fetch_id" INTEGER REFERENCES "fetches"("id"),
   "kept_path" TEXT
, "warnings" TEXT, "answered_at_unknown" TEXT, "credit_unsure" TEXT);

CREATE UNIQUE INDEX "idx_media_url"
    ON "media" ("url");

CREATE INDEX "idx_media_sha256"
    ON "media" ("sha256");

CREATE TABLE "post_media" (
   "id" INTEGER PRIMARY KEY,
   "post_row" INTEGER REFERENCES "posts"("id"),
   "media_id" INTEGER REFERENCES "media"("id"),
   "ordinal" INTEGER
);

CREATE UNIQUE INDEX "idx_post_media_post_row_media_id"
    ON "post_media" ("post_row", "media_id");

CREATE TABLE "embed_posts" (
   "id" INTEGER PRIMARY KEY,
   "embed_id" INTEGER REFERENCES "embeds"("id"),
   "post_row" INTEGER REFERENCES "posts"("id")
);

CREATE UNIQUE INDEX "idx_embed_posts_embed_id_post_row"
    ON "embed_posts" ("embed_id", "post_row");

CREATE TABLE "snapshots" (
   "id" INTEGER PRIMARY KEY,
   "service" TEXT,
   "original" TEXT,
   "url" TEXT,
   "timestamp" TEXT,
   "status" TEXT,
   "digest" TEXT,
   "mimetype" TEXT,
   "found_via" TEXT,
   "observed_at" TEXT,
   "fetch_id" INTEGER REFERENCES "fetches"("id")
);

CREATE INDEX "idx_snapshots_original_timestamp"
    ON "snapshots" ("original", "timestamp");

CREATE UNIQUE INDEX "idx_snapshots_service_url"
    ON "snapshots" ("service", "url");

CREATE TABLE "saves" (
   "id" INTEGER PRIMARY KEY,
   "url" TEXT NOT NULL,
   "status" TEXT NOT NULL,
   "job_id" TEXT,
   "attempts" INTEGER,
   "status_ext" TEXT,
   "message" TEXT,
   "snapshot_url" TEXT,
   "timestamp" TEXT,
   "queued_at" TEXT,
   "updated_at" TEXT
, "platform" TEXT, "post_id" TEXT);

CREATE INDEX "idx_saves_status_queued_at"
    ON "saves" ("status", "queued_at");

CREATE INDEX "idx_saves_url"
    ON "saves" ("url");

CREATE TABLE "identifications" (
   "id" INTEGER PRIMARY KEY,
   "embed_id" INTEGER REFERENCES "embeds"("id"),
   "platform" TEXT,
   "post_id" TEXT,
   "confidence" REAL,
   "candidates" INTEGER,
   "similarity" REAL,
   "evidence" TEXT,
   "identified_at" TEXT
, "verdict" TEXT);

CREATE INDEX "idx_identifications_embed_id"
    ON "identifications" ("embed_id");

CREATE TABLE "errors" (
   "id" INTEGER PRIMARY KEY,
   "source" TEXT NOT NULL,
   "article_id" INTEGER REFERENCES "articles"("id"),
   "stage" TEXT,
   "kind" TEXT,
   "message" TEXT NOT NULL,
   "occurred_at" TEXT NOT NULL,
   "tool_version" TEXT
);

CREATE INDEX "idx_errors_source"
    ON "errors" ("source");

CREATE INDEX "idx_article_sources_host"
    ON "article_sources" ("host");

CREATE TABLE "progress" (
   "id" INTEGER PRIMARY KEY,
   "job" TEXT NOT NULL,
   "key" TEXT NOT NULL,
   "source" TEXT,
   "article_id" INTEGER REFERENCES "articles"("id"),
   "outcome" TEXT,
   "finished_at" TEXT NOT NULL
, "run" TEXT, "steps_failed" INTEGER);

CREATE UNIQUE INDEX "idx_progress_job_key"
    ON "progress" ("job", "key");

CREATE VIRTUAL TABLE "posts_fts" USING FTS5 (
    "text", "author_handle", "author_name",
    content="posts"
);

CREATE TRIGGER "posts_ai" AFTER INSERT ON "posts" BEGIN
  INSERT INTO "posts_fts" (rowid, "text", "author_handle", "author_name") VALUES (new.rowid, new."text", new."author_handle", new."author_name");
END;

CREATE TRIGGER "posts_ad" AFTER DELETE ON "posts" BEGIN
  INSERT INTO "posts_fts" ("posts_fts", rowid, "text", "author_handle", "author_name") VALUES('delete', old.rowid, old."text", old."author_handle", old."author_name");
END;

CREATE TRIGGER "posts_au" AFTER UPDATE ON "posts" BEGIN
  INSERT INTO "posts_fts" ("posts_fts", rowid, "text", "author_handle", "author_name") VALUES('delete', old.rowid, old."text", old."author_handle", old."author_name");
  INSERT INTO "posts_fts" (rowid, "text", "author_handle", "author_name") VALUES (new.rowid, new."text", new."author_handle", new."author_name");
END;

CREATE VIRTUAL TABLE "embeds_fts" USING FTS5 (
    "text", "author_handle", "author_name", "url",
    content="embeds"
);

CREATE TRIGGER "embeds_ai" AFTER INSERT ON "embeds" BEGIN
  INSERT INTO "embeds_fts" (rowid, "text", "author_handle", "author_name", "url") VALUES (new.rowid, new."text", new."author_handle", new."author_name", new."url");
END;

CREATE TRIGGER "embeds_ad" AFTER DELETE ON "embeds" BEGIN
  INSERT INTO "embeds_fts" ("embeds_fts", rowid, "text", "author_handle", "author_name", "url") VALUES('delete', old.rowid, old."text", old."author_handle", old."author_name", old."url");
END;

CREATE TRIGGER "embeds_au" AFTER UPDATE ON "embeds" BEGIN
  INSERT INTO "embeds_fts" ("embeds_fts", rowid, "text", "author_handle", "author_name", "url") VALUES('delete', old.rowid, old."text", old."author_handle", old."author_name", old."url");
  INSERT INTO "embeds_fts" (rowid, "text", "author_handle", "author_name", "url") VALUES (new.rowid, new."text", new."author_handle", new."author_name", new."url");
END;

CREATE TABLE "run_outputs" (
   "id" INTEGER PRIMARY KEY,
   "job" TEXT NOT NULL,
   "path" TEXT NOT NULL,
   "length" INTEGER NOT NULL,
   "updated_at" TEXT NOT NULL
, "pending" TEXT, "pending_sha256" TEXT);

CREATE UNIQUE INDEX "idx_run_outputs_job"
    ON "run_outputs" ("job");

CREATE INDEX post_observations_author ON post_observations (json_extract(record, '$.author.id'), lower(json_extract(record, '$.author.handle')));

CREATE INDEX authors_any_case ON authors (platform, lower(handle));

CREATE TABLE step_memos (id INTEGER PRIMARY KEY AUTOINCREMENT, article_id INTEGER NOT NULL, key TEXT NOT NULL, since TEXT, fresh_until TEXT, unavailable INTEGER NOT NULL, failed INTEGER NOT NULL, tail TEXT NOT NULL, made_at TEXT NOT NULL);

CREATE UNIQUE INDEX step_memos_article_key ON step_memos (article_id, key);

CREATE TABLE step_memo_keys (key TEXT NOT NULL, memo INTEGER NOT NULL);

CREATE INDEX step_memo_keys_key ON step_memo_keys (key);

CREATE INDEX step_memo_keys_memo ON step_memo_keys (memo);

CREATE TRIGGER step_memos_deleted AFTER DELETE ON step_memos BEGIN DELETE FROM step_memo_keys WHERE memo = OLD.id; END;

CREATE TRIGGER step_memos_posts_insert AFTER INSERT ON posts WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('posts ' || NEW.platform || ' ' || NEW.post_id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('posts ' || NEW.platform || ' ' || NEW.post_id)); END;

CREATE TRIGGER step_memos_posts_update AFTER UPDATE ON posts WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('posts ' || OLD.platform || ' ' || OLD.post_id, 'posts ' || NEW.platform || ' ' || NEW.post_id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('posts ' || OLD.platform || ' ' || OLD.post_id, 'posts ' || NEW.platform || ' ' || NEW.post_id)); END;

CREATE TRIGGER step_memos_posts_delete AFTER DELETE ON posts WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('posts ' || OLD.platform || ' ' || OLD.post_id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('posts ' || OLD.platform || ' ' || OLD.post_id)); END;

CREATE TRIGGER step_memos_posts_replacing BEFORE INSERT ON posts WHEN NEW.id IS NOT -1 OR EXISTS (SELECT 1 FROM posts WHERE id = -1) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'posts ' || old.platform || ' ' || old.post_id FROM posts AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_posts_renumbering BEFORE UPDATE OF id ON posts WHEN NEW.id IS NOT OLD.id BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'posts ' || old.platform || ' ' || old.post_id FROM posts AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_post_observations_insert AFTER INSERT ON post_observations WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('post_observations ' || NEW.post_row)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('post_observations ' || NEW.post_row)); END;

CREATE TRIGGER step_memos_post_observations_update AFTER UPDATE ON post_observations WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('post_observations ' || OLD.post_row, 'post_observations ' || NEW.post_row)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('post_observations ' || OLD.post_row, 'post_observations ' || NEW.post_row)); END;

CREATE TRIGGER step_memos_post_observations_delete AFTER DELETE ON post_observations WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('post_observations ' || OLD.post_row)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('post_observations ' || OLD.post_row)); END;

CREATE TRIGGER step_memos_post_observations_replacing BEFORE INSERT ON post_observations WHEN NEW.id IS NOT -1 OR EXISTS (SELECT 1 FROM post_observations WHERE id = -1) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'post_observations ' || old.post_row FROM post_observations AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_post_observations_renumbering BEFORE UPDATE OF id ON post_observations WHEN NEW.id IS NOT OLD.id BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'post_observations ' || old.post_row FROM post_observations AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_fetches_insert AFTER INSERT ON fetches WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('fetches ' || NEW.url, 'fetch ' || NEW.id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('fetches ' || NEW.url, 'fetch ' || NEW.id)); END;

CREATE TRIGGER step_memos_fetches_update AFTER UPDATE ON fetches WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('fetches ' || OLD.url, 'fetch ' || OLD.id, 'fetches ' || NEW.url, 'fetch ' || NEW.id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('fetches ' || OLD.url, 'fetch ' || OLD.id, 'fetches ' || NEW.url, 'fetch ' || NEW.id)); END;

CREATE TRIGGER step_memos_fetches_delete AFTER DELETE ON fetches WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('fetches ' || OLD.url, 'fetch ' || OLD.id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('fetches ' || OLD.url, 'fetch ' || OLD.id)); END;

CREATE TRIGGER step_memos_fetches_replacing BEFORE INSERT ON fetches WHEN NEW.id IS NOT -1 OR EXISTS (SELECT 1 FROM fetches WHERE id = -1) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'fetches ' || old.url FROM fetches AS old WHERE old.id = NEW.id) OR key IN (SELECT 'fetch ' || old.id FROM fetches AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_fetches_renumbering BEFORE UPDATE OF id ON fetches WHEN NEW.id IS NOT OLD.id BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'fetches ' || old.url FROM fetches AS old WHERE old.id = NEW.id) OR key IN (SELECT 'fetch ' || old.id FROM fetches AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_bodies_insert AFTER INSERT ON bodies WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('bodies ' || NEW.sha256)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('bodies ' || NEW.sha256)); END;

CREATE TRIGGER step_memos_bodies_update AFTER UPDATE ON bodies WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('bodies ' || OLD.sha256, 'bodies ' || NEW.sha256)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('bodies ' || OLD.sha256, 'bodies ' || NEW.sha256)); END;

CREATE TRIGGER step_memos_bodies_delete AFTER DELETE ON bodies WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('bodies ' || OLD.sha256)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('bodies ' || OLD.sha256)); END;

CREATE TRIGGER step_memos_media_insert AFTER INSERT ON media WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('media ' || NEW.url)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('media ' || NEW.url)); END;

CREATE TRIGGER step_memos_media_update AFTER UPDATE ON media WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('media ' || OLD.url, 'media ' || NEW.url)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('media ' || OLD.url, 'media ' || NEW.url)); END;

CREATE TRIGGER step_memos_media_delete AFTER DELETE ON media WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('media ' || OLD.url)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('media ' || OLD.url)); END;

CREATE TRIGGER step_memos_media_replacing BEFORE INSERT ON media WHEN NEW.id IS NOT -1 OR EXISTS (SELECT 1 FROM media WHERE id = -1) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'media ' || old.url FROM media AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_media_renumbering BEFORE UPDATE OF id ON media WHEN NEW.id IS NOT OLD.id BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'media ' || old.url FROM media AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_embeds_insert AFTER INSERT ON embeds WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('embeds ' || NEW.article_id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('embeds ' || NEW.article_id)); END;

CREATE TRIGGER step_memos_embeds_update AFTER UPDATE ON embeds WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('embeds ' || OLD.article_id, 'embeds ' || NEW.article_id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('embeds ' || OLD.article_id, 'embeds ' || NEW.article_id)); END;

CREATE TRIGGER step_memos_embeds_delete AFTER DELETE ON embeds WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('embeds ' || OLD.article_id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('embeds ' || OLD.article_id)); END;

CREATE TRIGGER step_memos_embeds_replacing BEFORE INSERT ON embeds WHEN NEW.id IS NOT -1 OR EXISTS (SELECT 1 FROM embeds WHERE id = -1) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'embeds ' || old.article_id FROM embeds AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_embeds_renumbering BEFORE UPDATE OF id ON embeds WHEN NEW.id IS NOT OLD.id BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'embeds ' || old.article_id FROM embeds AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_embed_links_insert AFTER INSERT ON embed_links WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('embed_links ' || NEW.embed_id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('embed_links ' || NEW.embed_id)); END;

CREATE TRIGGER step_memos_embed_links_update AFTER UPDATE ON embed_links WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('embed_links ' || OLD.embed_id, 'embed_links ' || NEW.embed_id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('embed_links ' || OLD.embed_id, 'embed_links ' || NEW.embed_id)); END;

CREATE TRIGGER step_memos_embed_links_delete AFTER DELETE ON embed_links WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('embed_links ' || OLD.embed_id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('embed_links ' || OLD.embed_id)); END;

CREATE TRIGGER step_memos_embed_links_replacing BEFORE INSERT ON embed_links WHEN NEW.id IS NOT -1 OR EXISTS (SELECT 1 FROM embed_links WHERE id = -1) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'embed_links ' || old.embed_id FROM embed_links AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_embed_links_renumbering BEFORE UPDATE OF id ON embed_links WHEN NEW.id IS NOT OLD.id BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'embed_links ' || old.embed_id FROM embed_links AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_embed_posts_insert AFTER INSERT ON embed_posts WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('embed_posts ' || NEW.embed_id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('embed_posts ' || NEW.embed_id)); END;

CREATE TRIGGER step_memos_embed_posts_update AFTER UPDATE ON embed_posts WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('embed_posts ' || OLD.embed_id, 'embed_posts ' || NEW.embed_id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('embed_posts ' || OLD.embed_id, 'embed_posts ' || NEW.embed_id)); END;

CREATE TRIGGER step_memos_embed_posts_delete AFTER DELETE ON embed_posts WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('embed_posts ' || OLD.embed_id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('embed_posts ' || OLD.embed_id)); END;

CREATE TRIGGER step_memos_embed_posts_replacing BEFORE INSERT ON embed_posts WHEN NEW.id IS NOT -1 OR EXISTS (SELECT 1 FROM embed_posts WHERE id = -1) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'embed_posts ' || old.embed_id FROM embed_posts AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_embed_posts_renumbering BEFORE UPDATE OF id ON embed_posts WHEN NEW.id IS NOT OLD.id BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'embed_posts ' || old.embed_id FROM embed_posts AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_authors_insert AFTER INSERT ON authors WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('authors ' || NEW.platform || ' ' || NEW.author_id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('authors ' || NEW.platform || ' ' || NEW.author_id)); END;

CREATE TRIGGER step_memos_authors_update AFTER UPDATE ON authors WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('authors ' || OLD.platform || ' ' || OLD.author_id, 'authors ' || NEW.platform || ' ' || NEW.author_id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('authors ' || OLD.platform || ' ' || OLD.author_id, 'authors ' || NEW.platform || ' ' || NEW.author_id)); END;

CREATE TRIGGER step_memos_authors_delete AFTER DELETE ON authors WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('authors ' || OLD.platform || ' ' || OLD.author_id)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('authors ' || OLD.platform || ' ' || OLD.author_id)); END;

CREATE TRIGGER step_memos_authors_replacing BEFORE INSERT ON authors WHEN NEW.id IS NOT -1 OR EXISTS (SELECT 1 FROM authors WHERE id = -1) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'authors ' || old.platform || ' ' || old.author_id FROM authors AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_authors_renumbering BEFORE UPDATE OF id ON authors WHEN NEW.id IS NOT OLD.id BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'authors ' || old.platform || ' ' || old.author_id FROM authors AS old WHERE old.id = NEW.id)); END;

CREATE INDEX authors_by_id ON authors (platform, author_id);

CREATE TABLE "resolutions" (
   "id" INTEGER PRIMARY KEY,
   "url" TEXT NOT NULL,
   "final_url" TEXT,
   "canonical_url" TEXT,
   "hops" TEXT,
   "post" TEXT,
   "error" TEXT,
   "resolved_at" TEXT,
   "fetch_ids" TEXT,
   "tool_version" TEXT,
   "end_redacted" INTEGER
, "answered_at_unknown" TEXT);

CREATE INDEX "idx_resolutions_url_resolved_at"
    ON "resolutions" ("url", "resolved_at");

CREATE TRIGGER step_memos_resolutions_insert AFTER INSERT ON resolutions WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('resolutions ' || NEW.url)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('resolutions ' || NEW.url)); END;

CREATE TRIGGER step_memos_resolutions_update AFTER UPDATE ON resolutions WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('resolutions ' || OLD.url, 'resolutions ' || NEW.url)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('resolutions ' || OLD.url, 'resolutions ' || NEW.url)); END;

CREATE TRIGGER step_memos_resolutions_delete AFTER DELETE ON resolutions WHEN EXISTS (SELECT 1 FROM step_memo_keys WHERE key IN ('resolutions ' || OLD.url)) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN ('resolutions ' || OLD.url)); END;

CREATE TRIGGER step_memos_resolutions_replacing BEFORE INSERT ON resolutions WHEN NEW.id IS NOT -1 OR EXISTS (SELECT 1 FROM resolutions WHERE id = -1) BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'resolutions ' || old.url FROM resolutions AS old WHERE old.id = NEW.id)); END;

CREATE TRIGGER step_memos_resolutions_renumbering BEFORE UPDATE OF id ON resolutions WHEN NEW.id IS NOT OLD.id BEGIN DELETE FROM step_memos WHERE id IN (SELECT memo FROM step_memo_keys WHERE key IN (SELECT 'resolutions ' || old.url FROM resolutions AS old WHERE old.id = NEW.id)); END;

CREATE INDEX fetches_of_no_known_age ON fetches(id) WHERE answered_at_unknown IS NOT NULL OR error_kind = 'not-in-warc';

CREATE INDEX snapshots_any_case ON snapshots (lower(original), timestamp);

CREATE INDEX fetches_replayed ON fetches(warc_sha256, warc_offset) WHERE warc_sha256 IS NOT NULL;

CREATE INDEX post_observations_fetch ON post_observations (fetch_id);

CREATE INDEX fetches_cdx_any_case ON fetches (lower(url)) WHERE purpose = 'wayback-cdx';

CREATE INDEX saves_by_post ON saves (platform, post_id) WHERE post_id IS NOT NULL;

CREATE INDEX fetches_available_any_case ON fetches (lower(url)) WHERE purpose = 'wayback-available';

CREATE INDEX article_sources_source ON article_sources (source);

CREATE VIEW "current_articles" AS SELECT a.* FROM articles a
WHERE EXISTS (SELECT 1 FROM article_sources s WHERE s.article_id = a.id AND s.superseded_at IS NULL)
   OR NOT EXISTS (SELECT 1 FROM article_sources s WHERE s.article_id = a.id);

CREATE VIEW "unsure_encodings" AS SELECT a.id AS article_id, a.first_source AS article, a.encoding, a.encoding_rival, a.encoding_rivals,
a.first_scanned_at
FROM articles a
WHERE a.encoding_detected = 1 AND a.id IN (SELECT id FROM current_articles) AND a.encoding_rival <> ''
ORDER BY a.id;

CREATE INDEX article_sources_place ON article_sources (place) WHERE place IS NOT NULL;

CREATE INDEX progress_job_source ON progress (job, source);

CREATE VIEW "article_credits" AS SELECT c.id AS credit_id, c.article_id,
       (SELECT s.source FROM article_sources s WHERE s.article_id = c.article_id ORDER BY s.id LIMIT 1) AS article,
       c.raw, c.creator, c.organization, g.agency, c.kind, c.source, c.form, c.image, c.span_start, c.span_end,
       c.split_confidence
FROM credits c LEFT JOIN agency_names g ON g.name = lower(trim(c.organization))
WHERE c.article_id IN (SELECT id FROM current_articles)
ORDER BY c.article_id, c.ordinal;

CREATE VIEW "gone_accounts_most_cited" AS SELECT p.platform, lower(COALESCE(p.author_handle, e.author_handle, CASE WHEN p.platform = 'twitter' AND instr(p.url, '.com/') > 0 AND instr(p.url, '/status/') > instr(p.url, '.com/') + 5 THEN nullif(substr(p.url, instr(p.url, '.com/') + 5, instr(p.url, '/status/') - instr(p.url, '.com/') - 5), 'i') END)) AS handle,
       COALESCE(substr(MAX((SELECT o.observed_at || char(31) || CASE WHEN json_valid(o.record) THEN json_extract(o.record, '$.author_name') END FROM post_observations o WHERE o.post_row = p.id AND o.method != 'wayback' AND o.observed_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AND CASE WHEN json_valid(o.record) THEN json_extract(o.record, '$.author_name') END IS NOT NULL ORDER BY o.observed_at DESC, o.id DESC LIMIT 1)), instr(MAX((SELECT o.observed_at || char(31) || CASE WHEN json_valid(o.record) THEN json_extract(o.record, '$.author_name') END FROM post_observations o WHERE o.post_row = p.id AND o.method != 'wayback' AND o.observed_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AND CASE WHEN json_valid(o.record) THEN json_extract(o.record, '$.author_name') END IS NOT NULL ORDER BY o.observed_at DESC, o.id DESC LIMIT 1)), char(31)) + 1), MAX(p.author_name), substr(MAX((SELECT v FROM (SELECT a.last_seen_at AS t, a.id AS i, a.last_seen_at || char(31) || a.name AS v FROM authors a WHERE a.platform = p.platform AND a.name IS NOT NULL AND a.last_seen_at IS NOT NULL AND a.author_id = COALESCE(p.author_id, (SELECT json_extract(o.record, '$.author_id') FROM post_observations o WHERE o.post_row = p.id AND json_valid(o.record) AND json_extract(o.record, '$.author_id') IS NOT NULL ORDER BY o.observed_at DESC, o.id DESC LIMIT 1)) UNION ALL SELECT a.last_seen_at AS t, a.id AS i, a.last_seen_at || char(31) || a.name AS v FROM authors a WHERE a.platform = p.platform AND a.name IS NOT NULL AND a.last_seen_at IS NOT NULL AND lower(a.handle) = lower(COALESCE(p.author_handle, e.author_handle, CASE WHEN p.platform = 'twitter' AND instr(p.url, '.com/') > 0 AND instr(p.url, '/status/') > instr(p.url, '.com/') + 5 THEN nullif(substr(p.url, instr(p.url, '.com/') + 5, instr(p.url, '/status/') - instr(p.url, '.com/') - 5), 'i') END)) AND a.last_seen_at <= (SELECT min(o.observed_at) FROM post_observations o WHERE o.post_row = p.id AND o.method != 'wayback' AND o.status IN ('deleted', 'suspended') AND o.observed_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))) ORDER BY t DESC, i DESC LIMIT 1)), instr(MAX((SELECT v FROM (SELECT a.last_seen_at AS t, a.id AS i, a.last_seen_at || char(31) || a.name AS v FROM authors a WHERE a.platform = p.platform AND a.name IS NOT NULL AND a.last_seen_at IS NOT NULL AND a.author_id = COALESCE(p.author_id, (SELECT json_extract(o.record, '$.author_id') FROM post_observations o WHERE o.post_row = p.id AND json_valid(o.record) AND json_extract(o.record, '$.author_id') IS NOT NULL ORDER BY o.observed_at DESC, o.id DESC LIMIT 1)) UNION ALL SELECT a.last_seen_at AS t, a.id AS i, a.last_seen_at || char(31) || a.name AS v FROM authors a WHERE a.platform = p.platform AND a.name IS NOT NULL AND a.last_seen_at IS NOT NULL AND lower(a.handle) = lower(COALESCE(p.author_handle, e.author_handle, CASE WHEN p.platform = 'twitter' AND instr(p.url, '.com/') > 0 AND instr(p.url, '/status/') > instr(p.url, '.com/') + 5 THEN nullif(substr(p.url, instr(p.url, '.com/') + 5, instr(p.url, '/status/') - instr(p.url, '.com/') - 5), 'i') END)) AND a.last_seen_at <= (SELECT min(o.observed_at) FROM post_observations o WHERE o.post_row = p.id AND o.method != 'wayback' AND o.status IN ('deleted', 'suspended') AND o.observed_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))) ORDER BY t DESC, i DESC LIMIT 1)), char(31)) + 1)) AS name,
       MAX(CASE WHEN e.detector IS NOT 'html-link' THEN e.author_name END) AS name_in_article,
       COUNT(DISTINCT e.article_id) AS articles, COUNT(*) AS embeds, COUNT(DISTINCT p.id) AS posts,
       SUM(p.status = 'suspended') AS suspended_embeds, SUM(p.status = 'deleted') AS deleted_embeds,
       MAX(p.last_available_at) AS last_seen_available,
       MIN((CASE WHEN p.status IN ('error', 'unknown') OR p.status IS NULL THEN p.last_observed_at ELSE COALESCE(COALESCE((SELECT max(o.observed_at) FROM post_observations o WHERE o.post_row = p.id AND o.method != 'wayback' AND o.status NOT IN ('error', 'unknown') AND o.status IS NOT NULL AND o.method IS p.method AND o.observed_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT max(o.observed_at) FROM post_observations o WHERE o.post_row = p.id AND o.method != 'wayback' AND o.status NOT IN ('error', 'unknown') AND o.status IS NOT NULL AND o.observed_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))), p.last_observed_at) END)) AS status_as_of_oldest, MAX((CASE WHEN p.status IN ('error', 'unknown') OR p.status IS NULL THEN p.last_observed_at ELSE COALESCE(COALESCE((SELECT max(o.observed_at) FROM post_observations o WHERE o.post_row = p.id AND o.method != 'wayback' AND o.status NOT IN ('error', 'unknown') AND o.status IS NOT NULL AND o.method IS p.method AND o.observed_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT max(o.observed_at) FROM post_observations o WHERE o.post_row = p.id AND o.method != 'wayback' AND o.status NOT IN ('error', 'unknown') AND o.status IS NOT NULL AND o.observed_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))), p.last_observed_at) END)) AS status_as_of_newest,
       replace(group_concat(DISTINCT p.method), ',', ', ') AS status_sources
FROM embeds e JOIN posts p ON p.id = CASE WHEN e.post_id IS NOT NULL THEN COALESCE((SELECT q.id FROM posts q WHERE q.platform = e.platform AND q.post_id = e.post_id), CASE WHEN e.platform = 'bluesky' THEN (SELECT q.id FROM posts q WHERE q.platform = 'bluesky' AND q.post_id IN (SELECT b.handle || '/' || substr(e.post_id, instr(e.post_id, '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND b.author_id = substr(e.post_id, 1, instr(e.post_id, '/') - 1) AND substr(e.post_id, 1, instr(e.post_id, '/') - 1) LIKE 'did:%' UNION ALL SELECT b.author_id || '/' || substr(e.post_id, instr(e.post_id, '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND lower(b.handle) = lower(substr(e.post_id, 1, instr(e.post_id, '/') - 1)) AND b.author_id LIKE 'did:%') ORDER BY q.id LIMIT 1) END) ELSE (SELECT q.id FROM embed_links k JOIN resolutions r0 ON r0.id = k.resolution_id JOIN resolutions r ON r.url = r0.url JOIN posts q ON q.platform = json_extract(r.post, '$.platform') AND q.post_id IN (SELECT json_extract(r.post, '$.post_id') UNION ALL SELECT b.handle || '/' || substr(json_extract(r.post, '$.post_id'), instr(json_extract(r.post, '$.post_id'), '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND b.author_id = substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1) AND substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1) LIKE 'did:%' UNION ALL SELECT b.author_id || '/' || substr(json_extract(r.post, '$.post_id'), instr(json_extract(r.post, '$.post_id'), '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND lower(b.handle) = lower(substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1)) AND b.author_id LIKE 'did:%') WHERE k.embed_id = e.id AND json_valid(r.post) AND (k.url = e.url OR k.url IN (SELECT m.value FROM json_each(CASE WHEN json_valid(e.media_links) THEN e.media_links END) m)) ORDER BY k.id, r.resolved_at DESC, r.id DESC, q.post_id != json_extract(r.post, '$.post_id'), q.id LIMIT 1) END
WHERE p.status IN ('deleted', 'suspended') AND ((e.post_id IS NOT NULL OR p.id IS NOT NULL) AND (CASE WHEN e.id_doubt IS NULL AND e.post_id IS NOT NULL AND e.platform != 'bluesky' THEN 1 ELSE NOT EXISTS (SELECT 1 FROM embeds o WHERE o.article_id = e.article_id AND o.id != e.id AND (((o.id_doubt IS NOT NULL) * 2 + (o.post_id IS NULL)) < ((e.id_doubt IS NOT NULL) * 2 + (e.post_id IS NULL)) OR (((o.id_doubt IS NOT NULL) * 2 + (o.post_id IS NULL)) = ((e.id_doubt IS NOT NULL) * 2 + (e.post_id IS NULL)) AND o.id < e.id)) AND ((o.post_id IS NOT NULL AND o.platform = p.platform AND o.post_id = p.post_id) OR (o.post_id IS NULL AND (SELECT q.id FROM embed_links k JOIN resolutions r0 ON r0.id = k.resolution_id JOIN resolutions r ON r.url = r0.url JOIN posts q ON q.platform = json_extract(r.post, '$.platform') AND q.post_id IN (SELECT json_extract(r.post, '$.post_id') UNION ALL SELECT b.handle || '/' || substr(json_extract(r.post, '$.post_id'), instr(json_extract(r.post, '$.post_id'), '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND b.author_id = substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1) AND substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1) LIKE 'did:%' UNION ALL SELECT b.author_id || '/' || substr(json_extract(r.post, '$.post_id'), instr(json_extract(r.post, '$.post_id'), '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND lower(b.handle) = lower(substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1)) AND b.author_id LIKE 'did:%') WHERE k.embed_id = o.id AND json_valid(r.post) AND (k.url = o.url OR k.url IN (SELECT m.value FROM json_each(CASE WHEN json_valid(o.media_links) THEN o.media_links END) m)) ORDER BY k.id, r.resolved_at DESC, r.id DESC, q.post_id != json_extract(r.post, '$.post_id'), q.id LIMIT 1) = p.id) OR (o.platform = 'bluesky' AND COALESCE(p.platform, e.platform) = 'bluesky' AND o.post_id IS NOT NULL AND substr(o.post_id, instr(o.post_id, '/') + 1) = substr(COALESCE(p.post_id, e.post_id), instr(COALESCE(p.post_id, e.post_id), '/') + 1) AND (lower(COALESCE(CASE WHEN substr(o.post_id, 1, instr(o.post_id, '/') - 1) LIKE 'did:%' THEN substr(o.post_id, 1, instr(o.post_id, '/') - 1) ELSE (SELECT a.author_id FROM authors a WHERE a.platform = 'bluesky' AND lower(a.handle) = lower(substr(o.post_id, 1, instr(o.post_id, '/') - 1)) AND a.author_id LIKE 'did:%' ORDER BY a.last_seen_at IS NULL, a.last_seen_at DESC, a.id DESC LIMIT 1) END, substr(o.post_id, 1, instr(o.post_id, '/') - 1))) || '/' || substr(o.post_id, instr(o.post_id, '/') + 1)) = (lower(COALESCE(CASE WHEN substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1) LIKE 'did:%' THEN substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1) ELSE (SELECT a.author_id FROM authors a WHERE a.platform = 'bluesky' AND lower(a.handle) = lower(substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1)) AND a.author_id LIKE 'did:%' ORDER BY a.last_seen_at IS NULL, a.last_seen_at DESC, a.id DESC LIMIT 1) END, substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1))) || '/' || substr(COALESCE(p.post_id, e.post_id), instr(COALESCE(p.post_id, e.post_id), '/') + 1))))) END)) AND e.id_doubt IS NULL AND e.article_id IN (SELECT id FROM current_articles)
GROUP BY p.platform, lower(COALESCE(p.author_handle, e.author_handle, CASE WHEN p.platform = 'twitter' AND instr(p.url, '.com/') > 0 AND instr(p.url, '/status/') > instr(p.url, '.com/') + 5 THEN nullif(substr(p.url, instr(p.url, '.com/') + 5, instr(p.url, '/status/') - instr(p.url, '.com/') - 5), 'i') END))
ORDER BY articles DESC, embeds DESC, handle;

CREATE VIEW "credits_by_organization" AS SELECT COALESCE(MIN(trim(c.organization)), '(none named)') AS organization, g.agency,
       json_group_array(DISTINCT trim(c.organization)) FILTER (WHERE c.organization IS NOT NULL) AS names_as_written,
       COUNT(*) FILTER (WHERE c.split_confidence IS NOT 'uncertain') AS credits, COUNT(DISTINCT c.article_id) FILTER (WHERE c.split_confidence IS NOT 'uncertain') AS articles,
       COUNT(DISTINCT lower(c.creator)) FILTER (WHERE c.split_confidence IS NOT 'uncertain') AS creators,
       COUNT(*) FILTER (WHERE c.split_confidence = 'uncertain') AS uncertain
FROM credits c LEFT JOIN agency_names g ON g.name = lower(trim(c.organization))
WHERE c.article_id IN (SELECT id FROM current_articles)
GROUP BY COALESCE(g.agency, lower(trim(c.organization)))
ORDER BY credits DESC, uncertain DESC, organization;

CREATE VIEW "dead_embeds_by_outlet_year" AS SELECT COALESCE(outlet, '(unknown)') AS outlet, platform, post_year,
       COUNT(*) AS embeds,
       SUM(known AND sure) AS embeds_checked,
       SUM(known AND NOT sure) AS doubtful_id,
       SUM(found AND NOT known) AS status_unknown,
       SUM(NOT found) AS not_checked,
       SUM(known AND sure AND status IN ('deleted', 'suspended')) AS dead,
       ROUND(100.0 * SUM(known AND sure AND status IN ('deleted', 'suspended')) / NULLIF(SUM(known AND sure), 0), 1) AS dead_percent,
       SUM(known AND sure AND status = 'deleted') AS deleted, SUM(known AND sure AND status = 'suspended') AS suspended,
       SUM(known AND sure AND status = 'not_found') AS not_found, COUNT(DISTINCT article_id) AS articles,
       MIN(CASE WHEN known THEN as_of END) AS status_as_of_oldest,
       MAX(CASE WHEN known THEN as_of END) AS status_as_of_newest,
       replace(group_concat(DISTINCT CASE WHEN known THEN source END), ',', ', ') AS status_sources
FROM (SELECT article_id, platform, status, sure, found, outlet, post_year, as_of, source,
             COALESCE(found AND status NOT IN ('error', 'unknown'), 0) AS known
      FROM (SELECT e.article_id, COALESCE(p.platform, e.platform) AS platform, CASE WHEN e.id_doubt IS NOT NULL AND e.platform = 'mastodon' AND p.status IS NOT NULL
         AND p.status NOT IN ('available', 'not_confirmed', 'error') THEN 'not_confirmed' ELSE p.status END AS status, e.id_doubt IS NULL AS sure, (e.post_id IS NOT NULL OR p.id IS NOT NULL) AS found, (SELECT s.host FROM article_sources s WHERE s.article_id = e.article_id AND s.host IS NOT NULL
     ORDER BY s.id LIMIT 1) AS outlet,
                   COALESCE(substr(p.created_at, 1, 4), substr(e.date, 1, 4),
    CASE WHEN COALESCE(p.platform, e.platform) = 'twitter' AND length(COALESCE(e.post_id, p.post_id)) >= 16 AND CAST(COALESCE(e.post_id, p.post_id) AS INTEGER) > 1000000000000000
         THEN strftime('%Y', ((CAST(COALESCE(e.post_id, p.post_id) AS INTEGER) >> 22) + 1288834974657) / 1000, 'unixepoch') END,
    CASE WHEN COALESCE(p.platform, e.platform) = 'bluesky' AND instr(COALESCE(e.post_id, p.post_id), '/') > 0 AND length(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1)) = 13 AND substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1) GLOB '[2-7a-j][2-7a-z][2-7a-z][2-7a-z][2-7a-z][2-7a-z][2-7a-z][2-7a-z][2-7a-z][2-7a-z][2-7a-z][2-7a-z][2-7a-z]'
         AND (((instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 1, 1)) - 1) * 1125899906842624 + (((instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 2, 1)) - 1) * 36028797018963968 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 3, 1)) - 1) * 1125899906842624 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 4, 1)) - 1) * 35184372088832 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 5, 1)) - 1) * 1099511627776 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 6, 1)) - 1) * 34359738368 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 7, 1)) - 1) * 1073741824 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 8, 1)) - 1) * 33554432 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 9, 1)) - 1) * 1048576 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 10, 1)) - 1) * 32768 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 11, 1)) - 1) * 1024 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 12, 1)) - 1) * 32 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 13, 1)) - 1) * 1) >> 10)) / 1000000) BETWEEN 1640995200 AND CAST(strftime('%s', 'now') AS INTEGER) + 86400
         THEN strftime('%Y', (((instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 1, 1)) - 1) * 1125899906842624 + (((instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 2, 1)) - 1) * 36028797018963968 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 3, 1)) - 1) * 1125899906842624 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 4, 1)) - 1) * 35184372088832 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 5, 1)) - 1) * 1099511627776 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 6, 1)) - 1) * 34359738368 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 7, 1)) - 1) * 1073741824 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 8, 1)) - 1) * 33554432 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 9, 1)) - 1) * 1048576 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 10, 1)) - 1) * 32768 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 11, 1)) - 1) * 1024 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 12, 1)) - 1) * 32 + (instr('234567abcdefghijklmnopqrstuvwxyz', substr(substr(COALESCE(e.post_id, p.post_id), instr(COALESCE(e.post_id, p.post_id), '/') + 1), 13, 1)) - 1) * 1) >> 10)) / 1000000), 'unixepoch') END) AS post_year, (CASE WHEN p.status IN ('error', 'unknown') OR p.status IS NULL THEN p.last_observed_at ELSE COALESCE(COALESCE((SELECT max(o.observed_at) FROM post_observations o WHERE o.post_row = p.id AND o.method != 'wayback' AND o.status NOT IN ('error', 'unknown') AND o.status IS NOT NULL AND o.method IS p.method AND o.observed_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT max(o.observed_at) FROM post_observations o WHERE o.post_row = p.id AND o.method != 'wayback' AND o.status NOT IN ('error', 'unknown') AND o.status IS NOT NULL AND o.observed_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))), p.last_observed_at) END) AS as_of, p.method AS source
            FROM embeds e LEFT JOIN posts p ON p.id = CASE WHEN e.post_id IS NOT NULL THEN COALESCE((SELECT q.id FROM posts q WHERE q.platform = e.platform AND q.post_id = e.post_id), CASE WHEN e.platform = 'bluesky' THEN (SELECT q.id FROM posts q WHERE q.platform = 'bluesky' AND q.post_id IN (SELECT b.handle || '/' || substr(e.post_id, instr(e.post_id, '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND b.author_id = substr(e.post_id, 1, instr(e.post_id, '/') - 1) AND substr(e.post_id, 1, instr(e.post_id, '/') - 1) LIKE 'did:%' UNION ALL SELECT b.author_id || '/' || substr(e.post_id, instr(e.post_id, '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND lower(b.handle) = lower(substr(e.post_id, 1, instr(e.post_id, '/') - 1)) AND b.author_id LIKE 'did:%') ORDER BY q.id LIMIT 1) END) ELSE (SELECT q.id FROM embed_links k JOIN resolutions r0 ON r0.id = k.resolution_id JOIN resolutions r ON r.url = r0.url JOIN posts q ON q.platform = json_extract(r.post, '$.platform') AND q.post_id IN (SELECT json_extract(r.post, '$.post_id') UNION ALL SELECT b.handle || '/' || substr(json_extract(r.post, '$.post_id'), instr(json_extract(r.post, '$.post_id'), '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND b.author_id = substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1) AND substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1) LIKE 'did:%' UNION ALL SELECT b.author_id || '/' || substr(json_extract(r.post, '$.post_id'), instr(json_extract(r.post, '$.post_id'), '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND lower(b.handle) = lower(substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1)) AND b.author_id LIKE 'did:%') WHERE k.embed_id = e.id AND json_valid(r.post) AND (k.url = e.url OR k.url IN (SELECT m.value FROM json_each(CASE WHEN json_valid(e.media_links) THEN e.media_links END) m)) ORDER BY k.id, r.resolved_at DESC, r.id DESC, q.post_id != json_extract(r.post, '$.post_id'), q.id LIMIT 1) END
            WHERE (COALESCE(e.kind, '') NOT IN ('playlist', 'timeline', 'story', 'clip', 'live', 'activity') AND (e.post_id IS NOT NULL OR p.id IS NOT NULL OR (e.post_id IS NULL AND p.id IS NULL AND (e.kind IN ('short-link', 'media-link') OR json_array_length(CASE WHEN json_valid(e.media_links) THEN e.media_links END) > 0) AND NOT COALESCE((SELECT r.error IS NULL AND json_extract(CASE WHEN json_valid(r.post) THEN r.post END, '$.post_id') IS NULL FROM embed_links k JOIN resolutions r0 ON r0.id = k.resolution_id JOIN resolutions r ON r.url = r0.url WHERE k.embed_id = e.id AND (k.url = e.url OR k.url IN (SELECT m.value FROM json_each(CASE WHEN json_valid(e.media_links) THEN e.media_links END) m)) ORDER BY r.resolved_at DESC, r.id DESC LIMIT 1), 0))) AND (CASE WHEN e.id_doubt IS NULL AND e.post_id IS NOT NULL AND e.platform != 'bluesky' THEN 1 ELSE NOT EXISTS (SELECT 1 FROM embeds o WHERE o.article_id = e.article_id AND o.id != e.id AND (((o.id_doubt IS NOT NULL) * 2 + (o.post_id IS NULL)) < ((e.id_doubt IS NOT NULL) * 2 + (e.post_id IS NULL)) OR (((o.id_doubt IS NOT NULL) * 2 + (o.post_id IS NULL)) = ((e.id_doubt IS NOT NULL) * 2 + (e.post_id IS NULL)) AND o.id < e.id)) AND ((o.post_id IS NOT NULL AND o.platform = p.platform AND o.post_id = p.post_id) OR (o.post_id IS NULL AND (SELECT q.id FROM embed_links k JOIN resolutions r0 ON r0.id = k.resolution_id JOIN resolutions r ON r.url = r0.url JOIN posts q ON q.platform = json_extract(r.post, '$.platform') AND q.post_id IN (SELECT json_extract(r.post, '$.post_id') UNION ALL SELECT b.handle || '/' || substr(json_extract(r.post, '$.post_id'), instr(json_extract(r.post, '$.post_id'), '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND b.author_id = substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1) AND substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1) LIKE 'did:%' UNION ALL SELECT b.author_id || '/' || substr(json_extract(r.post, '$.post_id'), instr(json_extract(r.post, '$.post_id'), '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND lower(b.handle) = lower(substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1)) AND b.author_id LIKE 'did:%') WHERE k.embed_id = o.id AND json_valid(r.post) AND (k.url = o.url OR k.url IN (SELECT m.value FROM json_each(CASE WHEN json_valid(o.media_links) THEN o.media_links END) m)) ORDER BY k.id, r.resolved_at DESC, r.id DESC, q.post_id != json_extract(r.post, '$.post_id'), q.id LIMIT 1) = p.id) OR (o.platform = 'bluesky' AND COALESCE(p.platform, e.platform) = 'bluesky' AND o.post_id IS NOT NULL AND substr(o.post_id, instr(o.post_id, '/') + 1) = substr(COALESCE(p.post_id, e.post_id), instr(COALESCE(p.post_id, e.post_id), '/') + 1) AND (lower(COALESCE(CASE WHEN substr(o.post_id, 1, instr(o.post_id, '/') - 1) LIKE 'did:%' THEN substr(o.post_id, 1, instr(o.post_id, '/') - 1) ELSE (SELECT a.author_id FROM authors a WHERE a.platform = 'bluesky' AND lower(a.handle) = lower(substr(o.post_id, 1, instr(o.post_id, '/') - 1)) AND a.author_id LIKE 'did:%' ORDER BY a.last_seen_at IS NULL, a.last_seen_at DESC, a.id DESC LIMIT 1) END, substr(o.post_id, 1, instr(o.post_id, '/') - 1))) || '/' || substr(o.post_id, instr(o.post_id, '/') + 1)) = (lower(COALESCE(CASE WHEN substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1) LIKE 'did:%' THEN substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1) ELSE (SELECT a.author_id FROM authors a WHERE a.platform = 'bluesky' AND lower(a.handle) = lower(substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1)) AND a.author_id LIKE 'did:%' ORDER BY a.last_seen_at IS NULL, a.last_seen_at DESC, a.id DESC LIMIT 1) END, substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1))) || '/' || substr(COALESCE(p.post_id, e.post_id), instr(COALESCE(p.post_id, e.post_id), '/') + 1))))) END)) AND e.article_id IN (SELECT id FROM current_articles)))
GROUP BY COALESCE(outlet, '(unknown)'), platform, post_year
ORDER BY outlet, platform, post_year;

CREATE VIEW "agency_names" AS SELECT column1 AS name, column2 AS agency FROM (VALUES
    ('reuters', 'Reuters'),
    ('thomson reuters', 'Reuters'),
    ('رويترز', 'Reuters'),
    ('رويتر', 'Reuters'),
    ('رویترز', 'Reuters'),
    ('רויטרס', 'Reuters'),
    ('рейтер', 'Reuters'),
    ('Рейтер', 'Reuters'),
    ('РЕЙТЕР', 'Reuters'),
    ('рейтерс', 'Reuters'),
    ('Рейтерс', 'Reuters'),
    ('РЕЙТЕРС', 'Reuters'),
    ('ロイター', 'Reuters'),
    ('路透社', 'Reuters'),
    ('路透', 'Reuters'),
    ('로이터', 'Reuters'),
    ('afp', 'AFP'),
    ('agence france-presse', 'AFP'),
    ('agence france presse', 'AFP'),
    ('أ ف ب', 'AFP'),
    ('ا ف ب', 'AFP'),
    ('أ.ف.ب', 'AFP'),
    ('فرانس برس', 'AFP'),
    ('وكالة الأنباء الفرنسية', 'AFP'),
    ('وكالة الصحافة الفرنسية', 'AFP'),
    ('خبرگزاری فرانسه', 'AFP'),
    ('франс пресс', 'AFP'),
    ('Франс пресс', 'AFP'),
    ('Франс Пресс', 'AFP'),
    ('ФРАНС ПРЕСС', 'AFP'),
    ('法新社', 'AFP'),
    ('ap', 'AP'),
    ('associated press', 'AP'),
    ('the associated press', 'AP'),
    ('أسوشيتد برس', 'AP'),
    ('أسوشييتد برس', 'AP'),
    ('أ ب', 'AP'),
    ('آسوشیتدپرس', 'AP'),
    ('آسوشیتد پرس', 'AP'),
    ('美联社', 'AP'),
    ('ассошиэйтед пресс', 'AP'),
    ('Ассошиэйтед пресс', 'AP'),
    ('Ассошиэйтед Пресс', 'AP'),
    ('АССОШИЭЙТЕД ПРЕСС', 'AP'),
    ('أ.ب', 'AP'),
    ('dpa', 'dpa'),
    ('deutsche presse-agentur', 'dpa'),
    ('د ب أ', 'dpa'),
    ('د.ب.أ', 'dpa'),
    ('وكالة الأنباء الألمانية', 'dpa'),
    ('efe', 'EFE'),
    ('agencia efe', 'EFE'),
    ('إفي', 'EFE'),
    ('إيفي', 'EFE'),
    ('وكالة إفي', 'EFE'),
    ('ansa', 'ANSA'),
    ('أنسا', 'ANSA'),
    ('xinhua', 'Xinhua'),
    ('新华社', 'Xinhua'),
    ('新華社', 'Xinhua'),
    ('شينخوا', 'Xinhua'),
    ('وكالة أنباء شينخوا', 'Xinhua'),
    ('синьхуа', 'Xinhua'),
    ('Синьхуа', 'Xinhua'),
    ('СИНЬХУА', 'Xinhua'),
    ('신화', 'Xinhua'),
    ('anadolu', 'Anadolu'),
    ('anadolu agency', 'Anadolu'),
    ('anadolu ajansı', 'Anadolu'),
    ('anadolu ajansi', 'Anadolu'),
    ('aa', 'Anadolu'),
    ('الأناضول', 'Anadolu'),
    ('وكالة الأناضول', 'Anadolu'),
    ('irna', 'IRNA'),
    ('ایرنا', 'IRNA'),
    ('ايرنا', 'IRNA'),
    ('إرنا', 'IRNA'),
    ('ارنا', 'IRNA'),
    ('خبرگزاری ایرنا', 'IRNA'),
    ('خبرگزاری جمهوری اسلامی', 'IRNA'),
    ('isna', 'ISNA'),
    ('ایسنا', 'ISNA'),
    ('ايسنا', 'ISNA'),
    ('إسنا', 'ISNA'),
    ('خبرگزاری ایسنا', 'ISNA'),
    ('خبرگزاری دانشجویان ایران', 'ISNA'),
    ('tasnim', 'Tasnim'),
    ('tasnim news agency', 'Tasnim'),
    ('تسنیم', 'Tasnim'),
    ('تسنيم', 'Tasnim'),
    ('خبرگزاری تسنیم', 'Tasnim'),
    ('fars', 'Fars'),
    ('fars news agency', 'Fars'),
    ('فارس', 'Fars'),
    ('خبرگزاری فارس', 'Fars'),
    ('mehr', 'Mehr'),
    ('mehr news agency', 'Mehr'),
    ('مهر', 'Mehr'),
    ('خبرگزاری مهر', 'Mehr'),
    ('wana', 'WANA'),
    ('west asia news agency', 'WANA'),
    ('وانا', 'WANA'),
    ('wafa', 'WAFA'),
    ('وفا', 'WAFA'),
    ('وكالة وفا', 'WAFA'),
    ('وكالة الأنباء الفلسطينية', 'WAFA'),
    ('mena', 'MENA'),
    ('أ ش أ', 'MENA'),
    ('أ.ش.أ', 'MENA'),
    ('وكالة أنباء الشرق الأوسط', 'MENA'),
    ('getty images', 'Getty Images'),
    ('getty', 'Getty Images'),
    ('غيتي', 'Getty Images'),
    ('غيتي إيميجز', 'Getty Images'),
    ('جيتي', 'Getty Images'),
    ('جيتي إيمجز', 'Getty Images'),
    ('گتی ایمجز', 'Getty Images'),
    ('ゲッティ', 'Getty Images'),
    ('ゲッティイメージズ', 'Getty Images'),
    ('גטי אימג''ס', 'Getty Images'),
    ('epa', 'EPA'),
    ('epa-efe', 'EPA'),
    ('european pressphoto agency', 'EPA'),
    ('إ ب أ', 'EPA'),
    ('إي بي إيه', 'EPA'),
    ('اي بي ايه', 'EPA'),
    ('وكالة الصحافة الأوروبية', 'EPA'),
    ('upi', 'UPI'),
    ('united press international', 'UPI'),
    ('cp', 'CP'),
    ('the canadian press', 'CP'),
    ('canadian press', 'CP'),
    ('pa', 'PA'),
    ('press association', 'PA'),
    ('pa media', 'PA'));

CREATE VIEW "at_risk_embeds" AS WITH copies AS (
    SELECT original, IFNULL(reading = 'archived-copy', 0) AS held FROM (
        SELECT s.original, (SELECT o.status FROM fetches f JOIN post_observations o ON o.fetch_id = f.id
        WHERE f.url = replace(s.url, '/' || s.timestamp || '/', '/' || s.timestamp || 'id_/') AND o.method = 'wayback' ORDER BY o.id DESC LIMIT 1) AS reading
        FROM snapshots s WHERE s.status = '200')
    WHERE IFNULL(reading, 'archived-copy') = 'archived-copy'
), archived AS (
    SELECT DISTINCT original AS url, NULL AS platform, NULL AS post_id, held FROM copies
    UNION
    SELECT DISTINCT NULL, 'twitter', substr(rest, 1, length(rest) - length(ltrim(rest, '0123456789'))), held FROM (
        SELECT substr(original, instr(original, '/status/') + 8) AS rest, held FROM copies
        WHERE instr(original, '/status/') > 0)
    WHERE ltrim(rest, '0123456789') IN ('', '/') OR substr(ltrim(rest, '0123456789'), 1, 1) IN ('?', '#') OR substr(ltrim(rest, '0123456789'), 1, 2) IN ('/?', '/#')
    UNION
    SELECT DISTINCT NULL, 'bluesky', lower(substr(rest, 1, instr(rest, '/post/') - 1) || '/' || substr(substr(rest, instr(rest, '/post/') + 6), 1, length(substr(rest, instr(rest, '/post/') + 6)) - length(ltrim(substr(rest, instr(rest, '/post/') + 6), 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:~')))), held FROM (
        SELECT substr(original, instr(original, '/profile/') + 9) AS rest, held FROM copies
        WHERE instr(original, 'bsky.app/profile/') > 0 AND instr(original, '/post/') > 0)
    UNION
    SELECT DISTINCT NULL, 'telegram', lower(rtrim(CASE WHEN instr(rest, '?') > 0 THEN substr(rest, 1, instr(rest, '?') - 1) ELSE rest END, '/')), held FROM (
        SELECT CASE WHEN substr(after, 1, 2) = 's/' THEN substr(after, 3) ELSE after END AS rest, held FROM (
            SELECT CASE WHEN instr(original, '//t.me/') > 0 THEN substr(original, instr(original, '//t.me/') + 7) ELSE substr(original, instr(original, '//telegram.me/') + 14) END AS after, held FROM copies
            WHERE (instr(original, '//t.me/') > 0 OR instr(original, '//telegram.me/') > 0) AND instr(original, 'comment=') = 0))
    UNION
    SELECT DISTINCT NULL, 'mastodon', lower(host) || '/' || substr(after, 1, length(after) - length(ltrim(after, '0123456789'))), held FROM (
        SELECT host, CASE WHEN substr(path, 1, 1) = '@' THEN substr(path, instr(path, '/') + 1) WHEN substr(path, 1, 6) = 'users/' AND instr(path, '/statuses/') > 0 THEN substr(path, instr(path, '/statuses/') + 10) WHEN substr(path, 1, 13) = 'web/statuses/' THEN substr(path, 14) END AS after, held FROM (
            SELECT substr(rest, 1, instr(rest, '/') - 1) AS host, substr(rest, instr(rest, '/') + 1) AS path, held FROM (
                SELECT substr(original, instr(original, '//') + 2) AS rest, held FROM copies
                WHERE instr(original, '//') > 0 AND (instr(original, '/@') > 0 OR instr(original, '/statuses/') > 0))
            WHERE instr(rest, '/') > 0))
    WHERE length(after) > length(ltrim(after, '0123456789')) AND (ltrim(after, '0123456789') IN ('', '/', '/embed') OR substr(ltrim(after, '0123456789'), 1, 1) IN ('?', '#') OR substr(ltrim(after, '0123456789'), 1, 2) IN ('/?', '/#'))
    UNION
    SELECT DISTINCT NULL, 'youtube', substr(rest, 1, 11), held FROM (
        SELECT CASE WHEN instr(original, 'youtube.com/watch?v=') > 0 THEN substr(original, instr(original, 'youtube.com/watch?v=') + 20) WHEN instr(original, 'youtube.com/shorts/') > 0 THEN substr(original, instr(original, 'youtube.com/shorts/') + 19) ELSE substr(original, instr(original, 'youtube.com/watch?') + instr(substr(original, instr(original, 'youtube.com/watch?')), '&v=') + 2) END AS rest, held FROM copies
        WHERE instr(original, 'youtube.com/watch?v=') > 0 OR instr(original, 'youtube.com/shorts/') > 0 OR instr(original, 'youtube.com/watch?') > 0 AND instr(substr(original, instr(original, 'youtube.com/watch?')), '&v=') > 0)
    WHERE length(rest) = 11 OR length(rest) > 11 AND substr(rest, 12, 1) IN ('&', '?', '#', '/')
    UNION
    SELECT DISTINCT NULL, 'tiktok', substr(rest, 1, length(rest) - length(ltrim(rest, '0123456789'))), held FROM (
        SELECT substr(original, CASE WHEN instr(original, '/video/') > instr(original, 'tiktok.com/@') THEN instr(original, '/video/') ELSE instr(original, '/photo/') END + 7) AS rest, held FROM copies
        WHERE instr(original, 'tiktok.com/@') > 0 AND (instr(original, '/video/') > instr(original, 'tiktok.com/@') OR instr(original, '/photo/') > instr(original, 'tiktok.com/@')))
    WHERE length(rest) > length(ltrim(rest, '0123456789')) AND (ltrim(rest, '0123456789') = '' OR substr(ltrim(rest, '0123456789'), 1, 1) IN ('?', '#', '/'))
)
SELECT e.id AS embed_id, e.article_id,
       (SELECT s.source FROM article_sources s WHERE s.article_id = e.article_id ORDER BY s.id LIMIT 1) AS article,
       e.platform, e.kind, e.url, COALESCE(e.post_id, p.post_id) AS post_id, COALESCE(p.author_handle, e.author_handle, CASE WHEN p.platform = 'twitter' AND instr(p.url, '.com/') > 0 AND instr(p.url, '/status/') > instr(p.url, '.com/') + 5 THEN nullif(substr(p.url, instr(p.url, '.com/') + 5, instr(p.url, '/status/') - instr(p.url, '.com/') - 5), 'i') END) AS handle,
       CASE WHEN e.id_doubt IS NOT NULL AND e.platform = 'mastodon' AND p.status IS NOT NULL
         AND p.status NOT IN ('available', 'not_confirmed', 'error') THEN 'not_confirmed' ELSE p.status END AS post_status,
       (CASE WHEN p.status IN ('error', 'unknown') OR p.status IS NULL THEN p.last_observed_at ELSE COALESCE(COALESCE((SELECT max(o.observed_at) FROM post_observations o WHERE o.post_row = p.id AND o.method != 'wayback' AND o.status NOT IN ('error', 'unknown') AND o.status IS NOT NULL AND o.method IS p.method AND o.observed_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), (SELECT max(o.observed_at) FROM post_observations o WHERE o.post_row = p.id AND o.method != 'wayback' AND o.status NOT IN ('error', 'unknown') AND o.status IS NOT NULL AND o.observed_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))), p.last_observed_at) END) AS status_as_of, p.method AS status_source, p.last_available_at,
       (SELECT v.status FROM saves v WHERE v.url = e.url OR v.url = p.url
        OR (v.platform = COALESCE(p.platform, e.platform) AND v.post_id = COALESCE(e.post_id, p.post_id))
        OR (COALESCE(p.platform, e.platform) = 'bluesky' AND v.platform = 'bluesky' AND lower(v.post_id) IN (lower(e.post_id), lower(p.post_id), lower(p.author_handle || '/' || substr(COALESCE(p.post_id, e.post_id), instr(COALESCE(p.post_id, e.post_id), '/') + 1)), lower(p.author_id || '/' || substr(COALESCE(p.post_id, e.post_id), instr(COALESCE(p.post_id, e.post_id), '/') + 1))))
        ORDER BY v.id DESC LIMIT 1) AS save_status,
       CASE WHEN COALESCE(p.platform, e.platform) = 'bluesky' AND COALESCE(p.post_id, e.post_id) IS NOT NULL THEN (SELECT o.id FROM embeds o WHERE o.article_id = e.article_id AND o.id != e.id AND o.platform = 'bluesky' AND o.post_id IS NOT NULL AND substr(o.post_id, instr(o.post_id, '/') + 1) = substr(COALESCE(p.post_id, e.post_id), instr(COALESCE(p.post_id, e.post_id), '/') + 1) AND (lower(COALESCE(CASE WHEN substr(o.post_id, 1, instr(o.post_id, '/') - 1) LIKE 'did:%' THEN substr(o.post_id, 1, instr(o.post_id, '/') - 1) ELSE (SELECT a.author_id FROM authors a WHERE a.platform = 'bluesky' AND lower(a.handle) = lower(substr(o.post_id, 1, instr(o.post_id, '/') - 1)) AND a.author_id LIKE 'did:%' ORDER BY a.last_seen_at IS NULL, a.last_seen_at DESC, a.id DESC LIMIT 1) END, substr(o.post_id, 1, instr(o.post_id, '/') - 1))) || '/' || substr(o.post_id, instr(o.post_id, '/') + 1)) != (lower(COALESCE(CASE WHEN substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1) LIKE 'did:%' THEN substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1) ELSE (SELECT a.author_id FROM authors a WHERE a.platform = 'bluesky' AND lower(a.handle) = lower(substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1)) AND a.author_id LIKE 'did:%' ORDER BY a.last_seen_at IS NULL, a.last_seen_at DESC, a.id DESC LIMIT 1) END, substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1))) || '/' || substr(COALESCE(p.post_id, e.post_id), instr(COALESCE(p.post_id, e.post_id), '/') + 1)) AND ((lower(COALESCE(CASE WHEN substr(o.post_id, 1, instr(o.post_id, '/') - 1) LIKE 'did:%' THEN substr(o.post_id, 1, instr(o.post_id, '/') - 1) ELSE (SELECT a.author_id FROM authors a WHERE a.platform = 'bluesky' AND lower(a.handle) = lower(substr(o.post_id, 1, instr(o.post_id, '/') - 1)) AND a.author_id LIKE 'did:%' ORDER BY a.last_seen_at IS NULL, a.last_seen_at DESC, a.id DESC LIMIT 1) END, substr(o.post_id, 1, instr(o.post_id, '/') - 1))) || '/' || substr(o.post_id, instr(o.post_id, '/') + 1)) NOT LIKE 'did:%' OR (lower(COALESCE(CASE WHEN substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1) LIKE 'did:%' THEN substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1) ELSE (SELECT a.author_id FROM authors a WHERE a.platform = 'bluesky' AND lower(a.handle) = lower(substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1)) AND a.author_id LIKE 'did:%' ORDER BY a.last_seen_at IS NULL, a.last_seen_at DESC, a.id DESC LIMIT 1) END, substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1))) || '/' || substr(COALESCE(p.post_id, e.post_id), instr(COALESCE(p.post_id, e.post_id), '/') + 1)) NOT LIKE 'did:%') ORDER BY o.ordinal LIMIT 1) END AS may_be_same_post_as
FROM embeds e LEFT JOIN posts p ON p.id = CASE WHEN e.post_id IS NOT NULL THEN COALESCE((SELECT q.id FROM posts q WHERE q.platform = e.platform AND q.post_id = e.post_id), CASE WHEN e.platform = 'bluesky' THEN (SELECT q.id FROM posts q WHERE q.platform = 'bluesky' AND q.post_id IN (SELECT b.handle || '/' || substr(e.post_id, instr(e.post_id, '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND b.author_id = substr(e.post_id, 1, instr(e.post_id, '/') - 1) AND substr(e.post_id, 1, instr(e.post_id, '/') - 1) LIKE 'did:%' UNION ALL SELECT b.author_id || '/' || substr(e.post_id, instr(e.post_id, '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND lower(b.handle) = lower(substr(e.post_id, 1, instr(e.post_id, '/') - 1)) AND b.author_id LIKE 'did:%') ORDER BY q.id LIMIT 1) END) ELSE (SELECT q.id FROM embed_links k JOIN resolutions r0 ON r0.id = k.resolution_id JOIN resolutions r ON r.url = r0.url JOIN posts q ON q.platform = json_extract(r.post, '$.platform') AND q.post_id IN (SELECT json_extract(r.post, '$.post_id') UNION ALL SELECT b.handle || '/' || substr(json_extract(r.post, '$.post_id'), instr(json_extract(r.post, '$.post_id'), '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND b.author_id = substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1) AND substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1) LIKE 'did:%' UNION ALL SELECT b.author_id || '/' || substr(json_extract(r.post, '$.post_id'), instr(json_extract(r.post, '$.post_id'), '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND lower(b.handle) = lower(substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1)) AND b.author_id LIKE 'did:%') WHERE k.embed_id = e.id AND json_valid(r.post) AND (k.url = e.url OR k.url IN (SELECT m.value FROM json_each(CASE WHEN json_valid(e.media_links) THEN e.media_links END) m)) ORDER BY k.id, r.resolved_at DESC, r.id DESC, q.post_id != json_extract(r.post, '$.post_id'), q.id LIMIT 1) END
WHERE e.article_id IN (SELECT id FROM current_articles) AND (CASE WHEN e.id_doubt IS NULL AND e.post_id IS NOT NULL AND e.platform != 'bluesky' THEN 1 ELSE NOT EXISTS (SELECT 1 FROM embeds o WHERE o.article_id = e.article_id AND o.id != e.id AND (((o.id_doubt IS NOT NULL) * 2 + (o.post_id IS NULL)) < ((e.id_doubt IS NOT NULL) * 2 + (e.post_id IS NULL)) OR (((o.id_doubt IS NOT NULL) * 2 + (o.post_id IS NULL)) = ((e.id_doubt IS NOT NULL) * 2 + (e.post_id IS NULL)) AND o.id < e.id)) AND ((o.post_id IS NOT NULL AND o.platform = p.platform AND o.post_id = p.post_id) OR (o.post_id IS NULL AND (SELECT q.id FROM embed_links k JOIN resolutions r0 ON r0.id = k.resolution_id JOIN resolutions r ON r.url = r0.url JOIN posts q ON q.platform = json_extract(r.post, '$.platform') AND q.post_id IN (SELECT json_extract(r.post, '$.post_id') UNION ALL SELECT b.handle || '/' || substr(json_extract(r.post, '$.post_id'), instr(json_extract(r.post, '$.post_id'), '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND b.author_id = substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1) AND substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1) LIKE 'did:%' UNION ALL SELECT b.author_id || '/' || substr(json_extract(r.post, '$.post_id'), instr(json_extract(r.post, '$.post_id'), '/') + 1) FROM authors b WHERE b.platform = 'bluesky' AND lower(b.handle) = lower(substr(json_extract(r.post, '$.post_id'), 1, instr(json_extract(r.post, '$.post_id'), '/') - 1)) AND b.author_id LIKE 'did:%') WHERE k.embed_id = o.id AND json_valid(r.post) AND (k.url = o.url OR k.url IN (SELECT m.value FROM json_each(CASE WHEN json_valid(o.media_links) THEN o.media_links END) m)) ORDER BY k.id, r.resolved_at DESC, r.id DESC, q.post_id != json_extract(r.post, '$.post_id'), q.id LIMIT 1) = p.id) OR (o.platform = 'bluesky' AND COALESCE(p.platform, e.platform) = 'bluesky' AND o.post_id IS NOT NULL AND substr(o.post_id, instr(o.post_id, '/') + 1) = substr(COALESCE(p.post_id, e.post_id), instr(COALESCE(p.post_id, e.post_id), '/') + 1) AND (lower(COALESCE(CASE WHEN substr(o.post_id, 1, instr(o.post_id, '/') - 1) LIKE 'did:%' THEN substr(o.post_id, 1, instr(o.post_id, '/') - 1) ELSE (SELECT a.author_id FROM authors a WHERE a.platform = 'bluesky' AND lower(a.handle) = lower(substr(o.post_id, 1, instr(o.post_id, '/') - 1)) AND a.author_id LIKE 'did:%' ORDER BY a.last_seen_at IS NULL, a.last_seen_at DESC, a.id DESC LIMIT 1) END, substr(o.post_id, 1, instr(o.post_id, '/') - 1))) || '/' || substr(o.post_id, instr(o.post_id, '/') + 1)) = (lower(COALESCE(CASE WHEN substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1) LIKE 'did:%' THEN substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1) ELSE (SELECT a.author_id FROM authors a WHERE a.platform = 'bluesky' AND lower(a.handle) = lower(substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1)) AND a.author_id LIKE 'did:%' ORDER BY a.last_seen_at IS NULL, a.last_seen_at DESC, a.id DESC LIMIT 1) END, substr(COALESCE(p.post_id, e.post_id), 1, instr(COALESCE(p.post_id, e.post_id), '/') - 1))) || '/' || substr(COALESCE(p.post_id, e.post_id), instr(COALESCE(p.post_id, e.post_id), '/') + 1))))) END) AND NOT EXISTS (SELECT 1 FROM archived a WHERE (a.held OR p.status = 'available')
                  AND (a.url = e.url OR a.url = e.shown_url OR a.url = p.url OR (COALESCE(p.platform, e.platform) = 'twitter' AND a.platform = 'twitter'
                       AND a.post_id = COALESCE(e.post_id, p.post_id))
                       OR (COALESCE(p.platform, e.platform) = 'telegram' AND a.platform = 'telegram' AND a.post_id = lower(COALESCE(e.post_id, p.post_id)))
                       OR (COALESCE(p.platform, e.platform) = 'mastodon' AND a.platform = 'mastodon' AND a.post_id = lower(COALESCE(e.post_id, p.post_id)))
                       OR (COALESCE(p.platform, e.platform) = 'youtube' AND a.platform = 'youtube' AND a.post_id = COALESCE(e.post_id, p.post_id))
                       OR (COALESCE(p.platform, e.platform) = 'tiktok' AND a.platform = 'tiktok' AND a.post_id = COALESCE(e.post_id, p.post_id))
                       OR (COALESCE(p.platform, e.platform) = 'bluesky' AND a.platform = 'bluesky' AND a.post_id IN (lower(e.post_id), lower(p.post_id), lower(p.author_handle || '/' || substr(COALESCE(p.post_id, e.post_id), instr(COALESCE(p.post_id, e.post_id), '/') + 1)), lower(p.author_id || '/' || substr(COALESCE(p.post_id, e.post_id), instr(COALESCE(p.post_id, e.post_id), '/') + 1))))))
ORDER BY e.article_id, e.ordinal;

