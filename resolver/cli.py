"""The command line: parse, call the library, render. Heavy modules are imported inside commands so --help is fast.

Exit codes (the README's table): 0 ok; 1 an input could not be used or a step failed (a link, a post, an archive
lookup, an identification); 2 a usage error, or a cache made by a newer version; 3 something was not in the cache
offline; 130 interrupted; 141 stdout was closed early (`| head`). Every error is one line, `error: ...`.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from resolver import __version__

if TYPE_CHECKING:
    from cache import Store
    from resolver.pipeline import Failure, Outcome
    from resolver.session import Mode, Session
    from resolver.settings import Settings
    from resolver.warc import WarcWriter

EXIT_FAILED = 1
EXIT_UNAVAILABLE = 3
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141     # 128 + SIGPIPE, as a shell reports a writer that a closed pipe stopped
EXIT_CHECKS = 4          # report --fail-on: a check at or above the given level


def network_options(command: Any) -> Any:
    """Flags that override the [network] settings of the config file for one run."""
    for option in reversed([
        click.option("--allow-private", is_flag=True, default=None,
                     help="Let requests reach loopback and private addresses (tests, intranets). Off by default."),
        click.option("--timeout", type=click.FloatRange(min=0.1), help="Seconds to wait for a read (config: timeout)."),
        click.option("--concurrency", type=click.IntRange(min=1), help="Requests in flight at once (config: concurrency)."),
        click.option("--per-host", type=click.IntRange(min=1), help="Requests in flight per host (config: per_host)."),
        click.option("--max-redirects", type=click.IntRange(min=0), help="Hops to follow at most (config: max_redirects)."),
    ]):
        command = option(command)
    return command


def db_option(command: Any) -> Any:
    """--db after the command as well as before it (#11): `embed-resolver fetch --db run.db URL`."""
    def remember(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
        if value is not None:
            root = ctx.find_root()
            root.obj = {**(root.obj or {}), "db": value}
    return click.option("--db", type=click.Path(dir_okay=False, path_type=Path), expose_value=False,
                        callback=remember, help="SQLite cache file (the same as the global --db).")(command)


def _network_overrides(options: dict[str, Any]) -> dict[str, Any]:
    keys = ("allow_private", "timeout", "concurrency", "per_host", "max_redirects")
    return {k: options.pop(k) for k in keys if k in options and options[k] is not None}


class RefusedCache(click.ClickException):
    """A cache this version must not touch (made by a newer one): exit 2, as for a usage error (#11)."""

    exit_code = 2


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the library's errors into one-line click errors (exit 1); never show a user a traceback."""
    from cache import CacheError, NewerCacheError
    from resolver.errors import EmbedResolverError, UsageError

    try:
        yield
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    except NewerCacheError as exc:
        raise RefusedCache(str(exc)) from None
    except (EmbedResolverError, CacheError) as exc:
        raise click.ClickException(str(exc)) from None


def _settings(ctx: click.Context, **overrides: Any) -> Settings:
    from resolver.settings import load_settings

    obj = ctx.find_root().obj or {}
    with user_errors():
        return load_settings(path=obj.get("config"), overrides={"db_path": obj.get("db"), **overrides})


def _mode(*, offline: bool, refresh: bool) -> Mode:
    """The run's mode, checked before anything is opened or read: --offline with --refresh is a usage error."""
    from resolver.session import Mode

    with user_errors():
        return Mode(offline=offline, refresh=refresh)


def _open_store(settings: Settings) -> Store:
    """The cache of this command, closed when the command ends."""
    from cache import Store

    with user_errors():
        # Only the default location may be created; a --db in a folder that does not exist is an error (#11).
        store = Store(settings.database(), create_folder=settings.db_path is None)
    click.get_current_context().call_on_close(store.close)
    return store


def _session(settings: Settings, *, store: Store | None, mode: Mode | None = None,
             warc: WarcWriter | None = None) -> Session:
    """The one session of this command: its client, budgets, mode, WARC writer, the global --replay files, and
    the reporter that draws status lines and progress on stderr."""
    from resolver.session import Mode, Session

    ctx = click.get_current_context()
    replay = (ctx.find_root().obj or {}).get("replay")
    reporter = TerminalReporter()
    ctx.call_on_close(reporter.close)
    return Session(settings, store=store, mode=mode or Mode(), warc=warc, replay=replay, reporter=reporter)


def _stdin(names: Sequence[str]) -> bytes | None:
    """The bytes of stdin when - is among the names: the one place stdin is read, once (#11)."""
    if names.count("-") > 1:
        raise click.UsageError("stdin (-) can be read only once; name it once")
    return sys.stdin.buffer.read() if "-" in names else None


class TerminalReporter:
    """Status lines (a retry or a wait over a second) and progress bars on stderr. On a terminal rich draws them,
    the status line above the bars; in a pipe or a log a status line is a plain line and there are no bars."""

    def __init__(self) -> None:
        self.terminal = sys.stderr.isatty()
        self._bars: Any = None

    def status(self, message: str) -> None:
        if self._bars is not None:
            self._bars.console.print(message, markup=False, highlight=False)
        else:
            click.echo(message, err=True)

    def progress(self, label: str, total: int) -> Callable[[], None]:
        if not self.terminal or total < 2:
            return lambda: None
        if self._bars is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bars = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                  TimeRemainingColumn(), console=_stderr_console(), transient=True)
            self._bars.start()
        bars = self._bars
        task = bars.add_task(label, total=total)

        def advance() -> None:
            bars.advance(task)
            if bars.finished:
                self.close()   # gone before the results are printed
        return advance

    def close(self) -> None:
        if self._bars is not None:
            self._bars.stop()
            self._bars = None


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


class Group(click.Group):
    """A group that says every error in one line, `error: ...` (click's own usage errors included), turns any
    unexpected exception into one such line and exit 1 (set EMBED_RESOLVER_DEBUG=1 to see it), and exits quietly
    when stdout is closed early (`scan ... | head`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:   # an option before the command: `embed-resolver --bogus scan`
            raise click.exceptions.Exit(_say(exc)) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, SystemExit):
            raise
        except click.ClickException as exc:
            raise click.exceptions.Exit(_say(exc)) from None
        except (click.exceptions.Abort, KeyboardInterrupt):
            click.echo("interrupted", err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            _silence_stdout()
            raise click.exceptions.Exit(EXIT_BROKEN_PIPE) from None
        except Exception as exc:  # noqa: BLE001 - the last line of defence for users
            if os.environ.get("EMBED_RESOLVER_DEBUG"):
                raise
            click.echo(f"error: internal error: {type(exc).__name__}: {exc} (set EMBED_RESOLVER_DEBUG=1 to see "
                       "where)", err=True)
            raise click.exceptions.Exit(EXIT_FAILED) from None


def _say(exc: click.ClickException) -> int:
    """One error line in the house style, `error: ...` (a usage error after its usage line); returns the exit code."""
    if isinstance(exc, click.UsageError) and exc.ctx is not None:
        click.echo(exc.ctx.get_usage(), err=True)
        click.echo(f"Try '{exc.ctx.command_path} {exc.ctx.help_option_names[0]}' for help.", err=True)
    click.echo(f"error: {exc.format_message()}", err=True)
    return exc.exit_code


def _silence_stdout() -> None:
    """The reader went away: send what is still buffered nowhere, so Python's exit does not complain on stderr."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):   # no real file descriptor (an in-process runner)
        pass


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="embed-resolver")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), envvar="EMBED_RESOLVER_CONFIG",
              help="TOML configuration file. Default: $EMBED_RESOLVER_CONFIG, else the user config directory.")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), envvar="EMBED_RESOLVER_DB",
              help="SQLite cache file. Default: $EMBED_RESOLVER_DB, else the user cache directory.")
