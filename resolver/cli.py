"""The command line: parse, call the library, render. Heavy modules are imported inside commands so --help is fast.

Exit codes (the README's table): 0 ok; 1 an input could not be used or a step failed (a link, a post, an archive
lookup, an identification); 2 a usage error, or a cache made by a newer version; 3 something was not in the cache
offline; 4 report --fail-on found a check at that level; 130 interrupted (a corpus run says how far it got);
141 stdout was closed early (`| head`). Every error is one line, `error: ...`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

import click

from resolver import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from cache import Store
    from resolver.archive import ArchivedUrl
    from resolver.inputs import InputSpec
    from resolver.output import OutputFile
    from resolver.pipeline import ArticleResult, Failure, Outcome, Steps, Summary
    from resolver.redact import Redactor
    from resolver.resolve import Resolution
    from resolver.session import Mode, Session
    from resolver.settings import Settings
    from resolver.warc import WarcWriter


class PathType(click.Path):
    """click.Path giving a pathlib.Path, with pathlib imported when a path is given, not when the module loads:
    it and what it imports (urllib.parse, fnmatch) were a tenth of `--help`'s start-up (#14)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from pathlib import Path

        name = os.fsdecode(value) if isinstance(value, (str, bytes)) else None
        if not self.dir_okay and name is not None and name.endswith(("/", os.sep)):
            # pathlib drops the "/": `--summary-json outdir/` was written as a file named outdir (fix47c, #13)
            self.fail(f"{name} is a folder's name (it ends in '/'); name a file", param, ctx)
        return Path(os.fsdecode(super().convert(value, param, ctx)))


# One PathType of each kind, shared by every option taking it (a type holds no state of a run): each made calls
# gettext for its name ("file"), a look through the locale directories, 24 times at import where 4 do (perf42, #14)
A_FILE = PathType(dir_okay=False)
AN_EXISTING_FILE = PathType(exists=True, dir_okay=False)
A_FILE_OR_DASH = PathType(dir_okay=False, allow_dash=True)
A_PATH = PathType()


EXIT_FAILED = 1
EXIT_UNAVAILABLE = 3
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143     # 128 + SIGTERM: stopped as by Ctrl-C (systemd, Slurm, docker stop, `timeout`)
EXIT_BROKEN_PIPE = 141     # 128 + SIGPIPE, as a shell reports a writer that a closed pipe stopped
EXIT_CHECKS = 4          # report --fail-on: a check at or above the given level
EXIT_GONE = 5            # --fail-on-gone (resolve, scan): a link ended at a page that is gone (an answer: 0 without it)
EXIT_DIFFERS = 6         # report --compare: the report differs from the earlier one in a verdict, status or hash
EXIT_DISK_FULL = 7       # a file the run writes (the cache, --output) could not grow: its disk or a size limit is full
FORMAT_ALIASES = {"markdown": "md"}   # report --format: the long name too (newuser37b #10: "markdown" was refused)


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


