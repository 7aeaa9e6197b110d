"""newuser42a's photo-credit findings 3-9 and 11 (fixnu42b, #10): a wire desk's night picture editor's pages.
Fixtures fictional."""

import pytest

from resolver.extract import find_all


def figure(caption: str, src: str = "https://img.wire.example/p1.jpg") -> str:
    return ('<!doctype html><html lang="en"><body><article><p>Story words here about the day.</p><figure>'
            f'<img src="{src}"><figcaption>{caption}</figcaption></figure>'
            "<p>More words.</p></article></body></html>")


def credits_of(content: str, kind: str = "html") -> list[tuple[str | None, str | None, str | None]]:
    return [(c.creator, c.organization, c.kind) for c in find_all(content, kind)[1]]


def split_of(content: str, kind: str = "html") -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(c.creator, c.organization, c.kind, c.split_confidence) for c in find_all(content, kind)[1]]


# Finding 9: "Screenshot via X" names the platform the picture was taken from, no photographer.
@pytest.mark.parametrize("caption, expected", [
    ("Candidate Rob Hale's post on X. Screenshot via X", [(None, "X", None, "high")]),
    ("Screenshot via X", [(None, "X", None, "high")]),
    ("A bear in a backyard. Screenshot via Facebook", [(None, "Facebook", None, "high")]),
    ("Screenshot via X/@patneighbor", [("@patneighbor", "X", None, "high")]),
], ids=["after-words", "alone", "facebook", "handle-as-before"])
def test_a_screenshot_via_a_platform_names_the_platform_not_a_photographer(caption, expected):
    assert split_of(figure(caption)) == expected