@click.option("--replay", "replay", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Answer every request from these WARC files instead of the network (repeatable).")
@click.pass_context
def cli(ctx: click.Context, config: Path | None, db: Path | None, replay: tuple[Path, ...]) -> None:
    """Find, resolve and record the social posts and photo credits embedded in news articles.

    \b
    Examples:
      embed-resolver scan story.html            embeds and credits as a table
      embed-resolver scan --json articles/      one JSON object per article (JSON Lines)
      curl -s URL | embed-resolver scan -       read the page from stdin

    Every result is recorded in a SQLite cache (see --db) that datasette and sqlite-utils can browse.
    With --replay FILE.warc.gz, requests are answered from a WARC written by `archive` instead of the network.
    """
    ctx.obj = {"config": config, "db": db, "replay": None}
    if replay:
        from resolver.warc import ReplayIndex

        try:
            ctx.obj["replay"] = ReplayIndex(replay)
        except Exception as exc:  # noqa: BLE001 - warcio raises several kinds for a file that is not a WARC
            raise click.ClickException(f"cannot replay {', '.join(map(str, replay))}: {exc}") from None


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "kind", type=click.Choice(["auto", "html", "text"]), default="auto", show_default=True,
              help="Read the input as HTML or plain text. 'auto' sniffs the content, not the file name.")
