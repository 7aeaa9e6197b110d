"""Photo credits stop 36 left wrong or lost (credits37, #2, #10); fixtures fictional.

A wrong credit (another person or agency named, or a guess counted as sure) is worse than a missed one: a label
is never a creator, one agency's name is never split into a person and an agency, a caption credit signed with a
handle and a date is still that person's credit.
"""

import pytest

from resolver.extract import find_all


def figure(caption: str) -> str:
    return ('<!doctype html><html lang="en"><body><article><p>Story words here.</p><figure>'
            f'<img src="https://img.example.org/2026/p1.jpg"><figcaption>{caption}</figcaption></figure>'
            "</article></body></html>")


def credits_of(content: str, kind: str = "html") -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(c.creator, c.organization, c.kind, c.split_confidence) for c in find_all(content, kind)[1]]


@pytest.mark.parametrize("content, kind", [
    ("<p>The new mural on Elm Street, painted by pupils. (Courtesy photo)</p>", "html"),
    (figure("The new mural on Elm Street. (Courtesy photo)"), "html"),
    ("The new mural on Elm Street, painted by pupils. (Courtesy image)\n\nMore story words.", "text"),
])
def test_a_courtesy_photo_names_no_creator(content, kind):
    """"(Courtesy photo)": the picture was lent, by someone the words do not name; "photo" was its creator."""
    assert credits_of(content, kind) == [(None, None, "courtesy", None)]


def test_a_lone_courtesy_photo_in_a_figcaption_names_no_one():
    """Unbracketed: never a creator "photo" (credits38 reads it as the bracketed one, tests/test_credits38.py)."""
    assert all(creator is None for creator, *_ in credits_of(figure("The new mural on Elm Street. Courtesy photo")))


@pytest.mark.parametrize("caption, creator, organization", [
    ("The new mural on Elm Street. Photo: Jane Doe, courtesy", "Jane Doe", None),
    ("The new mural on Elm Street. (Photo: Jane Doe, courtesy)", "Jane Doe", None),
    ("The new mural on Elm Street. Photo: Jane Doe, Courtesy", "Jane Doe", None),
    ("The mural. Photo: Jane Doe, courtesy of the Riverton Museum", "Jane Doe", "the Riverton Museum"),   # as before
])
def test_a_trailing_courtesy_is_the_kind_not_part_of_the_name(caption, creator, organization):
    [(got_creator, got_organization, kind, _)] = credits_of(figure(caption))
    assert (got_creator, got_organization, kind) == (creator, organization, "courtesy")


@pytest.mark.parametrize("caption", [
    "Flames over the hills near Riverton. (EPA-EFE)",
    "Flames over the hills near Riverton. Photo: EPA-EFE",
    "Flames over the hills near Riverton (EPA-EFE)",
])
def test_epa_efe_is_one_agency_and_no_person(caption):
    """EPA-EFE is EPA's credit since 2018, one agency's name: it gave creator "EPA", organisation "EFE"."""
    [(creator, organization, kind, confidence)] = credits_of(figure(caption))
    assert (creator, organization, kind) == (None, "EPA-EFE", None)
    assert confidence != "uncertain"   # no short name to doubt: the whole name is listed


def test_epa_efe_after_a_person_is_the_agency():
    assert credits_of(figure("Flames over the hills. Photo: Jane Doe/EPA-EFE"))[0][:2] == ("Jane Doe", "EPA-EFE")


@pytest.mark.parametrize("content, kind", [
    ("A crowd at the Riverton rally on Saturday.\n— Photo: Jane Roe (@janeroe) September 12, 2022\n\nMore story.", "text"),
    ("<p>A crowd at the Riverton rally on Saturday.</p><p>— Photo: Jane Roe (@janeroe) September 12, 2022</p>"
     "<p>More story words here.</p>", "html"),
    (figure("A crowd at the Riverton rally. — Photo: Jane Roe (@janeroe) September 12, 2022"), "html"),
    (figure("A crowd at the Riverton rally. Photo: Jane Roe (@janeroe) September 12, 2022"), "html"),
])
def test_a_caption_credit_with_a_handle_and_a_date_is_that_persons_credit(content, kind):
    """sig36 made "— Photo: Jane Roe (@janeroe) September 12, 2022" no post; it was no credit either."""
    embeds, credits = find_all(content, kind)
    assert embeds == []
    assert [c.creator for c in credits] == ["Jane Roe"]
    assert credits[0].organization is None


