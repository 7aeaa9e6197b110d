"""The command line: parse, call the library, render. Heavy modules are imported inside commands so --help is fast.

Exit codes: 0 ok, 1 an input or run failed, 2 usage error, 3 something was unavailable offline.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from resolver import __version__

EXIT_UNAVAILABLE = 3


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


def _network_overrides(options: dict[str, Any]) -> dict[str, Any]:
    keys = ("allow_private", "timeout", "concurrency", "per_host", "max_redirects")
    return {k: options.pop(k) for k in keys if k in options and options[k] is not None}


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the library's errors into one-line click errors (exit 1); never show a user a traceback."""
    from cache import CacheError, NewerCacheError
    from resolver.errors import EmbedResolverError

    try:
        yield
    except NewerCacheError as exc:
        error = click.ClickException(str(exc))
        error.exit_code = 2   # the README's table: a cache this version must not touch is a usage error
        raise error from None
    except (EmbedResolverError, CacheError) as exc:
        raise click.ClickException(str(exc)) from None


def _settings(ctx: click.Context, **overrides: Any) -> Any:
    from resolver.settings import load_settings

    obj = ctx.find_root().obj or {}
    with user_errors():
        db = overrides.pop("db_path", None) or obj.get("db")
        return load_settings(path=obj.get("config"), overrides={"db_path": db, **overrides})


def _open_store(settings: Any) -> Any:
    from cache import Store

    with user_errors():
        # Only the default location may be created; a --db in a folder that does not exist is an error (#11).
        return Store(settings.database(), create_folder=settings.db_path is None)


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


