"""A US newspaper CMS's credit lines, as an archivist migrating 2006-2026 articles meets them (newuser44d #3, #10):
read as a picture desk reads them. Fixtures are fictional, in the markup such CMSs wrote."""

import pytest

from resolver.extract import find_all

BODY = ("<p>The county fair opened on Friday with a parade down Main Street and a record number of livestock "
        "entries from across the valley, organisers said.</p>")


def credits_of(markup: str) -> list[tuple[str, str | None, str | None, str | None]]:
    page = f'<html><body><h1>Fair opens</h1>{BODY}<img src="/images/2011/fair.jpg">{markup}</body></html>'
    _, found = find_all(page, "html")
    for credit in found:   # the span is the credit's words as written
        assert credit.raw in page[credit.span[0]:credit.span[1]], (credit.raw, page[credit.span[0]:credit.span[1]])
    return [(c.raw, c.creator, c.organization, c.kind) for c in found]


@pytest.mark.parametrize("markup", [
    "<p>Staff photo by Dale Hunt</p>",
    '<p class="caption">Daisy the goat at the 4-H barn. Staff photo by Dale Hunt</p>',
    "<figcaption>Daisy the goat at the 4-H barn. Staff photo by Dale Hunt</figcaption>",
    '<span class="credit">Staff photo by Dale Hunt</span>',   # was creator "Staff photo by Dale Hunt"
])
def test_staff_photo_by_names_the_paper_s_photographer(markup):
    assert credits_of(markup) == [("Staff photo by Dale Hunt", "Dale Hunt", None, "staff")]


def test_staff_photo_by_a_name_and_the_paper():
    assert credits_of("<figcaption>Staff photo by Dale Hunt/The Daily Courier</figcaption>") == [
        ("Staff photo by Dale Hunt/The Daily Courier", "Dale Hunt", "The Daily Courier", "staff")]


@pytest.mark.parametrize("name", ["DALE HUNT", "Dale Hunt"])
def test_a_name_slash_the_paper_ending_a_caption_is_its_photographer_and_the_paper(name):
    [(raw, creator, organization, kind)] = credits_of(
        f'<p class="caption">The midway at dusk. {name}/The Daily Courier</p>')
    assert (raw, creator, organization, kind) == (f"{name}/The Daily Courier", name, "The Daily Courier", None)


@pytest.mark.parametrize("markup,kind", [
    ('<p class="cutline">Submitted photo</p>', "submitted"),
    ('<p class="credit">Submitted photo</p>', "submitted"),
    ('<p class="credit">Contributed photo</p>', "contributed"),
    ("<p>Contributed photo</p>", "contributed"),
    ("<figcaption>Staff file photo</figcaption>", "file"),
    ('<p class="caption">The old mill in 1998. Staff file photo</p>', "file"),
])
def test_a_credit_naming_no_creator_is_a_credit_with_its_creator_unknown(markup, kind):
    """"Submitted photo" names no one: a credit whose creator is not known (never a person named "Submitted")."""
    [(raw, creator, organization, found_kind)] = credits_of(markup)
    assert (creator, organization, found_kind) == (None, None, kind)
    assert raw.endswith("photo")


def test_photo_submitted_by_names_who_sent_it_in_not_who_took_it():
    """As a courtesy credit names a lender: the club sent the picture in; who took it is not said."""
    assert credits_of('<p class="caption">Members show their calves. Photo submitted by the Harlow 4-H Club</p>') == [
        ("Photo submitted by the Harlow 4-H Club", None, "the Harlow 4-H Club", "submitted")]


def test_file_photo_slash_the_paper_ending_a_caption():
    assert credits_of('<p class="caption">The midway in 2009. File photo / The Daily Courier</p>') == [
        ("File photo / The Daily Courier", None, "The Daily Courier", "file")]


@pytest.mark.parametrize("markup", [
    "<p>Submitted photos must reach the newsroom by Friday noon.</p>",
    "<p>Staff photographers covered the parade.</p>",
    '<p class="caption">The mayor spoke. File photo / the mayor asked</p>',
])
def test_prose_with_the_same_words_is_no_credit(markup):
    assert credits_of(markup) == []