@pytest.mark.parametrize("caption, creator, organization", [
    ("The Riverton pier at dawn. Photo by John Smith for The Riverton Times", "John Smith", "The Riverton Times"),
    ("Ein Hund im Park. Foto: Hans Müller/dpa", "Hans Müller", "dpa"),
    ("Un chien au parc. Photo : Jean Dupont / AFP", "Jean Dupont", "AFP"),
    ("公園裡的一隻狗。圖片來源：王小明", "王小明", None),
    ("A dog in the park. © Jane Doe / Riverton Agency 2024", "Jane Doe", "Riverton Agency"),
    ("A dog in the park. © Jane Doe / Reuters 2024", "Jane Doe", "Reuters"),
])
def test_real_caption_shapes_give_the_person_and_the_agency(caption, creator, organization):
    assert [c[:2] for c in credits_of(figure(caption))] == [(creator, organization)]


def _page(caption: str) -> str:
    return ('<!doctype html><html lang="en"><body><article><h1>Riverton fires</h1><p>Story words here.</p><figure>'
            f'<img src="https://img.example.org/2026/{abs(hash(caption))}.jpg"><figcaption>{caption}</figcaption>'
            "</figure></article></body></html>")


def test_credits_by_organization_counts_an_uncertain_credit_apart(tmp_path):
    """A lone "(EPA)" is `uncertain` (the US agency's letters as often); the view counted it under the agency EPA as
    if sure. Now `credits`, `articles` and `creators` count the sure credits, `uncertain` the others."""
    from click.testing import CliRunner

    from cache import Store
    from resolver.cli import cli

    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "a.html").write_text(_page("Smoke over the hills near Riverton (EPA)"))
    (folder / "b.html").write_text(_page("Smoke over the hills near Riverton. Photo: Jane Doe/EPA"))
    (folder / "c.html").write_text(_page("Smoke over the hills near Riverton. Photo: John Roe/EPA"))
    (folder / "d.html").write_text(_page("The harbour at dawn. Photo: Jane Doe/Riverton Wire"))
    db = tmp_path / "c.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "scan", "--offline", "-q", str(folder)])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert [row[0] for row in store.db.execute(
            "SELECT split_confidence FROM credits WHERE raw = '(EPA)'")] == ["uncertain"]
        rows = {row["organization"]: dict(row) for row in store.db.query("SELECT * FROM credits_by_organization")}
    assert {k: rows["EPA"][k] for k in ("agency", "credits", "articles", "creators", "uncertain")} == \
        {"agency": "EPA", "credits": 2, "articles": 2, "creators": 2, "uncertain": 1}
    assert rows["Riverton Wire"]["credits"] == 1 and rows["Riverton Wire"]["uncertain"] == 0


@pytest.mark.parametrize("caption, creator, organization", [
    ("A dog in the park. Photo: Jane Roe, September 12, 2022", "Jane Roe", None),
    ("A dog in the park. Photo: Jane Roe September 12, 2022", "Jane Roe", None),
    ("A dog in the park. Photo by Jane Roe on March 3, 2024", "Jane Roe", None),
    ("A dog in the park. © Jane Doe 2024 / Riverton Agency", "Jane Doe", "Riverton Agency"),
    ("A dog in the park. Photo: Jane Doe, 2024/Reuters", "Jane Doe", "Reuters"),
    ("A dog in the park. Photo: Jane Roe/Reuters, March 3, 2024", "Jane Roe", "Reuters"),   # as before
    ("A dog in the park. Photo: Tokyo 2020", "Tokyo 2020", None),   # a name the year is part of, as before
])
def test_a_date_or_a_year_after_a_name_is_no_part_of_it(caption, creator, organization):
    """"Jane Roe September 12", "Jane Roe on", "Jane Doe 2024" were creators: a name with a date's words in it."""
    assert [c[:2] for c in credits_of(figure(caption))] == [(creator, organization)]


@pytest.mark.parametrize("caption, creator, organization", [
    ("A dog in the park. Photo: Jane May 2020", "Jane May", None),
    ("A dog in the park. Photo: Brian May 2021 / Reuters", "Brian May", "Reuters"),
    ("A dog in the park. Photo: Tom March 2019", "Tom March", None),
    ("A dog in the park. Photo: Ann August 2019", "Ann August", None),
    ("A dog in the park. Photo: Jane Doe March 2020", "Jane Doe", None),   # after a whole name, a date
])
def test_review38b_a_surname_that_is_a_month_is_no_part_of_a_date(caption, creator, organization):
    """A month and a year after a first name ("Jane May 2020") were read as a date after the name: the creator was
    "Jane", a surname cut off, at high confidence (credits37's `_without_date` took a first name alone for a name)."""
    assert [c[:2] for c in credits_of(figure(caption))] == [(creator, organization)]
