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


def failing_world(fakenet, tmp_path: Path, n: int = 4):
    """n articles of tests/corpusnet: article 1's t.co link answers 500 (asked again by the next run), article 2's
    404 (gone: an answer)."""
    from tests.cliworld import World
    from tests.corpusnet import no_limits, serve, write_folder
    from tests.fakenet import page

    serve(fakenet, n)
    fakenet.route("t.co", "/w00001", page("oops", status=500))
    fakenet.route("t.co", "/w00002", page("gone", status=404))
    return World(fakenet, tmp_path, extra=no_limits()), write_folder(tmp_path / "articles", n)


def test_the_summary_counts_links_by_outcome_and_says_its_units(tmp_path: Path, fakenet) -> None:
    """newuser46b #3: "120 with a step that failed" counted articles beside 124 links' error lines, and the summary
    counted no link. Now the unit, and the links by how they ended; `--summary-json` the same as JSON."""
    world, folder = failing_world(fakenet, tmp_path)
    summary_file = tmp_path / "summary.json"
    run = world("scan", "--resolve", "--json", "--workers", "1", "--summary-json", str(summary_file), str(folder))
    assert run.exit_code == 1, run.output
    err = run.stderr.splitlines()
    assert [line for line in err if line.startswith("error:")] == [
        f"error: {folder / '0001.html'}: link https://t.co/w00001 (embed #1) ended in an error: http-500: "
        "https://t.co/w00001 answered 500"]
    summary = next(line for line in err if line.startswith("scanned "))
    assert summary.endswith("; 1 article with a step that failed (1 link ended in an error)"), summary
    links = next(line for line in err if line.startswith("links: "))
    # each embed carries its t.co link and the pic.twitter.com link its text shows, which this world does not serve
    assert links == ("links: 8 followed (each link an embed carries, per article): 2 reached a page or a post, "
                     "5 gone (404, 410), 1 ended in an error (1 http-500)"), links
    data = json.loads(summary_file.read_text())
    assert data["whole_job"] is None and data["interrupted"] is False
    this = data["this_run"]
    assert (this["inputs"], this["articles"], this["embeds"], this["steps_failed"], this["failed"]) == (4, 4, 4, 1, 0)
    assert this["links"] == {"page": 2, "gone": 5, "error:http-500": 1} and this["links_asked_again"] == 0


def test_a_warm_run_says_the_links_that_failed_last_time_asked_again(tmp_path: Path, fakenet) -> None:
    """newuser46b #5: a warm run asked again the 70 links a 500 had failed (as documented), and its summary read as
    a cold run's."""
    world, folder = failing_world(fakenet, tmp_path)
    assert world("scan", "--resolve", "--json", "--workers", "1", str(folder)).exit_code == 1
    asked = len(fakenet.hits)
    warm = world("scan", "--resolve", "--json", "--workers", "1", str(folder))
    assert fakenet.hits[asked:] == [("t.co", "/w00001")]
    links = next(line for line in warm.stderr.splitlines() if line.startswith("links: "))
    assert links.endswith("; 7 answered from the cache, 1 link that failed last time (a 5xx, a timeout) asked "
                          "again"), links


