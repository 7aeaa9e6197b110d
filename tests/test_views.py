"""The research views and full-text search the v6 migration adds, over a small fictional corpus."""

from __future__ import annotations

import json

import pytest

from cache import Store
from cache.migrations import VIEWS
from tests.corpusdb import DELETED, MISSING, populate


@pytest.fixture
def store(tmp_path) -> Store:
    store = Store(tmp_path / "corpus.db")
    populate(store)
    return store


def rows(store: Store, view: str) -> list[dict]:
    return [dict(r) for r in store.db[view].rows]


def test_views_exist_for_datasette(store: Store) -> None:
    assert set(VIEWS) <= set(store.db.view_names())


def test_dead_embeds_by_outlet_and_year(store: Store) -> None:
    got = [(r["outlet"], r["post_year"], r["embeds"], r["embeds_checked"], r["status_unknown"], r["dead"],
            r["dead_percent"], r["deleted"], r["suspended"], r["not_found"])
           for r in rows(store, "dead_embeds_by_outlet_year")]
    assert got == [
        ("(unknown)", "2019", 1, 1, 0, 1, 100.0, 1, 0, 0),     # folder/c.html: no URL known; year from the X id
        ("news.example", "2021", 2, 2, 0, 1, 50.0, 1, 0, 0),   # www. dropped; the live post's own date, the id's time
        ("news.example", "2022", 1, 1, 0, 1, 100.0, 0, 1, 0),
        ("other.example", "2021", 1, 1, 0, 1, 100.0, 1, 0, 0),  # the date the article printed
        # not found: gone, or a wrong id; not dead (newuser32c #2)
        ("other.example", "2022", 1, 1, 0, 0, 0.0, 0, 0, 1),
        # the errored post is not counted as checked, and said not known (newuser32c #3)
        ("other.example", "2023", 1, 0, 1, 0, None, 0, 0, 0),
    ]


def test_gone_accounts_are_counted_by_articles_citing_them(store: Store) -> None:
    got = [(r["handle"], r["articles"], r["embeds"], r["posts"], r["suspended_embeds"], r["deleted_embeds"])
           for r in rows(store, "gone_accounts_most_cited")]
    assert got == [("gone_account", 3, 3, 2, 0, 3), ("banned_one", 1, 1, 1, 1, 0)]
    assert rows(store, "gone_accounts_most_cited")[0]["last_seen_available"] == "2024-01-01T00:00:00.000000Z"


def test_at_risk_embeds_are_those_with_no_good_capture(store: Store) -> None:
    got = [(r["article"], r["post_id"] or r["url"], r["post_status"], r["save_status"])
           for r in rows(store, "at_risk_embeds")]
    from tests.corpusdb import DELETED_2, ERRORED, SUSPENDED

    assert got == [
        ("feed.jsonl:1", DELETED, "deleted", None),
        ("feed.jsonl:1", SUSPENDED, "suspended", None),     # its only capture is a 302: not a copy of the post
        ("feed.jsonl:1", "https://www.youtube.com/watch?v=abcdefghijk", None, None),
        ("crawl.warc.gz#512", DELETED, "deleted", None),
        ("crawl.warc.gz#512", MISSING, "not_found", "pending"),
        ("crawl.warc.gz#512", ERRORED, "error", None),
        ("folder/c.html", DELETED_2, "deleted", None),
    ]   # the live post is captured (as http://twitter.com:80/...?lang=en): not at risk


def test_identity33_an_embed_shows_the_save_of_its_post_made_under_another_spelling_of_its_handle(store: Store) -> None:
    """folder/c.html spells the post's handle `Gone_Account`; its save was queued as `gone_account` (X reads a handle
    in any case; the status id names the post): `save_status` was empty for it (#15). Another post's save stays
    its own."""
    from tests.corpusdb import DELETED_2

    store.queue_save(f"https://x.com/gone_account/status/{DELETED_2}", post=("twitter", DELETED_2))
    store.queue_save("https://twitter.com/Gone_Account/status/1", post=("twitter", "1"))
    got = {r["post_id"]: r["save_status"] for r in rows(store, "at_risk_embeds") if r["post_id"]}
    assert got[DELETED_2] == "pending"
    from tests.corpusdb import DELETED

    assert got[DELETED] is None


