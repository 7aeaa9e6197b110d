"""What people read: terminal tables for scan results (rich). Provenance reports will live here too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.table import Table
from rich.text import Text


def _short(value: str | None, width: int) -> str:
    if not value:
        return ""
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 1] + "…"


def scan_tables(result: Any) -> Iterator[Any]:
    """A heading line, then a table of embeds and a table of credits (each only when there is something)."""
    article = result.article
    head = Text.assemble((article.source, "bold"), f"  {article.kind}  sha256 {article.sha256[:12]}…  ",
                         (f"{len(result.embeds)} embeds, {len(result.credits)} credits", "cyan"))
    if article.encoding_detected:
        head.append(f"  (encoding guessed: {article.encoding})", "yellow")
    yield head
    if result.embeds:
        table = Table(title=None, expand=False)
        for column, ratio in (("#", None), ("post", 3), ("author", 2), ("date", 1), ("text", 3)):
            table.add_column(column, overflow="fold", ratio=ratio)
        for i, embed in enumerate(result.embeds, start=1):
            author = "\n".join(v for v in (embed.author_name, f"@{embed.author_handle}" if embed.author_handle else None) if v)
            media = f" [{len(embed.media_links)} media]" if embed.media_links else ""
            post = Text.assemble((f"{embed.platform} {embed.kind}", "bold"), "\n", embed.url, "\n", (embed.detector, "dim"))
            table.add_row(str(i), post, author, embed.date or embed.date_text or "", _short(embed.text, 140) + media)
        yield table
    for found in result.extras.get("resolutions", []):
        where = found["canonical_url"] or found["final_url"] or ""
        note = f"  error: {found['error']}" if found["error"] else ""
        yield Text(f"  #{found['embed'] + 1} {found['url']} -> {where}{note}", style="red" if note else "cyan")
    for post in result.extras.get("posts", []):
        author = post["author"]["handle"] or "?"
        yield Text(f"  #{post['embed'] + 1} {post['platform']} {post['post_id']}: {post['status']} (via {post['method']})"
                   f" @{author} {post.get('created_at') or ''}", style="green" if post["status"] == "available" else "yellow")
    if result.credits:
        table = Table()
        for column in ("credit", "creator", "organization", "source", "image"):
            table.add_column(column, overflow="fold")
        for credit in result.credits:
            table.add_row(_short(credit.raw, 50), credit.creator or "", credit.organization or "", credit.source,
                          _short(credit.image, 40))
        yield table


def resolution_text(result: Any) -> Text:
    """A resolution as people read it: the chain, hop by hop, then what the end is."""
    text = Text()
    text.append(result.url, "bold")
    if result.from_cache:
        text.append("  (from cache)", "dim")
    text.append("\n")
    for hop in result.hops:
        status = str(hop.status) if hop.status is not None else "—"
        text.append(f"  {status:>3}  {hop.url}")
        if hop.location:
            text.append(f"  -> {hop.location}", "cyan")
        elif hop.via and hop.via != "header":
            text.append(f"  ({hop.via})", "cyan")
        text.append(f"  {hop.elapsed_ms:.0f} ms\n", "dim")
    if result.error:
        text.append(f"  error: {result.error}\n", "red")
    if result.final_url:
        text.append(f"  final: {result.final_url}\n")
    post = result.post
    if post:
        what = f"{post['platform']} {post['kind']}"
        if post.get("post_id"):
            what += f" {post['post_id']}"
        if post.get("author_handle"):
            what += f" by @{post['author_handle']}"
        if post.get("created_at"):
            what += f", created {post['created_at']}"
        text.append(f"  is: {what}\n", "green")
    return text


def post_text(post: Any) -> Text:
    """A fetched post as people read it: status first, then who, when, what, and the media facts."""
    record = post.record
    colour = {"available": "green", "error": "red", "unknown": "yellow"}.get(record.status, "magenta")
    text = Text()
    text.append(f"{record.platform} {record.post_id}  ", "bold")
    text.append(record.status, f"bold {colour}")
    text.append(f"  via {record.method}" + ("  (from cache)" if record.from_cache else "") + "\n", "dim")
    if record.reason:
        text.append(f"  {record.reason}\n", colour)
    if record.author_handle or record.author_name:
        text.append(f"  {record.author_name or ''} @{record.author_handle or '?'}\n")
    if record.created_at:
        text.append(f"  created {record.created_at}\n")
    if record.text:
        text.append(f"  {_short(record.text, 200)}\n")
    for item in post.media:
        credit = "; ".join(f"{k}: {v}" for k, v in (item.get("credit") or {}).items())
        size = f"{item.get('width')}x{item.get('height')}" if item.get("width") else ""
        text.append(f"  media {item.get('type')} {size} {item.get('mime') or ''} {item.get('url')}"
                    + (f"  credit: {credit}" if credit else "") + (f"  ({item['error']})" if item.get("error") else "")
                    + "\n", "cyan")
    for name, values in record.disagreements.items():
        text.append(f"  methods disagree on {name}: {values}\n", "yellow")
    return text


def archive_text(result: dict[str, Any]) -> Text:
    """One archived URL as people read it: how many captures, first and last, what a save did, the WARC record."""
    text = Text()
    text.append(result["url"] + "\n", "bold")
    if result["error"]:
        text.append(f"  error: {result['error']}\n", "red")
    first, last = result.get("earliest"), result.get("latest")
    text.append(f"  {result['count']} captures" + (f", first {first['timestamp']}, last {last['timestamp']}" if first else "")
                + "\n", "green" if result["count"] else "yellow")
    if result.get("closest"):
        text.append(f"  closest: {result['closest']['url']}\n")
    saved = result.get("saved")
    if saved:
        text.append(f"  save: {saved['status']}" + (f" {saved['snapshot_url']}" if saved.get("snapshot_url") else "")
                    + (f" ({saved.get('message')})" if saved.get("message") else "") + "\n", "cyan")
    if result.get("warc"):
        text.append(f"  local copy: {result['warc']['file']} @ {result['warc']['offset']}\n", "dim")
    return text
