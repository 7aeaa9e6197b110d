"""The whole job, top to bottom: read an article, find its embeds and credits and record them; then, as far as
asked, resolve the links they carry, fetch the posts they name, archive them, and identify flattened tweets that
kept no link.

`run()` is the one synchronous entry: one session (one event loop, one HTTP client, one set of rate budgets) for
the whole job over an iterable of inputs, each outcome handed on in input order. Stages hand each other typed,
frozen results (`ArticleResult` has a field per step); JSON is made only at the edges, by `to_json()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from cache import CacheError
from resolver import __version__, extract, platforms
from resolver.archive import ArchivedUrl, ArchiveOptions, Identification, archive_urls, identify
from resolver.article import Article, from_bytes, from_path
from resolver.errors import EmbedResolverError, InputError
from resolver.fetch import FetchedPost, FetchOptions, MediaFile, Target, fetch_posts, media_file, target_of
from resolver.model import Credit, Embed
from resolver.resolve import Resolution, links_of, resolve_many

if TYPE_CHECKING:
    from cache import Store
    from resolver.session import Session


class StepResult(Protocol):
    """What every step's result offers: its JSON form, and whether it was unavailable offline."""

    @property
    def unavailable(self) -> bool: ...

    def to_json(self) -> dict[str, Any]: ...


V = TypeVar("V", bound=StepResult)


@dataclass(frozen=True)
class ForEmbed(Generic[V]):
    """A step's result for one embed of an article; `embed` is its index in `ArticleResult.embeds`."""

    embed: int
    value: V

    @property
    def unavailable(self) -> bool:
        return self.value.unavailable

    def to_json(self) -> dict[str, Any]:
        return {"embed": self.embed, **self.value.to_json()}


@dataclass(frozen=True)
class ArticleResult:
    """What processing one article found, and where it was recorded. Each step's field is None when the step did
    not run, and empty when it ran and found nothing."""

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

    @property
    def unavailable(self) -> bool:
        """Offline, and something a step needed was not in the cache."""
        steps: tuple[Iterable[StepResult] | None, ...] = (
            self.resolutions, self.posts, self.credited_images, self.archives, self.identifications)
        return any(found.unavailable for results in steps for found in results or ())

    def to_json(self) -> dict[str, Any]:
        """The same keys whatever ran: a step that did not run is null, one that found nothing is []."""
        article = self.article
        return {
            "source": article.source, "sha256": article.sha256, "kind": article.kind, "encoding": article.encoding,
            "encoding_detected": article.encoding_detected,
            "embeds": [e.to_json() for e in self.embeds], "credits": [c.to_json() for c in self.credits],
            "resolutions": _json_list(self.resolutions), "posts": _json_list(self.posts),
            "credited_images": _json_list(self.credited_images), "archives": _json_list(self.archives),
            "identifications": _json_list(self.identifications), "unavailable": self.unavailable,
        }


