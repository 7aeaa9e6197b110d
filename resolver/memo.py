"""Memos of what an article's cached steps print (#13): a warm run's line for an article, kept in the cache with the
keys of every row its steps read, so the next warm run prints it again without running the steps.

A memo is exact or not used:
  - it is kept only for a JSON Lines run (`RunOptions.json_lines`): its tail IS the line's text from "resolutions"
    on, as `output.json_line` writes it;
  - it is looked up under a key made of everything else the line depends on: the line's head (the article's
    source, sha256, embeds and credits as this run extracted them), the steps and fetch options, the settings but
    the secrets, offline or not, and the code (our sources' digest, the version, Python, SQLite and the packages
    installed), and the NAMES of the secrets set (never a value, nor anything made from one). A WARC or --refresh
    keeps none;
  - the steps it was made from ran from the cache alone (`steps_here`), ran no statement but noted reads (no write:
    then a re-run would write what this one did not) and ended in an outcome (not a failure);
  - a write to any row they read deletes it: triggers on every table they read (migration m014), whoever writes;
  - it is made in a write transaction, so no other process writes between the reads and the memo;
  - the cache's TTL: its answers hold while every row a TTL was held against is within the TTL (`fresh_until`,
    the oldest of them) and the cut-off has not gone back before the one they were read with (`since`): a row
    that was too old stays too old, so the steps would choose the same rows.

Runs with a secret set (#14). A secret's value shapes a line only through redaction (`session.redactor`: the
cached steps look rows up by a redacted URL, and withhold what carries a secret); whether a secret is set also
steers them (a post kept as "needs an access token" is asked again once one is): the key names the secrets set.
With secrets S set, a memo is kept only when the line (head and tail), the keys of the rows read and everything the
steps asked the redactor to redact show no form of S (`Redactor.carries_secret`: as written, URL- or form-encoded,
or decoding to one as a query value; the redactor knows no base64 form, so neither does this), and everything asked,
and what a redactor with no secret answers for it, is one of the line's strings, as it was asked (its JSON text, quotes
and all, is in the line's); with S' set, it is used only when the line shows no form of S'. Why that is exact,
whatever S' is:
  - the steps are a function of the article (the head), the rows they read (the memo's keys: unchanged, or it is
    gone), the names set (the key) and the redactor's answers. The redactor answers a text as it would with no
    secret set unless the text or that answer carries one (the property tests/test_redact.py checks; the text alone
    is not enough: "REDACTED&v=2" changes the answer to `?token=x&v=2`, memoreview25). At making, nothing asked or
    answered without a secret carried S; at use, each is in the line, which carries no form of S' (a secret's forms
    hold no character JSON escapes: a secret that has one keeps and uses no memo), so none carries one either. Step by
    step, the steps with S' ask the same texts and get the same answers as with S: the same line;
  - a token in an article's URL or text: the head shows it (no memo looked up, none kept: its key would be a digest
    of the secret), or the steps asked about a text the line does not show (none kept);
  - a redacted `?sig=`: a parameter redacted by its name, with or without a secret set: the same answer;
  - a secret that changed value: its new value is looked for in the line before the memo is used (a memo whose
    line shows it is not used; the steps run, and print it redacted where they redact);
  - a secret set or unset since: another key (the names), so another memo;
  - the database: what a memo keeps (its tail, the keys of its rows) shows no form of the secrets of the run that
    made it, and its key is a digest of the names and the head, which shows none.
Cost: a memo is not kept for an article whose steps ask about a text its line does not show: a gone post's URL forms
on the archive (x.com/..., mobile.twitter.com/...), a URL carried in a query parameter; their steps run each time.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any

from resolver import __version__
from resolver.output import json_line
from resolver.pipeline import ArticleResult, Outcome, Steps, steps_here

if TYPE_CHECKING:
    from resolver.inputs import Item
    from resolver.options import FetchOptions
    from resolver.session import Session

USE = True   # tests only: False runs every article's steps, as if no memo were kept


def answer(item: Item, scanned: ArticleResult, *, session: Session, steps: Steps) -> Outcome | None:
    """`pipeline.steps_here`, answered by the article's memo when one holds: a `LineResult` then. Otherwise the
    steps run, and what they print is kept as the article's memo when it can be."""
    run = _run_key(session, steps) if scanned.article_id is not None else None
    if run is None or session.store is None or scanned.article_id is None:
        return steps_here(item, scanned, session=session, steps=steps)
    head = json_line(scanned.head_json())
    if session.redactor.carries_secret(head):
        return steps_here(item, scanned, session=session, steps=steps)   # its key would be made of a secret
    key = _key(run, head)
    memo = session.store.step_memo(scanned.article_id, key)
    if memo is not None and memo[3]:
        # A step failed: the steps run (from the cache) rather than the memo answer, for the run to say what failed,
        # as it does with no memo: `scan` says each failure on stderr, which its line alone does not tell (#11).
        return steps_here(item, scanned, session=session, steps=steps)
    if memo is not None and _holds(memo[0], memo[1], session) and not session.redactor.carries_secret(memo[4]):
        return LineResult.of(scanned, head, memo[4], unavailable=bool(memo[2]), failed=bool(memo[3]))
    return _steps_kept(item, scanned, session=session, steps=steps, head=head, key=key)


