"""What the user named on the command line: files, directories, stdin, URLs. One rule for every command (#11):

- `-` is stdin;
- a URL has an explicit http:// or https://, or is a recognised post form written without one, or is a Bluesky
  post's AT URI (`at://<did>/app.bsky.feed.post/<key>`, read as its page on bsky.app, as `scan` reads it), or
  Telegram's app link to a post (`tg://resolve?domain=<channel>&post=<n>`, read as t.me/<channel>/<n>)
  (`pic.twitter.com/...`, `t.co/...`, `twitter.com/.../status/...`, `instagram.com/p/...`);
- an existing path is a file or a folder, even one named like a host (as `wget -r` makes them), and it wins
  over a post form;
- anything else is "no such file", said before any request is made (`fetch nosuch.html` once fetched
  `https://nosuch.html` four times); the other names are still done (one bad input never stops a batch). The
  message names a beginner's mistake when it sees one (newuser37b #7): quote marks typed around a path, a `~` the
  shell did not expand, a space at an end, a backslash inside quotes, a path with a space split in two names;
- a URL with white space inside is refused as broken (newuser37b #6: a URL pasted over two lines was refused by
  httpx as "Invalid non-printable ASCII character"), and so is one still in typographic quote marks (“ ” ’ «...):
  `pasted` gives the name meant, which the CLI reads instead and says so (a trailing ” was fetched as %E2%80%9D).

`walk` lists the files of a directory tree for a batch. A symbolic link to a directory is followed, but no
directory is walked twice (by device and inode), so a link loop costs one visit, not one per turn of the loop
(#11: a loop made one file scan 41 times). A broken link is reported, not silently dropped. A link to a file is
listed as its own path (the cache keeps every path an article was read from; the bytes are recorded once).

What is no article is left out of a walk, with one line a folder saying how many files and why (newuser37b #4: a
browser's "Save page as… complete" folder made its widgets.js an article with an invented tweet): the folder of
files a browser saves beside a page (`X_files/` beside `X.html`, `X-Dateien/` in German, …), and scripts and style
sheets (.js, .css). A file named on the command line is read whatever its name.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import IO

from resolver import platforms
from resolver.errors import InputError
from resolver.lazy import LazyPattern, lazy_dataclass

STDIN = "-"
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_HOST_AND_PATH = LazyPattern(r"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/\S+$")
_NOT_HTTP = "only http:// and https:// URLs are fetched"
_NO_SCHEME = "a URL needs http:// or https://"
_NOT_TG_POST = ("a tg:// link is read only as Telegram's app link to a channel's post, tg://resolve?domain=<channel>"
                "&post=<n> (its page t.me/<channel>/<n>) or tg://privatepost?channel=<chat>&post=<n>; nothing is asked "
                "by the tg: scheme")
_NOT_AT_POST = ("an at:// URI is read only as a Bluesky post's, at://<did>/app.bsky.feed.post/<key> (or give its "
                "page, https://bsky.app/profile/<did>/post/<key>)")
# Quote marks a word processor, a chat or a web page puts around what is copied from it (newuser37b #6).
TYPOGRAPHIC_QUOTES = "\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a"
_TYPED_QUOTES = "\"'"
_SHELL_ESCAPE = LazyPattern(r"\\([ ()\[\]'\"&;!$])")   # what a terminal's drag and drop or tab completion escapes


# The suffix a browser gives the folder of a saved page's files, in the languages it is localised into (Chrome,
# Firefox, Edge): "X_files" beside "X.html", "X-Dateien" in German.
ASSET_FOLDER_SUFFIXES = ("_files", "-Dateien", "_fichiers", "_archivos", "_arquivos", "_file", "_bestanden",
                         "_pliki", "_soubory", "_filer", "_tiedostot", "_dosyalar", "_elemei", "-filer")
_SAVED_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
# Files of a web page's code, never an article: read as text, a script's URLs were its "embeds" (newuser37b #4).
NOT_ARTICLE_SUFFIXES = (".js", ".mjs", ".css")
# The name under its folder of the line saying what a walk left out there (`Entry.relative`).
NOT_ARTICLES = ".not-articles"


@dataclass(frozen=True)
class Named:
    """One name from the command line, read by `classify`. `kind`: "stdin" | "url" | "file" | "folder"."""

    name: str
    kind: str
    url: str | None = None      # for a URL: with its scheme
    path: Path | None = None    # for a file or a folder


def classify(name: str, *, among: Sequence[str] = ()) -> Named:
    """What a name on the command line is. Raises InputError for a name that is neither an existing path nor a
    URL; no request is made to find out. `among`: every name given with it, for the hint of a path with a space
    that the shell split in two."""
    if name == STDIN:
        return Named(name, "stdin")
    if not name.strip():   # Path("") is "." (the current folder): an unset shell variable read it, or scanned it
        raise InputError(f"cannot read '{name}': an empty name is no file, folder or URL")
    if pasted(name) != name and not os.path.lexists(name):
        marks = "".join(dict.fromkeys(c for c in name.strip() if c in TYPOGRAPHIC_QUOTES))
        raise InputError(f"cannot read {_shown(name)}: the quote marks {marks} around it are no part of a URL or "
                         f"a file name: remove them")
    if _SCHEME.match(name.strip()) and re.search(r"\s", name) and not os.path.lexists(name):
        raise InputError(f"cannot read {_shown(name)}: this URL looks broken: {_broken(name)} (copy the link again, "
                         "whole)")
    if _SCHEME.match(name):
        scheme = name.split("://", 1)[0].lower()
        if scheme == "at":   # a Bluesky post's AT URI is its page on bsky.app, as scan reads it (newuser40a #9)
            ref = platforms.parse_url("at://" + name.strip().split("://", 1)[1])   # "AT://" too: RFC 3986 §3.1
            if ref is None or not ref.post_id:
                raise InputError(f"cannot read {name}: {_NOT_AT_POST}")
            return Named(name, "url", url=ref.url)
        if scheme == "tg":   # Telegram's app link to a post is its t.me page, as scan reads it (fixleft46c)
            ref = platforms.parse_url(name.strip())
            if ref is None or not ref.post_id:
                raise InputError(f"cannot read {name}: {_NOT_TG_POST}")
            return Named(name, "url", url=ref.url)
        if scheme not in ("http", "https"):
            raise InputError(f"cannot read {name}: {_NOT_HTTP}")
        return Named(name, "url", url=name)
    path = Path(name)
    if path.is_dir():
        return Named(name, "folder", path=path)
    if path.exists() or path.is_symlink():
        return Named(name, "file", path=path)
    if _HOST_AND_PATH.match(name) and platforms.parse_url("https://" + name) is not None:
        return Named(name, "url", url="https://" + name)
    account = _account(name)
    if account is not None:   # "fetch @BMF_Beispiel" said "no such file" (newuser46a #12)
        raise InputError(f"cannot read {name}: an account, not a post: give the URL of one of its posts ({account}), "
                         "or a file of such URLs")
    raise InputError(f"cannot read {_shown(name)}: no such file{_mistake(name, among) or f' ({_NO_SCHEME})'}")


_X_HANDLE = LazyPattern(r"@([A-Za-z0-9_]{1,15})")
_FEDIVERSE_HANDLE = LazyPattern(r"@([A-Za-z0-9_.-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
_DOMAIN_HANDLE = LazyPattern(r"@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")


def _account(name: str) -> str | None:
    """The form of a post's URL for an account's handle typed as a target ("@BMF_Beispiel": an X post's,
    https://x.com/BMF_Beispiel/status/<id>; "@user@host": a Mastodon post's; "@name.example.org": a Bluesky post's),
    or None for a name that is no handle."""
    name = name.strip()
    if (found := _FEDIVERSE_HANDLE.fullmatch(name)) is not None:
        return f"https://{found[2]}/@{found[1]}/<id> for a Mastodon account"
    if (found := _DOMAIN_HANDLE.fullmatch(name)) is not None:
        return f"https://bsky.app/profile/{found[1]}/post/<key> for a Bluesky account"
    if (found := _X_HANDLE.fullmatch(name)) is not None:
        return f"https://x.com/{found[1]}/status/<id> for an X account"
    return None


# What a notice says of a name read without the typographic quote marks pasted around it (`repaired`).
QUOTES_LEFT_OUT = "the quote marks around it left out"


def pasted(name: str) -> str:
    """`name` without the typographic quote marks around it (and the white space beside them): what was meant by a
    link copied with them (“https://...”, https://...”). The name itself when it has none at either end."""
    kept = name.strip()
    inner = kept.strip(TYPOGRAPHIC_QUOTES).strip()
    return inner if inner != kept and inner else name


def repaired(name: str) -> str | None:
    """The name meant when `name` is one pasted in typographic quote marks (`pasted`) and no file or folder has
    the name as given (that one wins, as a path always does); None when there is nothing to repair."""
    meant = pasted(name)
    return meant if meant != name and not os.path.lexists(name) else None


def _shown(name: str) -> str:
    """A name in a message: in quotes when a space at an end would not be seen (a line break stays: the CLI prints
    it escaped, `\\n`, on the one line, as every name it prints)."""
    return f"'{name}'" if name != name.strip(" ") else name


def _broken(url: str) -> str:
    """What is wrong with a URL holding white space, in plain words."""
    if re.search(r"[\r\n]", url):
        return "it has a line break inside"
    if url != url.strip():
        return "it starts or ends with a space"
    return "it has a space inside"


def _mistake(name: str, among: Sequence[str]) -> str | None:
    """The hint for a name that is no file because of how it was typed, or None when no mistake is seen."""
    for hint in (_quoted, _tilde, _spaced, _escaped):
        found = hint(name)
        if found:
            return found
    return _split(name, among)


def _exists(path: str, then: str = "") -> str:
    """" (a file PATH exists: THEN)", or "" when nothing is there."""
    if not os.path.lexists(path):
        return ""
    return f" (a file {path} exists{': ' + then if then else ''})"


def _quoted(name: str) -> str | None:
    if len(name) < 3 or name[0] not in _TYPED_QUOTES or name[-1] != name[0]:
        return None
    return (f": the name has quote marks {name[0]} around it"
            + (_exists(name[1:-1], "remove the quote marks") or " (remove them)"))


def _tilde(name: str) -> str | None:
    if not (name == "~" or name.startswith("~/")):
        return None
    return (": ~ means your home folder only outside quotes"
            + (_exists(os.path.expanduser(name), "write ~/ outside the quotes, or the full path")
               or " (write ~/ outside the quotes, or the full path)"))


def _spaced(name: str) -> str | None:
    if name == name.strip():
        return None
    end = "ends" if name[-1].isspace() else "starts"
    return f": the name {end} in a space" + (_exists(name.strip()) or " (remove it)")


def _escaped(name: str) -> str | None:
    if not _SHELL_ESCAPE.search(name):
        return None
    return ": inside quotes, a space or a bracket needs no backslash" + _exists(_SHELL_ESCAPE.sub(r"\1", name))


def _split(name: str, among: Sequence[str]) -> str | None:
    """A path with a space given unquoted, which the shell split in two names ("My", "Stories/story2"): said of
    both when joining this name and its neighbour with a space names something that exists, or is in a folder
    that exists."""
    if name not in among:
        return None
    at = among.index(name)
    for joined in ((name + " " + among[at + 1]) if at + 1 < len(among) else None,
                   (among[at - 1] + " " + name) if at > 0 else None):
        if joined is None or " " not in joined:
            continue
        path = PurePath(joined)
        found = next((p for p in (path, *path.parents) if " " in str(p) and os.path.lexists(p)), None)
        if found is not None:
            shown = str(found) if found == path else f"{found}{os.sep}..."
            return f" (a path with spaces needs quotes: \"{shown}\")"
    return None


def url_targets(names: Sequence[str], *, stdin: IO[bytes] | None,
                notice: Callable[[str], None] | None = None) -> tuple[list[str], list[tuple[str, str]]]:
    """The URLs given to a command that takes only URLs (resolve): each name, and each line of stdin for - (a link
    list: blank lines and `#` comment lines are skipped). Also (the name or `-:N`, the message) for each name or line
    that is no URL: the caller says each and does the rest (before, one comment line in a list stopped it all). A
    line pasted in typographic quote marks is read without them, as a name given is (`repaired`), and `notice` is
    told "-:N: LINE read as URL (...)" (fixnu37c: “https://t.co/…” on stdin was "not a URL")."""
    found: list[str] = []
    problems: list[tuple[str, str]] = []
    for name in names:
        if name != STDIN:
            try:
                found.append(_url(name, names))
            except InputError as exc:
                problems.append((name, str(exc)))
            continue
        lines = (stdin.read() if stdin is not None else b"").decode("utf-8", "replace").splitlines()
        for number, line in enumerate(lines, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if (repair := repaired(line)) is not None and (url := _line_url(repair)) is not None:
                if notice is not None:
                    notice(f"-:{number}: {line} read as {repair} ({QUOTES_LEFT_OUT})")
                found.append(url)
                continue
            url = _line_url(line)
            if url is None:
                problems.append((f"-:{number}", f"-:{number}: not a URL: {line} "
                                                 f"({_NOT_HTTP if _SCHEME.match(line) else _NO_SCHEME})"))
            else:
                found.append(url)
    return found, problems


def _url(name: str, among: Sequence[str]) -> str:
    named = classify(name, among=among)
    if named.kind == "file":   # its prose's t.co links, or its embeds' links: each has a command (newuser38a #7)
        raise InputError(f"{name} is a file, not a URL (to follow the t.co links in its text: resolve --text-links "
                         f"{name}; the links its embeds carry: scan --resolve {name})")
    if named.url is None:
        raise InputError(f"{name} is a {named.kind}, not a URL (to resolve an article's links: scan --resolve {name})")
    return named.url


def text_link_targets(names: Sequence[str], *, note: Callable[[str], None]
                      ) -> tuple[list[str], list[tuple[str, str]]]:
    """The t.co links in the text of the article files named that no embed carries (those `scan` counts as not
    followed: `prose_links`), for `resolve --text-links`; (name, message) for each name that is no article file or
    cannot be read. `note(line)` is told of an article holding none."""
    from resolver.article import from_bytes
    from resolver.prose_links import text_links

    found: list[str] = []
    problems: list[tuple[str, str]] = []
    for name in names:
        try:
            named = classify(name, among=names)
            if named.kind != "file" or named.path is None:
                raise InputError(f"{name} is not an article file (--text-links reads the t.co links in the text of "
                                 "article files; resolve a URL without it)")
            try:
                data = named.path.read_bytes()
            except OSError as exc:
                raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
            links = text_links(from_bytes(data, name))
        except InputError as exc:
            problems.append((name, str(exc)))
            continue
        if not links:
            note(f"{name}: no t.co link in its text outside its embeds")
        found += [link for link in links if link not in found]
    return found, problems


def _line_url(line: str) -> str | None:
    """A line of a link list as a URL, by the one rule; None when it is none (a line naming a file is no link)."""
    try:
        return classify(line).url
    except InputError:
        return None


@lazy_dataclass(frozen=True)
class Entry:
    """A file found while walking, or (with `problem` set) something that could not be read, to warn about.
    `relative`: its path under the folder walked (what a shard choice hashes, and what --glob matches)."""

    path: Path
    problem: str | None = None
    relative: PurePath = field(default=PurePath(), compare=False)
    # the files a problem stands for: a folder's line of what is no article says it for all it left out (fixnu37a
    # counted "1 skipped" for a saved page's folder of 40 files)
    files: int = 1


def walk(directory: Path, *, listed: Callable[[int, int], None] | None = None) -> Iterator[Entry]:
    """Every regular file under `directory`, hidden names skipped, each directory visited once: the real tree
    first, in sorted order, then what only links to folders reach, then links to files (so a file is named by its
    real path when it has one). `listed(entries, folders)` is called as each directory is visited, with the
    entries it will give (files and problems) and the folders in it still to visit (inputs.Census)."""
    seen: set[tuple[int, int]] = set()
    links: list[tuple[Path, PurePath]] = []
    file_links: list[Entry] = []
    told = listed or _not_told
    yield from _walk(directory, PurePath(), seen=seen, links=links, file_links=file_links, listed=told)
    while links:
        link, relative = links.pop(0)
        yield from _walk(link, relative, seen=seen, links=links, file_links=file_links, listed=told)
    yield from file_links   # last, so the file they lead to is named by its own path when the walk reaches it


def _not_told(entries: int, folders: int) -> None:
    return None


def _kind(entry: os.DirEntry[str]) -> str | None:
    """What `_walk` makes of a directory entry, for a count: "folder" (visited), "input" (a file, or a problem:
    a broken link, an entry that cannot be read), None (a fifo, a socket: left out). Its file type is read with the
    listing (no system call), but for a link."""
    try:
        if entry.is_dir():
            return "folder"
        return "input" if entry.is_file() or entry.is_symlink() else None
    except OSError:
        return "input"


def _broken_link(path: Path) -> str:
    """What a link that leads nowhere is: where it points, or why that cannot be read (newuser30 #5: a folder the
    user may list but not search, as /proc/1 is, raised PermissionError out of the walk). A link that leads to
    itself (ELOOP) is a loop, not a broken link (newuser46b #7: a user looked for a file that was gone)."""
    try:
        target = os.readlink(path)
    except OSError as exc:
        return f"broken link {path} (cannot read it: {exc.strerror or exc})"
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"a link loop {path}{_loop_of(path, target)}"
    return f"broken link {path} -> {target}"


def _loop_of(path: Path, target: str) -> str:
    """How a link's chain of links goes round: " (it points to itself)", " -> b (it leads back to itself)", or,
    when the chain comes back elsewhere or is only too long for the system to follow, says that."""
    seen: set[str] = set()
    at, start = os.path.abspath(path), os.path.abspath(path)
    while at not in seen and len(seen) < 64:
        seen.add(at)
        try:
            at = os.path.abspath(os.path.join(os.path.dirname(at), os.readlink(at)))
        except OSError:   # not a link (one of its folders is), or unreadable: the system said it loops
            return f" -> {target} (too many links to follow)"
        if at == start:
            return " (it points to itself)" if len(seen) == 1 else f" -> {target} (it leads back to itself)"
    return f" -> {target} ({'it leads into a loop of links' if at in seen else 'too many links to follow'})"


def _left_out(directory: Path, entries: list[os.DirEntry[str]]) -> tuple[list[os.DirEntry[str]], str | None, int]:
    """A folder's entries without what is no article (a saved page's asset folder, scripts and style sheets), the
    one line that says what was left out (None: nothing), and how many files that is. Judged by name: no file is
    opened."""
    pages = {e.name[: -len(suffix)]: e.name for e in entries for suffix in _SAVED_PAGE_SUFFIXES
             if e.name.lower().endswith(suffix)}
    kept: list[os.DirEntry[str]] = []
    folders: list[tuple[str, str, int]] = []
    code: dict[str, int] = {}
    for entry in entries:
        kind = _kind(entry)
        suffix = os.path.splitext(entry.name)[1].lower()
        page = next((pages[entry.name[: -len(end)]] for end in ASSET_FOLDER_SUFFIXES
                     if entry.name.endswith(end) and entry.name[: -len(end)] in pages), None) \
            if kind == "folder" and pages else None
        if page is not None:
            folders.append((entry.name, page, sum(len(files) for _, _, files in os.walk(entry.path))))
        elif kind == "input" and suffix in NOT_ARTICLE_SUFFIXES:
            code[suffix] = code.get(suffix, 0) + 1
        else:
            kept.append(entry)
    if not (folders or code):
        return kept, None, 0
    said = [f"the folder '{name}' (the files a browser saved with '{page}')" for name, page, _ in folders]
    for what, ends in (("script", (".js", ".mjs")), ("style sheet", (".css",))):
        if count := sum(code.get(end, 0) for end in ends):
            said.append(f"{count:,} {what}{'s' * (count != 1)} ({', '.join(end for end in ends if end in code)})")
    total = sum(files for *_, files in folders) + sum(code.values())
    return kept, f"{directory}: {total:,} file{'s' * (total != 1)} not read, not articles: {'; '.join(said)}", total


def _walk(directory: Path, relative: PurePath, *, seen: set[tuple[int, int]],
          links: list[tuple[Path, PurePath]], file_links: list[Entry],
          listed: Callable[[int, int], None] = _not_told) -> Iterator[Entry]:
    try:
        stat = directory.stat()
        if (stat.st_dev, stat.st_ino) in seen:
            listed(0, 0)
            return   # reached again through a link: already walked
        with os.scandir(directory) as listing:
            entries = sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        listed(1, 0)
        yield Entry(directory, f"cannot list {directory}: {exc.strerror or exc}", relative)
        return
    entries, not_articles, left_out = _left_out(directory, entries)
    if listed is not _not_told:   # the files left out are inputs handled (skipped), as the run counts them
        kinds = [_kind(e) for e in entries]
        listed(kinds.count("input") + left_out, kinds.count("folder"))
    seen.add((stat.st_dev, stat.st_ino))
    if not_articles:   # its locator a hidden name, which no walked file has (the folder's own, ".", is --glob's)
        yield Entry(directory, not_articles, relative / NOT_ARTICLES, files=left_out)
    for entry in entries:
        path, rel = Path(entry.path), relative / entry.name
        link = entry.is_symlink()
        if link and not os.path.exists(path):   # a dangling link, or one in a loop of links
            yield Entry(path, _broken_link(path), rel)
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError as exc:
            yield Entry(path, f"cannot read {path}: {exc.strerror or exc}", rel)
            continue
        if is_dir:
            if link:
                links.append((path, rel))
            else:
                yield from _walk(path, rel, seen=seen, links=links, file_links=file_links, listed=listed)
        elif is_file and link:
            file_links.append(Entry(path, relative=rel))
        elif is_file:
            yield Entry(path, relative=rel)
