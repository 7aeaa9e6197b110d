"""Extraction: an article in, its embeds and photo credits out. Pure: no network, no clock, no database."""

from __future__ import annotations

from resolver.extract import credits, html, text
from resolver.model import Credit, Embed


def find_all(content: str, kind: str) -> tuple[list[Embed], list[Credit]]:
    """Embeds and credits of a decoded document; `kind` is "html" or "text". Never raises on odd input."""
    if kind == "html":
        return html.scan(content)
    return text.find_embeds(content), credits.find_credits(content)


__all__ = ["find_all", "credits", "html", "text"]
