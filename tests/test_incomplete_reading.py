"""One step of an article's reading that raises (a bug) loses its own findings alone: the others' are kept, and every
output says the reading is incomplete, which step failed and with what (#10, #13; newuser32b #1: an upper-case
Turkish month raised KeyError in the date reader, and `scan` said "internal error: KeyError: 'mayis'" with no embed
and no credit). The bug that showed it is fixed, so the failure is injected into the step with monkeypatch: these
test our guard, not the steps."""

import json
import pickle
import sqlite3

import pytest
from click.testing import CliRunner

from cache import Store
from resolver import extract, pipeline
from resolver.cli import cli
from resolver.extract import credits as text_credits
from resolver.extract import dates, html, html_credits, text

PAGE = """<html><body><article><p>The mayor spoke on Friday.</p>
<blockquote class="twitter-tweet"><p lang="tr" dir="ltr">Köprü bugün açıldı.</p>&mdash; Riverton Haber
(@RivertonHaber) <a href="https://twitter.com/RivertonHaber/status/1659512345678901234">19 MAYIS 2023</a></blockquote>
<figure><img src="https://img.example.org/bridge.jpg"><figcaption>The bridge at dawn. (AP Photo/Ben Example)
</figcaption></figure></article></body></html>
"""
TEXT = ("Köprü bugün açıldı. pic.twitter.com/Zz98Yy76Xx\n— Riverton Haber (@RivertonHaber) 19 MAYIS 2023\n\n"
        "The bridge at dawn. (AP Photo/Ben Example)\n")


def _month_bug(word: str, **_: object) -> int | None:   # month_number's signature (langs: fixnu32h)
    raise KeyError(word.lower())   # what the date reader raised before fixnu32d: KeyError: 'mayis'


def _broken(*args, **kwargs):
    raise RuntimeError("detector bug\nsecond line")


@pytest.fixture
def run(tmp_path):
    db = tmp_path / "guard.db"

    def invoke(*args):
        return CliRunner(env={"COLUMNS": "200"}).invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    invoke.db = db
    return invoke


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_the_reading_is_whole_without_a_bug(page):
    result = pipeline.scan_file(page)
    assert [(e.post_id, e.date) for e in result.embeds] == [("1659512345678901234", "2023-05-19")]
    assert [(c.creator, c.organization) for c in result.credits] == [("Ben Example", "AP")]
    assert result.incomplete == () and not result.failed


def test_a_date_reader_bug_loses_the_date_alone_and_scan_says_so(run, page, monkeypatch):
    monkeypatch.setattr(dates, "month_number", _month_bug)
    result = run("scan", "--json", str(page))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(e["post_id"], e["date_text"], e["date"]) for e in data["embeds"]] == [
        ("1659512345678901234", "19 MAYIS 2023", None)]
    assert [(c["creator"], c["organization"]) for c in data["credits"]] == [("Ben Example", "AP")]
    assert data["incomplete"] == [{"step": "dates", "error": "KeyError: 'mayis'"}]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {page}: reading incomplete, a step failed: dates (KeyError: 'mayis'); what it finds "
                      "is missing"]
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_the_table_says_the_reading_is_incomplete(run, page, monkeypatch):
    monkeypatch.setattr(dates, "month_number", _month_bug)
    result = run("scan", str(page))
    assert result.exit_code == 1
    assert "reading incomplete, a step failed: dates (KeyError: 'mayis')" in result.stdout
    assert "1 embed, 1 credit" in result.stdout


def test_an_embed_detector_bug_keeps_the_credits(page, monkeypatch):
    monkeypatch.setattr(html, "_structural_embeds", _broken)
    result = pipeline.scan_file(page)
    # the blockquote is not read; the link detectors still find its status link, as a link alone
    assert [(e.post_id, e.detector) for e in result.embeds] == [("1659512345678901234", "html-source")]
    assert [(c.creator, c.organization) for c in result.credits] == [("Ben Example", "AP")]
    # one line, whatever the message holds
    assert [f.to_json() for f in result.incomplete] == [
        {"step": "embeds: embed markup", "error": "RuntimeError: detector bug second line"}]
    assert "_broken" in result.incomplete[0].detail   # the traceback is kept, for the errors table and debugging
    assert result.failed and result.to_json()["incomplete"] == [f.to_json() for f in result.incomplete]


