"""What people read: scan results as tables (rich on a terminal, plain columns in a pipe), the other commands'
views (rich), and provenance reports (Markdown, JSON, HTML). rich is imported by what draws with it: a scan piped
to a file does not load it (#14)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from resolver import __version__
from resolver.lazy import LazyPattern, lazy_dataclass
from resolver.model import Credit, unshown
from resolver.platforms import NOT_POSTS, beyond_ascii, bluesky, comment_said, lookalike_link, parse_url

ARCHIVED_COPY = "archived-copy"   # an archived copy's status when it holds the post (resolver.fetch.records; not
# imported here, which a scan's rendering would load for this word alone)

Thumbnail = Callable[[str], str | None]   # media URL -> a data: URI of its kept bytes, or None

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from resolver.archive import ArchivedUrl
    from resolver.extract.incomplete import FailedStep
    from resolver.fetch.wayback import ArchivedCopy
    from resolver.identify import Identification
    from resolver.fetch import FetchedPost, MediaFile
    from resolver.pipeline import ArticleResult
    from resolver.resolve import Resolution


# What would break a person's line, act on their terminal or reorder what they read: C0 and C1 controls, DEL, the
# line and paragraph separators, and the bidi embeddings, overrides and isolates. A value shown (a URL, a name, a file
# name, an error naming a URL) shows each as its escape (#2: a URL holding a line break went on over two lines; an
# ESC in one coloured the terminal; odds28: U+202E showed "evil\u202egnp.exe" as "evilexe.png"). The marks and
# joiners right-to-left words and emoji need (U+200D-U+200F) are no such character.
CONTROL_RE = LazyPattern(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")   # compiled when needed (#14)
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escaped_controls(text: str) -> str:
    """`text` on one line of a person's screen: its control characters as escapes (`\\n`, `\\x1b`, `\\u2028`). Text
    that is all printable (most) is returned as it is, checked in C."""
    if text.isprintable():
        return text
    return CONTROL_RE.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    char = found[0]
    return _ESCAPES.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def _short(value: str | None, width: int) -> str:
    if not value:
        return ""
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 1] + "…"


# A scan result's view, drawn by rich on a terminal and as plain text in a pipe: a line is a list of styled parts
# (text, rich style or ""); a grid is a table of such cells. A part's text is a value, shown with its control
# characters escaped (`escaped_controls`); a part that is "\n" alone starts a new line of its cell.
Part = tuple[str, str]
BREAK: Part = ("\n", "")


@dataclass(frozen=True)
class Grid:
    """A table: its columns (header, rich width ratio) and rows of cells; a BREAK part starts a new line in a cell."""

    columns: tuple[tuple[str, int | None], ...]
    rows: list[list[list[Part]]]


def scan_view(result: ArticleResult) -> Iterator[list[Part] | Grid]:
    """A heading line, then a table of embeds, a line per step result, and a table of credits (each table only
    when there is something)."""
    article = result.article
    head = [(article.source, "bold"), (f"  {article.kind}  sha256 {article.sha256[:12]}…  ", ""),
            (f"{len(result.embeds)} embed{'s' * (len(result.embeds) != 1)}, "
             f"{len(result.credits)} credit{'s' * (len(result.credits) != 1)}", "cyan")]
    if (bad := article.bad_bytes_said) is not None:   # read as UTF-8: how many bytes were not (newuser39b #11)
        head.append((f"  ({bad})", "yellow"))
    elif article.encoding_detected:
        head.append((f"  (encoding guessed: {guessed(article.encoding, article.encoding_rivals)})", "yellow"))
    elif article.encoding_given_at:
        head.append((f"  (encoding {article.encoding} {_given_on(article.encoding_given_at)})", ""))
    if result.truncated:
        head.append((f"  (payload cut short by the crawler ({result.truncated}): embeds past the cut may be missing)",
                     "yellow"))
    yield head
    if (note := result.article.read_from) is not None:
        yield [(f"  note: {note}", "")]
    if (label := article.encoding_label_said) is not None:   # the JSON's `encoding-label-overruled` (newuser43a #3)
        yield [(f"  warning: {label}", "yellow")]
    if result.incomplete:
        yield [(f"  {incomplete_line(result.incomplete)}", "red")]
    if result.thin is not None:
        yield [(f"  warning: {result.thin.message}", "yellow")]
    if result.unfollowed is not None:   # the count the JSON's `links-not-followed` gives (resolution36)
        yield [(f"  warning: {result.unfollowed.message}", "yellow")]
    if result.unread_language is not None:   # the JSON's and the reports' `credit-language-not-read` (credits37)
        yield [(f"  warning: {result.unread_language.message}", "yellow")]
    if (podcast := result.podcasts) is not None:   # the JSON's and the reports' (newuser41a #9)
        yield [(f"  note: {podcast['message']}", "yellow")]
    if (unsupported := result.unsupported) is not None:   # newuser44a #3
        yield [(f"  note: {unsupported['message']}", "yellow")]
    if (mojibake := result.mojibake) is not None:   # the JSON's and the reports' `mojibake` (newuser44d #4)
        yield [(f"  warning: {mojibake['message']}", "yellow")]
    if (long_handles := result.long_handles) is not None:   # newuser45a #9
        yield [(f"  warning: {long_handles['message']}", "yellow")]
    if result.embeds:
        rows = []
        for i, embed in enumerate(result.embeds, start=1):
            handle = _handle_label(embed.platform, embed.author_handle)
            # a name the article's words give beside a link is no author the post is signed by (newuser44d #9)
            named: list[Part] = [(f"article names beside it: {embed.author_name}", "dim") if embed.named_beside
                                 else (embed.author_name, ""), (handle, "")] if embed.author_name else [(handle, "")]
            author = [part for name in named if name[0] for part in (BREAK, name)][1:] or [("", "")]
            media = f" [{len(embed.media_links)} media]" if embed.media_links else \
                f" [{embed.media_marker}]" if embed.media_marker else ""
            post = [(f"{embed.platform} {embed.kind}", "bold"), BREAK,
                    (post_url_words(embed.kind, embed.post_id, embed.shown_url or embed.url)
                     + _start_time(data := embed.to_json()), ""), BREAK, (embed.detector, "dim")]
            if embed.shown_url:   # the article's form first, the one matched and fetched by after it (fixleft46b)
                post += [BREAK, (canonical_words(embed.url), "dim")]
            for line in (moments_line(data), other_handles_line(data)):   # newuser41a #3, #13
                post += [BREAK, (line, "dim")] if line else []
            if embed.id_doubt:
                post += [BREAK, (f"uncertain id: {embed.id_doubt}", "yellow")]
            if embed.unshown:   # kept in the page, never shown to a reader (newuser37 #1)
                post += [BREAK, (unshown(embed.unshown), "yellow")]
            rows.append([[(str(i), "")], post, author, [(date_cell(embed.date, embed.date_text), "")],
                         [(_short(embed.text, 140) + media, "")]])
        yield Grid((("#", None), ("post", 3), ("author", 2), ("date", 1), ("text", 3)), rows)
    for found in result.resolutions or ():
        resolution = found.value
        where = resolution.canonical_url or resolution.final_url or ""
        if resolution.refused:   # not followed, by the config's choice: no failure (newuser43b #9)
            from resolver.errors import not_checked_words

            yield [(f"  #{found.embed + 1} {resolution.url}: {not_checked_words(resolution.error)}", "yellow")]
            continue
        note = f"  error: {resolution.error}" if resolution.error else ""
        yield [(f"  #{found.embed + 1} {resolution.url} -> {where}{note}", "red" if note else "cyan")]
    refused: dict[str, list[tuple[int, str]]] = {}   # each reason (its origin), with the embeds and media it refused
    for fetched in result.posts or ():
        from resolver.fetch import NOT_CONFIRMED, not_fetched
        from resolver.fetch.records import not_asked
        from resolver.provenance import STATUS_WORDS

        record = fetched.value.record
        via = f"via {record.method}" if record.method else record.reason if not_fetched(record) \
            else "not fetched: offline"
        unasked = not_asked(record) if record.method else []   # newuser43b #1: the status rests on the others
        via = f"{via or ''}" + "".join(f", {method} not asked" for method, _ in unasked)
        said = " ".join(filter(None, (f"@{record.author_handle}" if record.author_handle else None,
                                      record.created_at and record.created_at + edit_time_said(record))))
        status = record.reason if record.status == NOT_CONFIRMED and record.reason else record.status   # its words
        if result.embeds[fetched.embed].id_doubt and STATUS_WORDS.get(record.status, ("", ""))[1] == "gone":
            # the id read may not be the article's: gone under it, as the report's badge, is not known gone
            # (newuser41a #1; review41e: a "deleted" or "protected" post was said so plainly)
            status += " (uncertain id: not known to be gone)"
        status += youtube_oembed_said(record)   # newuser41a #5
        if fetched.value.refused:   # no method asked, by the config's choice: no failure (newuser43b #9)
            from resolver.errors import not_checked_words

            status, via = not_checked_words(record.reason), (record.method or "") + " not asked"
        yield [(f"  #{fetched.embed + 1} {record.platform} {record.post_id}: {status} ({via})"
                + (f" {said}" if said else ""), "green" if record.status == "available" else "yellow")]
        from resolver.fetch.telegram import forward_said

        if (forward := forward_said(record.references, record.author_handle)) is not None:   # newuser44a #4
            yield [(f"    {forward}", "yellow")]
        for line in sources_failed_lines(fetched.value):
            yield [(f"    {line}", "yellow")]
        for line, style in _copies_lines(fetched.value):
            yield [(f"    {line}", style)]
        for item, _url, why, _error in _media_failed(fetched.value):
            yield [(f"  #{fetched.embed + 1} {item} could not be used: {why}", "red")]
        for name, why in [*unasked, *_media_refused_why(fetched.value.media)]:
            refused.setdefault(why, []).append((fetched.embed + 1, name))
    for why, items in refused.items():   # once an origin, not once an embed (newuser41a #14: 30 lines alike)
        embeds = ", ".join(f"#{n}" for n in dict.fromkeys(n for n, _ in items))
        names = list(dict.fromkeys(name for _, name in items))   # a method refused for several posts: named once
        shown = ", ".join(names[:REFUSED_SHOWN]) + (f" and {len(names) - REFUSED_SHOWN} more"
                                                     if len(names) > REFUSED_SHOWN else "")
        yield [(f"  {embeds} {shown} not asked: {why}", "yellow")]
    if result.resolutions is not None or result.posts is not None:
        from resolver.pipeline import same_posts

        for index, other in sorted(same_posts(result).items()):
            why = "the answer for its link names the account by the DID whose post it names" \
                if result.embeds[index].post_id else "its link leads to it"   # a Bluesky post by handle and by DID
            yield [(f"  #{index + 1} is the same post as #{other + 1}: {why}", "cyan")]
    for image in result.credited_images or ():
        yield [_credited_image_line(image)]
    yield from ([line] for line in credit_check_lines(result))
    for archived in result.archives or ():
        yield [_archive_line(archived)]
    for found_id in result.identifications or ():
        yield [_identification_line(found_id.embed, found_id.value)]
    if result.credits:
        yield Grid(tuple((name, None) for name in ("credit", "creator", "organization", "person/org", "source",
                                                   "image")),
                   [[[(_short(credit.raw, 50), "")], _creator_cell(credit), [(credit.organization or "", "")],
                     [(UNSURE_SPLIT if credit.split_confidence == "uncertain" else "", "yellow")],
                     [(credit.source, "")], [(_short(credit.image, 40), "")]] for credit in result.credits])


def _creator_cell(credit: Credit) -> list[Part]:
    """The scan table's creator cell: the creator, or the label of a credit naming no one ("© DR": "label: rights
    reserved, author not named", where the cell was blank and the label shown only in the reports, newuser46a #10)."""
    if credit.creator or not credit.kind:
        return [(credit.creator or "", "")]
    words = SCREENSHOT_FROM if credit.kind == "screenshot" and credit.organization else KIND_WORDS.get(credit.kind,
                                                                                                      credit.kind)
    return [(f"label: {words}", "dim")]


# A credit whose names were taken as a person or an organisation by default (#11): shown beside the names.
UNSURE_SPLIT = "not sure"


def scan_tables(result: ArticleResult, *, plain: bool = False) -> Iterator[RenderableType]:
    """The scan view as rich renderables: bordered tables on a terminal, borderless columns when `plain`. Cells
    are Text, never console markup: a page's "[/]" is shown as written (it used to stop the output)."""
    from rich.table import Table
    from rich.text import Text

    for item in scan_view(result):
        if not isinstance(item, Grid):
            yield Text.assemble(*_shown(item))
            continue
        table = Table(box=None, show_edge=False, pad_edge=False) if plain else Table()
        for header, ratio in item.columns:
            table.add_column(header, overflow="fold", ratio=ratio)
        for row in item.rows:
            table.add_row(*(Text.assemble(*_shown(cell)) for cell in row))
        yield table


def _shown(parts: list[Part]) -> list[Part]:
    """The parts as shown: each value with its control characters escaped, each BREAK as it is."""
    return [part if part == BREAK else (escaped_controls(part[0]), part[1]) for part in parts]


def scan_plain(result: ArticleResult) -> Iterator[str]:
    """The scan view as plain lines, laid out as rich lays out `scan_tables(result, plain=True)` on a console too
    wide to wrap (columns two spaces apart, each as wide as its widest line), without loading rich: what a scan
    prints into a pipe or a file (#11: easy to grep and cut; #14: no rich at start-up)."""
    for item in scan_view(result):
        if not isinstance(item, Grid):
            yield "".join(text for text, _ in _shown(item))
            continue
        cells = [[[h] for h, _ in item.columns]] + [["".join(t for t, _ in _shown(cell)).split("\n") for cell in row]
                                                    for row in item.rows]
        widths = [max(_cell_len(line) for row in cells for line in row[c]) for c in range(len(item.columns))]
        for row in cells:
            for n in range(max(len(cell) for cell in row)):
                yield "  ".join(_pad(cell[n] if n < len(cell) else "", width) for cell, width in zip(row, widths))


def _cell_len(text: str) -> int:
    """Columns a terminal gives the text, as rich counts them (wide characters two; emoji sequences, modifiers and
    joiners as one wide character): rich's own count is loaded only for text that is not ASCII."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _cell_len(text))


def _archive_line(archived: ArchivedUrl) -> Part:
    from resolver.archive import WITHHELD, not_replayed, replay_miss
    from resolver.errors import not_checked_words, not_mapped_words, refused_by_config

    if archived.lookup.unavailable:
        unsaved = "; save: not submitted (offline)" if archived.saved and archived.saved.unavailable else ""
        return f"  archive {archived.url}: not looked up (offline){unsaved}", "yellow"
    if archived.error and archived.error.startswith(WITHHELD):   # a lookup not made, and why (no failure of it)
        return f"  archive {archived.url}: {archived.error.removeprefix(WITHHELD)}", "yellow"
    if not_replayed(archived.error):   # the replayed files do not hold it: the archive was not asked (reports36)
        return f"  archive {archived.url}: not looked up: {replay_miss(archived.error)}", "yellow"
    if archived.refused:   # the config's choice, not asked (newuser42a #2)
        return f"  archive {archived.url}: not looked up: {not_mapped_words(archived.error)}", "yellow"
    if archived.error:
        return f"  archive lookup failed for {archived.url}: {archived.error}", "red"
    saved = f"; save: {archived.saved.status}" if archived.saved else ""
    if archived.saved and archived.saved.status == "refused":   # never submitted: why, in words
        saved = f"; {archived.saved.message}"
    if archived.saved and archived.saved.unavailable:
        return f"  archive {archived.url}: {len(archived.lookup.snapshots)} snapshots; save: not submitted (offline)", \
            "yellow"
    kept = f"; local copy kept from {archived.live_kept}" if archived.live_kept else ""
    if archived.live_error and refused_by_config(archived.live_error):   # not asked, no failure (newuser43b #9)
        kept += f"; page copy {not_checked_words(archived.live_error)}"
    elif archived.live_error:   # no copy of the page, and why (newuser30b #6: said nowhere)
        kept += f"; page copy failed: {archived.live_error}"
    return (f"  archive {archived.url}: {len(archived.lookup.snapshots)} snapshots{saved}{kept}",
            "red" if archived.failed else "cyan")


def credit_check_lines(result: ArticleResult) -> Iterator[Part]:
    """Once the credited images were fetched (`scan --fetch`), each credit's check against its image's file, by the
    report's own rule (`provenance.credit_checks`) and numbered as the reports number credits, when it failed or
    warned, or could not be made for want of the page's URL (newuser42a #10: the file's "REUTERS" was printed above
    the page's "Tom Alder/AP" with no mark; only `report` failed it)."""
    if result.credited_images is None:   # no --fetch: nothing held, and the checks' module is not loaded (#14)
        return
    from resolver.provenance import credit_checks, relative_image

    images = {image.url: image.to_json() for image in result.credited_images}
    for number, credit in enumerate(result.credits, 1):
        data = credit.to_json()
        if not credit.image or (credit.image not in images and not relative_image(data)):
            continue
        for found in credit_checks(data, images.get(credit.image)):
            if found["result"] in ("fail", "warn") or relative_image(data):
                yield (f"  credit {number} ({_short(credit.raw, 50)}): {MARK[found['result']]} {found['name']}: "
                       f"{found['evidence']}", {"fail": "red", "warn": "yellow"}.get(found["result"], "yellow"))


def _credited_image_line(image: MediaFile) -> Part:
    """What downloading an image a credit belongs to gave (#11: a 404 was only in --json, and the exit was 1). The
    URL is the page's: a secret in it is redacted (review26b)."""
    from resolver.redact import said

    url = said(image.url)
    if image.unavailable:
        return f"  credited image {url}: not downloaded (offline)", "yellow"
    if image.refused:   # by the config's choice: said once, here, and no failure (newuser39b #6)
        return f"  credited image {url} not asked: {image.refusal}", "yellow"
    if image.error:
        return f"  credited image {url} could not be used: {_image_error(image)}", "red"
    size = f" {image.width}x{image.height}" if image.width else ""
    credit = "; ".join(f"{k}: {v}" for k, v in image.credit.items())
    if image.credit_unsure:   # no character set named, and no sure reading: no words shown as the file's (newuser43a #2)
        credit = "; ".join([*([credit] if credit else []), f"{', '.join(image.credit_unsure)} not read with certainty "
                                                           "(not UTF-8, no character set named)"])
    return f"  credited image {url}: {image.mime or '?'}{size}" + (f"  credit: {credit}" if credit else ""), "cyan"


