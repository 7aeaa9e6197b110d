"""Memos of a warm run's cached steps (#13, resolver/memo.py): a run answered by them prints and records exactly what
the same run with its steps run prints and records, and a memo is never used once anything it was made from is
not as it was. Against the loopback 'internet' of tests/corpusnet.py (resolve hops, posts with a photo, deleted
posts read from their Wayback capture), with articles added for a link that ends in an error, a chain of hops to a page, one whose end
carries a signature (redacted), and a post whose photo is gone."""

from __future__ import annotations

import asyncio
import base64
import json
import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resolver import memo
from resolver.redact import forms
from tests.cliworld import World
from tests.corpusnet import FIRST_ID, TOKEN, Posts, no_limits, serve, write_folder
from tests.fakenet import page, redirect

# Under scripts/test's pytest-xdist (--dist loadgroup), this module's tests run in one worker: the worlds `memo_world`
# makes once a process and copies (`shared`, below) are then made once, not once in each worker that ran a test of
# the same world (up to four makings of each of its seven, at one to three in-process network runs apiece).
pytestmark = pytest.mark.xdist_group("memo-worlds")

RUN = ("scan", "--resolve", "--fetch", "--json")
# The same run with its articles extracted in this process. A run of two articles or more otherwise extracts them in a
# pool of worker processes (the default on more than one core), which forks this test process: 40% of this
# file's CPU went to those forks, for the same extraction. Memos are made, kept and used in the run's own process
# either way; a pool's runs with memos are kept where they are checked: the world's own runs (`_made`),
# test_a_run_answered_by_memos...[2-*] (a pool against none) and the two runs with a token set (`POOLED`).
STEPS = (*RUN, "--workers", "1")
POOLED = RUN
MEMO_TABLES = ("step_memos", "step_memo_keys")
SIGNED = ('&mdash; Riverton Roads (@RivertonRoads) <a href="https://twitter.com/RivertonRoads/status/{post}">'
          'December 6, 2022</a></blockquote>')


def tweet(text: str, post: int = FIRST_ID) -> str:
    return f'<blockquote class="twitter-tweet"><p lang="en">{text}</p>{SIGNED.format(post=post)}'


ODD = {   # articles whose steps end otherwise than a post with its photo (post FIRST_ID is article 0000's too)
    "link-404.html": tweet('Notice: <a href="https://bit.ly/gone-404">bit.ly/gone-404</a>'),
    "link-hops.html": tweet('Detour: <a href="https://bit.ly/map">bit.ly/map</a>'),
    "link-signed.html": tweet('Map: <a href="https://bit.ly/signed">bit.ly/signed</a>'),   # redacted where it ends
    "link-loop.html": tweet('Loop: <a href="https://bit.ly/loop">bit.ly/loop</a>'),   # a chain refused: an error
    "photo-404.html": tweet("Gone photo.", FIRST_ID + 9999),
}

# Articles a step fails for: their memo is kept but never answers; their steps run from the cache, so that `scan`
# says what failed (#11).
FAILING = {"link-loop.html", "photo-404.html"}


def odd_routes(fakenet) -> None:
    fakenet.route("bit.ly", "/gone-404", page("gone", status=404))
    fakenet.route("bit.ly", "/map", redirect("https://bit.ly/map-2", 302))
    fakenet.route("bit.ly", "/map-2", redirect("https://news.example/detour.html"))
    fakenet.route("news.example", "/detour.html", page("<html><title>Detour</title></html>"))
    fakenet.route("bit.ly", "/loop", redirect("https://bit.ly/loop", 302))
    fakenet.route("bit.ly", "/signed", redirect("https://news.example/map.html?sig=fictional-signature&v=2", 302))
    fakenet.route("news.example", "/map.html", page("<html><title>Map</title></html>"))


def memo_world(tmp_path: Path, fakenet, n: int = 9, posts: Posts = Posts(gone_every=3), *,
               settled: bool = True, env: dict[str, str] | None = None, offline: bool = False,
               shared: bool = True, one_by_one: bool = False) -> tuple[World, Path]:
    """n corpus articles (every third post deleted, read from its capture) and the odd ones, run cold; `settled`:
    and warm once, so that every article has its memo (see below); `offline`: and then once --offline, which makes
    the offline memos (another key than the online ones). `env`: of every run (a token). `one_by_one`: the cold run
    is one run an article, in name order, then article 0000 alone again with --refresh (`_one_by_one`).

    `shared`: the world's cold (and warm) runs are made once a test process for each (n, posts, settled, env) and
    kept aside; each test gets a fresh copy of that database, config and folder, put back at the same path (a memo's
    key holds its article's path), so no test sees another's writes. The loopback services are routed for each test
    all the same (a test's own runs ask them). A test that changes the code (monkeypatch) before the world is made
    passes `shared=False`: its world is made in `tmp_path`, with its code, and kept for no other."""
    serve(fakenet, n, posts)
    odd_routes(fakenet)
    key = (tmp_path.parent, n, posts, settled, offline, tuple(sorted((env or {}).items())), one_by_one)
    if not shared:
        return _made(World(fakenet, tmp_path, extra=no_limits()), n, settled, offline, env, one_by_one)
    if key not in _KEPT and offline and settled and not one_by_one:
        # The settled world's copy (made or kept once) and its offline run, where `_made` would run its cold, warm
        # and offline runs: the same runs in the same order, at the same path (the settled world's, kept once).
        world, folder = memo_world(tmp_path, fakenet, n, posts, env=env)
        world(*RUN, "--offline", str(folder), env=env)
        stage = world.tmp
        kept = stage.with_name(stage.name + "-offline-kept")
        shutil.copytree(stage, kept, ignore=shutil.ignore_patterns("c.db*"))
        copy_db(world.db, kept / "c.db")
        _KEPT[key] = (stage, kept)
        return world, folder
    if key not in _KEPT:
        stage = tmp_path.parent / f"memo-world-{len(_KEPT)}"
        stage.mkdir()
        world, folder = _made(World(fakenet, stage, extra=no_limits()), n, settled, offline, env, one_by_one)
        kept = stage.with_name(stage.name + "-kept")
        shutil.copytree(stage, kept, ignore=shutil.ignore_patterns("c.db*"))
        copy_db(world.db, kept / "c.db")
        _KEPT[key] = (stage, kept)
        return world, folder
    stage, kept = _KEPT[key]
    shutil.rmtree(stage)
    shutil.copytree(kept, stage)
    return World(fakenet, stage, extra=no_limits()), stage / "articles"