def remember(item: Item, outcome: ArticleResult, *, session: Session, steps: Steps) -> None:
    """After an article's steps ran in the event loop (a cold run): keep what a warm run's cached steps would print
    for it now, its writes done, so the next run is answered by it."""
    store = session.store
    run = _run_key(session, steps)
    if run is None or store is None or store.read_only or outcome.article_id is None \
            or store.conn.in_transaction:
        return   # in a transaction: another article's writes, still open, could be undone after
    scanned = outcome.replaced(resolutions=None, posts=None, credited_images=None, archives=None, identifications=None)
    head = json_line(scanned.head_json())
    if session.redactor.carries_secret(head):
        return
    try:
        _steps_kept(item, scanned, session=session, steps=steps, head=head, key=_key(run, head), only_kept=True)
    except _NotKept:
        pass   # what the steps wrote (an error row, should they fail here) is undone: they ran only for a memo


class _NotKept(Exception):
    pass


def _steps_kept(item: Item, scanned: ArticleResult, *, session: Session, steps: Steps, head: str, key: str,
                only_kept: bool = False) -> Outcome | None:
    """The steps, run from the cache alone, with what they print kept as a memo when it can be; `only_kept`: run
    for the memo alone, and anything else they did undone (`_NotKept`) when none is kept."""
    store = session.store
    assert store is not None and scanned.article_id is not None
    if store.read_only:
        return steps_here(item, scanned, session=session, steps=steps)
    with store.write(), store.reading() as reads:
        sinces: list[str] = []
        session.sinces = sinces
        redactor = session.redactor
        if redactor.secrets:   # what the steps ask it to redact, to be looked at (below)
            session.redactor = replace(redactor, seen=[])
        try:
            outcome = steps_here(item, scanned, session=session, steps=steps)
        finally:
            seen, session.redactor, session.sinces = session.redactor.seen, redactor, None
        if isinstance(outcome, ArticleResult) and reads.complete and _secret_free(
                splice(head, tail := json_line(outcome.steps_json())), seen or (), reads.keys, session):
            store.keep_step_memo(scanned.article_id, key, (
                max(sinces) if sinces else None, min(reads.stamps) if reads.stamps else None,
                int(outcome.unavailable), int(outcome.failed), tail), reads.keys)
        elif only_kept:
            raise _NotKept
    return outcome


def _secret_free(line: str, seen: Sequence[str], reads: Iterable[str], session: Session) -> bool:
    """Whether a line its steps just printed may be kept as a memo in a run with secrets set (see the module): no
    form of one in the line, the keys of the rows read or anything the steps asked the redactor to redact, and each
    text asked shown in the line as one of its strings (between its quotes: no `%` before it decodes with it).
    Always, with none set."""
    return not session.redactor.secrets or (not any(map(session.redactor.carries_secret, [line, *reads, *seen]))
                                            and all(json_line(text) in line for text in seen))


def _key(run: str, head: str) -> str:
    """The memo's key: a digest of the run's key and the line's head."""
    return hashlib.blake2b(f"{run}\n{head}".encode(), digest_size=32).hexdigest()


def _holds(since: str | None, fresh_until: str | None, session: Session) -> bool:
    """Whether the cached answers a memo was made from are the ones the steps would take now (see the module)."""
    now = session.cached_since()
    return now is None or ((since is None or since <= now) and (fresh_until is None or now <= fresh_until))


def _run_key(session: Session, steps: Steps) -> str | None:
    """What shapes an article's steps' line besides the article, as a digest; None: this run keeps no memo. Made
    once a run (#13: about 40 us)."""
    if not USE:
        return None
    made = _RUN_KEYS.setdefault(session, {})
    key = (steps, steps.fetch_options)   # Steps compare without their fetch options
    if key not in made:
        made[key] = _made_run_key(session, steps)
    return made[key]


_RUN_KEYS: weakref.WeakKeyDictionary[Session, dict[tuple[Steps, FetchOptions], str | None]] = \
    weakref.WeakKeyDictionary()