def _image_error(image: MediaFile) -> str:
    """Why an image could not be used, and whether that is this run's download or the cache's answer (a failed
    download is kept for the cache TTL, newuser28b #8)."""
    return cached_mark(str(image.error), image.from_cache)


CACHED = " (from cache)"


def cached_mark(why: str, from_cache: bool) -> str:
    """A failure's reason, marked " (from cache)" when it is the cache's answer and not this run's: one way in every
    command's error line (review32r5 #5: a link's and a post's said nothing, a credited image's did)."""
    return f"{why}{CACHED}" if from_cache else why


def _media_failed(post: FetchedPost) -> Iterator[tuple[str, str, str, str]]:
    """The post's photos, posters and thumbnails whose download failed: (what and its URL, the URL, why as said, the
    error), as FetchedPost.failed counts them. One the cache answered says "(from cache)" (runs33)."""
    from resolver.fetch import media_not_asked

    if post.unavailable:
        return
    for item in post.media:
        if item.get("error") and not media_not_asked(item["error"]):
            name, url = _media_name(item)
            yield name, url, cached_mark(item["error"], url in post.media_cached), item["error"]


def _media_name(item: dict[str, Any]) -> tuple[str, str]:
    """(what a media item is and its URL, as a line names it: "photo URL", "thumbnail poster URL"; the URL)."""
    kind = item.get("type") or "media"
    url = item.get("url") if kind == "photo" else item.get("preview_url") or item.get("url")
    return f"{kind if kind == 'photo' else kind + ' poster'} {url}", str(url)


def _media_refused_in(media: Iterable[dict[str, Any]]) -> Iterator[str]:
    """"photo URL not asked: …" for each media item `[origins] only_configured` refused: the report's notes under the
    post (review39b: the report said nothing of them); the scan table says them once an origin (`scan_view`)."""
    for name, why in _media_refused_why(media):
        yield f"{name} not asked: {why}"


# How many refused media a scan's line for one origin names before "and N more"
REFUSED_SHOWN = 5