_KEPT: dict[tuple, tuple[Path, Path]] = {}   # worlds made once: (where each test gets it, the copy kept aside)


def _made(world: World, n: int, settled: bool, offline: bool, env: dict[str, str] | None,
          one_by_one: bool = False) -> tuple[World, Path]:
    folder = write_folder(world.tmp / "articles", n)
    for name, body in ODD.items():
        (folder / name).write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    if one_by_one:
        _one_by_one(world, folder, env)
    else:
        cold = world(*RUN, str(folder), env=env)
        assert cold.exit_code == 1, cold.output
    if settled:
        assert world(*RUN, str(folder), env=env).exit_code == 1
    if offline:
        world(*RUN, "--offline", str(folder), env=env)
    return world, folder


def _one_by_one(world: World, folder: Path, env: dict[str, str] | None) -> None:
    """A cold run whose memos do not depend on timing: each article run alone (no other article in flight beside it),
    in name order, so each keeps its memo and no later run of this loop writes a row one read (post FIRST_ID and its
    photo, which five articles carry, are fetched by the first, 0000, and read from the cache by the others). Then
    article 0000 alone again (a copy of its file elsewhere), --refresh, a table run (it keeps no memo): its newer
    resolutions and view of post FIRST_ID retire the memos of the five, as a live fetch of another article in flight
    would. The memos standing after it are exactly those of the articles that do not carry post FIRST_ID."""
    for page in sorted(folder.iterdir()):
        cold = world(*RUN, str(page), env=env)
        assert cold.exit_code == (1 if page.name in FAILING else 0), (page.name, cold.output)
    single = world.tmp / "refreshed"
    single.mkdir()
    shutil.copy(folder / "0000.html", single / "0000.html")
    assert world("scan", "--resolve", "--fetch", "--refresh", str(single), env=env).exit_code == 0


def rows(db: Path) -> dict[str, list[str]]:
    """Every row of every table but the memos' (full-text indexes' own tables too), in a stable order. An error
    row's time is when its run met the error: the two runs are made one after the other."""
    with closing(sqlite3.connect(db)) as con, con:
        tables = [name for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            if name not in MEMO_TABLES]
        columns = {"errors": "id, source, article_id, stage, kind, message, tool_version"}
        return {t: sorted(map(repr, con.execute(f"SELECT {columns.get(t, '*')} FROM [{t}]"))) for t in tables}


def memos(db: Path) -> int:
    with closing(sqlite3.connect(db)) as con, con:
        return int(con.execute("SELECT count(*) FROM step_memos").fetchone()[0])


def timeless(text: str) -> str:
    return re.sub(r"in [0-9.]+ s \([0-9.,]+/s\)", "in T s (R/s)", text)


def copy_db(source: Path, to: Path) -> None:
    """The database as its writers left it, WAL included, in place of `to`'s."""
    for stale in (to, to.with_name(to.name + "-wal"), to.with_name(to.name + "-shm")):
        stale.unlink(missing_ok=True)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(to)) as dst:
        src.backup(dst)


def run_both(world: World, tmp_path: Path, monkeypatch, *args: str,
             env: dict[str, str] | None = None) -> list[tuple[int, str, str]]:
    """The same run on two copies of the database, with memos and with them bypassed: (exit code, stdout, stderr)
    of each, after checking the two agree in all of it and in every row. `env`: the run's (a token)."""
    kept = world.db
    copies = {use: tmp_path / f"{'memo' if use else 'steps'}.db" for use in (True, False)}
    for copy in copies.values():
        copy_db(kept, copy)
    found = {}
    for use, copy in copies.items():
        monkeypatch.setattr(memo, "USE", use)
        world.db = copy
        result = world(*args, env=env)
        found[use] = (result.exit_code, result.stdout, timeless(result.stderr))
    world.db = kept
    monkeypatch.setattr(memo, "USE", True)
    assert found[True] == found[False]
    assert rows(copies[True]) == rows(copies[False])
    copy_db(copies[True], kept)
    return [found[True]]


@pytest.mark.parametrize("mode", [(), ("--offline",)], ids=["online", "offline"])
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_run_answered_by_memos_prints_and_records_what_its_steps_would(tmp_path: Path, fakenet, monkeypatch,
                                                                         mode: tuple[str, ...], workers: str) -> None:
    world, folder = memo_world(tmp_path, fakenet, settled=False, one_by_one=True)
    # The cold runs made one memo an article; a later live fetch of post FIRST_ID (in five articles) retired the memos
    # of the five (`_one_by_one`): the first warm run makes them again, the others answer it.
    assert {name for name, ids in memos_by_name(world.db, names(folder)).items() if ids} == set(names(folder)) - {
        "0000.html", *SHARING}
    assert memos(world.db) == 9
    asked = len(fakenet.hits)
    args = (*RUN, *mode, "--workers", workers, str(folder))
    for _ in range(2):   # offline, the first run makes the memos (the cold run made them online) and the second uses them
        [(code, out, _)] = run_both(world, tmp_path, monkeypatch, *args)
        assert code == 1 and len(out.splitlines()) == 14   # the loop and the photo are steps that failed
        assert "sig=REDACTED" in out and "fictional-signature" not in out and '"error": "' in out
    assert len(fakenet.hits) == asked
    assert memos(world.db) >= 14
    assert answered(world, *args) == set(names(folder)) - FAILING


def test_a_line_spliced_from_its_head_and_tail_is_the_line_of_the_whole() -> None:
    from resolver.output import json_line as _json_line

    @given(st.dictionaries(st.text(), JSON, min_size=1), st.dictionaries(st.text(), JSON, min_size=1))
    def check(head: dict, tail: dict) -> None:
        tail = {k: v for k, v in tail.items() if k not in head} or {"\u2028": 1}
        if set(tail) & set(head):
            return
        assert memo.splice(_json_line(head), _json_line(tail)) == _json_line(head | tail)
    check()


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(
    alphabet=st.characters(codec="utf-8") | st.sampled_from("\u2028\u2029\u0085\x1b\"\\")),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3), max_leaves=8)