def test_a_credit_reader_bug_keeps_the_embeds(page, monkeypatch):
    monkeypatch.setattr(html_credits, "find_credits", _broken)
    result = pipeline.scan_file(page)
    assert [e.post_id for e in result.embeds] == ["1659512345678901234"]
    assert result.credits == ()
    assert [f.step for f in result.incomplete] == ["credits: page markup"]


@pytest.mark.parametrize(("module", "name", "step", "embeds", "credits"), [
    # the signature is lost: its pic.twitter.com link is found alone
    (text, "find_signatures", "embeds: signatures", ["Zz98Yy76Xx"], [("Ben Example", "AP")]),
    (text_credits, "find_credits", "credits: text", ["RivertonHaber"], []),
], ids=["signatures", "credits"])
def test_a_step_of_a_plain_text_reading_fails_alone(tmp_path, monkeypatch, module, name, step, embeds, credits):
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(module, name, _broken)
    result = pipeline.scan_file(path)
    assert [e.post_id or e.url.rsplit("/", 1)[-1] for e in result.embeds] == embeds
    assert [(c.creator, c.organization) for c in result.credits] == credits
    assert [f.step for f in result.incomplete] == [step]


def test_a_step_failing_on_each_chunk_is_said_once(monkeypatch):
    monkeypatch.setattr(dates, "month_number", _month_bug)
    two = PAGE.replace("</article>", PAGE.split("<article>")[1].split("</article>")[0] + "</article>")
    result = pipeline.scan(two.replace("1659512345678901234", "1659512345678901235", 1))
    assert len(result.embeds) == 2 and [f.step for f in result.incomplete] == ["dates"]


@pytest.mark.parametrize("stop", [KeyboardInterrupt, MemoryError], ids=["ctrl-c", "memory"])
def test_an_interrupt_or_no_memory_is_not_taken_for_a_step_bug(page, monkeypatch, stop):
    def stopped(*args, **kwargs):
        raise stop()
    monkeypatch.setattr(html, "_structural_embeds", stopped)
    with pytest.raises(stop):
        pipeline.scan_file(page)
    monkeypatch.undo()
    monkeypatch.setattr(dates, "month_number", stopped)   # inside a step its decorator guards
    with pytest.raises(stop):
        pipeline.scan(PAGE)


def test_a_library_call_outside_a_reading_raises_the_bug(monkeypatch):
    """`find_all` alone, as evaluate_corpus and the fuzzer call it: nobody would say a step failed, so it raises."""
    monkeypatch.setattr(dates, "month_number", _month_bug)
    with pytest.raises(KeyError, match="mayis"):
        extract.find_all(PAGE, "html")
    with pytest.raises(KeyError, match="mayis"):
        dates.parse_date("19 MAYIS 2023")


def test_a_failed_step_crosses_to_the_main_process(page, monkeypatch):
    """A worker process hands its extraction back pickled (`--workers 2`): the failure and its traceback with it."""
    monkeypatch.setattr(dates, "month_number", _month_bug)
    [failed] = pipeline.scan_file(page).incomplete
    again = pickle.loads(pickle.dumps(failed))
    assert again == failed and again.detail == failed.detail


def _article_row(db):
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT incomplete, tool_version, embed_count, credit_count FROM articles").fetchone()
        embeds = conn.execute("SELECT date FROM embeds").fetchall()
        errors = conn.execute("SELECT stage, kind, message FROM errors").fetchall()
    finally:
        conn.close()
    return row, embeds, errors