def _media_refused_why(media: Iterable[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    """("photo URL", why) of each media item `[origins] only_configured` refused."""
    from resolver.fetch import MEDIA_REFUSED_BY_CONFIG

    for item in media:
        error = str(item.get("error") or "")
        if error.startswith(MEDIA_REFUSED_BY_CONFIG):
            yield _media_name(item)[0], error.removeprefix(MEDIA_REFUSED_BY_CONFIG).partition(": ")[2] or error


@lazy_dataclass(frozen=True)
class StepFailure:
    """One thing a step failed for (what a result's `failed` counts): the phrase stderr says ("what, on what: why"),
    and the URL and the error (`<kind>: <message>`) a JSON Lines command gives it a line with; the step it failed in
    ("resolve", "fetch", "archive", "identify"), for its row of the cache's errors table. `archived`: an archive
    lookup's or save's, which the archived URL's own line says."""

    phrase: str
    url: str
    error: str
    archived: bool = False
    stage: str = "fetch"
    detail: str = ""   # a bug's traceback: the cache's errors table keeps it under the phrase; stderr, with debugging
    cached: bool = False   # the cache's answer, read again: the run that met it recorded it (its phrase less the mark)

    @property
    def kind(self) -> str:
        """What kind of error it was: its error's `<kind>` ("media", "redirect-loop", "cdx")."""
        return self.error.split(":", 1)[0]

    def json_line(self, source: str) -> dict[str, str]:
        """The line `fetch --json` gives a link that failed: the target it came from, the link, the error."""
        return {"source": source, "link": self.url, "error": self.error}


def _post_failed(post: FetchedPost) -> Iterator[StepFailure]:
    record = post.record
    name = f"post {record.platform} {record.post_id}"
    if post.failed and record.status == "error" and not post.refused:   # not asked: no failure, beside one (review44c)
        why = record.reason or "every method ended in an error"
        yield StepFailure(f"{name} could not be fetched: {cached_mark(why, record.from_cache)}", record.url,
                          f"fetch: {why}", cached=record.from_cache)
    for item, url, why, error in _media_failed(post):
        yield StepFailure(f"{item} of {name} could not be used: {why}", url, f"media: {error}",
                          cached=url in post.media_cached)
    if (lookup := post.lookup_error) is not None:   # the gone post's archive lookup (newuser36b #1)
        yield StepFailure(f"archive lookup failed for {record.url}: {cached_mark(lookup, record.from_cache)}",
                          record.url, lookup, archived=True, stage="archive", cached=record.from_cache)


def sources_failed_lines(post: FetchedPost) -> list[str]:
    """Each source that ended in an error beside the answer the status rests on, as the reports say it under "Could
    not be reached": "x-api: the bearer token was refused (401) (fetch #6); the status rests on syndication"
    (newuser44b #6: `fetch` said "not_found via syndication", the refused token nowhere)."""
    return [f"{source['method']}: {source.get('reason') or 'ended in an error'} (fetch #{source['fetch_id']}); the "
            f"status rests on {post.record.method}" for source in post.sources_failed]


def post_failures(post: FetchedPost) -> Iterator[str]:
    """What a fetched post failed for, one phrase each, as its `failed` counts it (`scan --fetch` and `fetch`)."""
    return (failure.phrase for failure in _post_failed(post))


def _archive_failed(archived: ArchivedUrl) -> Iterator[StepFailure]:
    from resolver.archive import WITHHELD
    from resolver.errors import refused_by_config

    if not archived.failed:
        return
    if archived.error and not archived.error.startswith(WITHHELD):
        yield StepFailure(f"archive lookup failed for {archived.url}: "
                          f"{cached_mark(archived.error, archived.lookup.from_cache)}", archived.url,
                          archived.error, archived=True, stage="archive", cached=archived.lookup.from_cache)
    # no copy of the page: said as the other failed steps are (newuser30b #6); one the config refused is not checked,
    # no failure, whatever else failed (review44c)
    if archived.live_error and not refused_by_config(archived.live_error):
        yield StepFailure(f"page copy of {archived.url} failed: {archived.live_error}", archived.url,
                          f"page copy: {archived.live_error}", archived=True, stage="archive")
    saved = archived.saved
    if saved is not None and saved.status in ("error", "gave_up"):
        what = saved.status + (f" ({saved.message})" if saved.message else "")
        yield StepFailure(f"archive save of {archived.url}: {what}", archived.url, f"save: {what}", archived=True,
                          stage="archive")


def archive_failures(archived: ArchivedUrl) -> Iterator[str]:
    """What an archived URL's lookup or save failed for, one phrase each, as its `failed` counts it (`scan
    --archive` and `archive`)."""
    return (failure.phrase for failure in _archive_failed(archived))


def link_failure(resolution: Resolution, where: str = "") -> str:
    """What a link that ended in an error failed for, one phrase: `scan --resolve` says it of an embed's link
    (`where`: " (embed #N)"), `resolve` of a URL named (newuser32 #5: `resolve` said it on stdout only); one read
    from the cache says so (review32r5 #5)."""
    why = cached_mark(str(resolution.error), resolution.from_cache)
    return f"link {resolution.url}{where} ended in an error: {why}"


# What an article whose reading lost a step says, in every output (#10).
INCOMPLETE = "reading incomplete, a step failed"


def incomplete_line(failed: Iterable[FailedStep]) -> str:
    """"reading incomplete, a step failed: dates (KeyError: 'mayis'); what it finds is missing": the line `scan`
    and the reports show for an article whose reading lost a step (each failed step named, with its error)."""
    steps = "; ".join(f.line for f in failed)
    return f"{INCOMPLETE}: {steps}; what it finds is missing"


def step_failure_items(result: ArticleResult) -> Iterator[StepFailure]:
    """What each step failed for in an article, as its `failed` counts it: `scan` and `archive` say each on stderr,
    as the exit 1 they make (#11: `scan --fetch` exited 1 and said nothing), and `archive --json` gives each one not
    an archived URL's a line (newuser28 #4: a failed link had none, and the exit code was 0)."""
    for failed in result.incomplete:   # a step of the article's reading (a bug): its findings are missing (#10)
        yield StepFailure(incomplete_line([failed]), result.url or "", f"{failed.kind}: {failed.message}",
                          stage=f"scan: {failed.step}", detail=failed.detail)
    for found in result.resolutions or ():
        if found.failed:
            resolution = found.value
            yield StepFailure(link_failure(resolution, f" (embed #{found.embed + 1})"), resolution.url,
                              str(resolution.error), stage="resolve", cached=resolution.from_cache)
    looked_up = set()   # a post's URL whose lookup the fetch said failed: the archive step's of it is not said again
    for fetched in result.posts or ():
        for failure in _post_failed(fetched.value):
            looked_up.update([failure.url] if failure.stage == "archive" else [])
            yield failure
    for image in result.credited_images or ():
        if image.failed:
            yield StepFailure(f"credited image {image.url} could not be used: {_image_error(image)}", image.url,
                              f"media: {image.error}", cached=image.from_cache)
    for archived in result.archives or ():
        yield from (failure for failure in _archive_failed(archived)
                    if not (failure.phrase.startswith("archive lookup failed") and failure.url in looked_up))
    for found_id in result.identifications or ():
        if found_id.failed:
            error = found_id.value.error
            cached = bool(found_id.value.evidence.get("listing_from_cache"))
            yield StepFailure(f"embed #{found_id.embed + 1} could not be identified: {cached_mark(str(error), cached)}",
                              result.embeds[found_id.embed].url, f"identify: {error}", stage="identify", cached=cached)


def _identification_line(embed: int, found: Identification) -> Part:
    """A failed identification says so, as plainly as a found one (#11)."""
    if found.unavailable:
        return f"  #{embed + 1} not identified: offline, the archive was not asked", "yellow"
    from resolver.archive import WITHHELD

    if found.error and found.error.startswith(WITHHELD):   # not asked, on purpose (a handle that is a secret)
        return f"  #{embed + 1} not identified: {found.error.removeprefix(WITHHELD)}", "yellow"
    if found.error:
        return f"  #{embed + 1} identification failed: {found.error}", "red"
    if found.post_id:
        return (f"  #{embed + 1} identified as {found.post_id} (confidence {found.confidence:.2f}, "
                f"{found.candidates} candidates)", "green")
    reason = found.evidence.get("reason") or "no candidate matched the text"
    return f"  #{embed + 1} not identified: {reason}", "yellow"


def _line(text: Text, line: str, style: str = "") -> None:
    """One line of a view, its values' control characters escaped (`escaped_controls`)."""
    text.append(escaped_controls(line) + "\n", style)


def resolution_text(result: Resolution) -> Text:
    """A resolution as people read it: the chain, hop by hop, then what the end is."""
    from rich.text import Text

    from resolver.errors import not_checked_words, refused_by_config

    text = Text()
    text.append(escaped_controls(result.unwrapped_from or result.url), "bold")
    if result.from_cache:
        text.append("  (from cache)", "dim")
    text.append("\n")
    if result.unwrapped_from:   # read from its query, not asked (newuser46c #1)
        from urllib.parse import urlsplit

        wrapper = urlsplit(result.unwrapped_from).hostname or "its host"
        _line(text, f"  unwrapped: a redirect wrapper naming {result.url}, read with no request ({wrapper} not "
                    "asked); that link followed", "cyan")
    for hop in result.hops:
        status = str(hop.status) if hop.status is not None else "—"
        text.append(escaped_controls(f"  {status:>3}  {hop.url}"))
        if hop.error:
            text.append(escaped_controls(f"  {hop.error}"), "yellow" if refused_by_config(hop.error) else "red")
        if hop.location:
            text.append(escaped_controls(f"  -> {hop.location}"), "cyan")
        elif hop.via and hop.via != "header":
            text.append(escaped_controls(f"  ({hop.via})"), "cyan")
        if hop.non_public:
            text.append("  (a non-public address: let through by allow_private)", "yellow")
        text.append(f"  {hop.elapsed_ms:.0f} ms\n", "dim")
    if result.refused:   # not followed, by the config's choice: no failure (newuser43b #9)
        _line(text, f"  {not_checked_words(result.error)}", "yellow")
    elif result.error:
        _line(text, f"  error: {result.error}", "red")
    if result.final_url and result.error and not result.unavailable:
        # where the chain stopped, not where the link leads (newuser28: "final: <the refused URL>" read as its end,
        # where --json's canonical_url is null)
        why = "not followed there" if result.refused else "refused there" \
            if result.error.startswith(("unsafe:", "invalid-url:")) else "ended there in the error above"
        _line(text, f"  stopped at: {result.final_url} ({why}: no final URL)", "yellow" if result.refused else "red")
    elif result.final_url:
        gone = f" (answered {result.final_status}: gone)" if result.gone else ""
        _line(text, f"  final: {result.final_url}{gone}", "yellow" if gone else "")
    if result.unsure:
        _line(text, f"  unsure: {result.unsure}", "yellow")
    if (likely := result.likely_end) is not None:
        from resolver.end_pages import READ_FROM_PAGE   # lazy: a scan's report never reads an end page (#14)

        _line(text, f"  likely end: {likely.url} {READ_FROM_PAGE}", "yellow")
    post = result.post
    if post:
        what = f"{post.platform} {post.kind}"
        if post.post_id:
            what += f" {post.post_id}"
        if post.author_handle:
            what += f" by @{post.author_handle}"
        if post.start_seconds:   # the moment the link cites (newuser41a #10)
            what += f" at {clock(post.start_seconds)}"
        if post.snowflake_time:   # the id's time, as the report's "Id minted": not the post's own (newuser30 #4)
            what += f", id minted {post.snowflake_time}"
        _line(text, f"  is: {what}", "green")
    if beyond_ascii(result.url) and (disguised := lookalike_link(result.url)) is not None:
        _line(text, f"  look-alike link: {disguised[1]}", "yellow")   # as scan and fetch say it (newuser44a #9)
    return text


def youtube_oembed_said(record: Any) -> str:
    """" (exists and its owner allows embedding, …)" after the "available" of a YouTube video that rests on oEmbed's
    200, which an age-restricted, region-blocked or copyright-blocked one gives too (the reports' words, newuser41a #5);
    "" otherwise."""
    if not (record.platform == "youtube" and record.status == "available" and record.method == "oembed"):
        return ""
    from resolver.provenance import YOUTUBE_OEMBED_AVAILABLE

    return f" ({YOUTUBE_OEMBED_AVAILABLE})"


def edit_time_said(record: Any, *, minted: bool = False) -> str:
    """" (its edit's time…)" after the time of a post whose answer was a later edit of it (the time is the edit's, not
    the post's: newuser42b #8, `fetch` and `scan --fetch` showed it as the post's creation time); with `minted`, the
    time the post's own id was minted too. "" otherwise."""
    if not (record.edits and record.created_at):
        return ""
    from resolver.platforms import x
    from resolver.provenance import edit_of

    if edit_of(record.to_json()) is None:
        return ""
    when = x.snowflake_time(record.post_id) if minted and record.platform == x.PLATFORM else None
    return " (its edit's time" + (f"; this post's id was minted {when.strftime('%Y-%m-%dT%H:%M:%SZ')})" if when
                                  else ")")


def post_text(post: FetchedPost, *, asked: str | None = None) -> Text:
    """A fetched post as people read it: status first, then who, when, what, and the media facts. `asked`: the
    target that led to it when that is not its own URL (a short link, an article's embed), said under its first
    line (newuser42b #12)."""
    from rich.text import Text

    from resolver.fetch import not_fetched
    from resolver.fetch.records import TITLE, not_asked
    from resolver.fetch.telegram import forward_said

    from resolver.errors import NOT_CHECKED, not_mapped_words

    record = post.record
    colour = {"available": "green", "error": "red", "unknown": "yellow"}.get(record.status, "magenta")
    if post.refused:   # not asked, by the config's choice: no failure (newuser43b #9)
        colour = "yellow"
    text = Text()
    text.append(escaped_controls(f"{record.platform} {record.post_id}  "), "bold")
    text.append(escaped_controls(NOT_CHECKED if post.refused else record.status), f"bold {colour}")
    text.append(youtube_oembed_said(record), colour)   # what a 200 tells, no more (newuser41a #5)
    # a refused post answered via no method: each is said not asked (review44c: "via oembed" said oEmbed answered)
    unasked = ", ".join(filter(None, [record.method, *(method for method, _ in not_asked(record))])) \
        if post.refused else ""
    text.append((f"  ({unasked or 'no method'} not asked)" if post.refused
                 else f"  via {record.method}" if record.method else "  not fetched" if not_fetched(record)
                 else "  not fetched (offline)")
                + ("  (from cache)" if record.from_cache else "") + "\n", "dim")
    if asked:
        _line(text, f"  for {asked}", "dim")
    if record.reason:
        _line(text, f"  {not_mapped_words(record.reason) if post.refused else record.reason}", colour)
    for line in sources_failed_lines(post):
        _line(text, f"  {line}", "yellow")
    if record.author_handle or record.author_name:
        # a name with no handle: said so, not "@?" (newuser46c #9e)
        handle = f"@{record.author_handle}" if record.author_handle else "(account not given)"
        _line(text, f"  {record.author_name or ''} {handle}")
    if record.created_at:   # an edit's time said to be the edit's, beside the id's own (newuser42b #8)
        _line(text, f"  created {record.created_at}{edit_time_said(record, minted=True)}")
    if record.text:
        _line(text, f"  {'title: ' * (record.text_kind == TITLE)}{_short(record.text, 200)}")
    if (forward := forward_said(record.references, record.author_handle)) is not None:   # newuser44a #4
        _line(text, f"  {forward}", "yellow")
    for item in post.media:
        credit = "; ".join(f"{k}: {v}" for k, v in (item.get("credit") or {}).items())
        size = f"{item.get('width')}x{item.get('height')}" if item.get("width") else ""
        _line(text, f"  media {item.get('type')} {size} {item.get('mime') or ''} {item.get('url')}"
              + (f"  credit: {credit}" if credit else "") + (f"  ({item['error']})" if item.get("error") else ""),
              "cyan")
    for name, values in record.disagreements.items():
        if name == "status":   # judged as the reports judge it: a 404 beside a tombstone is no disagreement
            from resolver.provenance import status_said

            for said in status_said(values, record.status, record.field_sources.get("status", record.method)):
                _line(text, f"  {said}", "yellow")
            continue
        _line(text, f"  methods disagree on {name}: " + "; ".join(f"{m}: {v}" for m, v in values.items()), "yellow")
    return text + _copies_text(post)


def _copies_text(post: FetchedPost) -> Text:
    """What the archive lookup of a post found: copies read, none (only when every capture list answered), or a
    lookup that failed, which says nothing of whether a copy exists."""
    from rich.text import Text

    text = Text()
    for line, style in _copies_lines(post):
        _line(text, f"  {line}", style)
    return text


def _copies_lines(post: FetchedPost) -> list[tuple[str, str]]:
    """`_copies_text`'s lines, unindented, each with its style: also under a post's line in `scan --fetch`."""
    looked, copies = post.archive_lookup, post.archived
    if looked is None and not copies:
        return []   # no lookup: resolver.archive (23 ms to import) is not needed by a warm run's table (#14)
    from resolver.archive import WITHHELD, not_replayed, replay_miss
    from resolver.fetch.wayback import NOT_LOOKED_UP

    # Only a capture holding the post's words is an archived copy, as the reports count them (review37b: a capture
    # of the login wall was "1 archived copy read" here, and "no archived copy was found" in the report)
    held = [c for c in copies if c.says_something]
    others = [c for c in copies if not c.says_something]
    lines = []
    if held:
        latest = max(c.captured_at for c in held)
        lines.append((f"{len(held)} archived {'copy' if len(held) == 1 else 'copies'} read, latest {latest}", "cyan"))
    answered = looked is not None and not looked.startswith(("error: ", WITHHELD)) and looked != NOT_LOOKED_UP
    if others and held:
        lines.append((f"{len(others)} other {'capture' if len(others) == 1 else 'captures'} read hold no words of the "
                      "post", "yellow"))
    elif others and not answered:
        lines.append((f"{len(others)} {'capture' if len(others) == 1 else 'captures'} read, none is the post: "
                      + "; ".join(_not_the_post(others)), "yellow"))
    copies = tuple(held)
    if looked is not None and looked.startswith(WITHHELD):   # forms not listed, on purpose: neither failed nor none
        lines.append((f"archive lookup withheld: {looked.removeprefix(WITHHELD)}", "yellow"))
    elif looked == NOT_LOOKED_UP:   # its run stopped before the archive was asked: never "no copy" (interrupts31)
        lines.append((f"archived copies {NOT_LOOKED_UP}: whether an archived copy exists is not known", "yellow"))
    elif looked is not None and not_replayed(looked.removeprefix("error: ")):
        # the replayed files hold no list of it: the archive was not asked, no failure (review37b; reports36 says so
        # of an archived URL, and fixnu36c's exit code does not count it)
        lines.append((f"archived copies not looked up: {replay_miss(looked.removeprefix('error: '))}"
                      + ("" if copies else ": whether an archived copy exists is not known"), "yellow"))
    elif looked is not None and looked.startswith("error: "):
        lines.append((f"archive lookup failed ({looked.removeprefix('error: ')})"
                      + ("" if copies else ": whether an archived copy exists is not known"), "red"))
    elif looked is not None and not copies:
        from resolver.fetch.wayback import where_looked

        where = f" {where_looked(post.archive_looked_under)}" if post.archive_looked_under else ""
        lines.append((f"no archived copy found{where} (the archive answered{_listed_not_the_post(others)})",
                      "yellow"))
    return lines


def _not_the_post(others: Sequence[ArchivedCopy]) -> list[str]:
    """What each capture read that is not the post showed instead, each reason once, in the order read."""
    return list(dict.fromkeys(c.record.reason or f"the capture shows the post {c.record.status}" for c in others))


def _listed_not_the_post(others: Sequence[ArchivedCopy]) -> str:
    """The captures read that are not the post, much as a report's archive check says them ("2 captures read, none is
    the post: <why>; <why>"), after "the archive answered"; "" with none (newuser44a #8: `fetch` gave the first
    reason only, then "no archived copy found … (the archive answered)", as if no capture had been read)."""
    if not others:
        return ""
    reasons = _not_the_post(others)
    # the captures read, never "listed": the fetch reads at most `--captures` of those the archive lists, one per
    # content (review45a: 5 listed were "3 captures listed")
    read = f"{len(others)} capture{'s' * (len(others) > 1)} read"
    if len(reasons) == 1 and len(others) == 1 and reasons[0].startswith("the capture "):
        return f": {read}; {reasons[0].replace('the capture ', 'it ', 1)}"
    return f": {read}, none is the post: {'; '.join(reasons)}"


# `archive` lists captures, never reads one: the capture it names closest may hold another page than the URL's (a
# removed video's URL captured showing another video, newuser41a #8).
CLOSEST_NOT_READ = "listed by the archive, not read: whether it holds what the URL named is not known"


def archive_text(result: ArchivedUrl) -> Text:
    """One archived URL as people read it: how many captures, first and last, what a save did, the WARC record."""
    from rich.text import Text

    from resolver.errors import not_checked_words, refused_by_config

    found = result.lookup
    text = Text()
    _line(text, result.url, "bold")
    if found.error:
        _line(text, f"  error: {found.error}", "red")
    first, last = found.earliest, found.latest
    count = len(found.snapshots)
    if found.error and not count:   # the lookup failed: how many captures there are is not known, not 0
        text.append("  captures not known\n", "yellow")
    else:
        text.append(("  at least " if found.capped else "  ") + f"{count:,} capture{'s' * (count != 1)}"
                    + (f", first {first.timestamp}, last {last.timestamp}" if first and last else "") + "\n",
                    "green" if count else "yellow")
    read = result.closest_read
    if found.closest and read is not None:   # read by the fetch of the post: what it is (newuser44a #8)
        _line(text, f"  closest: {found.closest.url} (read: " + ("it holds the post's words)" if read.says_something
                                                                 else f"it is not the post: {_not_the_post([read])[0]})"))
    elif found.closest:
        _line(text, f"  closest: {found.closest.url} ({CLOSEST_NOT_READ})")
    if result.read:
        holding = [c for c in result.read if c.says_something]
        by_fetch = f"  {len(result.read)} capture{'s' * (len(result.read) != 1)} read by the fetch"
        _line(text, f"{by_fetch}, {len(holding)} holding the post's words" if holding else
              f"{by_fetch}, none is the post: {'; '.join(_not_the_post(result.read))}", "cyan" if holding else "yellow")
    saved = result.saved
    if saved:
        _line(text, f"  save: {saved.status}" + (f" {saved.snapshot_url}" if saved.snapshot_url else "")
              + (f" ({saved.message})" if saved.message else ""), "cyan")
    if result.live_error and refused_by_config(result.live_error):   # the config's choice (newuser43b #9)
        _line(text, f"  page copy {not_checked_words(result.live_error)}", "yellow")
    elif result.live_error:
        _line(text, f"  error: page copy: {result.live_error}", "red")
    copy = result.replayed
    if copy is not None:
        held = "" if copy.status is None or 200 <= copy.status < 300 else (
            f" (the page answered HTTP {copy.status}: the record holds that answer, not the page)")
        _line(text, f"  replayed copy: {copy.file} @ {copy.offset}, "
              + (f"WARC-Date {copy.warc_date}" if copy.warc_date else str(copy.answered_at_unknown)) + held, "dim")
    if result.warc:
        status = result.live_status
        held = "" if status is None or 200 <= status < 300 else (
            f" (the page answered HTTP {status}: the record holds that answer, not the page)")
        kept = f" (kept: taken {result.live_kept} by an earlier run, within cache_ttl; --refresh takes it again)" \
            if result.live_kept else ""
        _line(text, f"  local copy: {result.warc[0]} @ {result.warc[1]}{held}{kept}", "yellow" if held else "dim")
    return text


# -- provenance reports: Markdown, JSON and HTML ----------------------------------------------------------------

def truncation_note(article: dict[str, Any]) -> str | None:
    """What a report says of an article whose WARC record the crawler cut short; None for any other."""
    if not article.get("truncated"):
        return None
    return (f"this page was truncated by the crawler (WARC-Truncated: {article['truncated']}): embeds past the cut "
            f"may be missing")


def page_url(article: dict[str, Any]) -> str | None:
    """The page's URL the input gave (a WARC record's WARC-Target-URI, a JSON Lines record's URL field), when the
    article's own name is not that URL (an article URL is its own name); None for any other."""
    url = article.get("url")
    return url if url and url != article.get("source") else None


def report_title(article: dict[str, Any]) -> str:
    """What a report is about, in its title and index: the page's URL when the input gave it (a WARC record's, not
    "crawl.warc.gz#1605"; newuser30b #3), else the article's name (its file, or its URL)."""
    return str(article.get("url") or article["source"])


def crawled_note(article: dict[str, Any]) -> str | None:
    """When the crawler fetched the page, for a WARC record with a WARC-Date: the page's date in the archive, which
    the "Scanned" time (this tool's) is not; None for any other input."""
    return f"{_zoned(article['warc_date'])} (the record's WARC-Date)" if article.get("warc_date") else None


def published_note(article: dict[str, Any]) -> str | None:
    """The date the page gives itself and where it was read (a quote of an edit is held against it, edits31); None
    when it gives none."""
    published = article.get("published")
    return f"{published['date']} (the page's {published['source']})" if published else None


def redirected_to(article: dict[str, Any]) -> str | None:
    """Where the redirects from an article URL ended, when that is not the URL given; None for any other."""
    final = article.get("final_url")
    return final if final and final != article.get("source") else None


def incomplete_note(article: dict[str, Any]) -> str | None:
    """What a report says of an article whose reading lost a step (a bug, #10): which, and that its findings are
    missing; None for a reading that is whole."""
    failed = article.get("incomplete") or ()
    steps = "; ".join(f"{f['step']} ({f['error']})" for f in failed)
    return f"{INCOMPLETE}: {steps}; what it finds is missing" if failed else None


def none_found(article: dict[str, Any], key: str) -> str:
    """The words for no embed (`key` "embeds") or no credit found: "not checked" when a step that finds them failed
    (#10: "No embedded post was found" would be a wrong answer)."""
    empty = "No embedded post was found." if key == "embeds" else "No photo credit was found."
    failed = [f["step"] for f in article.get("incomplete") or () if f["step"].startswith(f"{key}:")]
    if failed:
        return f"{empty[:-1]}, but not all were looked for: {', '.join(failed)} failed (not checked)."
    if key == "credits" and (note := warning_note(article, "credit-language-not-read")):
        return f"{empty[:-1]} in the words read: {note}."   # not "none": its language's words were not read (credits36)
    return empty


UNCREDITED_WHERE = {"og:image": "the page's og:image", "article": "in the article"}


def uncredited_images(article: dict[str, Any]) -> dict[str, Any] | None:
    """The article's `uncredited-images` warning (`workers.uncredited_images`): its own pictures no credit on the page
    is tied to, which the reports list under the credits as "No credit found" (newuser42a #11); None when none."""
    return next((w for w in article.get("warnings") or () if w.get("kind") == "uncredited-images" and w.get("images")),
                None)


def warning_note(article: dict[str, Any], kind: str) -> str | None:
    """The message of the article's warning of `kind`, which a report says beside its tables; None when it has none.
    "credit-language-not-read": a page in a language whose credit words are not read (credits36); "thin-page": no
    embed and almost no text (a login wall), so "no embedded post was found" is no fact of the article (newuser30 #3);
    "links-not-followed": t.co links in the text that no embed carries, which the JSON alone said (resolution36);
    "links-followed": those an earlier `resolve` followed, where each leads (newuser42b #7)."""
    return next((w["message"] for w in article.get("warnings") or () if w.get("kind") == kind), None)


def encoding_note(article: dict[str, Any]) -> str | None:
    """What a report says of an article whose encoding was guessed (no charset declared, not UTF-8), or named by
    the user (in this run or an earlier one, for the same bytes); None else."""
    if article.get("encoding_given_at"):
        return f"{article['encoding']}, {_given_on(article['encoding_given_at'])}"
    if not article.get("encoding_detected"):
        return None
    if (bad := warning_note(article, "bad-bytes")) is not None:   # read as UTF-8 all the same (newuser39b #11)
        return bad
    if (label := warning_note(article, "encoding-label-overruled")) is not None:   # newuser43a #3
        return label
    from resolver.article import MIXED

    encoding = article["encoding"]
    if encoding.startswith(MIXED):   # Latin-1 words and a UTF-8 dash: a scraper joined sources (wire28)
        single = encoding[len(MIXED):]
        how = (f"the bytes mix UTF-8 and {single} (sources joined): each UTF-8 sequence was read as UTF-8 and the "
               f"other bytes as {single}")
    else:
        how = "the bytes are not UTF-8"
    rivals = article.get("encoding_rivals")   # a report read back from JSON written before enc31 has one rival
    rivals = rivals if rivals is not None else [article["encoding_rival"]] if article.get("encoding_rival") else []
    # "no charset was declared" was false of a page whose <meta charset="utf-8"> is wrong (encodings41)
    return (f"the encoding was guessed ({guessed(encoding, rivals)}): no charset declared reads the page, "
            f"and {how}, so letters beyond ASCII in names and quotes may be wrong; give --encoding if you know it")


# The rivals a line names; the others are counted ("and 4 other encodings"): JSON and the cache name them all
RIVALS_NAMED = 5


def guessed(encoding: str, rivals: Sequence[str]) -> str:
    """A guessed encoding as the outputs name it: with its rivals when other encodings read the bytes into other
    letters as plausibly, so a weak guess is seen as one (#10). Every rival, up to `RIVALS_NAMED`: one named of
    three let a reader think the text was one of two readings (enc31)."""
    if not rivals:
        return encoding
    if len(rivals) == 1:
        return f"{encoding}; unsure: {rivals[0]} reads it otherwise"
    named, more = list(rivals[:RIVALS_NAMED]), len(rivals) - RIVALS_NAMED
    last = f"{more} other encoding{'s' * (more > 1)}" if more > 0 else named.pop()
    return f"{encoding}; unsure: {', '.join(named)} and {last} read it otherwise"


def _given_on(at: str) -> str:
    return f"given by the user (--encoding) on {at[:10]}"


MARK = {"pass": "✅ pass", "warn": "⚠️ warn", "fail": "❌ fail", "skip": "➖ skip"}
# The facts of an embed's table whose values are names and URLs, shown as written (`_shown_as`); the others are text.
NAMED_FACTS = frozenset({"Author", "Media", "Archived author"})


# What Markdown would read as markup in a post's text, an evidence line or a name: backslashes, code spans,
# emphasis (an underscore only at a word's edge: river_desk is no emphasis), raw HTML and autolinks (<script> was
# passed to the renderer), a link's "](" or a reference's "]:" (a bracket alone is text), table pipes, and an
# entity (&amp; showed as "&").
_MD_SPECIAL_RE = LazyPattern(r"[\\`*<>|]|\](?=[(\[:])|(?<!\w)_|_(?!\w)|&(?=#?\w+;)")
# What opens a block at the start of a line (a heading, a list item) in the quote's "> " line.
_MD_BLOCK_START_RE = LazyPattern(r"^(?:#+|[+-]|\d+[.)])(?=\s|$)")
_URL_RE = LazyPattern(r"https?://[^\s<>|]+")   # left as written, so that it stays a link


def _shown_as(value: Any, *, as_written: bool) -> str:
    """A value as a report shows it, on one line. Text (a post's words, a quote, a note) has each run of white space
    as one space; a value `as_written` (a URL, a name, a file name, an error naming a URL) keeps every
    character: its line break is no layout but part of it ("…/a\\nb.jpg" shown "…/a b.jpg" is another URL). The
    other control characters are escaped in both, as the CLI shows them (`escaped_controls`, odds28)."""
    text = "" if value is None else str(value)
    return escaped_controls(text if as_written else " ".join(text.split()))


def _md(value: Any, *, as_written: bool = False) -> str:
    """A value for a line of Markdown: one line, every character shown as written (markup escaped; `_shown_as`). A URL
    holding an escape is a code span: a link to it would go elsewhere."""
    text = _shown_as(value, as_written=as_written)
    shown, start = [], 0
    for url in _URL_RE.finditer(text):
        found, stop = url.group(), url.end()
        if "\\" in found and "`" not in found:   # the code span ends before a colon or stop after the URL
            found = found.rstrip(".,:;!?")
            stop, found = url.start() + len(found), _md_code(found)
        shown += [_MD_SPECIAL_RE.sub(_escaped, text[start:url.start()]), found]
        start = stop
    return "".join(shown) + _MD_SPECIAL_RE.sub(_escaped, text[start:]) or "—"


def _md_link(url: str) -> str:
    """A URL as a Markdown link, or as code when no link can go to it (a control character, a space, "<" or ">")."""
    return f"<{url}>" if url.isprintable() and not any(c in url for c in " <>") else _md(url, as_written=True)


def _md_commands(note: str) -> str:
    """A note naming a command between backticks (our own words: "`embed-resolver resolve --text-links ARTICLE`
    follows them") for Markdown: the command a code span, the rest as `_md` shows it. The backticks were escaped,
    and shown (newuser44b #12)."""
    parts = note.split("`")
    if len(parts) % 2 == 0:   # an odd backtick: no command marked, every character shown
        return _md(note)
    def text(part: str) -> str:   # `_md` trims a value: the spaces around a command kept
        core = part.strip()
        return part[:len(part) - len(part.lstrip())] + _md(core) + part[len(part.rstrip()):] if core else part

    return "".join(_md_code(part) if i % 2 else text(part) for i, part in enumerate(parts)) or "—"


def _html_commands(note: str) -> str:
    """The same note for HTML: each command between backticks in <code>."""
    from html import escape

    parts = note.split("`")
    if len(parts) % 2 == 0:
        return escape(note)
    return "".join(f"<code>{escape(part)}</code>" if i % 2 else escape(part) for i, part in enumerate(parts))


def _md_code(value: Any) -> str:
    """A value as a Markdown code span (`_shown_as` it is written), fenced by more backticks than it holds."""
    text = _shown_as(value, as_written=True)
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _html(value: Any, *, as_written: bool = False) -> str:
    """A value for the HTML report: shown as `_shown_as` says, HTML-escaped."""
    from html import escape

    return escape(_shown_as(value, as_written=as_written))


def _html_url(url: str) -> str:
    """A URL as an HTML link, or as code when no link can go to it: a browser takes a line break out of an href."""
    from html import escape

    if url.isprintable() and " " not in url and url[:8].lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url)}">{escape(url)}</a>'
    # nor a link to another scheme (an article's tg:// app link, shown as written): a web page's URL alone is one
    return f"<code>{_html(url, as_written=True)}</code>"