def _json_list(results: Iterable[StepResult] | None) -> list[dict[str, Any]] | None:
    return None if results is None else [r.to_json() for r in results]


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed, and why. `named`: the user named it (an error), rather than a
    folder walk found it (a warning)."""

    source: str
    message: str
    named: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "error": self.message}


Outcome = ArticleResult | Failure


@dataclass(frozen=True)
class Steps:
    """What to do after scanning. A step brings the ones it needs: fetch resolves links, archive fetches posts."""

    resolve: bool = False
    fetch: bool = False
    archive: ArchiveOptions | None = None
    identify: bool = False

    @property
    def fetches(self) -> bool:
        return self.fetch or self.archive is not None

    @property
    def resolves(self) -> bool:
        return self.resolve or self.fetches


# What a provenance report needs: posts fetched (links resolved first) and archive lookups, no save, no live copy.
REPORT_STEPS = Steps(fetch=True, archive=ArchiveOptions(live_copy=False))


# -- inputs --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    """One input of a run: where an article comes from, read only when its turn comes."""

    name: str
    path: Path | None = None
    data: bytes | None = None          # the bytes, when already read (stdin)
    kind: str | None = None            # "html" | "text"; None: sniffed from the content
    encoding: str | None = None        # None: declared or detected
    named: bool = True                 # the user named it, rather than a folder walk found it
    problem: str | None = None         # found unusable while listing (an unreadable folder): reported, not read

    def read(self) -> Article:
        """The article, decoded; an InputError names the input when it cannot be used."""
        if self.path is not None:
            return from_path(self.path, kind=self.kind, encoding=self.encoding)
        if self.data is None:
            raise InputError(f"cannot read {self.name}: no input given")
        return from_bytes(self.data, self.name, kind=self.kind, encoding=self.encoding)


def expand_sources(sources: Iterable[str], *, stdin: bytes | None = None, kind: str | None = None,
                   encoding: str | None = None) -> Iterator[Item]:
    """An Item for every file the sources name: files as given, directories walked in sorted order, - for the
    bytes of stdin (read once by the caller). A problem found while walking is an Item with `problem` set."""
    for source in sources:
        path = Path(source)
        if source == "-":
            yield Item("-", data=stdin, kind=kind, encoding=encoding)
        elif path.is_dir():
            yield from (replace(item, kind=kind, encoding=encoding) for item in _walk(path))
        else:
            yield Item(source, path, kind=kind, encoding=encoding)


def _walk(directory: Path) -> Iterator[Item]:
    try:
        entries = sorted(directory.iterdir())
    except OSError as exc:
        yield Item(str(directory), named=False, problem=f"cannot list {directory}: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file():
            yield Item(str(entry), entry, named=False)


# -- the run -------------------------------------------------------------------------------------------------

@dataclass
class Summary:
    """What a run did, counted as outcomes come in: for the exit code and a final line."""

    articles: int = 0
    failed: int = 0           # inputs the user named that could not be processed
    skipped: int = 0          # inputs a folder walk found that could not be processed
    unavailable: int = 0      # articles with something not in the cache, offline

    def count(self, outcome: Outcome) -> None:
        if isinstance(outcome, Failure):
            if outcome.named:
                self.failed += 1
            else:
                self.skipped += 1
            return
        self.articles += 1
        self.unavailable += outcome.unavailable


def run(items: Iterable[Item], *, session: Session, steps: Steps = Steps(),
        emit: Callable[[Outcome], None] | None = None) -> Summary:
    """Process every input in one session (one event loop, one client, one set of budgets), handing each outcome
    to `emit` in input order. Inputs are read as their turn comes, so an iterator of any length is fine."""
    return session.run(lambda s: drive(items, session=s, steps=steps, emit=emit))


async def drive(items: Iterable[Item], *, session: Session, steps: Steps,
                emit: Callable[[Outcome], None] | None) -> Summary:
    """The async driver: inputs in, outcomes out in input order. Articles go one after another for now; a worker
    pool and a bounded queue slot in here without changing the callers (#13)."""
    summary = Summary()
    for item in items:
        outcome = await process_item(item, session=session, steps=steps)
        summary.count(outcome)
        if emit is not None:
            emit(outcome)
    return summary


async def process_item(item: Item, *, session: Session, steps: Steps) -> Outcome:
    """One input, isolated: what goes wrong with it is its outcome, and the run goes on."""
    if item.problem is not None:
        return Failure(item.name, item.problem, named=False)
    try:
        return await process_article(item.read(), session=session, steps=steps)
    except (EmbedResolverError, CacheError) as exc:
        return Failure(item.name, str(exc), named=item.named)


async def process_article(article: Article, *, session: Session, steps: Steps = Steps()) -> ArticleResult:
    """The whole job for one article, as far as asked: scan, then resolve its links, fetch its posts, archive
    them, and identify flattened tweets that kept no link."""
    result = scan_article(article, store=session.store)
    if steps.resolves:
        result = await resolve_links(result, session=session)
    if steps.fetches:
        result = await fetch_for_article(result, session=session)
    if steps.archive is not None:
        result = await archive_article(result, session=session, options=steps.archive)
    if steps.identify:
        result = await identify_remnants(result, session=session)
    return result


# -- the steps -----------------------------------------------------------------------------------------------

def scan(content: str | bytes, *, source: str = "-", kind: str | None = None) -> ArticleResult:
    """Embeds and credits of an article given as text or bytes (text is taken as UTF-8). No store, no network."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return scan_article(from_bytes(data, source, kind=kind))


def scan_file(path: str | Path, *, kind: str | None = None, encoding: str | None = None) -> ArticleResult:
    """Embeds and credits of an article file (HTML or text, sniffed; the encoding detected). No store, no network."""
    return scan_article(from_path(Path(path), kind=kind, encoding=encoding))


def scan_article(article: Article, *, store: Store | None = None) -> ArticleResult:
    """Find the embeds and credits of one article and, given a store, record them in one transaction."""
    embeds, credits = extract.find_all(article.text, article.kind)
    if store is None:
        return ArticleResult(article, tuple(embeds), tuple(credits))
    article_id, created = store.record_article(
        {"sha256": article.sha256, "kind": article.kind, "encoding": article.encoding,
         "encoding_detected": int(article.encoding_detected), "bytes": len(article.data)},
        [e.to_json() for e in embeds], [c.to_json() for c in credits],
        source=article.source, tool_version=__version__,
    )
    return ArticleResult(article, tuple(embeds), tuple(credits), article_id, created)


async def resolve_links(result: ArticleResult, *, session: Session) -> ArticleResult:
    """Resolve every link the article's embeds carry, record each, and tie them to their embeds."""
    wanted = [(i, link) for i, embed in enumerate(result.embeds) for link in links_of(embed)]
    resolutions = await resolve_many([link for _, link in wanted], session=session)
    store = session.store
    if store is not None and result.article_id is not None and wanted:
        store.link_embeds(result.article_id,
                          [(i, link, r.resolution_id) for (i, link), r in zip(wanted, resolutions, strict=True)])
    return replace(result, resolutions=tuple(ForEmbed(i, r) for (i, _), r in zip(wanted, resolutions, strict=True)))


def post_targets(result: ArticleResult) -> list[tuple[int, Target]]:
    """(embed index, post) for every post the embeds name, directly or through a resolved link."""
    wanted = []
    for i, embed in enumerate(result.embeds):
        target = target_of(embed.platform, embed.kind, embed.post_id, embed.url)
        if target is not None:
            wanted.append((i, target))
    for found in result.resolutions or ():
        target = _end_target(found.value)
        if target is not None:
            wanted.append((found.embed, target))
    return list(dict.fromkeys(wanted))


def _end_target(resolution: Resolution) -> Target | None:
    """The post a link ends at, if it ends at one."""
    end = resolution.post
    return target_of(end.platform, end.kind, end.post_id, end.url) if end else None


async def fetch_for_article(result: ArticleResult, *, session: Session,
                            options: FetchOptions = FetchOptions()) -> ArticleResult:
    """Fetch every post the embeds name and tie each to its embed; analyse the images the credits belong to."""
    wanted = post_targets(result)
    posts = await fetch_posts([t for _, t in wanted], session=session, options=options) if wanted else []
    store = session.store
    if store is not None and result.article_id is not None:
        ids = store.embed_ids(result.article_id)
        for (ordinal, _), post in zip(wanted, posts, strict=True):
            if post.post_row is not None and ordinal in ids:
                store.link_embed_post(ids[ordinal], post.post_row)
    images = [c.image for c in result.credits if c.image and c.image.startswith(("http://", "https://"))]
    credited = [await media_file(url, session=session, keep_dir=options.keep_media_dir)
                for url in dict.fromkeys(images)] if options.media else []
    return replace(result, posts=tuple(ForEmbed(i, p) for (i, _), p in zip(wanted, posts, strict=True)),
                   credited_images=tuple(credited))


def archive_targets_of(result: ArticleResult) -> tuple[list[str], dict[str, str]]:
    """The post and media URLs an article references (after resolution and fetching), and each post's day."""
    urls: list[str] = []
    near: dict[str, str] = {}
    for embed in result.embeds:
        if embed.post_id and embed.kind in ("post", "video"):
            urls.append(embed.url)
            if embed.date:
                near[embed.url] = embed.date.replace("-", "")
        urls.extend(embed.media_links)
    for post in result.posts or ():
        record = post.value.record
        urls.extend([record.url] if record.url else [])
        urls.extend(m.url for m in record.media if m.url)
    urls.extend(c.image for c in result.credits if c.image and c.image.startswith(("http://", "https://")))
    return list(dict.fromkeys(urls)), near


async def archive_article(result: ArticleResult, *, session: Session, options: ArchiveOptions) -> ArticleResult:
    """Look up (and save, when asked) archived copies of every post and media URL the article references."""
    urls, near = archive_targets_of(result)
    archived = await archive_urls(urls, session=session, options=options, near=near) if urls else []
    return replace(result, archives=tuple(archived))


def _remnant(embed: Embed) -> tuple[str, str, str] | None:
    """(handle, day, text) of a flattened tweet that kept no link, the three things identification needs."""
    if embed.platform == "twitter" and embed.kind == "post" and not embed.post_id and embed.author_handle \
            and embed.date and embed.text:
        return embed.author_handle, embed.date, embed.text
    return None


async def identify_remnants(result: ArticleResult, *, session: Session) -> ArticleResult:
    """For each flattened tweet with no link: find its id from the archive's captures and the text."""
    found = []
    for ordinal, embed in enumerate(result.embeds):
        remnant = _remnant(embed)
        if remnant is not None:
            found.append(ForEmbed(ordinal, await identify(*remnant, session=session)))
    store = session.store
    if store is not None and result.article_id is not None:
        ids = store.embed_ids(result.article_id)
        for item in found:
            if item.embed in ids and not item.unavailable:   # an offline non-answer is no finding
                store.record_identification(item.value.to_json() | {"embed_id": ids[item.embed]})
    return replace(result, identifications=tuple(found))


# -- what the commands name: articles, or posts and links ------------------------------------------------------

def _named(targets: Iterable[str], stdin: bytes | None) -> Iterator[Item | str]:
    """Each target as an article (a file, every file of a folder, - for stdin) or, when it is none, as itself."""
    for target in targets:
        if target == "-" or Path(target).exists():
            yield from (item for item in expand_sources([target], stdin=stdin) if item.problem is None)
        else:
            yield target


async def fetch_targets(targets: Iterable[str], *, session: Session, stdin: bytes | None = None) -> list[Target]:
    """Posts to fetch from what the user named: post URLs as they are, short links resolved, articles scanned."""
    found: list[Target] = []
    links: list[str] = []
    for named in _named(targets, stdin):
        if isinstance(named, Item):
            for embed in scan_article(named.read(), store=session.store).embeds:
                target = target_of(embed.platform, embed.kind, embed.post_id, embed.url)
                if target is not None:
                    found.append(target)
                elif embed.kind in ("media-link", "short-link"):
                    links.append(embed.url)
            continue
        ref = platforms.parse_url(named)
        target = target_of(ref.platform, ref.kind, ref.post_id, ref.url) if ref else None
        if target is not None:
            found.append(target)
        elif "." in named:
            links.append(named)
        else:
            raise InputError(f"{named} is neither a file nor a URL")
    for resolution in await resolve_many(links, session=session):
        target = _end_target(resolution)
        if target is not None:
            found.append(target)
    return found


async def archive_targets(targets: Iterable[str], *, session: Session, options: ArchiveOptions,
                          stdin: bytes | None = None) -> list[ArchivedUrl]:
    """Archive what the user named: URLs as they are; for articles, every post and media URL they reference
    (resolved and fetched first, so a WARC holds everything a replay needs)."""
    urls: list[str] = []
    near: dict[str, str] = {}
    for named in _named(targets, stdin):
        if isinstance(named, Item):
            found, days = archive_targets_of(await process_article(named.read(), session=session,
                                                                   steps=Steps(fetch=True)))
            urls += found
            near.update(days)
        else:
            urls.append(named if "://" in named else "https://" + named)
    return await archive_urls(urls, session=session, options=options, near=near)
