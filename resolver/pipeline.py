"""The whole job, top to bottom: read an article, find its embeds and credits and record them; then, as far as
asked, resolve the links they carry, fetch the posts they name, archive them, and identify flattened tweets that
kept no link.

`run()` is the one synchronous entry: one session (one event loop, one HTTP client, one set of rate budgets) for
the whole job over an iterable of inputs (resolver.inputs reads them, streamed), each outcome handed on in input
order. Extraction runs in worker processes (resolver.workers), network work in the session's loop, overlapping
through a bounded window. Stages hand each other typed, frozen results (`ArticleResult` has a field per step);
JSON is made only at the edges, by `to_json()`. One input that fails is its own outcome (a `Failure`, and a row
in the cache's errors table); the run goes on.
"""

from __future__ import annotations

import itertools
import operator
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, ExitStack, aclosing, contextmanager, nullcontext, suppress
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from types import TracebackType
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from cache import CacheError
from resolver import __version__, extract, own_files, platforms
from resolver.article import Article, from_bytes, from_path, printable
from resolver.errors import EmbedResolverError, EmptyInput, InputError, NotDecodable, disk_full
from resolver.inputs import NO_ARTICLE_HINT, Census, InputSpec, Item, PassedOver, StdinLines, iter_items, load
from resolver.lazy import LazyPattern, lazy_dataclass
from resolver.model import Credit, Embed
from resolver.extract.incomplete import FailedStep
from resolver.credit_language import CreditLanguageNotRead
from resolver.prose_links import LinksNotFollowed
from resolver.readable import ThinPage
from resolver.options import ArchiveOptions, FetchOptions
from resolver.session import NotCached, fewer_collections, loop_running
from resolver.targets import Named, classify
from resolver.workers import (Extracted, Extractor, Pending, ScanTimedOut, WorkerCrashed, budget_alarm, traceback_of,
                              podcasts_said, unsupported_said, read_credit_language, read_links_not_followed,
                              long_handles_said, read_mojibake, read_thin, read_uncredited,
                              extract_item, finished, ordered_map, say_budget_not_kept, time_budget, wait_for)

if TYPE_CHECKING:   # the network steps are imported where they run: a plain scan loads no HTTP stack (#14)
    from cache import Store
    from resolver.archive import ArchivedUrl
    from resolver.fetch import FetchedPost, MediaFile, Target
    from resolver.http import Ledger
    from resolver.identify import Identification
    from resolver.output import OutputFile
    from resolver.redact import Redactor
    from resolver.resolve import Resolution
    from resolver.session import Session


class StepResult(Protocol):
    """What every step's result offers: its JSON form, and whether it was unavailable offline."""

    @property
    def unavailable(self) -> bool: ...

    @property
    def failed(self) -> bool: ...

    def to_json(self) -> dict[str, Any]: ...


V = TypeVar("V", bound=StepResult)


@lazy_dataclass(frozen=True)
class ForEmbed(Generic[V]):
    """A step's result for one embed of an article; `embed` is its index in `ArticleResult.embeds`."""

    embed: int
    value: V

    @property
    def unavailable(self) -> bool:
        return self.value.unavailable

    @property
    def failed(self) -> bool:
        return self.value.failed

    def to_json(self) -> dict[str, Any]:
        return {"embed": self.embed, **self.value.to_json()}


@dataclass(frozen=True)
class ArticleResult:
    """What processing one article found, and where it was recorded. Each step's field is None when the step did
    not run, and empty when it ran and found nothing."""

    @property
    def links_gone(self) -> int:
        """The links its embeds carry that ended at a page that is gone (404, 410): scan --fail-on-gone."""
        return sum(found.value.gone for found in self.resolutions or ())


    article: Article
    embeds: tuple[Embed, ...]
    credits: tuple[Credit, ...]
    article_id: int | None = None
    newly_recorded: bool = False
    resolutions: tuple[ForEmbed[Resolution], ...] | None = None          # per link an embed carries
    posts: tuple[ForEmbed[FetchedPost], ...] | None = None               # per post an embed names
    credited_images: tuple[MediaFile, ...] | None = None                 # the images the credits belong to
    archives: tuple[ArchivedUrl, ...] | None = None                      # per post and media URL
    identifications: tuple[ForEmbed[Identification], ...] | None = None  # per flattened tweet with no link
    url: str | None = None             # the page's URL, when the input gave it (a URL, WARC, JSON Lines)
    record_id: str | None = None       # the input record's own id (WARC-Record-ID, --id-field)
    warc_date: str | None = None       # when a WARC record's page was crawled (its WARC-Date; newuser30b #3)
    truncated: str | None = None       # why the crawler cut the page short (WARC-Truncated): embeds may be missing
    thin: ThinPage | None = None       # no embed and almost no text: the page may not be the article (newuser30 #3)
    final_url: str | None = None       # an article URL's: where its redirects ended (`url` is the URL as given)
    unfollowed: LinksNotFollowed | None = None   # t.co links in its text no embed carries: not followed (newuser35c)
    # its language (its lang, or its letters) is one whose credit words are not read: "no credit" is no fact (credits36)
    unread_language: CreditLanguageNotRead | None = None
    # the podcast episodes it names, which no step reads (`podcasts_said`, newuser41a #9); None: none
    podcasts: dict[str, Any] | None = None
    # the VK, Rutube and OK posts and videos and Telegram invite links it names (`unsupported_said`, newuser44a #3)
    unsupported: dict[str, Any] | None = None
    # its own pictures no credit is tied to (`workers.uncredited_images`, newuser42a #11); None: none
    uncredited: dict[str, Any] | None = None
    # the mojibake its text holds ("â€™" for "’"), undone in its embeds and credits (`read_mojibake`, newuser44d #4)
    mojibake: dict[str, Any] | None = None
    # its X posts whose handle is longer than X allows, not read (`workers.long_handles_said`, newuser45a #9)
    long_handles: dict[str, Any] | None = None
    # The steps of its reading that failed (a bug, #10): what they would have found is missing, the rest is kept.
    incomplete: tuple[FailedStep, ...] = ()
    # The sha256 of the version of its source this scan superseded (the page was edited since it was last scanned
    # there, newuser34b #1): kept in the cache, counted no more. Said by the run's summary.
    replaces: str | None = field(default=None, repr=False, compare=False)
    # Where its bytes can be read again (`Item.place`: a file's real path, a URL; None for stdin and a record): the
    # place whose earlier version it supersedes (review34r4: two files of one name in two folders were one source).
    place: str | None = field(default=None, repr=False, compare=False)
    # The fetch rows of an article fetched by its URL, still to be written in the transaction that records it
    # (#11); empty once recorded. Not part of what the article says, so not in its JSON.
    unrecorded_fetches: tuple[dict[str, object], ...] = field(default=(), repr=False, compare=False)
    # The JSON Lines record's URL or id fields whose value was not read (not text): ("url", "a number"). Said once
    # for the run, at its end; not part of what the article says.
    unread: tuple[tuple[str, str], ...] = field(default=(), repr=False, compare=False)
    # A URL the page gave (an embed's link, a credited image's src) as the page wrote it, under the redacted one the
    # embed or credit holds, where a configured secret was in it (#11): resolution, the download and the archive
    # step ask for the real one; and the post a link led to, its real URL under the redacted one its resolution and
    # post hold (left28). Not part of what the article says.
    page_urls: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    # An embed as the page wrote it, by its index, where a configured secret was redacted out of it (#11): the steps
    # that ask by its handle or text (identification, the post an embed shows) ask by the real ones. Not part of what
    # the article says.
    page_embeds: Mapping[int, Embed] = field(default_factory=dict, repr=False, compare=False)
    # The source of the job's earlier input whose bytes were the same (the same article, recorded once: `cache stats`,
    # `stats` and `cache export` count it once), set as the run hands it on (`Summary.same_bytes_of`); None: the
    # first input of the job with these bytes (newuser46b #2: 3,068 lines, 3,008 articles, nothing saying why).
    same_bytes_as: str | None = field(default=None, repr=False, compare=False)

    @property
    def skipped(self) -> bool:
        """Never: an article read (a `Failure` may be a file skipped), so `emit` can ask any outcome."""
        return False

    def real_url(self, url: str) -> str:
        """A URL of an embed or a credit as the page wrote it (`page_urls`), to be asked for."""
        return self.page_urls.get(url, url)

    def written(self, index: int) -> Embed:
        """The embed at `index` as the page wrote it (`page_embeds`), to be asked by; `embeds` holds it redacted."""
        return self.page_embeds.get(index) or self.embeds[index]

    @property
    def _step_results(self) -> Iterator[StepResult]:
        steps: tuple[Iterable[StepResult] | None, ...] = (
            self.resolutions, self.posts, self.credited_images, self.archives, self.identifications)
        return (found for results in steps for found in results or ())

    @property
    def unavailable(self) -> bool:
        """Offline, and something a step needed was not in the cache."""
        return any(found.unavailable for found in self._step_results)

    @property
    def failed(self) -> bool:
        """A step ended in an error for something: a step of the article's reading (#10), a link, a post, an image,
        an archive lookup or save, an identification (#11: the exit code says so)."""
        return bool(self.incomplete) or any(found.failed for found in self._step_results)

    # The embeds' and credits' JSON, made once per result: the store records it and the output prints it (#14).
    # Shared by every to_json() of this result: read it, do not change it.
    @cached_property
    def embeds_json(self) -> list[dict[str, Any]]:
        return [e.to_json() for e in self.embeds]

    @cached_property
    def credits_json(self) -> list[dict[str, Any]]:
        return [c.to_json() for c in self.credits]

    def replaced(self, **changes: Any) -> ArticleResult:
        """`dataclasses.replace`, keeping the embeds' and credits' JSON already made (#14: each step replaces the
        result, and the output would make it again)."""
        unknown = changes.keys() - _RESULT_FIELDS
        if unknown:
            raise TypeError(f"ArticleResult has no field {sorted(unknown)[0]!r}")
        # A copy of the instance's dict, not `replace`: no __init__ to run on 14 fields, four times an article
        # (#13: a warm run does this in the main process for every article).
        new = object.__new__(ArticleResult)
        state = dict(self.__dict__)
        for name in changes:
            state.pop(f"{name}_json", None)   # its made-once JSON is of the value replaced
        state.update(changes)
        new.__dict__.update(state)
        return new

    def to_json(self) -> dict[str, Any]:
        """The same keys whatever ran: a step that did not run is null, one that found nothing is []. Last,
        `same_bytes_as`: of the run, not of the article (a memo's line, `steps_json`, never holds it)."""
        return self.head_json() | self.steps_json() | {"same_bytes_as": self.same_bytes_as}

    def head_json(self) -> dict[str, Any]:
        """The first keys of `to_json`: the article and what its scan found."""
        article = self.article
        return {
            "source": article.source, "url": self.url, "final_url": self.final_url, "record_id": self.record_id,
            "warc_date": self.warc_date, "truncated": self.truncated,
            "sha256": article.sha256, "kind": article.kind, "encoding": article.encoding,
            "encoding_detected": article.encoding_detected, "encoding_rival": article.encoding_rival,
            "encoding_rivals": list(article.encoding_rivals),
            "encoding_given_at": article.encoding_given_at,
            # a comment's thread, as the report's JSON gives it (newuser46c #8: scan --json dropped it)
            "embeds": [e.said_json(data) | {"parent": platforms.parent_of(e.url) if e.kind == "comment" else None}
                       for e, data in zip(self.embeds, self.embeds_json, strict=True)],
            "credits": self.credits_json,
            "warnings": self.warnings_json, "incomplete": [failed.to_json() for failed in self.incomplete],
        }

    @property
    def warnings_json(self) -> list[dict[str, Any]]:
        """What makes the scan's answer uncertain, machine-readable: `{"kind": "thin-page", "chars", "title",
        "message"}` for a page that may not be the article; `{"kind": "links-not-followed", "count", "first",
        "message"}` for t.co links in its text that no embed carries; `{"kind": "credit-language-not-read",
        "language", "script", "message"}` for a page in a language whose credit words are not read;
        `{"kind": "read-from-container", "container", "container_sha256", "message"}` for a page read out of an MHTML
        file, an e-mail, a web archive or a ZIP (its sha256 is the page's, not the file's: newuser37b #1; the file's
        own is `container_sha256`: inputs38); `{"kind": "bad-bytes", "bytes", "message"}` for a page read as UTF-8
        with bytes UTF-8 could not read, each replaced (newuser39b #11); `{"kind": "encoding-label-overruled", "label",
        "encoding", "message"}` for a page whose Western charset label was overruled by its language (newuser43a #3);
        `{"kind": "podcasts-not-supported", …}`
        (`podcasts_said`), the podcast episodes it names, which no step reads (newuser41a #9); `{"kind":
        "posts-not-supported", …}` (`unsupported_said`), its VK, Rutube and OK posts and videos and Telegram invite
        links, which no step reads either (newuser44a #3); `{"kind": "uncredited-images", "count", "images": [{"url",
        "where"}], "untied_credits", "message"}` (`workers.uncredited_images`), the article's own pictures no credit on
        the page is tied to (newuser42a #11); `{"kind": "mojibake", "examples": [{"written", "read_as"}], "embeds",
        "credits", "message"}` (`resolver.mojibake`), the mojibake the page's text holds and the embeds and credits
        whose words are given repaired (newuser44d #4); `{"kind": "handles-not-read", "embeds": [{"embed", "handles"}],
        "message"}` (`workers.long_handles_said`), its X posts whose handle is longer than X allows (newuser45a #9)."""
        said = [w.to_json() for w in (self.thin, self.unfollowed, self.unread_language) if w is not None]
        if self.long_handles is not None:   # newuser45a #9
            said.append(self.long_handles)
        if (note := self.article.read_from) is not None:
            said.append({"kind": "read-from-container", "container": self.article.container,
                         "container_sha256": self.article.container_sha256, "message": note})
        if (bad := self.article.bad_bytes_said) is not None:   # newuser39b #11
            said.append({"kind": "bad-bytes", "bytes": self.article.bad_bytes, "message": bad})
        if (label := self.article.encoding_label_said) is not None:   # newuser43a #3
            said.append({"kind": "encoding-label-overruled", "label": self.article.encoding_label,
                         "encoding": self.article.encoding, "message": label})
        if self.podcasts is not None:   # newuser41a #9
            said.append(self.podcasts)
        if self.unsupported is not None:   # newuser44a #3
            said.append(self.unsupported)
        if self.uncredited is not None:   # newuser42a #11
            said.append(self.uncredited)
        if self.mojibake is not None:   # newuser44d #4
            said.append(self.mojibake)
        return said

    def steps_json(self) -> dict[str, Any]:
        """The rest of `to_json`: what the steps after the scan found."""
        return {
            "resolutions": _json_list(self.resolutions), "posts": self._posts_json(),
            "credited_images": _json_list(self.credited_images), "archives": _json_list(self.archives),
            "identifications": _json_list(self.identifications), "same_posts": self._same_posts_json(),
            "unavailable": self.unavailable,
        }

    def _posts_json(self) -> list[dict[str, Any]] | None:
        """Each post fetched for an embed, with `embed_shows`: whether it is the post the embed shows (`post_of_embed`,
        as the reports and `same_posts` read it), not one a link of it leads to (a quoted post, a re-used photo's
        original). newuser35c #5: a flattened post and a photo link both gave the post, nothing telling them apart,
        while `same_posts` (rightly: the post's id was minted days before the flattened post's date) said nothing."""
        if self.posts is None:
            return None
        return [found.to_json() | {"embed_shows": post_of_embed(self, found.embed) is found.value}
                for found in self.posts]

    def _same_posts_json(self) -> list[dict[str, int]] | None:
        """Each embed that names no post of its own but leads to one another embed shows, and that embed (indexes
        into `embeds`, as `resolutions` and `posts` give them); None when no link was followed (not known)."""
        if self.resolutions is None and self.posts is None:
            return None
        return [{"embed": i, "same_post_as": j} for i, j in sorted(same_posts(self).items())]