def _escaped(found: re.Match[str]) -> str:
    return "\\" + found.group()


# A run of right-to-left words (Hebrew, Arabic, Syriac, Thaana, N'Ko…: the scripts the bidi algorithm reads R or AL),
# with the spaces, digits, commas, full stops, hyphens and brackets between them: one phrase. An arrow, a semicolon,
# a colon, a quote or a left-to-right letter ends it. Isolated in a check's line, "נדחה → אושר" (post → article)
# keeps its arrow's direction: left alone, the two words and the arrow were one right-to-left run, drawn
# "אושר → נדחה" (newuser30b #5).
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff"
_URL_OR_RTL_RE = LazyPattern(f"(?P<url>{_URL_RE.pattern})|[{_RTL}](?:[{_RTL} \u00a0\\d,.()\\-]*[{_RTL}])?")


def _isolated(text: str, start: str, end: str) -> str:
    """`text` (a line of left-to-right words, already escaped for its format) with each right-to-left run between
    `start` and `end`; a URL is left whole (a mark inside would be another URL)."""
    return _URL_OR_RTL_RE.sub(lambda m: m.group() if m.group("url") else f"{start}{m.group()}{end}", text)


def isolated_md(text: str) -> str:
    """A Markdown line's right-to-left runs between FSI and PDI (U+2068, U+2069): plain text, the isolates travel
    with it (GitHub's renderer and a terminal that applies the bidi algorithm honour them)."""
    return _isolated(text, "\u2068", "\u2069")


def isolated_html(text: str) -> str:
    """An HTML line's (escaped) right-to-left runs in <bdi>."""
    return _isolated(text, "<bdi>", "</bdi>")


# The reverse case: a left-to-right run (a handle, a URL, Latin words, a date in Latin letters) in a right-to-left line.
# In an Arabic quote "(@ahmad_ex)" was drawn "(ahmad_ex@)": the "@" took the direction of the words around it
# (newuser35b #8). A run is Latin words (each with a Latin letter; an "@" or "#" before one), with the spaces, digits
# and ", " between them; an escape inside ("river\_desk" in Markdown) stays in it, and an HTML entity's name
# ("&amp;") is never one: the look-behind keeps a run from starting after "&", "#", a letter, a backslash, "." or "-"
# (which also keeps the look-ahead from rescanning a long "1.1.1…": linear time).
_LATIN = "A-Za-z\u00c0-\u024f"
_LTR_WORD = f"[@#]?(?=[0-9_{_LATIN}.\\-\\\\]*[{_LATIN}])[0-9_{_LATIN}](?:[0-9_{_LATIN}.\\-\\\\]*[0-9_{_LATIN}])?"
# Between two words of a run: spaces, ", " and the marks that join Latin words ("Jerry's", "Tom &amp; Jerry", "Jane
# Doe/AP", "jane@example.org"), an entity whole; a word starting a URL ends the run (a PDI glued to an autolink joins
# it). Isolating "Jerry" and "s" apart drew "s'Jerry": the mark between two isolates took the line's direction
# (review35r7).
_LTR_SEP = "(?:[ \u00a0'\u2019/@+:&]|, |&(?:amp|#x27|quot);|\\\\&)"
_URL_OR_LTR_RE = LazyPattern(f"(?P<url>{_URL_RE.pattern})|(?<![&#.\\w\\\\-]){_LTR_WORD}"
                             f"(?:{_LTR_SEP}+(?:(?![a-z][a-z0-9+.-]*://)(?!(?<=[&#])#?\\w+;){_LTR_WORD}|[0-9]+(?![\\w.])))*")


def _right_to_left(text: str) -> bool:
    """Whether the first strong letter of `text` is right-to-left: the direction dir="auto" gives it."""
    import unicodedata

    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def rtl_isolated_md(text: str) -> str:
    """A Markdown line (escaped) whose first strong letter is right-to-left, its left-to-right runs between LRI and
    PDI (U+2066, U+2069); a URL is left whole, as `isolated_md` leaves it; any other line as it is."""
    if not _right_to_left(text):
        return text
    return _URL_OR_LTR_RE.sub(lambda m: m.group() if m.group("url") else f"\u2066{m.group()}\u2069", text)


def rtl_isolated_html(text: str) -> str:
    """An HTML line's (escaped) left-to-right runs in <bdi>, URLs too, when its first strong letter is right-to-left."""
    return _URL_OR_LTR_RE.sub(lambda m: f"<bdi>{m.group()}</bdi>", text) if _right_to_left(text) else text


def _md_line(value: Any) -> str:
    """`_md` for text that starts a line: "# Fees" is no heading, "1. " no list."""
    text = _md(value)
    return _MD_BLOCK_START_RE.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], text, count=1)


def _source_of(post: dict[str, Any], field: str) -> dict[str, Any]:
    from resolver.provenance import source_of

    return source_of(post, field)


def _failed_since(post: dict[str, Any]) -> str:
    """The Status cell's note when the post's view was kept from an earlier answer while a later fetch failed
    (cache.Store.record_observation), "; a later fetch (#N, time) ended in error": said, not hidden."""
    if post.get("status") in ("error", "unknown"):
        return ""
    said = _source_of(post, "status").get("observed_at") or ""
    later = [s for s in post.get("sources") or [] if s["status"] in ("error", "unknown")
             and s["method"] != "wayback" and (s.get("observed_at") or "") > said]   # a capture is no fetch of it
    if not later:
        return ""
    last = later[-1]
    when = last["fetched_at"] or last["observed_at"] or last.get("answered_at_unknown")
    return f"; a later fetch (#{last['fetch_id']}, {when}) ended in {last['status']}"


def _provenance_cell(source: dict[str, Any], cited: set[int]) -> str:
    """A Recorded from cell. The first that cites a fetch (of those in `cited`, which it adds to) names the URL it
    asked and the HTTP status it got; the others, its method, time, id and body hash (newuser31 #6: none named
    them)."""
    from resolver.provenance import provenance_text

    if source.get("method") in ("cache", "none", None) and not source.get("fetch_id"):
        return "nothing recorded"
    first = bool(source.get("fetch_id")) and source["fetch_id"] not in cited
    if first:
        cited.add(source["fetch_id"])
    # which server answered is said with the URL asked, once per fetch, as its status is
    shown = source if first else {k: v for k, v in source.items()
                                  if k not in ("url", "http_status", "contacted_origin")}
    return provenance_text(shown | {"method": source.get("method") or "—"})


def _given_by(post: dict[str, Any], field: str, found: str | None, cited: set[int]) -> str:
    """A fact's Recorded from cell: the answer that gave it, or, for a fact no answer gave (a 404 gives no
    author), the answer that said what the post is, named as one the fact was not in (newuser27 §10)."""
    source = _source_of(post, field)
    cell = _provenance_cell(source, cited)
    if found is not None or cell == "nothing recorded":
        return cell
    # a fetch that ended in an error with no body gave no answer to find it in (newuser30b #4: a request no replayed
    # WARC held read "not in the answer (syndication, <the replay's time>, fetch #5)")
    answered = source.get("status") not in ("error", None) or source.get("body_sha256")
    return f"not in the answer ({cell})" if answered else f"no answer ({cell})"


def _comment_words(embed: dict[str, Any]) -> str:
    """The Status of a comment: where it is, and that nothing of its post stands for it (newuser36 #1)."""
    where = f"a comment on {embed['parent']}" if embed.get("parent") else "a comment"
    if not embed.get("post_id"):
        return f"no comment id: {where}: its id was not read from the link, and the post it is under is not it"
    return (f"not fetched: {where}, by its own author: comments are not fetched, and the post's author and words "
            "are not the comment's")


def _followed_words(embed: dict[str, Any]) -> str | None:
    """The Status of a short link followed to a post or a comment that was not fetched, or to an end not seen (a
    sign-in page), as `resolve` says it; None for any other embed, or a link not followed (newuser46c #3)."""
    if embed.get("kind") not in ("short-link", "media-link"):
        return None
    own = next((r for r in embed.get("resolutions") or () if r.get("url") == embed.get("url")), None)
    if own is not None and own.get("post_id"):
        ref = parse_url(own.get("canonical_url") or "")
        if ref is not None and ref.kind == "comment":
            return f"not fetched: the link leads to {comment_said(ref)}: comments are not fetched"
        what = f"{ref.platform} {ref.kind}" if ref is not None else "the post"
        return f"not fetched: the link leads to {what} {own['post_id']}"
    if own is not None and own.get("unsure") and not own.get("error"):
        return f"unsure: {own['unsure']}"
    return None


def _facts(embed: dict[str, Any]) -> list[tuple[str, str | None, str | None, str]]:
    """(fact, the article says, the source says, provenance) rows for one embed."""
    from resolver.errors import NOT_CHECKED, not_mapped_words, refused_by_config
    from resolver.fetch.records import TITLE, json_text_kind
    from resolver.fetch.telegram import forward_said
    from resolver.provenance import (LINKS, available_elsewhere, cited_said, disagreeing, edit_of, failed_beside,
                                     failure_text)

    post = embed["post"]
    rows: list[tuple[str, str | None, str | None, str]] = []
    cited: set[int] = set()   # the fetches cited so far: the first citation of each names its URL and status
    if embed.get("id_doubt"):   # the article's words leave its id, or that it is a post, a reading (newuser31b)
        rows.append(("Id", embed.get("post_id"), None, f"uncertain: {embed['id_doubt']}"))
    if embed.get("unshown"):   # a copy no reader sees is no claim of the article's (newuser37 #1)
        rows.append(("Shown", "no", None, f"{unshown(embed['unshown'])}: its checks warn, never pass or fail"))
    author = _handle_label(embed.get("platform"), embed["author_handle"]) \
        + (f" ({embed['author_name']})" if embed.get("author_name") else "") if embed.get("author_handle") else None
    if embed.get("detector") in LINKS and author:
        # a link's handle is its URL's, never words of the article's; the name is the one the prose gives beside
        # it (newuser34 #2: "@CouncilorSmith" stood as what the article says where its prose named Mayor Jones)
        author = f"{_handle_label(embed.get('platform'), embed['author_handle'])} (in the link's URL)" + (
            f"; the article names “{embed['author_name']}” beside it" if embed.get("author_name") else "")
    if post is None:
        if embed.get("kind") == "comment":   # its own post, never its parent's (newuser36 #1)
            reason = _comment_words(embed)
        elif (not_post := NOT_POSTS.get((embed.get("platform") or "", embed.get("kind") or ""))) is not None:
            # before the id: a playlist's id is the list's, no post's (sig37)
            reason = f"no post id: the link is to {not_post}, which the tool does not identify as a post"
        elif (followed := _followed_words(embed)) is not None:   # newuser46c #3: where scan --resolve followed it
            reason = followed
        elif embed.get("post_id"):
            reason = "not fetched"
        elif embed.get("kind") in ("short-link", "media-link"):   # the link hides the post until followed (#15)
            reason = "no post id yet: the link hides it (embed-resolver scan --resolve follows it to the post)"
        elif embed.get("kind") == "unidentified":   # a publisher's own frame: no id to find, none looked for
            reason = (f"no post id: the page shows this post in a frame of its own ({embed['url']}), which names no "
                      "post; which post it is is not known")
        elif (embed.get("identified") or {}).get("verdict") == "not-checked":   # nobody looked (#9 §5)
            reason = f"no post id: {kept_no_link(embed)}; {embed['identified']['reason']}"
        elif embed.get("photo_elsewhere"):
            reason = (f"no post id: its photo link leads to {embed['photo_elsewhere']}, not its own (a re-used "
                      "photo?), and no post was identified by its words")
        elif embed.get("platform") != "twitter":   # only a flattened X post is looked for by its words (sig35)
            reason = (f"no post id: {kept_no_link(embed)}, and no post of {embed.get('platform')} is looked for by "
                      "its words (only an X post is)")
        else:
            reason = f"no post id: {kept_no_link(embed)}, and no post was identified by its words"
        rows.append(("Status", "", reason, ""))
    else:
        why = post.get("reason") if embed["status"]["code"] != "not_cached" else None   # the words say it
        # a source that failed beside the one the status rests on is said (newuser28b §5)
        notes = [why, *(failure_text(f) for f in failed_beside(post))]
        # a source that said otherwise of what the post is, with its fetch (newuser35 F1: only the JSON kept it)
        against = "; ".join(cited_said(s) for s in disagreeing(post))
        notes += [f"the sources disagree: {against}"] if against else []
        # withheld where one source asked, shown to another: both true (reports36: said as a disagreement)
        notes += [f"{'available elsewhere' if s['status'] == 'available' else 'withheld in some countries'}: "
                  + cited_said(s) for s in available_elsewhere(post)]
        words = embed["status"]["words"]
        if why and why.startswith(words):   # the reason says the words itself ("not confirmed as a post: …")
            words, notes = why, notes[1:]
        elif post.get("status") == "error" and refused_by_config(why):   # no source asked (newuser43b #9)
            words, notes = NOT_CHECKED, [not_mapped_words(why), *notes[1:]]
        status = words + (f" ({'; '.join(filter(None, notes))})" if any(notes) else "") + _failed_since(post)
        rows.append(("Status", "", status, _provenance_cell(_source_of(post, "status"), cited)))
        found_author = f"@{post['author']['handle']}" + (f" ({post['author']['name']})" if post["author"]["name"] else "") \
            if post["author"]["handle"] else post["author"]["name"]   # a name with no handle is still said (platforms30)
        if post.get("platform") == bluesky.PLATFORM:   # the account's DID beside its handle, never as one (newuser31 #3)
            found_author = _bluesky_author(post["author"])
        rows.append(("Author", author, found_author, _given_by(post, "author_handle" if post["author"]["handle"]
                                                               else "author_name", found_author, cited)))
        # a forward's words are another channel's, said of the live post or, gone, of a copy read (newuser44a #4)
        # (each cited where it was read: a copy's forward is the capture's, never the live answer's, review45a)
        forward = forward_said(post.get("references") or (), post["author"]["handle"])
        cell = _given_by(post, "references", forward, cited) if forward is not None else ""
        if forward is None:
            from resolver.provenance import form_words

            copy, forward = next(((copy, said) for copy in post.get("archived") or ()
                                  if copy.get("status") == ARCHIVED_COPY and (said := forward_said(
                                      copy.get("references") or (), (copy.get("author") or {}).get("handle")))),
                                 (None, None))
            if copy is not None:
                cell = f"wayback capture of {copy['captured_at']} ({form_words(copy['form'])}), " + _copy_source(copy)
        if forward is not None:
            rows.append(("Forwarded from", "", f"{forward}, not its own", cell))
        # an edited post's live answer is its edit's: said beside the time and the words (verdict28)
        edit = " (its edit's {})" if edit_of(post) else ""
        created_at = post.get("created_at")
        rows.append(("Date", embed.get("date_text"), created_at and created_at + edit.format("time"),
                     _given_by(post, "created_at", created_at, cited)))
        text = embed.get("text")
        if text and embed.get("detector") in LINKS:   # a reading of the prose around a link (newuser34 #1)
            text += " [quoted beside the link: the words may quote something else]"
        elif text and embed.get("text_confidence") == "uncertain":
            # X's word for X's posts alone (newuser36 #7: a Reddit thread's title said "tweet")
            text += f" [where the {'tweet' if embed.get('platform') == 'twitter' else 'post'} starts or ends in the " \
                    "article is uncertain]"
        found_text = post.get("text")
        if json_text_kind(post) == TITLE:
            # a title beside no words of the post: the article's words, if any, stand beside nothing (newuser29 §8)
            if text:
                rows.append(("Text", text, None, _given_by(post, "text", None, cited)))
            rows.append(("Title", None, found_text, _given_by(post, "text", found_text, cited)))
        else:
            rows.append(("Text", text, found_text and found_text + edit.format("words"),
                         _given_by(post, "text", found_text, cited)))
        media = ", ".join(m["url"] for m in post.get("media") or []) or None
        rows.append(("Media", _article_media(embed), media, _given_by(post, "media", media, cited)))
        rows += _archived_rows(embed, post) + _last_seen_rows(post, cited)
    if embed.get("snowflake_time"):
        rows.append(("Id minted", "", embed["snowflake_time"], "derived from the post id (snowflake), no fetch"))
    if post is None and author:
        rows.append(("Author", author, None, ""))
    return rows


def _article_media(embed: dict[str, Any]) -> str | None:
    """What the article shows of a post's media: its media links, or the words its embed code shows in their place
    (Bluesky's "[image or embed]": the post has media, platforms30)."""
    marker = embed.get("media_marker")
    return ", ".join(embed.get("media_links") or []) or (
        f"the embed code marks an image or embed: “{marker}”" if marker else None)


def _archived_rows(embed: dict[str, Any], post: dict[str, Any]) -> list[tuple[str, str | None, str | None, str]]:
    """What the archived copies say, one row per fact, each naming its capture: for a gone post the words the
    checks compare against, for a live one what the copy says beside the live value."""
    from resolver.provenance import form_words

    rows: list[tuple[str, str | None, str | None, str]] = []
    for copy in post.get("archived") or []:
        if copy["status"] != ARCHIVED_COPY or not copy.get("text"):
            continue
        where = f"wayback capture of {copy['captured_at']} ({form_words(copy['form'])}), " + _copy_source(copy)
        author = copy["author"]
        found = f"@{author['handle']}" + (f" ({author['name']})" if author.get("name") else "") \
            if author.get("handle") else author.get("name")
        rows.append(("Archived author", None, found, where))
        rows.append(("Archived date", None, copy.get("created_at") or "not in the capture", where))
        rows.append(("Archived text", None, copy["text"], where))
        break   # the copy the checks use; the others are listed with the links
    return rows


def _last_seen_rows(post: dict[str, Any], cited: set[int]) -> list[tuple[str, str | None, str | None, str]]:
    """What the last recorded answer that showed a post now gone said, one row per fact, when the checks rest on
    it (no capture holds its words): the evidence the tool itself kept of it (newuser31 #1)."""
    from resolver.fetch.records import TITLE
    from resolver.provenance import said_by_post

    seen: dict[str, Any] | None = post.get("last_available")
    if seen is None or said_by_post(post)[0] is not seen:
        return []
    author = seen.get("author") or {}
    found = f"@{author['handle']}" + (f" ({author['name']})" if author.get("name") else "") \
        if author.get("handle") else author.get("name")
    words = "title" if seen.get("text_kind") == TITLE else "text"   # an oEmbed title is no post's words (review31r3)
    return [(f"Last seen {fact}", None, value, _provenance_cell(seen, cited) + ", when the post was last seen available")
            for fact, value in (("author", found), ("date", seen.get("created_at")), (words, seen.get("text")))]


