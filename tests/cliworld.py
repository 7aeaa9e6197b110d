"""The command line against the loopback 'internet' (tests/fakenet.py): a config whose [origins] send every service
the tool talks to to one server on 127.0.0.1, and helpers to run the CLI in-process or as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

ROOT = Path(__file__).parent.parent
SERVICES = ("t.co", "pic.twitter.com", "twitter.com", "x.com", "cdn.syndication.twimg.com", "publish.twitter.com",
            "api.twitter.com", "pbs.twimg.com", "video.twimg.com", "web.archive.org", "archive.org", "bit.ly",
            "www.youtube.com", "www.reddit.com", "graph.facebook.com", "graph.threads.net", "www.instagram.com",
            "www.threads.net", "news.example")


# Files whose in-process runs find a copy of an empty cache at --db rather than make one (tests/blankstore.py, #14):
# those whose tests were read (none checks how the cache was made: its mode, WAL, migration times) and run with it.
BLANK_CACHE_FILES = frozenset({"test_archived_copies", "test_archive38", "test_article_urls", "test_article_size",
                               "test_secrets", "test_warm_run"})
# The commands that open --db, making it when it is not there (the diagnostics ones, `stats` and `cache`, refuse then)
MAKE_A_CACHE = {("scan",), ("resolve",), ("fetch",), ("archive",), ("report",)}


def write_config(path: Path, origin: str, *, extra: str = "", retries: int = 0) -> Path:
    path.write_text(f"[network]\nretries = {retries}\n\n{extra}\n[origins]\n" + "".join(
        f'"{scheme}://{h}" = "{origin}"\n' for h in SERVICES for scheme in ("https", "http")))
    return path


class World:
    """`world(*args)` runs `embed-resolver --config C --db D *args` in-process; `world.process(...)` as a child."""

    def __init__(self, fakenet, tmp_path: Path, *, extra: str = "", retries: int = 0) -> None:
        self.fakenet = fakenet
        self.tmp = tmp_path
        self.db = tmp_path / "c.db"
        self.config = write_config(tmp_path / "config.toml", fakenet.origin, extra=extra, retries=retries)
        # In BLANK_CACHE_FILES, an in-process run that would make a cache at --db finds a copy of an empty one
        self.blank = sys._getframe(1).f_globals.get("__name__", "").rpartition(".")[2] in BLANK_CACHE_FILES

    def __call__(self, *args: str, input: bytes | str | None = None, env: dict[str, str] | None = None) -> Result:
        from resolver.cli import cli

        if self.blank and args[:1] in MAKE_A_CACHE and not {"--no-store", "--engine", "--help"} & set(args) \
                and not self.db.exists() and self.db.parent.is_dir():
            from tests.blankstore import blank_cache

            blank_cache(self.db)
        return CliRunner(env=env or {}).invoke(cli, ["--config", str(self.config), "--db", str(self.db), *args],
                                               input=input)

    def argv(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "resolver", "--config", str(self.config), "--db", str(self.db), *args]

    def process(self, *args: str, **popen: object) -> subprocess.Popen:
        env = {k: v for k, v in os.environ.items() if not k.startswith("EMBED_RESOLVER")}
        env.update(popen.pop("env", {}) or {})   # type: ignore[arg-type]
        argv = popen.pop("argv", None) or self.argv(*args)
        return subprocess.Popen(argv, cwd=popen.pop("cwd", ROOT), env=env, **popen)  # type: ignore[arg-type]

    def killed_at(self, method: str, *args: str, call: int = 1, **popen: object) -> int:
        """Run the command as a child that SIGKILLs itself the moment it calls `method` ("Store.record_snapshots",
        a method of cache.store) for the `call`-th time: a kill at the exact point a fact is written, where no
        request is in between to hang. Returns the child's exit status (-9 when the kill happened)."""
        owner, name = method.split(".")
        code = (f"import os, signal, sys\nimport cache.store\ncalls = [0]\n"
                f"original = cache.store.{owner}.{name}\n"
                f"def dying(*a, **k):\n    calls[0] += 1\n"
                f"    if calls[0] == {call}:\n        os.kill(os.getpid(), signal.SIGKILL)\n"
                f"    return original(*a, **k)\n"
                f"cache.store.{owner}.{name} = dying\n"
                f"from resolver.cli import cli\ncli(args=sys.argv[1:], prog_name='embed-resolver')\n")
        argv = [sys.executable, "-c", code, *self.argv(*args)[3:]]
        return self.process(argv=argv, **popen).wait(60)


class Hang:
    """A handler that answers only once released; `killed_while_waiting` SIGKILLs a child while it waits."""

    def __init__(self, then, *, hold: float = 30) -> None:
        import threading

        self.then, self.hold = then, hold
        self.waiting, self.release, self.answered = threading.Event(), threading.Event(), threading.Event()

    def __call__(self, request):
        self.waiting.set()
        self.release.wait(self.hold)
        self.answered.set()
        return self.then(request)

    def killed_while_waiting(self, child: subprocess.Popen) -> None:
        import signal

        try:
            assert self.waiting.wait(60), "the hanging request was never made"
            child.send_signal(signal.SIGKILL)
            child.wait(30)
        finally:
            self.release.set()


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]