_RESULT_FIELDS = frozenset(f.name for f in fields(ArticleResult))


def _json_list(results: Iterable[StepResult] | None) -> list[dict[str, Any]] | None:
    return None if results is None else [r.to_json() for r in results]


@lazy_dataclass(frozen=True)
class Failure:
    """An input that could not be processed, and why. `named`: the user named it, rather than a folder walk found
    it. `kind`: "input" when the input itself cannot be used (missing, binary, not an article), "encoding" for an
    article the --encoding given cannot decode, "unavailable" when offline and it was never fetched, "empty" for a
    file or record with nothing in it (skipped, named or not), else the name of what went wrong inside (a bug).
    `stage`: the step it failed in. Kind "timeout": the article's extraction ran past its time budget; "unmatched": a
    folder none of whose files --glob matched (a warning, no file skipped)."""

    source: str
    message: str
    named: bool = True
    kind: str = "input"
    stage: str = "read"
    # an internal error's traceback, which the CLI prints under its line with EMBED_RESOLVER_DEBUG=1 (newuser37 #4:
    # only the message was kept, and nothing said where a per-article "internal error: KeyError" came from)
    traceback: str | None = field(default=None, compare=False, repr=False)
    # the files it stands for: a folder's one line of what a walk left out as no article counts them all (fixnu37a
    # counted "1 skipped" for a saved page's folder of 40 files)
    files: int = 1

    @property
    def warning(self) -> bool:
        """A file a folder walk found that is no article (binary, unreadable, a broken link) is skipped with a
        warning; anything else that goes wrong is an error (an article the --encoding given cannot decode too), and
        the run's exit code says so."""
        return self.kind == "empty" or (not self.named and self.kind in ("input", "unmatched"))
        # kind "permission" (a file or folder the user may not read) is an error, found by a walk too: an article
        # lost, not a file that is none (newuser39b #2: a cron backfill said it succeeded)

    @property
    def line(self) -> str:
        """The one line a run prints for it: a warning when the input is skipped, else an error. A control
        character in it (a URL's line break) is escaped: the line stays one (#2)."""
        from resolver.report import escaped_controls

        if self.kind == "empty":
            return escaped_controls(f"warning: skipped {self.message}")
        return escaped_controls(f"warning: {self.message}; skipped" if self.warning else f"error: {self.message}")

    @property
    def skipped(self) -> bool:
        """A file that is no article (binary, empty, found by a folder walk), skipped with a warning: the CLI prints
        no JSON line for it, and counts it apart from the inputs that failed (newuser34b #3)."""
        return self.warning

    def to_json(self) -> dict[str, Any]:
        """What a JSON Lines run prints for it (an input that failed gives no article, #11): its source, and its
        error as a step's error is written, "<kind>: <message>"; and `"skipped": true` for a file skipped as no
        article (a warning: `scan --json` prints no line for one), not an input that failed (newuser34b #3)."""
        said = {"source": self.source, "error": f"{self.kind}: {self.message}"}
        return {**said, "skipped": True} if self.skipped else said


Outcome = ArticleResult | Failure


def left_out_line(source: str, url: str, why: str, *, redactor: Any) -> str:
    """What `-v` prints of a WARC record that is no page (a 404, an image), as both engines say it."""
    return f"left out {source} ({redactor.url(url) if url else 'no WARC-Target-URI'}): {why}"


@dataclass(frozen=True)
class Steps:
    """What to do after scanning. A step brings the ones it needs: fetch resolves links, archive fetches posts,
    and fetching identifies flattened tweets that kept no link (#9: in every run, not only with --identify)."""

    resolve: bool = False
    fetch: bool = False
    archive: ArchiveOptions | None = None
    identify: bool = False
    fetch_options: FetchOptions = field(default=FetchOptions(), compare=False)   # how posts are fetched

    @property
    def fetches(self) -> bool:
        return self.fetch or self.archive is not None

    @property
    def identifies(self) -> bool:
        return self.identify or self.fetches

    @property
    def resolves(self) -> bool:
        return self.resolve or self.fetches

    @property
    def network(self) -> bool:
        """Whether any step after the scan runs (each may ask the network or the cache's answers)."""
        return self.resolves or self.identifies or self.archive is not None

    def describe(self) -> str:
        """The steps as a stable name ("scan+resolve+fetch+identify"): with the command, what resume records work
        under, so a run asking for more than an earlier one does that work."""
        names = ["scan"] + [n for n, on in (("resolve", self.resolves), ("fetch", self.fetches),
                                             ("identify", self.identifies)) if on]
        if self.archive is not None:
            options = self.archive
            names.append(f"archive(save={options.save},max_age={options.max_age_days:g},near={options.near},"
                         f"live={options.live_copy})")
        return "+".join(names)


# What a provenance report needs: posts fetched (links resolved first) and archive lookups, no save, no live copy.
REPORT_STEPS = Steps(fetch=True, archive=ArchiveOptions(live_copy=False))
# `report --no-archive`: no archive asked, not even for a gone post's captures (newuser42a #2)
REPORT_STEPS_NO_ARCHIVE = Steps(fetch=True, fetch_options=FetchOptions(archived=False))


# -- the run -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RunOptions:
    """How a run reads and paces its inputs. `workers`: extraction processes (1: in this process); `window`:
    articles in flight at once between extraction and network work (None: enough to keep both busy); `job`: the
    name finished items are recorded under (resume), None to record nothing; `resume`: skip the items already
    finished under that name; `output`: the file the run owns (scan --output), its lines written in the
    transactions that mark their items finished; `stdin`: the standard input the run reads, if it does (when it
    has nothing more yet, what was read is handed on before the run waits for more); `texts`: False for a run
    that never reads its articles' pages (a scan records and prints what was found): their bytes and text stay
    where they were read and scanned, and asking an outcome's article for them is an error (#14: receiving each
    page from a worker was most of what an article cost the main process); `stop`: asked between articles, and
    every STOP_POLL seconds while articles are in flight: once it says yes, no more input is read and the articles
    in flight are abandoned (not marked finished); what was finished is committed and the run returns (a shard on
    a cluster the client stopped, #13); `json_lines`: the outcomes are only printed, as `output.json_line` makes a
    line of their JSON (scan --json): an article the cache answers is then answered by its memo when one holds, and
    an outcome may be a `memo.LineResult` (#13); `run`: this run's id, recorded with each item it marks finished
    (so it can forget what it finished itself, and only that)."""

    workers: int = 1
    window: int | None = None
    kind: str | None = None            # "html" | "text"; None: from the input, else sniffed
    encoding: str | None = None        # None: declared or detected
    job: str | None = None
    resume: bool = True
    output: OutputFile | None = None
    stdin: IO[bytes] | StdinLines | None = None
    texts: bool = True
    stop: Callable[[], bool] | None = None
    json_lines: bool = False
    run: str | None = None

    def __post_init__(self) -> None:
        # Checked here, naming the field: "2", None or 2.5 failed deep in the run, and 0 or -1 were taken
        # (newuser31b #12).
        _count("workers", self.workers, optional=False)
        _count("window", self.window, optional=True)

    def window_size(self, session: Session) -> int:
        # Enough articles for every worker to have the next one ready, and for the network limit to be used.
        return self.window or max(4 * self.workers, session.settings.concurrency)


def _count(name: str, value: object, *, optional: bool) -> None:
    """A RunOptions count: an int of at least 1 (or None, when `optional`), else TypeError or ValueError naming it."""
    if value is None and optional:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        expected = "an int or None" if optional else "an int"
        raise TypeError(f"RunOptions {name}: expected {expected}, not {type(value).__name__} ({value!r})")
    if value < 1:
        raise ValueError(f"RunOptions {name}: must be at least 1, not {value}")


@dataclass
class Summary:
    """What a run did, counted as outcomes come in: for the exit code, the progress bar and a final line."""

    articles: int = 0
    failed: int = 0           # inputs that could not be processed (errors; the exit code says so)
    skipped: int = 0          # files a folder walk found that are no article (warnings)
    unmatched: int = 0        # folders none of whose files --glob matched (warnings; no file of theirs is counted)
    steps_failed: int = 0     # articles a step failed for (a link, a post, an archive lookup...)
    unavailable: int = 0      # inputs with something not in the cache, offline
    embeds: int = 0
    credits: int = 0
    resumed: int = 0          # inputs an earlier, interrupted run had finished: not read again
    repeated: int = 0         # files this run had taken already by another path (a link, a file named twice)
    truncated: int = 0        # articles whose WARC record the crawler cut short (scanned: embeds may be missing)
    changed: int = 0          # articles whose source held another version when last scanned (an edited page)
    left_out: dict[str, int] = field(default_factory=dict)   # WARC records that are no page, by kind ("HTTP 404")
    # files a folder walk found that the tool wrote (its cache, a summary JSON, a --json output, a WARC; or this run's
    # output), by what they are (own_files): never read as articles (fix47c #13: a summary JSON was one)
    own_files: dict[str, int] = field(default_factory=dict)
    links_not_followed: int = 0   # t.co links in the articles' text that no embed carries (newuser35c #3)
    credit_language_not_read: int = 0   # articles in a language whose credit words are not read (credits37)
    links_gone: int = 0       # links an embed carries that ended at a page that is gone (scan --fail-on-gone)
    # the posts, videos and photos of services no step reads, by service ("Tumblr", "Storify", "podcast episodes"), as
    # each article's `posts-not-supported` and `podcasts-not-supported` notes count them; `closed`: those of closed
    # services (Storify, Vine, Google+). Not embeds, so counted apart: the run's totals add up (fixleft46b)
    not_read: dict[str, int] = field(default_factory=dict)
    closed: int = 0
    # Articles (counted in `articles`) whose bytes an earlier input of this run gave (the same article, recorded once),
    # and their embeds and credits (counted in `embeds`, `credits`): newuser46b #2
    same_bytes: int = 0
    same_bytes_embeds: int = 0
    same_bytes_credits: int = 0
    not_files: int = 0        # articles read from no file (a URL, a record, stdin): the summary says "inputs"
    # The links the embeds carry, followed (`--resolve`), by how each ended (`link_outcome`: "page", "gone",
    # "refused", "not_cached", "error:<kind>"), and those the cache answered; the posts looked up (`--fetch`), by
    # status ("not_cached": offline, never fetched), and those with an archived copy; the links a 5xx or a timeout failed in an earlier run, asked again
    # (newuser46b #3, #5: the summary counted articles only, and said neither)
    links: dict[str, int] = field(default_factory=dict)
    links_from_cache: int = 0
    posts: dict[str, int] = field(default_factory=dict)
    posts_archived: int = 0
    links_asked_again: int = 0

    def __post_init__(self) -> None:
        # The first source of each article (by id, else sha256) the job handed on, and whether this run did: not a
        # field (a shard's counts are added, not its articles). ~150 bytes an article.
        self._firsts: dict[int | str, tuple[str, bool]] = {}
        # The source of each first an earlier run finished -> its article: one read again this run (edited since,
        # another key) no longer holds those bytes, and is no copy's first (review46i)
        self._seeded: dict[str, int | str] = {}

    def seed_firsts(self, rows: Iterable[tuple[int, str]]) -> None:
        """The articles an earlier, interrupted run of the job finished (article id, source): a later input with the
        same bytes is said to be the same as theirs, as in a run that was never interrupted."""
        for article_id, source in rows:
            if self._firsts.setdefault(article_id, (source, False)) == (source, False):
                self._seeded[source] = article_id

    def same_bytes_of(self, outcome: Outcome) -> Outcome:
        """The outcome, marked (`same_bytes_as`) when an earlier input of the job gave the same bytes. Idempotent."""
        if self._seeded:   # a source an earlier run finished, read again: its old bytes are no longer its
            stale = self._seeded.pop(outcome.article.source if isinstance(outcome, ArticleResult) else outcome.source,
                                     None)
            if stale is not None and (not isinstance(outcome, ArticleResult) or outcome.article_id != stale) \
                    and self._firsts.get(stale, ("", True))[1] is False:
                del self._firsts[stale]
        if not isinstance(outcome, ArticleResult):
            return outcome
        key: int | str = outcome.article_id if outcome.article_id is not None else outcome.article.sha256
        source = outcome.article.source
        first, handed = self._firsts.setdefault(key, (source, True))
        if not handed and first != source and first in self._seeded and not still_there(first):
            # the earlier run's first is gone since (deleted, moved) and not read again: this copy, which is there, is
            # the article now, and the copies after it name it (fix47c #5: they named a file no longer there)
            del self._seeded[first]
            self._firsts[key] = (source, True)
            return outcome if outcome.same_bytes_as is None else self._marked(outcome, None)
        if first == source or outcome.same_bytes_as == first:
            return outcome
        return self._marked(outcome, first)

    @staticmethod
    def _marked(outcome: ArticleResult, first: str | None) -> ArticleResult:
        new = object.__new__(type(outcome))   # a memo's LineResult too, which has no `replaced`
        new.__dict__.update(outcome.__dict__, same_bytes_as=first)
        return new

    def _count_steps(self, outcome: ArticleResult) -> None:
        """Its links by how they ended and its posts by status; a memo's line (`LineResult`) holds them as JSON."""
        if not isinstance(outcome, ArticleResult) or outcome.__dict__.get("line") is None:
            links = [(r.value.error, r.value.gone, r.value.from_cache, r.value.unavailable)
                     for r in outcome.resolutions or ()]
            posts = [("not_cached" if p.value.unavailable else p.value.record.status, bool(p.value.archived))
                     for p in outcome.posts or ()]
        else:
            import json

            data = json.loads(outcome.__dict__["line"])
            links = [(r["error"], r["gone"], r["from_cache"], False) for r in data.get("resolutions") or ()]
            posts = [(p["status"], bool(p.get("archived"))) for p in data.get("posts") or ()]
        for error, gone, from_cache, unavailable in links:
            kind = link_outcome(error, gone=gone, unavailable=unavailable)
            self.links[kind] = self.links.get(kind, 0) + 1
            self.links_from_cache += bool(from_cache)
        for status, archived in posts:
            self.posts[status] = self.posts.get(status, 0) + 1
            self.posts_archived += archived

    def add(self, other: Mapping[str, Any]) -> None:
        """Add another run's counts (a shard's, as `asdict` gives them) to these."""
        for name in (f.name for f in fields(self)):
            mine = getattr(self, name)
            if isinstance(mine, dict):
                for kind, count in other.get(name, {}).items():   # a shard of an older version lacks a newer one
                    mine[kind] = mine.get(kind, 0) + count
            else:
                setattr(self, name, mine + other[name])

    def count(self, outcome: Outcome) -> None:
        if isinstance(outcome, Failure):
            if outcome.kind == "unavailable":
                self.unavailable += 1
            elif outcome.kind == "unmatched":
                self.unmatched += 1
            elif outcome.warning:
                self.skipped += outcome.files
            else:
                self.failed += 1
            return
        self.articles += 1
        self.truncated += outcome.truncated is not None
        self.changed += outcome.replaces is not None
        self.unavailable += outcome.unavailable
        self.steps_failed += outcome.failed
        self.embeds += len(outcome.embeds)
        self.credits += len(outcome.credits)
        self.links_not_followed += outcome.unfollowed.count if outcome.unfollowed is not None else 0
        self.credit_language_not_read += outcome.unread_language is not None
        self.links_gone += outcome.links_gone
        for service, count in not_read_of(outcome.unsupported, outcome.podcasts).items():
            self.not_read[service] = self.not_read.get(service, 0) + count
        self.closed += closed_of(outcome.unsupported)
        self.not_files += outcome.place is None or "://" in outcome.place
        self._count_steps(outcome)
        if outcome.same_bytes_as is not None and self._firsts.get(
                outcome.article_id if outcome.article_id is not None else outcome.article.sha256, ("", False))[1]:
            self.same_bytes += 1   # its twin was handed on by this run (one an earlier run did is the job's)
            self.same_bytes_embeds += len(outcome.embeds)
            self.same_bytes_credits += len(outcome.credits)