def embeds_summary(summary: dict[str, Any]) -> str:
    """'3 (twitter 2, youtube 1)'; '0' with no embed."""
    return f"{summary['embeds']} ({_counts(summary['by_platform'])})" if summary["by_platform"] else str(summary["embeds"])


def not_read_summary(summary: dict[str, Any]) -> str | None:
    """'3 (Storify 1, Vine 1, Google+ 1), 3 of them of closed services: not checked': the posts of services no step
    reads, which are no embeds (the article's notes say each); None with none (or a report made before they were
    counted)."""
    not_read = summary.get("not_read") or {}
    if not not_read.get("count"):
        return None
    closed = f", {not_read['closed']} of them of closed services" if not_read.get("closed") else ""
    return f"{not_read['count']} ({_counts(not_read['by_service'])}){closed}: not checked"


def archive_summary(summary: dict[str, Any], embeds: Sequence[dict[str, Any]] = ()) -> str:
    """'no archived copy' only for what was looked up; the rest is 'not checked' (#9 §5). Of those with no copy, the
    posts whose HTTP 200 captures nobody read (`embeds`' own), said so: whether one holds the post is not known, as the
    body says (newuser40a #6: "no archived copy" under a body saying "not read")."""
    from resolver.provenance import STATUS_WORDS, archived_copies, unread_captures

    archive = summary["archive"]
    if not archive["looked_up"] and not archive["not_checked"]:
        return "none: no embedded post"
    # a post with no id has nothing to look up: said as such, never as "no embedded post" (newuser29b §2)
    unknown = summary["by_status"].get(STATUS_WORDS["not_identified"][0], 0)
    others = archive["not_checked"] - unknown
    unread = sum(1 for e in embeds if e.get("post") and e.get("archive_looked_up") and not e.get("same_post_as")
                 and not archived_copies(e["post"], e["snapshots"]) and unread_captures(e["post"], e["snapshots"]))
    parts = [f"{archive['without_copy']} of {archive['looked_up']} looked up"
             + (f" ({unread} of them with captures listed, not read: whether one holds the post is not known)"
                if unread else "")] if archive["looked_up"] else []
    if others:   # not looked up: none made, or every one failed (a 503)
        parts.append(f"{others} not checked" if archive["looked_up"] else "no archive lookup answered")
    if unknown:
        parts.append(f"{unknown} post{'s' * (unknown != 1)} not identified")
    return ("" if archive["looked_up"] else "not checked: ") + "; ".join(parts)


def identification_summary(summary: dict[str, Any]) -> str | None:
    found = summary["identification"]
    if not found["remnants"]:
        return None
    text = f"{found['remnants']} without a link: {found['identified']} identified, {found['not_identified']} not"
    return text + (f", {found['not_checked']} not checked" if found.get("not_checked") else "")


HAND_OVER = " (hand each over with the report: a file a later run appends to changes its sha256)"


def warc_files_note(files: list[dict[str, Any]], *, code: Callable[[str], str] = str,
                    text: Callable[[str], str] = str) -> str:
    """The header line naming each WARC file a report cites (newuser38a F9): its name, where it is ("beside the
    database: PATH", the path, or "not found on this machine"), how many records are cited, and its sha256 and size at
    report time. `code` and `text` mark up a name or hash and a path (Markdown's code spans and escapes)."""
    parts = []
    for entry in files:
        records = f"{entry['records']} record{'s' * (entry['records'] != 1)} cited"
        if entry.get("path") is None:
            parts.append(f"{code(entry['file'])} (not found on this machine), {records}")
            continue
        where = f"beside the database: {entry['path']}" if entry.get("beside_database") else entry["path"]
        if missing := entry.get("records_not_found"):
            # a file of the cited name that lacks the cited records is none to hand over (review39a)
            records += (f"; the file there does not hold {missing} of them at their offsets (another file of that "
                        "name, or changed since): not the file the report cites")
        parts.append(f"{code(entry['file'])} ({text(where)}), {records}; sha256 {code(entry['sha256'])} and "
                     f"{entry['bytes']:,} bytes at report time")
    return "; ".join(parts) + HAND_OVER + "".join(
        f"; FAILED: {failed_record_line(entry, failed, code=code, text=text)}"
        for entry in files for failed in entry.get("records_failed") or [])


def evidence_failed_line(failed: dict[str, Any], *, code: Callable[[str], str] = str) -> str:
    """Cited evidence in the database that is not what it cites (provenance.evidence_failed), in a line."""
    fetches = ", ".join(f"#{i}" for i in failed.get("fetch_ids") or [])
    if failed["kind"] == "body":
        return f"body {code(failed['body_sha256'])} (fetch {fetches or 'none'}): {failed['why']}"
    body = f", body {code(failed['body_sha256'])}" if failed.get("body_sha256") else ""
    return f"embed {failed['embed']}'s post (fetch {fetches}{body}): {failed['why']}"


def failed_record_line(entry: dict[str, Any], failed: dict[str, Any], *, code: Callable[[str], str] = str,
                       text: Callable[[str], str] = str) -> str:
    """A cited WARC record that is not as it was written (newuser44b #1): which one, and why its words are no
    archived text."""
    named = f"record {code(failed['record_id'])} " if failed.get("record_id") else "the record "
    return (f"{named}at offset {failed['offset']:,} of {code(entry['file'])}: {text(failed['why'])}; the WARC is "
            "damaged or altered, and that record's words are no archived text")


def _zoned(value: str | None) -> str | None:
    """A recorded UTC time as the report gives every time: ISO 8601 ending in Z, with no "(UTC)" after the Z that says
    it (newuser38a F11); one recorded without a zone gets "(UTC)"."""
    if not value:
        return None
    return value if value.endswith("Z") else f"{value} (UTC)"


def markdown(report: dict[str, Any]) -> str:
    """The report as Markdown: readable in a terminal, rendered on GitHub."""
    from resolver.provenance import cache_note, origins_note, replay_note, replayed_note

    article, summary = report["article"], report["summary"]
    lines = [f"# Provenance report: {_md(report_title(article), as_written=True)}", "",
             "## In short", "", *in_short(report), "", "## The article", "",
             f"- Article: {_md_code(article['source'])} ({article['kind']}), sha256 `{article['sha256']}`",
             *([f"- Page: {_md_link(url)}"] if (url := page_url(article)) else []),
             *([f"- Record: {_md_code(article['record_id'])}"] if article.get("record_id") else []),
             *([f"- Crawled: {note}"] if (note := crawled_note(article)) else []),
             *([f"- Published: {note}"] if (note := published_note(article)) else []),
             *([f"- Final URL: {_md_code(note)} (where the redirects from the URL given ended)"]
               if (note := redirected_to(article)) else []),
             f"- Scanned: {_zoned(article['scanned_at']) or 'not recorded'}",
             *([f"- **Truncated**: {note}"] if (note := truncation_note(article)) else []),
             *([f"- **Reading incomplete**: {_md(note)}"] if (note := incomplete_note(article)) else []),
             *([f"- **Read from a container**: {_md(note)}"]
               if (note := warning_note(article, "read-from-container")) else []),
             *([f"- **Maybe no article**: {_md(note)}"] if (note := warning_note(article, "thin-page")) else []),
             *([f"- **Links not followed**: {_md_commands(note)}"]
               if (note := warning_note(article, "links-not-followed")) else []),
             *([f"- **Links followed**: {_md(note)}"]
               if (note := warning_note(article, "links-followed")) else []),
             *([f"- **Credit words not read**: {_md(note)}"]
               if (note := warning_note(article, "credit-language-not-read")) else []),
             *([f"- **Not supported**: {_md(note)}"]
               if (note := warning_note(article, "podcasts-not-supported")) else []),
             *([f"- **Not supported**: {_md(note)}"]
               if (note := warning_note(article, "posts-not-supported")) else []),
             *([f"- **Handles not read**: {_md(note)}"]
               if (note := warning_note(article, "handles-not-read")) else []),
             *([f"- **Encoding**: {_md(note)}"] if (note := encoding_note(article)) else []),
             *([f"- **Mojibake**: {_md(note)}"] if (note := warning_note(article, "mojibake")) else []),
             f"- Generated by {report['generated_by']} at {_zoned(report['generated_at'])}",
             *([f"- **Replay**: {_md(note)}"] if (note := replay_note(report.get("replay"))) else []),
             *([f"- **From the cache**: {_md(note)}"] if (note := cache_note(report)) else []),
             *([f"- **From the replayed WARC**: {_md(note)}"] if (note := replayed_note(report)) else []),
             *([f"- **WARC files cited**: {warc_files_note(files, code=_md_code, text=_md)}"] if (files := report.get("warc_files_cited")) else []),
             *[f"- **FAILED, evidence not what it cites**: {_md(evidence_failed_line(failed))}"
               for failed in report.get("evidence_failed") or []],
             *([f"- **Configured origins**: {_md(note)}"] if (note := origins_note(report)) else []), "",
             "## Summary", "", "| | |", "|---|---|",
             f"| Embeds | {embeds_summary(summary)} |",
             f"| Post status | {_counts(summary['by_status']) or '—'} |",
             "| Checks | " + " · ".join(f"{MARK[k]} {v}" for k, v in summary["checks"].items()) + " |",
             f"| Embedded posts with no archived copy | {archive_summary(summary, report['embeds'])} |",
             *([f"| Flattened posts | {identified} |"] if (identified := identification_summary(summary)) else []),
             *([f"| Posts of services not read | {_md(said)} |"] if (said := not_read_summary(summary)) else []),
             f"| Photo credits | {summary['credits']} |", ""]
    if summary["failed"]:
        lines += ["**Failed checks**", ""] + [f"- {isolated_md(_md(f, as_written=True))}" for f in summary["failed"]]
        lines += [""]
    if report["unreachable"]:
        lines += ["**Could not be reached** (the report says what is known without it)", ""]
        lines += [f"- {_md(u, as_written=True)}" for u in report["unreachable"]] + [""]
    if report.get("answered_not_the_post"):   # reached: no "could not be reached" (newuser44a #10)
        lines += ["**Answered, but not the post** (its status is not known)", ""]
        lines += [f"- {_md(u, as_written=True)}" for u in report["answered_not_the_post"]] + [""]
    lines += ["## Embeds", ""]
    if not report["embeds"]:
        lines += [none_found(article, "embeds"), ""]
    for number, embed in enumerate(report["embeds"], start=1):
        lines += _markdown_embed(number, embed)
    lines += ["## Photo credits", ""]
    if not report["credits"]:
        lines += [none_found(article, "credits"), ""]
    for number, credit in enumerate(report["credits"], start=1):
        lines += _markdown_credit(number, credit)
    if uncredited := uncredited_images(article):   # newuser42a #11
        lines += [f"**Pictures with no credit**: {_md(uncredited['message'])}:", ""]
        lines += [f"- {_md_code(image['url'])} ({UNCREDITED_WHERE.get(image['where'], image['where'])})"
                  for image in uncredited["images"]] + [""]
    if hashes := hashes_cited(report, "\n".join(lines)):
        lines += ["## Hashes cited", "", HASHES_CITED, ""]
        lines += [f"- `{short}…` `{whole}` ({_fetches(ids)})" for short, whole, ids in hashes]
    return "\n".join(lines).rstrip() + "\n"


_NEEDS_TOKEN_RE = LazyPattern(r"\bneeds ([A-Z][A-Z0-9_]+)")


def in_short(report: dict[str, Any]) -> list[str]:
    """The block a Markdown report opens with, for an editor (newuser37b #10): `in_short_items` as Markdown lines."""
    return [f"- **{label}**: {said}" for label, said in in_short_items(report)]


def in_short_items(report: dict[str, Any]) -> list[tuple[str, str]]:
    """The block every report for people opens with (Markdown and HTML: one wording, inputs38), for an editor
    (newuser37b #10): (label, plain text) for what was found, how much of it was checked, what is not known and the
    next step, in plain words, from the report's own counts (nothing here that the sections below do not say), and
    the jargon of those sections explained."""
    summary = report["summary"]
    posts, checks = summary["posts"], summary["checks"]
    made = sum(checks.values()) - checks.get("skip", 0)
    platforms = f" ({_counts(summary['by_platform'])})" if summary["by_platform"] else ""
    if not_posts := summary.get("not_posts"):   # a playlist, a timeline, a story: no post (review38c)
        found = (f"{_n(summary['embeds'], 'embed')}{platforms}, "
                 + ("none of them a post" if not_posts == summary["embeds"] else f"{not_posts} of them no post")
                 + " (each such links to what is no post: a playlist, a feed, a story, a clip, a live stream or a "
                   "Mastodon activity), and "
                 + f"{_n(summary['credits'], 'photo credit')}, read from the article itself.")
    else:
        found = (f"{_n(summary['embeds'], 'embedded post')}{platforms}"
                 + f" and {_n(summary['credits'], 'photo credit')}, read from the article itself.")
    # a check that warned is said beside those that failed: "none failed" alone, over two warns (a deleted post
    # identified by its words at 0.75), read as cleared (review38a)
    if checks.get("warn"):
        outcome = (f"{checks['fail']} failed (the article and a source disagree)" if checks.get("fail") else
                   "none failed") + f" and {checks['warn']} warned (a doubt to weigh)."
    else:
        outcome = (f"and {checks['fail']} failed: the article and a source disagree." if checks.get("fail") else
                   "and none failed.")
    checked = (f"the status of {posts['status_known']} of the {_n(posts['named'], 'post')} is known; {made} of the "
               f"{_n(sum(checks.values()), 'check')} could be made, {outcome}")
    if not posts["named"] and not sum(checks.values()):
        checked = "nothing to check: no post and no photo credit was found."
    elif not posts["named"]:   # only what is no post, or credits (review38c: "the status of 0 of the 0 posts")
        checked = (f"no post to look up; {made} of the {_n(sum(checks.values()), 'check')} could be made"
                   + (f", {outcome}" if checks.get("fail") or checks.get("warn") else "."))
    elif not posts["status_known"] and not made:
        checked = "nothing yet. " + checked[0].upper() + checked[1:]
    items = [("Found in the article", found), ("Checked against the sources", checked)]
    unreachable = report["unreachable"]
    offline = bool((report.get("answers") or {}).get("offline"))
    if unreachable:
        recorded = (report.get("answers") or {}).get("count")
        why = (": this report was made with --offline, from what earlier runs recorded"
               + (", and they had recorded nothing for it" if not recorded else "") if offline else "")
        items.append(("Not known", f"{_n(len(unreachable), 'thing')} could not be reached (listed under \"Could not "
                                   f"be reached\" below){why}."))
    items.append(("What to do next", _next_steps(summary, unreachable, offline=offline, report=report)))
    items.append(("Words used below", "a check marked \"skip\" (➖) could not be made, for want of what it compares; "
                                      "\"snowflake\" is the date read from an X post's number."))
    return items


# What in a "could not be reached" line may pass on a later run: a timeout, a dropped connection, a busy server
_MAY_PASS_RE = LazyPattern(r"\btime(?:d out|out)\b|no complete answer|\bHTTP (?:429|5\d\d)\b|\bconnect(?:ion)?\b",
                           re.IGNORECASE)


def _next_steps(summary: dict[str, Any], unreachable: list[str], *, offline: bool,
                report: dict[str, Any] | None = None) -> str:
    """What the reader of a report can do next, the most pressing first, each from the report's own counts: "nothing"
    only when every post's status is known and no check failed or warned (newuser38a #2, #6: it said so of a post
    whose status was not known, and beside warnings, a deleted post and links never followed)."""
    from resolver.provenance import relative_image

    steps = []
    checks, not_known = summary["checks"], summary["posts"]["status_not_known"]
    if checks.get("fail") or checks.get("warn"):
        read = " and ".join((["each failed check"] if checks.get("fail") else [])
                            + (["each check marked warn (⚠️)"] if checks.get("warn") else []))
        steps.append(f"read {read} below before using these embeds")
    if offline and unreachable:
        steps.append("run the same command without --offline to look them up")
    tokens = sorted({found[1] for line in unreachable if (found := _NEEDS_TOKEN_RE.search(line))})
    if tokens and not offline:
        steps.append(f"set {' and '.join(tokens)} (see the README's Configuration) and run again")
    if len(steps) == bool(checks.get("fail") or checks.get("warn")) and unreachable:
        # "run again later" only for what may pass (newuser42a #2: it was said when nothing had timed out)
        passing = [line for line in unreachable if _MAY_PASS_RE.search(line)]
        steps.append("see why each could not be reached, below" + (
            "; run again later for what timed out or found the server busy" if passing else ""))
    # a post whose status is not known without a line under "Could not be reached" (a flattened post that kept no
    # link: "not identified"): "nothing: every post's status is known" followed "the status of 0 of the 1 post is
    # known" (review38a, review38c)
    if not_known and not unreachable:
        steps.append(f"see why the status of {_n(not_known, 'post')} is not known "
                     f"({'its' if not_known == 1 else 'their'} Status below)")
    if relative := sum(map(relative_image, (report or {}).get("credits") or [])):   # never checked (newuser42a #1)
        steps.append(f"note that {_n(relative, 'credited image')} could not be checked: "
                     f"{'its address is' if relative == 1 else 'their addresses are'} relative and the article's URL "
                     "is not known; give the article's URL rather than a file to check "
                     f"{'it' if relative == 1 else 'them'}")
    if gone := _gone_posts((report or {}).get("embeds") or []):
        steps.append(f"note that {gone}")
    if follow := _follow_links((report or {}).get("article") or {}):
        steps.append(follow)
    steps += _article_steps((report or {}).get("article") or {})
    if not steps and not summary["posts"]["named"]:
        return ("nothing: there is no post to look up, and no check failed or warned." if sum(checks.values()) else
                "nothing: no embedded post or photo credit was found to check.")
    if not steps:
        return "nothing: every post's status is known and no check failed or warned."
    return "; ".join(steps) + "."


