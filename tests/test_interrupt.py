"""Interrupting a real run (a subprocess): Ctrl-C stops it within 2 s, kill -9 loses nothing, and the same
command run again finishes the rest with nothing duplicated."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from werkzeug.wrappers import Response

from cache import Store

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 24


def slow_redirect(request) -> Response:
    time.sleep(0.1)   # a slow shortener: the run is still going when it is interrupted
    return Response("", status=301, headers={"Location": "https://example.org/end" + request.path})


@pytest.fixture
def corpus(tmp_path: Path, fakenet) -> tuple[Path, Path]:
    for n in range(ARTICLES):
        fakenet.route("t.co", f"/link{n:02d}", slow_redirect)
    fakenet.route("example.org", "/", lambda request: Response("<p>end</p>", content_type="text/html"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(ARTICLES):
        (folder / f"a{n:02d}.txt").write_text(
            f"Story {n}. https://t.co/link{n:02d} pic.twitter.com/x{n:02d}\n"
            f"— Riverton Roads (@RivertonRoads) December 6, 2022\n")
    config = tmp_path / "config.toml"
    config.write_text("[network]\nretries = 0\ntimeout = 5\nper_host = 2\n\n[origins]\n" + "".join(
        f'"{scheme}://{host}" = "{fakenet.origin}"\n' for host in ("t.co", "example.org", "pic.twitter.com")
        for scheme in ("https", "http")))
    return folder, config


def start(tmp_path: Path, folder: Path, config: Path, out: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMBED_RESOLVER_")}
    env["PYTHONPATH"] = str(ROOT)
    command = [sys.executable, "-m", "resolver", "--config", str(config), "--db", str(tmp_path / "run.db"), "scan",
               "--resolve", "--json", "--workers", "2", str(folder)]
    return subprocess.Popen(command, stdout=out.open("ab"), stderr=subprocess.PIPE, env=env, cwd=tmp_path)


def wait_for_lines(path: Path, count: int, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists() and path.read_text().count("\n") >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"the run printed fewer than {count} lines before stopping or timing out")


def check_finished(tmp_path: Path, out: Path, *, duplicates_allowed: int) -> None:
    sources = [json.loads(line)["source"] for line in out.read_text().splitlines()]
    assert sorted(set(sources)) == sorted(str(tmp_path / "corpus" / f"a{n:02d}.txt") for n in range(ARTICLES))
    assert len(sources) - len(set(sources)) <= duplicates_allowed
    store = Store(tmp_path / "run.db")
    assert store.count("articles") == ARTICLES and store.count("article_sources") == ARTICLES
    urls = [r[0] for r in store.db.execute("SELECT url FROM resolutions WHERE url LIKE 'https://t.co/%'")]
    assert len(urls) == len(set(urls)) == ARTICLES          # each link resolved once: the cache answered again
    assert store.count("embed_links") == 2 * ARTICLES and store.count("progress") == 0


def test_ctrl_c_stops_within_two_seconds_and_the_rerun_finishes(tmp_path: Path, corpus) -> None:
    folder, config = corpus
    out = tmp_path / "out.jsonl"
    proc = start(tmp_path, folder, config, out)
    wait_for_lines(out, 4, proc)
    proc.send_signal(signal.SIGINT)
    interrupted = time.monotonic()
    _, err = proc.communicate(timeout=10)
    assert time.monotonic() - interrupted < 2.0
    assert proc.returncode == 130, err
    assert b"interrupted: scanned " in err and b"run the same command again" in err and b"Traceback" not in err
    done = out.read_text().count("\n")
    assert 4 <= done < ARTICLES
    again = start(tmp_path, folder, config, out)
    _, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert f"{done} finished by an earlier run".encode() in err
    check_finished(tmp_path, out, duplicates_allowed=0)   # emitted and recorded as finished in one step


def test_kill_9_loses_nothing(tmp_path: Path, corpus) -> None:
    folder, config = corpus
    out = tmp_path / "out.jsonl"
    proc = start(tmp_path, folder, config, out)
    wait_for_lines(out, 6, proc)
    proc.kill()
    proc.communicate(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    again = start(tmp_path, folder, config, out)
    _, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    # Killed between printing an article and recording it as finished, at most one line comes out twice.
    check_finished(tmp_path, out, duplicates_allowed=1)