def test_the_cache_records_the_reading_incomplete_and_a_fixed_tool_reads_it_again(run, page, monkeypatch):
    monkeypatch.setattr(html, "_structural_embeds", _broken)
    assert run("scan", "--json", str(page)).exit_code == 1
    (incomplete, version, embed_count, credit_count), embeds, errors = _article_row(run.db)
    assert json.loads(incomplete) == [{"step": "embeds: embed markup",
                                       "error": "RuntimeError: detector bug second line"}]
    assert (embed_count, credit_count, embeds) == (1, 1, [(None,)])   # its link alone: "html-source", no date
    [(stage, kind, message)] = errors   # the line stderr said, then the traceback
    assert (stage, kind) == ("scan: embeds: embed markup", "RuntimeError")
    first, *traceback = message.splitlines()
    assert first == ("reading incomplete, a step failed: embeds: embed markup (RuntimeError: detector bug second "
                     "line); what it finds is missing")
    assert traceback[0] == "Traceback (most recent call last):" and "in _broken" in message
    # The same tool, the same bug: the record stands.
    assert run("scan", "--json", str(page)).exit_code == 1
    assert _article_row(run.db)[0][:3] == (incomplete, version, 1)
    # The bug fixed (the tool's version changed with it): the next run reads the article again, and records it whole.
    monkeypatch.undo()
    monkeypatch.setattr(pipeline, "__version__", version + ".post1")
    result = run("scan", "--json", str(page))
    assert result.exit_code == 0 and json.loads(result.stdout)["incomplete"] == []
    (incomplete, now, embed_count, credit_count), embeds, _ = _article_row(run.db)
    assert (incomplete, now, embed_count, credit_count, embeds) == (None, version + ".post1", 1, 1, [("2023-05-19",)])


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_a_report_says_the_reading_is_incomplete_and_the_date_was_not_checked(run, page, monkeypatch, fmt):
    monkeypatch.setattr(dates, "month_number", _month_bug)
    result = run("report", "--offline", "--format", fmt, str(page))
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
        f"error: {page}: reading incomplete, a step failed: dates (KeyError: 'mayis'); what it finds is missing"]
    note = "reading incomplete, a step failed: dates (KeyError: &#x27;mayis&#x27;)" if fmt == "html" else \
        "reading incomplete, a step failed: dates (KeyError: 'mayis')"
    date_check = "not checked: the date reader failed on this article (KeyError: 'mayis'), “19 MAYIS 2023” was not read"
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["article"]["incomplete"] == [{"step": "dates", "error": "KeyError: 'mayis'"}]
        [embed] = data["embeds"]
        assert [(c["result"], c["evidence"]) for c in embed["checks"] if c["name"] == "date"] == [("skip", date_check)]
        assert [(c["creator"], c["organization"]) for c in data["credits"]] == [("Ben Example", "AP")]
    else:
        assert note in result.stdout
        assert (date_check if fmt == "md" else date_check.replace("'", "&#x27;")) in result.stdout


def test_a_report_with_no_embed_for_a_failed_detector_does_not_say_none_was_found(run, tmp_path, monkeypatch):
    path = tmp_path / "credits.html"
    path.write_text("<html><body><figure><img src='https://img.example.org/a.jpg'><figcaption>A bridge. (AP Photo/Ben "
                    "Example)</figcaption></figure></body></html>", encoding="utf-8")
    monkeypatch.setattr(html, "_structural_embeds", _broken)
    result = run("report", "--offline", str(path))
    assert "No embedded post was found, but not all were looked for: embeds: embed markup failed (not checked)." \
        in result.stdout
    assert "No embedded post was found." not in result.stdout


def test_a_bug_in_the_pages_own_date_loses_that_date_alone(run, page, monkeypatch):
    from resolver.extract import published

    monkeypatch.setattr(published, "_without_comments", _broken)
    result = run("report", "--offline", "--format", "json", str(page))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["article"]["incomplete"] == [{"step": "published date",
                                              "error": "RuntimeError: detector bug second line"}]
    assert data["article"]["published"] is None and len(data["embeds"]) == 1


def test_fixnu32i_a_report_says_a_failed_published_date_when_another_step_failed_too(run, page, monkeypatch):
    """review32r5 #6: the report's own step (the page's published date) was said on stderr only when no step of the
    reading had failed: with the dates step failed too, its line alone was said. One line for each failed step."""
    from resolver.extract import published

    monkeypatch.setattr(dates, "month_number", _month_bug)
    monkeypatch.setattr(published, "_without_comments", _broken)
    result = run("report", "--offline", "--format", "json", str(page))
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
        f"error: {page}: reading incomplete, a step failed: dates (KeyError: 'mayis'); what it finds is missing",
        f"error: {page}: reading incomplete, a step failed: published date (RuntimeError: detector bug second line); "
        "what it finds is missing"]
    assert [f["step"] for f in json.loads(result.stdout)["article"]["incomplete"]] == ["dates", "published date"]
    monkeypatch.undo()
    monkeypatch.setattr(published, "_without_comments", _broken)   # the report's own step alone: said once
    alone = run("report", "--offline", "--format", "json", str(page))
    assert [line for line in alone.stderr.splitlines() if line.startswith("error:")] == [
        f"error: {page}: reading incomplete, a step failed: published date (RuntimeError: detector bug second line); "
        "what it finds is missing"]