def _gone_posts(embeds: list[dict[str, Any]]) -> str:
    """The posts gone (deleted, suspended...) in words, each with what its archived copies gave: "1 post is deleted
    (an archived copy was checked)"; "" when none is. A gone post's words in the report are a copy's, if any."""
    from resolver.provenance import unread_captures

    said: dict[str, int] = {}
    for embed in embeds:
        if embed.get("same_post_as") or (embed.get("status") or {}).get("tone") != "gone":
            continue
        read = any(c.get("status") == ARCHIVED_COPY and c.get("text") for c in (embed.get("post") or {}).get("archived")
                   or ())   # a capture read that holds its words: what the text check holds the article against
        unread = len(unread_captures(embed.get("post"), embed.get("snapshots") or []))
        tried = len((embed.get("post") or {}).get("archived") or ())
        copy = ("an archived copy was checked" if read else
                "an archived copy is listed, not read" if embed.get("archived_copies") else
                # captures no one read (a Mastodon or Bluesky post's): the body says whether one holds it is not
                # known; "no archived copy was found" contradicted it (newuser40a #6)
                (f"{tried} capture{'s' * (tried != 1)} read, none holds it; {unread} more listed, not read: whether "
                 f"{'it holds' if unread == 1 else 'any holds'} the post is not known" if tried else
                 f"{unread} capture{'s' * (unread != 1)} listed, not read: whether {'it holds' if unread == 1 else 'any holds'}"
                 " the post is not known") if unread else
                # captures read, none of them the capture the archive lists (its CDX digest): what they hold is not
                # known, never "does not show the post" (newuser47c #4)
                ("captured, but the capture read is not the one the archive lists: what it holds is not known"
                 if tried == 1 else f"captured, but none of the {tried} captures read is the one the archive lists: "
                 "what they hold is not known") if tried and _none_as_listed(embed.get("post")) else
                # captures read, none of them the post (an account's page, a login wall): archived, not as the post
                ("captured, but the capture does not show the post" if tried == 1 else
                 f"captured, but none of the {tried} captures read shows the post") if tried else
                # no lookup answered (--no-archive, a refusal of [origins], a failure, never made): its archive
                # check says why; "no archived copy was found" told of a lookup never made (review43a)
                "whether an archived copy exists is not known: its archive check says why"
                if _archive_not_known(embed) else "no archived copy was found")
        key = f"{embed['status']['words']} ({copy})"
        said[key] = said.get(key, 0) + 1
    parts = [f"{n} {key}" for key, n in said.items()]
    if not parts:
        return ""
    first = parts[0].split(" ", 1)
    parts[0] = f"{first[0]} post{'s are' if int(first[0]) != 1 else ' is'} {first[1]}"
    return " and ".join(parts) if len(parts) < 3 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _none_as_listed(post: dict[str, Any] | None) -> bool:
    """Every capture of the post read was found not to be the capture the archive lists (its body is not the CDX
    digest's): what each holds is not known."""
    from resolver.fetch.wayback import listed_in_record

    copies = (post or {}).get("archived") or []
    return bool(copies) and all(listed_in_record(c) is not None for c in copies)


def _archive_not_known(embed: dict[str, Any]) -> bool:
    """The embed's archive check could not be made (skip): no archive lookup answered for its post."""
    return any(c.get("name") == "archive" and c.get("result") == "skip" for c in embed.get("checks") or ())


def _article_steps(article: dict[str, Any]) -> list[str]:
    """The steps the article's own doubts call for, which the report's lines above say (review39b: In short said
    "nothing: no embedded post or photo credit was found to check" of a paywall page, "Maybe no article" above it):
    a reading that lost a step, a page that may not be the article, a language whose credit words are not read."""
    steps = []
    if failed := [f["step"] for f in article.get("incomplete") or ()]:
        steps.append(f"note that the reading is incomplete ({', '.join(failed)} failed): what those steps find is "
                     "missing")
    if warning_note(article, "thin-page"):
        steps.append("check the page: it may not be the article (see \"Maybe no article\" below); scan the "
                     "article's own page if it is not")
    if warning_note(article, "credit-language-not-read"):
        steps.append("look for photo credits by eye: the credit words of the page's language are not read (see "
                     "\"Credit words not read\" below)")
    return steps


# the source an input record is named by (resolver.inputs): a JSON Lines record's "FILE:LINE", a WARC record's
# "FILE#OFFSET"
_RECORD_SOURCE_RE = LazyPattern(r"[:#]\d+\Z")


def _follow_links(article: dict[str, Any]) -> str:
    """The step for the t.co links in the article's text that no embed carries, naming the command that follows
    them: `resolve --text-links` reads a file, so an article read from a URL is to be saved first."""
    found = next((w for w in article.get("warnings") or () if w.get("kind") == "links-not-followed"), None)
    if found is None:
        return ""
    import shlex

    source = str(article.get("source") or "")
    many = found["count"] != 1
    if "://" in source or not source:
        command = "`embed-resolver resolve --text-links FILE` on the page saved as a file"
    elif source == "-" or _RECORD_SOURCE_RE.search(source):
        # stdin, a JSON Lines record ("arts.jsonl:3"), a WARC record ("crawl.warc.gz#5120"): no file the command
        # reads, which refused "arts.jsonl:3" and "-" (review39a)
        command = "`embed-resolver resolve --text-links FILE` on the article saved as a file"
    else:   # quoted: "my story.txt" unquoted was two names (review39a)
        command = f"`embed-resolver resolve --text-links {shlex.quote(source)}`"
    return f"follow the {found['count']} t.co link{'s' * many} in the text that no embed carries: {command}"



def _n(count: int, thing: str) -> str:
    """'1 embedded post', '2 embedded posts'."""
    return f"{count} {thing}{'s' * (count != 1)}"


HASHES_CITED = "Each sha256 the report shortens to its first 12 hex digits, in full, with the fetches it is the body of:"
_SHORT_HASH_RE = LazyPattern(r"\b([0-9a-f]{12})…")


def _fetches(ids: list[int]) -> str:
    """Fetch-log ids as every line of a report names them ("fetch #7, fetch #16"); "no fetch recorded"."""
    return ", ".join(f"fetch #{i}" for i in ids) or "no fetch recorded"


def hashes_cited(report: dict[str, Any], shown: str) -> list[tuple[str, str, list[int]]]:
    """Every body sha256 `shown` (a rendered report) cites by its first 12 hex digits ("body b4d4557167c5…"), in full,
    each with the fetch-log ids whose body it is: a printed exhibit must allow a check by hand (newuser33 #11). From
    the report's own facts: a hash the report holds in no fact is not listed (its short form says all that is known)."""
    full: dict[str, set[int]] = {}

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            whole = value.get("body_sha256")
            if isinstance(whole, str) and len(whole) == 64:
                ids = full.setdefault(whole, set())
                ids.update([value["fetch_id"]] if isinstance(value.get("fetch_id"), int) else [])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(report)
    short = set(_SHORT_HASH_RE.findall(shown))
    return sorted((whole[:12], whole, sorted(ids)) for whole, ids in full.items() if whole[:12] in short)


def _counts(counter: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counter.items())


def _chain(resolution: dict[str, Any]) -> str:
    """A link's hops with their statuses and fetches ("https://t.co/x (301, 2026-…Z, fetch #3)"); a hop that got no
    response says so, or why ("timed out after 0.5 s")."""
    from resolver.provenance import CITED_KEYS, provenance_text

    return " → ".join(f"{h['url']} (" + ", ".join(filter(None, (
        str(h["status"]) if h["status"] is not None else h.get("error") or "no response",
        provenance_text({k: h.get(k) for k in CITED_KEYS if k != "body_sha256"})))) + ")"
        for h in resolution["hops"]) or resolution["url"]


def _copy_source(copy: dict[str, Any]) -> str:
    """The fetch a capture read was: UTC time, fetch-log id, body hash."""
    from resolver.provenance import CITED_KEYS, provenance_text

    return provenance_text({k: copy.get(k) for k in CITED_KEYS})


def _archive_source(embed: dict[str, Any]) -> str:
    """"(per the CDX lookup of …, time, fetch #N, body …; availability lookup of …)" after an Archived line: the
    lookups its snapshots and "no snapshot" rest on ("" when none is recorded)."""
    from resolver.provenance import lookups_text

    said = lookups_text(embed.get("archive_lookups") or [])
    return f"(per the {said})" if said else ""


def _image_source(meta: dict[str, Any]) -> str:
    """" (<URL>, time, fetch #N, sha256 …)" after what an image file says: the download it was read from."""
    from resolver.provenance import provenance_text

    said = provenance_text({"url": meta.get("url"), "fetched_at": meta.get("fetched_at"),
                            "answered_at_unknown": meta.get("answered_at_unknown"), "warc_file": meta.get("warc_file"),
                            "fetch_id": meta.get("fetch_id"), "body_sha256": meta.get("sha256"),
                            # the WARC record of the download, as the JSON and a post's rows cite it (newuser44b #10)
                            "warc_record": meta.get("warc_record"),
                            "contacted_origin": meta.get("contacted_origin"),
                            "overridden_origin": meta.get("overridden_origin")}, body="sha256")
    return f" ({said})" if said else ""


def _not_cached(resolution: dict[str, Any]) -> str | None:
    """An offline link with no cached answer for this run: not known, which is no error (as a post's status, #9),
    and why, where the cache holds something of it ("resolved only with allow_private set", a chain under another
    max_redirects, an end kept redacted): the line said only "not in the cache" though the cache held it
    (fixnet28b's note)."""
    from resolver.http import not_cached_said
    from resolver.resolve import NEVER_RESOLVED

    error = resolution["error"] or ""
    said = not_cached_said(error)
    if said is None:
        return None
    why = said.strip().removeprefix("offline, and ").strip()
    return "not in the cache (offline)" + (f": {why}" if why and not_cached_said(NEVER_RESOLVED) != said else "")


def _handle_label(platform: str | None, handle: str | None) -> str:
    """"@handle"; a Bluesky account named by its DID (a link by DID) is shown as the id it is, not as "@did:…"."""
    if not handle:
        return ""
    return bluesky.label(handle, None) if platform == bluesky.PLATFORM else f"@{handle}"


def _bluesky_author(author: dict[str, Any]) -> str | None:
    """A Bluesky post's Author cell: "@handle (name), account did:…"; a DID kept as a handle (an older cache) is
    shown as the id it is."""
    handle, did = author.get("handle"), author.get("id")
    if bluesky.is_did(handle):
        handle, did = None, did or handle
    if bluesky.is_invalid_handle(handle) and bluesky.is_did(did):   # Bluesky's word for a handle it could not verify:
        handle = None                                                # the account is its DID (review42c)
    named = (f"@{handle}" if handle else "") + (f" ({author['name']})" if handle and author.get("name") else "")
    named = named or author.get("name") or ""
    if bluesky.is_did(did):
        named += f", account {did}" if named else f"account {did}"
    return named or None


def _byline(embed: dict[str, Any]) -> str:
    """A heading's ` by @handle`: the post's author as its source gives it (an archived copy's for a gone post),
    and the handle the article gave when that differs; the article's alone when no source named one."""
    if embed["status"]["code"] == "not_confirmed":   # not confirmed a post: no account is known to have posted it
        return ""
    said = embed.get("author_handle")
    post = embed["post"] or {}
    copies = [c["author"].get("handle") for c in post.get("archived") or [] if c["status"] == ARCHIVED_COPY]
    found = (post.get("author") or {}).get("handle") or next((h for h in copies if h), None)
    if embed.get("platform") == bluesky.PLATFORM:   # a DID is shown beside the handle, never as one (newuser31 #3)
        return _bluesky_byline(said, found, (post.get("author") or {}).get("id"))
    if found and said and found.casefold() != said.casefold():
        return f" by @{found} (the article says @{said})"
    return f" by @{found or said}" if found or said else ""


def _bluesky_byline(said: str | None, found: str | None, found_id: str | None) -> str:
    """A Bluesky heading's ` by @handle (did:…)`: the source's handle and DID, the article's when it differs."""
    theirs = bluesky.label(found, found_id if bluesky.is_did(found_id) else None)
    ours = bluesky.label(said, None)
    if theirs and ours and theirs.split(" ")[0].casefold() != ours.casefold():
        return f" by {theirs} (the article says {ours})"
    return f" by {theirs or ours}" if theirs or ours else ""


def _start_time(embed: dict[str, Any]) -> str:
    """" at 2:05" (" at 1:02:05") where the article's video link starts the video (newuser29 #10), else "". A post
    shown in several places gives the moment of the place named beside it, its own span's (newuser41a #3: a moment
    written at a link was shown at the iframe beside it), and `_moments_line` the others."""
    seconds = embed.get("start_seconds")
    if embed.get("moments"):
        seconds = next((m["start_seconds"] for m in embed["moments"] if list(m["span"]) == list(embed["span"])), None)
    end = embed.get("end_seconds")   # the player's &end=: the link's own, so its place's (newuser41a #10)
    return (f" at {clock(seconds)}" if seconds else "") + (f" to {clock(end)}" if end and seconds else
                                                            f" until {clock(end)}" if end else "")


def clock(seconds: int) -> str:
    """A moment of a video as a player shows it: "2:05", "1:02:05"."""
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def moments_line(embed: dict[str, Any]) -> str | None:
    """"Moments cited: 1:32 at characters 58–123; 14:05 at characters 327–402" when a place other than the embed's
    own names a moment of the video (newuser41a #3: one video cited at two moments kept one), else None."""
    moments = embed.get("moments") or ()
    if all(list(m["span"]) == list(embed["span"]) for m in moments):
        return None
    return "Moments cited: " + "; ".join(f"{clock(m['start_seconds'])} at characters {m['span'][0]}–{m['span'][1]}"
                                         for m in moments)


def other_handles_line(embed: dict[str, Any]) -> str | None:
    """What a post named under more than one account says (newuser41a #13: merged silently), else None."""
    handles = embed.get("other_handles") or ()
    if not handles:
        return None
    from resolver.origins import PLATFORM_NAMES

    platform = PLATFORM_NAMES.get(embed["platform"], embed["platform"])
    # the embed's own account first when it names one (review41e: with none, "under and @a, @b")
    named = [f"@{h}" for h in ([embed["author_handle"]] if embed.get("author_handle") else []) + list(handles)]
    return (f"Named under more than one account: the article names this post under {', '.join(named[:-1])} and "
            f"{named[-1]}; the id alone names the post, and its author is the account {platform} answers for it, "
            "not a link's handle")


def _as_of(status: dict[str, Any]) -> str:
    """" (as of 2026-11-29T14:39Z)" after a post's status: when the answer it rests on was given (newuser31 #4)."""
    return f" (as of {status['as_of'][:16]}Z)" if status.get("as_of") else ""


def post_url_words(kind: str, post_id: str | None, url: str) -> str:
    """An embed's URL as a reader is shown it: a post that the article names by no id or link (a signature or caption
    line alone) has its account's page for URL, which is said to be the account's, not the post's (newuser31b §5)."""
    return f"no post URL (account {url})" if kind == "post" and not post_id else url


def canonical_words(url: str) -> str:
    """What follows the article's own form of a post's URL (`Embed.shown_url`): the canonical URL the tool matches,
    merges and fetches the post by, which the article does not write (fixleft46b)."""
    return f"read as {url}"


def _md_read_as(embed: dict[str, Any]) -> str:
    """After the article's own form of the post's URL, the canonical one in brackets; nothing with none."""
    return f" ({canonical_words(_md_link(embed['url']))})" if embed.get("shown_url") else ""


def _html_read_as(embed: dict[str, Any]) -> str:
    """`_md_read_as` for HTML."""
    return f" ({canonical_words(_html_url(embed['url']))})" if embed.get("shown_url") else ""


def _account_words(embed: dict[str, Any]) -> str:
    """The words before the URL of a post named by no id or link: its URL is its account's page."""
    return "no post URL; account: " if embed.get("kind") == "post" and not embed.get("post_id") else ""


def _markdown_embed(number: int, embed: dict[str, Any]) -> list[str]:
    status = embed["status"]["words"] + _as_of(embed["status"])
    who = _byline(embed)
    who = _md(who, as_written=True) if who else ""
    span = f"characters {embed['span'][0]}–{embed['span'][1]}"
    lines = [f"### {number}. {embed['platform']} {embed['kind']}{who}: {status}", "",
             f"{_account_words(embed)}{_md_link(embed.get('shown_url') or embed['url'])}{_md_read_as(embed)}"
             f"{_start_time(embed)} (found by {embed['detector']}, "
             f"{span})", "",
             "> " + rtl_isolated_md(_md_line(embed["quote"])), "",
             "| Fact | The article says | The source says | Recorded from |", "|---|---|---|---|"]
    lines += [f"| {a} | {rtl_isolated_md(_md(b, as_written=a in NAMED_FACTS))} | "
              f"{rtl_isolated_md(_md(c, as_written=a in NAMED_FACTS))} | {_md(d)} |" for a, b, c, d in _facts(embed)]
    lines.append("")
    lines += [f"- {isolated_md(_md(line))}" for line in _notes(embed)]
    for resolution in embed["resolutions"]:
        missing = _not_cached(resolution)
        if missing:
            lines.append(f"- Link {_md(resolution['url'], as_written=True)}: {_md(missing)}")
            continue
        end = resolution["canonical_url"] or resolution["final_url"] or "—"
        lines.append(_md(f"- Link {resolution['url']}: {_chain(resolution)} ⇒ {end}{_link_state(resolution)}"
                         + (f" — error: {resolution['error']}" if resolution["error"] else ""), as_written=True))
        if (likely := _likely_end(resolution)) is not None:   # its own line, not only in the doubt (resolution37)
            from resolver.end_pages import READ_FROM_PAGE

            lines.append(f"  - Likely end: {_md_link(likely)} {READ_FROM_PAGE}")
    archived = _archived_line(embed)
    if archived is not None:
        said, latest = archived
        source = _archive_source(embed)
        lines.append(f"- Archived: {said}" + (f"; latest {_md_link(latest)}{_filed_under(latest)}" if latest else "")
                     + (f" {_md(source)}" if source else ""))
    lines += [f"- {_md(said, as_written=True)}" for said in _page_copy_lines(embed)]
    lines += ["", "Checks:", ""] + _md_checks(embed["checks"])
    return lines + [""]