@click.option("--encoding", help="Decode the input with this encoding instead of detecting it (e.g. latin-1).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per article (JSON Lines for several).")
@db_option
@click.option("--no-store", is_flag=True, help="Do not record anything in the cache.")
@click.option("--resolve", "do_resolve", is_flag=True,
              help="Also resolve every link the embeds carry (t.co, pic.twitter.com...) and record where each leads.")
@click.option("--fetch", "do_fetch", is_flag=True,
              help="Also fetch every post the embeds name (implies --resolve for their links) and analyse its media.")
@click.option("--archive", "do_archive", is_flag=True,
              help="Also look up (and with --save, make) archived copies of every post and media URL; implies --fetch.")
@click.option("--save", is_flag=True, help="With --archive: Save Page Now what has no capture newer than --max-age.")
@click.option("--max-age", type=click.FloatRange(min=0), default=30, show_default=True,
              help="With --save: days within which an existing capture counts as recent.")
@click.option("--warc", "warc_file", type=click.Path(dir_okay=False, path_type=Path),
              help="With --archive: the WARC file to append every response to (default: archive.warc.gz by the database).")
@click.option("--identify", is_flag=True,
              help="Find the post id of flattened tweets that kept no link, from archived captures and the text "
                   "(--fetch and --archive do it too).")
@click.option("--offline", is_flag=True,
              help="Answer from the cache only, whatever its age; nothing leaves the machine (exit 3 if missing).")
@click.option("--refresh", is_flag=True, help="Ignore cached answers and ask again (not with --offline).")
@network_options
@click.pass_context
def scan(ctx: click.Context, sources: tuple[str, ...], kind: str, encoding: str | None, as_json: bool,
         no_store: bool, do_resolve: bool, do_fetch: bool, do_archive: bool, save: bool,
         max_age: float, warc_file: Path | None, identify: bool, offline: bool, refresh: bool, **network: Any) -> None:
    """Find the embedded posts and photo credits in SOURCES.

    SOURCE is a file, a directory (every file in it, recursively; a folder reached twice through links is read
    once), an article URL (http:// or https://, fetched through the guarded client and logged), or - for stdin.
    Each article is recorded in the cache by its sha256, so scanning the same bytes again adds nothing. One
    article that fails does not stop the others: it gets one error line and a row in the cache's errors table,
    and the exit code is 1.

    \b
    Examples:
      embed-resolver scan examples/article.html
      embed-resolver scan --json --format text scraped.txt
      embed-resolver scan --db run.db corpus/
      embed-resolver scan --resolve --json story.html
      embed-resolver scan --fetch story.html      resolve, fetch the posts, analyse their media
      embed-resolver scan --archive --save story.html
      embed-resolver scan --identify scraped.txt  find ids of flattened tweets that kept no link
      embed-resolver scan --fetch --offline story.html   only what the cache knows; nothing leaves the machine
    """
    from resolver import pipeline
    from resolver.options import ArchiveOptions

    mode = _mode(offline=offline, refresh=refresh)
    settings = _settings(ctx, **_network_overrides(network))
    stdin = _stdin(sources)
    store = None if no_store else _open_store(settings)
    items = list(pipeline.expand_sources(sources, stdin=stdin, kind=None if kind == "auto" else kind,
                                         encoding=encoding))
    warc = _open_warc(settings, warc_file) if do_archive else None
    steps = pipeline.Steps(resolve=do_resolve, fetch=do_fetch, identify=identify,
                           archive=ArchiveOptions(save=save, max_age_days=max_age) if do_archive else None)
    session = _session(settings, store=store, mode=mode, warc=warc)
    advance = session.reporter.progress("scanning", len(items))

    def emit(outcome: Outcome) -> None:
        advance()
        _emit(outcome, as_json=as_json)

    with user_errors():
        summary = pipeline.run(items, session=session, steps=steps, emit=emit)
    _exit_for(ctx, failed=summary.failed + summary.steps_failed, unavailable=summary.unavailable)


