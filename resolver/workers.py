"""Extraction in worker processes, and the bounded, ordered window that lets it overlap with network work.

Reading and decoding an article and running the detectors is CPU work: with `--workers N` (N > 1) it runs in a
pool of N processes. Network work (resolving, fetching, archiving) stays in the run's one event loop. Between the
two, `ordered_map` keeps at most `window` articles in flight: the input is read only as far as the window
allows (memory stays flat), an article's network work starts as soon as its extraction is done, and outcomes
come out in input order.

Each article's extraction has a time budget (`[scan] article_budget`, 20 s): a timer in the process doing the
work interrupts it (CPython checks for signals between bytecodes and inside long regex matches; lexbor parses at
most a slice of a page between checks), so the article becomes an error and the worker goes on to the next one.

A run in one thread (`pipeline.scan_here`) sends its articles to the workers in groups of `Extractor.GROUP`: each
task sent and each result received costs the main process a wake-up of the pool's threads, and each wake-up
holds up the main thread while they take the interpreter's lock (#13: a fifth of a warm run's time went there).

Workers ignore SIGINT: Ctrl-C reaches the main process, which stops the run; the pool is shut down with it. A
worker whose main process was killed outright exits within half a second.

asyncio and the process pool are imported when used: a one-file scan with no network step loads neither (#14).
"""

from __future__ import annotations

import os
import re
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from resolver import extract
from resolver.article import Article
from resolver.lazy import LazyPattern
from resolver.credit_language import CreditLanguageNotRead, credit_language_not_read
from resolver.errors import EmbedResolverError
from resolver.extract.incomplete import FailedStep, attempt
from resolver.inputs import Item, Loaded, load
from resolver.model import Credit, Embed
from resolver.prose_links import LinksNotFollowed, links_not_followed
from resolver.readable import ThinPage, posts_shown, thin_page

if TYPE_CHECKING:
    import asyncio
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")
R = TypeVar("R")
V = TypeVar("V", covariant=True)


def default_workers() -> int:
    """The CPUs this process may use (a container's or a Slurm job's limit, not the machine's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:   # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Extracted:
    """An item read, decoded and scanned: what the detectors found."""

    loaded: Loaded
    embeds: tuple[Embed, ...]
    credits: tuple[Credit, ...]
    thin: ThinPage | None = None   # a page with no embed and almost no text: maybe no article (newuser30 #3)
    incomplete: tuple[FailedStep, ...] = ()   # the steps of its reading that failed (a bug): their findings are missing
    unfollowed: LinksNotFollowed | None = None   # t.co links in its text that no embed carries (newuser35c #3)
    unread_language: CreditLanguageNotRead | None = None   # a language whose credit words are not read (credits36)
    podcasts: dict[str, Any] | None = None   # the podcast episodes it names, which no step reads (newuser41a #9)
    # the VK, Rutube and OK posts and videos and the Telegram invite links it names, which no step reads (newuser44a #3)
    unsupported: dict[str, Any] | None = None
    uncredited: dict[str, Any] | None = None   # its pictures no credit is tied to (`uncredited_images`, newuser42a #11)
    mojibake: dict[str, Any] | None = None   # the mojibake its text holds, undone in its embeds and credits (newuser44d #4)
    long_handles: dict[str, Any] | None = None   # handles longer than X allows, not read (`long_handles_said`)


class ScanTimedOut(EmbedResolverError):
    """An article's extraction ran past its time budget."""