# -- when a memo must not be used ---------------------------------------------------------------------------------

def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def answered(world: World, *args: str, env: dict[str, str] | None = None) -> set[str]:
    """The articles a run's memos answered (`env`: the run's)."""
    used: list[str] = []
    real = memo.LineResult.of

    def counted(scanned, *rest, **kwargs):
        used.append(Path(scanned.article.source).name)
        return real(scanned, *rest, **kwargs)
    memo.LineResult.of = staticmethod(counted)   # type: ignore[method-assign]
    try:
        world(*args, env=env)
    finally:
        memo.LineResult.of = staticmethod(real)   # type: ignore[method-assign]
    return set(used)


def memo_of(db: Path, name: str) -> list[int]:
    """The ids of the memos kept for the article read from `name`."""
    return memos_by_name(db, [name])[name]


def memos_by_name(db: Path, names: list[str]) -> dict[str, list[int]]:
    """`memo_of` each of `names`, read on one connection: a new connection reads the whole schema (its tables and
    ~100 memo triggers) before its first statement, which was most of the cost of a `memo_of` a name."""
    with closing(sqlite3.connect(db)) as con, con:
        return {name: [row[0] for row in con.execute(
            "SELECT m.id FROM step_memos m JOIN article_sources s ON s.article_id = m.article_id "
            "WHERE s.source LIKE ?", [f"%/{name}"])] for name in names}


def sql(db: Path, statement: str, *args: object) -> None:
    with closing(sqlite3.connect(db)) as con, con:
        con.execute(statement, args)


def retired(world: World, folder: Path, tmp_path: Path, monkeypatch, change, gone: set[str] | None = None, *,
            cached: bool = True) -> None:
    """After `change`: the memos of the articles `gone` (article 0000 alone unless said) are gone, no other is, and
    the next run prints and records what its steps give (`run_both`; when the change left it all `cached`: a run that asks the network again records
    other times), or at least does not answer the article by a memo."""
    before = memos_by_name(world.db, names(folder))
    assert all(len(ids) == 1 for ids in before.values())
    change()
    after = memos_by_name(world.db, names(folder))
    gone = gone or {"0000.html"}
    assert after == before | {name: [] for name in gone}
    if cached:
        run_both(world, tmp_path, monkeypatch, *STEPS, str(folder))
    else:
        assert not gone & answered(world, *STEPS, str(folder))


def test_a_later_live_run_retires_the_memos_of_what_it_recorded_again(tmp_path, fakenet, monkeypatch) -> None:
    world, folder = memo_world(tmp_path, fakenet, posts=Posts())
    single = tmp_path / "one"
    single.mkdir()
    shutil.copy(folder / "0000.html", single / "0000.html")
    # --refresh records newer resolutions of article 0's links and a newer view of its post (a table run: no memo)

    def refreshed() -> None:
        assert world("scan", "--resolve", "--fetch", "--refresh", str(single)).exit_code == 0
    retired(world, folder, tmp_path, monkeypatch, refreshed, {"0000.html", *SHARING})


ARTICLE_0 = ("embed_id IN (SELECT e.id FROM embeds e JOIN article_sources s ON s.article_id = e.article_id "
             "WHERE s.source LIKE '%/0000.html')")
SHARING = {name for name in ODD if name.startswith("link-")}   # their post is article 0000's


@pytest.mark.parametrize("change, gone", [
    ("UPDATE resolutions SET final_url = 'https://news.example/changed' WHERE url = 'https://t.co/w00000'", set()),
    ("DELETE FROM resolutions WHERE url = 'https://t.co/w00000'", set()),
    (f"UPDATE posts SET text = 'edited' WHERE post_id = '{FIRST_ID}'", SHARING),
    (f"UPDATE media SET width = 1 WHERE url = 'https://pbs.twimg.com/media/w{FIRST_ID}.jpg'", SHARING),
    (f"DELETE FROM embed_posts WHERE {ARTICLE_0}", set()),
    (f"DELETE FROM embed_links WHERE {ARTICLE_0}", set()),
    (f"INSERT INTO post_observations (post_row, method, status, observed_at) SELECT id, 'wayback', 'deleted', "
     f"'2020-01-01' FROM posts WHERE post_id = '{FIRST_ID}'", SHARING),
], ids=["resolution", "resolution-gone", "post", "media", "embed-post", "embed-link", "observation"])
def test_a_direct_sql_write_to_a_row_a_memo_read_retires_it(tmp_path, fakenet, monkeypatch, change, gone) -> None:
    world, folder = memo_world(tmp_path, fakenet, posts=Posts())
    # With its resolution gone, the link is resolved again (in the event loop, with the articles after it).
    retired(world, folder, tmp_path, monkeypatch, lambda: sql(world.db, change), {"0000.html", *gone},
            cached=not change.startswith("DELETE FROM resolutions"))


def test_a_row_replaced_by_a_connection_without_recursive_triggers_retires_the_memos_that_read_it(
        tmp_path, fakenet, monkeypatch) -> None:
    """INSERT OR REPLACE of an id in use deletes that row without its DELETE trigger (sqlite3's shell, datasette):
    the row a memo read is gone all the same."""
    world, folder = memo_world(tmp_path, fakenet, posts=Posts())

    def replaced() -> None:
        with closing(sqlite3.connect(world.db)) as con, con:
            assert con.execute("PRAGMA recursive_triggers").fetchone() == (0,)
            con.execute("INSERT OR REPLACE INTO resolutions (id, url, resolved_at) SELECT id, 'https://t.co/other', "
                        "resolved_at FROM resolutions WHERE url = 'https://t.co/w00000'")
    retired(world, folder, tmp_path, monkeypatch, replaced, cached=False)