def _exit_for(ctx: click.Context, *, failed: int, unavailable: int) -> None:
    """The README's table: 1 when anything failed (it wins: something needs looking at), else 3 when something
    was not in the cache offline, else 0."""
    if failed:
        ctx.exit(EXIT_FAILED)
    if unavailable:
        ctx.exit(EXIT_UNAVAILABLE)


@cli.command()
@click.argument("urls", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per URL (JSON Lines).")
@click.option("--offline", is_flag=True, help="Never touch the network: answer from the cache (exit 3 if not cached).")
@click.option("--refresh", is_flag=True,
              help="Resolve again even when the cache has a fresh answer (not with --offline).")
@click.option("--follow-all", is_flag=True, help="Keep following redirects past a recognised post URL.")
@db_option
@network_options
@click.pass_context
def resolve(ctx: click.Context, urls: tuple[str, ...], as_json: bool, offline: bool, refresh: bool,
            follow_all: bool, **network: Any) -> None:
    """Follow each URL's redirects hop by hop and say where it ends and what it is.

    URL needs http:// or https://, unless it is a recognised post form (pic.twitter.com/..., t.co/...,
    twitter.com/...); - reads URLs from stdin, one a line. Each hop is checked by the SSRF guard and recorded in
    the cache's fetch log; an answer within the cache TTL makes no request.

    \b
    Examples:
      embed-resolver resolve https://t.co/Ab12Cd34Ef
      embed-resolver resolve --json pic.twitter.com/q3uNO4mJHi
      cat links.txt | embed-resolver resolve --offline -
    """
    from resolver import resolve as resolving

    from resolver.targets import url_targets

    mode = _mode(offline=offline, refresh=refresh)
    stdin = _stdin(urls)
    with user_errors():
        links = url_targets(urls, stdin=stdin)
    settings = _settings(ctx, **_network_overrides(network))
    session = _session(settings, store=_open_store(settings), mode=mode)
    advance = session.reporter.progress("resolving", len(links))
    with user_errors():
        results = session.run(lambda s: resolving.resolve_many(links, session=s, follow_all=follow_all,
                                                               on_done=lambda _r: advance()))
    _print_each(results, as_json=as_json, view="resolution_text")
    _exit_for(ctx, failed=sum(r.failed for r in results), unavailable=sum(r.unavailable for r in results))


@cli.command()
@click.argument("targets", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per post (JSON Lines).")
@click.option("--offline", is_flag=True, help="Never touch the network: answer from the cache (exit 3 if missing).")
@click.option("--refresh", is_flag=True,
              help="Fetch again even within the TTL; adds an observation of each post (not with --offline).")
@click.option("--all-methods", is_flag=True,
              help="Ask every X method, not only until one answers, and show where they disagree; read the "
                   "archived copies of available posts too (gone posts' copies are always read).")
@click.option("--no-media", is_flag=True, help="Do not download or analyse photos, posters and thumbnails.")
@click.option("--download-video", is_flag=True, help="Also download video files (the best MP4 variant).")
@click.option("--keep-media", is_flag=True, help="Keep media bytes on disk next to the database, named by sha256.")
@click.option("--reparse", is_flag=True,
              help="Re-derive every cached post record from the raw answers kept in the cache; no request is made.")
@db_option
@network_options
@click.pass_context
def fetch(ctx: click.Context, targets: tuple[str, ...], as_json: bool, offline: bool, refresh: bool,
          all_methods: bool, no_media: bool, download_video: bool, keep_media: bool, reparse: bool,
          **network: Any) -> None:
    """Fetch the posts TARGETS point at and record what they are now: status, author, text, date, media.

    TARGET is a post URL, a short link (resolved first), or an article file, directory or - (then every embed in
    it). X/Twitter is asked by the X API (when X_BEARER_TOKEN is set), then the syndication endpoint, then
    oEmbed, in the order [x] methods gives; other platforms by oEmbed. Each answer is kept raw in the cache.

    \b
    Examples:
      embed-resolver fetch https://twitter.com/jack/status/20
      embed-resolver fetch --json story.html
      embed-resolver fetch --reparse
    """
    from resolver import fetch as fetching
    from resolver import pipeline

    mode = _mode(offline=offline, refresh=refresh)
    settings = _settings(ctx, **_network_overrides(network))
    store = _open_store(settings)
    if reparse:
        from resolver.fetch.reparse import reparse_all

        with user_errors():
            observations, rederived = reparse_all(store)
        click.echo(f"re-derived {observations} observations of {rederived} posts from kept raw answers; "
                   "no request made")
        return
    if not targets:
        raise click.UsageError("give at least one TARGET (a post URL, a short link or an article), or --reparse")
    options = fetching.FetchOptions(all_methods=all_methods, media=not no_media, download_video=download_video,
                                    keep_media_dir=settings.database().parent / "media" if keep_media else None)
    stdin = _stdin(targets)

    async def job(session: Session) -> list[fetching.FetchedPost]:
        found = await pipeline.fetch_targets(targets, session=session, stdin=stdin)
        advance = session.reporter.progress("fetching", len(set(found)))
        return await fetching.fetch_posts(found, session=session, options=options, on_done=advance)

    with user_errors():
        posts = _session(settings, store=store, mode=mode).run(job)
    _print_each(posts, as_json=as_json, view="post_text")
    _exit_for(ctx, failed=sum(p.failed for p in posts), unavailable=sum(p.unavailable for p in posts))


def _print_each(items: Sequence[Any], *, as_json: bool, view: str) -> None:
    """JSON Lines (each item's to_json()) for pipes and --json; otherwise each item through a view of
    resolver.report, for people."""
    if as_json:
        for item in items:
            click.echo(json.dumps(item.to_json(), ensure_ascii=False))
        return
    from resolver import report

    console = _stdout_console()
    for item in items:
        console.print(_plain_if_piped(getattr(report, view)(item), console))


def _open_warc(settings: Settings, path: Path | None) -> WarcWriter:
    """Open the WARC this command appends every live response to; it is closed when the command ends."""
    from resolver import __version__
    from resolver.warc import WarcWriter

    target = path or settings.warc_path or settings.database().parent / "archive.warc.gz"
    try:
        writer = WarcWriter(target, software=f"embed-resolver/{__version__}")
    except OSError as exc:
        raise click.ClickException(f"cannot write WARC {target}: {exc.strerror or exc}") from None
    click.get_current_context().call_on_close(writer.close)
    return writer


@cli.command()
@click.argument("targets", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per archived URL (JSON Lines).")
@click.option("--save", is_flag=True, help="Save Page Now every URL with no capture newer than --max-age.")
@click.option("--max-age", type=click.FloatRange(min=0), default=30, show_default=True,
              help="Days within which an existing capture counts as recent.")
@click.option("--near", help="YYYYMMDD: also report the capture closest to this day.")
@click.option("--warc", "warc_file", type=click.Path(dir_okay=False, path_type=Path),
              help="WARC file to append every response to (default: archive.warc.gz next to the database).")
@click.option("--offline", is_flag=True,
              help="Never touch the network: posts from the cache only; archive lookups cannot be made (exit 3).")
@click.option("--refresh", is_flag=True,
              help="Resolve links and fetch the articles' posts again even within the TTL (not with --offline).")
@db_option
@network_options
@click.pass_context
def archive(ctx: click.Context, targets: tuple[str, ...], as_json: bool, save: bool, max_age: float, near: str | None,
            warc_file: Path | None, offline: bool, refresh: bool, **network: Any) -> None:
    """Look up archived copies of posts and media, save what has none recent, and keep a local WARC copy.

    TARGET is a post or media URL, or an article file or directory (then every post and media URL it
    references: its embeds are resolved and fetched first, so the WARC holds everything a replay needs).
    Snapshots come from the Wayback availability and CDX APIs; --save uses Save Page Now 2 with the keys in
    IA_ACCESS_KEY and IA_SECRET_KEY, within the published rate limits; pending saves survive a restart.

    \b
    Examples:
      embed-resolver archive https://twitter.com/jack/status/20
      embed-resolver archive --save --json story.html
      embed-resolver --replay archive.warc.gz fetch --json story.html
    """
    from resolver import pipeline
    from resolver.options import ArchiveOptions

    mode = _mode(offline=offline, refresh=refresh)
    settings = _settings(ctx, **_network_overrides(network))
    store = _open_store(settings)
    session = _session(settings, store=store, mode=mode, warc=_open_warc(settings, warc_file))
    options = ArchiveOptions(save=save, max_age_days=max_age, near=near)
    stdin = _stdin(targets)
    with user_errors():
        results = session.run(lambda s: pipeline.archive_targets(targets, session=s, options=options, stdin=stdin))
    _print_each(results, as_json=as_json, view="archive_text")
    _exit_for(ctx, failed=sum(r.failed for r in results), unavailable=sum(r.unavailable for r in results))


@cli.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["md", "json", "html"]), default="md", show_default=True,
              help="Markdown (terminal and GitHub), JSON (schema/report.schema.json) or one self-contained HTML page.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write here (a file for one article; a directory for several, with an index).")
@click.option("--offline", "--no-network", "offline", is_flag=True,
              help="Use only the cache: say what is known without the network and name what could not be reached.")
@click.option("--refresh", is_flag=True, help="Fetch everything again even within the cache TTL (not with --offline).")
@db_option
@click.option("--fail-on", type=click.Choice(["fail", "warn", "never"]), default="never", show_default=True,
              help="Exit 4 when a check failed (fail), or failed or warned (warn): for scripts that gate on it.")
@network_options
@click.pass_context
def report(ctx: click.Context, articles: tuple[str, ...], fmt: str, output: Path | None, offline: bool, refresh: bool,
           fail_on: str, **network: Any) -> None:
    """Write a provenance report: each embed, what the sources say, and checks between the two.

    Runs whatever is still missing (scan, link resolution, post fetching, archive lookups) and reports every
    fact with the method, the UTC time and the fetch-log id behind it. Checks compare the article's handle,
    name, date, quoted text, media links and photo credits with the sources, and flag gone posts with or
    without an archived copy. Several articles or a directory give one report each plus an index.

    \b
    Examples:
      embed-resolver report story.html
      embed-resolver report --format html -o story-report.html story.html
      embed-resolver report --offline --format json articles/ -o reports/
      embed-resolver report --fail-on fail story.html > /dev/null || echo "a check failed"

    Exit codes: 0 written; 4 with --fail-on, a check at that level; 1 and 2 as for every command.
    """
    from resolver import pipeline, provenance
    from resolver import report as rendering

    mode = _mode(offline=offline, refresh=refresh)
    settings = _settings(ctx, **_network_overrides(network))
    stdin = _stdin(articles)
    store = _open_store(settings)
    items = list(pipeline.expand_sources(articles, stdin=stdin))
    many = len(items) > 1 or any(Path(a).is_dir() for a in articles)
    reports: list[tuple[str, dict[str, Any]]] = []
    session = _session(settings, store=store, mode=mode)
    advance = session.reporter.progress("reporting", len(items))

    def collect(outcome: Outcome) -> None:
        advance()
        if isinstance(outcome, pipeline.Failure):
            if not many:
                raise click.ClickException(outcome.message)
            _say_failure(outcome)
            return
        reports.append((outcome.article.source, provenance.build(outcome, store=store)))

    with user_errors():
        summary = pipeline.run(items, session=session, steps=pipeline.REPORT_STEPS, emit=collect)
    if not reports:
        raise click.ClickException(f"no article to report on in {', '.join(articles)}")
    thumbnail = _thumbnails(store)
    suffix = {"md": ".md", "json": ".json", "html": ".html"}[fmt]

    def render(data: dict[str, Any]) -> str:
        if fmt == "json":
            return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        return rendering.markdown(data) if fmt == "md" else rendering.html_page(data, thumbnail=thumbnail)

    if not many:
        text = render(reports[0][1])
        if output is None:
            click.echo(text, nl=False)
        else:
            _write(output, text)
            click.echo(f"wrote {output}", err=True)
    else:
        _write_many(reports, output, suffix, render)
    _exit_for(ctx, failed=summary.failed, unavailable=0)   # a report names what it could not reach: not a failure
    if _gate(reports, fail_on):
        ctx.exit(EXIT_CHECKS)


def _gate(reports: list[tuple[str, dict[str, Any]]], fail_on: str) -> bool:
    """Whether a check reached the --fail-on level in any report."""
    levels = {"fail": ("fail",), "warn": ("fail", "warn"), "never": ()}[fail_on]
    return any(data["summary"]["checks"][level] for _, data in reports for level in levels)


def _write_many(reports: list[tuple[str, dict[str, Any]]], output: Path | None, suffix: str,
                render: Callable[[dict[str, Any]], str]) -> None:
    from resolver import report as rendering

    folder = output or Path("embed-resolver-reports")
    entries = []
    for name, data in reports:
        file_name = _safe_name(name, data["article"]["sha256"]) + suffix
        _write(folder / file_name, render(data))
        entries.append((file_name, data))
    index = rendering.index_markdown(entries)
    _write(folder / "index.md", index)
    _write(folder / "index.json", json.dumps([{"report": f, "article": d["article"], "summary": d["summary"]}
                                               for f, d in entries], ensure_ascii=False, indent=2) + "\n")
    click.echo(f"wrote {len(entries)} reports and an index to {folder}", err=True)


def _safe_name(source: str, sha256: str) -> str:
    import re

    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(source).stem)[:60].strip("-") or "article"
    return f"{stem}-{sha256[:8]}"


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"cannot write {path}: {exc.strerror or exc}") from None