@pytest.mark.parametrize("incomplete_given", [True, False], ids=["incomplete-record-taken", "whole-record-taken"])
def test_lead32_a_merge_keeps_the_incomplete_mark_of_the_record_it_takes(tmp_path, monkeypatch, incomplete_given):
    """review32r5 #1, #2: `cache merge` prefers one input's record of an article over another's (here: the one whose
    encoding the user gave) and takes its credits, but not its `incomplete` mark: a record whose credit step had
    failed was taken as read whole (its credit lost without a word, and a later run of the same version never read
    it again), and a whole record taken was marked incomplete. The mark goes with the record taken."""
    import sqlite3

    from click.testing import CliRunner

    from resolver.cli import cli
    from resolver.extract import html_credits

    page = tmp_path / "story.html"
    page.write_text(PAGE, encoding="utf-8")
    broken, whole, out = tmp_path / "broken.db", tmp_path / "whole.db", tmp_path / "out.db"

    def run(db, *args):
        return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    # another encoding than the other reading's. A whole reading is taken over one that lost a step whatever their
    # encodings (review32r5 #3, replay33), so the incomplete record taken is of two that each lost a step: the other
    # one its dates
    given = ["--encoding", "cp1252" if incomplete_given else "utf-8"]
    with monkeypatch.context() as patched:
        patched.setattr(html_credits, "find_credits", _broken)
        run(broken, "scan", "--json", *(given if incomplete_given else []), str(page))
    with monkeypatch.context() as patched:
        if incomplete_given:
            patched.setattr(dates, "month_number", _month_bug)
        run(whole, "scan", "--json", *([] if incomplete_given else given), str(page))
    first, second = (whole, broken) if incomplete_given else (broken, whole)
    assert run(out, "cache", "merge", str(out), str(first), str(second)).exit_code == 0
    conn = sqlite3.connect(out)
    [(incomplete, credits)] = conn.execute("SELECT incomplete, credit_count FROM articles").fetchall()
    conn.close()
    if incomplete_given:
        assert credits == 0 and incomplete is not None and "credits" in incomplete and "dates" not in incomplete
    else:
        assert credits > 0 and incomplete is None


@pytest.mark.parametrize("step,bug", [("credits", (html_credits, "find_credits", _broken)),
                                      ("dates", (dates, "month_number", _month_bug))], ids=["credits", "dates"])
@pytest.mark.parametrize("incomplete_first", [True, False], ids=["incomplete-first", "whole-first"])
def test_a_merge_prefers_a_whole_reading_of_the_same_bytes_and_says_so(tmp_path, monkeypatch, step, bug,
                                                                      incomplete_first):
    """review32r5 #3: `cache merge out.db incomplete.db whole.db`, neither encoding given, kept the first input's
    record: a reading whose credit (or date) step had failed, its credit (or date) lost, over a whole reading of the
    same bytes, and the report did not say a record was chosen. The whole reading is taken in either order, and the
    merge says why."""
    page = tmp_path / "story.html"
    page.write_text(PAGE, encoding="utf-8")
    broken, whole, out = tmp_path / "broken.db", tmp_path / "whole.db", tmp_path / "out.db"

    def run(db, *args):
        return CliRunner(env={"COLUMNS": "200"}).invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    with monkeypatch.context() as patched:
        patched.setattr(*bug)
        assert run(broken, "scan", "--json", str(page)).exit_code == 1
    assert run(whole, "scan", "--json", str(page)).exit_code == 0
    first, second = (broken, whole) if incomplete_first else (whole, broken)
    result = run(out, "cache", "merge", str(out), str(first), str(second))
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(out)
    [(incomplete, credits)] = conn.execute("SELECT incomplete, credit_count FROM articles").fetchall()
    [date] = conn.execute("SELECT date FROM embeds").fetchone()
    conn.close()
    assert (incomplete, credits, date) == (None, 1, "2023-05-19")
    kept, over = (second, first) if incomplete_first else (first, second)
    assert (f"kept {kept}'s record over {over}'s: it was read whole, the other's reading lost a step ({'credits: page markup' if step == 'credits' else step}); "
            f"both read as utf-8") in result.stdout


