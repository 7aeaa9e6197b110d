"""A pure credit rule asked again about a short text while one page is read answers from its first reading (#14,
resolver/extract/repeated.py): the same answer, a list of the caller's own, long texts read every time, and
nothing kept from one page to the next."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from resolver import extract
from resolver.extract import credits
from resolver.extract.repeated import one_page, remembered


def _counting(longest: int = 20) -> tuple[list[str], Callable[..., list[str]]]:
    read: list[str] = []

    @remembered(longest=longest)
    def rule(text: str, *, caption: bool = False) -> list[str]:
        read.append(text)
        return [text.upper()] if caption else [text]

    return read, rule


def test_a_short_text_is_read_once_a_page_per_set_of_options() -> None:
    read, rule = _counting()
    with one_page():
        assert rule("Jane Doe/AP") == ["Jane Doe/AP"]
        assert rule("Jane Doe/AP") == ["Jane Doe/AP"]
        assert rule("Jane Doe/AP", caption=True) == ["JANE DOE/AP"]
        assert rule("Jane Doe/AP", caption=True) == ["JANE DOE/AP"]
    assert read == ["Jane Doe/AP", "Jane Doe/AP"]


def test_each_call_gets_a_list_of_its_own() -> None:
    _, rule = _counting()
    with one_page():
        first = rule("Jane Doe/AP")
        first.append("added by a caller")
        assert rule("Jane Doe/AP") == ["Jane Doe/AP"]


@pytest.mark.parametrize("inside", [True, False], ids=["text-over-the-limit", "outside-a-page"])
def test_a_text_is_read_every_time_when_long_or_outside_a_page(inside: bool) -> None:
    read, rule = _counting(longest=5 if inside else 20)
    if inside:
        with one_page():
            rule("Jane Doe/AP")
            rule("Jane Doe/AP")
    else:
        rule("Jane Doe/AP")
        rule("Jane Doe/AP")
    assert read == ["Jane Doe/AP", "Jane Doe/AP"]


def test_nothing_is_kept_once_the_page_is_read() -> None:
    read, rule = _counting()
    with one_page():
        rule("Jane Doe/AP")
    with one_page():
        rule("Jane Doe/AP")
    assert read == ["Jane Doe/AP", "Jane Doe/AP"]


PAGE = """<html><body><article><p>Crowds gathered on the pier at dawn.</p>
<img src="/pier.jpg" alt="The pier at dawn. (Photo: Ann Example/Riverton Tribune)">
<noscript><img src="/pier.jpg" alt="The pier at dawn. (Photo: Ann Example/Riverton Tribune)"></noscript>
</article></body></html>"""


def test_a_caption_a_page_repeats_is_read_once_and_gives_the_same_credits(monkeypatch: pytest.MonkeyPatch) -> None:
    caption = "The pier at dawn. (Photo: Ann Example/Riverton Tribune)"
    alone = credits.find_credits(caption, source="attribute", caption=True)   # outside a page: read, not kept
    asked: list[str] = []
    real = credits.might_have_credit   # the rule's first step: called once each time the rule reads a text
    monkeypatch.setattr(credits, "might_have_credit", lambda text: asked.append(text) or real(text))
    _, found = extract.find_all(PAGE, "html")
    assert asked.count(caption) == 1
    assert [(c.creator, c.organization) for c in found] == [("Ann Example", "Riverton Tribune")]
    assert [(c.creator, c.organization) for c in alone] == [("Ann Example", "Riverton Tribune")]
    extract.find_all(PAGE, "html")
    assert asked.count(caption) == 2   # the next page (this one again) reads it anew


# perf34: a credit value two captions of a page share ("Ann Example/Riverton Tribune" under two photos) is split, and
# weighed as names, once a page: the captions differ, so `find_credits` reads each, and split_credit and
# looks_like_credit_value answered each anew (two calls in five on the corpus).
SHARED_VALUE_PAGE = """<html><body><article><p>Crowds gathered on the pier at dawn.</p>
<figure><img src="/boats.jpg"><figcaption>Boats at the pier. (Photo: Ann Example/Riverton Tribune)</figcaption></figure>
<figure><img src="/gulls.jpg"><figcaption>Gulls over the water. (Photo: Ann Example/Riverton Tribune)</figcaption></figure>
</article></body></html>"""


def test_perf34_a_credit_value_two_captions_share_is_split_and_weighed_once_a_page(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from resolver.extract import credit_names

    split: list[str] = []
    real_split = credit_names._split_credit   # split_credit's own reading: called once each time it reads a value
    monkeypatch.setattr(credit_names, "_split_credit", lambda value, org: split.append(value) or real_split(value, org))
    weighed: list[str] = []

    class Counted:   # looks_like_credit_value's second test: asked once each time it weighs a value
        def __init__(self, pattern: Any) -> None:
            self.pattern = pattern

        def search(self, value: str) -> Any:
            weighed.append(value)
            return self.pattern.search(value)

    monkeypatch.setattr(credits, "NOT_A_CREDIT_RE", Counted(credits.NOT_A_CREDIT_RE))
    _, found = extract.find_all(SHARED_VALUE_PAGE, "html")
    assert [(c.creator, c.organization) for c in found] == [("Ann Example", "Riverton Tribune")] * 2
    assert split.count("Ann Example/Riverton Tribune") == 1
    assert weighed.count("Ann Example/Riverton Tribune") == 1
    extract.find_all(SHARED_VALUE_PAGE, "html")
    assert split.count("Ann Example/Riverton Tribune") == 2   # the next page reads it anew