def _thumbnails(store: Store) -> Callable[[str], str | None]:
    """A function from media URL to a data: URI of its kept bytes (only when --keep-media kept them)."""
    import base64

    def thumbnail(url: str) -> str | None:
        row = store.media_by_url(url)
        if not row or not row.get("kept_path") or not (row.get("mime") or "").startswith("image/"):
            return None
        try:
            data = Path(row["kept_path"]).read_bytes()
        except OSError:
            return None
        return f"data:{row['mime']};base64,{base64.b64encode(data).decode('ascii')}"
    return thumbnail


def _emit(outcome: Outcome, *, as_json: bool) -> None:
    """An article's result (JSON Lines or tables), or one line on stderr for an input that failed."""
    from resolver.pipeline import Failure

    if isinstance(outcome, Failure):
        _say_failure(outcome)
        return
    if as_json:
        click.echo(json.dumps(outcome.to_json(), ensure_ascii=False))
        return
    from resolver.report import scan_tables

    console = _stdout_console()
    for renderable in scan_tables(outcome):
        console.print(_plain_if_piped(renderable, console))


def _stdout_console() -> Any:
    """rich on a terminal; in a pipe, lines are never wrapped (#11: piped tables broke URLs across lines)."""
    from rich.console import Console

    console = Console()
    if console.is_terminal:
        return console
    return Console(width=100_000, soft_wrap=True, highlight=False)


def _plain_if_piped(renderable: Any, console: Any) -> Any:
    """A table as plain columns (no borders) when the console is not a terminal: easy to grep, cut and read."""
    from rich.table import Table

    if isinstance(renderable, Table) and not console.is_terminal:
        renderable.box = None
        renderable.show_edge = False
        renderable.pad_edge = False
    return renderable


def _say_failure(failure: Failure) -> None:
    """One line: a warning for a file a folder walk found that is no article (it is skipped), else an error."""
    if failure.warning:
        click.echo(f"warning: {failure.message}; skipped", err=True)
    else:
        click.echo(f"error: {failure.message}", err=True)
