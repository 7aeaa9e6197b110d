"""Short agency names that are also other things (credits36, CLOSING-stop35 "Credits"): `EPA` (the US Environmental
Protection Agency), `AA` (a battery size), `تسنیم` (Tasnim, a given name), `وفا` (Wafa, a given name and a word),
`신화` (Xinhua, and "myth"). Where a credit word or a credit element says the words are a credit, they are the
agency; where only their place says so (a caption's last words, brackets ending a line), the credit is said
uncertain, and the report says why. An acronym in brackets after the words it stands for is no credit at all.
"""

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from resolver.cli import cli
from resolver.extract import find_all


def figure(caption: str) -> str:
    return ('<!doctype html><html><body><article><p>Story words here.</p><figure>'
            f'<img src="https://img.example.org/2026/p1.jpg"><figcaption>{caption}</figcaption></figure></article>'
            '</body></html>')


def credits_in(caption: str, kind: str = "html") -> list[tuple[str | None, str | None, str | None]]:
    content = figure(caption) if kind == "html" else caption
    return [(c.creator, c.organization, c.split_confidence) for c in find_all(content, kind)[1]]


@pytest.mark.parametrize("words,kind", [
    ("The plant was fined by the Environmental Protection Agency (EPA)", "text"),
    ("The plant was fined by the Environmental Protection Agency (EPA)\n\nThe company will appeal.", "text"),
    ("An inspector of the Environmental Protection Agency (EPA)", "html"),
    ("Reporters of the Anadolu Agency (AA) at the door", "html"),
    ("A statement from the Associated Press (AP)", "html"),
], ids=["prose", "prose-line", "caption", "anadolu-spelled-out", "ap-spelled-out"])
def test_credits36_an_acronym_after_the_words_it_stands_for_is_no_credit(words, kind):
    """"the Environmental Protection Agency (EPA)" gave the credit EPA, high: a wrong agency (the European
    Pressphoto Agency, in the views) for a sentence naming a US agency."""
    assert credits_in(words, kind) == []


@pytest.mark.parametrize("words,kind,organization", [
    ("Two batteries, side by side (AA)", "html", "AA"),
    ("Buy two batteries (AA)", "text", "AA"),
    ("Protesters in Ankara (AA)", "html", "AA"),
    ("Inspectors at the plant (EPA)", "html", "EPA"),
    ("مراسم در تهران (تسنیم)", "html", "تسنیم"),
    ("تسنیم", "html", "تسنیم"),
], ids=["batteries", "batteries-text", "ankara", "epa-plant", "tasnim-brackets", "tasnim-alone"])
def test_credits36_an_ambiguous_agency_by_its_place_alone_is_uncertain(words, kind, organization):
    """Brackets ending a caption, or a caption's last words, are where a credit stands, and where "(AA)" after
    batteries stands too: the agency alone there was `high`."""
    assert credits_in(words, kind) == [(None, organization, "uncertain")]


@pytest.mark.parametrize("caption,expect", [
    ("Workers at the plant. Photo: EPA", (None, "EPA", "high")),
    ("Protesters in Ankara. Fotoğraf: AA", (None, "AA", "high")),
    ("ورود به تهران. عکس: تسنیم", (None, "تسنیم", "high")),
    ("Protesters in Ankara. (Photo: Jane Doe/AA)", ("Jane Doe", "AA", "high")),
    ("Workers at the plant. <span class=\"credit\">EPA</span>", (None, "EPA", "high")),
    ("Protesters (Reuters)", (None, "Reuters", "high")),   # an agency no other word shares stays sure by its place
], ids=["photo-epa", "turkish-aa", "persian-tasnim", "person-and-aa", "credit-element", "reuters"])
def test_credits36_an_ambiguous_agency_in_a_credits_place_is_the_agency(caption, expect):
    assert credits_in(caption) == [expect]


def test_credits36_a_person_named_after_an_ambiguous_agency_is_no_organisation():
    """"عکس: تسنیم احمدی" (photo: Tasnim Ahmadi) was the organisation "تسنیم احمدی", high: a known agency's name
    with a word after it ("Getty Image") is that agency, but Tasnim is a given name as well."""
    [(creator, organization, _)] = credits_in("ورود به تهران. عکس: تسنیم احمدی")
    assert organization is None and creator == "تسنیم احمدی"


