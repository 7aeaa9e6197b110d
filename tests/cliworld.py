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
            "www.youtube.com", "graph.facebook.com", "graph.threads.net", "www.instagram.com", "www.threads.net",
            "news.example")


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

    def __call__(self, *args: str, input: bytes | str | None = None, env: dict[str, str] | None = None) -> Result:
        from resolver.cli import cli

        return CliRunner(env=env or {}).invoke(cli, ["--config", str(self.config), "--db", str(self.db), *args],
                                               input=input)

    def argv(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "resolver", "--config", str(self.config), "--db", str(self.db), *args]

    def process(self, *args: str, **popen: object) -> subprocess.Popen:
        env = {k: v for k, v in os.environ.items() if not k.startswith("EMBED_RESOLVER")}
        env.update(popen.pop("env", {}) or {})   # type: ignore[arg-type]
        return subprocess.Popen(self.argv(*args), cwd=popen.pop("cwd", ROOT), env=env, **popen)  # type: ignore[arg-type]


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]

