"""A corpus run's totals say what they count (newuser46b): files and articles (an article is its bytes), links by
outcome, posts by status, this run and the whole job, a warm run's links asked again; and the machine-readable
summary (`scan --summary-json FILE`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cache import Store
from resolver import pipeline
from resolver.cli import cli
from resolver.inputs import InputSpec
from resolver.session import Session
from resolver.settings import Settings


def page(n: int) -> str:
    return (f'<html><body><p>Story {n}.</p><blockquote class="twitter-tweet"><p>Words {n}</p>&mdash; Reporter '
            f'(@reporter{n}) <a href="https://twitter.com/reporter{n}/status/{1600000000000000000 + n}">December 6, '
            f'2022</a></blockquote><p>(Photo: Ann Lee/Agency Press)</p></body></html>')


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Three articles in month folders, and a byte-identical copy of the first in another folder."""
    for month, n in (("2025-01", 1), ("2025-02", 2), ("2025-03", 3)):
        (tmp_path / "corpus" / month).mkdir(parents=True)
        (tmp_path / "corpus" / month / f"a{n}.html").write_text(page(n))
    (tmp_path / "corpus" / "zz-copies").mkdir()
    (tmp_path / "corpus" / "zz-copies" / "a1-copy.html").write_text(page(1))
    return tmp_path / "corpus"


def invoke(tmp_path: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), *args])


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("store", [True, False], ids=["cache", "no-store"])
def test_a_copy_of_another_file_is_said_to_be_its_article(tmp_path: Path, archive: Path, store: bool) -> None:
    """newuser46b #2: the summary and the JSON lines counted 3,068, the cache, `stats` and `cache export` 3,008,
    and nothing said the 60 were byte-identical copies (an article is its bytes, recorded once)."""
    result = invoke(tmp_path, "scan", "--json", *([] if store else ["--no-store"]), str(archive))
    assert result.exit_code == 0, result.output
    found = lines(result.stdout)
    first = str(archive / "2025-01" / "a1.html")
    assert [(Path(r["source"]).name, r["same_bytes_as"]) for r in found] == [
        ("a1.html", None), ("a2.html", None), ("a3.html", None), ("a1-copy.html", first)]
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("scanned 4 files, 3 articles (1 the same bytes as another file) in "), summary
    assert summary.endswith(": 4 embeds, 4 credits (3 embeds, 3 credits counting each article once, as the cache "
                            "does)"), summary
    if store:
        db = Store(tmp_path / "c.db")
        assert (db.count("articles"), db.count("embeds"), db.count("credits")) == (3, 3, 3)


def test_a_run_with_no_copy_says_articles_as_before(tmp_path: Path, archive: Path) -> None:
    (archive / "zz-copies" / "a1-copy.html").unlink()
    result = invoke(tmp_path, "scan", "--json", str(archive))
    assert [r["same_bytes_as"] for r in lines(result.stdout)] == [None, None, None]
    assert result.stderr.strip().splitlines()[-1].startswith("scanned 3 articles in ")
    assert "counting each article once" not in result.stderr


def test_a_resumed_run_names_the_copy_an_earlier_run_finished(tmp_path: Path, archive: Path) -> None:
    """The first of two same-bytes files finished by a run that was stopped: the copy, read by the run that goes
    on, still names it, as a run never interrupted does (its output file is the same)."""
    store = Store(tmp_path / "c.db")
    spec = InputSpec(files=(str(archive),))
    options = pipeline.RunOptions(job="scan:test", window=1, workers=1)
    seen: list[pipeline.Outcome] = []

    def stop_after_two(outcome: pipeline.Outcome) -> None:
        seen.append(outcome)
        if len(seen) == 3:
            raise KeyboardInterrupt
    session = Session(Settings(), store=store)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run(pipeline.items_of(spec, session=session, options=options), session=session,
                     emit=stop_after_two, options=options)
    assert store.done_count("scan:test") == 2
    summary = pipeline.Summary()
    rest: list[pipeline.Outcome] = []
    session = Session(Settings(), store=store)
    pipeline.run(pipeline.items_of(spec, session=session, options=options, summary=summary), session=session,
                 emit=rest.append, options=options, summary=summary)
    assert [(Path(o.article.source).name, o.same_bytes_as) for o in rest] == [
        ("a3.html", None), ("a1-copy.html", str(archive / "2025-01" / "a1.html"))]
    # its twin is the earlier run's: this run read 2 articles new to it
    assert (summary.articles, summary.same_bytes, summary.resumed) == (2, 0, 2)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_cache_export_embeds_names_each_embeds_article(tmp_path: Path, archive: Path, fmt: str) -> None:
    """newuser46b #9: `cache export embeds` had `article_id` and no article, so a spreadsheet needed a join; now an
    `article` column, as `article_credits` has: the source it was first read from."""
    assert invoke(tmp_path, "scan", str(archive)).exit_code == 0
    result = invoke(tmp_path, "cache", "export", "embeds", "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        found = [(r["article_id"], r["article"], r["author_handle"]) for r in lines(result.stdout)]
    else:
        import csv
        import io

        found = [(int(r["article_id"]), r["article"], r["author_handle"])
                 for r in csv.DictReader(io.StringIO(result.stdout))]
    assert found == [(n, str(archive / f"2025-0{n}" / f"a{n}.html"), f"reporter{n}") for n in (1, 2, 3)]