def _db_in_a_folder(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path | None:
    """--db (or $EMBED_RESOLVER_DB) in a folder that exists, else a bad option value: exit 2, as click says every
    option value that cannot be used (newuser28: it was 1, from the cache, once the command had started). Only the
    default location is created (cache.Store checks it again for library users)."""
    if value is not None and not value.parent.is_dir():
        raise click.BadParameter(f"the folder {value.parent} does not exist (create it, or choose another --db)")
    return value


def _output_in_a_folder(_ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """A file a command writes (-o, --warc, `cache merge OUT`) in a folder that exists, else a bad option value
    (exit 2), as --db: a typo in -o made a tree of folders and said "wrote …" (newuser29 #12), as --warc still did
    (review29e). A reports folder -o names for several articles is made; the one it is in is not."""
    if value is None:
        return value
    named = param.opts[0] if isinstance(param, click.Option) else param.human_readable_name
    if not value.absolute().parent.exists():   # a file there: "Not a directory", on writing
        raise click.BadParameter(f"the folder {value.parent} does not exist (create it, or choose another {named})")
    try:
        value.resolve()   # where the file is written (through a link), its lock and its rewrite beside it
    except (RuntimeError, OSError):   # a loop: RuntimeError up to Python 3.12, OSError (ELOOP) after
        raise click.BadParameter(f"{value} is a loop of symbolic links (choose another {named})") from None
    return value


def _pasted_names(_ctx: click.Context, _param: click.Parameter, names: tuple[str, ...]) -> tuple[str, ...]:
    """The names given, each pasted in typographic quote marks read without them, and said on stderr: a link copied
    from a document or a chat as “https://...” was "no such file", and one ending in ” was fetched with %E2%80%9D
    on its path (newuser37b #6)."""
    from resolver.targets import QUOTES_LEFT_OUT, repaired

    meant = []
    for name in names:
        repair = repaired(name)
        if repair is not None:
            from resolver.redact import said   # lazy (#14): a name written plainly says nothing

            click.echo(said(f"warning: {name.strip()} read as {repair} ({QUOTES_LEFT_OUT})"), err=True)
        meant.append(repair or name)
    return tuple(meant)


def _output_or_stdout(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """-o of a command that writes to stdout without it: "-" is stdout, as for every other file a command reads or
    writes (`resolve -`, `scan -`); it wrote a file named "-" (newuser35c #4)."""
    return None if value is not None and str(value) == "-" else _output_in_a_folder(ctx, param, value)


def db_option(command: Any) -> Any:
    """--db after the command as well as before it (#11): `embed-resolver fetch --db run.db URL`."""
    def remember(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
        if _db_in_a_folder(ctx, param, value) is not None:
            root = ctx.find_root()
            root.obj = {**(root.obj or {}), "db": value}
    return click.option("--db", type=A_FILE, expose_value=False,
                        callback=remember, help="SQLite cache file (the same as the global --db).")(command)


def local_only(command: Any) -> Any:
    """--offline on a command that never uses the network: accepted and changing nothing, so that a script can pass
    --offline to every command, as the README promises (#11)."""
    return click.option("--offline", is_flag=True, expose_value=False,
                        help="Accepted for scripts; this command never uses the network.")(command)


def _network_overrides(options: dict[str, Any]) -> dict[str, Any]:
    keys = ("allow_private", "timeout", "concurrency", "per_host", "max_redirects", "captures")
    return {k: options.pop(k) for k in keys if k in options and options[k] is not None}


def _known_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An unknown encoding is a usage error before anything is read: found article by article, a folder gave a
    warning a file and exit 0."""
    import codecs

    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r}; try utf-8, latin-1 or cp1252") from None
    return value


encoding_option = click.option(
    "--encoding", callback=_known_encoding,
    help="Decode the input files, standard input and WARC records with this encoding instead of detecting it (e.g. "
         "latin-1). JSON Lines fields are text already: it does not apply to them.")


def captures_option(command: Any) -> Any:
    """--captures: how many archived captures of a post the fetch step reads (the [archive] default, 3)."""
    return click.option("--captures", type=click.IntRange(min=1), default=None, metavar="N",
                        help="Read up to N archived captures of each post whose copies are read (gone posts; "
                             "available ones with --all-methods) [default: 3]; a later run asking more reads "
                             "the rest.")(command)


def corpus_options(command: Any) -> Any:
    """What a command reading many articles takes: the inputs besides SOURCES, the shard, workers, resume and
    how much to say while it runs."""
    for option in reversed([
        click.option("--jsonl", multiple=True, metavar="PATH",
                     help="A JSON Lines file (or .gz/.bz2/.xz, a folder of them, or - for stdin): one article a "
                          "line. Repeatable."),
        click.option("--text-field", metavar="NAME", help="With --jsonl: the field holding the article as plain text."),
        click.option("--html-field", metavar="NAME", help="With --jsonl: the field holding the article as HTML."),
        click.option("--url-field", metavar="NAME", help="With --jsonl: the field holding the page URL (default: url)."),
        click.option("--id-field", metavar="NAME", help="With --jsonl: the field holding the record id (default: id)."),
        click.option("--warc-input", multiple=True, metavar="PATH",
                     help="A WARC or ARC file (gzipped or not) or a folder of them: every HTML response in it, as "
                          "Common Crawl and CC-News keep pages. Repeatable."),
        click.option("--glob", "globs", multiple=True, metavar="PATTERN",
                     help="In folders, only files whose path ends like this (e.g. '*.html'; '**' is any number of "
                          "folders). Repeatable."),
        click.option("--shard", metavar="K/N",
                     help="Take only the K-th of N slices of the input (1/4 to 4/4), the same slice on every machine."),
        click.option("--workers", type=click.IntRange(min=1), default=None,
                     help="Processes extracting embeds (default: the CPUs available)."),
        click.option("--no-resume", is_flag=True,
                     help="Process every input again, even those an interrupted run of the same command finished."),
        click.option("-q", "--quiet", is_flag=True,
                     help="No progress bar, status lines or summary line; errors and warnings still show."),
        click.option("-v", "--verbose", is_flag=True, help="One line per article on stderr."),
    ]):
        command = option(command)
    return command


def _without_output(spec: InputSpec, output: Path, *, what: str = "the --output file") -> InputSpec:
    """The inputs less the run's own output (scan's file, which a fresh run starts empty; a report's file or
    folder): named as an input, it is refused before anything is written (the input would be lost); found in a
    folder, it is left out (it is no article of the corpus)."""
    from dataclasses import replace

    real = os.path.realpath(output)
    holds_an_input = False   # `report -o . corpus/`: what the folder holds cannot be left out
    for name in (*spec.files, *spec.jsonl, *spec.warc):
        if name == "-" or "://" in name:
            continue
        if os.path.isdir(name):
            holds_an_input |= (os.path.realpath(name) + os.sep).startswith(real.rstrip(os.sep) + os.sep)
        elif os.path.realpath(name) == real or (os.path.exists(name) and os.path.exists(output)
                                                  and os.path.samefile(name, output)):
            raise click.UsageError(f"{name} is both an input and {what}; name another output file")
    return spec if holds_an_input else replace(spec, leave_out=(*spec.leave_out, real))


def _not_the_same(path: Path, named: str, others: dict[str, Path | None]) -> None:
    """A file a run writes over at its end (`scan --summary-json`) that is another file the run reads or writes
    (review46i: it was written over the -o file, the --db cache): refused before anything is written (exit 2)."""
    real = os.path.realpath(path)
    for what, other in others.items():
        if other is not None and (os.path.realpath(other) == real or (
                os.path.exists(other) and os.path.exists(path) and os.path.samefile(other, path))):
            raise click.UsageError(f"{path} is both {named} and {what}; name another file")


def _can_write(path: Path, named: str) -> None:
    """A file written at a run's end (`scan --summary-json`) that could not be written there, said before the run
    (exit 2), not after it (review47a: "notes.txt/s.json" was found not a folder once every article was read)."""
    if str(path) == "-":   # as -o's stdout it would break the articles' JSON lines; it was a file named "-"
        raise click.BadParameter("- is no file here: name one, or /dev/stdout to have the summary on stdout",
                                 param_hint=named)
    folder = path.absolute().parent
    if not folder.is_dir():
        raise click.BadParameter(f"{folder} is not a folder (choose another {named})", param_hint=named)
    if not os.access(path if path.exists() else folder, os.W_OK):
        raise click.BadParameter(f"{path} cannot be written here (choose another {named})", param_hint=named)


def _check_output_in_folder(output: OutputFile, spec: InputSpec, *, recorded: int | None) -> None:
    """An output file inside a folder the run reads is left out of its inputs (`_without_output`); if it already
    holds something that no unfinished run of this job wrote (`recorded`: the length one did), it may be an
    article of that folder, which a fresh run would empty: refused, before anything is written. (`scan -o
    corpus/story.html corpus/` emptied the story.)"""
    real = os.path.realpath(output.path)
    folders = [os.path.realpath(name) for name in (*spec.files, *spec.jsonl, *spec.warc)
               if name != "-" and "://" not in name and os.path.isdir(name)]
    if recorded is not None or not any(real.startswith(folder.rstrip(os.sep) + os.sep) for folder in folders):
        return
    try:
        size = output.path.stat().st_size if output.path.is_file() else 0
    except OSError:
        return   # opening it says what is wrong
    if size:
        raise click.UsageError(f"{output.path} is in a folder this run reads and already holds {size:,} bytes, which "
                               "a fresh run would empty (an article of the folder would be lost): name an output file "
                               "outside the folder, or remove it first")


def _input_spec(sources: Sequence[str], options: dict[str, Any], *, name: str = "SOURCE") -> InputSpec:
    """The inputs of a command from its SOURCES and corpus options (popped from `options`); `name` is the
    argument's name in the command's help, for the usage error when nothing is given."""
    from resolver.errors import InputError
    from resolver.inputs import InputSpec, JsonlFields, Shard

    fields = JsonlFields(text=options.pop("text_field"), html=options.pop("html_field"),
                         url=options.pop("url_field"), id=options.pop("id_field"))
    shard = options.pop("shard")
    try:
        slice_ = Shard.parse(shard) if shard else None
    except InputError as exc:
        raise click.UsageError(str(exc)) from None
    spec = InputSpec(files=tuple(sources), jsonl=options.pop("jsonl"), warc=options.pop("warc_input"),
                     globs=options.pop("globs"), fields=fields, shard=slice_)
    if spec.empty:
        raise click.UsageError(f"give at least one {name}, --jsonl or --warc-input")
    if not spec.jsonl and fields != JsonlFields():
        raise click.UsageError("--text-field, --html-field, --url-field and --id-field go with --jsonl")
    return spec


def _maybe_article(url: str) -> bool:
    """Whether a URL that is no post may be an article page: its host is no platform's (a profile is not one), and
    its name is of no file other than a page (an image, a video, a PDF)."""
    import mimetypes
    from urllib.parse import urlsplit

    from resolver.platforms import platform_of

    try:
        split = urlsplit(url)
    except ValueError:
        return False
    named, _ = mimetypes.guess_type(split.path)
    return bool(split.hostname) and platform_of(split.hostname or "") is None and named in (None, "text/html")


class Refused(click.ClickException):
    """A file this run must not touch as it is: exit 2, as for a usage error, in one line."""

    exit_code = 2


class RefusedCache(Refused):
    """A cache this version must not touch (made by a newer one, #11)."""


class BadValue(click.ClickException):
    """A value an argument cannot take that only the cache can tell (`cache export NAME`): exit 2, as click's own
    usage errors, in one line that says what to choose (newuser30 #11: it was exit 1)."""

    exit_code = 2


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the library's errors into one-line click errors (exit 1); never show a user a traceback."""
    from cache import CacheError, CacheFull, NewerCacheError, UnknownName
    from resolver.errors import DiskFull, EmbedResolverError, UnsafeSecret, UsageError
    from resolver.output import OutputBusy, OutputChanged

    try:
        yield
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    except (DiskFull, CacheFull):
        raise   # the run's end, exit 7 (`Group.invoke`)
    except UnsafeSecret as exc:
        raise Refused(str(exc)) from None
    except (OutputChanged, OutputBusy) as exc:
        raise Refused(str(exc)) from None
    except NewerCacheError as exc:
        raise RefusedCache(str(exc)) from None
    except UnknownName as exc:
        raise BadValue(str(exc)) from None
    except (EmbedResolverError, CacheError) as exc:
        raise click.ClickException(str(exc)) from None


def _settings(ctx: click.Context, *, sends: bool = True, **overrides: Any) -> Settings:
    """The command's settings. `sends=False`: a command that sends and stores no secret (the `cache` commands), not
    refused for one that cannot be used as given (review27a #8)."""
    from resolver.settings import load_settings

    obj = ctx.find_root().obj or {}
    with user_errors():
        return load_settings(path=obj.get("config"), overrides={"db_path": obj.get("db"), **overrides},
                             check_secrets=sends)


def _mode(*, offline: bool, refresh: bool, afresh: bool = False) -> Mode:
    """The run's mode, checked before anything is opened or read: --offline with --refresh is a usage error.
    `afresh`: `archive`'s, online (offline nothing is asked afresh)."""
    from resolver.session import Mode

    with user_errors():
        return Mode(offline=offline, refresh=refresh, afresh=afresh and not offline)


def _open_store(settings: Settings) -> Store:
    """The cache of this command, closed when the command ends."""
    from cache import Store

    with user_errors():
        # Only the default location may be created; a --db in a folder that does not exist is an error (#11).
        store = Store(settings.database(), create_folder=settings.db_path is None)
    ctx = click.get_current_context()
    ctx.call_on_close(store.close)
    if isinstance(root := ctx.find_root().obj, dict):
        root["store_path"] = store.path   # a full disk's error names it (`_disk_full_line`)
    return store


def _existing_store(settings: Settings) -> Store:
    """The cache a diagnostics command reads: it must exist (a mistyped --db made an empty one and reported a
    corpus of zeros)."""
    path = settings.database()
    if not path.exists():
        raise click.ClickException(f"no cache at {path}: nothing was ever recorded there (check --db)")
    return _open_store(settings)


def _session(settings: Settings, *, store: Store | None, mode: Mode | None = None,
             warc: WarcWriter | None = None, quiet: bool = False) -> Session:
    """The one session of this command: its client, budgets, mode, WARC writer, the global --replay files, and
    the reporter that draws status lines and progress on stderr (nothing with -q)."""
    from resolver.session import Mode, Session

    ctx = click.get_current_context()
    replay = (ctx.find_root().obj or {}).get("replay")
    reporter = TerminalReporter(quiet=quiet)
    ctx.call_on_close(reporter.close)
    session = Session(settings, store=store, mode=mode or Mode(), warc=warc, replay=replay, reporter=reporter)
    # after the run's own last line, how long each service's rate budget held it (run before reporter.close)
    ctx.call_on_close(lambda: _say_rate_waits(session))
    return session


def _say_rate_waits(session: Session) -> None:
    for line in session.rate_waited() + session.retry_waited():
        session.reporter.status(line)


def _stdin(*names: Sequence[str]) -> IO[bytes] | None:
    """stdin, when - is among the names a command was given (SOURCES, --jsonl...): the one place stdin is chosen
    (#11), and it can be read only once. Readers stream it (JSON Lines) or read it whole (one article)."""
    count = sum(list(group).count("-") for group in names)
    if count > 1:
        raise click.UsageError("stdin (-) can be read once: name it once, as a SOURCE or as --jsonl")
    return sys.stdin.buffer if count else None


class TerminalReporter:
    """Status lines (a retry or a wait over a second) and progress bars on stderr. On a terminal rich draws them,
    the status line above the bars; in a pipe or a log a status line is a plain line and there are no bars.
    Quiet (-q): nothing at all. A bar over a stream of unknown length (a corpus) shows what its `stats` say."""

    def __init__(self, *, quiet: bool = False) -> None:
        self.terminal = sys.stderr.isatty()
        self.quiet = quiet
        self._bars: Any = None
        self._stats: dict[Any, Callable[[], str] | None] = {}
        self._ticker: _Ticker | None = None

    def status(self, message: str) -> None:
        if self.quiet:
            return
        if self._bars is not None:
            self._bars.console.print(message, markup=False, highlight=False)
        else:
            click.echo(message, err=True)

    def progress(self, label: str, total: int | None, *,
                 stats: Callable[[], str] | None = None) -> Callable[[], None]:
        if self.quiet or (total is not None and total < 2):
            return lambda: None
        if not self.terminal:   # a pipe or a log: no bar, a line of the counts every PROGRESS_LINE_EVERY_S
            if stats is not None and self._ticker is None:
                self._ticker = _Ticker(lambda: self.status(f"{label}: {stats()}"), PROGRESS_LINE_EVERY_S)
            return lambda: None
        if self._bars is None:
            self._bars = _progress_bars(self._stats)
            self._bars.start()
        bars = self._bars
        task = bars.add_task(label, total=total)
        self._stats[task] = stats

        def advance() -> None:
            bars.advance(task)
            if bars.finished:
                self.close()   # gone before the results are printed
        return advance

    def close(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        if self._bars is not None:
            self._bars.stop()
            self._bars = None
            self._stats.clear()


# A run whose stderr is no terminal (cron, nohup, a pipe) says its counts once a minute: done/total, the pace,
# errors (CLOSING-stop36 "Batch runs": without -v a log showed nothing from the first line to the summary, and an
# hour-long run looked hung). -q: none; a terminal has its bar instead.
PROGRESS_LINE_EVERY_S = 60.0


class _Ticker:
    """Calls `say` every `every` seconds from a thread of its own until stopped: a line even while every worker
    waits on a slow server (a line at each finished article would stay silent exactly then)."""

    def __init__(self, say: Callable[[], None], every: float) -> None:
        import threading

        self._stopped = threading.Event()
        self._say, self._every = say, every
        self._thread = threading.Thread(target=self._run, name="progress-line", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stopped.wait(self._every):
            try:
                self._say()
            except (OSError, ValueError):   # stderr closed (a pipe gone): the run goes on, says it at its end
                pass

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()


# The time left is said once the pace is steady (newuser46b #1: `1/1,500 articles, about 46 min left` at the first
# second of a 9 s run, the pace of one article over the run's start-up): measured from the first finished input,
# as rich's progress estimates a speed from its samples, over the last PACE_WINDOW_S (rich's speed_estimate_period)
# or the last ETA_MIN_ARTICLES inputs if those took longer, and said from ETA_MIN_ARTICLES and ETA_MIN_SECONDS on.
ETA_MIN_ARTICLES = 10
ETA_MIN_SECONDS = 3.0
PACE_WINDOW_S = 30.0


class Pace:
    """When the run's recent inputs were finished (`mark`, in the run's thread), and the pace they give
    (`per_second`, read by the bar's and the log line's threads: no iteration over the samples)."""

    def __init__(self) -> None:
        from collections import deque

        self.times: deque[float] = deque()
        self.first: float | None = None

    def mark(self, now: float) -> None:
        self.first = now if self.first is None else self.first
        self.times.append(now)
        while len(self.times) > ETA_MIN_ARTICLES and self.times[0] < now - PACE_WINDOW_S:
            self.times.popleft()

    def per_second(self, now: float) -> float | None:
        """Inputs a second, or None while too few have been finished, or for too short a time, to say."""
        count = len(self.times)
        if count < ETA_MIN_ARTICLES or self.first is None or now - self.first < ETA_MIN_SECONDS:
            return None
        since = now - self.times[0]
        return (count - 1) / since if since > 0 else None


def _of_total(summary: Summary, total: int | None, per_second: float | None) -> str:
    """The bar's count of articles: "12 articles" for a stream, "12/30 articles, about 40 s left" when the number
    of inputs is known (inputs.Census; newuser30 #9). The inputs handled (articles, errors, files skipped, those an
    earlier run finished) against the inputs; the time left from this run's pace (`Pace`), once it is steady. What
    an earlier run finished is said (newuser46b #1: a resumed run counted from zero)."""
    earlier = f" ({summary.resumed:,} done earlier)" if summary.resumed else ""
    if total is None:
        return f"{summary.articles:,} articles{earlier}"
    handled = (summary.articles + summary.failed + summary.skipped + summary.unavailable + summary.resumed
               + summary.repeated)
    left = f", about {_duration((total - handled) / per_second)} left" if per_second and total > handled else ""
    return f"{min(handled, total):,}/{total:,} articles{earlier}{left}"


def _duration(seconds: float) -> str:
    """"40 s", "3 min", "2 h 5 min": a time left, as close as a pace can say."""
    if seconds < 90:
        return f"{max(seconds, 1):.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds // 3600:.0f} h {seconds % 3600 / 60:.0f} min"


def _progress_bars(stats: dict[Any, Callable[[], str] | None]) -> Any:
    """rich bars on stderr: what, a bar, done/total (or, for a stream, what its stats say), time left or taken.
    Printed tables go above the bars when stdout is the same terminal; --json output on a pipe is left alone."""
    from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
    from rich.progress import TimeRemainingColumn
    from rich.text import Text

    class Counts(ProgressColumn):
        def render(self, task: Task) -> Text:
            said = stats.get(task.id)
            counted = "" if task.total is None else f"{task.completed:,.0f}/{task.total:,.0f}"
            return Text("  ".join(part for part in (counted, said() if said else "") if part))

    class Time(ProgressColumn):
        remaining, elapsed = TimeRemainingColumn(), TimeElapsedColumn()

        def render(self, task: Task) -> Text:
            return (self.elapsed if task.total is None else self.remaining).render(task)

    return Progress(TextColumn("{task.description}"), BarColumn(bar_width=24), Counts(), Time(),
                    console=_stderr_console(), transient=True, redirect_stdout=sys.stdout.isatty())


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
        except (click.exceptions.Abort, KeyboardInterrupt) as exc:
            click.echo("interrupted", err=True)
            raise click.exceptions.Exit(_interrupted(exc)) from None
        except BrokenPipeError:
            _silence_stdout()
            raise click.exceptions.Exit(EXIT_BROKEN_PIPE) from None
        except Exception as exc:  # noqa: BLE001 - the last line of defence for users
            from resolver.errors import disk_full
            from resolver.redact import said

            if disk_full(exc):
                click.echo(said(_disk_full_line(ctx, exc)), err=True)
                raise click.exceptions.Exit(EXIT_DISK_FULL) from None

            if os.environ.get("EMBED_RESOLVER_DEBUG"):
                import traceback

                # the traceback, which a user pastes into a bug report, quotes the exception's text too (secrets30)
                click.echo(said("".join(traceback.format_exception(exc))).rstrip("\n"), err=True)
                raise click.exceptions.Exit(EXIT_FAILED) from None
            # said: its text may quote what it was working on, a URL carrying a configured secret (#11)
            click.echo(said(f"error: internal error: {type(exc).__name__}: {exc} (set EMBED_RESOLVER_DEBUG=1 to "
                            "see where)"), err=True)
            raise click.exceptions.Exit(EXIT_FAILED) from None


def _disk_full_line(ctx: click.Context, exc: Exception) -> str:
    """What filled up and what to do (newuser39b #1: "internal error: OperationalError: database or disk is full",
    exit 1). The output file's error names it; SQLite's names no file: it is the cache's."""
    from cache import CacheFull
    from resolver.errors import DiskFull

    if isinstance(exc, (DiskFull, CacheFull)):
        what = str(exc)
    elif isinstance(exc, OSError) and exc.filename is not None:
        what = f"cannot write {exc.filename}: {exc.strerror or exc}"
    else:
        db = (ctx.obj or {}).get("store_path")
        what = (f"cannot write the cache {db}: " if db else "cannot write the cache: ") + (
            "the disk holding it is full (or a size limit was reached)" if not isinstance(exc, OSError)
            else str(exc.strerror or exc))
    return (f"error: {what}; the run stopped here, and what it finished is kept: free some space (or choose "
            "another --db or --output on a disk that has it), then run the same command again to go on from there")


class Terminated(KeyboardInterrupt):
    """SIGTERM, taken as a Ctrl-C (`stop_on_sigterm`): the same clean stop, exit 143."""


def _on_sigterm(number: int, frame: Any) -> None:
    raise Terminated()


def help_width() -> int | None:
    """The width click gives a help or usage text, found as click's formatter finds it (the terminal's columns from
    `shutil.get_terminal_size`: $COLUMNS if a positive number, else stdout's terminal, else 80; at most 80, less 2,
    at least 50), without importing shutil, which click imports for it and which imports bz2, lzma, fnmatch and
    zlib: 3.7% of `--help`'s instructions (perf42, #14). None where click forces a width (its CliRunner)."""
    from click import formatting

    if formatting.FORCED_WIDTH is not None:
        return None
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return max(min(columns, 80) - 2, 50)


def stop_on_sigterm() -> None:
    """The command's process stops on SIGTERM as on Ctrl-C: what was finished kept, `interrupted: …` said, exit 143
    (newuser39b #5: it died as if crashed, exit 143 from the signal, nothing said). Not where SIGTERM is ignored."""
    import signal

    if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _on_sigterm)


def _interrupted(exc: BaseException | None = None) -> int:
    """The exit code of a run stopped by Ctrl-C (130) or by SIGTERM (143), also when --engine dask's client passed
    it on to its shards (cluster.ShardsStopped `by`: it exited 130 on SIGTERM, review40b)."""
    exc = getattr(exc, "by", None) or exc
    return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED


def _say(exc: click.ClickException) -> int:
    """One error line in the house style, `error: ...` (a usage error after its usage line); returns the exit code.
    A mistyped option is offered only the options close to it: click offers all it finds at all alike (`--ofline`:
    "one of: '--engine', '--offline'", newuser37b #10)."""
    if isinstance(exc, click.NoSuchOption) and exc.possibilities:
        exc = click.NoSuchOption(exc.option_name, possibilities=_close(exc.option_name, exc.possibilities),
                                 ctx=exc.ctx)
    if isinstance(exc, click.UsageError) and exc.ctx is not None:
        click.echo(exc.ctx.get_usage(), err=True)
        click.echo(f"Try '{exc.ctx.command_path} {exc.ctx.help_option_names[0]}' for help.", err=True)
    click.echo(f"error: {exc.format_message()}", err=True)
    return exc.exit_code


def _close(typed: str, options: Sequence[str]) -> list[str]:
    """The options close to `typed` (a letter left out, swapped or doubled), the closest first; all of them when
    none is that close."""
    import difflib

    close = difflib.get_close_matches(typed, options, n=len(options), cutoff=0.8)
    return close or list(options)


def _silence_stdout() -> None:
    """The reader went away: send what is still buffered nowhere, so Python's exit does not complain on stderr."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):   # no real file descriptor (an in-process runner)
        pass


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="embed-resolver")
@click.option("--config", type=AN_EXISTING_FILE, envvar="EMBED_RESOLVER_CONFIG",
              help="TOML configuration file. Default: $EMBED_RESOLVER_CONFIG, else the user config directory.")
@click.option("--db", type=A_FILE, envvar="EMBED_RESOLVER_DB", callback=_db_in_a_folder,
              help="SQLite cache file. Default: $EMBED_RESOLVER_DB, else the user cache directory.")
@click.option("--replay", "replay", multiple=True, type=AN_EXISTING_FILE,
              help="Answer every request from these WARC files instead of the network (repeatable); a cached "
                   "answer counts only if replayed from them (never a live one), its age measured from their "
                   "records' time (with --offline, whatever its age).")
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

    \b
    Exit codes (every command; one "error:" line on stderr for each failure,
    and the other inputs are still done):
      0    done
      1    an input could not be used, or a step failed (a link, a fetch, an
           archive lookup, an image)
      2    a usage error
      3    something was not in the cache (--offline)
      4    report --fail-on: a check at that level
      5    resolve, scan --resolve --fail-on-gone: a link ended at a page that
           is gone (404, 410)
      7    the disk holding the cache or the --output file is full: free some
           space, then run the same command again to go on
      130  interrupted: run the same command again to go on
      141  stdout was closed early (`scan ... | head`): stopped quietly
      143  stopped by SIGTERM, as by Ctrl-C: run the same command again to go on
    """
    ctx.obj = {"config": config, "db": db, "replay": None}
    if replay:
        from resolver.warc import ReplayIndex

        try:
            ctx.obj["replay"] = ReplayIndex(replay)
        except Exception as exc:  # noqa: BLE001 - warcio raises several kinds for a file that is not a WARC
            raise click.ClickException(f"cannot replay {', '.join(map(str, replay))}: {exc}") from None


@cli.command()
@click.argument("sources", nargs=-1, callback=_pasted_names)
@click.option("--format", "kind", type=click.Choice(["auto", "html", "text"]), default="auto", show_default=True,
              help="Read the input as HTML or plain text. 'auto' sniffs the content, not the file name.")
@encoding_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per article (JSON Lines for several).")
@click.option("-o", "--output", type=A_FILE_OR_DASH, callback=_output_or_stdout,
              help="Write the results (tables or --json) to this file instead of stdout (\"-\": stdout). The run "
                   "owns it: the same command run again after Ctrl-C or a kill cuts it back to what was finished and "
                   "goes on, so it holds each article once, in input order (stdout may repeat the lines of a kill's "
                   "chunk).")
@db_option
@click.option("--no-store", is_flag=True, help="Do not record anything in the cache (and so no resume).")
@click.option("--resolve", "do_resolve", is_flag=True,
              help="Also resolve every link the embeds carry (t.co, pic.twitter.com...) and record where each leads.")
@click.option("--fetch", "do_fetch", is_flag=True,
              help="Also fetch every post the embeds name (implies --resolve for their links) and analyse its media, "
                   "and download each credited image to hold its IPTC/EXIF/XMP credit against the page's, as "
                   "report does (a credit that disagrees is flagged).")
@click.option("--archive", "do_archive", is_flag=True,
              help="Also look up (and with --save, make) archived copies of every post and media URL; implies --fetch.")
@click.option("--save", is_flag=True, help="With --archive: Save Page Now what has no good capture newer than "
                                           "--max-age (never a URL carrying a secret).")
@click.option("--max-age", type=click.FloatRange(min=0), default=30, show_default=True,
              help="With --save: days within which an existing capture counts as recent.")
@click.option("--warc", "warc_file", type=A_FILE, callback=_output_in_a_folder,
              help="The WARC file to append every response of --resolve, --fetch, --identify or --archive to (with "
                   "--archive, default: archive.warc.gz by the database).")
@click.option("--identify", is_flag=True,
              help="Find the post id of flattened tweets that kept no link, from archived captures and the text "
                   "(--fetch and --archive do it too).")
@click.option("--offline", is_flag=True,
              help="Answer from the cache only, whatever its age; nothing leaves the machine (exit 3 if missing).")
@click.option("--refresh", is_flag=True, help="Ignore cached answers and ask again (not with --offline).")
@click.option("--fail-on-gone", is_flag=True,
              help="With --resolve (--fetch, --archive): exit 5 when a link an embed carries ends at a page that is "
                   "gone (404, 410), which is otherwise an answer (exit 0).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run here, or as shards over a dask.distributed cluster (needs embed-resolver[dask]).")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the scheduler, e.g. tcp://10.0.0.5:8786. Inputs and --db must be on a "
                   "file system every worker sees.")
@click.option("--shards", type=click.IntRange(min=1),
              help="With --engine dask: shards to cut the input into (default: the cluster's worker threads).")
@click.option("--summary-json", type=A_FILE, callback=_output_in_a_folder,
              help="Also write the run's summary as one JSON object to this file: this run's counts (files, "
                   "articles, embeds, links by outcome, posts by status...) and, after a resume, the whole job's.")
@corpus_options
@network_options
@click.pass_context
def scan(ctx: click.Context, sources: tuple[str, ...], kind: str, encoding: str | None, as_json: bool,
         output: Path | None, no_store: bool, do_resolve: bool, do_fetch: bool, do_archive: bool, save: bool,
         max_age: float, warc_file: Path | None, identify: bool, offline: bool, refresh: bool, fail_on_gone: bool,
         engine: str, scheduler: str | None, shards: int | None, summary_json: Path | None, **options: Any) -> None:
    """Find the embedded posts and photo credits in SOURCES.

    SOURCE is a file, a directory (every file in it, recursively; a folder reached twice through links is read
    once), an article URL (http:// or https://, fetched through the guarded client and logged), or - for stdin;
    --jsonl and --warc-input add JSON Lines and WARC/ARC files, all streamed. Each article is recorded in the
    cache by its sha256, so scanning the same bytes again adds nothing. One article that fails does not stop the
    others: it gets one error line and a row in the cache's errors table, and the exit code is 1. An interrupted
    run (Ctrl-C, a crash), run again with the same arguments, skips what it had finished without reading it
    (with --json, append the new output: >>; or give -o FILE, which the re-run cuts back to what was finished and
    goes on: after a kill -9 stdout may repeat up to a chunk of lines, FILE never does).

    \b
    Examples:
      embed-resolver scan examples/article.html
      embed-resolver scan https://news.example/2024/story.html
      embed-resolver scan --json --format text scraped.txt
      embed-resolver scan --db run.db --glob '*.html' corpus/
      embed-resolver scan --jsonl articles.jsonl.gz --html-field body --url-field link
      embed-resolver scan --warc-input CC-NEWS-20240101.warc.gz --db news.db
      embed-resolver scan --json -o found.jsonl --db run.db corpus/   the same again after a kill goes on
      embed-resolver scan --shard 3/8 --db shard-3.db corpus/      one machine's eighth of the corpus
      embed-resolver scan --engine dask --scheduler tcp://10.0.0.5:8786 --db /shared/corpus.db /shared/corpus/
      embed-resolver scan --resolve --json story.html
      embed-resolver scan --fetch story.html      resolve, fetch the posts, analyse their media
      embed-resolver scan --archive --save story.html
      embed-resolver scan --identify scraped.txt  find ids of flattened tweets that kept no link
      embed-resolver scan --fetch --offline story.html   only what the cache knows; nothing leaves the machine

    Exit codes: 0 done; 1 an input could not be read or a step failed for an article (one "error:" line each, the
    other articles still done); 2 usage; 3 not in the cache (--offline); 5 a link ended at a page that is gone, with
    --fail-on-gone (1 and 3 win over it); 130 interrupted (Ctrl-C); 143 stopped by SIGTERM, as by Ctrl-C. A run
    started in the background of a script ignores SIGINT (sh starts it so, and the run keeps it, as nohup's): stop it
    with kill -TERM (exit 143).
    """
    from resolver import pipeline
    from resolver.options import ArchiveOptions
    from resolver.output import OutputFile

    mode = _mode(offline=offline, refresh=refresh)
    if save and not do_archive:   # before, `scan --save` exited 0 having saved nothing (#11)
        raise click.UsageError("--save goes with --archive")
    if warc_file and not (do_resolve or do_fetch or identify or do_archive):
        # every step that asks the network writes its answers to --warc, not --archive's alone: the facts a
        # `scan --resolve --fetch` fetched were cited with no WARC record (newuser33 #6)
        raise click.UsageError("--warc goes with --resolve, --fetch, --identify or --archive")
    if fail_on_gone and not (do_resolve or do_fetch or do_archive):   # no link is followed: none could be gone
        raise click.UsageError("--fail-on-gone goes with --resolve, --fetch or --archive")
    spec = _input_spec(sources, options)
    if output is not None:
        spec = _without_output(spec, output)
    if summary_json is not None:   # written over at the end: never an input, the -o file, the cache or the WARC
        spec = _without_output(spec, summary_json, what="the --summary-json file")
        database = _settings(ctx, sends=False).database()
        _not_the_same(summary_json, "--summary-json", {"-o": output, "--warc": warc_file, "--db": database, **{
            f"--db's {end} file": database.with_name(database.name + end) for end in ("-wal", "-shm", "-journal")}})
        _can_write(summary_json, "--summary-json")
    stdin = _stdin(spec.files, spec.jsonl)
    steps = pipeline.Steps(resolve=do_resolve, fetch=do_fetch, identify=identify,
                           archive=ArchiveOptions(save=save, max_age_days=max_age) if do_archive else None)
    kind_given = None if kind == "auto" else kind
    if engine == "dask":
        if no_store or warc_file or output:
            raise click.UsageError("--engine dask records into --db (no --no-store) and writes one WARC per shard "
                                   "(no --warc) and one line per shard (no --output: export the articles from --db)")
        summary = _scan_on_dask(ctx, spec, steps, mode, scheduler=scheduler, shards=shards, options=options,
                                kind=kind_given, encoding=encoding, as_json=as_json)
        if summary_json is not None:
            _write_summary_json(summary_json, summary, None)
    else:
        if scheduler or shards:
            raise click.UsageError("--scheduler and --shards go with --engine dask")
        settings = _settings(ctx, **_network_overrides(options))
        store = None if no_store else _open_store(settings)
        warc = _open_warc(settings, warc_file) if do_archive or warc_file else None
        if warc is not None:   # appended to as it is read, its own records would come back as articles
            spec = _without_output(spec, warc.path, what="the WARC this run writes (--warc)")
            if summary_json is not None:   # the WARC [archive] or the cache's folder names
                _not_the_same(summary_json, "--summary-json", {"the WARC this run writes": warc.path})
        session = _session(settings, store=store, mode=mode, warc=warc, quiet=options["quiet"])
        out = OutputFile(output, form="json" if as_json else "table") if output is not None else None
        summary = _run_corpus(ctx, spec, session=session, steps=steps, command="scan", options=options,
                              kind=kind_given, encoding=encoding, stdin=stdin, output=out, json_lines=as_json,
                              emit=lambda outcome: _emit(outcome, as_json=as_json, output=out),
                              summary_json=summary_json)
    _exit_for(ctx, failed=_run_failed(summary) + bool(ctx.meta.get(SUMMARY_UNWRITTEN)), unavailable=summary.unavailable)
    if fail_on_gone and summary.links_gone:   # a cron job's signal that a link died, as resolve's (resolution37)
        ctx.exit(EXIT_GONE)


def _scan_on_dask(ctx: click.Context, spec: InputSpec, steps: Steps, mode: Mode, *, scheduler: str | None,
                  shards: int | None, options: dict[str, Any], kind: str | None, encoding: str | None,
                  as_json: bool) -> Summary:
    """scan --engine dask: one task per shard on the cluster, each into its own database, then merged into --db.
    Prints one line (or JSON object) per shard as it finishes, then the summary line."""
    import json
    import time
    import uuid
    from dataclasses import replace
    from pathlib import Path

    from resolver import cluster, pipeline
    from resolver.inputs import Shard
    from resolver.redact import Redactor

    if scheduler is None:
        raise click.UsageError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
    if spec.shard is not None or "-" in spec.files or "-" in spec.jsonl:
        raise click.UsageError("with --engine dask the engine cuts the shards, and stdin cannot be shared: "
                               "no --shard, no -")
    overrides = _network_overrides(options)
    settings = _settings(ctx, **overrides)
    out = settings.database().resolve()

    def absolute(names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(n if "://" in n else os.path.realpath(n) for n in names)   # a link loop is said later
    spec = replace(spec, files=absolute(spec.files), jsonl=absolute(spec.jsonl), warc=absolute(spec.warc))
    with user_errors():
        ctx.with_resource(cluster.one_run(out))   # before anything is asked of the cluster
        client = cluster.connect(scheduler)
    ctx.call_on_close(client.close)
    count = shards or cluster.worker_threads(client)
    job = _job_name("scan", steps, mode, spec, kind=kind, encoding=encoding, redactor=Redactor.for_settings(settings))
    config = (ctx.find_root().obj or {}).get("config") or settings.config_path
    stop = f"embed-resolver-stop-{uuid.uuid4().hex}"   # this run's: Ctrl-C sets it, its shards poll it
    jobs = [cluster.ShardJob(spec, Shard(k, count), cluster.shard_db(out, Shard(k, count)), steps, mode,
                             config=Path(config).resolve() if config else None, overrides=overrides, kind=kind,
                             encoding=encoding, job=job, seed=out, stop=stop,
                             warc=cluster.shard_db(out, Shard(k, count)).with_suffix(".warc.gz")
                             if steps.archive is not None else None)
            for k in range(1, count + 1)]
    quiet = options.pop("quiet")
    _take_over(ctx, out, count, quiet=quiet)
    if not quiet:
        click.echo(f"{count} shards on {scheduler}; each with 1/{count} of the network limits", err=True)
    for unused in ("workers", "no_resume"):
        options.pop(unused)
    if options.pop("verbose"):
        jobs = [replace(job, verbose=True) for job in jobs]
    summary = pipeline.Summary()
    started = time.monotonic()
    fields = _FieldsRead(spec)

    def add(found: dict[str, Any]) -> None:
        summary.add(found)
        # Each input that failed, as a local run says it (#13: these lines went to the workers' stderr).
        for line in found.pop("errors"):
            click.echo(line, err=True)
        more = found.pop("errors_not_shown")
        if more:
            db = found["db"] if found["stopped"] else out   # a shard stopped is merged by the next run
            click.echo(f"error: and {more:,} more errors in shard {found['shard']}, not shown: all are in the "
                       f"errors table of {db} (embed-resolver --db {db} cache export errors)", err=True)
        for line in found.pop("skipped_lines"):
            click.echo(line, err=True)
        if more := found.pop("skipped_not_shown"):
            click.echo(f"warning: and {more:,} more inputs skipped in shard {found['shard']}, not shown (the last "
                       f"line counts them all)", err=True)
        for line in found.pop("left_out_lines"):   # -v: said nowhere (#13)
            click.echo(line, err=True)
        if more := found.pop("left_out_not_shown"):
            click.echo(f"left out: and {more:,} more WARC records in shard {found['shard']}, not shown (the last "
                       f"line counts them all)", err=True)
        fields.add(found.pop("found"), found.pop("unread"))

    def on_shard(found: dict[str, Any]) -> None:
        add(found)
        if as_json or not quiet:
            click.echo(json.dumps(found) if as_json else f"shard {found['shard']}: {found['articles']:,} articles, "
                       f"{found['embeds']:,} embeds into {found['db']}", err=not as_json)
    try:
        with user_errors():
            cluster.run_on_cluster(client, jobs, out=out, on_shard=on_shard)
    except KeyboardInterrupt as exc:
        came = exc.summaries if isinstance(exc, cluster.ShardsStopped) else []
        for found in came:
            add(found)
        stopped = sum(found["stopped"] for found in came)
        late = exc.unanswered if isinstance(exc, cluster.ShardsStopped) else 0
        click.echo(f"interrupted: {_summary_line('scan', summary, time.monotonic() - started)}; "
                   f"{_stopped_line(stopped, late)}, with what they finished, in their databases next to {out}; "
                   f"run the same command again to go on from there and merge them", err=True)
        ctx.exit(_interrupted(exc))
    _say_fields_never_found(spec, fields.found, read=summary.articles)
    _say_fields_not_read(spec, fields.unread())
    if not quiet:
        click.echo(_summary_line("scan", summary, time.monotonic() - started) + f"; merged into {out}", err=True)
    return summary


class _FieldsRead:
    """The JSON Lines fields the shards read, or could not: the local run's warnings, from every shard's counts;
    the first record named is the first in the input, whichever shard read it."""

    def __init__(self, spec: InputSpec) -> None:
        self.spec = spec
        self.found = {"url": 0, "id": 0}
        self.firsts: dict[str, tuple[int, str, str]] = {}

    def add(self, found: dict[str, int], unread: dict[str, tuple[int, str, str]]) -> None:
        from resolver.inputs import reading_order

        for key, n in found.items():
            self.found[key] += n
        for key, (count, source, what) in unread.items():
            had = self.firsts.get(key)
            if had is not None and reading_order(self.spec, had[1]) < reading_order(self.spec, source):
                source, what = had[1], had[2]
            self.firsts[key] = (count + (had[0] if had else 0), source, what)

    def unread(self) -> dict[str, tuple[int, str]]:
        return {key: (count, f"{source}, {what}") for key, (count, source, what) in self.firsts.items()}


def _take_over(ctx: click.Context, out: Path, count: int, *, quiet: bool) -> None:
    """The shard databases an interrupted run of another --shards left, merged into --db before the new shards
    start from it: their articles were done again, and their rows reached --db only by a `cache merge` (#13)."""
    from resolver import cluster

    def waiting(db: Path) -> None:
        click.echo(f"waiting for {db}: a shard of an earlier run still runs on the cluster (its client was "
                   f"stopped or killed); it is merged into {out} once that shard ends", err=True)
    try:
        with user_errors():
            merged = cluster.take_over(out, count, waiting=waiting)
    except KeyboardInterrupt as exc:
        click.echo(f"interrupted before any shard started: run the same command again to go on (what the earlier "
                   f"run left next to {out} is merged then, or was already: nothing is added twice)", err=True)
        ctx.exit(_interrupted(exc))
    if merged and not quiet:
        click.echo(f"merged {len(merged)} shard database{'s' * (len(merged) != 1)} left by an earlier run into "
                   f"{out}; the articles they finished are not done again", err=True)


def _stopped_line(stopped: int, late: int) -> str:
    """What Ctrl-C did to the shards running on the cluster (#13: it said they went on, as they did)."""
    said = f"stopped {stopped} shard{'s' * (stopped != 1)} running on the cluster"
    if late:
        said += f" ({late} more had not answered yet: they stop at their next article)"
    return said


def _job_name(command: str, steps: Steps, mode: Mode, spec: InputSpec, *, kind: str | None,
              encoding: str | None, redactor: Redactor, output: OutputFile | None = None) -> str:
    """What finished items are recorded under: the same arguments give the same name (so a re-run resumes);
    others (more steps, offline, another format, other inputs, another output file) do their own work. The inputs
    are hashed redacted (`redactor`: the run's): an article URL carrying a secret made the name a digest of it, kept
    in every progress row, against which a guessed token could be checked (secrets28)."""
    import hashlib
    import json
    from pathlib import Path

    def absolute(names: tuple[str, ...]) -> list[str]:
        # os.path.realpath, as Path.resolve() is made, less its RuntimeError for a link loop (newuser46b #7)
        return [n if n == "-" or "://" in n else os.path.realpath(n) for n in names]
    inputs = json.dumps([absolute(spec.files), absolute(spec.jsonl), absolute(spec.warc), list(spec.globs),
                         repr(spec.fields), str(spec.shard)])
    parts = [command, steps.describe()]
    parts += [f for f, on in (("offline", mode.offline), ("refresh", mode.refresh)) if on]
    parts += [f"{name}={value}" for name, value in (("format", kind), ("encoding", encoding)) if value]
    parts += [output.describe()] if output is not None else []
    return ":".join(parts + ["inputs=" + hashlib.sha256(redactor.text(inputs).encode()).hexdigest()[:16]])


def _run_corpus(ctx: click.Context, spec: InputSpec, *, session: Session, steps: Steps, command: str,
                options: dict[str, Any], emit: Callable[[Outcome], None], kind: str | None = None,
                encoding: str | None = None, stdin: IO[bytes] | None = None, progress: bool = True,
                output: OutputFile | None = None, json_lines: bool = False,
                summary_json: Path | None = None) -> Summary:
    """Run the pipeline over a corpus: one progress bar (unless -q, or `progress` is off), a line per article with
    -v, a summary line at the end, and Ctrl-C stopping cleanly (exit 130) with what was finished kept for the next
    run. `output`: the file the run owns, which `emit` writes to (opened here, where the run left it).
    `json_lines`: `emit` prints each article as `resolver.output.json_line` makes it (an article the cache answers
    may then be answered by its memo, #13). `summary_json`: a file the summary is written to as JSON (scan)."""
    import time
    import uuid

    from resolver.lazy import imports_settled

    with imports_settled():   # the pipeline and its extractors: most of a one-file scan's imports (perf48a, #14)
        from resolver import pipeline
        from resolver.inputs import Census, StdinLines
        from resolver.workers import default_workers

    lines = StdinLines(stdin) if stdin is not None else None   # read by a thread: a run never waits on half a line
    quiet, verbose = options.pop("quiet") or not progress, options.pop("verbose")
    session.each_wait = verbose
    store = session.store
    resumable = store is not None and not store.read_only   # resume writes what it finished
    job = _job_name(command, steps, session.mode, spec, kind=kind, encoding=encoding, redactor=session.redactor,
                    output=output)
    run = uuid.uuid4().hex if resumable else None   # this run's rows: a closed stdout forgets those (see below)
    # stdin is read again from its start: a file holding what an earlier run read from it would repeat it
    resume = not options.pop("no_resume") and not (output is not None and stdin is not None)
    run_options = pipeline.RunOptions(workers=options.pop("workers") or default_workers(), kind=kind,
                                      encoding=encoding, job=job if resumable else None, resume=resume, output=output,
                                      stdin=lines, texts=command == "report",   # a report quotes the pages
                                      json_lines=json_lines, run=run)
    if output is not None:
        _check_output_in_folder(output, spec, recorded=store.output_length(job) if resumable and store is not None
                                else None)
        with user_errors():
            output.open(store=store, job=run_options.job, resume=resume)
        ctx.call_on_close(output.close)
    summary = pipeline.Summary()
    started = time.monotonic()
    census, pace = Census(), Pace()

    def stats() -> str:
        # Articles as the summary line counts them: an input that failed is an error, not an article; a file that
        # is none (binary, empty) is skipped, not an error (#11: the bar counted it as one). Errors as the exit code
        # counts them: the inputs that failed and the articles a step failed for (newuser28b #4: the bar said
        # "0 errors" while a step's error lines scrolled above it).
        seconds, done = time.monotonic() - started, summary.articles
        skipped = f"  {summary.skipped:,} skipped" if summary.skipped else ""
        queued = f", {session.requests_queued:,} queued" if session.requests_queued else ""
        return (f"{_of_total(summary, census.total, pace.per_second(seconds))}  "
                f"{done / seconds if seconds > 0 else 0:.1f}/s  "
                f"{summary.embeds:,} embeds  {session.requests_in_flight} requests in flight{queued}  "
                f"{_run_failed(summary):,} errors{skipped}")
    advance = (lambda: None) if quiet else session.reporter.progress(_DOING.get(command, command), None, stats=stats)

    found = {"url": 0, "id": 0}   # articles whose record gave the field named with --url-field / --id-field
    unread: dict[str, tuple[int, str]] = {}   # records whose URL or id field was not read: count, the first's

    def on_outcome(outcome: Outcome) -> None:
        pace.mark(time.monotonic() - started)
        advance()
        emit(outcome)
        if verbose:
            _say_article(outcome)
        found["url"] += getattr(outcome, "url", None) is not None
        found["id"] += getattr(outcome, "record_id", None) is not None
        if isinstance(outcome, pipeline.ArticleResult):
            for key, what in outcome.unread:
                count, first = unread.get(key, (0, f"{outcome.article.source}, {what}"))
                unread[key] = (count + 1, first)

    def passed_over(source: str, url: str, kind: str, why: str) -> None:
        if verbose:
            click.echo(pipeline.left_out_line(source, url, why, redactor=session.redactor), err=True)
    items = pipeline.items_of(spec, session=session, options=run_options, summary=summary, stdin=lines,
                              passed_over=passed_over, census=census)
    try:
        with user_errors():
            pipeline.run(items, session=session, steps=steps, emit=on_outcome, options=run_options, summary=summary)
    except KeyboardInterrupt as exc:
        session.reporter.close()
        summary.links_asked_again = len(session.links_asked_again)
        click.echo(f"interrupted: {_summary_line(command, summary, time.monotonic() - started)}; "
                   f"run the same command again to go on from there", err=True)
        if summary_json is not None:
            _write_summary_json(summary_json, summary, None, seconds=time.monotonic() - started, interrupted=True)
        ctx.exit(_interrupted(exc))
    except BrokenPipeError:
        # stdout was closed (`scan … | head`): the lines written into the pipe were read by no one, so what this run
        # finished is not done; the next run prints it (what an interrupted run before it, or a concurrent run of
        # the same job, finished is still skipped: only this run's rows are forgotten).
        if store is not None and run is not None and output is None:
            store.forget_progress(job, run=run)
        raise
    session.reporter.close()
    _say_fields_never_found(spec, found, read=summary.articles)
    _say_fields_not_read(spec, unread)
    if store is not None and store.encodings_not_recorded:
        _say_encoding_not_recorded(store, encoding, redact=session.redactor.text)
    job_totals = None
    summary.links_asked_again = len(session.links_asked_again)
    if store is not None and run_options.job is not None:
        if output is not None and output.met is not None:
            with user_errors(), store.write():   # a feed cut short, a file deleted: their lines go too
                output.take_out(pipeline.sources_gone(store, run_options.job, output.met))
        if summary.resumed:   # what the earlier, interrupted runs finished too, before it is forgotten (newuser46b #4)
            job_totals = store.job_totals(run_options.job)
        store.forget_progress(run_options.job)   # done: the same command, run again, starts afresh
    handled = (summary.articles + summary.failed + summary.skipped + summary.unavailable + summary.resumed
               + summary.repeated + sum(summary.left_out.values()) + sum(summary.own_files.values()))
    seconds = time.monotonic() - started
    if not quiet and handled > 1:
        click.echo(("this run: " if job_totals else "") + _summary_line(command, summary, seconds), err=True)
        for line in _steps_lines(summary):
            click.echo(line, err=True)
        if job_totals:
            files = not (summary.not_files or spec.jsonl or spec.warc
                         or any(name == "-" or "://" in name for name in spec.files))
            click.echo(_job_line(job_totals, what="file" if files else "input"), err=True)
    if summary_json is not None:
        _write_summary_json(summary_json, summary, job_totals, seconds=seconds)
    if command != "report":   # report says it its own way, once it knows no earlier run wrote a report either
        _say_if_no_article(spec, summary, json_line=_json_line_to(output) if json_lines else None)
    return summary


def _say_encoding_not_recorded(store: Store, encoding: str | None, *, redact: Callable[[str], str]) -> None:
    """A read-only cache serves articles read in the encoding given, and cannot record it: said, as the output says
    "given by the user" and a later run without --encoding reads them as the cache holds them (review27a #4)."""
    count, first = len(store.encodings_not_recorded), redact(store.encodings_not_recorded[0])
    which = f"1 article ({first}); a later run without --encoding reads it" if count == 1 else \
        f"{count:,} articles (first: {first}); a later run without --encoding reads them"
    click.echo(f"warning: cache {store.path} is read-only: the encoding given (--encoding {encoding}) was not "
               f"recorded for {which} as the cache holds {'it' if count == 1 else 'them'}", err=True)


def _json_line_to(output: OutputFile | None) -> Callable[[str], None]:
    """Write one JSON line where a run's articles' lines go: its output file (written at once), else stdout."""
    if output is None:
        return click.echo

    def write(line: str) -> None:
        output.add(line + "\n")
        output.commit()
    return write


def _say_if_no_article(spec: InputSpec, summary: Summary, *, json_line: Callable[[str], None] | None = None) -> None:
    """A run that found no article at all (an empty folder, one of only binary files) is an error, counted as an
    input that failed, as it is for `report`: most likely a mistyped path or a disk not mounted (before, `scan`
    printed nothing and exited 0). A shard's slice may hold none while the others do: a warning."""
    if summary.articles or summary.failed or summary.unavailable or summary.resumed or summary.repeated:
        return
    targets = spec.files + spec.jsonl + spec.warc
    if spec.shard is not None:
        click.echo(f"warning: no article in {', '.join(targets)} for shard {spec.shard}", err=True)
        return
    _say_no_article(targets, skipped=summary.skipped, left=sum(summary.left_out.values()),
                    unmatched=summary.unmatched, own=summary.own_files, json_line=json_line)
    summary.failed += 1   # an input that gave nothing: exit 1, and `archive`'s URLs are still archived


def _say_no_article(targets: Sequence[str], *, skipped: int, left: int = 0, unmatched: int = 0,
                    own: dict[str, int] | None = None, json_line: Callable[[str], None] | None = None) -> None:
    """`error: no article in FOLDER (N files skipped)`, `error: no article from FILE (skipped)`: the line of a run
    whose targets held no article; a file's skip is said on the line above (newuser34b #5: "no article in
    empty.html (1 file skipped)", and a folder --glob left whole counted as a file skipped). `json_line`: a JSON
    Lines run's, which says it there too, as a line per target (newuser34b #4: an empty folder had one, a folder of
    only skipped files, an empty file or empty stdin none)."""
    from resolver import pipeline
    from resolver.pipeline import Failure

    folders = [name for name in targets if os.path.isdir(name)]
    parts = ([f"{skipped:,} file{'s' * (skipped != 1)} skipped" if folders else "skipped"] if skipped else [])
    parts += [f"{left:,} WARC record{'s' * (left != 1)} left out"] if left else []
    parts += ["no file matches --glob"] if unmatched else []
    if own and (count := sum(own.values())):   # a WARC of its own may hold articles: said how to read it (review47e)
        from resolver.own_files import WARC, WARC_READ_WHEN_NAMED

        parts += [f"{count:,} file{'s' * (count != 1)} the tool wrote left out"
                  + (f", {own[WARC]:,} WARC{'s' * (own[WARC] != 1)}: {WARC_READ_WHEN_NAMED}" if WARC in own else "")]
    why = ", ".join(parts) or pipeline.NO_ARTICLE_HINT
    said = f"no article {'in' if folders else 'from'} {', '.join(targets)} ({why})"
    click.echo(f"error: {said}", err=True)
    if json_line is None:
        return
    for name in targets:
        message = said if len(targets) == 1 else f"no article {'in' if name in folders else 'from'} {name}"
        json_line(_json_line(Failure(name, message).to_json()))


_DOING = {"scan": "scanning", "report": "reporting", "archive": "archiving"}
_DONE = {"scan": "scanned", "report": "reported on", "archive": "archived"}


def _say_fields_never_found(spec: InputSpec, found: dict[str, int], *, read: int) -> None:
    """A field named with --url-field or --id-field that no record read had (a typo, another export's name): every
    URL null and every outlet "(unknown)" in `stats` said nothing before. Only JSON Lines records have fields."""
    if not spec.jsonl or not read:
        return
    for key, option, what in (("url", "--url-field", "URL"), ("id", "--id-field", "record id")):
        name = getattr(spec.fields, key)
        if name and not found[key]:
            click.echo(f"warning: no record read gave a value in the field {name!r} ({option}): no article's "
                       f"{what} is known", err=True)


def _say_fields_not_read(spec: InputSpec, unread: dict[str, tuple[int, str]]) -> None:
    """Records whose URL field held something other than text, or id field something other than text or a whole
    number (`"url": 5`: before, dropped without a word while `"id": 7` became "7"). Not an error: the article
    was read, only what the field says is not known."""
    for key, option, what, expected in (("url", "--url-field", "URL", "text"),
                                        ("id", "--id-field", "record id", "text or a whole number")):
        if key in unread:
            count, first = unread[key]
            name = getattr(spec.fields, key) or key
            click.echo(f"warning: {count:,} record{'s' * (count != 1)} gave a value other than {expected} in the "
                       f"field {name!r} ({option}): {'their' if count != 1 else 'its'} {what} is not known (the "
                       f"first: {first})", err=True)


def _steps_lines(summary: Summary) -> list[str]:
    """The links followed by how they ended, and the posts looked up by status: lines under the summary line
    (newuser46b #3: it counted articles only, "120 with a step that failed" beside 124 links' error lines)."""
    lines = []
    if summary.links:
        links = summary.links
        total = sum(links.values())
        errors = {kind.removeprefix("error:"): n for kind, n in links.items() if kind.startswith("error:")}
        parts = [f"{n:,} {what}" for n, what in ((links.get("page", 0), "reached a page or a post"),
                                                  (links.get("gone", 0), "gone (404, 410)")) if n]
        if errors:
            kinds = ", ".join(f"{n:,} {kind}" for kind, n in sorted(errors.items(), key=lambda k: (-k[1], k[0])))
            parts.append(f"{sum(errors.values()):,} ended in an error ({kinds})")
        parts += [f"{n:,} {what}" for n, what in (
            (links.get("refused", 0), "refused by [origins] only_configured"),
            (links.get("not_cached", 0), "not in the cache (offline)")) if n]
        said = f"links: {total:,} followed (each link an embed carries, per article): {', '.join(parts)}"
        after = [f"{summary.links_from_cache:,} answered from the cache"] if summary.links_from_cache else []
        if summary.links_asked_again:   # a 5xx or a timeout is asked again by the next run (newuser46b #5)
            many = summary.links_asked_again != 1
            after.append(f"{summary.links_asked_again:,} link{'s' * many} that failed last time (a 5xx, a timeout) "
                         f"asked again")
        lines.append(said + ("; " + ", ".join(after) if after else ""))
    if summary.posts:
        total = sum(summary.posts.values())
        kinds = ", ".join(f"{n:,} {'not in the cache (offline)' if status == 'not_cached' else status.replace('_', ' ')}"
                          for status, n in sorted(summary.posts.items(), key=lambda k: (-k[1], k[0])))
        archived = f"; {summary.posts_archived:,} with an archived copy" if summary.posts_archived else ""
        lines.append(f"posts: {total:,} looked up (each post an embed names, per article): {kinds}{archived}")
    return lines


def _job_line(totals: dict[str, Any], *, what: str = "file") -> str:
    """The whole job's totals, after a resume: this run's and the earlier, interrupted runs' (newuser46b #4).
    `what`: "file", or "input" when records, URLs or stdin were read, as the summary line says (review46i: "files"
    of a feed's records)."""
    inputs, articles = totals["inputs"], totals["articles"]
    said = f"{articles:,} article{'s' * (articles != 1)}"
    if inputs != articles:
        said = f"{inputs:,} {what}s, {said} ({inputs - articles:,} the same bytes as another {what})"
    line = (f"the whole job (this run and the earlier, interrupted ones): {said}: {totals['embeds']:,} embeds, "
            f"{totals['credits']:,} credits")
    if inputs != articles:
        line += (f" ({totals['article_embeds']:,} embeds, {totals['article_credits']:,} credits counting each "
                 "article once)")
    failed = totals["steps_failed"]
    if failed is None:
        line += "; articles with a step that failed: not known for those finished before v87"
    elif failed:
        line += f"; {failed:,} article{'s' * (failed != 1)} with a step that failed"
    for count, what in ((totals["failed"], "failed"), (totals["skipped"], "skipped"),
                        (totals["unavailable"], "unavailable offline")):
        if count:
            line += f"; {count:,} {what}"
    return line


def _summary_object(summary: Summary, job: dict[str, Any] | None, *, seconds: float | None = None,
                 interrupted: bool = False) -> dict[str, Any]:
    """`scan --summary-json`: this run's counts, each named for what it counts, and the whole job's after a resume
    (`whole_job`, else null). "inputs" are the files (records, URLs) read; "articles" the distinct ones (an article
    is its bytes), as the cache counts them."""
    from dataclasses import asdict

    this = asdict(summary)
    this.pop("not_files")
    this["inputs"] = this.pop("articles")
    this["articles"] = summary.articles - summary.same_bytes
    this["article_embeds"] = summary.embeds - this.pop("same_bytes_embeds")
    this["article_credits"] = summary.credits - this.pop("same_bytes_credits")
    this["seconds"] = None if seconds is None else round(seconds, 3)
    return {"this_run": this, "whole_job": job, "interrupted": interrupted}


def _write_summary_json(path: Path, summary: Summary, job: dict[str, Any] | None, *, seconds: float | None = None,
                        interrupted: bool = False) -> None:
    import json

    from resolver.errors import InputError

    try:   # beside it, then renamed over it once whole (review46i: a kill or a full disk left half a file)
        folder = path.absolute().parent
        if not folder.is_dir():   # it was at the start (`_can_write`): never made again, on the disk below a mount
            raise click.ClickException(f"its folder {folder} is gone since the run started: removed, or its disk "
                                       "unmounted" if not folder.exists() else f"{folder} is no longer a folder")
        _write(path, json.dumps(_summary_object(summary, job, seconds=seconds, interrupted=interrupted),
                                indent=2) + "\n")
    except (click.ClickException, InputError) as exc:   # InputError: DiskFull
        click.echo(f"error: cannot write the summary to {path} "
                   f"({exc.message if isinstance(exc, click.ClickException) else exc})", err=True)
        # the run fails (exit 1), its other work kept: it exited 0, a script seeing success and no summary (review47a)
        click.get_current_context().meta[SUMMARY_UNWRITTEN] = True


SUMMARY_UNWRITTEN = "embed-resolver.summary-json-unwritten"


def _articles_read(summary: Summary) -> str:
    """"3 articles"; when inputs gave the same bytes as another (an article is its bytes, recorded once), "3,068
    files, 3,008 articles (60 the same bytes as another file)": the cache, `stats` and `cache export` count the
    articles, the JSON lines the files (newuser46b #2: the two totals differed, and nothing said why)."""
    articles = summary.articles - summary.same_bytes
    said = f"{articles:,} article{'s' * (articles != 1)}"
    if not summary.same_bytes:
        return said
    what = "file" if not summary.not_files else "input"
    return (f"{summary.articles:,} {what}s, {said} ({summary.same_bytes:,} the same bytes as another {what})")


def _summary_line(command: str, summary: Summary, seconds: float) -> str:
    from resolver.prose_links import HOW_TO_FOLLOW

    line = (f"{_DONE.get(command, command)} {_articles_read(summary)} in "
            f"{seconds:.1f} s ({summary.articles / seconds if seconds > 0 else 0:.1f}/s): {summary.embeds:,} "
            f"embed{'s' * (summary.embeds != 1)}, {summary.credits:,} credit{'s' * (summary.credits != 1)}")
    if summary.same_bytes:   # what `cache stats`, `stats` and `cache export` count (newuser46b #2)
        embeds, credits = summary.embeds - summary.same_bytes_embeds, summary.credits - summary.same_bytes_credits
        line += (f" ({embeds:,} embed{'s' * (embeds != 1)}, {credits:,} credit{'s' * (credits != 1)} counting each "
                 "article once, as the cache does)")
    links_failed = sum(n for kind, n in summary.links.items() if kind.startswith("error:"))
    step_failed = f"article{'s' * (summary.steps_failed != 1)} with a step that failed" + (
        f" ({links_failed:,} link{'s' * (links_failed != 1)} ended in an error)" if links_failed else "")
    extras = [(summary.failed, "failed"), (summary.steps_failed, step_failed),
              (summary.skipped, "skipped"),
              (summary.unmatched, f"folder{'s' * (summary.unmatched != 1)} with no file matching --glob"),
              (summary.unavailable, "unavailable offline"),
              (summary.resumed, "finished by an earlier run"), (summary.repeated, "already read by another path"),
              (summary.truncated, "truncated by the crawler (embeds past the cut may be missing)"),
              (summary.changed, f"article{'s' * (summary.changed != 1)} changed since last scanned (the cache "
                                "keeps the older version, counted no more)")]
    if summary.links_not_followed:   # a count of embeds is not every link the articles hold (newuser35c #3)
        many = summary.links_not_followed != 1
        extras.append((summary.links_not_followed, f"t.co link{'s' * many} in the text not followed (in no embed: "
                                                   f"{HOW_TO_FOLLOW})"))
    if summary.credit_language_not_read:   # "0 credits" is not all a page credits (credits37)
        many = summary.credit_language_not_read != 1
        extras.append((summary.credit_language_not_read, f"article{'s' * many} in a language whose credit words are "
                                                         "not read (a credit written in them is not found)"))
    if not_read := sum(summary.not_read.values()):   # no embeds, yet the articles hold them (fixleft46b)
        kinds = ", ".join(f"{service} {n:,}" for service, n in summary.not_read.items())
        closed = f", {summary.closed:,} of them of closed services" if summary.closed else ""
        extras.append((not_read, f"post{'s' * (not_read != 1)} of services not read (not checked: {kinds}){closed}"))
    if own := sum(summary.own_files.values()):   # never read as articles; said, so the count of files adds up
        from resolver import own_files

        extras.append((own, own_files.said(summary.own_files)))
    left_out = sum(summary.left_out.values())
    if left_out:   # the WARC records that are no page: a crawl's 404s and images are not articles, but say so
        kinds = ", ".join(f"{n:,} {kind}" for kind, n in sorted(summary.left_out.items(), key=lambda k: (-k[1], k[0])))
        extras.append((left_out, f"WARC record{'s' * (left_out != 1)} left out ({kinds})"))
    return "; ".join([line] + [f"{n:,} {what}" for n, what in extras if n])


def _say_article(outcome: Outcome) -> None:
    from resolver.pipeline import Failure

    if isinstance(outcome, Failure):
        return   # already said, as an error or a warning
    click.echo(f"{outcome.article.source}: {len(outcome.embeds)} embed{'s' * (len(outcome.embeds) != 1)}, "
               f"{len(outcome.credits)} credit{'s' * (len(outcome.credits) != 1)}"
               + (" (unavailable offline)" if outcome.unavailable else "")
               + (f" (truncated by the crawler: {outcome.truncated})" if outcome.truncated else ""), err=True)


def _run_failed(summary: Summary) -> int:
    """What counts toward exit 1 in a run over articles whose steps' failures are its own (`scan`, `archive`): the
    inputs that failed and the articles a step failed for (newuser28 #4: `archive` counted only its lookups, and
    exited 0 after saying a link had ended in an error)."""
    return summary.failed + summary.steps_failed


def _exit_for(ctx: click.Context, *, failed: int, unavailable: int) -> None:
    """The README's table: 1 when anything failed (it wins: something needs looking at), else 3 when something
    was not in the cache offline, else 0."""
    if failed:
        ctx.exit(EXIT_FAILED)
    if unavailable:
        ctx.exit(EXIT_UNAVAILABLE)


@cli.command()
@click.argument("urls", nargs=-1, required=True, callback=_pasted_names)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per URL (JSON Lines).")
@click.option("--offline", is_flag=True, help="Never touch the network: answer from the cache (exit 3 if not cached).")
@click.option("--refresh", is_flag=True,
              help="Resolve again even when the cache has a fresh answer (not with --offline).")
@click.option("--follow-all", is_flag=True, help="Keep following redirects past a recognised post URL.")
@click.option("--fail-on-gone", is_flag=True,
              help="Exit 5 when a link ends at a page that is gone (404, 410), which is otherwise an answer (exit 0).")
@click.option("--text-links", is_flag=True,
              help="URLS are article files: follow the t.co links in their text that no embed carries (those scan "
                   "counts as not followed).")
@db_option
@network_options
@click.pass_context
def resolve(ctx: click.Context, urls: tuple[str, ...], as_json: bool, offline: bool, refresh: bool,
            follow_all: bool, fail_on_gone: bool, text_links: bool, **network: Any) -> None:
    """Follow each URL's redirects hop by hop and say where it ends and what it is.

    URL needs http:// or https://, unless it is a recognised post form (pic.twitter.com/..., t.co/...,
    twitter.com/...); - reads URLs from stdin, one a line (blank lines and # comment lines are skipped). A name or
    line that is no URL is an error line, and the other URLs are still resolved. Each hop is checked by the SSRF
    guard and recorded in the cache's fetch log; an answer within the cache TTL makes no request.

    \b
    Examples:
      embed-resolver resolve https://t.co/Ab12Cd34Ef
      embed-resolver resolve --json pic.twitter.com/q3uNO4mJHi
      cat links.txt | embed-resolver resolve --offline -
      embed-resolver resolve --text-links story.html   the t.co links in its prose, in no embed

    Exit codes: 0 done; 1 a name that is no URL or a link that ended in an error (one "error:" line each, the other
    URLs still resolved); 2 usage; 3 not in the cache (--offline); 5 a link ended at a page that is gone, with
    --fail-on-gone (1 and 3 win over it); 130 interrupted.
    """
    from resolver import resolve as resolving
    from resolver.article import printable
    from resolver.report import escaped_controls, link_failure
    from resolver.targets import text_link_targets, url_targets

    mode = _mode(offline=offline, refresh=refresh)
    notices: list[str] = []
    links, problems = text_link_targets(urls, note=lambda line: click.echo(escaped_controls(printable(line)), err=True)) \
        if text_links else url_targets(urls, stdin=_stdin(urls), notice=notices.append)
    settings = _settings(ctx, **_network_overrides(network))
    session = _session(settings, store=_open_store(settings), mode=mode)

    def redact(text: str) -> str:   # a secret redacted, a name's bytes that are not UTF-8 as \xNN
        return session.redactor.text(printable(text))
    for notice in notices:   # a line of stdin read without its quote marks: as a name given is said (fixnu37c)
        click.echo(escaped_controls(f"warning: {redact(notice)}"), err=True)
    from resolver.platforms.unsupported import INVITE, closed_why, why_not

    # a link on a closed service's host (Storify, Vine, Google+): asked nothing, said closed, with where a copy may
    # be; a request was three retries and "could not be resolved (connect …)" (newuser44d #5). A post or video of a
    # service no step reads (Tumblr, Flickr, VK, OK, Rutube): asked nothing, as `fetch` says it (fixleft46b)
    def stop(link: str) -> str | None:
        unread = why_not(link)
        return closed_why(link) or (f"{unread}; nothing was asked" if unread and unread != INVITE else None)
    closed = [(link, why) for link in links if (why := stop(link)) is not None]
    if closed:
        stopped = {link for link, _ in closed}
        links = [link for link in links if link not in stopped]
        problems = [*problems, *((link, f"cannot resolve {link}: {why}") for link, why in closed)]
    for name, problem in problems:   # said before any request, on one line (odds28); the others are resolved
        click.echo(escaped_controls(f"error: {redact(problem)}"), err=True)
        if as_json:
            _say_json_failure(redact(name), "input", redact(problem))
    advance = session.reporter.progress("resolving", len(links))
    with user_errors():
        results = session.run(lambda s: resolving.resolve_many(links, session=s, follow_all=follow_all,
                                                               on_done=lambda _r: advance()))
    _print_each(results, as_json=as_json, view="resolution_text")
    _say_each_failure([link_failure(r)] for r in results if r.failed)   # on stderr, as every command's (newuser32 #5)
    _exit_for(ctx, failed=len(problems) + sum(r.failed for r in results),
              unavailable=sum(r.unavailable for r in results))
    if fail_on_gone and any(r.gone for r in results):   # a cron job's signal that a link died (resolution36)
        ctx.exit(EXIT_GONE)


@cli.command()
@click.argument("targets", nargs=-1, callback=_pasted_names)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per post (JSON Lines).")
@click.option("--offline", is_flag=True, help="Never touch the network: answer from the cache (exit 3 if missing).")
@click.option("--refresh", is_flag=True,
              help="Fetch again even within the TTL; adds an observation of each post (not with --offline).")
@click.option("--all-methods", is_flag=True,
              help="Ask every X method, not only until one answers, and show where they disagree; read the "
                   "archived copies of available posts too (a gone X, Telegram, Mastodon or Bluesky post's copies "
                   "and a removed YouTube or TikTok video's, a removed or private Instagram post's, a deleted Reddit "
                   "thread's, are always read; "
                   "other platforms' captures are listed, "
                   "not read).")
@click.option("--no-media", is_flag=True, help="Do not download or analyse photos, posters and thumbnails.")
@click.option("--download-video", is_flag=True, help="Also download video files (the best MP4 variant).")
@click.option("--keep-media", is_flag=True, help="Keep media bytes on disk next to the database, named by sha256.")
@click.option("--reparse", is_flag=True,
              help="Re-derive every cached post record from the raw answers kept in the cache; no request is made.")
@click.option("--warc", "warc_file", type=A_FILE, callback=_output_in_a_folder, metavar="FILE",
              help="The WARC file to append every answer of the run to (as scan's --warc): a --refresh or "
                   "--all-methods observation goes into the exhibit's WARC beside the rest.")
@db_option
@network_options
@captures_option
@click.pass_context
def fetch(ctx: click.Context, targets: tuple[str, ...], as_json: bool, offline: bool, refresh: bool,
          all_methods: bool, no_media: bool, download_video: bool, keep_media: bool, reparse: bool,
          warc_file: Path | None, **network: Any) -> None:
    """Fetch the posts TARGETS point at and record what they are now: status, author, text, date, media.

    TARGET is a post URL, a short link (resolved first), or an article file, directory or - (then every embed in
    it). X/Twitter is asked by the X API (when X_BEARER_TOKEN is set), then the syndication endpoint, then
    oEmbed, in the order [x] methods gives; a public Telegram channel's post by its widget page
    (t.me/<channel>/<id>?embed=1); other platforms by oEmbed. Each answer is kept raw in the cache.

    \b
    Examples:
      embed-resolver fetch https://twitter.com/jack/status/20
      embed-resolver fetch --json story.html
      embed-resolver fetch --refresh --warc exhibit.warc.gz https://twitter.com/jack/status/20
      embed-resolver fetch --reparse
    """
    from resolver import fetch as fetching
    from resolver import pipeline

    mode = _mode(offline=offline, refresh=refresh)
    if not (targets or reparse):
        raise click.UsageError("give at least one TARGET (a post URL, a short link or an article), or --reparse")
    if reparse and warc_file:   # --reparse asks nothing: a WARC would get no answer (and its file a warcinfo alone)
        raise click.UsageError("--warc goes with fetching TARGETS, not with --reparse (which makes no request)")
    settings = _settings(ctx, **_network_overrides(network))
    store = _open_store(settings)
    if reparse:
        from resolver.fetch.reparse import reparse_all

        with user_errors():
            observations, rederived = reparse_all(store)
        click.echo(f"re-derived {observations} observations of {rederived} posts from kept raw answers; "
                   "no request made")
        return
    options = fetching.FetchOptions(all_methods=all_methods, media=not no_media, download_video=download_video,
                                    keep_media_dir=settings.database().parent / "media" if keep_media else None)
    stdin = _stdin(targets)
    from resolver.platforms.podcasts import NOT_SUPPORTED, is_podcast
    from resolver.platforms.unsupported import why_not

    # asked nowhere: a podcast episode (newuser41a #9), a VK, Rutube or OK post or video, an invite link (newuser44a #3)
    podcasts = {target: NOT_SUPPORTED if is_podcast(target) else why for target in targets
                if is_podcast(target) or (why := why_not(target)) is not None}
    targets = tuple(target for target in targets if target not in podcasts)

    unresolved: list[tuple[Resolution, tuple[str, ...]]] = []
    no_post: list[Resolution] = []
    unread: list[Failure] = []
    used: list[str] = [*podcasts]   # the targets that gave something to fetch from: an article read, a URL
    origins: list[tuple[str, int | None]] = []   # each post's (article, embed index), or (URL named, None)

    def skip(failure: Failure) -> None:
        _say_failure(failure)
        unread.append(failure)

    warc = _open_warc(settings, warc_file) if warc_file else None
    leave_out: tuple[str, ...] = ()
    if warc is not None:   # appended to as it is read, its own records would come back as articles
        from resolver.inputs import InputSpec

        articles = tuple(target for target in targets if _url_of(target) is None)
        leave_out = _without_output(InputSpec(files=articles), warc.path,
                                    what="the WARC this run writes (--warc)").leave_out

    async def job(session: Session) -> list[fetching.FetchedPost]:
        found = await pipeline.fetch_targets(targets, session=session, stdin=stdin, unresolved=unresolved,
                                             on_failure=skip, no_post=no_post, used=used, origins=origins,
                                             leave_out=leave_out)
        advance = session.reporter.progress("fetching", len(set(found)))
        return await fetching.fetch_posts(found, session=session, options=options, on_done=advance)

    session = _session(settings, store=store, mode=mode, warc=warc)
    with user_errors():
        posts = session.run(job)
    from resolver.article import printable
    from resolver.report import escaped_controls, post_failures

    redact = session.redactor.text
    if as_json:   # each line says where its post came from, as the error lines do (newuser30 #7)
        for post, (source, embed) in zip(posts, origins, strict=True):
            click.echo(_json_line({"source": redact(printable(source)), "embed": embed, **post.to_json()}))
    else:   # each block names the target it answers when that is not the post's own URL (newuser42b #12)
        from resolver import report

        console = _stdout_console()
        for post, (source, embed) in zip(posts, origins, strict=True):
            console.print(_plain_if_piped(report.post_text(post, asked=_asked_for(source, embed, post)), console))
    _say_each_failure(post_failures(post) for post in posts)
    for failure in unread if as_json else ():   # each said on stderr as it came; a line in the JSON too (#11)
        if not failure.warning:
            click.echo(_json_line(failure.to_json()))
    for link, sources in unresolved:
        url = redact(link.url)
        if link.refused:   # not followed, by the config's choice: no `error:` line, as exit 0 (review44c)
            from resolver.errors import not_checked_words

            click.echo(escaped_controls(f"warning: {url}: {redact(not_checked_words(link.error))}"), err=True)
        else:
            click.echo(escaped_controls(f"warning: {url}: not in the cache (offline)" if link.unavailable else
                                        f"error: cannot fetch {url}: the link could not be resolved "
                                        f"({redact(link.error or '')})"), err=True)
        # A link's line: `source` the target it came from (an article, or the link named), as in the other commands'
        # lines, and the link in its own key (#12: `source` was the link; which article held it was not said).
        error = "unavailable: not in the cache (offline)" if link.unavailable else redact(str(link.error))
        for source in sources if as_json else ():   # a link's error is "<kind>: <message>" already
            click.echo(_json_line({"source": redact(printable(source)), "link": url, "error": error}))
    for link in no_post:
        url = redact(link.url)
        why = "it is no post" if link.final_url in (None, link.url) \
            else f"it leads to {redact(link.final_url or '')}, which is no post"
        if (page := _account_page(link.final_url or link.url)) is not None:   # newuser42b #13
            why += page
        if _maybe_article(link.final_url or link.url):   # the commands that take it as an article (newuser30 #11)
            why += "; if it is an article, `scan --fetch URL` or `report URL` fetches the posts it embeds"
        if (kind := _no_post_kind(link.final_url or link.url)) is not None:   # newuser44c #8
            why = kind
        if (digits := _other_digits(link.url)) is not None:   # newuser43a #5
            why = digits
        elif (disguised := _lookalike(link.url)) is not None:   # newuser44a #9: as scan says it
            why = disguised
        click.echo(escaped_controls(f"error: cannot fetch {url}: {why}"), err=True)
        if as_json:   # only a URL named is said to be no post: itself the target
            click.echo(_json_line({"source": url, "link": url, "error": f"input: cannot fetch {url}: {why}"}))
    for url, why_unsupported in podcasts.items():
        click.echo(escaped_controls(f"error: cannot fetch {redact(url)}: {why_unsupported}; nothing was asked"),
                   err=True)
        if as_json:
            click.echo(_json_line({"source": redact(url), "link": redact(url),
                                   "error": f"input: cannot fetch {redact(url)}: {why_unsupported}"}))
    failed = sum(not f.warning for f in unread) + len(podcasts)
    if not (used or failed):   # only empty or skipped files: as scan says it, exit 1 (#12: exit 0 before)
        _say_no_article(targets, skipped=sum(f.files for f in unread))
        failed = 1
    _exit_for(ctx, failed=sum(p.failed for p in posts) + sum(r.failed for r, _ in unresolved) + len(no_post) + failed,
              unavailable=sum(p.unavailable for p in posts) + sum(r.unavailable for r, _ in unresolved))


def _no_post_kind(url: str) -> str | None:
    """What an Instagram story's link `fetch` takes no post from is (`platforms.NOT_POSTS`), and what can be done: the
    archive lists its captures, and it is kept only while it lasts (newuser44c #8: "it is no post" alone); a comment's,
    where it is (newuser46c #7). None for any other link (an account's page keeps its own words: `_account_page`)."""
    from resolver import platforms

    ref = platforms.parse_url(url)
    if ref is not None and ref.kind == "comment":   # as the report says it (newuser46c #7: "it is no post")
        parent = f"; `embed-resolver fetch {ref.parent}` fetches the post it is under" if ref.parent else ""
        return f"it is {platforms.comment_said(ref)}: comments are not fetched{parent}"
    if ref is not None and (ref.platform, ref.kind) in platforms.ASKED_NOTHING:   # newuser47b #6
        return f"it is {platforms.NOT_POSTS[(ref.platform, ref.kind)]}, no post to fetch; nothing was asked"
    if ref is None or (ref.platform, ref.kind) != ("instagram", "story"):
        return None
    return (f"it is {platforms.NOT_POSTS[(ref.platform, ref.kind)]}, no post to fetch; `embed-resolver archive "
            f"{ref.url}` lists the Wayback Machine's captures of it (Instagram shows a story only to logged-in "
            "viewers, so a capture is most often its login page), and a story can be kept only while it lasts, by a "
            "viewer logged in: a screenshot or a screen recording, with its URL and the time it was seen")


def _other_digits(url: str) -> str | None:
    """Why `fetch` takes no post from a link whose id is written in another script's digits ("t.me/ostannews/٤٥٢١"),
    naming them and the link in ASCII digits for the user to give; None for any other link (newuser43a #5: it said
    "it is no post", or asked the platform's page)."""
    from resolver import platforms

    digits = platforms.in_other_digits(url)
    if digits is None:
        return None
    _, _, names, plain = digits
    return (f"it is no post: its id is written in {names} digits, which no link of the platform's writes; nothing was "
            f"asked. To fetch the post the id names in ASCII digits: {plain}")


def _lookalike(url: str) -> str | None:
    """Why `fetch` takes no post from a link written with look-alike letters ("t.me/ukrаinenow/78"), as `scan` says
    it (`platforms.lookalike_link`); None for any other link (newuser44a #9: "it is no post" alone)."""
    from resolver import platforms

    said = platforms.lookalike_link(url) if platforms.beyond_ascii(url) else None
    if said is None or said[2]:
        return None
    return f"it is no post: {said[1]}; nothing was asked"


def _account_page(url: str) -> str | None:
    """"; it is @x's account page: a post's URL is …/status/<id>" for an X account's page `fetch` was given, which is
    no post (newuser42b #13: "it is no post" alone did not say what it was, nor the form a post's URL takes)."""
    from resolver import platforms

    ref = platforms.parse_url(url)
    if ref is None or ref.platform != "twitter" or ref.kind != "timeline" or not ref.author_handle:
        return None
    return (f" (it is @{ref.author_handle}'s account page: a post's URL is "
            f"https://x.com/{ref.author_handle}/status/<id>)")


def _asked_for(source: str, embed: int | None, post: Any) -> str | None:
    """What `fetch` was given that led to a post, as its block names it: an article and the embed's number, or a
    link that is not the post's own URL (a short link); None for the post's URL itself (newuser42b #12)."""
    from resolver.article import printable

    if embed is not None:
        return f"{printable(source)}, embed #{embed + 1}"
    from resolver import platforms

    ref = platforms.parse_url(source)
    return None if ref is not None and ref.post_id == post.record.post_id else printable(source)


def _wayback_day(value: str | None) -> str | None:
    """--near as Wayback writes a moment (YYYYMMDD, up to YYYYMMDDhhmmss), or a usage error: it was passed on as it
    was, and "May 3" ended the command with an internal error."""
    from resolver.archive import wayback_timestamp

    if value is not None and wayback_timestamp(value) is None:
        raise click.BadParameter(f"{value!r} is not a day as YYYYMMDD (up to YYYYMMDDhhmmss)", param_hint="--near")
    return value


def _print_each(items: Sequence[Any], *, as_json: bool, view: str) -> None:
    """JSON Lines (each item's to_json()) for pipes and --json; otherwise each item through a view of
    resolver.report, for people."""
    if as_json:
        for item in items:
            click.echo(_json_line(item.to_json()))
        return
    from resolver import report

    console = _stdout_console()
    for item in items:
        console.print(_plain_if_piped(getattr(report, view)(item), console))


def _print_archived(found: Sequence[ArchivedUrl], *, source: str, as_json: bool) -> None:
    """`archive`'s lines: with --json each names the target it came from (`source`: the article, or the URL given),
    as `scan --json` lines and every error line do (newuser28b #7: a URL several articles reference gave identical
    lines, none saying which article)."""
    if not as_json:
        _print_each(found, as_json=False, view="archive_text")
        return
    from resolver.article import printable
    from resolver.redact import said

    for archived in found:
        click.echo(_json_line({"source": said(printable(source)), **archived.to_json()}))


def _open_warc(settings: Settings, path: Path | None) -> WarcWriter:
    """Open the WARC this command appends every live response to; it is closed when the command ends."""
    from resolver import __version__
    from resolver.redact import Redactor, secrets_of
    from resolver.warc import WarcWriter, run_config

    target = path or settings.warc_path or settings.database().parent / "archive.warc.gz"
    if path is None and settings.warc_path is not None and not target.absolute().parent.exists():
        # as --warc is (review29e): a typo in the config file made the tree of folders
        where = f"config file {settings.config_path}: " if settings.config_path else ""
        raise click.ClickException(f"{where}[archive] warc: the folder {target.parent} does not exist (create it, "
                                   "or name another)")
    try:
        writer = WarcWriter(target, software=f"embed-resolver/{__version__}", config=run_config(
            settings, Redactor(secrets=secrets_of(settings))))
    except OSError as exc:
        raise click.ClickException(f"cannot write WARC {target}: {exc.strerror or exc}") from None
    if writer.set_aside is not None:
        offset, aside, size = writer.set_aside
        click.echo(f"warning: {target} ended inside a record (a run stopped while writing it): its last {size:,} bytes, "
                   f"from offset {offset:,}, were moved to {aside}; this run appends after the last whole record",
                   err=True)
    click.get_current_context().call_on_close(writer.close)
    return writer


@cli.command()
@click.argument("targets", nargs=-1, callback=_pasted_names)
@click.option("--json", "as_json", is_flag=True,
              help="Print one JSON object per archived URL (JSON Lines), each as its URL is done: a run killed keeps "
                   "those; the same command with --offline prints what the cache keeps of every one.")
@click.option("--save", is_flag=True, help="Save Page Now every URL with no good capture newer than --max-age (never "
                                           "one carrying a secret, a token or a signature: it would be published).")
@click.option("--max-age", type=click.FloatRange(min=0), default=30, show_default=True,
              help="Days within which an existing capture counts as recent.")
@click.option("--near", callback=lambda ctx, param, value: _wayback_day(value),
              help="YYYYMMDD: also report the capture closest to this day.")
@click.option("--warc", "warc_file", type=A_FILE, callback=_output_in_a_folder,
              help="WARC file to append every response to (default: archive.warc.gz next to the database).")
@click.option("--offline", is_flag=True,
              help="Never touch the network: posts and archive lookups from the cache only (exit 3 if missing); "
                   "nothing is saved.")
@click.option("--refresh", is_flag=True,
              help="Resolve links and fetch the articles' posts again even within the TTL (not with --offline).")
@db_option
@encoding_option
@corpus_options
@network_options
@captures_option
@click.pass_context
def archive(ctx: click.Context, targets: tuple[str, ...], as_json: bool, save: bool, max_age: float, near: str | None,
            warc_file: Path | None, offline: bool, refresh: bool, encoding: str | None, **options: Any) -> None:
    """Look up archived copies of posts and media, save what has none recent, and keep a local WARC copy.

    TARGET is a post or media URL, or an article file or directory (then every post and media URL it
    references: its embeds are resolved and its posts fetched afresh first, so the WARC holds everything a replay
    needs); --jsonl and --warc-input add articles from JSON Lines and WARC files, streamed one after another.
    Snapshots come from the Wayback availability and CDX APIs; --save uses Save Page Now 2 with the keys in
    IA_ACCESS_KEY and IA_SECRET_KEY, within the published rate limits; pending saves survive a restart.

    \b
    Examples:
      embed-resolver archive https://twitter.com/jack/status/20
      embed-resolver archive --save --json story.html
      embed-resolver archive --warc-input crawl.warc.gz --db corpus.db
      embed-resolver --replay archive.warc.gz fetch --json story.html

    Exit codes: 0 done; 1 a target or a step failed (a lookup, a save, a link, a fetch; one "error:" line each, the
    other targets still done); 2 usage; 3 not in the cache (--offline); 130 interrupted.
    """
    from resolver import pipeline
    from resolver.archive import ArchivedUrl
    from resolver.options import ArchiveOptions

    mode = _mode(offline=offline, refresh=refresh, afresh=True)   # its WARC holds every answer it used (newuser38a F5)
    # Every name is checked before any request (#11); one that is no file and no URL goes with the articles, whose
    # run says so in one line and does the rest, as scan's does (before, one typo stopped every target).
    named = [(target, _url_of(target)) for target in targets]
    urls = [url for _, url in named if url is not None]
    articles = tuple(target for target, url in named if url is None)
    if not (targets or options["jsonl"] or options["warc_input"]):
        raise click.UsageError("give at least one TARGET (a URL or an article), --jsonl or --warc-input")
    stdin = _stdin(targets, options["jsonl"])
    settings = _settings(ctx, **_network_overrides(options))
    store = _open_store(settings)
    warc = _open_warc(settings, warc_file)
    session = _session(settings, store=store, mode=mode, warc=warc, quiet=options["quiet"])
    archive_options = ArchiveOptions(save=save, max_age_days=max_age, near=near)
    results: list[ArchivedUrl] = []
    failed = unavailable = 0
    if articles or options["jsonl"] or options["warc_input"]:
        def emit(outcome: Outcome) -> None:
            if isinstance(outcome, pipeline.Failure):
                _say_failure(outcome, as_json=as_json)
                return
            _print_archived(outcome.archives or (), source=outcome.article.source, as_json=as_json)
            if outcome.failed:
                _say_step_failures(outcome, json_lines=as_json)
        spec = _without_output(_input_spec(articles, options), warc.path, what="the WARC this run writes (--warc)")
        summary = _run_corpus(ctx, spec, session=session, emit=emit, command="archive",
                              steps=pipeline.archive_steps(archive_options), options=options, encoding=encoding,
                              stdin=stdin)
        failed, unavailable = _run_failed(summary), summary.unavailable
    if urls:
        def done(url: str, archived: ArchivedUrl) -> None:   # as each is done: a run killed keeps them (fix47a #4)
            _print_archived([archived], source=url, as_json=as_json)
        with user_errors():
            found = session.run(lambda s: pipeline.archive_links(urls, session=s, options=archive_options,
                                                                 on_result=done))
        from resolver.report import archive_failures

        _say_each_failure(archive_failures(result) for _, result in found)
        results += [archived for _, archived in found]
    _exit_for(ctx, failed=failed + sum(r.failed for r in results),
              unavailable=unavailable + sum(r.unavailable for r in results))


def _url_of(target: str) -> str | None:
    """The URL a target names, or None for an article (a file, a folder, stdin) or a name that is neither."""
    from resolver.errors import InputError
    from resolver.targets import classify

    try:
        return classify(target).url
    except InputError:
        return None


@cli.command()
@click.argument("articles", nargs=-1, callback=_pasted_names)
@click.option("--format", "fmt", type=click.Choice(["md", "markdown", "json", "html"], case_sensitive=False),
              default="md", show_default=True, callback=lambda _ctx, _param, value: FORMAT_ALIASES.get(value, value),
              help="Markdown (terminal and GitHub), JSON (schema/report.schema.json) or one self-contained HTML page.")
@click.option("-o", "--output", type=A_PATH, callback=_output_in_a_folder,
              help="Write here (a file for one article, - for stdout; a directory for several, with an index, never "
                   "one named like a report file, one.md, unless it exists: "
                   "index.md and index.json (and index.html beside HTML reports) whatever the format, index.json "
                   "being what a later run into the folder reads back). Default: stdout for one article, "
                   "./embed-resolver-reports for several.")
@click.option("--offline", "--no-network", "offline", is_flag=True,
              help="Use only the cache: say what is known without the network and name what could not be reached.")
@click.option("--refresh", is_flag=True, help="Fetch everything again even within the cache TTL (not with --offline).")
@click.option("--no-archive", is_flag=True,
              help="Ask no archive: no Wayback lookup of a post or a credited image, no gone post's archived copy "
                   "read. Each post's archive check says so; what earlier runs recorded is still shown.")
@db_option
@click.option("--fail-on", type=click.Choice(["fail", "warn", "never"]), default="never", show_default=True,
              help="Exit 4 when a check failed (fail), or failed or warned (warn): for scripts that gate on it.")
@click.option("--compare", "compare", type=AN_EXISTING_FILE,
              help="An earlier JSON report of the same article: say whether this one has the same verdicts, statuses "
                   "and hashes (exit 6 when not). One article only.")
@encoding_option
@corpus_options
@network_options
@captures_option
@click.pass_context
def report(ctx: click.Context, articles: tuple[str, ...], fmt: str, output: Path | None, offline: bool, refresh: bool,
           no_archive: bool, fail_on: str, compare: Path | None, encoding: str | None, **options: Any) -> None:
    """Write a provenance report: each embed, what the sources say, and checks between the two.

    Runs whatever is still missing (scan, link resolution, post fetching, archive lookups unless --no-archive;
    credited images are downloaded and their IPTC/EXIF/XMP read) and reports every
    fact with the method, the UTC time and the fetch-log id behind it. Checks compare the article's handle,
    name, date, quoted text, media links and photo credits with the sources, and flag gone posts with or
    without an archived copy. ARTICLE is a file, a directory, an article URL or -; several articles, a
    directory, --jsonl or --warc-input give one report each (written as each is done) plus an index, into
    the directory -o names, else into ./embed-resolver-reports (one article's report goes to stdout).

    \b
    Examples:
      embed-resolver report story.html
      embed-resolver report --format html -o story-report.html story.html
      embed-resolver report --offline --format json articles/ -o reports/
      embed-resolver report --jsonl feed.jsonl -o reports/
      embed-resolver report --fail-on fail story.html > /dev/null; [ $? = 4 ] && echo "a check failed"
      embed-resolver report --offline --compare exhibit-report.json story.html > /dev/null

    \b
    Exit codes:
      0    every report written, every step answered
      1    an input could not be read, or a step failed for an article (a link,
           a fetch, an archive lookup, an image; or a step of its reading, a
           bug the report names): one "error:" line on stderr each; the
           reports are written all the same
      2    a usage error
      4    with --fail-on, a check at that level (when nothing failed)
      6    with --compare, the report differs from the earlier one (when nothing
           failed)
      130  interrupted (Ctrl-C): run the same command again to go on
    """
    import json
    from pathlib import Path

    from cache.maintenance import SURROGATE_RE, escaped_surrogates
    from resolver import pipeline, provenance
    from resolver import report as rendering

    mode = _mode(offline=offline, refresh=refresh)
    spec = _input_spec(articles, options, name="ARTICLE")
    many = len(articles) > 1 or bool(spec.jsonl or spec.warc) or any(a.strip() and Path(a).is_dir() for a in articles)
    if output is not None and str(output) == "-":   # stdout, as for `scan -o -` (it wrote a file named "-")
        if many:
            raise click.UsageError("-o - writes one article's report to stdout; several articles' reports go into "
                                   "a folder: -o FOLDER", ctx)
        output = None
    if many and output is not None and output.suffix.lower() in REPORT_SUFFIXES and not output.is_dir():
        # a report file's name for several reports: a folder of that name was made (newuser42a #13)
        raise click.UsageError(f"-o {output} names a file, but several articles give several reports, which go into "
                               f"a folder with an index: give -o a folder (e.g. -o {_folder_for(output)})", ctx)
    if many and output is not None and output.exists() and not output.is_dir():
        # each report failed "Not a directory" after its work, then "reported on N articles" (review43a)
        raise click.UsageError(f"-o {output} is a file, but several articles give several reports, which go into a "
                               f"folder with an index: give -o a folder", ctx)
    spec = _without_output(spec, output or Path("embed-resolver-reports"))
    stdin = _stdin(spec.files, spec.jsonl)
    settings = _settings(ctx, **_network_overrides(options))
    store = _open_store(settings)
    earlier = _earlier_report(compare, many=many) if compare is not None else None
    thumbnail = _thumbnails(store)
    suffix = {"md": ".md", "json": ".json", "html": ".html"}[fmt]
    folder = output or Path("embed-resolver-reports")
    entries: list[tuple[str, dict[str, Any]]] = []   # (file name, the report's article and summary): the index
    named = {name: _where(entry["article"]["source"]) for name, entry in _indexed(folder).items()} if many else {}

    def render(data: dict[str, Any]) -> str:
        # A post's text cut inside an emoji holds a lone surrogate, which no UTF-8 file or terminal can take: the
        # JSON escapes it, the pages for people show U+FFFD.
        if fmt == "json":
            return escaped_surrogates(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
        page = rendering.markdown(data) if fmt == "md" else rendering.html_page(data, thumbnail=thumbnail)
        return SURROGATE_RE.sub("\ufffd", page)

    unread: list[Failure] = []
    incomplete: list[str] = []   # the articles whose reading lost a step

    def write(outcome: Outcome) -> None:
        if isinstance(outcome, pipeline.Failure):
            if not many and not outcome.warning:
                raise click.ClickException(outcome.message)
            _say_failure(outcome)
            unread.append(outcome)
            return
        if outcome.failed:   # one error line each, as `scan` says them (newuser32 #5: exit 0 and nothing said)
            _say_step_failures(outcome)
        data = provenance.build(outcome, store=store, redactor=session.redactor, replay=provenance.replay_of(session),
                                takes=session.takes_cached, offline=session.offline, started_at=session.started_at,
                                no_archive=no_archive)
        if data["article"].get("incomplete"):
            # a bug lost a step of its reading (#10): the report says so, and so do stderr and the exit code, a line
            # each step; the reading's steps said above, the report's own (the published date) here (review32r5 #6:
            # it was said only when no other step had failed)
            from resolver.redact import said

            said_above = {failed.step for failed in outcome.incomplete}
            for failed in data["article"]["incomplete"]:
                if failed["step"] not in said_above:
                    note = rendering.incomplete_note({"incomplete": [failed]})
                    click.echo(rendering.escaped_controls(said(f"error: {outcome.article.source}: {note}")), err=True)
            incomplete.append(outcome.article.source)
        if not many:
            entries.append(("", data))
            return
        file_name = _report_name(named, outcome.article.source, data["article"]["sha256"], suffix)
        _write(folder / file_name, render(data))
        entries.append((file_name, _index_entry(data)))
        _note_in_index(folder, file_name, entries[-1][1])

    session = _session(settings, store=store, mode=mode, quiet=options["quiet"])
    steps = pipeline.REPORT_STEPS_NO_ARCHIVE if no_archive else pipeline.REPORT_STEPS
    summary = _run_corpus(ctx, spec, session=session, steps=steps, command="report",
                          options=options, emit=write, encoding=encoding, stdin=stdin, progress=many)
    if not entries and not (many and _index_exists(folder)):
        if any(not failure.warning for failure in unread):   # each said in its error line: a second says no more
            ctx.exit(EXIT_FAILED)
        raise click.ClickException(f"no article to report on in {', '.join(articles or spec.jsonl or spec.warc)}")
    if not many:
        text = render(entries[0][1])
        if output is None:
            click.echo(text, nl=False)
        else:
            _write(output, text)
            click.echo(f"wrote {output}", err=True)
    else:
        entries = _write_index(folder, entries, html=fmt == "html")   # every article may have been reported on by an earlier run
        click.echo(_wrote_reports(len(entries), folder), err=True)
    # A report names what it could not reach: not a failure. An article it could not read at all, even one an
    # offline run never fetched, is an input that failed, as it is when it is the only one (#11: exit 0 before);
    # a step that failed (a link, a fetch, a lookup, an image) is exit 1, as it is for `scan` (newuser32 #5).
    # said before exit 1 ends the run (review39a: a failed step left the comparison unsaid); 1 wins over 6
    differs = earlier is not None and compare is not None and bool(entries) and _differs(compare, earlier, entries[0][1])
    _exit_for(ctx, failed=_run_failed(summary) + sum(f.kind == "unavailable" for f in unread) + len(incomplete),
              unavailable=0)
    if differs:
        ctx.exit(EXIT_DIFFERS)
    if _gate(entries, fail_on):
        ctx.exit(EXIT_CHECKS)


def _folder_for(output: Path) -> Path:
    """The folder to suggest for `-o one.md` over several articles: the name's own folder (out/one.md: out), or a
    folder of its stem (one.md: one), never "." (review43a: the reports and an index.json into the working folder)."""
    return output.parent if str(output.parent) not in ("", ".") else output.with_suffix("")


# What a report file's name ends with: -o so named for several articles is taken for a file, not a folder to make
REPORT_SUFFIXES = frozenset({".md", ".markdown", ".json", ".html", ".htm"})


def _earlier_report(path: Path, *, many: bool) -> dict[str, Any]:
    """The JSON report `report --compare` names, read before any work: a usage error when it is none, or when the run
    makes several reports (a comparison is of one article's)."""
    import json
    from pathlib import Path

    if many:
        raise click.UsageError("--compare takes one article's report: give one ARTICLE")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise click.UsageError(f"--compare: cannot read {path}: {error}") from None
    try:
        data = json.loads(text)
    except ValueError:   # a Markdown or HTML report: not "Expecting value: line 1 column 1" (newuser44b #12)
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("embeds"), list) or "generated_at" not in data:
        raise click.UsageError(f"--compare: {path} is not a JSON report (made by report --format json)")
    return data


def _differs(path: Path, earlier: dict[str, Any], now: dict[str, Any]) -> bool:
    """Say on stderr whether the report made now has the verdicts, statuses and hashes of the earlier one (newuser38a
    F10: an offline re-run matched the online report, and nothing said so); True when it differs."""
    from resolver.provenance import comparison_scope, report_differences

    made = f"{path} (made at {earlier.get('generated_at') or 'a time it does not say'})"
    differences = report_differences(earlier, now)
    if not differences:
        click.echo(f"same verdicts, statuses and hashes as {made}; {comparison_scope(now)}", err=True)
        return False
    click.echo(f"differs from {made}:", err=True)
    for line in differences:
        click.echo(f"  {line}", err=True)
    return True


def _wrote_reports(count: int, folder: Path) -> str:
    return f"wrote {count:,} report{'s' * (count != 1)} and an index to {folder}"


def _gate(reports: list[tuple[str, dict[str, Any]]], fail_on: str) -> bool:
    """Whether a check reached the --fail-on level in any report."""
    levels = {"fail": ("fail",), "warn": ("fail", "warn"), "never": ()}[fail_on]
    return any(data["summary"]["checks"][level] for _, data in reports for level in levels)


# What an index keeps of each report: its article, its counts, and where its answers came from and when (the replay,
# the answers' times, when it was made): an index said nothing of a report made from the cache (replay32). An entry
# an earlier version indexed has the first two only.
INDEX_ENTRY = ("article", "summary", "generated_at", "replay", "answers")


def _index_entry(report: dict[str, Any]) -> dict[str, Any]:
    """A report's entry in its folder's index (a KeyError for an entry with no article or summary: not one)."""
    return {"article": report["article"], "summary": report["summary"]} | {
        key: report[key] for key in INDEX_ENTRY[2:] if key in report}


def _index_exists(folder: Path) -> bool:
    return (folder / "index.json").exists() or (folder / INDEX_NOTES).exists()


# Each report's index entry, appended as the report is written: a run interrupted before it wrote the index (Ctrl-C,
# kill -9) leaves them, and the run that goes on from it indexes those reports too.
INDEX_NOTES = ".index-entries.jsonl"


def _note_in_index(folder: Path, file_name: str, entry: dict[str, Any]) -> None:
    import json

    try:
        with (folder / INDEX_NOTES).open("a", encoding="utf-8") as notes:
            notes.write(json.dumps({"report": file_name, **entry}, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise click.ClickException(f"cannot write {folder / INDEX_NOTES}: {exc.strerror or exc}") from None


def _noted_in_index(folder: Path) -> dict[str, dict[str, Any]]:
    """The entries noted by the runs since the index was last written (a line cut by a kill is left out)."""
    import json

    noted: dict[str, dict[str, Any]] = {}
    try:
        lines = (folder / INDEX_NOTES).read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return noted
    for line in lines:
        try:
            entry = json.loads(line)
            noted[entry["report"]] = _index_entry(entry)
        except (ValueError, KeyError, TypeError):
            continue
    return noted


def _indexed(folder: Path) -> dict[str, dict[str, Any]]:
    """The reports the folder's index names, and those noted since it was last written: file name -> entry."""
    import json

    known: dict[str, dict[str, Any]] = {}
    if _index_exists(folder):
        try:
            known = {e["report"]: _index_entry(e)
                     for e in json.loads((folder / "index.json").read_text(encoding="utf-8"))}
        except (OSError, ValueError, KeyError, TypeError):
            known = {}
    known.update(_noted_in_index(folder))
    return known


def _write_index(folder: Path, entries: list[tuple[str, dict[str, Any]]], *,
                 html: bool = False) -> list[tuple[str, dict[str, Any]]]:
    """index.md and index.json over the reports written now and those an earlier, interrupted run wrote, and
    index.html beside HTML reports (`html`); returns the entries of the index."""
    import json

    from resolver import report as rendering

    known = _indexed(folder)
    known.update(dict(entries))
    merged = list(known.items())
    _write(folder / "index.md", rendering.index_markdown(merged))
    if html:   # the page an editor given the folder opens first (newuser30b #7)
        _write(folder / "index.html", rendering.index_html(merged))
    _write(folder / "index.json", json.dumps([{"report": f, **d} for f, d in merged], ensure_ascii=False, indent=2)
           + "\n")
    (folder / INDEX_NOTES).unlink(missing_ok=True)
    return merged


@cli.command()
@local_only
@click.option("--json", "as_json", is_flag=True,
              help='Print each row as one JSON line: its columns, and "view" naming its view (a view with no rows '
                   'prints none).')
@click.option("--limit", type=click.IntRange(min=1), default=15, show_default=True, help="Rows shown per view.")
@db_option
@click.pass_context
def stats(ctx: click.Context, as_json: bool, limit: int) -> None:
    """What the database says about the corpus: embeds now dead by outlet and year, the most-cited deleted or
    suspended accounts, the embeds with no archived copy, and photo credits by organization.

    These are SQL views of the cache; browse them in full with datasette (`embed-resolver cache metadata`, then
    `datasette cache.db --metadata metadata.json`) or export them with `embed-resolver cache export VIEW`.

    \b
    Examples:
      embed-resolver --db corpus.db stats
      embed-resolver --db corpus.db stats --json --limit 100 > views.jsonl
    """
    from cache.metadata import VIEWS
    from resolver.redact import Redactor

    settings = _settings(ctx, sends=False)
    store = _existing_store(settings)
    redactor = Redactor.for_settings(settings)   # a row kept before a key was set may hold it (secrets29)
    for view, description in VIEWS.items():
        rows = [dict(r) for r in store.db.query(f"SELECT * FROM [{view}] LIMIT ?", [limit])]
        total = store.db.execute(f"SELECT COUNT(*) FROM [{view}]").fetchone()[0]
        if view == "at_risk_embeds":   # asked by the URL as kept, not as shown (review29d)
            rows, description = _with_lookups(store, rows, description)
        elif view == "dead_embeds_by_outlet_year":
            left_out = _left_out(store)
            description += _undated(store) + _not_checked(store) + left_out[0]
            if as_json and left_out[1]:   # stdout holds the views' rows only: the counts go with the notes
                click.echo(_json_line({"view": view, **left_out[1]}), err=True)
        rows, description = [redactor.shown_json(row) for row in rows], redactor.shown(description)
        if as_json:
            for row in rows:
                click.echo(_json_line({"view": view, **row}))
            if total > len(rows):
                click.echo(f"{view}: {len(rows):,} of {total:,} rows (--limit, or `cache export {view}` for all)",
                           err=True)
            continue
        _print_view(view, description, rows, total)
    as_of = _statuses_as_of(store, settings)
    if as_of:
        click.echo(as_of, err=as_json)   # stdout holds the views' rows only under --json


def _statuses_as_of(store: Store, settings: Settings) -> str | None:
    """When the post statuses the views count were observed: their span, and how many are past cache_ttl, which a
    run takes as they are until then (newuser32c #4: a re-run within the TTL kept last week's statuses, and no figure
    said as of when)."""
    import time

    from resolver.session import since_at

    ttl = settings.cache_ttl_days
    count, oldest, newest, older = store.statuses_observed(since_at(time.time_ns() // 1000, ttl))
    if not count or oldest is None or newest is None:
        return None
    stale = (f"{older:,} {'is' if older == 1 else 'are'} older than cache_ttl ({ttl:g} days): a run asks again for "
             "a post only after that, or with --refresh") if older else \
        f"none is older than cache_ttl ({ttl:g} days); a run asks again for a post only after that, or with --refresh"
    return (f"Post statuses counted as observed from {_minute(oldest)} to {_minute(newest)} UTC (each post's latest "
            f"answer, {count:,} post{'s' * (count != 1)}); {stale}.")


def _undated(store: Store) -> str:
    """How many of the link-rot view's embeds have no known post year, by platform: their rows, one per outlet and
    platform, are easily missed in a long table (corpus33: the view never guesses a year, NULL is a count)."""
    found = store.conn.execute("SELECT platform, SUM(embeds) FROM dead_embeds_by_outlet_year WHERE post_year IS NULL "
                               "GROUP BY platform ORDER BY platform").fetchall()
    if not found:
        return ""
    total = store.conn.execute("SELECT SUM(embeds) FROM dead_embeds_by_outlet_year").fetchone()[0]
    undated = sum(n for _, n in found)
    return (f" {undated:,} of the {total:,} embeds {'has' if undated == 1 else 'have'} no known post year (post_year "
            f"empty: {', '.join(f'{platform} {n:,}' for platform, n in found)}).")


def _not_checked(store: Store) -> str:
    """What the link-rot view's dead_percent leaves out, said under it: the link embeds whose post is not known and
    the posts named by a doubtful id (views37: a "100% dead" said nothing of the embeds nobody checked)."""
    embeds, checked, not_checked, doubtful = store.conn.execute(
        "SELECT SUM(embeds), SUM(embeds_checked), SUM(not_checked), SUM(doubtful_id) "
        "FROM dead_embeds_by_outlet_year").fetchone()
    if not not_checked and not doubtful:
        return ""
    parts = [f"{not_checked:,} {'was' if not_checked == 1 else 'were'} not checked (not_checked: a link never "
             "followed to a post, or its post never fetched; `embed-resolver scan --resolve --fetch` checks them)"
             ] if not_checked else []
    parts += [f"{doubtful:,} {'is' if doubtful == 1 else 'are'} named by an id read with a doubt (doubtful_id)"
              ] if doubtful else []
    return (f" Of the {embeds:,} embeds, {' and '.join(parts)}: dead_percent is of the {checked:,} checked "
            f"{'embed' if checked == 1 else 'embeds'} only.")


def _left_out(store: Store) -> tuple[str, dict[str, int]]:
    """What the link-rot view leaves out of the embeds recorded (of current articles): those naming no post, and
    those showing a post another embed of their article shows (counted once), said under it and, under --json, as a
    JSON line on stderr, so its count reconciles with `scan`'s and the embeds table (newuser38b #3). Empty when it
    leaves out none."""
    from cache.migrations import EMBEDS_NAMING_NO_POST

    recorded, no_post = store.conn.execute(EMBEDS_NAMING_NO_POST).fetchone()
    counted = store.conn.execute("SELECT SUM(embeds) FROM dead_embeds_by_outlet_year").fetchone()[0] or 0
    no_post = no_post or 0
    repeats = max(recorded - no_post - counted, 0)
    if not no_post and not repeats:
        return "", {}
    parts = [f"{no_post:,} naming no post (a flattened post that kept no link, a playlist, a timeline) "
             f"{'is' if no_post == 1 else 'are'} left out"] if no_post else []
    parts += [f"{repeats:,} showing a post another embed of {'its' if repeats == 1 else 'their'} article shows "
              f"{'is' if repeats == 1 else 'are'} counted with it"] if repeats else []
    said = (f" Of the {recorded:,} embeds recorded, {' and '.join(parts)}: the view counts {counted:,}.")
    return said, {"embeds_recorded": recorded, "left_out_naming_no_post": no_post,
                  "left_out_shown_by_another_embed": repeats}


def _minute(at: str) -> str:
    """A cache time ("2024-06-01T08:00:00.000000Z") to the minute, as a reader reads it: "2024-06-01 08:00"."""
    return at[:16].replace("T", " ")


def _with_lookups(store: Store, rows: list[dict[str, Any]], description: str) -> tuple[list[dict[str, Any]], str]:
    """At-risk rows with `looked_up`: whether the archive was ever asked about the embed (its URL, or an X post's
    captures as `--fetch` asks for them). One never asked is not known to be lost, and the view alone cannot tell
    the two apart (#13)."""
    from resolver.archive import embed_lookup_state

    rows = [{**row, **dict(zip(("looked_up", "lookup_error"), embed_lookup_state(
        store, row["url"], platform=row["platform"], post_id=row["post_id"], handle=row["handle"])))} for row in rows]
    never = sum(not row["looked_up"] and row["lookup_error"] is None for row in rows)
    failed = [row["lookup_error"] for row in rows if row["lookup_error"] is not None]
    if never:
        shown = ("The 1 row shown was" if len(rows) == 1
                 else f"{never} of the {len(rows)} rows shown {'was' if never == 1 else 'were'}")
        description += (f" {shown} never looked up in the archive (unknown, not lost): `embed-resolver scan --archive` "
                        f"asks.")
    if failed:   # asked, and the answer was an error: not known either, and not "never looked up" (newuser26)
        description += (f" The lookup of {len(failed)} failed ({failed[-1]}): not known either; `embed-resolver scan "
                        f"--archive` asks again.")
    return rows, description


def _print_view(view: str, description: str, rows: list[dict[str, Any]], total: int) -> None:
    from rich.table import Table

    shown = f"{len(rows)} of {total:,}" if total > len(rows) else f"{total:,}"
    table = Table(title=f"{view} ({shown} row{'s' * (total != 1)})", caption=description, caption_justify="left")
    for column in rows[0] if rows else ["(no rows)"]:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row.values()))
    console = _stdout_console()
    console.print(_plain_if_piped(table, console))


@cli.group()
def config() -> None:
    """Show what the configuration makes of the tool: the origins a run may contact.

    \b
    Examples:
      embed-resolver --config test.toml config origins
      embed-resolver config origins --json
    """


@config.command("origins")
@local_only
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def config_origins(ctx: click.Context, as_json: bool) -> None:
    """Every origin a run may contact: each service the tool asks and each link host it follows, its default origin
    and where [origins] sends it; the other origins [origins] maps; and what no list can name in advance (article
    URLs, redirect targets, media). With `[origins] only_configured = true`, an origin not mapped is refused before
    any name lookup or connection.

    \b
    Examples:
      embed-resolver --config test.toml config origins
      embed-resolver config origins --json
    """
    import json

    from resolver.origins import NOT_FIXED, table

    settings = _settings(ctx, sends=False)
    rows, mapped = table(), dict(settings.origins)
    listed = {row.origin for row in rows}
    others = {k: v for k, v in mapped.items() if k not in listed}
    if as_json:
        click.echo(json.dumps({"only_configured": settings.only_configured_origins,
                               "keep_limits": settings.origins_keep_limits,
                               "origins": [{"origin": r.origin, "kind": r.kind, "service": r.service,
                                            "used_for": r.used_for, "configured": mapped.get(r.origin)} for r in rows],
                               "other_mapped": others,
                               "not_fixed": [{"what": n.what, "why": n.why} for n in NOT_FIXED]}))
        return
    unmapped = "refused (not mapped)" if settings.only_configured_origins else "default (contacted as itself)"
    width = max(len(r.origin) for r in rows) + 2
    service_width = max(len(r.service) for r in rows) + 2
    click.echo(f"{'origin':<{width}}{'service':<{service_width}}configured")
    for row in rows:
        click.echo(f"{row.origin:<{width}}{row.service:<{service_width}}{mapped.get(row.origin) or unmapped}")
    for origin, target in others.items():
        click.echo(f"{origin:<{width}}{'(other, mapped)':<{service_width}}{target}")
    click.echo("")
    click.echo("Not listable in advance (" + ("each one met must be mapped: [origins] only_configured = true"
                                              if settings.only_configured_origins else "contacted as themselves")
               + "):")
    for line in NOT_FIXED:
        click.echo(f"  {line.what}: {line.why}")
    click.echo("")
    click.echo("Rate limits ([limits]) of a mapped origin: " + (
        "the service's it stands for ([origins] keep_limits = true)" if settings.origins_keep_limits
        else "its own, keyed by the origin contacted ([origins] keep_limits = false)"))


@cli.group()
def cache() -> None:
    """Look after cache databases: merge shards, counts, verify, export, vacuum, prune memos, datasette metadata.

    \b
    Examples:
      embed-resolver cache merge corpus.db shard-*.db
      embed-resolver --db corpus.db cache stats
      embed-resolver --db exhibit.db cache verify
      embed-resolver --db corpus.db cache export credits_by_organization -o credits.csv
    """


@cache.command("merge")
@local_only
@click.argument("out", type=A_FILE, callback=_output_in_a_folder)
@click.argument("inputs", nargs=-1, required=True, type=A_FILE)
@click.option("--json", "as_json", is_flag=True, help="Print rows read and rows in OUT per table as JSON.")
def cache_merge(out: Path, inputs: tuple[Path, ...], as_json: bool) -> None:
    """Merge the databases INPUTS (shards of one run) into OUT, with no duplicates.

    Articles are matched by sha256, fetches by URL, method, time, contacted URL and purpose, posts by platform
    and id; every observation of a post is kept, in time order, and a post's current view is the newest. OUT's
    own contents are kept; OUT is replaced only when the merge succeeded.

    Two records of one article: one whose encoding the user gave (--encoding; the later given) wins, then an
    encoding not guessed (declared, or from before v17, which did not keep whether it was given) over a guess, then
    a newer extraction over one made before m016, else the first; each choice is said, with why.

    \b
    Examples:
      embed-resolver cache merge corpus.db shard-*.db
    """
    import json

    from cache.merge import MergeNamingError, merge

    with user_errors():
        try:
            report = merge(out, list(inputs), on_input=lambda p: click.echo(f"merging {p}", err=True))
        except MergeNamingError as exc:   # exit 2, as the README's table has a usage mistake (newuser28b)
            raise click.UsageError(str(exc)) from None
    if as_json:
        click.echo(json.dumps(report.to_json()))
        return
    for table, count in report.merged.items():
        click.echo(f"{table}: {report.read.get(table, 0):,} read, {count:,} in {out}")
    for note in report.notes:   # what an input cannot say of its records, once (not in each article's line)
        click.echo(note)
    for chosen in report.preferred:   # two inputs recorded one article otherwise: which record was kept, and why
        click.echo(f"article {chosen['sha256'][:12]}… ({chosen['source']}): kept {chosen['kept']}'s record over "
                   f"{chosen['over']}'s: {chosen['why']}")


@cache.command("stats")
@local_only
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@db_option
@click.pass_context
def cache_stats(ctx: click.Context, as_json: bool) -> None:
    """Size, schema version, rows per table, views, full-text indexes and warm-run memos of the cache.

    \b
    Example:
      embed-resolver --db corpus.db cache stats --json
    """
    import json

    from cache.maintenance import stats as store_stats

    found = store_stats(_existing_store(_settings(ctx, sends=False)))
    if as_json:
        click.echo(json.dumps(found))
        return
    free = found["free_bytes"]
    # a tenth or more free: said, with the command that gives it back (newuser39b #7)
    unused = f" ({free / 2**20:,.1f} MB of it free: `cache vacuum` gives it back to the disk)" \
        if free >= max(found["bytes"] // 10, 1) else ""
    click.echo(f"{found['path']}: {found['bytes'] / 2**20:,.1f} MB{unused}, schema version "
               f"{found['schema_version']}")
    older = found["older_versions"]
    for table, count in found["tables"].items():
        n = older.get(table, 0)
        kept = "" if not n else f"   ({n:,} older version{'s' * (n != 1)} kept (not counted))" if table == "articles" \
            else f"   ({n:,} more of older versions, kept (not counted))"
        click.echo(f"  {table:<20} {count:>12,}{kept}")
    click.echo(f"views: {', '.join(found['views'])}")
    click.echo("full-text search: " + ", ".join(f"{t} ({f})" for t, f in found["full_text"].items()))
    memos, size = found["memos"], found["memos"]["bytes"]
    taken = f"with their keys and indexes {size / 2**10:,.1f} KB; " if size is not None else ""
    # None: no size of empty tables' pages, which read as memos taking room (newuser28b)
    click.echo(f"memos: {memos['count']:,} ({taken}`cache prune --memos` deletes them)" if memos["count"]
               else "memos: 0")
    click.echo(f"bodies kept with a configured secret redacted: {found['bodies_redacted']:,}")
    guessed = found["encodings_guessed"]
    unknown = f", {guessed['not_recorded']:,} not recorded (read before v30)" if guessed["not_recorded"] else ""
    click.echo(f"encodings guessed: {guessed['guessed']:,}, unsure {guessed['unsure']:,}{unknown}"
               + (" (`stats` lists them)" if guessed["unsure"] else ""))


@cache.command("verify")
@local_only
@click.option("--json", "as_json", is_flag=True, help="Print what was checked and each failure as JSON.")
@db_option
@click.pass_context
def cache_verify(ctx: click.Context, as_json: bool) -> None:
    """Check the cache's evidence against its hashes: each kept body against its sha256, each post observation
    against its fetch's body read again, each WARC record the fetch log cites (at its offset, its own digests, the
    body kept). Prints each failure; exit 1 when any.

    \b
    Example:
      embed-resolver --db exhibit.db cache verify
    """
    import json

    from resolver.verify import verify

    def said(entry: dict[str, Any]) -> None:
        if not as_json:
            click.echo(f"FAILED {_verify_line(entry)}")

    done = verify(_existing_store(_settings(ctx, sends=False)), on_failure=said)
    if as_json:
        click.echo(json.dumps(done.to_json()))
    else:
        for read in done.warc_files.values():
            beside = "beside the database, " if read["beside_database"] else ""
            click.echo(f"WARC file read: {read['path']} ({beside}{read['records']:,} records cited"
                       + (f", {read['failed']:,} failed)" if read["failed"] else ")"))
            if cut := read["ends_inside_record"]:
                click.echo(f"note: {read['path']} ends inside a record: its last {cut['bytes']:,} bytes, from offset "
                           f"{cut['offset']:,}, are no whole record (a run stopped while writing it, or the file was "
                           "cut); the next run appending to it moves them aside")
        click.echo(f"checked {done.bodies:,} bodies, {done.observations:,} post observations against their bodies, "
                   f"{done.warc_records:,} WARC records cited: "
                   + (f"{len(done.failed):,} failed" if done.failed else "all as recorded")
                   + (f" ({moved:,} of them whole at another offset: the file changed before them)"
                      if (moved := sum("moved_to" in f for f in done.failed)) else ""))
    if done.failed:
        ctx.exit(1)


def _verify_line(entry: dict[str, Any]) -> str:
    """One `cache verify` failure in a line: what it is, its fetches, why."""
    fetches = ", ".join(f"#{i}" for i in entry.get("fetch_ids") or [])
    cited = f" (fetch {fetches})" if fetches else ""
    if entry["kind"] == "body":
        return f"body {entry['body_sha256']}{cited}: {entry['why']}"
    if entry["kind"] == "post":
        return f"post {entry['post']}{cited}: {entry['why']}"
    named = f"record {entry['record_id']} " if entry.get("record_id") else "the record "
    return f"WARC {entry['file']} {named}at offset {entry['offset']:,}{cited}: {entry['why']}"


@cache.command("export")
@local_only
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("-o", "--output", type=A_FILE_OR_DASH, callback=_output_or_stdout,
              help='Write here instead of stdout ("-": stdout).')
@click.option("--raw", is_flag=True,
              help="CSV: write text starting with = + - @, a tab or a carriage return as stored, without the "
                   "leading ' (for programs reading the CSV, not spreadsheets). JSON Lines is always as stored.")
@db_option
@click.pass_context
def cache_export(ctx: click.Context, name: str, fmt: str, output: Path | None, raw: bool) -> None:
    """Export the table or view NAME as CSV (with a header) or JSON Lines, streamed.

    Post text is written by anyone, and a spreadsheet runs a cell starting with = + - @, a tab or a carriage
    return as a formula: in CSV such a text cell gets a leading apostrophe (') so that Excel, LibreOffice and
    Google Sheets show it as text. Only those cells change; --raw writes them as stored.

    \b
    Examples:
      embed-resolver cache export at_risk_embeds -o at-risk.csv
      embed-resolver cache export article_credits -o credits.csv   (one row per credit, with its article's source)
      embed-resolver cache export posts --raw | python my_script.py
      embed-resolver cache export posts --format jsonl | gzip > posts.jsonl.gz
    """
    from cache.maintenance import export
    from resolver.redact import Redactor

    settings = _settings(ctx, sends=False)
    store = _existing_store(settings)
    # a row kept before a key was set may hold it: each text cell shown as every output shows it (secrets29)
    redactor = Redactor.for_settings(settings)
    shown = redactor.shown if redactor.secrets else None
    # and so may a kept body: written as every body kept now is, redacted (secrets30)
    shown_body = redactor.body if redactor.secrets else None
    with user_errors():
        if output is None:
            count = export(store, name, sys.stdout, fmt=fmt, raw=raw, shown=shown, shown_body=shown_body)
        else:
            try:
                with output.open("w", encoding="utf-8", newline="") as out:
                    count = export(store, name, out, fmt=fmt, raw=raw, shown=shown, shown_body=shown_body)
            except OSError as exc:
                raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from None
    if output is not None:
        click.echo(f"wrote {count:,} rows of {name} to {output}", err=True)


@cache.command("vacuum")
@local_only
@db_option
@click.pass_context
def cache_vacuum(ctx: click.Context) -> None:
    """Compact the cache: fold in the write-ahead log, optimise the search indexes, drop free pages.

    Run it when no other run is writing to the database.

    \b
    Example:
      embed-resolver --db corpus.db cache vacuum
    """
    from cache.maintenance import vacuum

    store = _existing_store(_settings(ctx, sends=False))
    with user_errors():
        before, after = vacuum(store)
    click.echo(f"{store.path}: {before / 2**20:,.1f} MB -> {after / 2**20:,.1f} MB")


def _finite(ctx: click.Context, param: click.Parameter, value: float | None) -> float | None:
    """A number of days: click's FloatRange lets nan (no comparison is true of it) and inf through."""
    import math

    if value is not None and not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a number of days")
    return value


@cache.command("prune")
@local_only
@click.option("--memos", is_flag=True, help="Delete warm-run memos (step_memos) and their keys.")
@click.option("--older-than", "older_than", type=click.FloatRange(min=0), metavar="DAYS", callback=_finite,
              help="Only those made more than DAYS days ago (default: every one).")
@click.option("--json", "as_json", is_flag=True, help="Print what was deleted and what is left as JSON.")
@db_option
@click.pass_context
def cache_prune(ctx: click.Context, memos: bool, older_than: float | None, as_json: bool) -> None:
    """Delete what the cache keeps only to go faster: --memos, the memos of a warm `scan --json`.

    A memo is never needed: a run whose memo is gone runs the article's cached steps and prints the same line
    (and keeps a memo again). An article keeps its four newest on its own; this deletes them all, or those made more
    than --older-than DAYS ago (such as the memos of articles no longer scanned). The file does not shrink until
    `cache vacuum`.

    \b
    Examples:
      embed-resolver --db corpus.db cache prune --memos
      embed-resolver --db corpus.db cache prune --memos --older-than 30 --json
    """
    import json

    from cache.maintenance import prune_memos

    if not memos:
        raise click.UsageError("say what to prune: --memos")
    store = _existing_store(_settings(ctx, sends=False))
    with user_errors():
        deleted, left = prune_memos(store, older_than_days=older_than)
    if as_json:
        click.echo(json.dumps({"path": str(store.path), "memos_deleted": deleted, "memos_left": left,
                               "older_than_days": older_than}))
        return
    age = f" made more than {older_than:g} days ago" if older_than is not None else ""
    click.echo(f"{store.path}: {deleted:,} memo{'s' * (deleted != 1)}{age} deleted, {left:,} left")


@cache.command("metadata")
@local_only
@click.option("-o", "--output", type=A_FILE_OR_DASH, callback=_output_or_stdout,
              help="Where to write (- for stdout; default: metadata.json next to the database).")
@db_option
@click.pass_context
def cache_metadata(ctx: click.Context, output: Path | None) -> None:
    """Write a datasette metadata.json describing every table, view and column of the cache.

    \b
    Example:
      embed-resolver --db corpus.db cache metadata && datasette corpus.db --metadata metadata.json
    """
    from cache.metadata import write_metadata

    store = _existing_store(_settings(ctx, sends=False))
    if output is None and ctx.get_parameter_source("output") is click.core.ParameterSource.COMMANDLINE:
        import json

        from cache.metadata import metadata   # -o -: stdout (it wrote a file named "-")

        click.echo(json.dumps(metadata(store), indent=2, ensure_ascii=False))
        return
    try:
        path = write_metadata(store, output)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output or 'metadata.json'}: {exc.strerror or exc}") from None
    click.echo(f"wrote {path}", err=True)


def _report_name(named: dict[str, str], source: str, sha256: str, suffix: str) -> str:
    """The file name of an article's report in a folder of reports: `{stem}-{sha8}`. Two articles with the same
    stem and bytes (two records of one WARC, two lines of a feed, story.html in two folders) would share it, and
    the later overwrote the earlier (#13): the one whose name the folder already gives another article gets its
    source's hash as well. `named`: file name -> source, from the folder's index and this run (updated), so a
    re-run and a resumed run give each article the name it had."""
    import hashlib

    where, stem = _where(source), _safe_name(source, sha256)
    name = stem + suffix
    if named.setdefault(name, where) != where:
        name = f"{stem}-{hashlib.sha256(where.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}{suffix}"
        named[name] = where
    return name


def _where(source: str) -> str:
    """A source as it compares across runs: a path made absolute (a re-run may name the folder another way)."""
    import os

    return source if "://" in source or source == "-" else os.path.abspath(source)


# A stem's most bytes in UTF-8: with "-{sha8}" twice and ".html" a name stays within NAME_MAX (255 bytes)
STEM_BYTES = 180


def _safe_name(source: str, sha256: str) -> str:
    """`{stem}-{sha8}`: the source's file name without its suffix, its letters, marks and digits of any script kept
    (NFC: a name spelled with a combining accent is the same name), "." "_" "-" too, and anything else (what file
    systems refuse, spaces, a name's undecodable bytes) one "-" (newuser29b §5: "élection" became "lection")."""
    import re
    import unicodedata
    from pathlib import Path

    kept = "".join(ch if ch in "._-" or unicodedata.category(ch)[0] in "LMN" else "\0"
                   for ch in unicodedata.normalize("NFC", Path(source).stem))
    stem = re.sub("\0+", "-", kept)[:60]
    while len(stem.encode("utf-8")) > STEM_BYTES:
        stem = stem[:-1]
    return f"{stem.strip('-') or 'article'}-{sha256[:8]}"


def _write(path: Path, text: str) -> None:
    """Write a report file: beside it, then renamed over it once whole, with the earlier file's mode (a file with
    other hard links is written in place, so that they show it too). On a full disk the earlier report stays whole
    and the error is DiskFull (exit 7): written in place, it was cut to the part written, exit 1 (review40b). What is
    no regular file (`-o /dev/stdout` into a pipe, `/dev/fd/3`) and a report the user may not write (made read-only)
    are written in place, as before: the pipe gets the report, the read-only report is refused, not replaced
    (review41b)."""
    import contextlib
    import os
    import stat

    from resolver.errors import DiskFull, disk_full

    beside: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            info = path.stat()   # what the path opens: /dev/stdout's pipe, not "/proc/<pid>/fd/pipe:[N]"
        except FileNotFoundError:
            info = None
        if info is not None and (info.st_nlink > 1 or not stat.S_ISREG(info.st_mode)
                                 or not os.access(path, os.W_OK)):
            path.write_text(text, encoding="utf-8")
            return
        target = path.resolve()   # a link's target is written, the link kept
        # beside it, its name cut to leave room for the prefix and suffix under a file system's 255 bytes
        name = target.name
        while len(name.encode("utf-8", "surrogateescape")) > 200:
            name = name[:-1]
        beside = target.with_name(f".{name}.{os.getpid()}.writing")
        try:
            handle = open(beside, "w", encoding="utf-8")
        except PermissionError:   # a folder the user may not add to, holding a file they may write: in place
            beside = None
            path.write_text(text, encoding="utf-8")
            return
        with handle:
            if info is not None:
                with contextlib.suppress(OSError):
                    os.fchmod(handle.fileno(), stat.S_IMODE(info.st_mode))
            handle.write(text)
        os.replace(beside, target)
        beside = None
    except FileExistsError:   # making the folder found a file of that name: as `open` says it
        raise click.ClickException(f"cannot write {path}: Not a directory") from None
    except OSError as exc:
        if disk_full(exc):
            raise DiskFull(f"cannot write {path}: {exc.strerror or exc}") from None
        raise click.ClickException(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if beside is not None:
            with contextlib.suppress(OSError):
                beside.unlink()


def _thumbnails(store: Store) -> Callable[[str], str | None]:
    """A function from media URL to a data: URI of its kept bytes (only when --keep-media kept them)."""
    import base64
    from pathlib import Path

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


def _emit(outcome: Outcome, *, as_json: bool, output: OutputFile | None = None) -> None:
    """An article's result (JSON Lines or tables), then an error line on stderr for each thing its steps failed for;
    or one line on stderr for an input that failed. With `output`, the result goes to the run's file (tables as
    plain columns), not stdout."""
    from resolver.pipeline import Failure

    if isinstance(outcome, Failure):
        _say_failure(outcome, as_json=as_json, output=output)
        return
    _emit_result(outcome, as_json=as_json, output=output)
    if outcome.failed:
        _say_step_failures(outcome)


def _say_step_failures(result: ArticleResult, *, json_lines: bool = False) -> None:
    """One error line for each thing a step failed for (the exit 1 they make): before, `scan --fetch` exited 1 and
    said nothing, the cause only in --json (#11). `json_lines`: each one also a JSON line on stdout, but an archived
    URL's (its own line says it), for a command whose lines are not the article's (`archive --json`, newuser28 #4)."""
    from resolver.article import printable
    from resolver.redact import said
    from resolver.report import escaped_controls, step_failure_items

    failures = list(step_failure_items(result))
    source = result.article.source
    for phrase in [f.phrase for f in failures] or ["a step failed (its --json line says which)"]:
        # URLs as the page gave them: a secret in one is not printed; one line each (#2)
        click.echo(escaped_controls(said(f"error: {source}: {phrase}")), err=True)
    if os.environ.get("EMBED_RESOLVER_DEBUG"):   # a bug in a step of the article's reading: where (#10)
        for failure in failures:
            if failure.detail:
                click.echo(said(failure.detail).rstrip("\n"), err=True)
    for failure in failures if json_lines else ():
        if not failure.archived:
            line = failure.json_line(printable(source))
            click.echo(_json_line({key: said(value) for key, value in line.items()}))


def _say_each_failure(failures: Iterable[Iterable[str]]) -> None:
    """An error line for each thing a named post or URL failed for (`fetch`, `archive`, `resolve`): the exit 1 they
    make, said on stderr as `scan` says an article's (newuser27, newuser32 #5: the reason was on stdout only). URLs
    as given: a secret in one is not printed."""
    from resolver.redact import said
    from resolver.report import escaped_controls

    for failure in (phrase for each in failures for phrase in each):
        click.echo(escaped_controls(said(f"error: {failure}")), err=True)


def _emit_result(outcome: ArticleResult, *, as_json: bool, output: OutputFile | None) -> None:
    if as_json:
        # An article its memo answered (#13); a run that loaded no memo has none (a plain scan does not load it).
        memo = sys.modules.get("resolver.memo")
        line = outcome.line if memo is not None and isinstance(outcome, memo.LineResult) \
            else _json_line(outcome.to_json())
        if output is None:
            # color=True: nothing to strip, as JSON escapes every control character (ESC too); click would look
            # for ANSI codes in each line (#13: a warm run's lines are most of its output).
            click.echo(line, color=True)
        else:
            output.add(line + "\n", source=outcome.article.source)
        return
    if output is not None:
        from resolver.report import scan_plain

        output.add("".join(f"{line}\n" for line in scan_plain(outcome)), source=outcome.article.source)
        return
    if not _stdout_is_terminal():
        # Plain columns (no borders, never wrapped: #11), laid out without loading rich (#14).
        from resolver.report import scan_plain

        click.echo("\n".join(scan_plain(outcome)))
        return
    from resolver.report import scan_tables

    console = _stdout_console()
    for renderable in scan_tables(outcome):
        console.print(renderable)


def _json_line(data: Any) -> str:
    """`resolver.output.json_line`: what a JSON Lines run prints (its memos, #13, are of these lines)."""
    from resolver.output import json_line

    return json_line(data)


def _stdout_is_terminal() -> bool:
    """What rich decides for stdout: TTY_COMPATIBLE and FORCE_COLOR first, then whether it is a terminal."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    if "FORCE_COLOR" in os.environ:
        return os.environ["FORCE_COLOR"] != ""
    try:
        return sys.stdout.isatty()
    except ValueError:
        return False


def _stdout_console() -> Any:
    """rich on a terminal; in a pipe, lines are never wrapped (#11: piped tables broke URLs across lines)."""
    from rich.console import Console

    class StdoutConsole(Console):
        def on_broken_pipe(self) -> None:
            """rich's own handler exits 1; the Group's answers a closed stdout with the README's 141 (#11)."""
            self.quiet = True
            raise BrokenPipeError

    console = StdoutConsole()
    if console.is_terminal:
        return console
    return StdoutConsole(width=100_000, soft_wrap=True, highlight=False)


def _plain_if_piped(renderable: Any, console: Any) -> Any:
    """A table as plain columns (no borders) when the console is not a terminal: easy to grep, cut and read."""
    from rich.table import Table

    if isinstance(renderable, Table) and not console.is_terminal:
        renderable.box = None
        renderable.show_edge = False
        renderable.pad_edge = False
    return renderable


def _say_failure(failure: Failure, *, as_json: bool = False, output: OutputFile | None = None) -> None:
    """One line: a warning for a file a folder walk found that is no article (it is skipped), else an error. An
    error is a JSON line too in a JSON Lines run, where the articles' lines go (`output`, else stdout): a pipeline
    reading them could not tell an input was dropped (#11). Its source and message were redacted when it was
    made (`pipeline._failed`). An input whose lines an interrupted run wrote to `output` for other bytes (a file
    emptied or made binary since) has its stale lines replaced by its line now: a skipped one's too, in JSON Lines;
    none in a plain file, which holds no line for an input that gave no article (outfile35: the stale lines stayed,
    as if current)."""
    click.echo(failure.line, err=True)
    if failure.traceback and os.environ.get("EMBED_RESOLVER_DEBUG"):   # where an internal error came from (newuser37 #4)
        from resolver.redact import said

        click.echo(said(failure.traceback).rstrip("\n"), err=True)
    stale = output is not None and failure.source in output.replacing
    if as_json and (not failure.warning or stale):
        line = _json_line(failure.to_json())
        if output is None:
            click.echo(line)
        else:
            output.add(line + "\n", source=failure.source)
    elif stale and output is not None:
        output.add("", source=failure.source)


def _say_json_failure(source: str, kind: str, message: str) -> None:
    """The JSON line of a target that gave no result: the line of an input that failed (`Failure.to_json`)."""
    from resolver.pipeline import Failure

    click.echo(_json_line(Failure(source, message, kind=kind).to_json()))