class Group(click.Group):
    """A group that turns any unexpected exception into one line and exit 1 (set EMBED_RESOLVER_DEBUG=1 to see it)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(1)
        except Exception as exc:  # noqa: BLE001 - the last line of defence for users
            if os.environ.get("EMBED_RESOLVER_DEBUG"):
                raise
            raise click.ClickException(
                f"internal error: {type(exc).__name__}: {exc} (set EMBED_RESOLVER_DEBUG=1 to see where)") from None


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
    ctx.obj = {"config": config, "db": db}
    if replay:
        from resolver.warc import ReplayIndex, current_replay

        try:
            token = current_replay.set(ReplayIndex(replay))
        except Exception as exc:  # noqa: BLE001 - warcio raises several kinds for a file that is not a WARC
            raise click.ClickException(f"cannot replay {', '.join(map(str, replay))}: {exc}") from None
        ctx.call_on_close(lambda: current_replay.reset(token))


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--format", "kind", type=click.Choice(["auto", "html", "text"]), default="auto", show_default=True,
              help="Read the input as HTML or plain text. 'auto' sniffs the content, not the file name.")
@click.option("--encoding", help="Decode the input with this encoding instead of detecting it (e.g. latin-1).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per article (JSON Lines for several).")
@click.option("--db", "db_here", type=click.Path(dir_okay=False, path_type=Path),
              help="SQLite cache file (same as the global --db).")
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
              help="Find the post id of flattened tweets that kept no link, from archived captures and the text.")
@click.option("--offline", is_flag=True, help="With --resolve/--fetch: answer from the cache only (exit 3 if missing).")
@click.option("--refresh", is_flag=True, help="With --resolve/--fetch: ignore cached answers.")
@network_options
@click.pass_context
def scan(ctx: click.Context, sources: tuple[str, ...], kind: str, encoding: str | None, as_json: bool,
         db_here: Path | None, no_store: bool, do_resolve: bool, do_fetch: bool, do_archive: bool, save: bool,
         max_age: float, warc_file: Path | None, identify: bool, offline: bool, refresh: bool, **network: Any) -> None:
    """Find the embedded posts and photo credits in SOURCES.

    SOURCE is a file, a directory (every file in it, recursively) or - for stdin. Each article is recorded in the
    cache by its sha256, so scanning the same bytes again adds nothing.

    \b
    Examples:
      embed-resolver scan examples/article.html
      embed-resolver scan --json --format text scraped.txt
      embed-resolver scan --db run.db corpus/
      embed-resolver scan --resolve --json story.html
      embed-resolver scan --fetch story.html      resolve, fetch the posts, analyse their media
      embed-resolver scan --archive --save story.html
      embed-resolver scan --identify scraped.txt  find ids of flattened tweets that kept no link
    """
    from resolver import pipeline

    settings = _settings(ctx, db_path=db_here, **_network_overrides(network))
    store = None if no_store else _open_store(settings)
    failures = 0
    unavailable = False
    stdin_data = sys.stdin.buffer.read() if "-" in sources else None
    items = list(pipeline.expand_sources(list(sources)))
    explicit = set(sources)
    if do_archive:
        _open_warc(settings, warc_file)
    steps = {step for step, wanted in (("resolve", do_resolve or do_fetch or do_archive),
                                       ("fetch", do_fetch or do_archive), ("identify", identify)) if wanted}
    progress = _progress(enabled=not as_json and len(items) > 1)
    with progress as bar:
        task = bar.add_task("scanning", total=len(items)) if bar else None
        for name, path, problem in items:
            if bar is not None:
                bar.update(task, advance=1, description=Path(name).name[:40])
            if problem:
                click.echo(f"warning: {problem}; skipped", err=True)
                continue
            try:
                with user_errors():
                    article = pipeline.load(path, data=stdin_data, kind=None if kind == "auto" else kind,
                                            encoding=encoding)
                    result = pipeline.process_article(
                        article, settings=settings, store=store, steps=steps, offline=offline, refresh=refresh,
                        archive=pipeline.ArchiveOptions(save=save, max_age_days=max_age) if do_archive else None)
                    unavailable = unavailable or bool(result.extras.get("unavailable"))
            except click.ClickException as exc:
                if name in explicit:
                    failures += 1
                    click.echo(f"error: {exc.message}", err=True)
                else:
                    click.echo(f"warning: {exc.message}; skipped", err=True)
                continue
            _emit(result, as_json=as_json)
    if store is not None:
        store.close()
    if failures:
        ctx.exit(1)
    if unavailable:
        ctx.exit(EXIT_UNAVAILABLE)


@cli.command()
@click.argument("urls", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per URL (JSON Lines).")
@click.option("--offline", is_flag=True, help="Never touch the network: answer from the cache (exit 3 if not cached).")
@click.option("--refresh", is_flag=True, help="Resolve again even when the cache has a fresh answer.")
@click.option("--follow-all", is_flag=True, help="Keep following redirects past a recognised post URL.")
@network_options
@click.pass_context
def resolve(ctx: click.Context, urls: tuple[str, ...], as_json: bool, offline: bool, refresh: bool,
            follow_all: bool, **network: Any) -> None:
    """Follow each URL's redirects hop by hop and say where it ends and what it is.

    URL may be - to read URLs from stdin, one a line. Each hop is checked by the SSRF guard and recorded in the
    cache's fetch log; an answer within the cache TTL makes no request.

    \b
    Examples:
      embed-resolver resolve https://t.co/Ab12Cd34Ef
      embed-resolver resolve --json pic.twitter.com/q3uNO4mJHi
      cat links.txt | embed-resolver resolve --offline -
    """
    import asyncio

    from resolver import http
    from resolver import resolve as resolving

    links = [u.strip() for u in urls if u != "-"]
    if "-" in urls:
        links += [line.strip() for line in sys.stdin if line.strip()]
    settings = _settings(ctx, **_network_overrides(network))
    store = _open_store(settings)

    async def run(on_done: Any) -> list[Any]:
        async with http.make_client(settings) as client:
            return await resolving.resolve_many(links, client=client, settings=settings, store=store,
                                                follow_all=follow_all, refresh=refresh, offline=offline,
                                                on_done=on_done)

    with user_errors(), _progress(enabled=not as_json and len(links) > 1) as bar:
        task = bar.add_task("resolving", total=len(links)) if bar else None
        results = asyncio.run(run(lambda _result: bar.advance(task) if bar else None))
    store.close()
    _print_each(results, as_json=as_json, to_json=lambda r: r.to_json(), view="resolution_text")
    if any(r.unavailable for r in results):
        ctx.exit(EXIT_UNAVAILABLE)
    if any(r.error for r in results):
        ctx.exit(1)


@cli.command()
@click.argument("targets", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per post (JSON Lines).")
@click.option("--offline", is_flag=True, help="Never touch the network: answer from the cache (exit 3 if missing).")
@click.option("--refresh", is_flag=True, help="Fetch again even within the TTL; adds an observation of each post.")
@click.option("--all-methods", is_flag=True,
              help="Ask every X method, not only until one answers, and show where they disagree.")
@click.option("--no-media", is_flag=True, help="Do not download or analyse photos, posters and thumbnails.")
@click.option("--download-video", is_flag=True, help="Also download video files (the best MP4 variant).")
@click.option("--keep-media", is_flag=True, help="Keep media bytes on disk next to the database, named by sha256.")
@click.option("--reparse", is_flag=True,
              help="Re-derive every cached post record from the raw answers kept in the cache; no request is made.")
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
    import asyncio

    from resolver import fetch as fetching
    from resolver import http, pipeline

    settings = _settings(ctx, **_network_overrides(network))
    store = _open_store(settings)
    if reparse:
        from resolver.fetch.reparse import reparse_all

        with user_errors():
            observations, posts = reparse_all(store)
        click.echo(f"re-derived {observations} observations of {posts} posts from kept raw answers; no request made")
        return
    if not targets:
        raise click.UsageError("give at least one TARGET (a post URL, a short link or an article), or --reparse")
    options = fetching.FetchOptions(refresh=refresh, offline=offline, all_methods=all_methods, media=not no_media,
                                    download_video=download_video,
                                    keep_media_dir=settings.database().parent / "media" if keep_media else None)

    async def run() -> list[Any]:
        async with http.make_client(settings) as client:
            found = await pipeline.fetch_targets(list(targets), client=client, settings=settings, store=store,
                                                 offline=offline, refresh=refresh)
            return await fetching.fetch_posts(found, client=client, settings=settings, store=store, options=options)

    with user_errors():
        posts = asyncio.run(run())
    store.close()
    _print_each(posts, as_json=as_json, to_json=lambda p: p.to_json(), view="post_text")
    if any(p.unavailable for p in posts):
        ctx.exit(EXIT_UNAVAILABLE)


def _print_each(items: list[Any], *, as_json: bool, to_json: Any, view: str) -> None:
    """JSON Lines for pipes and --json; otherwise each item through a view of resolver.report, for people."""
    if as_json:
        for item in items:
            click.echo(json.dumps(to_json(item), ensure_ascii=False))
        return
    from rich.console import Console

    from resolver import report

    console = Console()
    for item in items:
        console.print(getattr(report, view)(item))


def _open_warc(settings: Any, path: Path | None) -> Any:
    """Open the WARC this run appends to (every live response goes in) and make it current."""
    from resolver import __version__
    from resolver.warc import WarcWriter, current_writer

    target = path or settings.warc_path or settings.database().parent / "archive.warc.gz"
    try:
        writer = WarcWriter(target, software=f"embed-resolver/{__version__}")
    except OSError as exc:
        raise click.ClickException(f"cannot write WARC {target}: {exc.strerror or exc}") from None
    token = current_writer.set(writer)

    def finish() -> None:
        current_writer.reset(token)
        writer.close()
    click.get_current_context().call_on_close(finish)
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
@network_options
@click.pass_context
def archive(ctx: click.Context, targets: tuple[str, ...], as_json: bool, save: bool, max_age: float, near: str | None,
            warc_file: Path | None, **network: Any) -> None:
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
    import asyncio

    from resolver import http, pipeline
    from resolver.fetch import FetchOptions

    settings = _settings(ctx, **_network_overrides(network))
    store = _open_store(settings)
    _open_warc(settings, warc_file)
    options = pipeline.ArchiveOptions(save=save, max_age_days=max_age, near=near)
    urls: list[str] = []
    near_days: dict[str, str] = {}
    with user_errors():
        for target in targets:
            if target == "-" or Path(target).exists():
                for name, path, problem in pipeline.expand_sources([target]):
                    if problem:
                        continue
                    result = pipeline.scan_article(pipeline.load(path, data=sys.stdin.buffer.read() if name == "-" else None),
                                                   store=store)
                    result = pipeline.resolve_links(result, settings=settings, store=store)
                    result = pipeline.fetch_for_article(result, settings=settings, store=store, options=FetchOptions())
                    found, days = pipeline.archive_targets_of(result)
                    urls += found
                    near_days.update(days)
            else:
                urls.append(target if "://" in target else "https://" + target)

        async def run() -> list[dict[str, Any]]:
            async with http.make_client(settings) as client:
                return await pipeline.archive_urls(urls, client=client, settings=settings, store=store,
                                                   options=options, near=near_days)

        results = asyncio.run(run())
    store.close()
    _print_each(results, as_json=as_json, to_json=lambda r: r, view="archive_text")
    if any(r["error"] for r in results):
        ctx.exit(1)


@cli.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["md", "json", "html"]), default="md", show_default=True,
              help="Markdown (terminal and GitHub), JSON (schema/report.schema.json) or one self-contained HTML page.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write here (a file for one article; a directory for several, with an index).")
@click.option("--offline", "--no-network", "offline", is_flag=True,
              help="Use only the cache: say what is known without the network and name what could not be reached.")
@click.option("--refresh", is_flag=True, help="Fetch everything again even within the cache TTL.")
@network_options
@click.pass_context
def report(ctx: click.Context, articles: tuple[str, ...], fmt: str, output: Path | None, offline: bool, refresh: bool,
           **network: Any) -> None:
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
    """
    from resolver import pipeline
    from resolver import report as rendering
    from resolver.errors import InputError

    settings = _settings(ctx, **_network_overrides(network))
    store = _open_store(settings)
    items = [(n, p) for n, p, problem in pipeline.expand_sources(list(articles)) if not problem]
    many = len(items) > 1 or any(Path(a).is_dir() for a in articles)
    reports = []
    with user_errors():
        for name, path in items:
            data = sys.stdin.buffer.read() if name == "-" else None
            try:
                article = pipeline.load(path, data=data)
            except InputError as exc:
                if not many:
                    raise
                click.echo(f"warning: {exc}; skipped", err=True)
                continue
            reports.append((name, pipeline.report_for(article, settings=settings, store=store, offline=offline,
                                                      refresh=refresh)))
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
        store.close()
        return
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
    store.close()
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


def _thumbnails(store: Any) -> Any:
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


@contextmanager
def _progress(*, enabled: bool) -> Iterator[Any]:
    """A rich progress bar on stderr when it is a terminal and the job is long enough to want one."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=_stderr_console(), transient=True) as bar:
        yield bar


def _emit(result: Any, *, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False))
        return
    from rich.console import Console

    from resolver.report import scan_tables

    console = Console()
    for renderable in scan_tables(result):
        console.print(renderable)