def test_credits36_the_report_says_why_an_ambiguous_agency_is_uncertain(tmp_path):
    article = tmp_path / "article.html"
    article.write_text(figure("Two batteries, side by side (AA)"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", "--format", "json",
                                      str(article)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, json.loads((Path(__file__).parents[1] / "schema" / "report.schema.json").read_text()))
    [credit] = data["credits"]
    [why] = [c for c in credit["checks"] if c["name"] == "agency-name"]
    assert why["result"] == "warn"
    assert why["evidence"] == ("'AA' is Anadolu Agency's short name and also a battery size and other abbreviations: "
                               "read as the agency by its place alone, no credit word names it")


# review36c: credits36 kept an ambiguous short name out of is_known_org's "a known name and a word" rule (so that
# "عکس: تسنیم احمدی" is a person), and with it "(EPA Images)" (the agency's own name since 2019) and "(AA Photo)" (how
# Turkish papers' English editions credit Anadolu) gave no credit at all: both were credits, high, before. A picture
# word after the short name says it is the agency.
@pytest.mark.parametrize("caption,expect", [
    ("Erdogan speaks in Ankara (EPA Images)", [(None, "EPA Images", "high")]),
    ("Erdogan speaks in Ankara (AA Photo)", [(None, "AA", "high")]),
    ("Erdogan speaks in Ankara. Photo: EPA Images", [(None, "EPA Images", "high")]),
], ids=["epa-images", "aa-photo", "epa-images-after-a-word"])
def test_review36c_an_ambiguous_agency_with_a_picture_word_after_it_is_the_agency(caption, expect):
    assert credits_in(caption) == expect



def page_of(*captions: str) -> str:
    figures = "".join(f'<figure><img src="https://img.example.org/2026/p{i}.jpg"><figcaption>{caption}</figcaption>'
                      '</figure>' for i, caption in enumerate(captions))
    return f'<!doctype html><html><body><article><p>Story words here.</p>{figures}</article></body></html>'


# review36c: the Telegraph page of the corpus (np-telegraph.co.uk1) ends its captions "… Indonesia (EPA)", "…
# Pangkalan Bun, Indonesia (AP)", "… (Getty)": the UK papers' convention (The Independent and the Evening Standard
# write "(EPA)", "(PA)", "(AFP via Getty Images)" alike). credits36 made its four EPA credits uncertain by their
# place alone, beside "(AP)" and "(Getty)" in the same place, high. Where the page itself credits an agency no other
# word shares alone in that place, the place is its credit convention and the short name is the agency there; a page
# with no such credit keeps the doubt ("Two batteries (AA)" alone).
@pytest.mark.parametrize("captions,expect", [
    (("Relatives pray at Juanda Airport, in Surabaya, Indonesia (EPA)", "Rescuers at the harbour in Pangkalan Bun (AP)"),
     [(None, "EPA", "high"), (None, "AP", "high")]),
    (("Relatives pray at the airport (EPA)", "A sand sculpture on the beach (Getty)", "Police at the door (EPA)"),
     [(None, "EPA", "high"), (None, "Getty", "high"), (None, "EPA", "high")]),
    (("Protesters in Ankara (AA)", "Rescuers at the harbour (Reuters)"), [(None, "AA", "high"), (None, "Reuters", "high")]),
], ids=["telegraph-epa-and-ap", "epa-and-getty", "aa-and-reuters"])
def test_review36c_an_ambiguous_agency_where_the_page_credits_agencies_so_is_the_agency(captions, expect):
    assert [(c.creator, c.organization, c.split_confidence) for c in find_all(page_of(*captions), "html")[1]] == expect


@pytest.mark.parametrize("captions,expect", [
    (("Relatives pray at the airport (EPA)", "Two batteries (AA)"), [(None, "EPA", "uncertain"), (None, "AA", "uncertain")]),
    (("Relatives pray at the airport (EPA)", "Rescuers at the harbour. Photo: Reuters"),
     [(None, "EPA", "uncertain"), (None, "Reuters", "high")]),
], ids=["two-ambiguous", "another-form"])
def test_review36c_an_ambiguous_agency_with_no_convention_on_the_page_stays_uncertain(captions, expect):
    """Two ambiguous names prove no convention to each other; a credit word elsewhere ("Photo: Reuters") says nothing
    of brackets ending a caption."""
    assert [(c.creator, c.organization, c.split_confidence) for c in find_all(page_of(*captions), "html")[1]] == expect