def test_a_row_renumbered_over_another_by_a_connection_without_recursive_triggers_retires_its_memos(
        tmp_path, fakenet, monkeypatch) -> None:
    """UPDATE OR REPLACE of an id to one in use deletes the row that had it, without its DELETE trigger."""
    world, folder = memo_world(tmp_path, fakenet, posts=Posts())

    def renumbered() -> None:
        with closing(sqlite3.connect(world.db)) as con, con:
            con.execute("UPDATE OR REPLACE resolutions SET id = (SELECT max(id) FROM resolutions WHERE url = "
                        "'https://t.co/w00000') WHERE url = 'https://bit.ly/gone-404'")
    retired(world, folder, tmp_path, monkeypatch, renumbered, {"0000.html", "link-404.html"}, cached=False)


def test_a_deleted_posts_memo_is_retired_by_a_new_answer_of_its_capture_lookup(tmp_path, fakenet, monkeypatch) -> None:
    """A gone post's line says what its archive lookup came to, read from the fetch log: a newer CDX answer for it
    (a fetch row of its lookup URL) retires the memo."""
    world, folder = memo_world(tmp_path, fakenet)

    def cdx_failed() -> None:
        with closing(sqlite3.connect(world.db)) as con, con:
            [(url,)] = con.execute("SELECT url FROM fetches WHERE url LIKE '%cdx%' AND url LIKE ? LIMIT 1",
                                   [f"%{FIRST_ID + 1}%"]).fetchall()
            con.execute("INSERT INTO fetches (url, contacted_url, method, fetched_at, status, purpose, error, "
                        "error_kind) VALUES (?, ?, 'GET', '2030-01-01T00:00:00.000000Z', 403, 'cdx', 'HTTP 403', "
                        "'http-403')", [url, url])
    # A lookup that failed for a passing reason is asked again (in the event loop).
    retired(world, folder, tmp_path, monkeypatch, cdx_failed, {"0001.html"}, cached=False)


def test_a_deleted_posts_memo_is_retired_when_its_account_is_seen_under_another_handle(tmp_path, fakenet,
                                                                                       monkeypatch) -> None:
    """A gone post's captures are asked under every handle its account (author id) was seen with (`authors`,
    m021): a handle seen for the account since retires the memo, whoever writes it (renamed28, #9)."""
    world, folder = memo_world(tmp_path, fakenet)
    # an earlier answer that showed the post alive, with its author's id; the next warm run keeps a memo again
    sql(world.db, "INSERT INTO post_observations (post_row, method, status, observed_at, record) SELECT id, "
        "'syndication', 'available', '2020-01-01T00:00:00Z', json_object('author', json_object('handle', "
        "'RivertonRoads', 'id', '4400000001')) FROM posts WHERE post_id = ?", str(FIRST_ID + 1))
    assert world(*STEPS, str(folder)).exit_code == 1 and memo_of(world.db, "0001.html")

    def seen_renamed() -> None:
        sql(world.db, "INSERT INTO authors (platform, handle, author_id, first_seen_at) VALUES ('twitter', "
            "'renamed_desk', '4400000001', '2020-01-01T00:00:00Z')")
    # The lookup under the new handle is asked (in the event loop): what it lists was never asked.
    retired(world, folder, tmp_path, monkeypatch, seen_renamed, {"0001.html"}, cached=False)


def test_cache_merge_keeps_no_memo_and_the_next_run_makes_them_again(tmp_path, fakenet, monkeypatch) -> None:
    """A merge builds OUT anew from OUT and its inputs (row ids may change): no memo is copied, from either."""
    world, folder = memo_world(tmp_path, fakenet, posts=Posts())
    other = tmp_path / "other"
    other.mkdir()
    shard = World(fakenet, other, extra=no_limits())
    single = other / "one"
    single.mkdir()
    shutil.copy(folder / "0003.html", single / "0003.html")
    assert shard(*STEPS, str(single)).exit_code == 0   # resolved and fetched later, in another database
    assert memos(shard.db) == 1
    assert world("cache", "merge", str(world.db), str(shard.db)).exit_code == 0
    assert memos(world.db) == 0
    run_both(world, tmp_path, monkeypatch, *STEPS, str(folder))
    assert answered(world, *STEPS, str(folder)) == set(names(folder)) - FAILING


def test_a_memo_whose_answers_passed_their_ttl_is_not_used(tmp_path, fakenet, monkeypatch) -> None:
    """No write retires it: time does. Its answers' oldest time (fresh_until) is before the TTL's cut-off now."""
    world, folder = memo_world(tmp_path, fakenet, posts=Posts())
    [memo_id] = memo_of(world.db, "0000.html")
    sql(world.db, "UPDATE step_memos SET fresh_until = '2000-01-01T00:00:00.000000Z' WHERE id = ?", memo_id)
    assert answered(world, *STEPS, str(folder)) == set(names(folder)) - FAILING - {"0000.html"}


def test_a_memo_made_with_a_later_ttl_cut_off_is_not_used(tmp_path, fakenet) -> None:
    """The clock went back: answers too old for the steps then may be within the TTL now."""
    world, folder = memo_world(tmp_path, fakenet, posts=Posts())
    [memo_id] = memo_of(world.db, "0000.html")
    sql(world.db, "UPDATE step_memos SET since = '2999-01-01T00:00:00.000000Z' WHERE id = ?", memo_id)
    assert answered(world, *STEPS, str(folder)) == set(names(folder)) - FAILING - {"0000.html"}


@pytest.mark.parametrize("args, network", [
    ((*STEPS, "--offline"), ""),
    (STEPS, "cache_ttl = 7\n"),
    (STEPS, "user_agent = \"another\"\n"),
    (("scan", "--resolve", "--json", "--workers", "1"), ""),
], ids=["offline", "ttl", "settings", "steps"])
def test_a_memo_is_not_used_by_a_run_asking_otherwise(tmp_path, fakenet, args, network) -> None:
    world, folder = memo_world(tmp_path, fakenet, posts=Posts())
    assert answered(world, *STEPS, str(folder)) == set(names(folder)) - FAILING
    world.config.write_text(world.config.read_text().replace("[network]\n", "[network]\n" + network, 1))
    assert answered(world, *args, str(folder)) == set()


# -- runs with a secret set (#14) ----------------------------------------------------------------------------------

X_TOKEN = {"X_BEARER_TOKEN": TOKEN}