# What ends a record's source after its container's name: a JSON Lines line ("feed.jsonl:12"), a WARC record's offset
# or an archive's part ("crawl.warc.gz#4096").
RECORD_PLACE = LazyPattern(r"(?::\d+|#[^/#]*)\Z")


def still_there(source: str) -> bool:
    """Whether what an earlier run read an article from is still there: its file, or the JSON Lines or WARC file
    holding its record. A URL or stdin is taken to be (nothing to look at)."""
    if source == "-" or "://" in source or os.path.lexists(source):
        return True
    container = RECORD_PLACE.sub("", source)
    return container != source and os.path.lexists(container)


def link_outcome(error: str | None, *, gone: bool, unavailable: bool = False) -> str:
    """How a followed link ended, as a run's summary counts it: "page" (a page or a post was reached), "gone"
    (404, 410), "refused" (`[origins] only_configured`), "not_cached" (offline), or "error:<kind>" ("error:http-500")."""
    if error is None:
        return "gone" if gone else "page"
    kind = error.partition(": ")[0]
    if unavailable or kind == "not_cached":
        return "not_cached"
    from resolver.errors import refused_by_config

    return "refused" if refused_by_config(error) else f"error:{kind}"


PODCAST_EPISODES = "podcast episodes"   # how the counts name the podcasts note's episodes


def not_read_of(unsupported: Mapping[str, Any] | None, podcasts: Mapping[str, Any] | None) -> dict[str, int]:
    """The posts, videos and photos of services no step reads that an article's notes count (`posts-not-supported`'s
    `services`, `podcasts-not-supported`'s `count`), by service: what a run's summary and a report's add up."""
    counts = dict(unsupported["services"]) if unsupported else {}
    if podcasts and podcasts.get("count"):
        counts[PODCAST_EPISODES] = podcasts["count"]
    return counts


def closed_of(unsupported: Mapping[str, Any] | None) -> int:
    """How many of those are of closed services (Storify, Vine, Google+: the note's `closed` list)."""
    return sum(unsupported["services"][s] for s in unsupported.get("closed") or ()) if unsupported else 0


def run(items: Iterable[Item], *, session: Session, steps: Steps = Steps(),
        emit: Callable[[Outcome], None] | None = None, options: RunOptions = RunOptions(),
        summary: Summary | None = None) -> Summary:
    """Process every input in one session (one event loop, one client, one set of budgets), handing each outcome
    to `emit` in input order. Inputs are read as their turn comes, so an iterator of any length is fine.
    `summary`, when given, is counted into as the run goes (it holds what was done if the run is interrupted).
    A run needs no event loop as long as the cache answers its steps (a warm run, #14) or it has none: it runs in
    this thread (`scan_here`), until an article named by its URL or one whose steps need the network hands the
    rest of the run to the loop. A session runs one job at a time: while it runs one, another is refused at once
    (`errors.SessionBusy`, newuser43b #2)."""
    _refuse_no_items(items)
    summary = summary if summary is not None else Summary()
    if options.stop is not None:
        items = _until(options.stop, items)
    rest: Iterable[Item] | None = items
    say_budget_not_kept(session.settings.article_budget, off_loop=steps.network and loop_running())
    with session.one_job(), budget_alarm():   # a session busy with another job refuses at once (SessionBusy)
        try:
            if not steps.network or (steps.archive is None and session.store is not None and not session.refresh):
                rest = scan_here(items, session=session, emit=emit, options=options, summary=summary, steps=steps)
            if rest is not None:
                left = rest
                session.run_in_job(lambda s: drive(left, session=s, steps=steps, emit=emit, options=options,
                                                   summary=summary))
        except NotCached as stray:   # a BaseException of ours, meant for steps_here only: never the caller's
            raise RuntimeError(f"internal error: a step asked the network while told not to ({stray})") from stray
    return summary


def _refuse_no_items(items: object) -> None:
    """A TypeError saying what `run` takes, for what is plainly not that (a str was read a character at a time, an
    InputSpec was "not iterable": newuser30 #6). A sequence's first entry is looked at; an iterator is not read."""
    first = items[0] if isinstance(items, Sequence) and not isinstance(items, (str, bytes)) and items else None
    if (isinstance(items, (str, bytes, InputSpec)) or not isinstance(items, Iterable)
            or first is not None and not isinstance(first, Item)):
        wrong = type(first if first is not None else items).__name__
        raise TypeError(f"items must be an iterable of inputs.Item (iter_items(InputSpec(...)) makes them), not {wrong}")


def _until(stop: Callable[[], bool], items: Iterable[Item]) -> Iterator[Item]:
    """The items, until `stop()` says yes: asked before each is read, so none is read for nothing."""
    iterator = iter(items)
    while not stop():
        item = next(iterator, None)
        if item is None:
            return
        yield item


STOP_POLL = 0.1   # seconds between two looks at RunOptions.stop while articles are in flight


async def _stop_when(stop: Callable[[], bool], task: Any) -> None:
    """Cancel the run's task once `stop()` says yes: an article waiting on a host that does not answer ends too."""
    import asyncio

    while not stop():
        await asyncio.sleep(STOP_POLL)
    task.cancel()


def items_of(spec: InputSpec, *, session: Session, options: RunOptions, summary: Summary | None = None,
             stdin: IO[bytes] | StdinLines | None = None, passed_over: PassedOver | None = None,
             census: Census | None = None) -> Iterator[Item]:
    """The inputs a spec names, less those an earlier run of the same job finished (counted in `summary`), which
    are not even read. WARC records that are no page are counted in `summary` by kind, and given to `passed_over`.
    `census`: how many inputs there are, when cheap to know (inputs.Census)."""
    store = session.store
    spec = replace(spec, max_bytes=session.settings.max_article_bytes)

    def repeated() -> None:
        if summary is not None:
            summary.repeated += 1

    def left_out(source: str, url: str, kind: str, why: str) -> None:
        if summary is not None:
            summary.left_out[kind] = summary.left_out.get(kind, 0) + 1
        if passed_over is not None:
            passed_over(source, url, kind, why)

    def own(_path: str, what: str) -> None:
        if summary is not None:
            summary.own_files[what] = summary.own_files.get(what, 0) + 1
    if store is not None and str(store.path) != ":memory:":   # the cache this run writes, which a walk found and read
        cache = os.path.realpath(store.path)
        spec = replace(spec, leave_out=(*spec.leave_out, cache, *(cache + end for end in own_files.SIDE_ENDS)))
    keys = ProgressKeys(session.redactor)
    if store is None or options.job is None or not options.resume or not store.finished_any(options.job):
        # Nothing an earlier run finished: no lookup per item (#14: one query an article on a fresh run).
        return _kept_as(iter_items(spec, stdin=stdin, repeated=repeated, passed_over=left_out, met=keys,
                                   census=census, own=own), keys)
    job = options.job
    if summary is not None:   # their twins read now are said to be the same article (newuser46b #2)
        summary.seed_firsts(store.job_articles(job))
    met: Callable[[str], object] = keys
    if options.output is not None:
        seen = options.output.met = set()

        def met(key: str) -> None:
            seen.add(keys(key))

    def done(key: str) -> bool:
        finished = store.is_done(job, keys(key)) or _same_bytes_done(store, job, key, output=options.output)
        if finished and summary is not None:
            summary.resumed += 1
        return finished
    items = _kept_as(iter_items(spec, skip=done, stdin=stdin, repeated=repeated, passed_over=left_out, met=met,
                                census=census, own=own), keys)
    return items if options.output is None else _gone_once_read(_stale_records(items, store, job, options.output),
                                                                store, job, options.output)


def _gone_once_read(items: Iterator[Item], store: Store, job: str, output: OutputFile) -> Iterator[Item]:
    """The items; once the last was read, every key of the input was met (`iter_items`' `met`), the sources gone
    from it are known, and their lines leave FILE at the next commit (`OutputFile.take_out_soon`), not only at the
    run's normal end (a run killed after that kept them; CLOSING-stop36 "Batch runs"). A run stopped before the
    end of its input (Ctrl-C, a kill) has not met every key: it takes nothing out."""
    yield from items
    if output.met is not None and (gone := sources_gone(store, job, output.met)):
        with store.write():
            output.take_out_soon(gone)


def sources_gone(store: Store, job: str, met: set[str]) -> set[str]:
    """The sources whose lines an interrupted run of the job wrote that the input of the run now ending no longer
    holds: a record past a feed's new end, a file deleted (outfile36: their lines stayed in --output FILE). An
    item is held when its progress key was met (`met`: every key the run's input gave), or, for a file (key
    `path|size|mtime`), when its path was met under another key (touched since: `_same_bytes_done`); a source
    met under another key (an edited record, a WARC record made again) is held too."""
    held_paths = {parts[0] for key in met if len(parts := key.rsplit("|", 2)) == 3
                  and parts[1].isdigit() and parts[2].isdigit()}
    gone, kept = set(), set()
    for key, source in store.progress_sources(job):
        if key in met:
            kept.add(source)
            continue
        parts = key.rsplit("|", 2)
        if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit() and parts[0] in held_paths:
            kept.add(source)
        elif source is not None:
            gone.add(source)
    return gone - kept


def _stale_records(items: Iterator[Item], store: Store, job: str, output: OutputFile) -> Iterator[Item]:
    """A feed's records to be scanned whose source (`feed.jsonl:N`, the record at line N now) the interrupted run
    finished under another key (the record edited, or moved by an edit of one before it): their lines replace the
    ones it wrote (outfile35, #13: appended, FILE held both). A file's stale version is found by its bytes
    (`_same_bytes_done`); a WARC record's key is its offset, and a WARC is written by appending (a new capture is a
    new record, a new line)."""
    for item in items:
        if (item.line is not None or item.record_id is not None) and item.key is not None \
                and store.finished_as(job, printable(item.source)):
            output.replacing.add(printable(item.source))
        yield item


class ProgressKeys:
    """The keys a run's items' progress rows are kept under: an item's key as made, or, where redaction would change
    it (an article URL carrying a secret or a secret parameter, #11), "redacted:" and its redacted form. Nothing made
    from the secret reaches the database: before (secrets28), such a key was kept as a sha256 of the key, secret and
    all, and anyone holding the database could check a guessed token against it.
    The same input gives the same key, so resume finds it. Two keys differing only in what redaction removes (the
    same article asked with two tokens, or two signed links to it) would have one redacted form: they are kept
    apart by their order among the inputs, the second "redacted#2:…", the third "redacted#3:…" (the number before
    the first colon, where no URL holds one: a URL's own fragment "#2" made another's second, review28c #8). Every
    key is met in the input's order, those of other shards too (`iter_items`' `met`), so each shard of a run, and
    a run with another number of shards, numbers an input as a run of one does: numbered per process, two shards
    recording under one job gave two inputs one key, and a rerun skipped the one not finished. The same command
    run again meets them in the same order, so each resumes as itself; given in another order, they may trade
    rows, which is why no digest could do better: any key telling them apart without their order would be made
    from the secret."""

    def __init__(self, redactor: Redactor) -> None:
        self.redactor = redactor
        self.made: dict[str, str] = {}         # an item's key -> its progress key, for the keys redaction changes
        self.redacted: dict[str, int] = {}     # a redacted form -> how many keys the run met with it

    def __call__(self, key: str) -> str:
        made = self.made.get(key)
        if made is not None:
            return made
        redacted = self.redactor.text(key)
        if redacted == key:
            return key
        count = self.redacted[redacted] = self.redacted.get(redacted, 0) + 1
        made = self.made[key] = (f"redacted#{count}:" if count > 1 else "redacted:") + redacted
        return made


def _kept_as(items: Iterator[Item], keys: ProgressKeys) -> Iterator[Item]:
    """Items whose key carries a secret, with the key their progress row is kept under and their source redacted
    (review27a #1: `progress.key` and `progress.source` held an article URL's token after a stopped run)."""
    for item in items:
        if item.key is None or (key := keys(item.key)) == item.key:
            yield item
        else:
            yield replace(item, key=key, source=keys.redactor.text(item.source),
                          place=keys.redactor.text(item.place) if item.place else None)


def _same_bytes_done(store: Store, job: str, key: str, *, output: OutputFile | None = None) -> bool:
    """A file the interrupted run finished whose time changed since, not its bytes (a copy that resets times:
    rsync without -t, a checkout): done. It was scanned again, and --output FILE held it twice. A file's key is
    `path|size|mtime`; only a file the job finished under its path is read here, to hash it. One whose bytes
    changed (an edit) is done again, and its lines in `output` replace those of the version the interrupted run
    read (newuser34b #2: FILE held both, the stale one first)."""
    import hashlib

    parts = key.rsplit("|", 2)   # a path may hold "|" itself
    if len(parts) != 3 or not (parts[1].isdigit() and parts[2].isdigit()):
        return False   # not a file's key
    path = parts[0]
    known = store.done_articles_under(job, path + "|")
    if not known:
        return False
    try:
        with open(path, "rb") as handle:
            same = hashlib.file_digest(handle, "sha256").hexdigest() in known
    except OSError:
        return False
    if not same and output is not None:
        output.replacing.update(known.values())
    return same


async def drive(items: Iterable[Item], *, session: Session, steps: Steps,
                emit: Callable[[Outcome], None] | None, options: RunOptions = RunOptions(),
                summary: Summary | None = None) -> Summary:
    """The async driver: inputs in, outcomes out in input order. Extraction runs in `options.workers` processes;
    each article's network work starts in this loop as soon as its extraction is done; at most a window of
    articles is in flight, so memory stays flat however long the input. Each finished item is recorded under
    `options.job`: an interrupted run, run again, starts where this one stopped (see `Finish`)."""
    import asyncio

    summary = summary if summary is not None else Summary()
    task = asyncio.current_task()
    watch = asyncio.create_task(_stop_when(options.stop, task)) if options.stop is not None else None
    try:
        return await _drive(items, session=session, steps=steps, emit=emit, options=options, summary=summary)
    except asyncio.CancelledError:
        if watch is None or not watch.done() or task is None:
            raise
        task.uncancel()   # stopped (`options.stop`): what was finished is committed; the run ends here
        return summary
    finally:
        if watch is not None:
            watch.cancel()


