"""A datasette metadata.json for a cache: what each table, view and column holds, so that an editor browsing the
database (`datasette corpus.db --metadata metadata.json`) reads the meaning next to the data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cache.store import Store

TIME = "UTC time, ISO 8601"
JSON = "(JSON)"

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "articles": ("Each distinct article scanned, identified by the sha256 of its bytes.", {
        "id": "Row id", "sha256": "sha256 of the article's bytes: the same bytes are one article wherever found",
        "kind": "html or text (scraped text)", "encoding": "The encoding the bytes were decoded with",
        "encoding_detected": "1 when the encoding was guessed, not declared", "bytes": "Size of the article in bytes",
        "encoding_given_at": f"When the user named the encoding with --encoding ({TIME}); later runs read the same "
                             "bytes in it. Null: declared, UTF-8 or guessed",
        "encoding_rival": "Another encoding that reads the guessed bytes into other letters as plausibly: the guess "
                          "is unsure, names and quotes beyond ASCII may be wrong. Empty: none does, or not guessed. "
                          "Null: not recorded (a record made before v30). The likeliest of encoding_rivals",
        "encoding_rivals": "Every encoding that reads the guessed bytes into other letters as plausibly, the "
                           "likeliest first (a JSON list). [] when none does or not guessed; null: not recorded (a "
                           "record made before v36 with a rival)",
        "encoding_given_known": "1 when the record can say whether the encoding was given (made since v17: no "
                                "encoding_given_at means not given), 0 when it cannot (made before). Set by cache "
                                "merge; null: recorded by a scan, known when first scanned after this database's v17",
        "first_source": "Where it was first read", "first_scanned_at": f"When it was first scanned ({TIME})",
        "tool_version": "embed-resolver version that scanned it", "embed_count": "Embedded posts found",
        "credit_count": "Photo credits found",
        "truncated": "Why a crawler cut this page short, when it was read from a WARC record marked WARC-Truncated "
                     "(length, time, disconnect, unspecified): embeds past the cut may be missing. Kept once the same "
                     "bytes are read whole elsewhere; article_sources says which record was cut",
        "incomplete": "The steps of its reading that failed (a bug), a JSON list of {step, error}: what they would "
                      "have found is missing from its embeds and credits. Null: read whole. A later run reading the "
                      "same bytes with another tool_version, or whole, records its reading in place of this one"}),
    "article_sources": ("Every place an article was read from (a file, a JSON Lines line, a WARC record).", {
        "id": "Row id", "article_id": "The article", "source": "Path, file:line or file#offset it was read from",
        "first_seen_at": f"When it was first read there ({TIME})",
        "url": "The page's URL, when the input gave it (WARC-Target-URI, --url-field)",
        "host": "The URL's host without www.: the outlet",
        "truncated": "Why the crawler cut this WARC record's page short (its WARC-Truncated); empty when not marked",
        "record_id": "The record's own id, when the input gave it (WARC-Record-ID, --id-field)",
        "warc_date": f"When the crawler fetched the page: a WARC record's WARC-Date ({TIME}); empty for other inputs",
        "superseded_at": f"When a newer version of this source was scanned (the page was edited; {TIME}): this "
                         "version is kept, counted in no view. Empty: the version scanned there last, the current "
                         "one",
        "place": "Where the bytes can be read again, whose newer version supersedes this one: a file's real path, an "
                 "article's URL as given (v54). Empty: no place (standard input, a record of a feed or WARC, a "
                 "relative path recorded before v54, one name read in two places): never superseded"}),
    "embeds": ("Posts, timelines and media links embedded in articles, as the article shows them.", {
        "id": "Row id", "article_id": "The article", "ordinal": "Position among the article's embeds",
        "platform": "twitter, instagram, youtube, ...", "kind": "post, comment, timeline, video, media-link, ...",
        "url": "Canonical URL of what is embedded", "post_id": "The platform's id of the post, when known (a "
                                                                 "comment's: its own, e.g. Reddit's t1_<id>)",
        "author_handle": "Handle the article shows", "author_name": "Name the article shows",
        "date_text": "Date as the article prints it", "date": "That date parsed (ISO 8601), when it could be",
        "text": "Text the article shows for the post",
        "text_confidence": "high when the markup bounds the text; uncertain when where it starts or ends is a "
                           "reading of run-on prose; reported when words beside a link are given as another's report of "
                           "the post (compared, never failed)",
        "lang": "Language the embed code declares",
        "media_links": f"Media links in the embed {JSON}", "links": f"Other links in the embed {JSON}",
        "detector": "Which detector found it (html-blockquote, text-signature, ...)",
        "span_start": "Start of the embed in the decoded article (characters)", "span_end": "End of the embed",
        "also_at": f"Further places the same embed appears {JSON}",
        "linked_capture": "The Wayback Machine capture the article linked in place of the post (its URL holds the "
                          "capture's timestamp); empty for a direct link",
        "start_seconds": "Where the article's video link starts the video, in seconds (YouTube's ?t=, ?start=)",
        "other_words": f"Those further places that show the post with other words: span, detector, text, unshown "
                       f"{JSON}",
        "moments": f"Each place of the post naming a moment of the video, when it is shown in several: span, "
                   f"start_seconds {JSON}",
        "end_seconds": "Where the embed's own link stops the video, in seconds (YouTube's player's &end=)",
        "shown_url": "The post's URL as the article writes it where that is not url, the canonical form matched and "
                     "fetched by (a TikTok /photo/ page, an Instagram /reel/, /reels/ or /tv/ page); empty when the "
                     "article writes the canonical form",
        "other_handles": f"The other accounts the post's links name it under (its id names it whatever the handle) "
                         f"{JSON}",
        "media_marker": "The words the embed code shows in place of the post's media (Bluesky's [image or embed]): "
                        "the post has media; empty when it marks none",
        "id_doubt": "Why the post id, or that the link names a post at all, is uncertain (a URL run into the next "
                    "word; a Mastodon post known only by its path's shape); empty when the URL names it plainly",
        "unshown": "Where the page keeps the embed without showing it (inside <template>, an HTML comment, a hidden "
                   "or display:none element, <svg>): no reader sees it; empty when the page shows it"}),
    "credits": ("Photo credits found in articles.", {
        "id": "Row id", "article_id": "The article", "ordinal": "Position among the article's credits",
        "raw": "The credit's words as printed", "creator": "Photographer or creator, when the form names one",
        "organization": "Agency or organization, when the form names one",
        "split_confidence": "high when evidence split the names into creator and organization (a known agency, an "
                            "organization word, a common first name, Name via/for Outlet, schema.org); uncertain when "
                            "a name was taken as a person or an organization by default; empty when none is named",
        "source": "Where it was found: text, caption, json-ld, attribute, script-data", "form": "Which pattern matched",
        "image": "The image the credit belongs to, when known", "span_start": "Start in the decoded article",
        "span_end": "End in the decoded article",
        "also_at": f"Further places the same credit is printed for the same photo {JSON}",
        "kind": "What kind of picture the credit's label says it is: file, handout, courtesy, stock, private, "
                "rights-reserved, staff, submitted, contributed, social-post, reproduction, screenshot (a label is no "
                "one's name); empty when "
                "it carries none"}),
    "fetches": ("The fetch log: every request made (or replayed from a WARC), with its outcome.", {
        "id": "Row id", "url": "URL asked for", "contacted_url": "URL actually contacted (after an origin override)",
        "method": "HTTP method", "fetched_at": f"When ({TIME})", "status": "HTTP status; empty when no answer came (a body refused after it, past "
                  "the cap or cut short, keeps its status beside the error_kind)",
        "headers": f"Response headers, secrets removed {JSON}", "body_sha256": "sha256 of the response body",
        "body_bytes": "Size of the body", "elapsed_ms": "Time taken, milliseconds",
        "error_kind": "timeout, connect, unsafe, too-large, ... when it failed; body-cut when the answer came "
                      "and its body, past the cap or still arriving at the deadline, was read only in part "
                      "(no sha256)", "error": "What went wrong, one line",
        "purpose": "Why it was made: resolve, syndication, x-api, oembed, wayback-cdx, ...",
        "tool_version": "embed-resolver version", "via": "live, or warc when replayed from a WARC file",
        "warc_file": "WARC file holding the exchange: a written one's absolute path (in older rows as the run was "
                     "given it; one naming no file is looked for beside the database), a replayed one's path as "
                     "given (after cache merge, its name alone when the path named no file on the machine merging)", "warc_offset": "Byte offset of its record in that file",
        "warc_record_id": "WARC-Record-ID of its response record: finds it in any copy of the file; empty when in no "
                          "WARC, or recorded before the cache kept it",
        "non_public": "1: the answer came from a non-public address only allow_private let through, and an offline "
                      "run serves what it kept only with allow_private set; 0: it did not; null: recorded before the "
                      "cache recorded it (judged by its host: an IP literal or localhost is non-public)",
        "contacted_unknown": "Replayed and recorded before cache v67: why the server that answered is not known (such "
                             "replays recorded their own [origins] mapping in contacted_url); empty when known",
        "answered_at_unknown": "Replayed from a WARC record with no WARC-Date, or one that reads as no time: why when "
                               "the source answered is not known (fetched_at is then when the replay asked, never "
                               "reported as the source's time); empty when it is known",
        "warc_sha256": "sha256 of the WARC file it was replayed from: a replay of the same file by another path "
                       "takes its answers; empty for a live fetch, or one replayed before the cache recorded it"}),
    "resolutions": ("Links followed hop by hop to where they lead.", {
        "id": "Row id", "url": "Link followed", "final_url": "Where it ended",
        "canonical_url": "The post URL it leads to, in canonical form", "hops": f"Each hop: URL, status, location {JSON}",
        "post": f"The post the final URL names {JSON}", "error": "Why it could not be followed to the end",
        "resolved_at": f"When ({TIME}): its hops' latest fetch (fetched_at; a replayed one's WARC-Date), not when the "
                       f"row was written (a row written before v56 whose fetch rows are gone keeps that); empty when no "
                       f"record gave one",
        "fetch_ids": f"The fetch log rows behind it {JSON}", "tool_version": "embed-resolver version",
        "answered_at_unknown": "Replayed from WARC records with no time: why resolved_at is empty; empty when known",
        "end_redacted": "1: a configured secret was redacted out of the post's URL or handle (where the link leads "
                        "is not known from the row); 0: kept as it was; null: recorded before the cache said"}),
    "embed_links": ("Links in an embed and their newest resolution.", {
        "id": "Row id", "embed_id": "The embed", "url": "The link", "resolution_id": "Its newest resolution"}),
    "bodies": ("Raw response bodies of API, syndication and oEmbed answers (zlib-compressed): the evidence.", {
        "sha256": "sha256 of the uncompressed body", "data": "The body, zlib-compressed", "bytes": "Uncompressed size",
        "content_type": "Content-Type it came with", "stored_at": f"When kept ({TIME})",
        "redacted": "1: a configured secret the server sent back was redacted out of it (not the bytes received); "
                    "0: kept as received; null: kept before the cache recorded it"}),
    "posts": ("Each post fetched, with its current view merged from every observation.", {
        "id": "Row id", "platform": "Platform", "post_id": "The platform's id", "url": "Canonical URL",
        "status": "available, deleted, suspended, protected, withheld, not_found, age_restricted, error, unknown",
        "method": "Method of the answer the view is from", "author_handle": "Author's handle",
        "author_name": "Author's name", "author_id": "Author's id on the platform", "text": "Post text",
        "lang": "Language", "created_at": f"When the post was made ({TIME})", "record": f"The merged record {JSON}",
        "first_observed_at": f"First observation ({TIME})",
        "last_observed_at": f"Latest observation ({TIME}) by a fetch of the post (archived copies looked up on their own "
                            "do not move it); empty when it was replayed from WARC records with no time",
        "last_available_at": f"Latest observation that found it available ({TIME})"}),
    "authors": ("Accounts seen as authors of fetched posts.", {
        "id": "Row id", "platform": "Platform", "handle": "Handle", "name": "Latest name seen",
        "author_id": "Id on the platform", "first_seen_at": f"First seen ({TIME})",
        "last_seen_at": f"Last seen ({TIME})"}),
    "post_observations": ("What each method said of a post, each time it was asked: status over time.", {
        "id": "Row id (in time order)", "post_row": "The post",
        "observed_at": f"When the source answered ({TIME}): its fetch's fetched_at; for a replayed answer, its "
                       "WARC-Date; empty when no record gave one",
        "recorded_at": f"When it was written ({TIME}), after the answer: the observations of one run share it; empty "
                       "when the answers give no time (replayed from WARC records with none), and in rows merged from a "
                       "cache made before v52 (their observed_at is then this time)",
        "answered_at_unknown": "Replayed from WARC records with no time: why observed_at is empty; empty when known",
        "method": "x-api, syndication, oembed (the post's sources); wayback: a capture read (an archived copy, never the "
                  "post's source)",
        "status": "What it said of the post; of a wayback capture: archived-copy when it holds the post (never a live "
                  "answer: the views and a post's status leave it out), unknown when it does not",
        "reason": "Why, in its words",
        "fetch_id": "The fetch log row of the answer", "record": f"The record parsed from the answer {JSON}",
        "reparsed_at": f"When the record was parsed again from the kept body ({TIME})"}),
    "media": ("Photos, posters and thumbnails of posts, analysed.", {
        "id": "Row id", "url": "Media URL", "sha256": "sha256 of the file", "mime": "Type found in the bytes",
        "declared_mime": "Type the server declared", "bytes": "Size", "width": "Pixels", "height": "Pixels",
        "phash": "Perceptual hash", "credit": f"Credit found in the file's metadata {JSON}",
        "c2pa": "1 when the file carries a C2PA manifest", "error": "Why it could not be analysed",
        "fetched_at": f"When ({TIME}): for a replayed download, its WARC-Date; empty when no record gave one",
        "answered_at_unknown": "Downloaded from a WARC record with no time: why fetched_at is empty; empty when known",
        "fetch_id": "The fetch log row", "kept_path": "Where the file was kept",
        "warnings": f"What was read only in part (an XMP packet refused by defusedxml...) {JSON}",
        "credit_unsure": "Credit fields naming no character set that read as no text for sure (windows-1256 Arabic "
                         f"with no IPTC 1:90): each field's bytes in hex, never in credit {JSON}"}),
    "post_media": ("Which media belong to which post.", {
        "id": "Row id", "post_row": "The post", "media_id": "The media", "ordinal": "Position in the post"}),
    "embed_posts": ("Which fetched post an embed shows.", {"id": "Row id", "embed_id": "The embed",
                                                           "post_row": "The post"}),
    "snapshots": ("Archived captures (Wayback Machine) of embedded posts and links.", {
        "id": "Row id", "service": "Archive (wayback)", "original": "URL as the archive recorded it",
        "url": "The capture's URL", "timestamp": "Capture time as the archive writes it (YYYYMMDDhhmmss)",
        "status": "HTTP status the archive captured", "digest": "The archive's content digest",
        "mimetype": "Type captured", "found_via": "cdx or availability", "observed_at": f"Last listed: the time of the lookup's fetch "
        f"({TIME}; a replayed one's WARC-Date)",
        "fetch_id": "The fetch log row that listed it"}),
    "saves": ("The Save Page Now queue: captures asked for, and what came of them.", {
        "id": "Row id (in time order)", "url": "URL to capture",
        "status": "pending, submitted, success, error, recent, gave_up, no-keys", "job_id": "Save Page Now job",
        "attempts": "Attempts made", "status_ext": "Save Page Now's error code", "message": "Its message",
        "snapshot_url": "The capture made", "timestamp": "Its timestamp", "queued_at": f"When queued ({TIME})",
        "updated_at": f"Last change ({TIME})",
        "platform": "The platform of the post the URL names (X: every URL of a status is its page); empty if it "
                    "names none by an id, or on another platform (a URL there may name a comment: its own page)",
        "post_id": "That post's id: a save of the post under any spelling of its URL (an X handle in any case)"}),
    "identifications": ("Ids found for link-less tweet remnants, with the evidence.", {
        "id": "Row id (in time order)", "embed_id": "The remnant's embed", "platform": "Platform",
        "post_id": "The id found, or empty", "confidence": "0 to 1", "candidates": "Candidates compared",
        "similarity": "The best candidate's word score, 0 to 1", "evidence": f"Window and scores {JSON}",
        "identified_at": f"When ({TIME})",
        "verdict": "identified, tie, too-close, unreadable, no-match or no-candidates: a refusal told apart from a "
                   "miss"}),
    "errors": ("What went wrong with an input of a batch; the batch went on without it.", {
        "id": "Row id (in time order)", "source": "The input (path, file:line, file#offset, URL)",
        "article_id": "The article, when it was recorded before a later step failed",
        "stage": "Where it failed: read, scan, resolve, fetch, identify, archive",
        "kind": "input, unavailable, or the name of the internal error", "message": "What went wrong",
        "occurred_at": f"When ({TIME})", "tool_version": "embed-resolver version"}),
    "progress": ("Input items a run has finished, so an interrupted run resumes where it stopped.", {
        "id": "Row id", "job": "What was asked (scan, scan+resolve+fetch, ...)",
        "key": "The item: path|size|mtime for a file, path@offset or path#offset for a record",
        "source": "The item as shown to people", "article_id": "The article it gave, if any",
        "outcome": "done; failed (the input could not be read); skipped (no article: binary, empty) or unavailable "
                   "(offline, never fetched), each failed before review46i", "finished_at": f"When ({TIME})",
        "run": "The run that finished it (an id drawn when a run starts; null before v18)",
        "steps_failed": "1 when a step failed for its article (a link, a post, an image...), else 0; null before "
                        "v87: the whole job's count in a resumed run's summary"}),
    "run_outputs": ("The output file an unfinished run writes (scan --output) and its length when it last marked "
                    "items finished: a re-run cuts the file back to it.", {
        "id": "Row id", "job": "What was asked (as in progress)", "path": "The output file",
        "length": "Its length in bytes, lines whole", "updated_at": f"When ({TIME})",
        "pending": "A rewrite of the file committed, not yet renamed over it: the new file (null: none; v56)",
        "pending_sha256": "The sha256 of the rewrite's `length` bytes"}),
    "step_memos": ("What a warm `scan --json` printed for an article's cached steps, printed again by the next run "
                   "while no row it was made from changed (a write to one deletes it) and its answers are within "
                   "the TTL.", {
        "id": "Row id", "article_id": "The article",
        "key": "A digest of the line's head and of what else shapes the line (steps, settings but secrets, code)",
        "since": f"The TTL cut-off it was made with ({TIME}); null offline",
        "fresh_until": f"The oldest time of the answers a TTL was held against ({TIME})",
        "unavailable": "1 when something was not in the cache offline", "failed": "1 when a step failed",
        "tail": "The line's text from its resolutions on", "made_at": f"When ({TIME})"}),
    "step_memo_keys": ("The rows each memo was made from, by table and key: a write to one deletes the memo.", {
        "key": "Table and key (resolutions URL, posts platform and id, ...)", "memo": "The memo (step_memos.id)"}),
}

VIEWS: dict[str, str] = {
    "dead_embeds_by_outlet_year": "Embedded posts by outlet (the host of the article's URL), platform and the "
                                  "post's own year (post_year: empty when nothing read dates the post, as for "
                                  "YouTube and Reddit, never the article's year; that row's embeds count them), "
                                  "as last fetched, as of the answers' times its status_as_of columns give. dead: deleted or suspended (known gone). not_found: gone, or a "
                                  "wrong id (a 404 or an empty answer says no more), counted apart, not dead. "
                                  "status_unknown: every fetch failed, or never fetched. not_checked: a link embed "
                                  "(pic.twitter.com, t.co) never followed to a post, or whose post was never fetched "
                                  "(which post, so its status, not known). doubtful_id: a post named by an id read "
                                  "with a doubt, its status known but not counted as checked. dead_percent is of "
                                  "embeds_checked only (embeds_checked + doubtful_id + status_unknown + not_checked "
                                  "= embeds).",
    "gone_accounts_most_cited": "Accounts whose embedded posts are now deleted or suspended, most-cited first.",
    "at_risk_embeds": "Embeds with no good (HTTP 200) archived capture: what to save first. A capture the tool "
                      "read and found to be no copy of the post (a suspended-account page, a login wall) is none, "
                      "and so is a capture nobody read of a post not known to be available now (gone, its status "
                      "not known, or never fetched; on X those beyond the three read): it may show the platform's "
                      "\"post not found\" page. A Bluesky post's captures and saves are found under its handle's "
                      "and its DID's URL. One row per article and post, however many embeds of the "
                      "article name it or lead to it; an embed with no post known is a row of its own.",
    "credits_by_organization": "Photo credits grouped by the organization they name (case and spaces folded); the "
                               "main wire agencies (Reuters, AFP, AP, dpa, EFE, ANSA, Xinhua, Anadolu, IRNA, ISNA, "
                               "WAFA, MENA, Getty Images, EPA, UPI, CP, PA) as one row across scripts, their names as written kept. "
                               "Sure credits and uncertain ones (the split a guess) are counted apart.",
    "article_credits": "Each photo credit with the source of its article and the wire agency it names, if one: "
                       "one row per credit, for a spreadsheet.",
    "unsure_encodings": "Articles whose encoding was guessed unsure: another encoding reads their bytes into other "
                        "letters as plausibly, so names and quotes beyond ASCII may be wrong (give --encoding).",
}

# Views the others are built on, not figures of their own: not printed by `stats`.
HELPER_VIEWS: dict[str, str] = {
    "current_articles": "The articles whose bytes are the current version (the one scanned there last) of a source "
                        "they were read from: what the other views count. An edited page's older versions are kept "
                        "in `articles` (article_sources.superseded_at says when each was superseded).",
    "agency_names": "The main wire agencies' names in several scripts (case folded), each with its agency's key: "
                    "what credits_by_organization and article_credits read the `agency` column from.",
}
# A helper view's columns, when they are not an article's row.
HELPER_VIEW_COLUMNS: dict[str, dict[str, str]] = {
    "agency_names": {"name": "A name the agency is credited by, as lower(trim(organization)) gives it",
                     "agency": "The agency's key (Reuters, AFP, AP, dpa...)"},
}

# What each column of the views counts (cache/migrations.py VIEWS, then VIEWS_V38, hold their SQL).
_SEEN = "seen available (UTC time, ISO 8601)"
# When the statuses a view's row counts were answered, and by what (corpus33, #13).
_AS_OF_RANGE = {
    "status_as_of_oldest": f"The oldest of the times the statuses counted rest on: when the answer each post's "
                           f"status is read from was given ({TIME}; not a later failed ask); of the checked "
                           f"embeds only; empty when none was checked",
    "status_as_of_newest": f"The newest of those times ({TIME})",
    "status_sources": "The sources of those answers (syndication, x-api, oembed...), comma-separated"}
VIEW_COLUMNS: dict[str, dict[str, str]] = {
    "dead_embeds_by_outlet_year": {
        "outlet": "Host of the article's URL (the first place it was read from that gave one); (unknown) when none",
        "platform": "The platform of the embedded posts (twitter, youtube, reddit...)",
        "post_year": "The post's own year, one rule on every platform: its date as its source's answer gives it, else "
                     "the date line its embed shows, else the time its id carries (an X id); empty when none of them "
                     "was read (never the article's year, never a guess)",
        "embeds": "Embeds naming a post (by its id), or leading to a fetched one through their own link (their URL "
                  "or a media link: pic.twitter.com, t.co) that scan --resolve followed, each post once per article, "
                  "and the link embeds not yet followed to a post: embeds_checked + doubtful_id + status_unknown + "
                  "not_checked",
        "embeds_checked": "Embeds whose post was fetched with a known status (not error or unknown), named by an id "
                          "read without doubt or reached by a link: what dead_percent is of",
        "doubtful_id": "Embeds whose post was answered with a known status but is named by an id read with a doubt "
                       "(a URL run into the next word, a Mastodon-shaped path on an unknown host): the post may not "
                       "be the one the article shows, so counted in no dead column and not in embeds_checked",
        "status_unknown": "Embeds whose post's status is not known: every fetch failed (an error), the answers said "
                          "nothing of it (unknown), two answers given at the same time said two things of it "
                          "(unknown), or it was never fetched",
        "not_checked": "Link embeds (a pic.twitter.com, t.co or shortener link, a pasted post's media link) whose "
                       "link was never followed to a post (no scan --resolve, or it failed) or whose post was never "
                       "fetched: which post they show, so its status, is not known. Not a link whose end is a page "
                       "that is no post",
        "dead": "Of those checked, embeds whose post is now deleted or suspended: known gone (not one named by an id "
                "read with a doubt, which a report says is not known gone; not a post not found)",
        "dead_percent": "dead as a percentage of embeds_checked (one decimal); empty when none was checked",
        "deleted": "Embeds whose post is now deleted", "suspended": "Embeds whose post's account is suspended",
        "not_found": "Embeds whose post is not found: gone, or a wrong id (a 404 or an empty answer says no more); "
                     "not counted in dead",
        "articles": "Articles holding those embeds",
        **_AS_OF_RANGE},
    "gone_accounts_most_cited": {
        "platform": "The platform",
        "handle": "The account's handle, in lower case (the post's, else the article's, else the one in the URL a link "
                  "led to)",
        "name": "The account's display name as a fetch recorded it (the latest its own posts' answers gave, else "
                "the latest sighting of the handle); empty when no fetch gave one",
        "name_in_article": "The name an embedded widget or signature shows beside its handle: the article's, not "
                           "confirmed by a fetch (a link's prose speaker is never taken for it)",
        "articles": "Articles embedding its deleted or suspended posts",
        "embeds": "Embeds of those posts", "posts": "Those posts", "suspended_embeds": "Embeds of its posts now "
        "suspended", "deleted_embeds": "Embeds of its posts now deleted",
        "last_seen_available": f"When one of those posts was last {_SEEN}; empty if never", **_AS_OF_RANGE},
    "at_risk_embeds": {
        "embed_id": "The embed (embeds.id)", "article_id": "Its article (articles.id)",
        "article": "The first place the article was read from", "platform": "The platform",
        "kind": "post, video...", "url": "The embed's URL as the article gives it",
        "post_id": "The post's id (for a link, the post it led to)",
        "handle": "The post's author (as fetched, else as the article shows it, else as the URL a link led to "
                  "spells it)",
        "post_status": "The post's status when last fetched, as a report reads it for this embed (not_confirmed: a link "
                       "read as a Mastodon post by its shape, which its host's answer did not confirm); empty if never "
                       "fetched",
        "status_as_of": f"When the answer the post's status is read from was given ({TIME}; not a later failed ask); "
                        f"empty if never fetched",
        "status_source": "The source of that answer (syndication, x-api, oembed...)",
        "last_available_at": f"When the post was last {_SEEN}",
        "save_status": "The latest Save Page Now save of its URL, or of its post under any spelling of the URL "
                       "(pending, submitted, success, error...); empty if none",
        "may_be_same_post_as": "Another embed of the article (embeds.id) that may show the same Bluesky post: the "
                               "same record key under a handle whose DID no fetch recorded; not merged, as it may be "
                               "another account's post. Empty otherwise"},
    "credits_by_organization": {
        "organization": "The organization as a credit names it (case and spaces folded); (none named)",
        "agency": "The wire agency these names are, whatever the script (رويترز and Reuters: Reuters); empty if "
                  "none of the main ones",
        "names_as_written": "Every name the credits write for it (a JSON list)",
        "credits": "Credits naming it whose split is sure (not uncertain)",
        "articles": "Articles with such a sure credit",
        "creators": "Distinct creators the sure credits name (case folded)",
        "uncertain": "Credits naming it whose split is uncertain (a lone \"(EPA)\" may be the US agency's letters; "
                     "\"Jane Beach/AP\" may name a place): counted here, not in credits"},
    "article_credits": {
        "credit_id": "The credit (credits.id)", "article_id": "The article (articles.id)",
        "article": "The first place the article was read from",
        "raw": "The credit as the page writes it", "creator": "The person credited",
        "organization": "The organization credited, as written",
        "agency": "The wire agency it is, whatever the script (رويترز: Reuters); empty if none of the main ones",
        "kind": "What kind of picture a label says it is (file, handout, courtesy, stock, private, "
                "rights-reserved, staff, submitted, contributed, social-post, reproduction, screenshot); empty if "
                "none",
        "source": "Where on the page the credit was read: text, caption, json-ld, attribute, script-data",
        "form": "Which pattern matched", "image": "The image the credit belongs to; empty when not known",
        "span_start": "Where the credit starts in the article", "span_end": "Where it ends",
        "split_confidence": "high or uncertain: whether the split into creator and organization rests on evidence"},
    "unsure_encodings": {
        "article_id": "The article (articles.id)", "article": "The first place the article was read from",
        "encoding": "The encoding guessed", "encoding_rival": "The likeliest other that reads the bytes as plausibly",
        "encoding_rivals": "Every other that does, the likeliest first (a JSON list; null: a record made before v36)",
        "first_scanned_at": f"When it was first scanned ({TIME})"},
}


def metadata(store: Store) -> dict[str, Any]:
    """The metadata.json content for one cache database (datasette keys databases by file stem)."""
    tables: dict[str, Any] = {name: {"description": text, "columns": columns}
                              for name, (text, columns) in TABLES.items() if store.db.table(name).exists()}
    for name in ("posts", "embeds"):
        if name in tables and store.db.table(name).detect_fts():
            tables[name]["fts_table"] = store.db.table(name).detect_fts()
    for name, text in VIEWS.items():
        if name in store.db.view_names():
            tables[name] = {"description": text, "columns": VIEW_COLUMNS[name]}
    for name, text in HELPER_VIEWS.items():
        if name in store.db.view_names():
            tables[name] = {"description": text,   # current_articles: an article's own row
                            "columns": HELPER_VIEW_COLUMNS.get(name) or TABLES["articles"][1]}
    for name in ("bodies",):   # compressed blobs: not for browsing
        if name in tables:
            tables[name]["hidden"] = True
    return {
        "title": "embed-resolver provenance",
        "description": "Embedded social posts and photo credits found in news articles, with the provenance of "
                       "every fact: the requests made, when, and what each source said.",
        "databases": {store.path.stem: {"tables": tables}},
    }


def write_metadata(store: Store, path: Path | None = None) -> Path:
    """Write metadata.json next to the database (or to `path`); returns where it was written."""
    path = path or store.path.with_name("metadata.json")
    path.write_text(json.dumps(metadata(store), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