@contextmanager
def time_budget(seconds: float, source: str) -> Iterator[None]:
    """Raise ScanTimedOut in this thread after `seconds` (0: never). Only the main thread of a process can take a
    signal: elsewhere (a dask worker's thread) the budget is not enforced. Inside `budget_alarm` (a run, a worker
    process) only the timer is set; elsewhere the handler is installed for this article alone."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    alone = not _ALARM_HELD   # outside a run: the handler is installed for this article
    previous = signal.signal(signal.SIGALRM, _expired) if alone else None
    _TIMED.append((seconds, source))
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _TIMED.pop()
        if alone:
            signal.signal(signal.SIGALRM, previous)


@contextmanager
def budget_alarm() -> Iterator[None]:
    """The article budget's SIGALRM handler, installed for the block (a run, a worker process's life) and the one
    before it put back after: installing and restoring it for each article cost 3.4 us an article (#14). In the main
    thread only, where signals arrive."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    _ALARM_HELD.append(True)
    try:
        yield
    finally:
        _ALARM_HELD.pop()
        signal.signal(signal.SIGALRM, previous)


def say_budget_not_kept(seconds: float, *, off_loop: bool, stacklevel: int = 3) -> None:
    """A `BudgetNotKept` warning when articles are to be read where `time_budget` cannot time them: off the main
    thread, or (`off_loop`: the run's network part goes to a loop on a thread of its own, as where a loop already
    runs in this thread) partly so. Said before the run, in the caller's thread, pointing at the caller's line: not
    a word was said before (newuser43b #5). Nothing when the budget is 0 (the caller said it accepts none)."""
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        return
    here = threading.current_thread()
    if here is threading.main_thread() and not off_loop:
        return
    import warnings

    from resolver.errors import BudgetNotKept

    # no thread's name in it: Python says a warning once per calling line and text, not once per thread of a pool
    where = ("this run reads its articles off the main thread" if here is not threading.main_thread() else
             "an event loop runs in this thread, so the run's articles that need the network are read on a thread "
             "of its own")
    warnings.warn(f"[scan] article_budget ({seconds:g} s) is not enforced: {where}, and Python's timer signal reaches "
                  "the main thread only, so a page that takes long holds the thread as long as it takes; call "
                  "pipeline.run in a main thread (a process of its own per job) to have it kept, or set "
                  "article_budget = 0 to accept no budget (then this is not said)", BudgetNotKept,
                  stacklevel=stacklevel)


_ALARM_HELD: list[bool] = []   # one per `budget_alarm` block this process is in
_TIMED: list[tuple[float, str]] = []   # (budget, source) of the article being timed in this process


def _expired(signum: int, frame: object) -> None:
    if not _TIMED:
        return   # the timer ran out as the article ended: there is nothing left to interrupt
    seconds, source = _TIMED[-1]
    raise ScanTimedOut(f"{source}: scanning took longer than {seconds:g} s, the article's time budget "
                       f"([scan] article_budget in the config)")


def extract_item(item: Item, kind: str | None = None, encoding: str | None = None, budget: float = 0.0,
                 texts: bool = True) -> Extracted:
    """Load one item and run the detectors on it (in whichever process calls this), within `budget` seconds. With
    `texts` False, the article found keeps what a run records of it, not its page (`Article.without_page`)."""
    loaded = load(item, kind=kind, encoding=encoding)
    # Hashed here, in the worker, not in the main process; and before extraction, while the page's bytes are still
    # in the CPU's cache from reading and decoding them (after, they were read from memory again: #14).
    _ = loaded.article.sha256
    with time_budget(budget, item.source), extract.collecting() as failed:
        embeds, credits = extract.find_all(loaded.article.text, loaded.article.kind,
                                           utf8=loaded.article.utf8)
        embeds, credits, mojibake = read_mojibake(loaded.article, embeds, credits)
        unsupported = unsupported_said(loaded.article)   # these two before the t.co count takes the page's needles
        podcasts = podcasts_said(loaded.article)
        thin = read_thin(loaded.article, embeds, unsupported)
        unfollowed = read_links_not_followed(loaded.article, embeds)
        unread_language = read_credit_language(loaded.article)
        long_handles = long_handles_said(loaded.article, embeds)
    placed = images_at(credits, item.final_url or loaded.url, loaded.article)   # the page's text is still here
    uncredited = None
    if texts:   # a report's run (which quotes the pages) alone: a parse of its own, a fortieth of a scan (#14)
        with extract.collecting() as also_failed:
            uncredited = read_uncredited(loaded.article, placed, item.final_url or loaded.url)
        failed += also_failed
    if not texts:
        loaded = replace(loaded, article=loaded.article.without_page())
    return Extracted(loaded, tuple(embeds), placed, thin, tuple(failed), unfollowed, unread_language, podcasts,
                     unsupported=unsupported, uncredited=uncredited, mojibake=mojibake,
                     long_handles=long_handles)


def read_mojibake(article: Article, embeds: Sequence[Embed], credits: Sequence[Credit]
                  ) -> tuple[list[Embed], list[Credit], dict[str, Any] | None]:
    """The embeds and credits with the mojibake of their words undone, and the `mojibake` warning saying so
    (`resolver.mojibake.read_mojibake`), a step of the article's reading, as `read_thin`."""
    from resolver.mojibake import read_mojibake as read

    return attempt("mojibake", read, article.text, embeds, credits, html=article.kind == "html",
                   fallback=(list(embeds), list(credits), None))


def read_uncredited(article: Article, credits: Sequence[Credit], page_url: str | None) -> dict[str, Any] | None:
    """`uncredited_images` of an article, a step of its reading, as `read_thin`."""
    return attempt("uncredited images", uncredited_images, article, credits, page_url, fallback=None)


# The page's own base for its relative addresses (HTML's first <base href>): its value, in any of HTML's quotings.
_BASE_HREF = LazyPattern(r"""<base\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_ABSOLUTE = LazyPattern(r"[A-Za-z][A-Za-z0-9+.-]*:")


def has_scheme(url: str) -> bool:
    """The address names its scheme (`https:`, `data:`): no page's URL is needed to read it."""
    return bool(_ABSOLUTE.match(url))


def images_at(credits: Sequence[Credit], page_url: str | None, article: Article) -> tuple[Credit, ...]:
    """The credits with each image's relative address (`/img/x.jpg`, `../x.jpg`, `//host/x.jpg`) made absolute as a
    browser makes it: against the page's `<base href>`, itself read against the page's URL (where its redirects
    ended). newuser42a #1: a relative address was never asked for, and the report said there was nothing to do. With
    no URL known (a file), the page's own absolute `<base href>` is the base, as a browser opening the file takes it;
    with neither, the address stays as the page wrote it: the report says the image could not be checked.
    Read where the page's text is at hand (`extract_item`, in the worker: a run that keeps no page has none after)."""
    relative = [c for c in credits if c.image and not _ABSOLUTE.match(c.image)]
    if not relative:
        return tuple(credits)
    from urllib.parse import urljoin

    base = page_base(page_url, article)
    if not base:
        return tuple(credits)

    def joined(image: str) -> str:
        try:
            return urljoin(base, image.strip())   # the parser gave the attribute's value, its entities read
        except ValueError:
            return image
    return tuple(replace(c, image=joined(c.image)) if c.image and not _ABSOLUTE.match(c.image) else c for c in credits)


def page_base(page_url: str | None, article: Article) -> str | None:
    """The address a page's relative image addresses are read against (`images_at`); None when none is known."""
    from urllib.parse import urljoin, urlsplit

    base = page_url
    if article.kind == "html" and _BASE_HREF.search(article.text) and (href := _base_href(article)) is not None:
        with suppress(ValueError):   # an address no parser reads ("http://[::1"): the page's URL stays the base
            given = urljoin(page_url or "", href.strip())
            # HTML: a data: or javascript: base gives the document's own URL (review43a: it left the address
            # relative, and the report said the URL of an article read by its URL was not known)
            split = urlsplit(given)
            if split.scheme.lower() in ("data", "javascript"):
                base = page_url
            elif page_url or split.scheme.lower() in ("http", "https") and split.netloc:
                # a saved file with no URL known is read against its own absolute base, as a browser opening it
                # reads it (review43a's left item: the report said the image could not be checked)
                base = given
    return base


def _base_href(article: Article) -> str | None:
    """The href of the page's first `<base>` element as the parser reads the page (a browser's document base): one
    written inside a comment, a script's string, an attribute's value or a textarea is none (review43a: the first
    `<base href` anywhere in the text was taken, and the image fetched from that host). Parsed only when the text
    holds the words and a relative address needs it."""
    from resolver.extract.dom import parse

    tree = parse(article.text, utf8=article.utf8)
    for element in tree.css("base[href]") if tree is not None else ():
        if not _in_foreign_content(element):   # an SVG or MathML <base> is no HTML base element
            href: str | None = element.attributes.get("href")
            return href
    return None


def _in_foreign_content(element: Any) -> bool:
    node = element.parent
    while node is not None:
        if node.tag in ("svg", "math"):
            return True
        node = node.parent
    return False


def uncredited_images(article: Article, credits: Sequence[Credit], page_url: str | None) -> dict[str, Any] | None:
    """`{"kind": "uncredited-images", "count", "images": [{"url", "where"}], "untied_credits", "message"}`: the
    article's own pictures (its og:image, the images of its body or figures: `shown_images`) that no credit found on
    the page is tied to, their addresses made absolute as credited images' are (`images_at`); None when there are
    none, or the article is no HTML page. newuser42a #11: such an image was never named, so "no credit found" could
    not be told from "not looked at". `credits`: the page's credits, their images placed (`images_at`)."""
    if article.kind != "html":
        return None
    from urllib.parse import urljoin

    from resolver.extract.html_credits import same_photo
    from resolver.extract.shown_images import content_images_of

    shown = content_images_of(article.text, utf8=article.utf8)
    if not shown:
        return None
    base = page_base(page_url, article) if any(not _ABSOLUTE.match(image.url) for image in shown) else None
    # an address two of the body's <img>s name (a lazy placeholder's src) is neither's own: a credit tied to it is
    # tied to no one picture, and it makes none credited (review46b: the second of two lazy pictures sharing a
    # placeholder, uncredited, was never listed, the first's credit being tied to the placeholder)
    named = Counter(address for image in shown if image.where == "article"
                    for address in dict.fromkeys((image.url, *image.others)))
    shared = [address for address, times in named.items() if times > 1]
    placeholders = {c.image for c in credits if c.image and any(_credited(a, c.image, base) for a in shared)}
    credited = [c.image for c in credits if c.image and c.image not in placeholders]
    found: list[dict[str, str]] = []
    for image in shown:
        url = image.url
        if base and not _ABSOLUTE.match(url):
            with suppress(ValueError):
                url = urljoin(base, url)
        if any(url == other["url"] or same_photo(url, other["url"]) for other in found) \
                or any(_credited(address, c, base) for address in (image.url, *image.others) if address not in shared
                       for c in credited):
            continue
        found.append({"url": url, "where": image.where})
    if not found:
        return None
    untied = sum(1 for c in credits if not c.image or c.image in placeholders)
    return {"kind": "uncredited-images", "count": len(found), "images": found, "untied_credits": untied,
            "message": uncredited_note(len(found), untied)}


def _credited(address: str, credited: str, base: str | None) -> bool:
    """Is a picture's address (as written) the image a credit is tied to? Each read against the page's base; with
    none known, a relative one on the other's own site (a saved page's og:image https://news.example/a.jpg and its
    credited <img src=/a.jpg>: the og:image was listed as a picture with no credit, review45c)."""
    from urllib.parse import urljoin

    from resolver.extract.html_credits import same_photo

    if same_photo(address, credited):
        return True
    with suppress(ValueError):
        if base:
            return same_photo(urljoin(base, address), urljoin(base, credited))
        if _ABSOLUTE.match(address) and not _ABSOLUTE.match(credited):
            return same_photo(address, urljoin(address, credited))
        if _ABSOLUTE.match(credited) and not _ABSOLUTE.match(address):
            return same_photo(urljoin(credited, address), credited)
    return False


def uncredited_note(count: int, untied: int) -> str:
    """What the reports say of the article's pictures no credit is tied to (`uncredited_images`)."""
    pictures = "1 of the article's pictures" if count == 1 else f"{count} of the article's pictures"
    said = (f"no credit found for {pictures} (its og:image and the pictures in its body were looked at; icons, logos, "
            "avatars, tracking pixels and data: URIs are not counted)")
    if untied:
        said += (f"; {untied} credit{'s' if untied != 1 else ''} on the page {'are' if untied != 1 else 'is'} tied to "
                 "no image and may be theirs")
    return said


def podcasts_said(article: Article) -> dict[str, Any] | None:
    """`{"kind": "podcasts-not-supported", "count", "first", "message"}`: the Spotify and Apple Podcasts episodes the
    page names, which no step reads (newuser41a #9: they vanished from every output); None: none."""
    from resolver.platforms import podcasts

    held = extract.html.podcasts_held(article.text) if article.kind == "html" else None   # the scan's pass's
    found = podcasts.episodes(article.text, held)
    if not found:
        return None
    return {"kind": "podcasts-not-supported", "count": len(found), "first": found[0].url,
            "message": podcasts.not_supported_note(found)}


# A handle longer than X allows (15 characters) where an X post's URL or its signature writes one: "(@dip_martinez_fict)",
# "twitter.com/dip_martinez_fict/status/…". The URL's id is read, the handle is no X account's (newuser45a #9).
LONG_HANDLE_RE = LazyPattern(r"(?:(?:twitter|x)\.com/|\(@)(?P<handle>[A-Za-z0-9_]{16,50})"
                             r"(?:/status(?:es)?/(?P<id>\d+)|(?=/status)|\))", re.IGNORECASE)


def long_handles_said(article: Article, embeds: Sequence[Embed]) -> dict[str, Any] | None:
    """`{"kind": "handles-not-read", "embeds": [{"embed", "handles"}], "message"}`: the X posts whose URL or signature
    writes a handle longer than X allows, each by its number as the reports number embeds (newuser45a #9: the author
    and the URL's handle were left blank with no word why); None: none. Only an X post read with no handle is looked
    at, in its own words."""
    found: list[dict[str, Any]] = []
    for number, embed in enumerate(embeds, start=1):
        if embed.platform != "twitter" or embed.author_handle or not embed.post_id:
            continue
        words = article.text[embed.span[0]:embed.span[1]]
        said = embed.text or ""
        # the post's own URL, or a signature's "(@handle)": not a link to another post in its words, nor an account
        # its words mention in brackets (an Instagram account's "(@gobernacion_oficial_ig)": review46a)
        handles = list(dict.fromkeys(m["handle"] for m in LONG_HANDLE_RE.finditer(words)
                                     if (m["id"] == embed.post_id if m["id"] else
                                         not m[0].startswith("(") or words.count(m[0]) > said.count(m[0]))))
        if handles:
            found.append({"embed": number, "handles": handles})
    if not found:
        return None
    said = "; ".join(f"embed {item['embed']}: " + ", ".join(f"@{h} ({len(h)} characters)" for h in item["handles"])
                     for item in found)
    return {"kind": "handles-not-read", "embeds": found,
            "message": f"{said}: longer than X allows (15 characters), so no X account's handle; not read as the "
                       f"author; the post is known by its id alone"}


def unsupported_said(article: Article) -> dict[str, Any] | None:
    """`{"kind": "posts-not-supported", "count", "services", "invites", "first", "message"}`: the VK, Rutube, OK and
    Tumblr posts and videos, the Flickr photos the page embeds or links (`count`, by service in `services`), those
    of closed services (Storify, Vine, Google+: named in `closed`, newuser44d #2) and its Telegram invite links
    (`invites`), which no step reads (newuser44a #3: they vanished from every output); None: none."""
    from resolver.platforms import unsupported

    held = extract.html.unsupported_held(article.text) if article.kind == "html" else None   # the scan's pass's
    found = unsupported.found(article.text, held)
    if not found:
        return None
    services: dict[str, int] = {}
    for item in found:
        if item.service != unsupported.INVITE_SERVICE:
            services[item.service] = services.get(item.service, 0) + 1
    closed = [service for service in services if service in unsupported.CLOSED]
    return {"kind": "posts-not-supported", "count": sum(services.values()), "services": services,
            "invites": len(found) - sum(services.values()), **({"closed": closed} if closed else {}),
            "first": found[0].url, "message": unsupported.not_supported_note(found)}


def read_thin(article: Article, embeds: list[Embed], unsupported: dict[str, Any] | None = None) -> ThinPage | None:
    """`thin_page` of an article, a step of its reading (`extract.incomplete`): a bug in it loses this finding alone.
    `unsupported`: `unsupported_said`'s, whose posts it counts beside the embeds (newuser44d #2)."""
    thin = attempt("thin page", thin_page, article.text, article.kind, embeds=len(embeds), shown=posts_shown(embeds),
                   utf8=article.utf8, fallback=None)
    if thin is not None and unsupported and unsupported["count"]:
        thin = replace(thin, others=unsupported["count"], services=tuple(unsupported["services"]))
    return thin


def read_links_not_followed(article: Article, embeds: list[Embed]) -> LinksNotFollowed | None:
    """`links_not_followed` of an article, a step of its reading, as `read_thin`."""
    return attempt("t.co links not followed", _links_not_followed, article, embeds, fallback=None)


def _links_not_followed(article: Article, embeds: list[Embed]) -> LinksNotFollowed | None:
    """`links_not_followed` of an HTML page read at the places of "t.co/" its scan's needle pass found, when this very
    page was the last scanned here; else searched (#14: a pass of its own was 0.1 ms a corpus page)."""
    starts = extract.html.short_link_starts(article.text) if article.kind == "html" else None
    return links_not_followed(article.text, article.kind, embeds, starts=starts)


def read_credit_language(article: Article) -> CreditLanguageNotRead | None:
    """`credit_language_not_read` of an article, a step of its reading, as `read_thin`."""
    return attempt("credit language", credit_language_not_read, article.text, article.kind, utf8=article.utf8,
                   fallback=None)


def extract_alone(item: Item, kind: str | None = None, encoding: str | None = None,
                  budget: float = 0.0, texts: bool = True) -> Extracted:
    """`extract_item` in a worker, for one item sent alone: what it raises, as the main process can have it."""
    try:
        return extract_item(item, kind, encoding, budget, texts)
    except Exception as exc:  # noqa: BLE001 - raised again, as a copy the main process can make
        failed = _portable(exc)
    raise failed   # out of the except block: its context is not the exception replaced (a pickler may keep it)


def extract_items(items: Sequence[Item], kind: str | None = None, encoding: str | None = None,
                  budget: float = 0.0, texts: bool = True) -> list[Extracted | Exception]:
    """`extract_item` over a group of items, in one worker: each item's outcome, or the exception it raised (each
    within its own budget)."""
    outcomes: list[Extracted | Exception] = []
    for item in items:
        try:
            outcomes.append(extract_item(item, kind, encoding, budget, texts))
        except Exception as exc:  # noqa: BLE001 - the item's outcome, raised again by its Member's result()
            outcomes.append(_portable(exc))
    return outcomes


class WorkerError(Exception):
    """An exception a worker could not hand back as it was (it cannot be pickled, or its copy cannot be made
    again): its type and message."""


def _portable(exc: Exception) -> Exception:
    """The exception, if the main process can have a copy of it; else a WorkerError saying what it was. A group's
    outcomes are pickled as one: one that could not be would fail the group; and one whose copy cannot be made
    again breaks the pool (the run would end, "a worker process died")."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - whatever the copy raised, the item's failure is said the same way
        failed = WorkerError(f"{type(exc).__name__}: {exc}")
        failed.__dict__[_WHERE] = _formatted(exc)
        return failed
    exc.__dict__[_WHERE] = _formatted(exc)   # a pickled exception keeps its __dict__, not its traceback
    return exc


_WHERE = "embed_resolver_traceback"   # an exception's traceback as text, where it was raised (a worker process)


def _formatted(exc: BaseException) -> str:
    from traceback import format_exception

    return "".join(format_exception(exc))


def traceback_of(exc: BaseException) -> str:
    """The traceback of an exception as text: where a worker raised it, when it came from one (the copy the main
    process has kept no frames of it, newuser37 #4), else its own."""
    where = exc.__dict__.get(_WHERE) if hasattr(exc, "__dict__") else None
    return where if isinstance(where, str) else _formatted(exc)


class _Group:
    """Items sent to a worker as one task; `future` is None until sent."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.future: Future[list[Extracted | Exception]] | None = None


class Member:
    """One item's extraction in a group (`Extractor.submit(item, grouped=True)`): done when its group is; asking
    for its result sends its group if it was still being filled."""

    def __init__(self, extractor: Extractor, group: _Group, index: int) -> None:
        self.extractor, self.group, self.index = extractor, group, index

    def done(self) -> bool:
        return self.group.future is not None and self.group.future.done()

    def wait(self, timeout: float | None) -> bool:
        """Wait at most `timeout` seconds (None: for as long as it takes); whether it is done."""
        if self.group.future is None:
            self.extractor.send()
        from concurrent.futures import wait

        assert self.group.future is not None
        wait([self.group.future], timeout=timeout)
        return self.done()

    def result(self) -> Extracted:
        self.wait(None)
        assert self.group.future is not None
        outcome = self.group.future.result()[self.index]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


def wait_for(pending: Pending[Any], timeout: float | None) -> bool:
    """Wait at most `timeout` seconds (None: for as long as it takes) for a submitted extraction to be done;
    whether it is."""
    if isinstance(pending, Member):
        return pending.wait(timeout)
    from concurrent.futures import Future, wait

    if isinstance(pending, Future):
        wait([pending], timeout=timeout)
    return pending.done()


def _start_worker(parent: int) -> None:
    """In each worker: Ctrl-C is the main process's to handle; and when the main process is gone (kill -9), the
    worker goes too instead of waiting for work forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # SIGTERM too (systemd and Slurm send it to every process of the run): the main process stops the run cleanly and
    # shuts the pool down; a worker killed by it first was a crash (newuser39b #5)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGALRM, _expired)   # for the worker's life: each article sets only its timer (#14)
    _ALARM_HELD.append(True)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


class Pending(Protocol[V]):
    """An extraction submitted: done at once in this process, or a worker's future."""

    def done(self) -> bool: ...

    def result(self) -> V: ...


class Done(Generic[R]):
    """Work done in this process, kept as a future keeps it: its value, or the exception it raised."""

    def __init__(self, work: Callable[[], R]) -> None:
        self._error: Exception | None = None
        try:
            self._value: R | None = work()
        except Exception as exc:  # noqa: BLE001 - raised again by result(), as a future does
            self._value, self._error = None, exc

    def done(self) -> bool:
        return True

    def result(self) -> R:
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]


class Extractor:
    """Extraction in this process (workers <= 1) or in a pool of worker processes: `submit(item)` starts it,
    `result(item, pending)` waits for it; `await extractor(item)` does both in an event loop. With `grouped`,
    items go to the workers GROUP at a time: a group is sent when full, when one of its items' results is asked
    for, before an item submitted alone, or on `send()` (call it before waiting for anything else, e.g. more
    input)."""

    GROUP = 8
    WIND_DOWN_S = 5.0   # at most, for the work running when the run stops

    def __init__(self, workers: int, *, kind: str | None = None, encoding: str | None = None,
                 budget: float = 0.0, texts: bool = True) -> None:
        self.workers = max(1, workers)
        self.budget = budget   # seconds per article's extraction (0: none)
        self.kind, self.encoding = kind, encoding
        self.texts = texts     # False: articles come back without their page (a run that never reads it)
        self._pool: ProcessPoolExecutor | None = None
        self._calls = 0
        self._group: _Group | None = None

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            if exc is None:
                pool.shutdown(wait=True)
                return
            # On an error or Ctrl-C, queued work is dropped rather than waited for; what runs is let finish, as the
            # interpreter's exit waits for it anyway. The pool's manager thread is waited for here, not left to close
            # its wake-up pipe while the exit wakes it: Python 3.11's race printed "OSError: [Errno 9] Bad file
            # descriptor" at exit (about one `scan | head -n 1` in twenty under load; fixed upstream: gh-125451).
            manager = getattr(pool, "_executor_manager_thread", None)
            pool.shutdown(wait=False, cancel_futures=True)
            if manager is not None:
                manager.join(self.WIND_DOWN_S)

    def submit(self, item: Item, *, grouped: bool = False) -> Pending[Extracted]:
        """Start extracting an item: here, at once (the first article, or one worker), or in the pool (in a group
        of items, with `grouped`)."""
        self._calls += 1
        if self._pool is None and self.workers > 1 and self._calls > 1:
            # Started on the second article: a one-article run does not pay for a pool.
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(self.workers, initializer=_start_worker, initargs=(os.getpid(),))
        if self._pool is None:
            return Done(lambda: extract_item(item, self.kind, self.encoding, self.budget, self.texts))
        if not grouped:
            self.send()   # the group being filled goes first: the run may wait for this item's successor (stdin)
            return self._to_pool(item, extract_alone, item, self.kind, self.encoding, self.budget, self.texts)
        group = self._group = self._group or _Group()
        group.items.append(item)
        member = Member(self, group, len(group.items) - 1)
        if len(group.items) >= self.GROUP:
            self.send()
        return member

    def send(self) -> None:
        """Send the group being filled, if any, to the workers."""
        group, self._group = self._group, None
        if group is not None and self._pool is not None:
            group.future = self._to_pool(group.items[0], extract_items, group.items, self.kind, self.encoding,
                                         self.budget, self.texts)

    def _to_pool(self, item: Item, work: Callable[..., R], *args: Any) -> Future[R]:
        """Submit work to the pool; a pool a worker died in takes nothing more (WorkerCrashed, as from result())."""
        from concurrent.futures.process import BrokenProcessPool

        assert self._pool is not None
        try:
            return self._pool.submit(work, *args)
        except BrokenProcessPool:
            raise WorkerCrashed(_died(item)) from None

    def result(self, item: Item, pending: Pending[Extracted]) -> Extracted:
        """What the extraction gave (waiting for a worker if need be), or the exception it raised."""
        if self._pool is None:
            return pending.result()
        from concurrent.futures.process import BrokenProcessPool

        try:
            return pending.result()
        except BrokenProcessPool:
            raise WorkerCrashed(_died(item)) from None

    async def __call__(self, item: Item) -> Extracted:
        pending = self.submit(item)
        await finished(pending)
        return self.result(item, pending)


async def finished(pending: Pending[Any]) -> None:
    """Wait, in the event loop, until a submitted extraction is done (however it ended)."""
    if not pending.done():
        import asyncio

        waited: asyncio.Future[Any] = asyncio.wrap_future(pending)  # type: ignore[arg-type]
        await asyncio.wait([waited])
        if not waited.cancelled():
            # The outcome is read from `pending`; retrieving it here too keeps asyncio from printing a traceback for a
            # copy of the exception nobody asked for ("Future exception was never retrieved").
            waited.exception()


def _died(item: Item) -> str:
    return f"cannot scan {item.source}: a worker process died (out of memory?); try fewer --workers"


class WorkerCrashed(EmbedResolverError):
    """A worker process died: the pool cannot go on (its other tasks are lost with it)."""


async def ordered_map(items: Iterable[T], work: Callable[[T], Awaitable[R]], *, window: int,
                      more_ready: Callable[[], bool] | None = None,
                      arrived: asyncio.Event | None = None) -> AsyncGenerator[R, None]:
    """`work(item)` for every item, at most `window` at once, results in input order. The input is read only
    as far as the window allows; with `more_ready`, and work in flight, only while it says more input can be read
    without waiting (reading standard input blocks the loop: what is in flight goes on first). `arrived`, set when
    more input may have become ready (by standard input's reading thread), wakes the wait on work in flight to read
    it at once rather than when some of that work ends. If the consumer stops or a task raises, the tasks still
    running are cancelled (use it under `contextlib.aclosing`, so that happens at once and not when the generator
    is collected)."""
    import asyncio

    if window < 1:
        raise ValueError("window must be at least 1")
    pending: deque[asyncio.Task[R]] = deque()
    iterator = iter(items)
    exhausted = False
    try:
        while True:
            if arrived is not None:
                arrived.clear()   # what has arrived is read now, as far as the window allows
            while not exhausted and len(pending) < window:
                if pending and more_ready is not None and not more_ready():
                    break
                try:
                    item = next(iterator)
                except StopIteration:
                    exhausted = True
                    break
                pending.append(asyncio.ensure_future(work(item)))
            if not pending:
                return
            if not pending[0].done():
                # Wake on any task, not only the first: a failure further on stops the run at once. And on new input,
                # while the window has room for it.
                waits: list[asyncio.Future[Any]] = [t for t in pending if not t.done()]
                listening = arrived is not None and not exhausted and len(pending) < window
                if listening:
                    assert arrived is not None
                    waits.append(asyncio.ensure_future(arrived.wait()))
                try:
                    done, _ = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
                finally:
                    if listening and not waits[-1].done():
                        waits[-1].cancel()
                for task in done:
                    if task in pending and not task.cancelled() and task.exception() is not None:
                        raise task.exception()  # type: ignore[misc]
                continue
            yield pending.popleft().result()
    finally:
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)