def _merged(tmp_path, *, broken_with, broken_args=(), whole_args=(), incomplete_first=True, page_bytes=None):
    """Scan PAGE (or `page_bytes`) into one cache with `broken_with` (monkeypatch setattr argument tuples) and into
    another whole, merge them in the order asked; returns (the merge's stdout, the merged article row, its embeds'
    urls, the databases)."""
    page = tmp_path / "story.html"
    page.write_bytes(PAGE.encode("utf-8") if page_bytes is None else page_bytes)
    broken, whole, out = tmp_path / "broken.db", tmp_path / "whole.db", tmp_path / "out.db"

    def run(db, *args):
        return CliRunner(env={"COLUMNS": "300"}).invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    with pytest.MonkeyPatch.context() as patched:
        for bug in broken_with:
            patched.setattr(*bug)
        assert run(broken, "scan", "--json", *broken_args, str(page)).exit_code == 1
    assert run(whole, "scan", "--json", *whole_args, str(page)).exit_code == 0
    first, second = (broken, whole) if incomplete_first else (whole, broken)
    result = run(out, "cache", "merge", str(out), str(first), str(second))
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(out)
    conn.row_factory = sqlite3.Row
    [row] = conn.execute("SELECT * FROM articles").fetchall()
    urls = [u for (u,) in conn.execute("SELECT url FROM embeds ORDER BY ordinal")]
    conn.close()
    return " ".join(result.stdout.split()), dict(row), urls, (broken, whole)


@pytest.mark.parametrize("incomplete_first", [True, False], ids=["incomplete-first", "whole-first"])
def test_replay33_a_whole_reading_wins_the_merge_over_an_incomplete_one_in_another_encoding(tmp_path,
                                                                                          incomplete_first):
    """replay33 (CLOSING-stop32, "Replay and merge"): a whole reading of the same bytes beat one that lost a step only
    when both were read in one encoding; a reading whose credit step failed, read as cp1252 (given), was kept over a
    whole one read as utf-8, its credit lost and its `incomplete` mark kept. The whole reading wins whatever the
    encoding; the summary says so, and that the encoding the user gave the other record is not kept (its reading is
    not this one's), with how to read it so again."""
    said, row, urls, (broken, whole) = _merged(
        tmp_path, broken_with=[(html_credits, "find_credits", _broken)], broken_args=("--encoding", "cp1252"),
        incomplete_first=incomplete_first)
    assert (row["incomplete"], row["credit_count"], row["encoding"], row["encoding_given_at"]) == (None, 1, "utf-8",
                                                                                                  None)
    kept, over = (whole, broken)
    assert (f"kept {kept}'s record over {over}'s: it was read whole, the other's reading lost a step (credits: page "
            f"markup); read as utf-8, the other as cp1252, which the user gave on ") in said, said
    assert ("not kept as given: it is not this reading's encoding; to read the article so, scan it again with "
            "--encoding cp1252") in said, said


CZECH_PAGE = PAGE.replace("Köprü bugün açıldı.", "Příliš žluťoučký kůň úpěl ďábelské ódy.").replace('"tr"', '"cs"')


@pytest.mark.parametrize("incomplete_first", [True, False], ids=["incomplete-first", "whole-first"])
def test_fixnu33e_an_incomplete_reading_in_the_encoding_the_user_gave_wins_over_a_whole_one_guessed_otherwise(
        tmp_path, incomplete_first):
    """review33r1 ("left alone", the lead's decision): after replay33 a whole reading in a GUESSED encoding won the
    merge over a reading whose credit step failed in another encoding the user gave (`--encoding`): the merged
    record could hold garbled names where it had right ones with one step missing. The user's word wins over a guess
    in another encoding, incomplete or not; its `incomplete` mark goes with it, and the summary says so."""
    said, row, urls, (broken, whole) = _merged(
        tmp_path, broken_with=[(html_credits, "find_credits", _broken)], broken_args=("--encoding", "cp1250"),
        incomplete_first=incomplete_first, page_bytes=CZECH_PAGE.encode("iso-8859-2"))
    with Store(whole) as store:
        [guessed] = [(r["encoding"], r["encoding_detected"]) for r in store.db.query("SELECT * FROM articles")]
    assert guessed[1] == 1 and guessed[0] != "cp1250"
    with Store(broken) as store:
        [given_at] = [r["encoding_given_at"] for r in store.db.query("SELECT encoding_given_at FROM articles")]
    assert (row["credit_count"], row["encoding"], row["encoding_given_at"]) == (0, "cp1250", given_at)
    assert [step["step"] for step in json.loads(row["incomplete"])] == ["credits: page markup"]
    kept, over = (broken, whole)
    assert (f"kept {kept}'s record over {over}'s: its encoding (cp1250) was given by the user on {given_at[:10]}, "
            f"the other's was guessed ({guessed[0]}): the user's word is kept over a guess, though its reading lost a "
            f"step (credits: page markup)") in said, said