async def _drive(items: Iterable[Item], *, session: Session, steps: Steps,
                 emit: Callable[[Outcome], None] | None, options: RunOptions, summary: Summary) -> Summary:
    finish = Finish(session, options, summary, emit, steps=steps)
    if options.json_lines and steps.network:   # a plain scan has no steps to keep memos of
        from resolver import memo
    with Extractor(options.workers, kind=options.kind, encoding=options.encoding,
                   budget=session.settings.article_budget, texts=options.texts) as extractor:
        async def work(item: Item) -> tuple[Item, Outcome]:
            outcome = await process_item(item, session=session, steps=steps, extractor=extractor,
                                         record=finish.chunk is None)
            if options.json_lines and steps.network and isinstance(outcome, ArticleResult):
                memo.remember(item, outcome, session=session, steps=steps)
            return item, outcome

        ready = (lambda: _more_ready(options.stdin, 0)) if options.stdin is not None else None
        arrived = None
        stdin = options.stdin
        if isinstance(stdin, StdinLines):   # its reading thread says when a line is there
            import asyncio

            arrived = asyncio.Event()
            loop, event = asyncio.get_running_loop(), arrived

            def wake() -> None:
                loop.call_soon_threadsafe(event.set)
            stdin.on_change(wake)
        try:
            async with aclosing(ordered_map(items, work, window=options.window_size(session), more_ready=ready,
                                            arrived=arrived)) as outcomes:
                with finish:
                    async for item, outcome in outcomes:
                        finish(item, outcome)
        finally:
            if isinstance(stdin, StdinLines):
                stdin.on_change(None)
    return summary


def scan_here(items: Iterable[Item], *, session: Session, emit: Callable[[Outcome], None] | None,
              options: RunOptions = RunOptions(), summary: Summary | None = None,
              steps: Steps = Steps()) -> Iterator[Item] | None:
    """A run in this thread, with no event loop (a one-file scan does not load asyncio, nor a warm run, #14): no
    network step, or steps the cache answers (`steps_here`). Extraction runs here or in `options.workers`
    processes, a window of articles ahead; outcomes are handed on in input order. Returns None when every input
    was done, or the inputs from the first that needs the event loop on (an article named by its URL, fetched
    through the session's client, or one whose steps need the network), for the caller to go on in the loop."""
    summary = summary if summary is not None else Summary()
    ctrl_c = CtrlC()
    finish = Finish(session, options, summary, emit, steps=steps, here=True, ctrl_c=ctrl_c)
    iterator = iter(items)
    # Two groups a worker in flight; and for a run that keeps no page, a batch's worth more: while the batch or
    # chunk commits (its articles every Chunk.ARTICLES), the workers go on rather than wait with a full window. Not
    # while the waiting items hold more than Chunk.BYTES of pages read already (WARC records, JSON Lines lines):
    # memory stays flat however large the records.
    window = options.window or 2 * options.workers * Extractor.GROUP
    ahead = 0 if options.window or options.texts else Chunk.ARTICLES
    held = [0]   # bytes of the pages the waiting items hold

    def full(waiting: deque[tuple[Item, Pending[Extracted] | None]]) -> bool:
        return len(waiting) > window + (ahead if held[0] <= Chunk.BYTES else 0)
    if options.json_lines and steps.network:   # a plain scan has no steps to keep memos of
        from resolver import memo
    with Extractor(options.workers, kind=options.kind, encoding=options.encoding,
                   budget=session.settings.article_budget, texts=options.texts) as extractor:
        waiting: deque[tuple[Item, Pending[Extracted] | None]] = deque()

        def settled() -> bool:
            """Hand on the oldest waiting article; False, leaving it waiting, when it needs the event loop."""
            item, pending = waiting[0]
            if pending is not None and not pending.done():
                finish.wait(pending)
            with ExitStack() as hold, finish.article():
                outcome = _scanned(item, pending, extractor, session=session, record=finish.chunk is None)
                if steps.network and isinstance(outcome, ArticleResult):
                    answered = memo.answer(item, outcome, session=session, steps=steps) if options.json_lines \
                        else steps_here(item, outcome, session=session, steps=steps)
                    if answered is None:
                        return False
                    outcome = answered
                held[0] -= _held(waiting.popleft()[0])
                # Held until the article's savepoint is released too: a Ctrl-C that undid the article's rows
                # after it was handed on would have it marked finished without them.
                hold.enter_context(ctrl_c.held())
                finish(item, outcome)
            return True

        def rest(*more: Iterable[Item]) -> Iterator[Item]:
            return itertools.chain([item for item, _ in waiting], *more)
        # The collector walked what a chunk keeps (its articles' rows and JSON) every 700 allocations: 9 us an
        # article outside extraction, 14-19 with it (#14); the event loop's runs collect as rarely.
        with fewer_collections(), ctrl_c.installed(), finish:
            for item in iterator:
                if item.remote:
                    while waiting:
                        if not settled():
                            break
                    return rest([item], iterator)
                # Items of standard input (no key) are not held back to fill a group: more may be slow to come.
                grouped = item.key is not None
                waiting.append((item, extractor.submit(item, grouped=grouped) if item.problem is None else None))
                held[0] += _held(item)
                while waiting and (full(waiting) or (waiting[0][1] or _NOTHING).done()):
                    if not settled():
                        return rest(iterator)
                if not grouped and not _more_ready(options.stdin):
                    # Standard input has nothing more yet: what was read is handed on before waiting for more (a
                    # stream fed an article at a time gets each answer before it sends the next).
                    while waiting:
                        if not settled():
                            return rest(iterator)
                    finish.flush(chunk=True)
                # The next input is read (it may be slow to come: standard input) and, with one worker, scanned
                # here (an article may take its whole budget): no batch is held open meanwhile.
                finish.flush()
            extractor.send()
            while waiting:
                if not settled():
                    return rest()
    return None


def _held(item: Item) -> int:
    """The bytes of an item's page it holds in memory until it is handed on (a WARC record, a JSON Lines line)."""
    return len(item.data or b"") + len(item.line or b"")


STDIN_PATIENCE = 0.02   # seconds standard input may take to have more before the run hands on what it read


def _more_ready(stdin: IO[bytes] | StdinLines | None, patience: float = STDIN_PATIENCE) -> bool:
    """Whether more of standard input can be read now or within `patience` seconds (its pipe holds data, or it is a
    file), as far as can be told without reading it; True when it cannot be told (no file descriptor: nothing to
    wait for). The short wait keeps a fast producer's articles flowing to the workers: its pipe runs empty for
    moments as the run reads it. (The event loop does not wait: it checks, and goes on with what is in flight.)"""
    if stdin is None:
        return True
    if isinstance(stdin, StdinLines):   # a whole line is there, not only some bytes of one
        return stdin.ready(patience)
    import select

    try:
        ready, _, _ = select.select([stdin.fileno()], [], [], patience)
    except (AttributeError, OSError, ValueError):   # io.UnsupportedOperation is an OSError and a ValueError
        return True
    return bool(ready)


def steps_here(item: Item, scanned: ArticleResult, *, session: Session, steps: Steps) -> Outcome | None:
    """An article's steps run in this thread from the cache alone (`Session.cache_only`): its outcome, as
    `process_item` would give it, or None where something is not cached (`NotCached`). The article is then run
    again in the event loop; what was written meanwhile (its scan, its links) is written there again the same way,
    which changes nothing."""
    stage = ["scan"]
    coroutine = process_steps(scanned, session=session, steps=steps, stage=stage)
    session.cache_only = True
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    except NotCached:
        return None
    except (CacheError, WorkerCrashed):
        raise
    except Exception as exc:  # noqa: BLE001 - one article's bug must not end a batch of thousands (#11)
        return _failure_of(exc, item, session, stage[-1], scanned.article_id)
    finally:
        session.cache_only = False
    coroutine.close()   # it waited for something after all: the event loop does the article
    return None


class CtrlC:
    """Ctrl-C held back while an outcome is handed on and marked finished (`with ctrl_c.held():`): in the event
    loop it can only land at an await, never between the two, and a run with network steps keeps that outside the
    loop too (a re-run prints nothing twice). One handler for the run, set by `installed()` (in the main thread:
    only it takes signals); a Ctrl-C that comes while held is taken when the hold ends. (One handler, not one
    set and reset per article: that was 2% of a warm run, #13.)"""

    def __init__(self) -> None:
        self.holding = False
        self.pending: tuple[int, Any] | None = None
        self.previous: Any = None
        self.others: dict[int, Any] = {}   # SIGTERM's handler before the run, when it is held too

    @contextmanager
    def installed(self, install: bool = True) -> Iterator[CtrlC]:
        import signal
        import threading

        if not install or threading.current_thread() is not threading.main_thread():
            yield self
            return
        self.previous = signal.signal(signal.SIGINT, self._signalled)
        # SIGTERM too, when the command made it a Ctrl-C (`resolver.__main__`, newuser39b #5): held alike
        terminate = signal.getsignal(signal.SIGTERM)
        if callable(terminate):
            self.others[signal.SIGTERM] = signal.signal(signal.SIGTERM, self._signalled)
        try:
            yield self
        finally:
            signal.signal(signal.SIGINT, self.previous)
            for number, previous in self.others.items():
                signal.signal(number, previous)
            self.previous, self.others = None, {}

    def _signalled(self, number: int, frame: Any) -> None:
        if self.holding:
            self.pending = self.pending or (number, frame)
        else:
            self._deliver(number, frame)

    def _deliver(self, number: int, frame: Any) -> None:
        """What the handler in place before the run would have done: call it; the default action (SIG_DFL: the
        process ends) by that action itself; nothing if the signal was ignored."""
        import os
        import signal

        previous = self.others.get(number, self.previous)
        if callable(previous):
            previous(number, frame)
        elif previous == signal.SIG_DFL:
            signal.signal(number, signal.SIG_DFL)
            os.kill(os.getpid(), number)

    @contextmanager
    def held(self) -> Iterator[None]:
        if self.holding or self.previous is None:   # nested, or not installed
            yield
            return
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
            self._deliver_pending()

    @contextmanager
    def released(self) -> Iterator[None]:
        """Inside `held()`: Ctrl-C taken again while the block runs (one that came meanwhile, at its start). For a
        hand-on that may block (a consumer that stops reading): Ctrl-C must still stop the run there."""
        if not self.holding:
            yield
            return
        self.holding = False
        try:
            self._deliver_pending()
            yield
        finally:
            self.holding = True

    def _deliver_pending(self) -> None:
        if self.pending is not None:
            (number, frame), self.pending = self.pending, None
            self._deliver(number, frame)


class _Nothing:
    def done(self) -> bool:
        return True


_NOTHING = _Nothing()


class Finish:
    """Where a run's outcomes go, in input order: counted, handed on (`emit`), and marked finished under the run's
    job (resume). With no network step and a writable store, through a `Chunk`: articles are recorded in the
    chunk's transaction, with their progress rows. Otherwise each article was recorded as soon as it was scanned
    (its steps need its row): in the event loop it is marked finished after it was handed on; in this thread
    (`here`, the articles whose steps the cache answers), through a `Batch`. Use it as a context manager around the
    loop: at the end, or when the run stops (Ctrl-C, a worker that died), what was finished is committed. In this
    thread each article's work goes in `with finish.article():`, and `finish.flush()` before the run waits."""

    def __init__(self, session: Session, options: RunOptions, summary: Summary,
                 emit: Callable[[Outcome], None] | None, *, steps: Steps = Steps(), here: bool = False,
                 ctrl_c: CtrlC | None = None) -> None:
        self.session, self.options, self.summary, self.emit = session, options, summary, emit
        store = session.store
        writable = store is not None and not store.read_only
        self.chunk = Chunk(store, options.job, summary, emit, output=options.output, run=options.run,
                           ctrl_c=ctrl_c) \
            if store is not None and writable and not steps.network else None
        self.batch = Batch(store, options.job, summary, emit, output=options.output, ctrl_c=ctrl_c or CtrlC(),
                           run=options.run) if store is not None and writable and steps.network and here else None

    def article(self) -> AbstractContextManager[object]:
        """Around one article's work in this thread: in the batch's transaction, if there is one."""
        return self.batch.article() if self.batch is not None else nullcontext()

    def flush(self, *, chunk: bool = False) -> None:
        """Commit the open batch, if any: the run is about to wait for its input. With `chunk`, the open chunk
        too (its results are printed then): the input has nothing more yet."""
        if self.batch is not None:
            self.batch.commit()
        if chunk and self.chunk is not None:
            self.chunk.commit()

    def wait(self, pending: Pending[Extracted]) -> None:
        """Wait for a worker's extraction: the open batch, if any, is committed if it does not come within what
        is left of the batch's time, and no batch is open while the run waits on."""
        if self.batch is not None:
            self.batch.wait(pending)

    def __call__(self, item: Item, outcome: Outcome) -> None:
        if isinstance(outcome, ArticleResult) and outcome.failed:
            record_step_failures(outcome, self.session)
        if self.chunk is not None:
            self.chunk.add(item, outcome)
            return
        if self.batch is not None:
            self.batch.add(item, outcome)
            return
        outcome = self.summary.same_bytes_of(outcome)
        self.summary.count(outcome)
        if self.emit is not None:
            self.emit(outcome)
        _mark_finished(self.session, self.options, item, outcome)

    def __enter__(self) -> Finish:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if isinstance(exc, CacheError):   # a cache that failed cannot take more
            if self.batch is not None:
                self.batch.abandon(exc)
            return
        if self.chunk is not None:
            self.chunk.commit()
        if self.batch is not None:
            self.batch.commit()


def _mark_finished(session: Session, options: RunOptions, item: Item, outcome: Outcome) -> None:
    """Mark an item finished once handed on; with an output file, its lines are written in the same transaction."""
    store, output = session.store, options.output
    if store is None or store.read_only or options.job is None:
        if output is not None:
            output.commit()
        return
    if item.key is None and output is None:
        return
    with store.write():
        if item.key is not None:
            store.mark_done(options.job, [_progress_row(item, outcome)], run=options.run)
        if output is not None:
            output.commit()


def _progress_row(item: Item, outcome: Outcome) -> dict[str, Any]:
    # A file skipped (no article: binary, empty) and one offline never fetched are said as the summary says them, not
    # "failed" (review46i: a resumed run's whole-job line said "1 failed" of a binary file skipped); none is "done",
    # so each is tried again, as a failure is
    said = "done" if not isinstance(outcome, Failure) else "skipped" if outcome.warning else \
        "unavailable" if outcome.kind == "unavailable" else "failed"
    return {"key": item.key, "source": printable(item.source), "outcome": said,
            "article_id": None if isinstance(outcome, Failure) else outcome.article_id,
            "steps_failed": 0 if isinstance(outcome, Failure) else int(outcome.failed)}