def _page_copy_lines(embed: dict[str, Any]) -> list[str]:
    """"Page copy: <URL>, HTTP 301, time, fetch #N, WARC … ⇒ <URL>, HTTP 404, … — <why that status may differ from
    the post's>": each copy `archive` took of the post's page into the WARC (`page_copies`, newuser33 #5)."""
    from resolver.provenance import CITED_KEYS, provenance_text

    def hop(said: dict[str, Any]) -> str:
        cited = {k: said.get(k) for k in ("url", *CITED_KEYS)}
        return provenance_text(cited | {"http_status": said["status"]}) + (f", {said['error']}" if said["error"] else "")
    return ["Page copy: " + " ⇒ ".join(map(hop, copy["hops"])) + (f" — {copy['note']}" if copy["note"] else "")
            for copy in embed.get("page_copies") or []]


def _md_checks(checks: list[dict[str, Any]]) -> list[str]:
    """An embed's or a credit's checks as list items; the evidence as written (it may name a URL), each
    right-to-left run isolated (`isolated_md`)."""
    return [f"- {MARK[c['result']]} **{c['name']}**: {isolated_md(_md(c['evidence'], as_written=True))}"
            for c in checks]


def _archived_line(embed: dict[str, Any]) -> tuple[str, str | None] | None:
    """What an embed's Archived line says, and the latest copy (or snapshot) it links: the snapshots of the post's
    URL, and the archived copies the report counts (`archived_copies`: the captures read that hold its words, under
    x.com say) that they do not list. None for an embed with no post."""
    snapshots, post = embed["snapshots"], embed["post"]
    if post is None and not snapshots:
        return None
    listed = {s["url"] for s in snapshots}
    more = [c for c in embed.get("archived_copies") or [] if c["url"] not in listed]
    if more:
        copies = f"{len(more)} archived cop{'y' if len(more) == 1 else 'ies'} from the captures read"
        where = _snapshot_count(snapshots, " listed for the post's URL") if snapshots else \
            "no snapshot listed for the post's URL"
        latest = max(embed["archived_copies"], key=lambda c: c["timestamp"])
        return f"{where}; {copies}", latest["url"]
    if snapshots:
        return _snapshot_count(snapshots) + _none_a_copy(embed), max(snapshots, key=lambda s: s["timestamp"])["url"]
    read = len((post or {}).get("archived") or [])
    if read:   # listed somewhere and read, none the post (a login wall, another page): no copy, and no "no snapshot"
        return f"no archived copy: {read} capture{'s' * (read > 1)} read, none holds the post's words", None
    return ("no snapshot found" if embed["archive_looked_up"] else "not checked"), None


def _filed_under(latest: str) -> str:
    """After the Archived line's latest link: that it is filed under a Bluesky handle, which may have named another
    account when it was captured, as the archive check says of it (capture34: the line said nothing)."""
    from resolver.provenance import filed_under_a_handle

    return filed_under_a_handle(latest)


def _none_a_copy(embed: dict[str, Any]) -> str:
    """After the count of an embed's snapshots none of which is a copy though some are HTTP 200 pages: that none is,
    and what those read showed instead (", none an archived copy (the capture shows the login wall, not the post)"):
    the line said "1 snapshot(s); latest <link>" of a login wall, a link a reader takes for the copy (newuser33 #7).
    Of a post not available whose captures the tool does not read (`unread_captures`), that whether one holds the post
    is not known."""
    from resolver.provenance import read_as_not_the_post, unread_captures

    good = [s["url"] for s in embed["snapshots"] if s.get("status") == "200"]
    if not good or embed.get("archived_copies"):
        return ""
    unread = unread_captures(embed["post"], embed["snapshots"])   # no copy known, nor known not one (review33r4)
    whether = f"not read: whether {'it holds' if len(unread) == 1 else 'any holds'} the post is not known"
    if len(unread) == len(good):
        return f", {whether}"
    misread = read_as_not_the_post(embed["post"])
    shown = sorted({misread[url] for url in good if url in misread})
    none = "none an archived copy" + (f" ({'; '.join(shown)})" if shown else "")
    if unread:   # some read, none the post; the rest never read (capture34)
        return f", {len(good) - len(unread)} read, {none}; {len(unread)} {whether}"
    return f", {none}"


def _snapshot_count(snapshots: list[dict[str, Any]], where: str = "") -> str:
    """How many snapshots (`where`: " listed for …"), and how many are HTTP 200 pages when not all are: a captured
    404 or redirect is no copy."""
    good = sum(1 for s in snapshots if s.get("status") == "200")
    return f"{len(snapshots)} snapshot(s){where}" + (f", {good} of them an HTTP 200 page" if good != len(snapshots) else "")


def same_post_why(embed: dict[str, Any]) -> str:
    """Why an embed is counted with the one `same_post_as` names: its link leads to that post; or, for a Bluesky post
    named by its handle, the answer for it named the account by the DID whose post of that record key the other embed
    names (pipeline.same_posts)."""
    post = embed.get("post") or {}
    did = (post.get("author") or {}).get("id")
    if embed.get("platform") != "bluesky" or not embed.get("post_id") or not did:
        return "this link leads to it"
    fetches = ", ".join(f"fetch #{i}" for i in post.get("fetch_ids") or ())
    return (f"the answer for this link{f' ({fetches})' if fetches else ''} names its account by its DID, {did}, and "
            f"embed {embed['same_post_as']} names that account's post {embed['post_id'].rpartition('/')[2]}")


def _notes(embed: dict[str, Any]) -> list[str]:
    """Lines under an embed's facts: how its post was identified, which captures were read, what differs."""
    from resolver.provenance import form_words, listings_cited, provenance_text

    notes = _linked_capture(embed) + _named_otherwise(embed)
    if embed.get("same_post_as"):
        notes.append(f"The same post as embed {embed['same_post_as']}: {same_post_why(embed)}")
    identified = embed.get("identified")
    if identified and identified["post_id"]:
        notes.append(f"Identified: post {identified['post_id']} (confidence {identified['confidence']:.2f}), "
                     f"{kept_no_link(embed)}; {identified['reason']}{listings_cited(identified)}")
    elif identified:
        notes.append(f"Not identified: {identified['reason']}{listings_cited(identified)}")
    notes += _other_places(embed)
    notes += [line for line in (moments_line(embed), other_handles_line(embed)) if line]
    post = embed["post"] or {}
    for copy in post.get("archived") or []:
        said = "holds the post's words" if copy["status"] == ARCHIVED_COPY and copy.get("text") else \
            f"holds no words of the post ({copy.get('reason') or copy['status']})"
        # the judgment rests on the capture's body: its fetch is cited, whatever it found (newuser35 F3: only a copy
        # holding the words was, in its Archived rows)
        cited = _copy_source(copy)
        notes.append(f"Capture of {copy['captured_at']} ({form_words(copy['form'])}): {said}; {copy['capture']}"
                     + (f" ({cited})" if cited else ""))
    for found in post.get("differences") or []:
        notes.append(f"Live and archived differ, {found['field'].replace('_', ' ')}: '{found['archived']}' in the "
                     f"capture of {found['archived_at']}, '{found['live']}' live"
                     + (f" ({provenance_text(found['live_source'])})" if found.get("live_source") else "")
                     + (f": {'; '.join(found['changes'])}" if found.get("changes") else ""))
    notes += [said[0].upper() + said[1:] for said in _media_refused_in(post.get("media") or [])]
    return notes


def _named_otherwise(embed: dict[str, Any]) -> list[str]:
    """The note that the post shown is the one the cache holds under its account's other name (a Bluesky post linked
    by handle, recorded by DID): the link's URL and the recorded fetches' differ, and the answer tying them is said."""
    post = embed.get("post") or {}
    if post.get("platform") != "bluesky" or not post.get("post_id") or post["post_id"] == embed.get("post_id"):
        return []
    # the two names: the link's and the record's accounts (review31r2: the record's author may name neither, a post
    # its source could not find, and the note said "@None" of it)
    linked, recorded = (str(name).rpartition("/")[0] for name in (embed.get("post_id") or "", post["post_id"]))
    handle, did = (recorded, linked) if linked.startswith("did:") else (linked, recorded)
    author = post.get("author") or {}
    which = "handle" if linked == handle else "DID"
    if (str(author.get("handle") or "").casefold(), author.get("id")) == (handle.casefold(), did):
        fetches = ", ".join(f"#{i}" for i in post.get("fetch_ids") or [])
        note = (f"Recorded as {post['url']}: the same account's post, its handle @{author['handle']} and its DID "
                f"{did} named together by the answer it was recorded from" + (f" (fetch {fetches})" if fetches else ""))
    else:
        note = (f"Recorded as {post['url']}: the same account's post, its handle @{handle} and its DID {did} named "
                f"together by a recorded answer about the account (the link names it by its {which})")
    # left31: the link's own name holds an answer with no status of the post (an error), or (urlforms32) an older
    # answer than the record shown: that record is preferred, and what the link's name holds is said
    aside = post.get("link_answer")
    if aside:
        from resolver.fetch import DEFINITIVE
        from resolver.provenance import STATUS_WORDS

        fetches = ", ".join(f"#{i}" for i in aside.get("fetch_ids") or [])
        said = STATUS_WORDS.get(aside["status"], (aside["status"],))[0] + (
            f", {aside['reason']}" if aside.get("reason") else "")
        if aside["status"] in DEFINITIVE:
            when = f"{aside['observed_at'][:19]}Z" if aside.get("observed_at") else None
            source = ", ".join(part for part in (f"fetch {fetches}" if fetches else "", when) if part)
            note += (f"; shown instead of the older answer recorded under the link's {which}"
                     + (f" ({source})" if source else "") + f": {said}")
        else:
            note += (f"; shown instead of what is recorded under the link's {which}"
                     + (f" (fetch {fetches})" if fetches else "") + f", which gives no status of the post: "
                     + aside["status"] + (f", {aside['reason']}" if aside.get("reason") else ""))
    return [note]


def _linked_capture(embed: dict[str, Any]) -> list[str]:
    """The note that the article linked a Wayback Machine capture of the post, not the post: a copy of a stated
    time, which the embed's URL (the live post's) does not say (#15)."""
    from resolver.fetch.wayback import captured_at
    from resolver.provenance import _utc

    capture = embed.get("linked_capture")
    stamp = CAPTURE_STAMP_RE.search(capture or "")
    if not capture or stamp is None:
        return []
    return [f"The article links a Wayback Machine capture of this post taken {_utc(captured_at(stamp.group(1)))}, "
            f"not the live post: {capture}"]


CAPTURE_STAMP_RE = LazyPattern(r"/web/(\d{4,14})")


PLACES_SHOWN = 10   # a page repeating one link 100,000 times (#12) is said in a line


def _other_places(embed: dict[str, Any]) -> list[str]:
    """Where else the article shows the post: each place with words of its own, quoted (its text check follows),
    then the others in one line (newuser29b §1: the report named none of them)."""
    other = {tuple(p["span"]): p for p in embed.get("other_words") or ()}
    notes = [f"Also at characters {start}–{end}"
             + (f", {unshown(p['unshown'])}" if p.get("unshown") else "")
             + f", with other words (found by {p['detector']}): “{' '.join(p['text'].split())}”; its text check is below"
             for (start, end), p in other.items()]
    rest = [f"{start}–{end}" for start, end in embed.get("also_at") or () if (start, end) not in other]
    if rest:
        more = len(rest) - PLACES_SHOWN
        notes.append(f"Also at characters {', '.join(rest[:PLACES_SHOWN])}" + (f" and {more:,} more" if more > 0 else "")
                     + (": the same words, or a link to the post" if other or embed.get("text") else ""))
    return notes


def date_cell(date: str | None, date_text: str | None) -> str:
    """The scan table's date: the day read, or the words shown said not read (newuser45a #10: "05/09/2022" was printed
    as written among ISO dates; the JSON's `date` is null), with why where the words say it: day and month both read
    either way round."""
    if date or not date_text:
        return date or ""
    from resolver.placeholders import is_placeholder

    if is_placeholder(date_text):
        return date_text
    from resolver.extract.dates import date_readings

    readings = date_readings(date_text)
    orders = len(readings) > 1 and all(label.endswith(" first") for labels in readings.values() for label in labels)
    return f"{date_text} (not read{': day/month order unknown' if orders else ''})"


def _unsure_split(credit: dict[str, Any]) -> str:
    """"; person or organisation: not sure" after the names of a credit whose split is a guess (#11)."""
    return f"; person or organisation: {UNSURE_SPLIT}" if credit.get("split_confidence") == "uncertain" else ""


# What a credit's label says of its picture (`Credit.kind`), as a desk reads it (newuser35b #1, #3, #9).
KIND_WORDS = {"file": "file photo", "handout": "handout", "courtesy": "courtesy (lent)",
              "stock": "stock or illustrative picture", "private": "private photo",
              "rights-reserved": "rights reserved, author not named",
              # a US paper's own lines (newuser44d #3): "Staff photo by ...", "Submitted photo", "Contributed photo"
              "staff": "staff photo (the paper's own photographer)",
              "submitted": "submitted (sent in to the paper; who took it not said)",
              "contributed": "contributed (sent in to the paper; who took it not said)",
              "social-post": "a post of the account named, on the platform named (a screenshot or its picture)",
              # Portuguese "Reprodução", Spanish "captura de pantalla" (newuser45a #5, #6)
              "reproduction": "reproduction (taken from the platform or outlet named; who made it not said)",
              "screenshot": "screenshot (where from and who made the picture not said)"}
# The kinds whose organisation is who lent or sent in the picture, not who made it
SENDER_KINDS = {"courtesy": "lent by", "submitted": "sent in by", "contributed": "sent in by",
                "reproduction": "taken from", "screenshot": "taken from"}


def _label(credit: dict[str, Any]) -> str:
    """"; label: file photo" after the names of a credit whose label says what kind of picture it is."""
    kind = credit.get("kind")
    embeds = credit.get("account_embeds") or []
    # the article's embeds of the account the credit names (newuser44c #4): the same account, not said the same post
    tied = (f"; the account of embed{'s' * (len(embeds) > 1)} {', '.join(map(str, embeds))} (whether the picture is "
            "that post's is not checked)") if embeds else ""
    if kind == "screenshot" and credit.get("creator"):
        # "Photo: Jane Doe / Screenshot": a name, its role not said (fixleft46a)
        return (f"; label: screenshot (the name given may be whoever made the pictured post or video, or whoever "
                f"took the screenshot: not said){tied}")
    if kind == "screenshot" and credit.get("organization"):   # "Captura de tela/YouTube": where from is said (review46a)
        return f"; label: {SCREENSHOT_FROM}{tied}"
    return f"; label: {KIND_WORDS.get(kind, kind)}{tied}" if kind else ""


SCREENSHOT_FROM = "screenshot (who made the picture not said)"


def _organisation_word(credit: dict[str, Any]) -> str:
    """What a credit's organisation is to the picture: a courtesy credit's is who lent it, a source, never said to
    have made it ("Photo courtesy of Rob Hale": newuser42a #6)."""
    sender = SENDER_KINDS.get(credit.get("kind") or "")
    return f"{sender} (a source, not said to be who made it)" if sender else "organisation"


# Where a credit's names were read from a field or an attribute, not from the words the report quotes: which one
# ("og:image:alt", a JSON-LD ImageObject's "author"), as a rights desk cites it (newuser42a #8)
FIELD_SOURCES = frozenset({"attribute", "json-ld", "script-data"})


def _found_in(credit: dict[str, Any]) -> str:
    """"caption", "attribute (og:image:alt)", "json-ld (creator: author; organisation: copyrightHolder; ...)"."""
    form, source = credit.get("form"), credit["source"]
    if not form or source not in FIELD_SOURCES or form == source:
        return source
    return form if form.startswith(f"{source} (") else f"{source} ({form})"


def _markdown_credit(number: int, credit: dict[str, Any]) -> list[str]:
    lines = [f"### Credit {number}: {_md(credit['raw'])}", "",
             f"- Creator: {_md(credit['creator'], as_written=True)}; {_organisation_word(credit)}: "
             f"{_md(credit['organization'], as_written=True)}{_unsure_split(credit)}{_label(credit)}; "
             f"found in: {_md(_found_in(credit))}",
             f"- Image: {_md(credit['image'], as_written=True)}"]
    meta = credit.get("image_metadata")
    if meta and meta.get("credit"):
        lines.append("- Inside the image file: " + _md("; ".join(f"{k}: {v}" for k, v in meta["credit"].items())
                                                       + _image_source(meta)))
    lines += _md_checks(credit["checks"])
    return lines + [""]


CSS = """
:root{--pass:#0a6b2f;--warn:#8a5a00;--fail:#b00020;--skip:#555;--ink:#1b1b1b;--line:#d0d0d0}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);max-width:72rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem}h2{border-bottom:2px solid var(--ink);padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid var(--line);padding:.35rem .5rem;
text-align:left;vertical-align:top}th{background:#f3f3f3}
td,li,p,code,a{overflow-wrap:anywhere}th[scope=row]{white-space:nowrap;overflow-wrap:normal}
blockquote{border-left:4px solid var(--line);margin:.5rem 0;padding:.2rem .8rem;background:#fafafa}
.badge{display:inline-block;font-weight:700;padding:0 .4rem;border-radius:.25rem;border:1px solid currentColor}
.pass{color:var(--pass)}.warn{color:var(--warn)}.fail{color:var(--fail)}.skip{color:var(--skip)}
.ok{color:var(--pass)}.gone{color:var(--fail)}.unknown{color:var(--skip)}
.embed,.credit{border:1px solid var(--line);border-radius:.4rem;padding:.5rem 1rem;margin:1rem 0;break-inside:avoid}
.meta{color:#444;font-size:.9rem}img.thumb{max-width:12rem;max-height:9rem;border:1px solid var(--line)}
code{font-size:.85em}@media print{body{margin:0;max-width:none}a{color:inherit}.embed,.credit{page-break-inside:avoid}}
"""


# Said first in every HTML page `report` writes: a later `scan` of the folder knows it by this from its first bytes
# and leaves it out (own_files, late47b #13)
_GENERATOR = f'<meta name="generator" content="embed-resolver {__version__}">'