@pytest.mark.parametrize("incomplete_first", [True, False], ids=["incomplete-first", "whole-first"])
def test_replay33_a_whole_reading_wins_the_merge_over_one_whose_embed_steps_failed(tmp_path, incomplete_first):
    """replay33: when the step lost was the embeds' the two readings found other posts, and the merge kept the one
    merged first whole, however it was read: an article whose embed detectors had failed stayed with no embed and its
    mark. Now the whole reading's embeds replace the incomplete one's."""
    said, row, urls, (broken, whole) = _merged(
        tmp_path, broken_with=[(html, "_structural_embeds", _broken), (html, "_source_urls", _broken)],
        incomplete_first=incomplete_first)
    assert (row["incomplete"], row["embed_count"], row["credit_count"]) == (None, 1, 1)
    assert urls == ["https://twitter.com/RivertonHaber/status/1659512345678901234"]
    assert (f"kept {whole}'s record over {broken}'s: it was read whole, the other's reading lost a step (embeds: embed "
            f"markup, embeds: links in the source); both read as utf-8") in said, said


def test_replay33_a_whole_reading_that_wins_over_a_given_encoding_keeps_it_given(tmp_path):
    """replay33: the whole reading (its encoding declared) took the place of one in the same encoding the user had
    given, and the record lost `encoding_given_at`: later runs guessed again, and reports no longer said it was
    given. The date it was given stays, as the user's label of the encoding."""
    said, row, urls, (broken, whole) = _merged(
        tmp_path, broken_with=[(html_credits, "find_credits", _broken)], broken_args=("--encoding", "UTF8"))
    with Store(broken) as store:
        [given_at] = [r["encoding_given_at"] for r in store.db.query("SELECT encoding_given_at FROM articles")]
    assert given_at and (row["incomplete"], row["credit_count"], row["encoding_given_at"]) == (None, 1, given_at)
    assert f"both read as utf-8; the encoding stays given by the user, as on {given_at[:10]}" in said, said


@pytest.mark.parametrize("incomplete_first", [True, False], ids=["incomplete-first", "whole-first"])
def test_lead33f_the_encoding_the_user_gave_wins_over_one_the_page_declared_too(tmp_path, incomplete_first):
    """fixnu33e's open decision: a whole reading in the encoding the PAGE declared still won over an incomplete one in
    another encoding the user gave. A user who gives `--encoding` overrides the page's label on purpose (pages
    declare wrong ones): the user's word wins over a declared encoding as over a guessed one, its mark of the step
    lost with it (bytes valid as UTF-8 still read so: test_replay33_a_whole_reading_wins_the_merge_over_an_incomplete_
    one_in_another_encoding)."""
    page = CZECH_PAGE.replace("<html>", '<html><head><meta charset="iso-8859-2"></head>', 1)
    assert page != CZECH_PAGE
    said, row, urls, (broken, whole) = _merged(
        tmp_path, broken_with=[(html_credits, "find_credits", _broken)], broken_args=("--encoding", "cp1250"),
        incomplete_first=incomplete_first, page_bytes=page.encode("iso-8859-2"))
    with Store(whole) as store:
        [declared] = [(r["encoding"], r["encoding_detected"]) for r in store.db.query("SELECT * FROM articles")]
    assert declared == ("iso-8859-2", 0), declared
    assert (row["encoding"], row["credit_count"]) == ("cp1250", 0)
    assert [step["step"] for step in json.loads(row["incomplete"])] == ["credits: page markup"]
    assert f"kept {broken}'s record over {whole}'s: its encoding (cp1250) was given by the user on " in said, said
    assert "the other's was declared (iso-8859-2): the user's word is kept over the page's label" in said, said
