"""An article edited between scans (newuser34b #1, #13): the cache keeps every version it read (a report of an old
sha256 still works) and counts the current one of each source, the version scanned there last."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cache import Store


def story(i: int, *, tweet: int, organization: str = "Harbour Wire") -> str:
    """A fictional article: one tweet blockquote and one figcaption credit."""
    return (f"<html><body><article><h1>Harbour story {i}</h1><p>The council met about the harbour.</p>"
            f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Harbour news {i}</p>&mdash; Reporter '
            f'(@harbour_desk) <a href="https://twitter.com/harbour_desk/status/{tweet}">March {1 + i}, 2023</a>'
            f"</blockquote><figure><img src=\"https://news.example/img/{i}.jpg\"><figcaption>The quay at dawn. "
            f"(Photo Credit:Jane Roe{i}/{organization})</figcaption></figure></article></body></html>")


def scan(db: Path, *args: str) -> Result:
    from resolver.cli import cli

    return CliRunner().invoke(cli, ["--db", str(db), "scan", "--offline", *args])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    for i in range(3):
        (folder / f"story-{i}.html").write_text(story(i, tweet=1500000000000000000 + i))
    return folder


def counts(db: Path) -> dict:
    with Store(db) as store:
        return {"credits": [tuple(r) for r in store.db.execute(
                    "SELECT organization, credits, articles FROM credits_by_organization")],
                "embeds": store.db.execute("SELECT count(*) FROM at_risk_embeds").fetchone()[0],
                "articles": store.db.execute("SELECT count(*) FROM articles").fetchone()[0]}


def test_an_edited_article_counts_once_in_the_views_and_its_old_version_is_kept(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    assert scan(db, "-q", str(folder)).exit_code == 0
    (folder / "story-1.html").write_text(story(1, tweet=1500000000000000001, organization="Quay Wire"))
    (folder / "story-2.html").write_text(story(2, tweet=1600000000000000002))
    second = scan(db, str(folder))
    assert second.exit_code == 0, second.output
    assert "2 articles changed since last scanned" in second.stderr
    found = counts(db)
    assert found["credits"] == [("Harbour Wire", 2, 2), ("Quay Wire", 1, 1)]   # was Harbour Wire 3, Quay Wire 1
    assert found["embeds"] == 3                                               # was 5: both tweet ids of story-2
    assert found["articles"] == 5                                             # the old versions are kept
    # an edit reverted: the first bytes are the current version again
    (folder / "story-1.html").write_text(story(1, tweet=1500000000000000001))
    assert "1 article changed since last scanned" in scan(db, str(folder)).stderr
    assert counts(db)["credits"] == [("Harbour Wire", 3, 3)]
    assert "changed since" not in scan(db, str(folder)).stderr               # nothing changed


def test_the_same_bytes_under_two_sources_count_while_either_is_current(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    copy = tmp_path / "copy.html"
    copy.write_text((folder / "story-0.html").read_text())
    assert scan(db, "-q", str(folder), str(copy)).exit_code == 0
    (folder / "story-0.html").write_text(story(0, tweet=1500000000000000000, organization="Quay Wire"))
    assert scan(db, "-q", str(folder)).exit_code == 0
    # story-0's first bytes are still copy.html's current version: counted once, as the new ones are
    assert counts(db)["credits"] == [("Harbour Wire", 3, 3), ("Quay Wire", 1, 1)]


def test_cache_stats_counts_current_versions_and_says_how_many_older_ones_are_kept(folder: Path,
                                                                                   tmp_path: Path) -> None:
    from resolver.cli import cli

    db = tmp_path / "c.db"
    scan(db, "-q", str(folder))
    (folder / "story-1.html").write_text(story(1, tweet=1500000000000000001, organization="Quay Wire"))
    scan(db, "-q", str(folder))
    found = json.loads(CliRunner().invoke(cli, ["--db", str(db), "cache", "stats", "--json"]).stdout)
    assert (found["tables"]["articles"], found["tables"]["embeds"], found["tables"]["credits"]) == (3, 3, 3)
    assert found["older_versions"] == {"articles": 1, "embeds": 1, "credits": 1}
    text = CliRunner().invoke(cli, ["--db", str(db), "cache", "stats"]).stdout
    assert "1 older version kept (not counted)" in text


def test_the_old_version_is_kept_with_its_embeds_and_says_when_it_was_superseded(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    scan(db, "-q", str(folder))
    (folder / "story-0.html").write_text(story(0, tweet=1600000000000000000))
    scan(db, "-q", str(folder))
    with Store(db) as store:
        got = store.db.execute(
            "SELECT e.post_id, s.superseded_at IS NOT NULL FROM embeds e JOIN article_sources s "
            "ON s.article_id = e.article_id WHERE s.source LIKE '%story-0.html' ORDER BY e.id").fetchall()
    assert [tuple(r) for r in got] == [("1500000000000000000", 1), ("1600000000000000000", 0)]


def test_v51_makes_the_version_recorded_last_at_each_source_the_current_one(tmp_path: Path) -> None:
    """A cache from before v51: of a source's versions, the one recorded there last is current; standard input's
    articles are each their own."""
    _cache_before_v51(tmp_path / "old.db", ["/desk/a.html", "/desk/a.html", "/desk/b.html", "-", "-"])
    with Store(tmp_path / "old.db") as store:
        got = [tuple(r) for r in store.db.execute("SELECT source, superseded_at FROM article_sources ORDER BY id")]
        assert got == [("/desk/a.html", "2026-01-02"), ("/desk/a.html", None), ("/desk/b.html", None), ("-", None),
                       ("-", None)]
        assert [tuple(r) for r in store.db.execute("SELECT credits, articles FROM credits_by_organization")] == \
            [(4, 4)]


def test_a_merge_keeps_one_current_version_of_a_source_the_one_scanned_last(folder: Path, tmp_path: Path) -> None:
    """Two shards that each read another version of one file: the merged cache counts the one scanned last."""
    from cache.merge import merge

    scan(tmp_path / "early.db", "-q", str(folder))
    (folder / "story-1.html").write_text(story(1, tweet=1500000000000000001, organization="Quay Wire"))
    scan(tmp_path / "late.db", "-q", str(folder / "story-1.html"))
    merge(tmp_path / "both.db", [tmp_path / "late.db", tmp_path / "early.db"])
    found = counts(tmp_path / "both.db")
    assert found["credits"] == [("Harbour Wire", 2, 2), ("Quay Wire", 1, 1)]
    assert found["articles"] == 4


def test_review34r4_two_files_of_one_name_read_from_two_folders_are_two_places_not_two_versions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`scan a.html` in two folders gives two articles with the source "a.html": different files, so neither is a
    newer version of the other (the views counted only the one scanned last, and the run said it "changed")."""
    db = tmp_path / "c.db"
    for name, organization in (("one", "One Wire"), ("two", "Two Wire")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.html").write_text(story(1, tweet=1500000000000000001, organization=organization))
    monkeypatch.chdir(tmp_path / "one")
    assert scan(db, "-q", "a.html").exit_code == 0
    monkeypatch.chdir(tmp_path / "two")
    second = scan(db, "a.html")
    assert second.exit_code == 0 and "changed since" not in second.stderr
    assert counts(db)["credits"] == [("One Wire", 1, 1), ("Two Wire", 1, 1)]
    # the same file named by its absolute path, and through a link, after an edit: one place, its new version
    (tmp_path / "one" / "a.html").write_text(story(1, tweet=1500000000000000001, organization="Quay Wire"))
    (tmp_path / "link.html").symlink_to(tmp_path / "one" / "a.html")
    assert scan(db, "-q", str(tmp_path / "link.html")).exit_code == 0
    assert counts(db)["credits"] == [("Quay Wire", 1, 1), ("Two Wire", 1, 1)]


def test_review34r4_a_feed_record_holding_another_article_at_its_line_supersedes_nothing(tmp_path: Path) -> None:
    """A JSON Lines record's source is its feed's name and line ("feed.jsonl:1"): tomorrow's export holds another
    article at line 1, no newer version of today's. Both count (the views counted tomorrow's only)."""
    db = tmp_path / "c.db"
    feed = tmp_path / "feed.jsonl"
    for day, organization in enumerate(("Monday Wire", "Tuesday Wire")):
        feed.write_text(json.dumps({"body": story(day, tweet=1500000000000000000 + day,
                                                  organization=organization)}) + "\n")
        result = scan(db, "--jsonl", str(feed), "--html-field", "body")
        assert result.exit_code == 0 and "changed since" not in result.stderr, result.output
    assert counts(db)["credits"] == [("Monday Wire", 1, 1), ("Tuesday Wire", 1, 1)]


def test_review34r4_v54_takes_a_url_or_an_absolute_path_for_a_place_and_no_relative_name_or_record(
        tmp_path: Path) -> None:
    """A cache from before v51: "a.html" read twice may be two files in two folders, "feed.jsonl:1" two exports'
    first lines: each counted (v51 counted the last only); a URL and an absolute path keep one current version."""
    _cache_before_v51(tmp_path / "old.db", ["a.html", "a.html", "/desk/feed.jsonl:1", "/desk/feed.jsonl:1",
                                            "https://news.example/a", "https://news.example/a", "/desk/b.html",
                                            "/desk/b.html"])
    with Store(tmp_path / "old.db") as store:
        got = [tuple(r) for r in store.db.execute("SELECT place, superseded_at IS NOT NULL FROM article_sources "
                                                  "ORDER BY id")]
        assert got == [(None, 0), (None, 0), (None, 0), (None, 0), ("https://news.example/a", 1),
                       ("https://news.example/a", 0), ("/desk/b.html", 1), ("/desk/b.html", 0)]
        assert [tuple(r) for r in store.db.execute("SELECT credits, articles FROM credits_by_organization")] == \
            [(6, 6)]


def test_review34r4_a_merge_of_two_shards_that_read_one_name_in_two_folders_counts_both(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cache.merge import merge

    for name, organization in (("one", "One Wire"), ("two", "Two Wire")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.html").write_text(story(1, tweet=1500000000000000001, organization=organization))
        monkeypatch.chdir(tmp_path / name)
        assert scan(tmp_path / f"{name}.db", "-q", "a.html").exit_code == 0
    merge(tmp_path / "both.db", [tmp_path / "two.db", tmp_path / "one.db"])
    assert counts(tmp_path / "both.db")["credits"] == [("One Wire", 1, 1), ("Two Wire", 1, 1)]


def _cache_before_v51(path: Path, sources: list[str]) -> None:
    """A cache migrated up to v50, holding one article per source (in order, the n-th first seen on 2026-01-0n),
    each with one Harbour Wire credit."""
    from sqlite_utils import Database

    from cache.migrations import migrations

    old = Database(path)
    migrations.apply(old, stop_before="m051_views_count_current_versions")
    for i, source in enumerate(sources):
        old["articles"].insert({"id": i + 1, "sha256": f"{i:064x}", "kind": "html", "bytes": 10})
        old["article_sources"].insert({"article_id": i + 1, "source": source, "first_seen_at": f"2026-01-0{i + 1}"})
        old["credits"].insert({"article_id": i + 1, "ordinal": 0, "organization": "Harbour Wire", "creator": "Jo",
                               "raw": "Jo/Harbour Wire"})
    old.conn.close()