def test_identity33_a_save_queued_before_v44_is_known_by_the_x_post_its_url_names(tmp_path) -> None:
    """v44 gives a save queued before it the post its X status URL names (any handle case, x.com or twitter.com), so
    the embed spelling it otherwise shows it; a URL naming no post by an id stays matched by its text alone."""
    from sqlite_utils import Database

    from cache.migrations import migrations

    old = Database(tmp_path / "old.db")
    migrations.apply(old, stop_before="m044_saves_by_post")
    for url in ("https://x.com/JaneDoe/status/1600000000000000001?s=20", "https://twitter.com/i/web/status/20",
                "https://www.youtube.com/watch?v=abcdefghijk", "https://twitter.com/JaneDoe/status/0020"):
        old["saves"].insert({"url": url, "status": "pending"})
    old.conn.close()
    with Store(tmp_path / "old.db") as store:
        got = [(r["platform"], r["post_id"]) for r in store.db.query("SELECT * FROM saves ORDER BY id")]
        assert got == [("twitter", "1600000000000000001"), ("twitter", "20"), (None, None), (None, None)]
        assert store.latest_save("https://twitter.com/janedoe/status/1600000000000000001",
                                 post=("twitter", "1600000000000000001"))["url"].startswith("https://x.com/JaneDoe/")


def test_credits_by_organization_fold_case_and_spaces(store: Store) -> None:
    got = [(r["organization"], r["credits"], r["articles"], r["creators"]) for r in rows(store, "credits_by_organization")]
    assert got == [("Reuters", 3, 2, 2), ("(none named)", 1, 1, 1)]


def test_wire_agencies_are_one_row_across_scripts_their_names_kept_as_written(store: Store) -> None:
    """"رويترز" and "Reuters", "وكالة الأنباء الفرنسية" and "AFP" were counted apart, so a six-language audit could not
    total per agency (newuser35b #10). The main wire agencies have a key across scripts, beside the names as
    written (never replacing them); any other organisation is grouped as before."""
    from tests.corpusdb import article, credit

    article(store, "ar.html", [], [credit("صورة: أحمد علي/رويترز", "رويترز", "أحمد علي", 0),
                                   credit("الصورة: وكالة الأنباء الفرنسية", "وكالة الأنباء الفرنسية", None, 1)])
    article(store, "fa.html", [], [credit("عکس: علی رضایی/ایرنا", "ایرنا", "علی رضایی", 0),
                                   credit("Foto: AFP", " AFP", None, 1), credit("Foto: Riverton Lokal", "Riverton Lokal",
                                                                                None, 2)])
    got = {r["agency"] or r["organization"]: (r["organization"], sorted(json.loads(r["names_as_written"])),
                                             r["credits"], r["articles"])
           for r in rows(store, "credits_by_organization")}
    assert got["Reuters"] == ("Reuters", ["Reuters", "reuters", "رويترز"], 4, 3)
    assert got["AFP"] == ("AFP", ["AFP", "وكالة الأنباء الفرنسية"], 2, 2)
    assert got["IRNA"] == ("ایرنا", ["ایرنا"], 1, 1)
    assert got["Riverton Lokal"] == ("Riverton Lokal", ["Riverton Lokal"], 1, 1)
    assert [r["agency"] for r in rows(store, "credits_by_organization") if r["organization"] == "Riverton Lokal"] == [None]


