"""Extraction stays linear on adversarial input (#12): each of scripts/bench_scaling.py's inputs, at about 200 KB,
completes, and the text the detectors read stays within a fixed multiple of the input. No timing is asserted:
a quadratic path shows as text read many times over (or as a run that does not finish)."""

import importlib.util
import sys
from pathlib import Path

import pytest

from resolver import extract
from resolver.extract import credits, dom, html, html_credits, text

_SPEC = importlib.util.spec_from_file_location("bench_scaling", Path(__file__).parents[1] / "scripts" / "bench_scaling.py")
assert _SPEC is not None and _SPEC.loader is not None
bench_scaling = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench_scaling)

SIZE = 200_000


@pytest.fixture
def chars_read(monkeypatch):
    """Characters handed to the text readers (element texts, credit patterns), summed over a run."""
    read = [0]

    def counting(function):
        def wrapper(*args, **kwargs):
            result = function(*args, **kwargs)
            read[0] += len(args[0]) if isinstance(args[0], str) else len(result) if isinstance(result, str) else 0
            return result
        return wrapper

    for module, name in ((dom, "element_text"), (dom, "spaced_text"), (dom, "text_with_breaks"), (html, "element_text"),
                         (html, "text_with_breaks"), (html_credits, "element_text"), (html_credits, "spaced_text"),
                         (credits, "find_credits"), (html_credits.credit_patterns, "find_credits")):
        monkeypatch.setattr(module, name, counting(getattr(module, name)))
    return read


@pytest.mark.parametrize("name", list(bench_scaling.CASES), ids=list(bench_scaling.CASES))
def test_adversarial_input_is_read_a_bounded_number_of_times(name, chars_read):
    kind, build = bench_scaling.CASES[name]
    document = build(SIZE)
    embeds, found = extract.find_all(document, kind)
    assert chars_read[0] <= 20 * len(document)
    for item in [*embeds, *found]:
        assert 0 <= item.span[0] <= item.span[1] <= len(document)


def python_calls(function, *args):
    """How many Python function calls (generator steps included) a call makes: work, counted, not timed."""
    count = 0

    def profiler(frame, event, arg):
        nonlocal count
        count += event == "call"

    sys.setprofile(profiler)
    try:
        function(*args)
    finally:
        sys.setprofile(None)
    return count


def grows_linearly(build, function):
    """Twice the input costs at most 2.5 times the work."""
    small, large = python_calls(function, build(1)), python_calls(function, build(2))
    return large <= 2.5 * small


LINK = '<a href="https://twitter.com/jdoe/status/1234567890123456789">'


def test_one_post_link_opened_over_and_over_is_one_embed_with_every_place():
    # The case: each place was checked against every span taken before, and `_dedupe` rebuilt the list
    # of places for each repeat.
    page = "<html><body><p>" + LINK * 20_000
    [embed] = html.scan(page)[0]
    assert embed.post_id == "1234567890123456789"
    assert len(embed.also_at) == 19_999
    assert embed.span[0] == page.index(LINK)
    assert all(page.startswith(LINK, start) for start, _ in embed.also_at)


def test_one_post_link_opened_over_and_over_costs_linear_work():
    assert grows_linearly(lambda k: "<html><body><p>" + LINK * 1_000 * k, html.scan)


SIGNED = "Great day. pic.twitter.com/q3uNO4mJHi — Jane Doe (@jdoe) September 12, 2022\n"


def test_dense_signatures_are_each_found_once():
    embeds = [e for e in text.find_embeds(SIGNED * 5_000) if e.detector == "text-signature"]
    assert len(embeds) == 5_000
    assert embeds[-1].span[0] == len(SIGNED) * 4_999


def test_dense_signatures_cost_linear_work():
    assert grows_linearly(lambda k: SIGNED * 500 * k, text.find_embeds)


class SlicesCounted(str):
    """A text that counts the characters sliced out of it: a detector copying the rest of the text for each post
    reads it quadratically, with no Python call to count."""
    sliced = 0

    def __getitem__(self, key):  # type: ignore[override]
        part = str.__getitem__(self, key)
        SlicesCounted.sliced += len(part)
        return part


def test_signatures_under_lines_of_words_slice_the_text_a_bounded_number_of_times():
    """In a blank-line document each post on its signature's line took its block's leading blanks from a copy of the
    whole rest of the text (tweettext27)."""
    unit = "a line of words\nOpen — Ann Example (@ann_ex) May 2, 2019\n"
    read = []
    for k in (1, 2):
        doc = SlicesCounted("Intro.\n\nMore.\n\n" + unit * 300 * k)
        SlicesCounted.sliced = 0
        assert len(text.find_embeds(doc)) == 300 * k
        read.append(SlicesCounted.sliced / len(doc))
    assert read[1] <= 1.25 * read[0]


FIRST = ["Jane", "John", "Ana", "Omar", "Li", "Sara", "Ivan", "Nina", "Paul", "Rosa"]
LAST = ["Doe", "Roe", "Diaz", "Khan", "Wong", "Berg", "Novak", "Silva", "Moreau", "Okafor"]
NAMES = [f"{a} {b}{c}" for a in FIRST for b in LAST for c in ("", "son", "sen", "ez", "ski", "ley")]


def test_dense_credits_in_one_line_are_each_found_once():
    # The case: each credit was checked for overlap against every credit found before it.
    found = credits.find_credits("".join(f"Photo: {name}/AP. " for name in NAMES) * 4)
    assert len(found) == len(NAMES) == 600
    assert {c.organization for c in found} == {"AP"}


def test_dense_credits_cost_linear_work():
    assert grows_linearly(lambda k: "".join(f"Photo: {name}/AP. " for name in NAMES) * k, credits.find_credits)


def naive_chunks(page):
    """html.chunks written the obvious way, from the list of every '<': the reference the fast count must equal."""
    lts = [i for i, c in enumerate(page) if c == "<"]
    if len(page) <= html.WHOLE_PAGE_TAGS or len(lts) <= html.WHOLE_PAGE_TAGS:
        return [(0, len(page))]
    cuts, at = [0], 0
    while True:
        later = [i for i in lts if i >= at]
        if len(later) < html.CHUNK_TAGS:
            break
        at = later[html.CHUNK_TAGS - 1]
        cut = html.CUT_RE.search(page, at, at + html.CUT_REACH)
        cuts.append(cut.start() if cut else at)
        at = cuts[-1] + 1
    return list(zip(cuts, cuts[1:] + [len(page)]))


BLOCK = html.LT_BLOCK
PAGES = {
    "all-lt": "<" * 30_000,
    "divs": ("<div>" + "a" * 30) * 10_000,
    "sparse-then-dense": "x" * (3 * BLOCK - 7) + "<b>" * 12_000 + "<p>" + "y" * (BLOCK + 1) + "<i>" * 9_000,
    "cuts-far-from-blocks": ("<b>" + "z" * 40) * 9_000 + ("<section>" + "w" * 300) * 2_000,
    "one-lt": "<" + "a" * 100_000,
    "block-edges": "".join("<" if i % BLOCK in (0, BLOCK - 1) else "a" for i in range(BLOCK * 3)) * 2 + "<u>" * 8_001,
}


@pytest.mark.parametrize("name", list(PAGES), ids=list(PAGES))
def test_big_pages_are_cut_where_counting_every_tag_cuts_them(name):
    page = PAGES[name]
    assert html.chunks(page) == naive_chunks(page)
