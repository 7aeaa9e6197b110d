"""Warm runs (#14): a `scan --resolve --fetch` whose steps the cache answers runs in one thread, with no event loop
and no request. The first article the cache cannot answer hands the rest of the run to the event loop, and every
article prints the same line either way. (The time it takes is measured by scripts/bench_warm.py, not here.)"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from resolver.pipeline import _ctrl_c_held
from tests.cliworld import World
from tests.corpusnet import article, no_limits, serve, write_folder
from tests.test_startup import CODE

STEPS = ("scan", "--resolve", "--fetch", "--json")
LOADED = CODE.format(unused=("asyncio", "httpx", "resolver.fetch.wayback"))   # prints those a run loaded


def lines(output: str) -> dict[str, dict]:
    return {Path(row["source"]).name: row for row in map(json.loads, output.splitlines())}


def test_a_warm_run_loads_no_event_loop_and_makes_no_request(tmp_path: Path, fakenet) -> None:
    serve(fakenet, 4)
    folder = write_folder(tmp_path / "articles", 4)
    world = World(fakenet, tmp_path, extra=no_limits())
    assert world(*STEPS, str(folder)).exit_code == 0
    asked = len(fakenet.hits)
    python, _, _, *args = world.argv(*STEPS, str(folder))   # python -m resolver ARGS, as python -c LOADED ARGS
    warm = world.process(argv=[python, "-c", LOADED, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = warm.communicate(timeout=60)
    assert warm.returncode == 0, err
    assert len(fakenet.hits) == asked
    assert err.decode().splitlines()[-1] == ""   # none of them loaded
    rows = lines(out.decode()).values()
    assert len(rows) == 4 and all(json.dumps(row).count('"from_cache": true') == 3 for row in rows)  # 2 links, the post


def test_an_article_the_cache_cannot_answer_hands_the_rest_to_the_event_loop(tmp_path: Path, fakenet) -> None:
    serve(fakenet, 7)
    folder = write_folder(tmp_path / "articles", 6)
    world = World(fakenet, tmp_path, extra=no_limits())
    assert world(*STEPS, str(folder)).exit_code == 0
    (folder / "0002b.html").write_text(article(6), encoding="utf-8")   # new, between cached ones
    asked = len(fakenet.hits)
    mixed = world(*STEPS, "--workers", "2", str(folder))
    assert mixed.exit_code == 0, mixed.output
    new = sorted((host, path.split("?")[0]) for host, path in fakenet.hits[asked:])
    # The new article's link, post and photo, nothing else.
    assert new == [("cdn.syndication.twimg.com", "/tweet-result"), ("pbs.twimg.com", "/media/w1600000000000000106.jpg"),
                   ("pic.twitter.com", "/w00006"), ("t.co", "/w00006")]
    assert list(lines(mixed.stdout)) == ["0000.html", "0001.html", "0002.html", "0002b.html", "0003.html",
                                         "0004.html", "0005.html"]
    # Run again: all cached, no event loop at all. Each article that was cached the first time printed the same
    # line in the run the event loop took over.
    warm = world(*STEPS, "--workers", "2", str(folder))
    assert len(fakenet.hits) == asked + len(new)
    again, first = lines(warm.stdout), lines(mixed.stdout)
    assert [name for name in again if again[name] != first[name]] == ["0002b.html"]


def test_ctrl_c_is_held_while_an_outcome_is_handed_on_and_marked_finished() -> None:
    # Python's own handler, as the CLI runs with it (a shell's background job starts with SIGINT ignored).
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    done = []
    try:
        with pytest.raises(KeyboardInterrupt):
            with _ctrl_c_held(True):
                os.kill(os.getpid(), signal.SIGINT)
                done.append("handed on and marked")
        assert done == ["handed on and marked"]
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)