def test_an_agency_written_with_capitals_outside_ascii_is_that_agency(store: Store) -> None:
    """SQLite's lower() folds ASCII letters only: "Рейтер" (as a Russian credit writes it) stayed "Рейтер", not the
    listed "рейтер", so a Russian page's Reuters credits made a row apart (review35r7). Every casing a credit
    writes a listed name in (as written, capitalised, each word capitalised, upper case) is the agency; a name
    the list does not hold is still its own row."""
    from tests.corpusdb import article, credit

    article(store, "ru.html", [], [credit("Фото: Рейтер", "Рейтер", None, 0), credit("Фото: РЕЙТЕР", "РЕЙТЕР", None, 1),
                                   credit("Фото: Франс Пресс", "Франс Пресс", None, 2),
                                   credit("Фото: Рейтерс Лаб", "Рейтерс Лаб", None, 3)])
    got = {r["agency"] or r["organization"]: (r["agency"], sorted(json.loads(r["names_as_written"])))
           for r in rows(store, "credits_by_organization")}
    assert got["Reuters"] == ("Reuters", ["Reuters", "reuters", "РЕЙТЕР", "Рейтер"])
    assert got["AFP"] == ("AFP", ["Франс Пресс"])
    assert got["Рейтерс Лаб"] == (None, ["Рейтерс Лаб"])
    names = [r["name"] for r in rows(store, "agency_names")]
    assert len(names) == len(set(names))   # a name twice would count a credit twice


def test_article_credits_gives_each_credit_with_its_articles_source(store: Store) -> None:
    """`cache export credits` had `article_id` but not where the article was read: a join was needed to get one row
    per credit with its page (newuser35b #10). `article_credits` has the source and the agency key."""
    got = [(r["article"], r["raw"], r["organization"], r["agency"]) for r in rows(store, "article_credits")]
    assert got == [("feed.jsonl:1", "Photo: Reuters", "Reuters", "Reuters"), ("feed.jsonl:1", "(Reuters)", "Reuters", "Reuters"),
                   ("crawl.warc.gz#512", "REUTERS photo", "reuters ", "Reuters"), ("folder/c.html", "Photo by Cy", None, None)]


def test_full_text_search_on_posts_and_embeds_follows_updates(store: Store) -> None:
    assert [r["author_handle"] for r in store.db["posts"].search("harbour")] == ["alice"]
    assert {r["author_handle"] for r in store.db["embeds"].search("gone_account")} == {"gone_account", "Gone_Account"}
    store.db["posts"].update(store.post_row("twitter", DELETED)["id"], {"text": "a harbour view"})
    assert sorted(r["author_handle"] for r in store.db["posts"].search("harbour")) == ["alice", "gone_account"]


def test_the_migration_keeps_its_transaction_whole(tmp_path) -> None:
    """enable_fts's executescript would COMMIT half-way; the store's IMMEDIATE transaction must survive it."""
    store = Store(tmp_path / "c.db")
    assert store.db["posts_fts"].exists() and store.db["embeds_fts"].exists()
    assert not store.db.conn.in_transaction
    # (and the memo triggers of m014, #13)
    assert {t.name for t in store.db["posts"].triggers if not t.name.startswith("step_memos_")} == \
        {"posts_ai", "posts_ad", "posts_au"}


def test_credits36_one_list_of_agencies_for_extraction_and_the_views(store: Store) -> None:
    """`credit_names.AGENCY_NAMES` (extraction's one-credit-per-photo) and cache/agencies.py (the views) were two lists
    (review35r7): UPI, CP and PA only in one, Reuters, EFE and every non-Latin name only in the other. Extraction now
    reads cache/agencies.py (cache imports nothing from resolver), so a name added there is an agency in both, and
    an agency one of them knew is one in the other."""
    from cache.agencies import AGENCIES
    from resolver.extract import credit_names
    from tests.corpusdb import article, credit

    assert not hasattr(credit_names, "AGENCY_NAMES")   # no second list to drift
    for key, names in AGENCIES.items():
        for name in names:
            for form in {name, name.upper(), name.title()}:
                assert credit_names.agency_key(form) == "=" + key.casefold(), (key, form)
    assert credit_names.agency_key("Jane Doe/رويترز") == credit_names.agency_key("Jane Doe/Reuters") == "Jane Doe/=reuters"
    article(store, "wire.html", [], [credit("Photo: UPI", "UPI", None, 0),
                                     credit("Photo: United Press International", "United Press International", None, 1),
                                     credit("(The Canadian Press)", "The Canadian Press", None, 2)])
    got = {r["agency"] or r["organization"]: r["agency"] for r in rows(store, "credits_by_organization")}
    assert got["UPI"] == "UPI" and "United Press International" not in got and got["CP"] == "CP"
