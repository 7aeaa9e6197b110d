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
    if result.credits:
        table = Table()
        for column in ("credit", "creator", "organization", "source", "image"):
            table.add_column(column, overflow="fold")
        for credit in result.credits:
            table.add_row(_short(credit.raw, 50), credit.creator or "", credit.organization or "", credit.source,
                          _short(credit.image, 40))
        yield table