@pytest.mark.parametrize("mode", [(), ("--offline",)], ids=["online", "offline"])
def test_a_run_with_a_token_set_answered_by_memos_prints_and_records_what_its_steps_would(
        tmp_path: Path, fakenet, monkeypatch, mode: tuple[str, ...]) -> None:
    world, folder = memo_world(tmp_path, fakenet, posts=Posts(x_token=True, gone_every=3), env=X_TOKEN)
    asked = len(fakenet.hits)
    args = (*POOLED, *mode, str(folder))
    for _ in range(2):   # offline, the first run makes the memos (the cold run made online ones), the second uses them
        [(code, out, _)] = run_both(world, tmp_path, monkeypatch, *args, env=X_TOKEN)
        assert code == 1 and len(out.splitlines()) == 14
        assert "sig=REDACTED" in out and "fictional-signature" not in out and '"method": "x-api"' in out
    assert len(fakenet.hits) == asked
    assert answered(world, *args, env=X_TOKEN) == set(names(folder)) - FAILING - GONE


# A gone post's steps ask the redactor about its URL forms on the archive (x.com/..., mobile.twitter.com/...), which
# its line does not show: with a secret set, no memo is kept of them (see resolver/memo.py).
GONE = {"0001.html", "0004.html", "0007.html"}


def test_a_memo_made_with_no_secret_set_is_not_used_with_one_set_and_the_other_way_round(tmp_path, fakenet) -> None:
    world, folder = memo_world(tmp_path, fakenet, posts=Posts())
    every = set(names(folder)) - FAILING
    assert answered(world, *STEPS, str(folder), env=X_TOKEN) == set()
    assert answered(world, *STEPS, str(folder), env=X_TOKEN) == every
    assert answered(world, *STEPS, str(folder)) == every   # each run's memos are kept under its own key
    assert answered(world, *STEPS, str(folder), env={"META_ACCESS_TOKEN": "fictional-meta-token"}) == set()
    assert answered(world, *STEPS, str(folder), env={"X_BEARER_TOKEN": "another-fictional-token"}) == every


@pytest.mark.parametrize("token, name", [
    ("media/w1600000000000000102", "0002.html"),   # in the line's tail (the post's photo), as the steps print it
    ("t.co/w00003", "0003.html"),                  # in its head (the embed's link): the steps redact what they look up
    # in neither: one of a gone post's URL forms on the archive, which its steps then withhold (no memo was kept)
    ("x.com/RivertonRoads/status/1600000000000000101", "0001.html"),
], ids=["tail", "head", "asked-only"])
def test_a_memo_whose_line_holds_a_form_of_the_token_set_now_is_not_used(tmp_path, fakenet, monkeypatch, token,
                                                                         name) -> None:
    world, folder = memo_world(tmp_path, fakenet, posts=Posts(x_token=True, gone_every=3), env=X_TOKEN, offline=True)
    args = (*STEPS, "--offline", str(folder))   # the world's offline run made the offline memos
    assert answered(world, *args, env=X_TOKEN) == set(names(folder)) - FAILING - GONE
    changed = {"X_BEARER_TOKEN": token}   # the same secret, set to another value since
    before = {n for n in names(folder) if n < name} - GONE   # the run's lines keep their order: those after it wait
    assert before <= answered(world, *args, env=changed) and name not in answered(world, *args, env=changed)
    run_both(world, tmp_path, monkeypatch, *args, env=changed)


def test_a_secret_the_line_would_show_escaped_keeps_and_uses_no_memo(tmp_path, fakenet) -> None:
    """Its forms are looked for in the line's JSON text, where a quote or a backslash is written otherwise."""
    world, folder = memo_world(tmp_path, fakenet, posts=Posts())
    quoted = {"X_BEARER_TOKEN": 'fictional"token'}
    sql(world.db, "DELETE FROM step_memos")
    for _ in range(2):
        assert answered(world, *STEPS, str(folder), env=quoted) == set()
    assert memos(world.db) == 0


def secret_forms(secret: str) -> list[bytes]:
    return [form.encode() for form in forms(secret)] + [base64.b64encode(secret.encode()),
                                                        base64.b64encode(f"Bearer {secret}".encode())]


def test_the_token_reaches_no_file_of_a_run_that_keeps_and_uses_memos(tmp_path, fakenet) -> None:
    world, folder = memo_world(tmp_path, fakenet, posts=Posts(x_token=True, gone_every=3), env=X_TOKEN)
    for mode in ((), ("--offline",), ("--offline",)):
        result = world(*POOLED, "-v", *mode, str(folder), env=X_TOKEN)
        assert result.exit_code == 1
        assert not [form for form in secret_forms(TOKEN) if form in result.stdout_bytes + result.stderr_bytes]
    assert memos(world.db) == 22 and answered(world, *POOLED, str(folder), env=X_TOKEN) == set(names(folder)) - FAILING - GONE
    files = [path for top in (tmp_path, world.tmp) for path in top.rglob("*")   # the world's, and the test's
             if path.is_file() and path.parent != folder]
    assert world.db in files
    for path in files:
        data = path.read_bytes()
        assert not [form for form in secret_forms(TOKEN) if form in data], path


def test_an_article_whose_bytes_changed_is_not_answered_by_the_old_memo(tmp_path, fakenet) -> None:
    world, folder = memo_world(tmp_path, fakenet, posts=Posts())
    page_0 = folder / "0000.html"
    page_0.write_text(page_0.read_text(encoding="utf-8").replace("Story 0", "Story zero"), encoding="utf-8")
    assert answered(world, *STEPS, str(folder)) == set(names(folder)) - FAILING - {"0000.html"}


def test_other_code_makes_another_key(monkeypatch, tmp_path, fakenet) -> None:
    world, folder = memo_world(tmp_path, fakenet, posts=Posts())
    monkeypatch.setattr(memo, "_code", lambda: "another version of the code")
    assert answered(world, *STEPS, str(folder)) == set()