def test_a_resumed_run_gives_this_runs_and_the_whole_jobs_totals(tmp_path: Path, archive: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """newuser46b #4: after 7 interrupts the last run's summary said "scanned 2,048 articles …; 1,020 finished by an
    earlier run", and the job's totals were in no output (a run killed -9 prints no summary to add up)."""
    from resolver import cli as cli_module

    real_emit, printed = cli_module._emit, [0]

    def emit(outcome, **kwargs):
        printed[0] += 1
        if printed[0] == 3:
            raise KeyboardInterrupt
        real_emit(outcome, **kwargs)
    out = tmp_path / "found.jsonl"
    args = ("scan", "--json", "--workers", "1", "-o", str(out), "--summary-json", str(tmp_path / "s.json"),
            str(archive))
    monkeypatch.setattr(cli_module, "_emit", emit)
    stopped = invoke(tmp_path, *args)
    assert stopped.exit_code == 130, stopped.output
    assert json.loads((tmp_path / "s.json").read_text())["interrupted"] is True
    monkeypatch.setattr(cli_module, "_emit", real_emit)
    resumed = invoke(tmp_path, *args)
    assert resumed.exit_code == 0, resumed.output
    err = resumed.stderr.splitlines()
    assert err[-2].startswith("this run: scanned 2 articles in ") and err[-2].endswith(
        ": 2 embeds, 2 credits; 2 finished by an earlier run"), err
    assert err[-1] == ("the whole job (this run and the earlier, interrupted ones): 4 files, 3 articles (1 the same "
                       "bytes as another file): 4 embeds, 4 credits (3 embeds, 3 credits counting each article once)")
    assert [Path(r["same_bytes_as"] or "-").name for r in lines(out.read_text())] == ["-", "-", "-", "a1.html"]
    job = json.loads((tmp_path / "s.json").read_text())["whole_job"]
    assert job == {"inputs": 4, "failed": 0, "articles": 3, "embeds": 4, "credits": 4, "article_embeds": 3,
                   "article_credits": 3, "steps_failed": 0, "skipped": 0, "unavailable": 0}


def test_retries_made_at_once_are_said_as_the_time_of_the_run_they_took() -> None:
    """newuser46b #5: "t.co: 215 retries waited 207.1 s in all" summed waits made at once (a run of 207 s): said now
    as `--fetch` says its rate waits, the time of the run they took, their sum beside it; waits one after another
    are said as before."""
    from resolver.budgets import Budgets

    now = [100.0]
    session = Session(Settings(), budgets=Budgets(clock=lambda: now[0]))
    for _ in range(4):   # one after another: each begins where the last ended
        session.retrying("a.example", 0.5, said=False)
        now[0] += 0.5
    for _ in range(6):   # at once
        session.retrying("t.co", 0.75, said=False)
    now[0] += 0.75
    session.retrying("t.co", 0.5, said=False)   # later, alone
    assert session.retry_waited() == [
        "a.example: 4 retries waited 2.0 s in all before them (4 under a second each, not said one by one)",
        "t.co: 7 retries waited during 1 s of the run (7 waits at times at once, 5 s summed; 7 under a second each, "
        "not said one by one)"]


def test_the_summary_counts_posts_by_status(tmp_path: Path, archive: Path) -> None:
    """newuser46b #3: with --fetch the summary said nothing of the posts (86 not found, 7 not confirmed in her run).
    Offline, a post never fetched is said as such, not as a status."""
    run = invoke(tmp_path, "scan", "--fetch", "--offline", "--json", str(archive))
    assert run.exit_code == 3, run.output
    posts = [line for line in run.stderr.splitlines() if line.startswith("posts: ")]
    assert posts == ["posts: 4 looked up (each post an embed names, per article): 4 not in the cache (offline)"]


def test_the_summary_json_file_is_never_an_input_the_output_or_the_cache(tmp_path: Path, archive: Path) -> None:
    """review46i: `--summary-json` was written over whatever it named, after the run: an article named as an input
    (`scan story.html --summary-json story.html` lost the story), the run's own -o file, the --db cache (made no
    database); found in the folder scanned, the next run read it as an input. Each is refused before anything is
    written, as -o is, or left out of the folder."""
    story = archive / "2025-01" / "a1.html"
    before = story.read_text()
    result = invoke(tmp_path, "scan", "--json", "--summary-json", str(story), str(story))
    assert result.exit_code == 2, result.output
    assert "is both an input and the --summary-json file" in result.stderr
    assert story.read_text() == before
    out = tmp_path / "out.jsonl"
    result = invoke(tmp_path, "scan", "--json", "-o", str(out), "--summary-json", str(out), str(story))
    assert result.exit_code == 2, result.output
    assert "--summary-json" in result.stderr and "-o" in result.stderr
    assert not out.exists()
    assert invoke(tmp_path, "scan", str(story)).exit_code == 0
    db = tmp_path / "c.db"
    result = invoke(tmp_path, "scan", "--json", "--summary-json", str(db), str(story))
    assert result.exit_code == 2, result.output
    assert "--summary-json" in result.stderr and "--db" in result.stderr
    assert Store(db).count("articles") == 1
    inside = archive / "summary.json"
    for _ in range(2):
        result = invoke(tmp_path, "scan", "--json", "--no-resume", "--summary-json", str(inside), str(archive))
        assert result.exit_code == 0, result.output
        assert sorted(Path(r["source"]).name for r in lines(result.stdout)) == [
            "a1-copy.html", "a1.html", "a2.html", "a3.html"]
        assert json.loads(inside.read_text())["this_run"]["inputs"] == 4
        assert "summary.json" not in result.stderr and "skipped" not in result.stderr, result.stderr


def test_the_whole_jobs_line_says_a_skipped_file_skipped_not_failed(tmp_path: Path, archive: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """review46i: a file a folder walk skips (binary: no article, exit 0) was marked "failed" in the progress rows,
    so after a resume the whole job's line said "1 failed" (and --summary-json's `whole_job.failed` 1) of a run
    whose every input was read or skipped: a failure the run never had."""
    from resolver import cli as cli_module

    (archive / "2025-01" / "a0.bin").write_bytes(b"\x00\x01\x02\xff" * 64)
    real_emit, printed = cli_module._emit, [0]

    def emit(outcome, **kwargs):
        printed[0] += 1
        if printed[0] == 4:
            raise KeyboardInterrupt
        real_emit(outcome, **kwargs)
    args = ("scan", "--json", "--workers", "1", "--summary-json", str(tmp_path / "s.json"), str(archive))
    monkeypatch.setattr(cli_module, "_emit", emit)
    assert invoke(tmp_path, *args).exit_code == 130
    monkeypatch.setattr(cli_module, "_emit", real_emit)
    resumed = invoke(tmp_path, *args)
    assert resumed.exit_code == 0, resumed.output
    last = resumed.stderr.splitlines()[-1]
    assert last.startswith("the whole job (this run and the earlier, interrupted ones): 4 files, 3 articles"), last
    assert "failed" not in last and last.endswith("; 1 skipped"), last
    job = json.loads((tmp_path / "s.json").read_text())["whole_job"]
    assert (job["failed"], job["skipped"]) == (0, 1)


@pytest.mark.parametrize("output", [False, True], ids=["stdout", "output-file"])
def test_a_file_edited_between_runs_is_one_input_and_no_copy_of_its_old_bytes(
        tmp_path: Path, archive: Path, monkeypatch: pytest.MonkeyPatch, output: bool) -> None:
    """review46i: a1.html finished by a run that was stopped, then edited (other bytes: another key), then the run
    resumed: the whole job's line counted its stale row too ("5 files, 4 articles (1 the same bytes as another
    file)" of 4 files, 4 articles), and a1-copy.html, which holds a1's OLD bytes, was said `same_bytes_as` a1.html,
    whose bytes are no longer those."""
    from resolver import cli as cli_module

    real_emit, printed = cli_module._emit, [0]

    def emit(outcome, **kwargs):
        printed[0] += 1
        if printed[0] == 3:
            raise KeyboardInterrupt
        real_emit(outcome, **kwargs)
    out = tmp_path / "found.jsonl"
    args = ("scan", "--json", "--workers", "1", *(["-o", str(out)] if output else []), "--summary-json",
            str(tmp_path / "s.json"), str(archive))
    monkeypatch.setattr(cli_module, "_emit", emit)
    assert invoke(tmp_path, *args).exit_code == 130
    (archive / "2025-01" / "a1.html").write_text(page(7) + "\n")
    monkeypatch.setattr(cli_module, "_emit", real_emit)
    resumed = invoke(tmp_path, *args)
    assert resumed.exit_code == 0, resumed.output
    last = resumed.stderr.splitlines()[-1]
    assert last == ("the whole job (this run and the earlier, interrupted ones): 4 articles: 4 embeds, 4 credits"), last
    job = json.loads((tmp_path / "s.json").read_text())["whole_job"]
    assert (job["inputs"], job["articles"], job["embeds"]) == (4, 4, 4)
    found = lines(out.read_text() if output else resumed.stdout)
    assert {Path(r["source"]).name: r["same_bytes_as"] for r in found}.get("a1-copy.html", "none") is None


def test_the_whole_jobs_line_of_a_feed_says_inputs_not_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """review46i: after a resume, the whole job's line said "4 files, 3 articles (1 the same bytes as another
    file)" of one feed's four records, where the run's own line says "inputs"."""
    from resolver import cli as cli_module

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"url": f"https://news.example/{n}", "html": page(n)}) + "\n"
                            for n in (1, 2, 1, 3)))
    real_emit, printed = cli_module._emit, [0]

    def emit(outcome, **kwargs):
        printed[0] += 1
        if printed[0] == 3:
            raise KeyboardInterrupt
        real_emit(outcome, **kwargs)
    args = ("scan", "--json", "--workers", "1", "--jsonl", str(feed))
    monkeypatch.setattr(cli_module, "_emit", emit)
    assert invoke(tmp_path, *args).exit_code == 130
    monkeypatch.setattr(cli_module, "_emit", real_emit)
    resumed = invoke(tmp_path, *args)
    assert resumed.exit_code == 0, resumed.output
    last = resumed.stderr.splitlines()[-1]
    assert last.startswith("the whole job (this run and the earlier, interrupted ones): 4 inputs, 3 articles (1 the "
                           "same bytes as another input): "), last