class Chunk:
    """Outcomes of a corpus run with no network step, recorded together: one transaction holds a chunk's articles
    and the progress rows that mark its items finished; its outcomes are handed on (printed) inside it, before it
    commits. A kill loses at most the open chunk (whose lines may have been printed), and the same command run
    again redoes exactly that: nothing handed on is ever missing from the store or from the output. A chunk is
    committed after ARTICLES articles, BYTES of input or SECONDS, whichever comes first (#14: one write
    transaction per article was most of a small article's cost). Other writers of the database wait for the
    chunk's hand-on: a consumer that stops reading holds them up. With an output file (scan --output) the chunk's
    lines are written to it in the same transaction, so a re-run cuts off what was not committed (#13)."""

    ARTICLES = 128
    BYTES = 16_000_000      # the chunk holds its articles' bytes until it is committed (their text too, with one worker)
    SECONDS = 1.0

    def __init__(self, store: Store, job: str | None, summary: Summary,
                 emit: Callable[[Outcome], None] | None, *, output: OutputFile | None = None,
                 run: str | None = None, ctrl_c: CtrlC | None = None) -> None:
        self.store, self.job, self.summary, self.emit, self.output = store, job, summary, emit, output
        self.run = run
        self.ctrl_c = ctrl_c or CtrlC()
        self.pending: list[tuple[Item, Outcome]] = []
        self.opened = 0.0
        self.bytes = 0

    def add(self, item: Item, outcome: Outcome) -> None:
        if not self.pending:
            self.opened = time.monotonic()
        self.pending.append((item, outcome))
        if isinstance(outcome, ArticleResult):
            self.bytes += outcome.article.size
        if len(self.pending) >= self.ARTICLES or self.bytes >= self.BYTES \
                or time.monotonic() - self.opened >= self.SECONDS:
            self.commit()

    def commit(self) -> None:
        """Record the pending articles, count and hand them on, and mark them finished: one transaction. An
        outcome whose hand-on fails (the consumer stopped the run, Ctrl-C) is not marked finished, nor any after
        it. Ctrl-C is held from the first hand-on to the COMMIT, but for the hand-ons themselves (a write to a
        consumer that stopped reading must still be stopped): one that came after a chunk's lines were printed
        rolled the chunk back, and the re-run printed them again (newuser31b, #13). Counted once handed on: the
        summary ("interrupted: scanned N") says what was committed."""
        if not self.pending:
            return
        pending, self.pending, self.bytes = self.pending, [], 0
        with self.ctrl_c.held(), self.store.write():
            articles = [o for _, o in pending if isinstance(o, ArticleResult)]
            try:
                with self.store.write():   # a savepoint, undone if a hand-on stops the run before the last article
                    finished, stopped = self._hand_on(pending, record_results(self.store, articles))
                    handed = sum(isinstance(o, ArticleResult) for o in finished)
                    if stopped is not None and handed < len(articles):
                        raise _Unprinted(stopped)
            except _Unprinted:
                _record_printed(self.store, articles, handed)
            if self.job is not None:
                rows = [_progress_row(item, o) for item, o in zip((i for i, _ in pending), finished)]
                self.store.mark_done(self.job, [row for row in rows if row["key"] is not None], run=self.run)
            if self.output is not None:
                self.output.commit()
        if stopped is not None:
            raise stopped

    def _hand_on(self, pending: list[tuple[Item, Outcome]], recorded: list[ArticleResult]
                 ) -> tuple[list[Outcome], BaseException | None]:
        """Hand on and count the pending outcomes in order (articles as recorded), until one's hand-on fails:
        those handed on, and what stopped it."""
        results, handed = iter(recorded), list[Outcome]()
        for _, outcome in pending:
            outcome = self.summary.same_bytes_of(next(results) if isinstance(outcome, ArticleResult) else outcome)
            held = self.output.mark() if self.output is not None else 0
            try:
                with self.ctrl_c.released():
                    if self.emit is not None:
                        self.emit(outcome)
            except BaseException as exc:  # noqa: BLE001 - re-raised once what was handed on is committed
                if self.output is not None:
                    self.output.drop(held)   # not finished: its lines are not written
                return handed, exc
            self.summary.count(outcome)
            handed.append(outcome)
        return handed, None


class _Unprinted(Exception):
    """A chunk's hand-on stopped before its last article: its recording is undone (see `_record_printed`)."""


def _record_printed(store: Store, articles: Sequence[ArticleResult], handed: int) -> None:
    """Record again, the recording of a whole chunk undone, only the articles handed on before a hand-on stopped
    the run, and the fetch rows of all (fetches made: facts whatever was printed). Recorded before the hand-on
    (it prints their ids), a Ctrl-C at the chunk's first line committed all its articles with none marked finished:
    the cache held articles no output showed, and the re-run recorded them again (interrupts31, #13). The same
    writes in the same order as `record_results` made them, the first `handed` articles get the ids printed."""
    for row in (row for result in articles for row in result.unrecorded_fetches):
        store.record_fetch(row)
    if handed:
        _record_articles(store, articles[:handed])


class Batch:
    """Articles of a network run whose steps the cache answered, handed on in this thread (`scan_here`), in one
    write transaction rather than one each (#13: an article's own commit, a transaction for each of its reads and
    its progress row were most of what a warm run added to a plain scan). The transaction opens with the first
    article's work; each article's work is a savepoint in it, undone alone if the article fails or the run is
    interrupted in the middle of it. It commits, with the progress rows of the articles handed on (and, with an
    output file, their lines), after Chunk.ARTICLES articles or Chunk.SECONDS, before the run reads its next input
    (which may be slow to come, as standard input) or scans one here (with one worker), or waits for a worker's
    extraction beyond the batch's time, and when the run ends or stops (Ctrl-C): another writer of the database
    waits at most about Chunk.SECONDS for it. So a batch holds the articles settled in one go, those whose
    extraction had come (with workers, a group's or more; with one worker, one). A kill loses only the open batch,
    as a plain scan's open chunk: its lines may have been printed, and the same command run again redoes exactly
    those."""

    def __init__(self, store: Store, job: str | None, summary: Summary,
                 emit: Callable[[Outcome], None] | None, *, output: OutputFile | None = None,
                 ctrl_c: CtrlC | None = None, run: str | None = None) -> None:
        self.store, self.job, self.summary, self.emit, self.output = store, job, summary, emit, output
        self.run = run
        self.ctrl_c = ctrl_c or CtrlC()
        self.finished: list[dict[str, Any]] = []
        self.count = 0
        self.opened = 0.0
        self._open: ExitStack | None = None

    @contextmanager
    def article(self) -> Iterator[None]:
        if self._open is None:
            self._open = ExitStack()
            self._open.enter_context(self.store.write())
            self.opened, self.count = time.monotonic(), 0
        with self.store.write():    # a savepoint
            yield
        if self.count >= Chunk.ARTICLES or time.monotonic() - self.opened >= Chunk.SECONDS:
            self.commit()

    def wait(self, pending: Pending[Extracted]) -> None:
        """Wait for a worker's extraction: within the open batch for what is left of its time, then with the batch
        committed; the next article's work opens a new one only once the extraction has come (an article's may take
        its whole budget: no other writer waits on it)."""
        if self._open is not None:
            if wait_for(pending, max(Chunk.SECONDS - (time.monotonic() - self.opened), 0)):
                return
            self.commit()
        wait_for(pending, None)

    def add(self, item: Item, outcome: Outcome) -> None:
        """Hand on and count an outcome, to be marked finished when the batch commits."""
        outcome = self.summary.same_bytes_of(outcome)
        held = self.output.mark() if self.output is not None else 0
        try:
            if self.emit is not None:
                self.emit(outcome)
        except BaseException:
            if self.output is not None:
                self.output.drop(held)   # not finished: its lines are not written
            raise
        self.summary.count(outcome)
        if item.key is not None:
            self.finished.append(_progress_row(item, outcome))
        self.count += 1

    def commit(self) -> None:
        if self._open is None:
            return
        transaction, self._open = self._open, None
        finished, self.finished = self.finished, []
        with self.ctrl_c.held(), transaction:   # what was handed on is marked finished whatever comes
            if self.job is not None and finished:
                self.store.mark_done(self.job, finished, run=self.run)
            if self.output is not None:
                self.output.commit()

    def abandon(self, exc: BaseException) -> None:
        """The cache failed: roll the open batch back (it cannot be committed)."""
        if self._open is not None:
            transaction, self._open, self.finished = self._open, None, []
            transaction.__exit__(type(exc), exc, exc.__traceback__)


def record_results(store: Store, results: Sequence[ArticleResult]) -> list[ArticleResult]:
    """Record articles' scans (and the URL each was fetched from, when known) in one transaction: each result
    with its article id, and whether this recorded it first. An article fetched by its URL comes with the fetch
    rows of its hops (`unrecorded_fetches`), written in the same transaction (#11: written first, a kill before
    the article left fetches the next run made again)."""
    fetched = [row for result in results for row in result.unrecorded_fetches]
    if not fetched:   # a read-only cache serves articles it knows: open no write for nothing (#11)
        return _record_articles(store, results)
    with store.write():
        for row in fetched:
            store.record_fetch(row)
        return _record_articles(store, results)


def _record_articles(store: Store, results: Sequence[ArticleResult]) -> list[ArticleResult]:
    found = store.record_articles([
        {"sha256": article.sha256, "kind": article.kind, "encoding": article.encoding,
         "encoding_detected": int(article.encoding_detected), "encoding_given": article.encoding_given,
         "encoding_given_at": article.encoding_given_at, "encoding_rival": article.encoding_rival or "",
         "encoding_rivals": list(article.encoding_rivals),
         "bytes": article.size, "source": article.source, "place": result.place, "url": result.url,
         "truncated": result.truncated,
         "record_id": result.record_id, "warc_date": result.warc_date,
         "embeds": result.embeds_json, "credits": result.credits_json,
         "incomplete": [failed.to_json() for failed in result.incomplete]}
        for result in results for article in (result.article,)], tool_version=__version__)
    recorded = []
    for result, (article_id, created) in zip(results, found, strict=True):
        # The same embeds and credits: their JSON, made for the store, is not made again for the output.
        recorded.append(result.replaced(article_id=article_id, newly_recorded=created, unrecorded_fetches=(),
                                        replaces=store.replaced.get(result.article.source)))
    return recorded


async def process_item(item: Item, *, session: Session, steps: Steps,
                       extractor: Extractor | None = None, record: bool = True) -> Outcome:
    """One input, isolated: whatever goes wrong with it is its outcome (and a row in the cache's errors table), and
    the run goes on. A cache that cannot be written is the run's problem, not the article's: it ends the run, as
    does a worker process that died (the pool cannot go on). `record`: the article is recorded in the store
    before its steps run (else the caller records it)."""
    if item.remote and item.problem is None:
        try:
            item = await fetch_item(item, session=session)
        except (CacheError, WorkerCrashed):
            raise
        except Exception as exc:  # noqa: BLE001 - one article's bug must not end a batch of thousands (#11)
            return _failure_of(exc, item, session, "read")
    extractor = extractor or Extractor(1, budget=session.settings.article_budget)
    pending = extractor.submit(item) if item.problem is None else None
    if pending is not None:
        try:
            await finished(pending)
        except BaseException:
            _write_fetches_alone(item, session)   # the run stopped before the article was scanned (newuser30 #8)
            raise
    scanned = _scanned(item, pending, extractor, session=session, record=record)
    if isinstance(scanned, Failure):
        return scanned
    stage = ["scan"]
    try:
        return await process_steps(scanned, session=session, steps=steps, stage=stage)
    except (CacheError, WorkerCrashed):
        raise
    except Exception as exc:  # noqa: BLE001 - one article's bug must not end a batch of thousands (#11)
        return _failure_of(exc, item, session, stage[-1], scanned.article_id)


def _write_fetches_alone(item: Item, session: Session) -> None:
    """The fetch rows of an article fetched by its URL, written with no article: its scan never came. A fetch row
    that was answered is in the fetch log, whatever came of it."""
    store = session.store
    if item.fetched and store is not None and not store.read_only:
        with suppress(CacheError), store.write():   # a cache that failed: the run's error says so
            for row in item.fetched:
                store.record_fetch(row)


def _scanned(item: Item, pending: Pending[Extracted] | None, extractor: Extractor, *, session: Session,
             record: bool) -> Outcome:
    """An item's scan as its outcome: the article found (recorded in the store when `record`), or its failure."""
    if item.problem is not None or pending is None:
        return _failed(Failure(item.source, item.problem or "", named=item.explicit,
                               kind="unmatched" if item.unmatched else "permission" if item.denied else "input",
                               files=item.files), session)
    stage = "scan"
    try:
        try:
            found = extractor.result(item, pending)
        except InputError:
            stage = "read"   # the item could not be read or decoded: no detector ran
            raise
        found = _as_given(item, found, extractor, session.store)
        # The URL a JSON Lines or WARC record gives is redacted as that of an article fetched by URL (#11).
        url = session.redactor.url(found.loaded.url) if found.loaded.url else None
        record_id = found.loaded.record_id
        record_id = session.redactor.text(record_id) if record_id else record_id   # as its URL (review27a #2)
        result = _redacted_page_urls(ArticleResult(
            found.loaded.article, found.embeds, found.credits, url=url, record_id=record_id,
            warc_date=found.loaded.warc_date, truncated=found.loaded.truncated, thin=found.thin, final_url=item.final_url,
            incomplete=found.incomplete, unfollowed=found.unfollowed, unread_language=found.unread_language,
            podcasts=found.podcasts, unsupported=found.unsupported, uncredited=found.uncredited,
            mojibake=found.mojibake,
            long_handles=found.long_handles,
            unrecorded_fetches=item.fetched,
            unread=found.loaded.unread, place=item.place),
            session.redactor)
        if record and session.store is not None:
            [result] = record_results(session.store, [result])
        return result
    except (CacheError, WorkerCrashed):
        raise
    except Exception as exc:  # noqa: BLE001 - one article's bug must not end a batch of thousands (#11)
        return _failure_of(exc, item, session, stage)


def _as_given(item: Item, found: Extracted, extractor: Extractor, store: Store | None) -> Extracted:
    """The extraction, its encoding stamped when the user named it: this run (--encoding), or an earlier run for the
    same bytes, recorded in the cache. An article guessed here whose bytes the user named an encoding for is read
    again in that one, with the embeds and credits found in that text: a later run without --encoding guessed
    again ("Jiøí Èermák") and told the user to give it (review26 #8). Other bytes (a page changed since) are
    guessed as before."""
    article = found.loaded.article
    if article.encoding_given:
        from cache import utc_now

        return replace(found, loaded=replace(found.loaded, article=article.given_at(utc_now())))
    if not article.encoding_detected or store is None:
        return found
    given = store.encoding_given(article.sha256)
    if given is None:
        return found
    encoding, at = given
    try:
        again = extract_item(item, extractor.kind, encoding, extractor.budget, extractor.texts)
    except InputError:
        return found   # the file is gone, or no longer in that encoding: what was read stands
    if again.loaded.article.sha256 != article.sha256:
        return found   # the file changed since it was read: the correction was for the bytes read
    return replace(again, loaded=replace(again.loaded, article=again.loaded.article.given_at(at)))


def _redacted_page_urls(result: ArticleResult, redactor: Any) -> ArticleResult:
    """The scan with a configured secret out of the URLs the page gave (an embed's links and media links, a credit's
    image: #11, they were kept in the cache and printed in every output and report in full), each such URL as written
    kept in `page_urls` under its redacted form, for the steps that ask for it; and out of the text shown of each
    (an embed's text, author name and date, a credit's raw text and names: a scraped tweet writes its t.co link into
    its text, review27a #2). Spans are positions in the article as read, and stay. An embed's own URL and its
    author's handle too (secrets28: a post URL whose path held the token was kept and printed in full): the embed as
    written is kept in `page_embeds`, and the steps fetch the post, look it up (or withhold it from the archive) and
    identify it by that one."""
    if not redactor.secrets:
        return result
    unfollowed = result.unfollowed   # the first t.co link it names is a URL the page gave, as an embed's
    if unfollowed is not None and (first := redactor.page_url(unfollowed.first)) != unfollowed.first:
        result = result.replaced(unfollowed=replace(unfollowed, first=first))
    if (uncredited := result.uncredited) is not None:   # the addresses of its pictures no credit names, as a credit's
        result = result.replaced(uncredited={**uncredited, "images": [
            {**image, "url": redactor.page_url(image["url"])} for image in uncredited["images"]]})
    given = [u for e in result.embeds for u in (e.url, *e.links, *e.media_links)]
    given += [c.image for c in result.credits if c.image]
    redacted_of = {u: redacted for u in dict.fromkeys(given) if (redacted := redactor.page_url(u)) != u}

    def redact(url: str) -> str:
        return redacted_of.get(url, url)

    def said(text: str | None) -> str | None:
        return redactor.shown(text) if text else text

    def embed(e: Embed) -> Embed:
        url, links, media_links = redact(e.url), tuple(map(redact, e.links)), tuple(map(redact, e.media_links))
        text, author_handle, author_name, date_text = said(e.text), said(e.author_handle), said(e.author_name), \
            said(e.date_text)
        # the words of its other places too (newuser29b §1: each is quoted and checked)
        other_words = tuple(p if (shown := redactor.shown(p.text)) == p.text else replace(p, text=shown)
                            for p in e.other_words)
        if (url, links, media_links, text, author_handle, author_name, date_text, other_words) == (
                e.url, e.links, e.media_links, e.text, e.author_handle, e.author_name, e.date_text, e.other_words):
            return e   # nearly every embed: no copy
        return replace(e, url=url, links=links, media_links=media_links, text=text, author_handle=author_handle,
                       author_name=author_name, date_text=date_text, other_words=other_words)

    def credit(c: Credit) -> Credit:
        image, raw, creator, organization = redact(c.image) if c.image else c.image, said(c.raw), said(c.creator), \
            said(c.organization)
        if (image, raw, creator, organization) == (c.image, c.raw, c.creator, c.organization):
            return c
        return replace(c, image=image, raw=raw or c.raw, creator=creator, organization=organization)
    embeds, credits = tuple(map(embed, result.embeds)), tuple(map(credit, result.credits))
    if all(map(operator.is_, embeds, result.embeds)) and all(map(operator.is_, credits, result.credits)):
        return result
    return result.replaced(embeds=embeds, credits=credits,
                           page_urls={redacted: url for url, redacted in redacted_of.items()},
                           page_embeds={i: e for i, (e, shown) in enumerate(zip(result.embeds, embeds, strict=True))
                                        if e is not shown})


