"""A credit in the page's og:image:alt / twitter:image:alt, and two sources crediting one photo differently
(newuser35b #6). Small fictional pages written here."""

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from resolver.cli import cli
from resolver.extract import find_all

OG_IMAGE = "https://img.example.org/2026/flood-1200x630.jpg"
SHOWN = "https://img.example.org/2026/flood-800x450.jpg"


def page(head: str, body: str = f'<p>The river rose overnight.</p><img src="{SHOWN}" alt="">') -> str:
    return f"<html><head><title>Flood</title>{head}</head><body><article>{body}</article></body></html>"


def meta_alt(alt: str, *, twitter: bool = True) -> str:
    return (f'<meta property="og:image" content="{OG_IMAGE}"><meta property="og:image:alt" content="{alt}">'
            + (f'<meta name="twitter:image" content="{OG_IMAGE}"><meta name="twitter:image:alt" content="{alt}">'
               if twitter else ""))


def jsonld(credit_text: str) -> str:
    return ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "image": '
            f'{{"@type": "ImageObject", "url": "{OG_IMAGE}", "creditText": "{credit_text}"}}}}</script>')


def credits_of(html: str) -> list[tuple]:
    return [(c.creator, c.organization, c.image, c.form) for c in find_all(html, "html")[1]]


def test_a_credit_ending_og_image_alt_is_read_tied_to_the_og_image():
    """The page's only credit was in og:image:alt and twitter:image:alt: "0 credits". It is read as an <img alt> is
    (a credit ending the alt), tied to the og:image; the twitter copy of the same credit is one more place of it."""
    html = page(meta_alt("Flooded street in Valencia. (Photo: Jane Doe/AP)"))
    [credit] = find_all(html, "html")[1]
    assert (credit.creator, credit.organization, credit.image, credit.source) == ("Jane Doe", "AP", OG_IMAGE,
                                                                                  "attribute")
    assert credit.form == "og:image:alt" and credit.raw == "(Photo: Jane Doe/AP)"
    assert html[credit.span[0]:credit.span[1]].startswith('<meta property="og:image:alt"')
    [(start, end)] = credit.also_at
    assert html[start:end].startswith('<meta name="twitter:image:alt"')


@pytest.mark.parametrize("alt", ["A flooded street in Valencia", "Photo of a flooded street", ""],
                         ids=["no-credit", "photo-word", "empty"])
def test_an_og_image_alt_that_credits_no_one_gives_no_credit(alt):
    assert credits_of(page(meta_alt(alt))) == []


def test_twitter_image_alt_alone_is_tied_to_the_twitter_image():
    html = page(f'<meta name="twitter:image" content="{SHOWN}">'
                '<meta name="twitter:image:alt" content="Rescue boats. Photo: Carla Diaz/EFE">')
    assert credits_of(html) == [("Carla Diaz", "EFE", SHOWN, "twitter:image:alt")]


def test_an_og_image_alt_inside_the_body_or_an_embed_is_not_the_pages():
    """Only the page's own head names its og:image: a meta in the body is read no more than before."""
    html = "<html><head></head><body>" + meta_alt("Flooded street. (Photo: Jane Doe/AP)") + "<p>Text.</p></body></html>"
    assert credits_of(html) == []


def report(tmp_path: Path, html: str, fmt: str) -> str:
    article = tmp_path / "article.html"
    article.write_text(html, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", "--format", fmt,
                                      str(article)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_two_sources_crediting_one_photo_differently_are_both_kept_and_the_report_says_they_disagree(tmp_path):
    """og:image:alt said Carla Diaz/EFE, the JSON-LD creditText for the same image Anna Berg/Reuters: only the JSON-LD
    credit was reported, and nothing said the page credits its photo two ways. Both are kept, and each one's
    `other-credits` check warns, naming the other."""
    html = page(meta_alt("Rescue boats. (Photo: Carla Diaz/EFE)", twitter=False) + jsonld("Anna Berg/Reuters"))
    assert sorted(credits_of(html)) == [("Anna Berg", "Reuters", OG_IMAGE, "json-ld (creditText)"),
                                        ("Carla Diaz", "EFE", OG_IMAGE, "og:image:alt")]
    data = json.loads(report(tmp_path, html, "json"))
    jsonschema.validate(data, json.loads((Path(__file__).parents[1] / "schema" / "report.schema.json").read_text()))
    checks = {c["creator"]: [k for k in c["checks"] if k["name"] == "other-credits"] for c in data["credits"]}
    [on_efe], [on_reuters] = checks["Carla Diaz"], checks["Anna Berg"]
    assert on_efe["result"] == on_reuters["result"] == "warn"
    number = {c["creator"]: i + 1 for i, c in enumerate(data["credits"])}
    assert on_efe["evidence"] == (f"credit {number['Anna Berg']} (json-ld) credits this image to Anna Berg / Reuters: "
                                  "the page credits it in more than one way")
    assert f"credit {number['Carla Diaz']} (attribute og:image:alt) credits this image to Carla Diaz / EFE" in \
        on_reuters["evidence"]
    assert data["summary"]["checks"]["warn"] >= 2
    assert "**other-credits**: credit" in report(tmp_path, html, "md")
    assert "other-credits" in report(tmp_path, html, "html")


@pytest.mark.parametrize("other, json_ld", [
    ("(Photo: Carla Diaz/EFE)", "Carla Diaz/EFE"),           # the same credit: one, the other a place of it
    ("(Photo: EFE)", "Carla Diaz/EFE"),                      # one names less: no disagreement
    ("(AP Photo/Jane Doe)", "Jane Doe/AP"),                  # the same credit in the wire's and the site's order
    ("(Photo: Anna Berg/رويترز)", "Anna Berg/Reuters"),      # one agency in two scripts (cache/agencies.py)
    ("(Photo: Carla Díaz/EFE)", "Carla Diaz/EFE"),           # a name with and without its accent
], ids=["same", "one-names-less", "wire-order", "agency-in-two-scripts", "accent-dropped"])
def test_sources_that_agree_raise_no_disagreement(tmp_path, other, json_ld):
    html = page(meta_alt(f"Rescue boats. {other}", twitter=False) + jsonld(json_ld))
    data = json.loads(report(tmp_path, html, "json"))
    assert data["credits"] and not [k for c in data["credits"] for k in c["checks"] if k["name"] == "other-credits"]


def test_the_credits_one_line_gives_for_a_composite_are_no_disagreement():
    """"(Photos by Ann Lee, left, and Bo Chan/Riverton Wire)" under one composite image is two credits of one span:
    they name two people because the picture is two pictures, not because two sources disagree."""
    from resolver.provenance import other_credits

    composite = dict(image="https://img.example.org/two-600x400.jpg", span=[10, 70], source="attribute", form="alt")
    other_place = dict(composite, span=[200, 240], source="caption", form="css-class")
    credits = [dict(composite, creator="Ann Lee", organization="Riverton Wire"),
               dict(composite, creator="Bo Chan", organization="Riverton Wire"),
               dict(other_place, creator="Cy Dee", organization=None)]
    assert [[k["evidence"].split(":")[0] for k in checks] for checks in other_credits(credits)] == [
        ["credit 3 (caption) credits this image to Cy Dee"], ["credit 3 (caption) credits this image to Cy Dee"],
        ["credit 1 (attribute alt) credits this image to Ann Lee / Riverton Wire",
         "credit 2 (attribute alt) credits this image to Bo Chan / Riverton Wire"]]