def html_page(report: dict[str, Any], *, thumbnail: Thumbnail | None = None) -> str:
    """The report as one self-contained HTML file: inline CSS, no script, no request needed to view it."""
    from html import escape

    from resolver.provenance import cache_note, origins_note, replay_note, replayed_note

    article, summary = report["article"], report["summary"]
    source, title = _html(article["source"], as_written=True), _html(report_title(article), as_written=True)

    def badge(result: str) -> str:
        return f'<span class="badge {result}">{escape(MARK[result].split(" ", 1)[1].upper())}</span>'

    parts = ['<!DOCTYPE html>', '<html lang="en">', '<head><meta charset="utf-8">', _GENERATOR,
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>Provenance report: {title}</title>", f"<style>{CSS}</style></head>", "<body>",
             "<header>", f"<h1>Provenance report: {title}</h1>",
             # the first thing read, as in the Markdown report, from the same function (inputs38: the HTML had none)
             '<section aria-labelledby="in-short"><h2 id="in-short">In short</h2><ul>',
             *(f"<li><strong>{escape(label)}</strong>: {escape(said)}</li>" for label, said in in_short_items(report)),
             "</ul></section>",
             f'<p class="meta">Article <code>{source}</code> ({escape(article["kind"])}), sha256 '
             f'<code>{escape(article["sha256"])}</code>; scanned {escape(_zoned(article["scanned_at"]) or "not recorded")}. '
             f'Generated by {escape(report["generated_by"])} at {escape(_zoned(report["generated_at"]) or "")}.</p>',
             *([f'<p class="meta">Page: {_html_url(url)}</p>'] if (url := page_url(article)) else []),
             *([f'<p class="meta">Record: <code>{_html(article["record_id"], as_written=True)}</code></p>']
               if article.get("record_id") else []),
             *([f'<p class="meta">Crawled: {escape(note)}</p>'] if (note := crawled_note(article)) else []),
             *([f'<p class="meta">Published: {escape(note)}</p>'] if (note := published_note(article)) else []),
             *([f'<p class="meta">Final URL <code>{escape(note)}</code> (where the redirects from the URL given '
                f'ended)</p>'] if (note := redirected_to(article)) else []),
             *([f'<p class="warn"><strong>Truncated</strong>: {escape(note)}</p>']
               if (note := truncation_note(article)) else []),
             *([f'<p class="warn"><strong>Reading incomplete</strong>: {escape(note)}</p>']
               if (note := incomplete_note(article)) else []),
             *([f'<p class="meta"><strong>Read from a container</strong>: {escape(note)}</p>']
               if (note := warning_note(article, "read-from-container")) else []),
             *([f'<p class="warn"><strong>Maybe no article</strong>: {escape(note)}</p>']
               if (note := warning_note(article, "thin-page")) else []),
             *([f'<p class="warn"><strong>Links not followed</strong>: {_html_commands(note)}</p>']
               if (note := warning_note(article, "links-not-followed")) else []),
             *([f'<p class="meta"><strong>Links followed</strong>: {escape(note)}</p>']
               if (note := warning_note(article, "links-followed")) else []),
             *([f'<p class="warn"><strong>Credit words not read</strong>: {escape(note)}</p>']
               if (note := warning_note(article, "credit-language-not-read")) else []),
             *([f'<p class="warn"><strong>Not supported</strong>: {escape(note)}</p>']
               if (note := warning_note(article, "podcasts-not-supported")) else []),
             *([f'<p class="warn"><strong>Not supported</strong>: {escape(note)}</p>']
               if (note := warning_note(article, "posts-not-supported")) else []),
             *([f'<p class="warn"><strong>Handles not read</strong>: {escape(note)}</p>']
               if (note := warning_note(article, "handles-not-read")) else []),
             *([f'<p class="warn"><strong>Encoding</strong>: {escape(note)}</p>']
               if (note := encoding_note(article)) else []),
             *([f'<p class="warn"><strong>Mojibake</strong>: {escape(note)}</p>']
               if (note := warning_note(article, "mojibake")) else []),
             *([f'<p class="meta"><strong>Replay</strong>: {escape(note)}</p>']
               if (note := replay_note(report.get("replay"))) else []),
             *([f'<p class="warn"><strong>From the cache</strong>: {escape(note)}</p>']
               if (note := cache_note(report)) else []),
             *([f'<p class="warn"><strong>From the replayed WARC</strong>: {escape(note)}</p>']
               if (note := replayed_note(report)) else []),
             *([f'<p class="meta"><strong>WARC files cited</strong>: {escape(warc_files_note(files))}</p>']
               if (files := report.get("warc_files_cited")) else []),
             *[f'<p class="warn"><strong>FAILED, evidence not what it cites</strong>: '
               f'{escape(evidence_failed_line(failed))}</p>' for failed in report.get("evidence_failed") or []],
             *([f'<p class="warn"><strong>Configured origins</strong>: {escape(note)}</p>']
               if (note := origins_note(report)) else []), "</header>",
             "<main>", '<section aria-labelledby="summary"><h2 id="summary">Summary</h2><table><tbody>',
             f"<tr><th scope=\"row\">Embeds</th><td>{escape(embeds_summary(summary))}</td></tr>",
             f"<tr><th scope=\"row\">Post status</th><td>{escape(_counts(summary['by_status']) or '—')}</td></tr>",
             "<tr><th scope=\"row\">Checks</th><td>" + " ".join(f"{badge(k)} {v}" for k, v in summary["checks"].items())
             + "</td></tr>",
             f"<tr><th scope=\"row\">Embedded posts with no archived copy</th><td>{escape(archive_summary(summary, report['embeds']))}"
             "</td></tr>",
             *([f"<tr><th scope=\"row\">Flattened posts</th><td>{escape(identified)}</td></tr>"]
               if (identified := identification_summary(summary)) else []),
             *([f"<tr><th scope=\"row\">Posts of services not read</th><td>{escape(said)}</td></tr>"]
               if (said := not_read_summary(summary)) else []),
             f"<tr><th scope=\"row\">Photo credits</th><td>{summary['credits']}</td></tr>", "</tbody></table>"]
    if summary["failed"]:
        parts.append("<h3>Failed checks</h3><ul>"
                     + "".join(f"<li>{_linked_to_item(isolated_html(_html(f, as_written=True)))}</li>"
                               for f in summary["failed"]) + "</ul>")
    if report["unreachable"]:
        parts.append("<h3>Could not be reached</h3><ul>"
                     + "".join(f"<li>{_html(u, as_written=True)}</li>" for u in report["unreachable"]) + "</ul>")
    if report.get("answered_not_the_post"):
        parts.append("<h3>Answered, but not the post</h3><p>Its status is not known.</p><ul>"
                     + "".join(f"<li>{_html(u, as_written=True)}</li>" for u in report["answered_not_the_post"])
                     + "</ul>")
    parts.append("</section>")
    for key, title, render in (("embeds", "Embeds", _html_embed), ("credits", "Photo credits", _html_credit)):
        empty = escape(none_found(article, key))
        parts.append(f'<section aria-labelledby="{key}"><h2 id="{key}">{title}</h2>')
        parts += [render(number, item, badge, thumbnail) for number, item in enumerate(report[key], start=1)] \
            or [f"<p>{empty}</p>"]
        if key == "credits" and (uncredited := uncredited_images(article)):   # newuser42a #11
            parts.append(f'<p class="warn"><strong>Pictures with no credit</strong>: {escape(uncredited["message"])}:</p><ul>'
                         + "".join(f"<li><code>{escape(image['url'])}</code> "
                                   f"({escape(UNCREDITED_WHERE.get(image['where'], image['where']))})</li>"
                                   for image in uncredited["images"]) + "</ul>")
        parts.append("</section>")
    if hashes := hashes_cited(report, "\n".join(parts)):
        parts.append('<section aria-labelledby="hashes"><h2 id="hashes">Hashes cited</h2>'
                     f"<p>{escape(HASHES_CITED)}</p><ul>"
                     + "".join(f"<li><code>{short}…</code> <code>{whole}</code> "
                               f"({_fetches(ids)})</li>" for short, whole, ids in hashes)
                     + "</ul></section>")
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


# A summary's failed check names its embed or credit first (`provenance.summarise`): "embed 2: text: …".
_FAILED_ITEM_RE = LazyPattern(r"^(embed|credit) ([0-9]+):")


def _linked_to_item(line: str) -> str:
    """A failed check of the summary with its "embed 2" a link to that embed in the page (newuser30b #7)."""
    return _FAILED_ITEM_RE.sub(r'<a href="#\1-\2">\1 \2</a>:', line, count=1)


def _html_embed(number: int, embed: dict[str, Any], badge: Callable[[str], str], thumbnail: Thumbnail | None) -> str:
    from html import escape

    status = embed["status"]
    who = _byline(embed)
    # dir="auto": a right-to-left post reads right to left (its own text sets the direction of what shows it)
    rows = "".join(f"<tr><th scope=\"row\">{escape(a)}</th>"
                   f"<td dir=\"auto\">{rtl_isolated_html(_html(b or '—', as_written=a in NAMED_FACTS))}</td>"
                   f"<td dir=\"auto\">{rtl_isolated_html(_html(c or '—', as_written=a in NAMED_FACTS))}</td>"
                   f"<td class=\"meta\">{_html(d or '')}</td></tr>" for a, b, c, d in _facts(embed))
    links = "".join(_html_link(r) for r in embed["resolutions"])
    archived = _archived_line(embed)
    if archived is not None:
        said, latest = archived
        links += (f"<li>Archived: {_html(said)}" + (f"; latest {_html_url(latest)}{_html(_filed_under(latest))}"
                                                    if latest else "")
                  + (f" {_html(source)}" if (source := _archive_source(embed)) else "") + "</li>")
    links += "".join(f"<li>{_html(said, as_written=True)}</li>" for said in _page_copy_lines(embed))
    links = "".join(f"<li>{isolated_html(_html(note))}</li>" for note in _notes(embed)) + links
    thumbs = "".join(f'<img class="thumb" src="{uri}" alt="{_html(m.get("alt") or m["type"] + " of the post")}">'
                     for m in (embed["post"] or {}).get("media", []) if thumbnail and (uri := thumbnail(m["url"])))
    checks = _html_checks(embed["checks"], badge)
    return (f'<article class="embed" aria-labelledby="embed-{number}"><h3 id="embed-{number}">{number}. '
            f"{escape(embed['platform'])} {escape(embed['kind'])}{_html(who, as_written=True)}: "
            f'<span class="badge {escape(status["tone"])}">{escape(status["words"])}</span>{escape(_as_of(status))}</h3>'
            f'<p class="meta">{escape(_account_words(embed))}{_html_url(embed.get("shown_url") or embed["url"])}'
            f'{_html_read_as(embed)}'
            f'{escape(_start_time(embed))}, '
            f"found by "
            f"{escape(embed['detector'])}, characters {embed['span'][0]}–{embed['span'][1]}</p>"
            f"<blockquote dir=\"auto\">{rtl_isolated_html(_html(embed['quote']))}</blockquote>{thumbs}"
            "<table><thead><tr><th scope=\"col\">Fact</th><th scope=\"col\">The article says</th>"
            "<th scope=\"col\">The source says</th><th scope=\"col\">Recorded from</th></tr></thead>"
            f"<tbody>{rows}</tbody></table><ul>{links}</ul><h4>Checks</h4><ul>{checks}</ul></article>")


def _html_checks(checks: list[dict[str, Any]], badge: Callable[[str], str]) -> str:
    """An embed's or a credit's checks as list items; the evidence as written (it may name a URL)."""
    from html import escape

    return "".join(f"<li>{badge(c['result'])} <strong>{escape(c['name'])}</strong>: "
                   f"{isolated_html(_html(c['evidence'], as_written=True))}</li>" for c in checks)


def _html_link(resolution: dict[str, Any]) -> str:
    from html import escape

    from resolver.end_pages import READ_FROM_PAGE

    missing = _not_cached(resolution)
    if missing:
        return f"<li>Link <code>{_html(resolution['url'], as_written=True)}</code>: {escape(missing)}</li>"
    end = resolution["canonical_url"] or resolution["final_url"] or "—"
    error = f" <strong class=\"fail\">error: {_html(resolution['error'], as_written=True)}</strong>" \
        if resolution["error"] else ""
    likely = _likely_end(resolution)
    said = f'<ul><li class="warn">Likely end: <code>{_html(likely, as_written=True)}</code> {escape(READ_FROM_PAGE)}</li></ul>' \
        if likely is not None else ""
    return (f"<li>Link <code>{_html(resolution['url'], as_written=True)}</code>: "
            f"{_html(_chain(resolution), as_written=True)} ⇒ {_html(end, as_written=True)}"
            f"{_html(_link_state(resolution), as_written=True)}{error}{said}</li>")


def _likely_end(resolution: dict[str, Any]) -> str | None:
    """The URL of a link's likely end in a report's JSON (a report written before the key has none)."""
    likely = resolution.get("likely_end")
    return likely.get("url") if isinstance(likely, dict) else likely if isinstance(likely, str) and likely else None


def _link_state(resolution: dict[str, Any]) -> str:
    """" (gone: answered 410)", " (unsure: …)": what a link's end is when its status or form says more than its URL
    (newuser35c: a 410 end read as a live page). A report's JSON written before these keys says nothing more."""
    said = f" (gone: answered {resolution['final_status']})" if resolution.get("gone") else ""
    return said + (f" (unsure: {resolution['unsure']})" if resolution.get("unsure") else "")


def _html_credit(number: int, credit: dict[str, Any], badge: Callable[[str], str],
                 thumbnail: Thumbnail | None) -> str:
    from html import escape

    meta = credit.get("image_metadata") or {}
    inside = "; ".join(f"{k}: {v}" for k, v in (meta.get("credit") or {}).items())
    uri = thumbnail(credit["image"]) if thumbnail and credit.get("image") else None
    checks = _html_checks(credit["checks"], badge)
    return (f'<article class="credit" aria-labelledby="credit-{number}"><h3 id="credit-{number}">Credit {number}: '
            f'{_html(credit["raw"])}</h3>'
            + (f'<img class="thumb" src="{uri}" alt="the credited image">' if uri else "")
            + f"<p>Creator: {_html(credit['creator'] or '—', as_written=True)}; "
            f"{escape(_organisation_word(credit))}: {_html(credit['organization'] or '—', as_written=True)}"
            f"{escape(_unsure_split(credit))}{escape(_label(credit))}; "
            f"found in: {_html(_found_in(credit))}; image: {_html(credit['image'] or '—', as_written=True)}</p>"
            + (f"<p>Inside the image file: {_html(inside + _image_source(meta))}</p>" if inside else "")
            + f"<ul>{checks}</ul></article>")


INDEX_COLUMNS = ("Article", "Embeds", "Credits", "Failed checks", "Posts gone, restricted or not found",
                 "Checks not made (skipped)", "Posts whose status is not known", "Report")


def _index_row(report: dict[str, Any]) -> tuple[list[str], str, list[str]]:
    """An index line's values: the article's names (its page's URL first, when the input gave one: "crawl.warc.gz#1605"
    alone names no page, newuser30b #3), its marks (truncated, maybe no article, made from the cache) and its
    counts."""
    from resolver.provenance import made_from

    summary, article = report["summary"], report["article"]
    cut = " (truncated by the crawler)" if article.get("truncated") else ""
    cut += " (maybe no article: almost no text)" if warning_note(article, "thin-page") else ""
    cut += f" ({made})" if (made := made_from(report)) else ""   # the report's own header says it too (replay32)
    checks = summary["checks"]
    posts = summary.get("posts") or {}
    skipped = f"{checks['skip']} of {sum(checks.values())}" if sum(checks.values()) else "—"
    unknown = f"{posts['status_not_known']} of {posts['named']}" if posts.get("named") else "—"
    # a removed video is no failed check: "Failed checks 0" alone hid it (newuser41a #7)
    # "—" for a report made before the count was (its notes, read by a resumed run): no 0 for a count never made
    gone_of = f"{posts['gone']} of {posts['named']}" if posts.get("named") and "gone" in posts else "—"
    names = [article["url"], article["source"]] if page_url(article) else [article["source"]]
    return names, cut, [str(summary["embeds"]), str(summary["credits"]), str(checks["fail"]), gone_of, skipped,
                        unknown]


def index_markdown(entries: list[tuple[str, dict[str, Any]]]) -> str:
    """An index of several reports: one line per article, with its counts, its failures, and what is not known
    beside them (a low failure count of an article whose posts could not be checked is no clean bill, #9 §5); a
    header line when every report was made from the cache, or from replayed WARC files (`index_note`)."""
    from resolver.provenance import index_note

    note = index_note([report for _, report in entries])
    lines = ["# Provenance reports", "", *([f"**{_md(note)}**", ""] if note else []),
             "| " + " | ".join(INDEX_COLUMNS) + " |", "|---" * len(INDEX_COLUMNS) + "|"]
    for name, report in entries:
        names, cut, counts = _index_row(report)
        first, *also = [_md(n, as_written=True) for n in names]
        source = f"{first} ({also[0]})" if also else first
        lines.append(f"| {source}{cut} | " + " | ".join(counts) + f" | [{name}]({name}) |")
    return "\n".join(lines) + "\n"


def index_html(entries: list[tuple[str, dict[str, Any]]]) -> str:
    """`index_markdown` as a page of its own, next to HTML reports: the page an editor given the folder opens first
    (newuser30b #7). Self-contained as the reports are; every value escaped as theirs are."""
    from html import escape

    from resolver.provenance import index_note

    rows = []
    for name, report in entries:
        names, cut, counts = _index_row(report)
        first, *also = [_html(n, as_written=True) for n in names]
        source = f"{first} (<code>{also[0]}</code>)" if also else first
        rows.append(f"<tr><td>{source}{escape(cut)}</td>" + "".join(f"<td>{escape(c)}</td>" for c in counts)
                    + f'<td><a href="{escape(name)}">{escape(name)}</a></td></tr>')
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in INDEX_COLUMNS)
    return "\n".join(['<!DOCTYPE html>', '<html lang="en">', '<head><meta charset="utf-8">', _GENERATOR,
                      '<meta name="viewport" content="width=device-width, initial-scale=1">',
                      "<title>Provenance reports</title>", f"<style>{CSS}</style></head>", "<body>",
                      "<h1>Provenance reports</h1>",
                      *([f'<p class="warn"><strong>{escape(note)}</strong></p>']
                        if (note := index_note([report for _, report in entries])) else []),
                      f"<table><thead><tr>{head}</tr></thead><tbody>", *rows,
                      "</tbody></table>", "</body>", "</html>"]) + "\n"


def kept_no_link(embed: dict[str, Any]) -> str:
    """Why a post has no id from the article: it kept no link, or (`id_doubt` of an embed with no id) the link it
    kept is not the platform's ("its link goes to twitter.cоm (…): not an X address": newuser37 §7, where "the article
    kept no link" was false)."""
    doubt = embed.get("id_doubt")
    return str(doubt) if doubt and not embed.get("post_id") else "the article kept no link"