def _failure_of(exc: Exception, item: Item, session: Session, stage: str, article_id: int | None = None) -> Failure:
    """What went wrong with one input, as its outcome (recorded in the errors table, with the fetch rows of an
    article fetched by URL that was never recorded)."""
    fetched = item.fetched if article_id is None else ()
    if disk_full(exc):   # a file the run writes could not grow: the run's problem, not this article's (newuser39b #1)
        raise exc
    if isinstance(exc, NotFetched):
        return _failed(Failure(item.source, str(exc), item.explicit, "unavailable"), session)
    if isinstance(exc, ScanTimedOut):
        return _failed(Failure(item.source, str(exc), item.explicit, "timeout", "scan"), session, article_id,
                       fetched=fetched)
    if isinstance(exc, EmptyInput):   # nothing in it: skipped, named or not (#11)
        return _failed(Failure(item.source, str(exc), item.explicit, "empty", stage), session)
    if isinstance(exc, NotDecodable):   # an article not read as asked: an error even when a folder walk found it
        return _failed(Failure(item.source, str(exc), item.explicit, "encoding", stage), session, article_id,
                       fetched=fetched)
    if isinstance(exc, PermissionError):   # an article the user may not read: an error, named or found (newuser39b #2)
        return _failed(Failure(item.source, str(exc), item.explicit, "permission", stage), session, article_id,
                       fetched=fetched)
    if isinstance(exc, EmbedResolverError):   # `files`: an item whose problem stands for several (a walk's left out)
        return _failed(Failure(item.source, str(exc), item.explicit, "input", stage,
                               files=item.files if item.problem is not None else 1), session, article_id,
                       fetched=fetched)
    kind = type(exc).__name__
    return _failed(Failure(item.source, f"{item.source}: internal error: {kind}: {exc}", item.explicit, kind,
                           stage, traceback_of(exc)), session, article_id, detail=str(exc),
                   fetched=fetched)


def _failed(failure: Failure, session: Session, article_id: int | None = None, *,
            detail: str | None = None, fetched: Sequence[Mapping[str, object]] = ()) -> Failure:
    """Record a failure in the cache's errors table (when there is a writable cache; with the article's row when
    it was recorded before a later step failed), and hand it on; what is kept and shown has its secrets redacted
    (an article URL named with its key, #11). An article fetched but never recorded (it could not be read or
    scanned) has its fetch rows written with the error: no article came of them, and they are the record of what
    was fetched. A skip (`Failure.warning`: an empty file, one a folder walk found that is no article) is no error:
    its warning line says it and the run's summary counts it; it got a row of its own before (#2)."""
    redact = session.redactor.text
    failure = replace(failure, source=redact(printable(failure.source)), message=redact(printable(failure.message)),
                      traceback=None if failure.traceback is None else redact(failure.traceback))
    detail = redact(detail) if detail is not None else None
    store = session.store
    if store is None or store.read_only or (failure.warning and not fetched):
        return failure
    with store.write():
        for row in fetched:
            store.record_fetch(row)
        if not failure.warning:
            store.record_error({"source": failure.source, "article_id": article_id, "stage": failure.stage,
                                "kind": failure.kind, "message": detail if detail is not None else failure.message,
                                "tool_version": __version__})
    return failure


def record_step_failures(result: ArticleResult, session: Session) -> None:
    """A row of the cache's errors table for each thing an article's steps failed for (a credited image that could
    not be used, a link that ended in an error, a post every source failed for, an archive lookup): the article,
    the step, the error's kind and the line stderr says, redacted as every row is. Before (newuser28b #4) they were
    only in their own tables (media.error, a resolution's error), and the errors table the README promises a row in
    for "a step fails" stayed empty. In the article's transaction when there is one (a warm run's batch)."""
    from resolver.report import CACHED, step_failure_items

    store = session.store
    if store is None or store.read_only:
        return
    redact = session.redactor.text
    source = redact(printable(result.article.source))
    with store.write():
        for failure in step_failure_items(result):
            message = redact(printable(failure.phrase) + (f"\n{failure.detail}".rstrip("\n") if failure.detail else ""))
            # one the cache answered again is the row of the run that met it (or of the first run that read it):
            # a re-run, offline or not, adds none, so a count of the table is a count of failures (CLOSING-stop36)
            if failure.cached and store.has_error(source, failure.stage, failure.kind,
                                                  [message, message.replace(CACHED, "", 1)],
                                                  article_id=result.article_id):
                continue
            store.record_error({"source": source, "article_id": result.article_id, "stage": failure.stage,
                                "kind": failure.kind, "message": message, "tool_version": __version__})


async def process_article(article: Article, *, session: Session, steps: Steps = Steps()) -> ArticleResult:
    """The whole job for one article, as far as asked: scan, then resolve its links, fetch its posts, identify
    flattened tweets that kept no link, and archive them."""
    return await process_steps(scan_article(article, store=session.store, redactor=session.redactor), session=session,
                               steps=steps)


async def process_steps(result: ArticleResult, *, session: Session, steps: Steps,
                        stage: list[str] | None = None) -> ArticleResult:
    """The network steps, as far as asked, after an article was scanned and recorded. `stage`, when given, is
    appended the name of each step as it starts (so a failure can say where it happened)."""
    stage = stage if stage is not None else []
    if steps.resolves:
        stage.append("resolve")
        result = await resolve_links(result, session=session)
    if steps.fetches:
        stage.append("fetch")
        result = await fetch_for_article(result, session=session, options=steps.fetch_options)
    if steps.identifies:
        stage.append("identify")
        result = await identify_remnants(result, session=session)
    if steps.archive is not None:
        stage.append("archive")
        result = await archive_article(result, session=session, options=steps.archive)
    return result


class NotFetched(InputError):
    """Offline, and the article at this URL was never fetched."""


async def fetch_item(item: Item, *, session: Session) -> Item:
    """An article named by its URL (`scan URL`), fetched: the item with its bytes, to scan as any other, and the
    fetch rows of its hops, written with the article (#11). The URL is fetched as given; what is kept and shown of
    it (source, URL, resume key) has its secrets redacted (#11)."""
    from resolver.http import Ledger

    from resolver.article import charset_of

    assert item.url is not None
    ledger = Ledger()
    data, content_type, final_url = await fetch_article(item.url, session=session, ledger=ledger)
    redact = session.redactor.url
    # The charset its Content-Type names decodes it, as a browser would, where the bytes are not UTF-8; a page
    # served as text/plain is read as text (its "<p>" is no markup).
    plain = (content_type or "").split(";")[0].strip().lower() == "text/plain"
    return replace(item, data=data, remote=False, source=redact(item.source), url=redact(item.url),
                   place=redact(item.place) if item.place else None,
                   final_url=redact(final_url), fetched=tuple(ledger.held), charset=charset_of(content_type),
                   kind="text" if plain else item.kind)


async def fetch_article(url: str, *, session: Session,
                        ledger: Ledger | None = None) -> tuple[bytes, str | None, str]:
    """The bytes of an article at a URL, its Content-Type and the URL they came from (where the redirects ended),
    through the run's one client: the SSRF guard, the
    caps, the fetch log and
    the WARC apply. Redirects are followed hop by hop, each checked and logged; the body is kept in the cache, so
    an offline run reads the article again from there. With a `ledger`, the fetch rows of an article that came are
    held there, to be written with the article."""
    if ledger is None:
        return await _checked_article(url, session=session, ledger=ledger)
    # No article came of these requests (an error, or the run stopped): their rows are all the record.
    with ledger.kept(session.store):
        return await _checked_article(url, session=session, ledger=ledger)


async def _checked_article(url: str, *, session: Session, ledger: Ledger | None) -> tuple[bytes, str | None, str]:
    """`_fetch_article`, refused when the server said it is no page (`not_a_page`, as for a WARC record's type)."""
    from resolver.article import looks_binary, not_a_page

    if (ref := platforms.parse_url(url)) is not None and ref.platform in POST_PAGES and ref.post_id \
            and ref.kind in ("post", "video"):   # a video's page read as an article said "HTTP 404" (newuser41a #12)
        raise InputError(f"cannot read {session.redactor.url(url)}: it is a post's URL, not an article; "
                         "`embed-resolver fetch URL` fetches the post")
    data, content_type, final_url = await _fetch_article(url, session=session, ledger=ledger)
    # The type the server said, as a WARC record's decides (one rule, `not_a_page`); a page with no type is judged
    # by its bytes. Binary bytes are left to the sniff, whose words say more ("it looks like a PNG").
    why = not_a_page(content_type, text=True) if content_type else None
    if why is not None and not looks_binary(data):
        raise InputError(f"cannot read {session.redactor.url(url)}: {why}: an article page is HTML or plain text")
    return data, content_type, final_url


# The platforms whose post and video pages are never articles: a URL of one given as an article is pointed to `fetch`,
# asked nothing (a Mastodon, Reddit or Telegram page may be read as one).
POST_PAGES = frozenset({"twitter", "youtube", "tiktok", "vimeo", "instagram", "facebook", "threads", "bluesky"})


# What reads an article URL's body past the cap, said with the error as a local file's names `max_article_bytes`.
TOO_LARGE_HINT = "; raise [network] max_body_bytes to read it"


async def _fetch_article(url: str, *, session: Session, ledger: Ledger | None) -> tuple[bytes, str | None, str]:
    from urllib.parse import urljoin

    from resolver.http import fetch

    current = url
    for _ in range(session.settings.max_redirects + 1):
        # The body cap is the config's `max_body_bytes`, as for every other body (SECURITY.md): before, a hard-coded
        # 50 MB let a 28 MB page through a 1 MB cap, its fetch row saying nothing (newuser30 #1).
        outcome = await fetch(session, current, purpose="article", keep_body=True, ledger=ledger)
        if outcome.unavailable:
            return _kept_article(url, session)
        if outcome.problem is not None:
            raise InputError(f"cannot read {session.redactor.url(url)}: {outcome.problem}"
                             f"{TOO_LARGE_HINT if outcome.error_kind == 'too-large' else ''}")
        if outcome.status is not None and 300 <= outcome.status < 400 and outcome.location:
            try:
                current = urljoin(current, outcome.location.strip())
            except ValueError as exc:   # "http://[::1": before, an internal error (#12)
                raise InputError(f"cannot read {session.redactor.url(url)}: invalid-url: refused "
                                 f"{session.redactor.url(outcome.location.strip())}: {exc}") from None
            continue
        if outcome.status != 200 or outcome.body is None:
            raise InputError(f"cannot read {session.redactor.url(url)}: HTTP {outcome.status}")
        return outcome.body, outcome.headers.get("content-type"), current
    raise InputError(f"cannot read {session.redactor.url(url)}: more than {session.settings.max_redirects} redirects")


def _kept_article(url: str, session: Session) -> tuple[bytes, str | None, str]:
    """Offline: the body an earlier run kept for this URL and its Content-Type, following the redirects its fetch
    log recorded. A hop whose answer came through allow_private (a non-public address) is served only to runs with
    it set, as the same run online would refuse it (review28c #5; a chain's resolution holds the same way,
    resolve._declined): a row kept before the log said so is judged by its host's name (`non_public_by_name`)."""
    import json

    from resolver.guard import non_public_by_name
    from resolver.http import passing_failure

    store, current = session.store, url
    for _ in range(session.settings.max_redirects + 1):
        # a row with an answer, or one saying why none came (too-large, timeout): the last is what a run was told
        rows = [r for r in store.fetches_for(session.redactor.url(current)) if r["status"] or r["error_kind"]] \
            if store else []
        if not rows:
            break
        # A failure that may pass (a 5xx, a timeout) says nothing of the article: a later run's 503 hid the page an
        # earlier one kept (review30r2). The last answer that is one; a passing failure only when no other came.
        row = next((r for r in reversed(rows) if not passing_failure(r["error_kind"], r["status"])), rows[-1])
        said = row["non_public"]
        if not session.settings.allow_private and (said if said is not None else non_public_by_name(row["url"])):
            raise NotFetched(f"cannot read {session.redactor.url(url)}: offline, and this article was fetched only "
                             f"with allow_private set (a non-public address, {row['url']}); run with it, or without "
                             "--offline")
        headers = json.loads(row["headers"] or "{}")
        location = headers.get("location")
        if row["status"] == 200 and row["body_sha256"] and store is not None:
            body = store.body(row["body_sha256"])
            if body is not None:
                return body, headers.get("content-type"), current
        if not location or not 300 <= (row["status"] or 0) < 400:
            _recorded_answer(url, row, session)
            break
        from urllib.parse import urljoin

        try:
            current = urljoin(current, location)
        except ValueError:   # a Location no parser accepts: the chain the cache holds ends there
            break
    raise NotFetched(f"cannot read {session.redactor.url(url)}: offline, and this article was never fetched")


def _recorded_answer(url: str, row: Mapping[str, Any], session: Session) -> None:
    """Offline, the answer a recorded fetch of an article gave when it gave no article (a 404, a body past the cap),
    raised as the online run said it, with when and which fetch: before, "offline, and this article was never
    fetched" (exit 3), false of a fetch the log holds (newuser30 #2). A row whose body is simply gone from the
    cache returns: the article is then not in the cache."""
    if row["status"] == 200 and not row["error_kind"]:
        return
    said = f"{row['error_kind']}: {row['error']}" if row["error_kind"] else f"HTTP {row['status']}"
    said += TOO_LARGE_HINT if row["error_kind"] == "too-large" else ""
    raise InputError(f"cannot read {session.redactor.url(url)}: {said} (fetched at {row['fetched_at']}, "
                     f"fetch #{row['id']})")


# -- the steps -----------------------------------------------------------------------------------------------

def scan(content: str | bytes, *, source: str = "<bytes>", kind: str | None = None) -> ArticleResult:
    """Embeds and credits of an article given as text or bytes (text is taken as UTF-8; a lone surrogate, which
    JSON allows, becomes "?" as in a JSON Lines record). No store, no network. `source`: what to call it in the
    result and in an error ("<bytes>" unless given: "-" is standard input's name, newuser34b #5)."""
    if not isinstance(content, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"content must be str or bytes, not {type(content).__name__}")
    if not isinstance(source, str):
        raise TypeError(f"source must be str, not {type(source).__name__}")
    data = content.encode("utf-8", "replace") if isinstance(content, str) else bytes(content)
    return scan_article(from_bytes(data, source, kind=kind))