def test_every_table_the_cached_steps_read_keeps_its_memo_triggers(tmp_path) -> None:
    """A later migration that rebuilds one of these tables (sqlite-utils' transform) drops its triggers: memos would
    then outlive a write to it."""
    from cache import Store
    from cache.migrations import MEMO_KEYS

    store = Store(tmp_path / "c.db")
    found = {name for (name,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {f"step_memos_{table}_{event}" for table in MEMO_KEYS for event in ("insert", "update", "delete")} <= found
    assert {f"step_memos_{table}_{event}" for table in MEMO_KEYS if table != "bodies"
            for event in ("replacing", "renumbering")} <= found


def test_a_cold_runs_rerun_for_a_memo_it_does_not_keep_leaves_nothing(tmp_path, fakenet, monkeypatch) -> None:
    """After each article's steps, a cold run runs them again from the cache alone for its memo. When that keeps
    none (here: the steps fail, and record their error), what it wrote is undone: the run records what it did."""
    from resolver import pipeline

    real = memo.steps_here

    def failing(item, scanned, *, session, steps):
        try:
            asyncio.get_running_loop()   # in the event loop: the cold run's re-run for a memo
        except RuntimeError:
            return real(item, scanned, session=session, steps=steps)
        return pipeline._failed(pipeline.Failure(item.source, "a re-run failed", kind="Bug", stage="fetch"), session,
                                scanned.article_id)
    monkeypatch.setattr(memo, "steps_here", failing)
    world, folder = memo_world(tmp_path, fakenet, posts=Posts(), settled=False, shared=False)
    assert memos(world.db) == 0
    with closing(sqlite3.connect(world.db)) as con:
        assert con.execute("SELECT count(*) FROM errors WHERE message = 'a re-run failed'").fetchone() == (0,)


NOTED = {"resolutions": "resolutions", "posts": "posts", "post_observations": "post_observations",
         "fetches": "fetches", "fetch": "fetches", "bodies": "bodies", "media": "media", "embeds": "embeds",
         "embed_links": "embed_links", "embed_posts": "embed_posts", "authors": "authors"}


@pytest.mark.parametrize("name", ["0000.html", "0001.html", "link-hops.html", "link-loop.html", "photo-404.html"])
def test_the_cached_steps_read_no_table_but_those_their_noted_keys_name(tmp_path, fakenet, name) -> None:
    """What makes the keys complete: each statement the cached steps run is a noted read (`Reads.complete`), and a
    noted read reads only the tables its keys name (SQLite's authorizer sees every table a statement reads, as it is
    prepared: a new connection prepares them all). Article 0001's post is gone: its capture lookups are read."""
    from cache import Store
    from resolver import pipeline
    from resolver.inputs import Item
    from resolver.session import Session
    from resolver.settings import load_settings

    world, folder = memo_world(tmp_path, fakenet)
    store = Store(world.db)
    session = Session(load_settings(path=world.config), store=store)
    scanned = pipeline.scan_article(pipeline.scan_file(folder / name).article, store=store)
    tables = {row[0] for row in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    read: set[str] = set()

    def seen(action: int, table: str | None, *_: object) -> int:
        if action == sqlite3.SQLITE_READ and table in tables:
            read.add(table)
        return sqlite3.SQLITE_OK
    store.conn.set_authorizer(seen)
    with store.write(), store.reading() as reads:
        outcome = pipeline.steps_here(Item(name, None), scanned, session=session, steps=pipeline.Steps(
            resolve=True, fetch=True))
    store.conn.set_authorizer(None)
    assert isinstance(outcome, pipeline.ArticleResult) and reads.complete and reads.keys
    assert read <= {NOTED[key.split(" ")[0]] for key in reads.keys}, read
    if name == "0001.html":   # the capture lookups and the capture read, from the fetch log and the kept bodies
        assert {"fetches", "bodies", "post_observations"} <= read
    store.close()


# -- review (memoreview24): attacks that broke the claim ---------------------------------------------------------

def test_review_a_time_kept_as_a_blob_does_not_end_the_run_a_memo_would_be_made_for(tmp_path, fakenet,
                                                                                   monkeypatch) -> None:
    """A row's time written as a BLOB (plain SQL, another tool): SQLite orders every BLOB after every TEXT, so the
    steps accept the row as within the TTL and print the line; making its memo took min() of bytes and str, and the
    TypeError ended the whole run (every later article's line lost) where the run without memos printed them all."""
    world, folder = memo_world(tmp_path, fakenet, posts=Posts())
    sql(world.db, "UPDATE resolutions SET resolved_at = CAST(resolved_at AS BLOB) WHERE url = 'https://t.co/w00000'")
    [(code, out, _)] = run_both(world, tmp_path, monkeypatch, *STEPS, str(folder))
    assert code == 1 and len(out.splitlines()) == len(names(folder))


def test_review_code_whose_sources_cannot_be_read_keeps_and_uses_no_memo(tmp_path, fakenet, monkeypatch) -> None:
    """Frozen or zipped (PyInstaller, a zipapp, a sourceless wheel): no `.py` file under the package's folder, so the
    code's digest was that of no source at all, and a rebuild of the same version with other code (or other
    dependencies bundled, no site-packages to list) reused the memos of the old code."""
    import functools

    monkeypatch.setattr(memo, "__file__", str(tmp_path / "app.pyz" / "resolver" / "memo.py"))
    monkeypatch.setattr(memo, "_code", functools.cache(memo._code.__wrapped__))
    world, folder = memo_world(tmp_path, fakenet, posts=Posts(), shared=False)
    assert memos(world.db) == 0


def test_review_a_table_rebuilt_by_sqlite_utils_transform_does_not_leave_memos_standing(tmp_path, fakenet,
                                                                                       monkeypatch) -> None:
    """`sqlite-utils transform` (a user changing a column's type) rebuilds the table without its triggers: every write
    to it after that retired no memo, and the warm run printed the photo's old phash from the memos."""
    import sqlite_utils

    world, folder = memo_world(tmp_path, fakenet, posts=Posts())
    sqlite_utils.Database(world.db)["media"].transform(types={"declared_mime": str})
    sql(world.db, f"UPDATE media SET phash = 'changed' WHERE url = 'https://pbs.twimg.com/media/w{FIRST_ID}.jpg'")
    [(_, out, _)] = run_both(world, tmp_path, monkeypatch, *STEPS, str(folder))
    assert '"phash": "changed"' in out


def test_review_the_store_knows_how_many_memo_triggers_there_are() -> None:
    from cache.migrations import memo_triggers
    from cache.store import MEMO_TRIGGERS

    assert len(memo_triggers()) == MEMO_TRIGGERS


def test_a_post_whose_text_was_cut_inside_an_emoji_is_printed_with_and_without_memos(tmp_path, fakenet,
                                                                                     monkeypatch) -> None:
    """A stored post whose text holds a lone surrogate (a service's "\\ud83d", an emoji cut in two) ended the whole
    `scan --json` run with a UnicodeEncodeError, memos or not, no line printed. Its line now says it escaped."""
    world, folder = memo_world(tmp_path, fakenet, posts=Posts())
    with closing(sqlite3.connect(world.db)) as con, con:
        [(record,)] = con.execute("SELECT record FROM posts WHERE post_id = ?", [str(FIRST_ID)]).fetchall()
        cut = record.replace('"text": "', '"text": "\\ud83d', 1)
        assert cut != record
        con.execute("UPDATE posts SET record = ? WHERE post_id = ?", [cut, str(FIRST_ID)])
    for _ in range(2):   # the first makes the memos again (the write retired them), the second is answered by them
        [(code, out, _)] = run_both(world, tmp_path, monkeypatch, *STEPS, str(folder))
        assert code == 1 and len(out.splitlines()) == 14
        assert '"\\ud83d' in out
        assert any(post.get("text", "").startswith("\ud83d")
                   for line in out.splitlines() for post in json.loads(line)["posts"] or [])


# -- review (memoreview25): attacks on memos with a secret set that held, kept as regressions ----------------------

@pytest.mark.parametrize("token", [
    "4400000001",                    # the post's author id: in the cached X API answer and in the line
    "2022-12-06T05:31:41.000Z",      # in the cached X API answer only (the line shows the time otherwise)
    "edit_history_tweet_ids",        # a key of the cached answer, in no line
    "bit.ly/map",                    # a head's link and, longer, a hop of its resolution (bit.ly/map-2)
    "REDACTED&v=2",                  # what redaction by a parameter's name leaves in a line
    "status",                        # an ordinary word of every line (JSON key and URL path)
    "AAAAfictional",                 # a prefix of the token the memos were made with
    "https%3A%2F%2F",                # a form percent-decoding meets
])
def test_review_a_token_changed_to_text_of_the_cache_or_of_the_lines_prints_what_the_steps_would(
        tmp_path, fakenet, monkeypatch, token) -> None:
    """The token set to another value since the memos were made (the same name: the same key), one the cache or the
    lines hold in some form: each run, with memos and with them bypassed, prints and records the same."""
    world, folder = memo_world(tmp_path, fakenet, n=3, posts=Posts(x_token=True, gone_every=3), env=X_TOKEN,
                               offline=True)   # offline memos made (another key than the online ones)
    args = (*STEPS, "--offline", str(folder))
    for env in ({"X_BEARER_TOKEN": token}, {"X_BEARER_TOKEN": token}, X_TOKEN):
        run_both(world, tmp_path, monkeypatch, *args, env=env)


def test_review_a_token_from_the_config_file_is_answered_by_the_memos_of_the_same_from_the_environment(
        tmp_path, fakenet, monkeypatch) -> None:
    world, folder = memo_world(tmp_path, fakenet, n=3, posts=Posts(x_token=True, gone_every=3), env=X_TOKEN,
                               offline=True)   # and its offline memos made
    args = (*STEPS, "--offline", str(folder))
    world.config.write_text(world.config.read_text() + f'\n[x]\nbearer_token = "{TOKEN}"\n')
    assert answered(world, *args) == set(names(folder)) - FAILING - {"0001.html"}   # the gone post's article: see GONE
    run_both(world, tmp_path, monkeypatch, *args)


@pytest.mark.parametrize("env", [
    {"X_BEARER_TOKEN": TOKEN, "META_ACCESS_TOKEN": TOKEN + "-meta"},   # one inside the other, the shorter first
    {"X_BEARER_TOKEN": TOKEN[:8], "META_ACCESS_TOKEN": TOKEN},
], ids=["longer-second", "shorter-first"])
def test_review_two_secrets_one_inside_the_other_print_what_the_steps_would(tmp_path, fakenet, monkeypatch,
                                                                          env) -> None:
    world, folder = memo_world(tmp_path, fakenet, n=3, posts=Posts(x_token=True, gone_every=3), env=X_TOKEN)
    args = (*STEPS, "--offline", str(folder))
    for _ in range(3):
        run_both(world, tmp_path, monkeypatch, *args, env=env)
    run_both(world, tmp_path, monkeypatch, *args, "-v", env=env)


def test_review_a_secret_that_changes_an_answer_not_its_text_makes_no_memo_another_token_would_misuse(
        tmp_path, fakenet, monkeypatch) -> None:
    """The token "REDACTED&v=2" is in no text the steps ask about, but changes an answer: the link
    `https://bit.ly/map?token=abc&v=2` is looked up as `...?token=REDACTED` (with no secret, `...?token=REDACTED&v=2`).
    Held before the redactor noted its no-secret answers (the line prints the answer, and a link that redaction
    changes is never answered from the cache, so no memo of it is made); a regression for that path."""
    world, folder = memo_world(tmp_path, fakenet, n=3, posts=Posts(x_token=True, gone_every=3), env=X_TOKEN)
    (folder / "link-token.html").write_text(
        "<html><body>" + tweet('Map: <a href="https://bit.ly/map?token=abc&amp;v=2">bit.ly/map</a>') + "</body></html>",
        encoding="utf-8")
    odd = {"X_BEARER_TOKEN": "REDACTED&v=2"}
    args = (*STEPS, "--offline", str(folder))
    world(*STEPS, str(folder), env=odd)   # resolves the link (online), kept under the odd token's redaction
    for env in (odd, odd, X_TOKEN, odd):
        run_both(world, tmp_path, monkeypatch, *args, env=env)


# -- pruning: an article keeps its newest memos only --------------------------------------------------------------

def kept_memos(store, article_id: int) -> list[str]:
    return [key for (key,) in store.conn.execute("SELECT key FROM step_memos WHERE article_id = ? ORDER BY id",
                                                 [article_id])]


def test_an_article_keeps_its_newest_memos_and_their_keys_only(tmp_path: Path) -> None:
    """Each memo kept for an article deletes its memos beyond the newest `MEMOS_KEPT` (by the order they were
    kept: one kept again under its key is the newest), with their keys; another article's are not touched."""
    from cache import Store
    from cache.store import MEMOS_KEPT
    from tests.corpusdb import article

    store = Store(tmp_path / "c.db")
    ids = [article(store, f"{n}.html", [], []) for n in range(2)]
    made = [f"key {n}" for n in range(MEMOS_KEPT + 2)]
    store.keep_step_memo(ids[1], "other", (None, None, 0, 0, "{}"), ["posts x 1"])
    for key in made:
        store.keep_step_memo(ids[0], key, (None, None, 0, 0, "{}"), [f"posts x {key}", "resolutions u"])
    assert kept_memos(store, ids[0]) == made[-MEMOS_KEPT:]
    store.keep_step_memo(ids[0], made[-MEMOS_KEPT], (None, None, 0, 0, "{}"), ["posts x again"])
    store.keep_step_memo(ids[0], "newest", (None, None, 0, 0, "{}"), ["posts x newest"])
    assert kept_memos(store, ids[0]) == [*made[-MEMOS_KEPT + 2:], made[-MEMOS_KEPT], "newest"]
    assert kept_memos(store, ids[1]) == ["other"]
    keys = store.conn.execute("SELECT k.key FROM step_memo_keys k JOIN step_memos m ON m.id = k.memo "
                              "WHERE m.article_id = ?", [ids[0]]).fetchall()
    assert sorted(k for (k,) in keys) == sorted([*(f"posts x {key}" for key in made[-MEMOS_KEPT + 2:]),
                                                 *["resolutions u"] * (MEMOS_KEPT - 2), "posts x again",
                                                 "posts x newest"])
    assert store.conn.execute("SELECT count(*) FROM step_memo_keys WHERE memo NOT IN (SELECT id FROM step_memos)"
                              ).fetchone() == (0,)


def agent(world: World, base: str, n: int) -> None:
    """Another user agent: another key for every memo (as another version of the code, or other settings)."""
    world.config.write_text(base.replace("[network]\n", f'[network]\nuser_agent = "agent {n}"\n', 1))


def test_memos_stay_bounded_over_runs_with_other_settings_and_a_pruned_memo_is_made_again(tmp_path, fakenet,
                                                                                          monkeypatch) -> None:
    """Runs under more keys than an article keeps: each article keeps the newest `MEMOS_KEPT`; a run under a key
    whose memos were pruned prints and records what its steps give, keeping (and pruning) as it goes (`run_both`),
    and the next such run is answered by them."""
    from cache.store import MEMOS_KEPT

    world, folder = memo_world(tmp_path, fakenet, posts=Posts())
    base = world.config.read_text()
    for n in range(MEMOS_KEPT + 2):
        agent(world, base, n)
        assert world(*STEPS, "--offline", str(folder)).exit_code == 1
    assert {name: len(ids) for name, ids in memos_by_name(world.db, names(folder)).items()} == dict.fromkeys(
        names(folder), MEMOS_KEPT)
    assert answered(world, *STEPS, "--offline", str(folder)) == set(names(folder)) - FAILING
    agent(world, base, 0)   # pruned two runs ago
    assert answered(world, *STEPS, "--offline", str(folder)) == set()
    world.config.write_text(base)
    [(code, out, _)] = run_both(world, tmp_path, monkeypatch, *STEPS, str(folder))
    assert code == 1 and len(out.splitlines()) == 14
    assert {name: len(ids) for name, ids in memos_by_name(world.db, names(folder)).items()} == dict.fromkeys(
        names(folder), MEMOS_KEPT)
    assert answered(world, *STEPS, str(folder)) == set(names(folder)) - FAILING
    merged = tmp_path / "merged.db"   # a merge copies no memo, pruned or not, and the rest as it is
    assert world("cache", "merge", str(merged), str(world.db)).exit_code == 0
    assert memos(merged) == 0 and rows(merged)["credits"] == rows(world.db)["credits"]


def test_a_run_stopped_between_keeping_a_memo_and_pruning_leaves_the_memos_as_they_were(tmp_path, fakenet) -> None:
    """Keeping a memo and pruning the article's oldest are one transaction: when the pruning fails (here a trigger
    aborts it, as a crash would stop it), the new memo is not kept either, no key is left without its memo, the
    memos' triggers are all there at the next open, and the next run keeps and prunes."""
    from cache import Store
    from cache.store import MEMO_TRIGGERS, MEMOS_KEPT

    world, folder = memo_world(tmp_path, fakenet, posts=Posts())
    base = world.config.read_text()
    for n in range(MEMOS_KEPT - 1):
        agent(world, base, n)
        world(*STEPS, "--offline", str(folder))
    before = memos_by_name(world.db, names(folder))
    assert all(len(ids) == MEMOS_KEPT for ids in before.values())
    sql(world.db, "CREATE TRIGGER crash BEFORE DELETE ON step_memos BEGIN SELECT RAISE(ABORT, 'crashed'); END")
    agent(world, base, MEMOS_KEPT)
    world(*STEPS, "--offline", str(folder))
    assert memos_by_name(world.db, names(folder)) == before
    with closing(sqlite3.connect(world.db)) as con:
        assert con.execute("SELECT count(*) FROM step_memo_keys WHERE memo NOT IN (SELECT id FROM step_memos)"
                           ).fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM step_memos m WHERE NOT EXISTS "
                           "(SELECT 1 FROM step_memo_keys k WHERE k.memo = m.id)").fetchone() == (0,)
    sql(world.db, "DROP TRIGGER crash")
    with Store(world.db) as store:
        assert store.memos_kept and store.conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'step_memos_*'").fetchone() == (
            MEMO_TRIGGERS,)
    assert world(*STEPS, "--offline", str(folder)).exit_code == 1
    after = memos_by_name(world.db, names(folder))
    assert all(len(ids) == MEMOS_KEPT and sorted(ids)[:-1] == sorted(before[name])[1:] for name, ids in after.items())