@pytest.mark.parametrize("markup,raw,creator,organization", [
    ("<figcaption>Photo by Jo Kline on Flickr, CC BY 2.0</figcaption>",
     "Photo by Jo Kline on Flickr, CC BY 2.0", "Jo Kline", "Flickr"),
    ("<figcaption>The bridge at dawn. Photo: Jo Kline, CC BY-SA 4.0</figcaption>",
     "Photo: Jo Kline, CC BY-SA 4.0", "Jo Kline", None),
    ("<p>Photo: Jo Kline (CC BY 2.0)</p>", "Photo: Jo Kline (CC BY 2.0)", "Jo Kline", None),
])
def test_a_credit_s_licence_is_kept_in_its_words_and_is_no_name(markup, raw, creator, organization):
    """newuser44d #10: the licence was cut from the credit, or read as part of the name, or lost the credit."""
    [(found_raw, found_creator, found_organization, _)] = credits_of(markup)
    assert (found_raw, found_creator, found_organization) == (raw, creator, organization)


def test_credit_submitted_photo_is_a_credit_whose_creator_is_not_known():
    """It was listed as no credit ("that it was sent in, not by whom"); a picture desk files it as a credit: sent in
    by a reader, its creator not known. Its label is part of its words."""
    from resolver.extract.credits import find_credits

    [credit] = find_credits("Credit: Submitted photo")
    assert (credit.raw, credit.span, credit.creator, credit.organization, credit.kind) == (
        "Credit: Submitted photo", (0, 23), None, None, "submitted")


def test_the_report_says_what_each_newsroom_credit_is(tmp_path):
    """The report words each kind as a desk would: the paper's photographer, a picture sent in by a reader, and who
    sent it in never as who made it."""
    from click.testing import CliRunner

    from resolver.cli import cli

    article = tmp_path / "fair.html"
    article.write_text(f'<html><body><h1>Fair opens</h1>{BODY}<figure><img src="https://example.org/a.jpg">'
                       "<figcaption>Daisy the goat. Staff photo by Dale Hunt</figcaption></figure><figure>"
                       '<img src="https://example.org/b.jpg"><figcaption>Members show their calves. Photo submitted '
                       "by the Harlow 4-H Club</figcaption></figure></body></html>")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", str(article)])
    assert result.exit_code == 0, result.output
    assert "- Creator: Dale Hunt; organisation: —" in result.stdout
    assert "label: staff photo (the paper's own photographer)" in result.stdout
    assert ("- Creator: —; sent in by (a source, not said to be who made it): the Harlow 4-H Club; "
            "label: submitted (sent in to the paper; who took it not said)") in result.stdout


def test_a_report_of_newsroom_credits_meets_its_schema(tmp_path):
    """The report's JSON of a page whose credits carry the newsroom kinds (staff, submitted, contributed) meets
    schema/report.schema.json, whose kind list named none of them (fixnu44g and fixnu44f merged apart)."""
    import json
    from pathlib import Path

    import jsonschema
    from click.testing import CliRunner

    from resolver.cli import cli

    article = tmp_path / "old.html"
    article.write_text("""<html><body><article><h1>Mill reopens</h1>
<figure><img src="https://img.example.org/mill.jpg"><figcaption>The mill in May. Staff photo by Dana Whitcombe
</figcaption></figure>
<figure><img src="https://img.example.org/fair.jpg"><figcaption>The county fair. Submitted photo</figcaption></figure>
<figure><img src="https://img.example.org/run.jpg"><figcaption>Runners at dawn. Contributed photo</figcaption></figure>
</article></body></html>""")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", "--format", "json",
                                      str(article)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert sorted(c["kind"] for c in data["credits"]) == ["contributed", "staff", "submitted"]
    jsonschema.validate(data, json.loads((Path(__file__).parents[1] / "schema" / "report.schema.json").read_text()))