def scan_file(path: str | Path, *, kind: str | None = None, encoding: str | None = None) -> ArticleResult:
    """Embeds and credits of an article file (HTML or text, sniffed; the encoding detected). No store, no network."""
    if not isinstance(path, (str, os.PathLike)) or isinstance(os.fspath(path), bytes):
        raise TypeError(f"path must be str or os.PathLike, not {type(path).__name__}")
    return scan_article(from_path(Path(path), kind=kind, encoding=encoding))


def scan_article(article: Article, *, store: Store | None = None, budget: float = 0.0,
                 redactor: Any = None) -> ArticleResult:
    """Find the embeds and credits of one article (within `budget` seconds, else ScanTimedOut) and, given a store,
    record them in one transaction. `redactor`: the run's, to take its secrets out of the URLs the page gives."""
    with time_budget(budget, article.source), extract.collecting() as failed:
        embeds, credits = extract.find_all(article.text, article.kind, utf8=article.utf8)
        embeds, credits, mojibake = read_mojibake(article, embeds, credits)
        unsupported = unsupported_said(article)   # these two before the t.co count takes the page's needles
        podcasts = podcasts_said(article)
        thin = read_thin(article, embeds, unsupported)
        unfollowed = read_links_not_followed(article, embeds)
        unread_language = read_credit_language(article)
        long_handles = long_handles_said(article, embeds)
    result = ArticleResult(article, tuple(embeds), tuple(credits), thin=thin, incomplete=tuple(failed),
                           unfollowed=unfollowed, unread_language=unread_language, podcasts=podcasts,
                           unsupported=unsupported, mojibake=mojibake,
                           long_handles=long_handles)
    if redactor is not None:
        result = _redacted_page_urls(result, redactor)
    return result if store is None else record_results(store, [result])[0]


async def resolve_links(result: ArticleResult, *, session: Session) -> ArticleResult:
    """Resolve every link the article's embeds carry, record each, and tie them to their embeds."""
    from resolver.resolve import links_of, resolve_many

    wanted = [(i, link) for i, embed in enumerate(result.embeds) for link in links_of(embed)]
    resolutions = await resolve_many([result.real_url(link) for _, link in wanted], session=session)
    store = session.store
    if store is not None and result.article_id is not None and wanted:
        store.link_embeds(result.article_id,
                          [(i, link, r.resolution_id) for (i, link), r in zip(wanted, resolutions, strict=True)])
    # A post a link led to whose URL had a secret redacted out of it: its real URL joins `page_urls`, so the archive
    # step looks it up (or withholds it) by that one, not by twitter.com/REDACTED/... (left28).
    ends = {r.post.url: r.real_post.url for r in resolutions if r.post is not None and r.real_post is not None}
    return result.replaced(resolutions=tuple(ForEmbed(i, r) for (i, _), r in zip(wanted, resolutions, strict=True)),
                           **({"page_urls": {**result.page_urls, **ends}} if ends else {}))


def post_targets(result: ArticleResult) -> list[tuple[int, Target]]:
    """(embed index, post) for every post the embeds name, directly or through a resolved link."""
    from resolver.fetch import target_of

    wanted = []
    for i, embed in enumerate(result.embeds):
        target = target_of(embed.platform, embed.kind, embed.post_id, result.real_url(embed.url), embed.shown_url)
        if target is not None and target.platform == "bluesky" and embed.author_handle \
                and embed.author_handle.lower() not in target.post_id.lower():
            target = replace(target, shown_handles=(embed.author_handle,))   # a post named by DID, its handle shown
        if target is not None:
            wanted.append((i, target))
    for found in result.resolutions or ():
        target = _end_target(found.value)
        if target is not None:
            wanted.append((found.embed, target))
    return list(dict.fromkeys(wanted))


def _end_target(resolution: Resolution) -> Target | None:
    """The post a link ends at, if it ends at one."""
    from resolver.fetch import target_of

    end = resolution.end   # as the link led there: the kept `post` may have a secret redacted out of it (left28)
    return target_of(end.platform, end.kind, end.post_id, end.url) if end else None


async def fetch_for_article(result: ArticleResult, *, session: Session,
                            options: FetchOptions = FetchOptions()) -> ArticleResult:
    """Fetch every post the embeds name and tie each to its embed; analyse the images the credits belong to."""
    from resolver.fetch import fetch_posts, media_file

    wanted = post_targets(result)
    posts = await fetch_posts([t for _, t in wanted], session=session, options=options) if wanted else []
    store = session.store
    tied = [(ordinal, post.post_row) for (ordinal, _), post in zip(wanted, posts, strict=True)
            if post.post_row is not None]
    if store is not None and result.article_id is not None and tied:
        store.link_embed_posts(result.article_id, tied)
    images = [c.image for c in result.credits if c.image and c.image.startswith(("http://", "https://"))]
    credited = [await media_file(url, session=session, keep_dir=options.keep_media_dir, cached=options.cached,
                                 real_url=result.page_urls.get(url))
                for url in dict.fromkeys(images)] if options.media else []
    shown = [_as_linked(result.embeds[i], t, p, store) for (i, t), p in zip(wanted, posts, strict=True)]
    settled = settled_by_answer(result, [(i, p) for (i, _), p in zip(wanted, shown, strict=True)])
    if settled:
        # a read-only cache (an exhibit's) is not written: the report says the settled doubt all the same (review39b:
        # the one UPDATE failed the whole report, "cannot write cache")
        if store is not None and not store.read_only and result.article_id is not None:
            store.settle_embed_doubts(result.article_id, {i: e.id_doubt for i, e in settled.items()})
        result = result.replaced(embeds=tuple(settled.get(i, e) for i, e in enumerate(result.embeds)),
                                 page_embeds={i: replace(e, id_doubt=settled[i].id_doubt) if i in settled else e
                                              for i, e in result.page_embeds.items()})
    return result.replaced(posts=tuple(ForEmbed(i, p) for (i, _), p in zip(wanted, shown, strict=True)),
                   credited_images=tuple(credited))


def settled_by_answer(result: ArticleResult, posts: Sequence[tuple[int, FetchedPost]]) -> dict[int, Embed]:
    """{index: the embed with its doubt settled} for each flattened Bluesky post whose id is the post its link names by
    DID (`model.account_by_did`) and whose answer names that account's handle, the signature's: the two are one post,
    for certain (newuser38b #1), when the answer ties the two (its embed code names this post under that DID:
    `record.author_id`). An answer naming another handle leaves a doubt, which says so rather than that the
    DID was not checked (`model.another_accounts_link`, review39b: it was, and is another account's); one naming no
    handle leaves it as it was (its checks warn)."""
    from resolver.model import ACCOUNT_BY_DID, another_accounts_link

    settled: dict[int, Embed] = {}
    for index, post in posts:
        embed = result.embeds[index]
        doubts = (embed.id_doubt or "").split("; ")
        if not doubts[0].startswith(ACCOUNT_BY_DID) or not embed.author_handle \
                or post.record.post_id != embed.post_id or post.record.platform != embed.platform:
            continue
        named, did = post.record.author_handle, (embed.post_id or "").rpartition("/")[0]
        if named and named.casefold() == platforms.bluesky.INVALID_HANDLE:
            named = None   # the AppView's word for a handle it could not verify: no handle named (review41a)
        if not named or named.startswith("did:") or post.record.author_id != did:
            # the answer does not tie the link's DID to a handle (its embed code names another post, or none, or
            # another DID than the link's: review39b, the doubt was dropped on the handle alone)
            continue
        if named.casefold() == embed.author_handle.casefold():
            settled[index] = replace(embed, id_doubt="; ".join(doubts[1:]) or None)
        else:
            said = another_accounts_link(f"{named} ({did}, per the post's answer)", embed.author_handle)
            settled[index] = replace(embed, id_doubt="; ".join([said, *doubts[1:]]))
    return settled


def _as_linked(embed: Embed, target: Target, post: FetchedPost, store: Store | None) -> FetchedPost:
    """The post as the embed that names it may say it: a link read as a Mastodon post by its path's shape alone
    (`id_doubt`, mastodon.shape_only) is confirmed a post only by its host's Mastodon answer. Any other answer (a
    404, a page that is no JSON, another site's JSON, an error) says nothing of a post, so it is "not confirmed as a
    post", never "not found" (left31, fixnu31c). It is asked all the same: only that answer can confirm it, and the
    guard holds for its host as for any link. A failure that may pass (a timeout, a 5xx, a 429) is no answer: it
    stays an error, asked again by the next run. The cache keeps the source's answer as it was; this is the embed's
    reading of it."""
    from resolver.fetch import NOT_CONFIRMED
    from resolver.http import passing_failure
    from resolver.platforms import mastodon

    if not embed.id_doubt or embed.platform != mastodon.PLATFORM or post.unavailable \
            or (embed.platform, embed.post_id) != (target.platform, target.post_id) \
            or post.record.status in ("available", NOT_CONFIRMED):
        return post
    if post.record.status == "error" and (store is None or any(
            passing_failure(row.get("error_kind"), row.get("status"))
            for row in map(store.fetch, post.record.fetch_ids) if row is not None)):
        return post
    host = target.post_id.rpartition("/")[0]
    why = f"not confirmed as a post: {host} gave no Mastodon answer" + (
        f" ({post.record.reason})" if post.record.reason else "")
    return replace(post, record=replace(post.record, status=NOT_CONFIRMED, reason=why))


def archive_targets_of(
        result: ArticleResult) -> tuple[list[str], dict[str, str], dict[str, tuple[int, ...]]]:
    """The post and media URLs an article references (after resolution and fetching), each post's day, and those of
    the URLs read from a post's answer alone, not given by the page, each with that answer's fetch-log rows
    (`archive_urls`' `read`)."""
    urls: list[str] = []
    near: dict[str, str] = {}
    real = result.real_url   # a URL the page gave carrying a secret: withheld, said under its redacted form (#11)
    for index, embed in enumerate(result.embeds):
        if embed.post_id and embed.kind in ("post", "video"):
            forms = archive_forms(result, index)
            urls.extend(forms)
            if embed.date:
                near.update(dict.fromkeys(forms, embed.date.replace("-", "")))
        elif embed.kind == "story":   # no post, and gone a day after it was posted: its captures are what is left
            urls.append(real(embed.url))
        urls.extend(map(real, embed.media_links))
    # what the page gave, and where its links led as they led there (an end redacted is known by `real`)
    given = set(urls) | {found.value.post.url for found in result.resolutions or ()
                         if found.value.post is not None and found.value.real_post is None}
    answers: dict[str, tuple[int, ...]] = {}   # a URL read from a post's answer -> that answer's fetch-log rows
    for post in result.posts or ():
        record = post.value.record
        from_answer = ([real(record.url)] if record.url else []) + [m.url for m in record.media if m.url]
        urls.extend(from_answer)   # a gone post's URL: the embed's, redacted
        for url in from_answer:
            answers[url] = answers.get(url, ()) + record.fetch_ids
    credited = [real(c.image) for c in result.credits if c.image and c.image.startswith(("http://", "https://"))]
    read = {url: fetch_ids for url, fetch_ids in answers.items() if url not in given and url not in credited}
    return _one_url_per_post([*urls, *credited]), near, read


def archive_forms(result: ArticleResult, index: int) -> list[str]:
    """The URLs the archive is asked about for the post embed `index` names: its URL (withheld, if it carries a
    secret, as `real_url` says), then its other forms under each name of its account known, the handle the embed
    shows and those its post's answer gave (`platforms.url_forms`: a Bluesky post's page by DID and by handle; the
    DID URL alone was asked, and a capture under the handle was missed, newuser33 #2)."""
    embed = result.embeds[index]
    post = post_of_embed(result, index)
    actors = [embed.author_handle, *((post.record.author_handle, post.record.author_id) if post is not None else ())]
    return platforms.url_forms(result.real_url(embed.url), actors)


def _one_url_per_post(urls: list[str]) -> list[str]:
    """Each URL once, and each post once, under the first of its URLs: the page's `twitter.com/rivertonroads/…` and
    the answer's `…/RivertonRoads/…` are one post (X reads a handle in any case), which was looked up, taken live
    and saved twice (urlforms30, #15)."""
    seen: set[object] = set()
    kept = []
    for url in dict.fromkeys(urls):
        key = platforms.post_key(url) or url
        if key not in seen:
            seen.add(key)
            kept.append(url)
    return kept


async def archive_article(result: ArticleResult, *, session: Session, options: ArchiveOptions) -> ArticleResult:
    """Look up (and save, when asked) archived copies of every post and media URL the article references."""
    from resolver.archive import archive_urls

    if session.cache_only:   # archive lookups and saves are left to the event loop
        raise NotCached(result.article.source)
    urls, near, read = archive_targets_of(result)
    archived = await archive_urls(urls, session=session, options=options, near=near, read=read) if urls else []
    return result.replaced(archives=tuple(archived))


def post_of_embed(result: ArticleResult, index: int) -> FetchedPost | None:
    """The post an embed shows. The one it names, first of the posts tied to it (post_targets); the others are
    where its links lead (a quoted post), which never stand in for it. An embed that names none (a short link, a
    flattened post) shows the post a link leads to; for a flattened post, only one that may be its own (`_may_be_its`):
    a link to a post of another account, or of another day, is to a post it quoted or to the original of a photo it
    re-used (X writes a re-used photo's pic.twitter.com link to the post it was first posted with, newuser28b)."""
    embed = result.written(index)   # its handle as the page wrote it, to be compared with the post's (#11)
    tied = [found.value for found in result.posts or () if found.embed == index]
    if not tied or embed.post_id or not embed.author_handle:
        return tied[0] if tied else None
    quoted = _quoted_in_words(result, index)
    return next((p for p in tied if p.record.post_id not in quoted and _may_be_its(embed, p)), None)


def _quoted_in_words(result: ArticleResult, index: int) -> set[str]:
    """The ids of the posts a flattened post's words link only amid them, with words after the link: posts the words
    quote (a self-quote, a thread's earlier post of the same day), never the flattened post itself (sig35: the
    report compared its words with the quoted post's)."""
    embed = result.written(index)
    if not embed.text or embed.detector != "text-signature":
        return set()
    from resolver.extract.text import links_amid_words   # only for a flattened post a link of its words led from

    amid = links_amid_words(embed.text)
    reached: dict[str, bool] = {}   # post id: reached by a link ending the words too
    for found in result.resolutions or ():
        post = found.value.post
        if found.embed == index and post is not None and post.post_id:
            reached[post.post_id] = reached.get(post.post_id, False) or found.value.url not in amid
    return {post_id for post_id, closing in reached.items() if not closing}


def same_posts(result: ArticleResult) -> dict[int, int]:
    """{embed index: the index of the embed that shows the same post} for each embed that names no post of its own
    and whose link led to a post another embed shows: a short link to a video the article embeds (newuser29 #11:
    a second, unconnected embed, its post counted twice). The other is the first embed naming that post itself,
    else the first led to it."""
    keys: dict[int, tuple[str, str]] = {}
    for index, embed in enumerate(result.embeds):
        shown = (embed.platform, embed.post_id) if embed.post_id else _post_led_to(result, index)
        if shown is not None:
            keys[index] = shown
    first: dict[tuple[str, str], int] = {}
    for index in sorted(keys, key=lambda i: (not result.embeds[i].post_id, i)):
        first.setdefault(keys[index], index)
    same = {index: first[key] for index, key in keys.items()
            if not result.embeds[index].post_id and first[key] != index}
    return same | _same_bluesky_posts(result, same) if result.posts is not None else same