def _made_run_key(session: Session, steps: Steps) -> str | None:
    settings = session.settings
    if session.refresh or session.warc is not None or session.replay is not None \
            or any(json_line(secret)[1:-1] != secret for secret in session.redactor.secrets):
        return None   # a secret the line would show escaped: what is looked for in the line (see the module) is not
    secrets = [f.name for f in fields(settings) if not f.repr and getattr(settings, f.name)]   # names, never values
    code = _code()
    if code is None:
        return None   # our sources are not files here (frozen, zipped): nothing would tell this code from another
    # Where the database and the config file are does not shape a line (what they hold does).
    shaping = replace(settings, db_path=None, config_path=None)
    return hashlib.sha256("\n".join([code, repr(shaping), repr(session.mode), steps.describe(),
                                     repr(steps.fetch_options), f"secrets set: {secrets}"]).encode()).hexdigest()


@functools.cache
def _code() -> str | None:
    """The code that makes the steps' answers: our sources' digest (a checkout changes without a new version), the
    version, Python's and SQLite's, and the packages installed in the site-packages folders Python looks in (their
    dist-info names carry their versions; importlib.metadata took 60 ms a run to say the same). None when our
    sources are not files to read (a frozen or zipped build): then no memo is kept or used."""
    import os
    import sqlite3

    digest = hashlib.blake2b(digest_size=32)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    read: set[str] = set()
    for package in ("resolver", "cache"):
        for folder, _, files in sorted(os.walk(os.path.join(root, package))):
            for name in sorted(f for f in files if f.endswith(".py")):
                path = os.path.join(folder, name)
                digest.update(f"{os.path.relpath(path, root)}\n".encode())
                with open(path, "rb") as source:
                    digest.update(source.read())
                read.add(package)
    if read != {"resolver", "cache"}:
        return None
    installed = []
    for place in sys.path:
        if os.path.basename(place) not in ("site-packages", "dist-packages"):
            continue   # not the current folder: it may be a corpus of a million files
        try:
            with os.scandir(place) as entries:
                installed += sorted(e.name for e in entries if e.name.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    return "\n".join([__version__, sys.version, sqlite3.sqlite_version, digest.hexdigest(), *installed])


def splice(head: str, tail: str) -> str:
    """The JSON line of an object from the lines of its first keys and of the rest (both objects with keys, as a
    compact-default encoder writes them: `{"a": 1}` and `{"b": 2}` make `{"a": 1, "b": 2}`)."""
    return f"{head[:-1]}, {tail[1:]}"


def _memo_only(name: str) -> Any:
    def refused(self: object) -> Any:
        raise AttributeError(f"{name}: this article's steps were answered by their memo (#13): only its JSON line "
                             "is kept")
    return property(refused)


class LineResult(ArticleResult):
    """An article whose steps its memo answered: the article as scanned and recorded, the line a run prints for
    it, and whether it was unavailable or failed. Its steps' results were not made, and asking for them is an error
    (only a JSON Lines run is answered so). Made by `of`, never by its dataclass `__init__`."""

    resolutions = _memo_only("resolutions")
    posts = _memo_only("posts")
    credited_images = _memo_only("credited_images")
    archives = _memo_only("archives")
    identifications = _memo_only("identifications")

    @staticmethod
    def of(scanned: ArticleResult, head: str, tail: str, *, unavailable: bool, failed: bool) -> LineResult:
        new = object.__new__(LineResult)
        state = dict(scanned.__dict__)
        for name in ("resolutions", "posts", "credited_images", "archives", "identifications"):
            state.pop(name, None)
        new.__dict__.update(state, line=splice(head, tail), memo_unavailable=unavailable, memo_failed=failed)
        return new

    @property
    def line(self) -> str:
        """The memo's line with the run's own last key (`ArticleResult.to_json`: `same_bytes_as`)."""
        return splice(str(self.__dict__["line"]), json_line({"same_bytes_as": self.same_bytes_as}))

    @property
    def unavailable(self) -> bool:
        return bool(self.__dict__["memo_unavailable"])

    @property
    def failed(self) -> bool:
        return bool(self.__dict__["memo_failed"])

    @property
    def links_gone(self) -> int:
        """Its line's links that ended gone (scan --fail-on-gone), read from the line only when it says one did (a
        warm run's lines are not parsed again: #14)."""
        line = self.line
        if '"gone": true' not in line:
            return 0
        return sum(r.get("gone") is True for r in json.loads(line).get("resolutions") or ())

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.line)
        return data

    def replaced(self, **changes: Any) -> ArticleResult:
        raise TypeError("an article its memo answered has no steps' results to replace")
