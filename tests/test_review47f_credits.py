"""review47f: credits fix47b read for some writings of a name and not others (fictional captions and people)."""

import pytest

from resolver.extract import find_all

IMAGE = "https://img.example-news.test/2026/a.jpg"


def figure(caption: str, lang: str = "en") -> str:
    return (f'<!doctype html><html lang="{lang}"><body><article><p>The article\'s words, long enough.</p>'
            f'<figure><img src="{IMAGE}"><figcaption>A scene at the harbour. {caption}</figcaption></figure>'
            '</article></body></html>')


def plain(line: str) -> str:
    return f"The article's words, long enough.\n\nA scene at the harbour. {line}\n\nMore words.\n"


def read(content: str, kind: str = "html") -> list[tuple[str | None, str | None, str | None]]:
    """(creator, organization, split confidence) of each credit found."""
    return [(c.creator, c.organization, c.split_confidence) for c in find_all(content, kind)[1]]


# A US guard written in capitals, as wire captions write credits, is the body as in small letters (fix47b #1): the
# cheap test before its pattern looked for "uard" in the case written, so "OHIO NATIONAL GUARD" was a person "not
# sure" and "COAST GUARD/Jane Roe" made the guard the photographer of the organisation "Jane Roe".
@pytest.mark.parametrize("line, expected", [
    ("Photo: OHIO NATIONAL GUARD", [(None, "OHIO NATIONAL GUARD", "high")]),
    ("Photo: COAST GUARD/Jane Roe", [("Jane Roe", "COAST GUARD", "high")]),
    ("Photo: Ohio National Guard", [(None, "Ohio National Guard", "high")]),
], ids=["state-guard-capitals", "coast-guard-capitals-person", "state-guard"])
def test_a_guard_in_capitals_is_the_body(line, expected):
    assert read(figure(line)) == expected
    assert read(plain(line), "text") == expected