def _same_bluesky_posts(result: ArticleResult, same: dict[int, int]) -> dict[int, int]:
    """{embed index: the index of the embed naming the same Bluesky post} for a post named by its handle whose
    answer named the account's DID (`author_id`, kept only when the answer ties the two: fetch.oembed), where another
    embed names that DID's post of the same record key (newuser40a #5: at://<did>/… and the handle's URL of one post
    were two posts in the report, one in `stats`' `may_be_same_post_as`). The first is the embed naming the DID."""
    from resolver.platforms import bluesky

    keys: dict[int, tuple[str, str]] = {}
    for index, embed in enumerate(result.embeds):
        named = bluesky.split_post_id(embed.post_id or "") if embed.platform == "bluesky" else None
        if named is None or index in same:
            continue
        post = post_of_embed(result, index) if not bluesky.is_did(named[0]) else None
        recorded = bluesky.split_post_id(post.record.post_id or "") if post is not None else None
        did = named[0] if post is None else recorded[0] if recorded is not None and bluesky.is_did(recorded[0]) \
            else post.record.author_id   # recorded under its DID ("Recorded as …"), or the DID its answer named
        if did and bluesky.is_did(did) and (recorded is None or recorded[1] == named[1]):
            keys[index] = (did.casefold(), named[1])
    first: dict[tuple[str, str], int] = {}
    for index in sorted(keys, key=lambda i: (not bluesky.is_did(result.embeds[i].post_id), i)):
        first.setdefault(keys[index], index)
    return {index: first[key] for index, key in keys.items()
            if first[key] != index and result.embeds[index].post_id != result.embeds[first[key]].post_id}


def _post_led_to(result: ArticleResult, index: int) -> tuple[str, str] | None:
    """(platform, post id) of the post an embed naming none shows: the one fetched for it (`post_of_embed`); before
    any fetch, where a link that hides its post led (a short link, a lone photo link). A flattened post waits for the
    fetch: its link may lead to a post it quoted, which only the post's account and day tell (`_may_be_its`)."""
    if result.posts is not None:
        post = post_of_embed(result, index)
        return (post.record.platform, post.record.post_id) if post is not None and post.record.post_id else None
    if result.written(index).author_handle:
        return None
    end = next((r.value.post for r in result.resolutions or ()
                if r.embed == index and r.value.post is not None and r.value.post.post_id), None)
    return (end.platform, end.post_id) if end is not None and end.post_id else None


def photo_elsewhere(result: ArticleResult, index: int) -> FetchedPost | None:
    """The post a flattened post's photo link (pic.twitter.com, /photo/1) leads to when it is not the flattened
    post's own (another account's, or minted on another day): the original of a re-used photo, which a report names
    beside the remnant's identification (an identified post stands in for it, not a post a link leads to). None
    when a post a link leads to stands in for the remnant."""
    embed = result.written(index)
    if embed.post_id or not embed.author_handle:
        return None
    led = [r.value for r in result.resolutions or () if r.embed == index and r.value.post]
    linked = [found.value for found in result.posts or () if found.embed == index
              and any(r.post is not None and r.post.post_id == found.value.record.post_id for r in led)]
    quoted = _quoted_in_words(result, index)
    if any(post.record.post_id not in quoted and _may_be_its(embed, post) for post in linked):   # its own post
        return None
    shown = {r.post.post_id for r in led if r.post is not None and _media_link(r)}
    return next((post for post in linked if post.record.post_id in shown), None)


def _may_be_its(embed: Embed, post: FetchedPost) -> bool:
    """Whether a post a flattened post's link leads to may be that flattened post: by the account it names, and
    minted on the day it gives in some inhabited time zone (as the snowflake-date check has it)."""
    from resolver.placeholders import is_placeholder
    from resolver.provenance import minted_that_day

    said = embed.date if not is_placeholder(embed.date_text) else None
    return embed.author_handle is not None and post.may_be_by(embed.author_handle) \
        and (post.record.platform != "twitter" or minted_that_day(said, post.record.post_id))


def _media_link(resolution: Resolution) -> bool:
    """A link to a post's photo or video: pic.twitter.com, or an end at /photo/N or /video/N."""
    from urllib.parse import urlsplit

    path = urlsplit(resolution.final_url or "").path
    return urlsplit(resolution.url).hostname in ("pic.twitter.com", "pic.x.com") or "/photo/" in path \
        or "/video/" in path


def _remnant(embed: Embed) -> tuple[str, str, str] | None:
    """(handle, day, text) of a flattened tweet that kept no link, the three things identification needs."""
    if embed.platform == "twitter" and embed.kind == "post" and not embed.post_id and embed.author_handle \
            and embed.date and embed.text:
        return embed.author_handle, embed.date, embed.text
    return None


async def identify_remnants(result: ArticleResult, *, session: Session) -> ArticleResult:
    """For each flattened tweet with no link to its post (none, or none that resolved to it): find its id from the
    archive's captures and the text. An identified post joins the article's posts, tied to its embed, as if the
    article had linked it."""
    found = []
    for ordinal, embed in enumerate(result.embeds):
        remnant = _remnant(result.written(ordinal))   # identified by its handle and text as written (#11)
        if remnant is not None and post_of_embed(result, ordinal) is None:   # no link of it led to its post
            if session.cache_only:   # identification reads captures and posts: left to the event loop
                raise NotCached(embed.url)
            from resolver.identify import identify   # here: most articles have no remnant to identify

            found.append(ForEmbed(ordinal, await identify(*remnant, session=session)))
    identified = [ForEmbed(item.embed, item.value.post) for item in found if item.value.post is not None]
    store = session.store
    if store is not None and result.article_id is not None and found:
        ids = store.embed_ids(result.article_id)
        for item in found:
            if item.embed in ids and not item.unavailable:   # an offline non-answer is no finding
                store.record_identification(item.value.to_json() | {"embed_id": ids[item.embed]})
        for post in identified:
            if post.embed in ids and post.value.post_row is not None:
                store.link_embed_post(ids[post.embed], post.value.post_row)
    posts = None if result.posts is None and not identified else (*(result.posts or ()), *identified)
    return result.replaced(identifications=tuple(found), posts=posts)


# -- what the commands name: articles, or posts and links ------------------------------------------------------

def named_inputs(targets: Iterable[str], stdin: IO[bytes] | None, *, max_bytes: int = InputSpec.max_bytes,
                 leave_out: tuple[str, ...] = ()) -> Iterator[Item | str]:
    """Each target (targets.classify decides) as articles (a file, every file of a folder, - for stdin) or, for a
    URL, as the URL. A name that is neither is an item with its problem, known before anything is read or fetched:
    the caller says so and does the rest (before, it raised, and one typo among the targets stopped them all).
    `leave_out`: real paths the run writes (`fetch --warc`), not read when a folder holds them."""
    checked: list[Named | Item] = []
    targets = list(targets)
    for target in targets:
        try:
            checked.append(classify(target, among=targets))
        except InputError as exc:
            checked.append(Item(source=target, key=None, locator=target, explicit=True, problem=str(exc)))
    for named in checked:
        if isinstance(named, Item):
            yield named
            continue
        if named.kind == "url" and named.url is not None:
            yield named.url
            continue
        # an empty folder: an item that failed
        yield from iter_items(InputSpec(files=(named.name,), max_bytes=max_bytes, leave_out=leave_out), stdin=stdin)


def _lookalike_no_post(url: str) -> bool:
    """Whether `url` is a link written with look-alike letters that names no post (`platforms.lookalike_link`: an
    account no one can have, "t.me/ukrаinenow/78"): `fetch` asks nothing of it and says the letters."""
    if not platforms.beyond_ascii(url):
        return False
    said = platforms.lookalike_link(url)
    return said is not None and not said[2]


async def fetch_targets(targets: Iterable[str], *, session: Session, stdin: IO[bytes] | None = None,
                        unresolved: list[tuple[Resolution, tuple[str, ...]]] | None = None,
                        on_failure: Callable[[Failure], None] | None = None,
                        no_post: list[Resolution] | None = None, used: list[str] | None = None,
                        origins: list[tuple[str, int | None]] | None = None,
                        leave_out: tuple[str, ...] = ()) -> list[Target]:
    """Posts to fetch from what the user named: post URLs as they are, other links resolved, articles scanned.
    A link that ended in an error, or offline was never resolved, is added to `unresolved` (when given), with the
    targets it came from (the articles holding it, or itself when named), so the caller can say so and exit
    accordingly: before, such a link vanished and `fetch` exited 0 (#11). A URL the user
    named that is no post and leads to none (a profile, a short link to a news page) is added to `no_post`: it
    vanished too, with nothing printed and exit 0. A file that cannot be read as an article is handed to
    `on_failure` and the rest goes on (before, a binary file in a folder ended the whole fetch, and a broken link
    vanished without a word). Each article read and each URL named is added to `used` (when given): a run with
    neither had only empty or skipped files. `origins` (when given) gets, for each target returned, where it came
    from: (the article's source, the embed's index), or (the URL named, None); a post several embeds lead to is
    returned for each (newuser30 #7: `fetch --json` could not say which article a post was from). `leave_out`: as
    named_inputs'."""
    from resolver.fetch import target_of
    from resolver.resolve import Resolution, links_of, resolve_many

    found: list[Target] = []
    came_from: list[tuple[str, int | None]] = origins if origins is not None else []
    links: dict[str, list[tuple[str, int | None]]] = {}   # each link, with the targets (and embeds) it came from
    named_links: set[str] = set()
    rank: dict[str, int] = {}   # each target named (an article's source, a URL), in the order named
    for named in list(named_inputs(targets, stdin, max_bytes=session.settings.max_article_bytes,
                                           leave_out=leave_out)):
        rank.setdefault(named.source if isinstance(named, Item) else named, len(rank))
        if isinstance(named, Item):
            try:
                scanned = scan_article(load(named).article, store=session.store,
                                       budget=session.settings.article_budget, redactor=session.redactor)
            except (InputError, ScanTimedOut) as exc:   # #12: before, fetch had no budget and a slow page hung it
                if on_failure is not None:   # its kind as a scan's (empty, encoding, input, timeout...)
                    on_failure(_failure_of(exc, named, session, "read"))
                continue
            if used is not None:
                used.append(named.source)
            for index, embed in enumerate(scanned.embeds):
                target = target_of(embed.platform, embed.kind, embed.post_id, scanned.real_url(embed.url),
                                   embed.shown_url)
                if target is not None:
                    found.append(target)
                    came_from.append((named.source, index))
                else:   # its links, as `scan --fetch` resolves them: a flattened tweet's photo link leads to it
                    for link in map(scanned.real_url, links_of(embed)):
                        links.setdefault(link, []).append((named.source, index))
            continue
        if used is not None:
            used.append(named)
        ref = platforms.parse_url(named)
        target = target_of(ref.platform, ref.kind, ref.post_id, ref.url, ref.shown) if ref else None
        if target is not None:
            found.append(target)
            came_from.append((named, None))
        elif ref is None and (platforms.in_other_digits(named) is not None or _lookalike_no_post(named)):
            # "t.me/ostannews/٤٥٢١": no post, and no page asked for it (newuser43a #5: the caller names the digits);
            # "t.me/ukrаinenow/78" likewise, a look-alike account's link (newuser44a #9: the caller names its letters)
            if no_post is not None:
                no_post.append(Resolution(named, None, None))
        elif ref is not None and (ref.platform, ref.kind) in platforms.ASKED_NOTHING:
            if no_post is not None:   # a playlist, a clip, a live stream: the caller says what it is (newuser47b #6)
                no_post.append(Resolution(named, None, None))
        else:
            links.setdefault(named, []).append((named, None))
            named_links.add(named)
    unique = list(links)
    led: dict[tuple[Target, str, int | None], None] = {}   # an embed's two links to one post: one line, not two
    for link, resolution in zip(unique, await resolve_many(unique, session=session), strict=True):
        target = _end_target(resolution)
        if target is not None:
            led.update(dict.fromkeys((target, *origin) for origin in links[link]))
        elif unresolved is not None and resolution.error is not None:
            unresolved.append((resolution, tuple(dict.fromkeys(source for source, _ in links[link]))))
        elif no_post is not None and link in named_links and resolution.error is None:
            no_post.append(resolution)
    for target, source, at in led:
        found.append(target)
        came_from.append((source, at))
    # In the order the user named them, and an article's in its embeds' order (newuser42b #12: a resolved link's post
    # came after every other, so `fetch`'s table did not follow the input)
    mine = came_from[len(came_from) - len(found):]   # this call's origins (the caller's list may hold others)
    order = sorted(range(len(found)), key=lambda n: (rank.get(mine[n][0], len(rank)),
                                                     -1 if mine[n][1] is None else mine[n][1]))
    found[:] = [found[n] for n in order]
    came_from[len(came_from) - len(found):] = [mine[n] for n in order]
    return found


# What `archive` does to the posts of what it is given: ask the sources afresh, so the WARC holds what a replayed
# fetch reads (#9 §6).
ARCHIVE_FETCH = FetchOptions(cached=False)


def archive_steps(options: ArchiveOptions) -> Steps:
    """The steps `archive` runs on each article it is given: its links resolved and its posts fetched afresh, then
    every post and media URL it references archived."""
    return Steps(archive=options, fetch_options=ARCHIVE_FETCH)


async def archive_links(urls: Iterable[str], *, session: Session, options: ArchiveOptions,
                        on_result: Callable[[str, ArchivedUrl], None] | None = None) -> list[tuple[str, ArchivedUrl]]:
    """Archive the URLs the user named; for a post, its media too (fetched afresh, so the WARC holds them). A post
    is archived under its canonical URL, as an article's posts are: CDX matches URLs exactly, and the form a share
    button copies (`x.com/<handle>/status/<id>?s=20`) has no captures of its own. Each archived URL comes with the
    URL named that it was archived for (the first, when two name it); `on_result` is given each, in that order, as
    soon as it is done (`archive_urls`)."""
    from resolver.archive import archive_urls
    from resolver.fetch import fetch_posts, target_of

    named: dict[str, str] = {}   # what is archived -> the URL named that it is archived for
    read: dict[str, tuple[int, ...]] = {}   # media URLs read from a post's answer, its fetch-log rows (`archive_urls`)
    captures: dict[str, tuple[Any, ...]] = {}   # a post's URL -> the captures of it the fetch read (newuser44a #8)
    for url in urls:
        ref = platforms.parse_url(url)
        target = target_of(ref.platform, ref.kind, ref.post_id, ref.url) if ref else None
        named.setdefault(target.url if target is not None else url, url)
        if target is not None:
            [post] = await fetch_posts([target], session=session, options=ARCHIVE_FETCH)
            captures[target.url] = post.archived
            for media in post.record.media:
                if media.url and media.url not in named:
                    named[media.url] = url
                    read[media.url] = post.record.fetch_ids
    advance = session.reporter.progress("archiving", len(named))
    order = list(named)

    def with_captures(at: str, archived: ArchivedUrl) -> ArchivedUrl:
        return replace(archived, read=captures[at]) if captures.get(at) else archived

    def given(index: int, archived: ArchivedUrl) -> None:
        if on_result is not None:
            on_result(named[order[index]], with_captures(order[index], archived))
    found = await archive_urls(order, session=session, options=options, on_done=advance, read=read,
                               on_result=given if on_result is not None else None)
    return [(named[at], with_captures(at, a)) for at, a in zip(order, found, strict=True)]
