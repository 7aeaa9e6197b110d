"""A peer's test suite as the spec for the URL parsers (#15): the URLs of yt-dlp's extractor tests, each marked
post (with the id the URL carries), non-post or ambiguous, in ../shared/reference/embeds/ytdlp_test_urls.json.

Each URL is read by parse_url and also put in a sentence and scanned, as plain text and as an HTML link, so the
detectors' own URL finding is held to the same spec. Skipped when the reference is not beside the project.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest

from resolver.extract import find_all
from resolver.platforms import parse_url

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "embeds" / "ytdlp_test_urls.json"
ROWS = json.loads(REFERENCE.read_text(encoding="utf-8")) if REFERENCE.is_file() else []
needs_reference = pytest.mark.skipif(not ROWS, reason=f"{REFERENCE} is not beside the project")

# Rows whose post_id is not the id the URL carries: the reference took yt-dlp's whole `href` group for the
# plugin URLs, and the digits of a user name for a vanity video URL (which carries no video id: None).
ERRATA = {
    "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fgov.sg%2Fvideos%2F"
    "10154383743583686%2F&show_text=0&width=560": "10154383743583686",
    "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fvideo.php%3Fv%3D"
    "10204634152394104": "10204634152394104",
    "https://www.facebook.com/plugins/video.php?href=https://www.facebook.com/gov.sg/videos/10154383743583686/"
    "&show_text=0&width=560": "10154383743583686",
    "https://vimeo.com/user26785108/newspiritualguide": None,
}
POST_SHARE = 0.99


def is_url(text: str) -> bool:
    """yt-dlp also tests its own shorthand (a bare id, "facebook:<id>", "ytsearch5:..."): no URL, not in scope."""
    return "://" in text or text.startswith("//")


def rows(scope: str) -> list[dict]:
    found = []
    for row in ROWS:
        if not is_url(row["url"]):
            continue
        if row["url"] in ERRATA:
            row = {**row, "post_id": ERRATA[row["url"]], "scope": "post" if ERRATA[row["url"]] else "ambiguous"}
        if row["scope"] == scope:
            found.append(row)
    return found


def readings(url: str) -> list[list[tuple[str, str | None]]]:
    """(kind, post_id) as parse_url reads the URL, as the text scan of a sentence finds it, and (for http URLs) as
    the HTML scan of a link finds it."""
    ref = parse_url(url)
    found = [[(ref.kind, ref.post_id)] if ref else []]
    embeds, _ = find_all(f"Watch this: {url} today.", "text")
    found.append([(e.kind, e.post_id) for e in embeds])
    if url.startswith(("http://", "https://", "//")):
        embeds, _ = find_all(f'<p>See <a href="{escape(url)}">this</a> today.</p>', "html")
        found.append([(e.kind, e.post_id) for e in embeds])
    return found


def _spec_id(platform: str, post_id: str | None) -> str | None:
    """The id as yt-dlp names it: a Telegram post's number, a Bluesky post's record key, a Mastodon status's number,
    without the channel, account or instance ours carries (each counts only within it, #15)."""
    return post_id.rsplit("/", 1)[-1] if platform in ("telegram", "bluesky", "mastodon") and post_id else post_id


def misses(post_rows: list[dict]) -> list[str]:
    """The post URLs some reading does not give the id of (an ambiguous "short-link" does not count as the id)."""
    wrong = []
    for row in post_rows:
        got = readings(row["url"])
        if not all(any(_spec_id(row["platform"], pid) == row["post_id"] for _, pid in reading) for reading in got):
            wrong.append(f"{row['platform']} {row['url']} -> {got} (wanted {row['post_id']})")
    return wrong


@needs_reference
def test_post_urls_give_the_id_they_carry():
    post_rows = rows("post")
    wrong = misses(post_rows)
    right = len(post_rows) - len(wrong)
    assert right >= POST_SHARE * len(post_rows), f"{right} of {len(post_rows)} right; missed:\n" + "\n".join(wrong)


def _ids(selected: list[dict]) -> list[str]:
    return [f"{r['platform']}:{r['url'][:70]}" for r in selected]


@needs_reference
@pytest.mark.parametrize("row", rows("non-post"), ids=_ids(rows("non-post")))
def test_non_post_urls_give_no_post(row):
    for reading in readings(row["url"]):
        assert not [item for item in reading if item[0] in ("post", "video")], reading


@needs_reference
@pytest.mark.parametrize("row", rows("ambiguous"), ids=_ids(rows("ambiguous")))
def test_ambiguous_urls_never_crash(row):
    for reading in readings(row["url"]):   # either way is right; raising is not
        for kind, post_id in reading:
            assert kind and (post_id is None or post_id in row["url"])
