"""Shared by the corpus-scale benchmarks (scripts/bench_*.py): synthetic fictional pages, running the CLI as a
subprocess, and the peak memory of a process tree. Linux only (it reads /proc)."""

from __future__ import annotations

import importlib
import os
import random
import resource
import shutil
import subprocess
import tempfile
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("harbour council flood river minister report storm bridge village police market school hospital "
         "election vote budget road train station farmers weather warning residents mayor festival").split()


def snowflake(rng: random.Random) -> str:
    return str(rng.randrange(1_300_000_000_000_000_000, 1_700_000_000_000_000_000))


def page(n: int, *, size: int = 40_000, rng: random.Random | None = None, server: str | None = None) -> str:
    """A fictional news page of about `size` characters: paragraphs, two embedded tweets, a YouTube iframe,
    a photo credit. With `server`, the tweets' t.co-style links point at that loopback server."""
    rng = rng or random.Random(n)
    paragraphs = []
    tweets = []
    for k in range(2):
        handle, post_id = f"reporter{rng.randrange(500)}", snowflake(rng)
        link = f"{server}/t/{post_id}" if server else f"https://t.co/{post_id[-10:]}"
        tweets.append(
            f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{" ".join(rng.choices(WORDS, k=20))} '
            f'<a href="{link}">{link}</a></p>&mdash; Reporter {k} (@{handle}) '
            f'<a href="https://twitter.com/{handle}/status/{post_id}?ref_src=twsrc%5Etfw">March 3, 2023</a>'
            f'</blockquote>')
    while sum(map(len, paragraphs)) < size:
        paragraphs.append(f"<p>{' '.join(rng.choices(WORDS, k=60))}.</p>")
    middle = len(paragraphs) // 2
    body = "\n".join(paragraphs[:middle] + tweets + paragraphs[middle:])
    return (f"<!doctype html><html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>\n"
            f'<figure><img src="https://img.news.example/{n}.jpg"><figcaption>Flood waters rise. '
            f"(Photo: Ann Lee/Agency Press)</figcaption></figure>\n{body}\n"
            f'<iframe src="https://www.youtube.com/embed/{n:011d}"></iframe></article></body></html>')


def embed_resolver(*args: str) -> list[str]:
    return [sys.executable, "-m", "resolver", *args]


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float
    returncode: int
    stderr: str
    cpu_seconds: float = 0.0   # user + system time of the process and every descendant it waited for


def run_measured(command: list[str], *, env: dict[str, str] | None = None, stdout: Path | None = None,
                 interval: float = 0.05, cwd: Path = ROOT) -> Run:
    """Run a command (in `cwd`: `python -m` puts it first on the path); sample the summed RSS of it and all its
    descendants (shared pages counted in each: an upper bound) every `interval` seconds."""
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, env=env, cwd=cwd)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, tree_rss(proc.pid))
            stop.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    stop.set()
    sampler.join()
    if stdout:
        out.close()  # type: ignore[union-attr]
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return Run(elapsed, peak / 1024, proc.returncode, err.decode("utf-8", "replace"), cpu)


def tree_rss(pid: int) -> int:
    """Resident KB of a process and its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def bench_env(tmp: Path) -> dict[str, str]:
    """The environment of a benchmarked run: no user config or cache, nothing from the shell's EMBED_RESOLVER_*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMBED_RESOLVER_", "X_BEARER", "IA_"))}
    env.update(XDG_CONFIG_HOME=str(tmp / "config"), XDG_CACHE_HOME=str(tmp / "cache"), PYTHONPATH=str(ROOT))
    return env


def copy_corpus(corpus: Path, out: Path, pages: int) -> int:
    """`pages` files in `out`, the corpus's HTML and text files over and over, each copy made distinct."""
    sources = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".html", ".htm", ".txt"))
    for n in range(pages):
        source = sources[n % len(sources)]
        copy = n // len(sources)
        data = source.read_bytes()
        # A distinct trailer per copy: a new sha256, so the store records each copy as an article of its own.
        trailer = f"\n<!-- copy {copy} -->\n" if source.suffix != ".txt" else f"\n\ncopy {copy}\n"
        (out / f"{copy:02d}-{source.name}").write_bytes(data + trailer.encode())
    return pages


@contextmanager
def copied_corpus(corpus: Path, pages: int) -> Iterator[tuple[Path, Path, int] | None]:
    """(a throwaway work folder, the folder of pages in it, their count): the corpus copied to `pages` distinct
    pages, removed afterwards. None, said on stdout, when the corpus is absent (the scripts then exit 0)."""
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}; nothing to benchmark")
        yield None
        return
    work = Path(tempfile.mkdtemp(prefix="embed-resolver-bench-"))
    try:
        folder = work / "pages"
        folder.mkdir()
        yield work, folder, copy_corpus(corpus, folder, pages)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def other_checkout_module(root: str, name: str) -> Any:
    """Module `name` (a resolver module) of the checkout at `root`, imported while this process's resolver modules
    are set aside, then kept beside them (a function that imports a resolver module when called gets this one's)."""
    ours = {module: loaded for module, loaded in sys.modules.items() if module.split(".")[0] == "resolver"}
    for module in ours:
        del sys.modules[module]
    sys.path.insert(0, root)
    try:
        other = importlib.import_module(name)
    finally:
        sys.path.remove(root)
        for module in [module for module in sys.modules if module.split(".")[0] == "resolver"]:
            del sys.modules[module]
        sys.modules.update(ours)
    if ours.get(name) is not None and Path(other.__file__ or "").resolve() == Path(ours[name].__file__ or "").resolve():
        raise SystemExit(f"{root} holds no checkout of its own: the same resolver was loaded twice")
    return other
