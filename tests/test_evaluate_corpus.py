"""The corpus scorer's rules, on fictional labels: what matches, what is normalised away, what does not count."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from resolver.model import Credit, Embed

_spec = importlib.util.spec_from_file_location(
    "evaluate_corpus", Path(__file__).resolve().parents[1] / "scripts" / "evaluate_corpus.py")
evaluate = importlib.util.module_from_spec(_spec)
sys.modules["evaluate_corpus"] = evaluate   # dataclasses look their module up
_spec.loader.exec_module(evaluate)


def _label(**fields):
    base = {"platform": "twitter", "post_id": None, "handle": None, "name": None, "date": None, "text": None,
            "where": "text-remnant", "optional": False, "text_uncertain": False}
    return {**base, **fields}


def _embed(**fields):
    base = {"platform": "twitter", "kind": "post", "url": "https://twitter.com/x", "detector": "text-signature",
            "span": (0, 1)}
    return Embed(**{**base, **fields})


def _credit(creator, organization):
    return Credit(raw=f"{creator}/{organization}", source="caption", span=(0, 1), creator=creator, organization=organization)


@pytest.mark.parametrize("label,found,same", [
    ("Rain “again” — really… https://t.co/Ab12Cd34Ef", 'Rain "again" - really', True),
    ("Bridge &amp; road\nopen pic.twitter.com/Zz98Yy76Xx", "Bridge & road open", True),
    ("Ｆｕｌｌ width", "Full width", True),
    ("The mayor said.Bridge open", "Bridge open", False),
], ids=["quotes-dashes-link-ellipsis", "entity-newline-media", "nfkc", "prose-kept"])
def test_text_normalisation(label, found, same):
    assert (evaluate.normalise_text(label) == evaluate.normalise_text(found)) is same


def test_embeds_match_by_id_then_by_handle_and_date_and_optional_counts_neither_way():
    labels = {"file": "t.txt", "credits": [], "embeds": [
        _label(post_id="1600000000000000001", where="blockquote", text="Bridge open"),
        _label(handle="RivertonRoads", date="2022-12-06", text="Road closed"),
        _label(name="Ann Example", where="iframe", text="Hello"),
        _label(handle="sidebar_feed", date="2022-12-01", optional=True),
        _label(handle="missed_one", date="2022-12-02", text="Never found"),
    ]}
    found = [
        _embed(post_id="1600000000000000001", text="Bridge open"),
        _embed(author_handle="rivertonroads", date="2022-12-06", text="The council met.Road closed"),
        _embed(author_name="Ann Example", text="Hello"),
        _embed(author_handle="sidebar_feed", date="2022-12-01"),
        _embed(post_id="999", platform="youtube", kind="video"),
        _embed(kind="timeline", author_handle="RivertonNews"),
    ]
    score = evaluate.score_file(labels, found, [])
    assert dict(score.embeds) == {"tp": 3, "optional": 1, "fn": 1, "fp": 1}
    assert dict(score.texts) == {"total": 4, "exact": 2}
    assert any("Road closed" in line for line in score.misses)


def test_credit_pairs_are_unique_case_folded_and_trimmed():
    labels = {"file": "p.html", "embeds": [], "credits": [
        {"creator": "Jane Doe", "organization": "AP", "raw": "(AP Photo/Jane Doe)", "where": "caption"},
        {"creator": None, "organization": "Getty Images", "raw": "Getty Images", "where": "caption"},
        {"creator": None, "organization": "Pool", "raw": "Pool", "where": "caption", "optional": True},
        {"creator": None, "organization": "Vesti/Example Times", "raw": "Vesti/Example Times", "where": "attribute",
         "optional": True},
    ]}
    found = [_credit("JANE DOE ", "AP."), _credit("Jane Doe", "AP"), _credit(None, "Pool"), _credit("Getty", "Images"),
             _credit("Vesti", "Example Times")]   # the optional label's words, split another way: neither way
    score = evaluate.score_file(labels, [], found)
    assert dict(score.credits) == {"tp": 1, "fp": 1, "fn": 1, "optional": 2}


def test_a_matched_embeds_handle_name_and_date_are_checked_against_the_label():
    labels = {"file": "p.html", "credits": [], "embeds": [
        _label(post_id="1600000000000000001", handle="ann_ex", name="Ann Example", date="2022-12-06", where="blockquote"),
        _label(post_id="1600000000000000002", handle="bo_ex", name="Bo Example", date="2022-12-06", where="blockquote"),
        _label(post_id="1600000000000000003", handle="cy_ex", name=None, date=None, where="link"),
    ]}
    found = [
        _embed(post_id="1600000000000000001", author_handle="Ann_Ex", author_name="Ann Example", date="2022-12-06"),
        _embed(post_id="1600000000000000002", author_handle="bo_ex", author_name="words - Bo Example", date="2022-12-06"),
        _embed(post_id="1600000000000000003", author_handle="cy_ex"),
    ]
    score = evaluate.score_file(labels, found, [])
    assert dict(score.authors) == {"total": 3, "right": 2}
    assert any("author wrong" in line and "words - Bo Example" in line for line in score.misses)
    assert evaluate.summarise([score])["authors"] == {"right": 2, "n": 3, "exact": "0.667"}


def _run(monkeypatch, capsys, *args):
    monkeypatch.setattr(sys, "argv", ["evaluate_corpus.py", *map(str, args)])
    code = evaluate.main()
    return code, capsys.readouterr().out


def test_no_corpus_is_said_and_exits_0(tmp_path, monkeypatch, capsys):
    code, out = _run(monkeypatch, capsys, tmp_path / "absent")
    assert (code, out) == (0, f"corpus not found at {tmp_path / 'absent'}; nothing to evaluate\n")


def test_a_small_corpus_is_scanned_and_scored_end_to_end(tmp_path, monkeypatch, capsys):
    corpus, labels = tmp_path / "corpus", tmp_path / "labels"
    (corpus / "html").mkdir(parents=True)
    labels.mkdir()
    (corpus / "html" / "story.html").write_text(
        '<html><body><blockquote class="twitter-tweet"><p>Open at last</p>&mdash; Ann Example (@ann_ex) '
        '<a href="https://twitter.com/ann_ex/status/1600000000000000001">December 6, 2022</a></blockquote>'
        '<figure><img src="https://img.example.org/a.jpg"><figcaption>The bridge. (Ben Example/Reuters)</figcaption>'
        '</figure></body></html>', encoding="utf-8")
    (labels / "html__story.html.json").write_text(json.dumps({"file": "html/story.html", "note": "fictional", "embeds": [
        _label(post_id="1600000000000000001", handle="ann_ex", name="Ann Example", date="2022-12-06",
               text="Open at last", where="blockquote")],
        "credits": [{"creator": "Ben Example", "organization": "AP", "raw": "(Ben Example/Reuters)", "where": "caption"}]}))
    code, out = _run(monkeypatch, capsys, corpus, "--labels", labels, "--json")
    summary = json.loads(out)
    assert code == 0 and summary["files"] == 1
    assert summary["embeds"]["precision"] == summary["embeds"]["recall"] == summary["tweet_text"]["exact"] == "1.000"
    assert summary["credits"]["precision"] == summary["credits"]["recall"] == "0.000"   # the label says AP: no match
    code, out = _run(monkeypatch, capsys, corpus, "--labels", labels)
    assert "spans that do not point at their element: 0" in out
    assert "credit missed: ('ben example', 'ap')" in out and "credit extra:  ('ben example', 'reuters')" in out


def test_a_loose_signatures_span_is_checked_as_the_text_it_spans(tmp_path, monkeypatch, capsys):
    """A tweet flattened into loose text no element holds (a scraped text a stray tag made HTML) is spanned on its
    characters, not on an element (sniff29): such a span is good when it reads as its signature, and only then."""
    corpus = tmp_path / "corpus"
    (corpus / "text").mkdir(parents=True)
    (corpus / "text" / "scraped.txt").write_text(
        "Notes from the day.\n<li>one</li>\n\nOpen at last. pic.twitter.com/Zz98Yy76Xx\n"
        "\u2014 Ann Example (@ann_ex) December 6, 2022\n\nMore words.\n", encoding="utf-8")
    code, out = _run(monkeypatch, capsys, corpus, "--labels", tmp_path / "labels")
    assert code == 0 and "spans that do not point at their element: 0" in out
    assert "html-text-signature" in out
