"""Reading archived copies of a post (#9 §2): every form a Wayback capture of a tweet takes, each from a small
fictional fixture modelled on shared/reference/wayback/tweet_captures and shared/reference/twitter."""

import json
from pathlib import Path

import pytest

from resolver.fetch.wayback import raw_url, read
from resolver.placeholders import is_placeholder

HERE = Path(__file__).parent / "fixtures" / "captures"
ID = "1389145873577009728"          # minted 2021-05-03 09:12:40 UTC
TEXT = "Water over the road on Mill Lane this morning. https://t.co/Rd4Mill01"
HTML = "text/html; charset=utf-8"
JSON = "application/json;charset=utf-8"


def page(name: str) -> bytes:
    return (HERE / name).read_bytes()


HTML_CASES = [
    # (fixture, form, text, handle, name, created_at)
    ("classic_permalink_reply_with_ancestor.html", "classic-permalink",
     "🌊 Water over the road on #Mill Lane this morning. https://t.co/Rd4Mill01", "river_desk", "River Desk",
     "2021-05-03T09:12:40Z"),
    ("classic_permalink_2012.html", "classic-permalink", "Water over the road on Mill Lane this morning.",
     "river_desk", "River Desk", "2021-05-03T09:12:40Z"),   # the whole text, not the title's cut one
    ("classic_permalink_2019_cleaned.html", "classic-permalink", "Water over the road on Mill Lane this morning.",
     "river_desk", "River Desk", None),
    ("mobile_legacy_status.html", "mobile-legacy", TEXT, "river_desk", "River Desk", "2021-05-03T09:12:00Z"),
    ("react_dom_rendered.html", "react-dom", TEXT, "river_desk", "River Desk", "2021-05-03T09:12:40Z"),
    ("page_head_only_2016.html", "page-head", TEXT, "river_desk", "River Desk", None),
    ("react_shell_nojs.html", "page-head", "Water over the road on Mill Lane this morning.", "river_desk",
     "River Desk", None),
    ("title_only_localised_2018.html", "page-head", "Agua en la carretera de Mill Lane esta mañana & cortes",
     "river_desk", "River Desk", None),
    ("x_crawler_shell.html", "x-shell", TEXT, "river_desk", "River Desk - Mill & Valley", None),
    ("title_2012_truncated.html", "page-head", "Water over the road on Mill ...", "river_desk", None, None),
]


@pytest.mark.parametrize("fixture,form,text,handle,name,created", HTML_CASES, ids=[c[1] + ":" + c[0][:-5] for c in
                                                                                   HTML_CASES])
def test_html_capture_forms(fixture, form, text, handle, name, created):
    reading = read(ID, 200, HTML, page(fixture))
    record = reading.record
    assert (reading.form, record.status, record.method) == (form, "available", "wayback")
    assert (record.text, record.author_handle, record.author_name, record.created_at) == (text, handle, name, created)
    assert record.url == f"https://twitter.com/{handle}/status/{ID}"


def test_the_ancestor_and_the_reply_are_never_taken_for_the_post():
    body = page("classic_permalink_reply_with_ancestor.html")
    assert read("1389100000000000000", 200, HTML, body).record.text == "Heavy rain expected overnight across the valley."
    assert read("1389150000000000000", 200, HTML, body).record.author_handle == "millreader"
    react = read("1389150000000000000", 200, HTML, page("react_dom_rendered.html")).record
    assert (react.text, react.author_name) == ("Still flooded at noon, avoid it.", "Mill Reader")


def test_notes_say_where_a_weak_value_came_from():
    assert read(ID, 200, HTML, page("mobile_legacy_status.html")).notes == (
        "date from the page's US Pacific time, to the minute",)
    assert read(ID, 200, HTML, page("title_2012_truncated.html")).notes == (
        "the title is cut: the text is the post's opening words",)


@pytest.mark.parametrize("fixture", ["react_shell_placeholder_only.html"], ids=["shell-with-placeholders"])
def test_placeholders_never_become_text_name_or_date(fixture):
    record = read(ID, 200, HTML, page(fixture)).record
    assert record.status == "unknown" and record.text is None and record.author_name is None
    assert record.created_at is None and record.reason.startswith("the capture holds no text")


def test_a_capture_of_another_post_is_not_this_post():
    record = read("1389145873577009999", 200, HTML, page("page_head_only_2016.html")).record
    assert (record.status, record.text) == ("unknown", None)
    assert record.reason == f"the captured page is post {ID}, not this one"


NOT_THIS_POST = [
    # (fixture, what the reason says): pages filed under the post's URL whose head or body says nothing of it
    ("account_page_classic.html", "the captured page is the account page https://twitter.com/river_desk, not a post"),
    ("account_page_react_nojs.html", "the captured page is the account page https://twitter.com/river_desk, not a post"),
    ("account_page_x_shell.html", "the captured page is the account page https://x.com/river_desk, not a post"),
    ("login_wall_react.html", "the capture shows the login wall, not the post"),
    ("another_post_classic_no_head_url.html", "the captured page is post 1389145873577000001, not this one"),
    ("another_post_react_dom_no_head_url.html", "the captured page is post 1389145873577000001, not this one"),
]


@pytest.mark.parametrize("fixture,reason", NOT_THIS_POST, ids=[c[0][:-5] for c in NOT_THIS_POST])
def test_a_page_that_is_not_this_post_gives_no_words(fixture, reason):
    """An account's bio, the login wall's blurb or another post's title was read as the post's words: the
    report then said a deleted post's capture "holds its words" and held the article against them (review28)."""
    record = read(ID, 200, HTML, page(fixture)).record
    assert (record.status, record.text, record.reason) == ("unknown", None, reason)


def test_a_capture_of_the_services_404_page():
    body = b"<html><title>Twitter / ?</title><h1>Sorry, that page doesn't exist!</h1></html>"
    record = read(ID, 404, HTML, body).record
    assert (record.status, record.text) == ("not_found", None)


# -- captured JSON ----------------------------------------------------------------------------------------------

SYNDICATION = {
    "__typename": "Tweet", "lang": "en", "favorite_count": 2, "created_at": "2021-05-03T09:12:40.000Z",
    "display_text_range": [0, 46], "id_str": ID, "text": TEXT,
    "user": {"id_str": "4400000099", "name": "River Desk", "screen_name": "river_desk", "verified": False},
    "edit_control": {"edit_tweet_ids": [ID], "editable_until_msecs": "1620035560000", "edits_remaining": "5"},
    "isEdited": False, "isStaleEdit": False,
}
OEMBED = {
    "url": f"https://twitter.com/river_desk/status/{ID}", "author_name": "River Desk",
    "author_url": "https://twitter.com/river_desk",
    "html": ('<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Water over the road on Mill Lane this morning. '
             '<a href="https://t.co/Rd4Mill01">pic.twitter.com/Rd4Mill01</a></p>&mdash; River Desk (@river_desk) '
             f'<a href="https://twitter.com/river_desk/status/{ID}?ref_src=twsrc%5Etfw">May 3, 2021</a></blockquote>\n'),
    "width": 550, "height": None, "type": "rich", "cache_age": "3153600000", "provider_name": "Twitter",
    "provider_url": "https://twitter.com", "version": "1.0",
}
V1 = {
    "created_at": "Mon May 03 09:12:40 +0000 2021", "id": int(ID), "id_str": ID, "text": TEXT,
    "source": "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web App</a>", "truncated": False,
    "in_reply_to_status_id_str": "1389100000000000000",
    "user": {"id": 4400000099, "id_str": "4400000099", "name": "River Desk", "screen_name": "river_desk"},
    "retweet_count": 0, "favorite_count": 2, "lang": "en",
}
V2 = {
    "data": {"id": ID, "text": TEXT, "author_id": "4400000099", "created_at": "2021-05-03T09:12:40.000Z",
             "lang": "en", "edit_history_tweet_ids": [ID]},
    "includes": {"users": [{"id": "4400000099", "name": "River Desk", "username": "river_desk"}]},
}
ADAPTIVE = {
    "globalObjects": {
        "tweets": {ID: {"created_at": "Mon May 03 09:12:40 +0000 2021", "id_str": ID, "full_text": TEXT,
                        "user_id_str": "4400000099", "lang": "en"},
                   "1389150000000000000": {"id_str": "1389150000000000000", "full_text": "Still flooded at noon.",
                                           "user_id_str": "4400000123"}},
        "users": {"4400000099": {"id_str": "4400000099", "name": "River Desk", "screen_name": "river_desk"}},
    },
    "timeline": {"id": f"Conversation-{ID}", "instructions": [{"addEntries": {"entries": []}}]},
}

JSON_CASES = [
    (SYNDICATION, "syndication", "2021-05-03T09:12:40Z"),
    ({"data": SYNDICATION}, "syndication", "2021-05-03T09:12:40Z"),
    (OEMBED, "oembed", "2021-05-03"),
    (V1, "api-v1.1", "2021-05-03T09:12:40Z"),
    (V2, "api-v2", "2021-05-03T09:12:40Z"),
    (ADAPTIVE, "adaptive", "2021-05-03T09:12:40Z"),
]


@pytest.mark.parametrize("data,form,created", JSON_CASES, ids=["syndication", "syndication-proxied", "oembed",
                                                              "api-v1.1", "api-v2", "adaptive"])
def test_json_capture_forms(data, form, created):
    reading = read(ID, 200, JSON, json.dumps(data).encode())
    record = reading.record
    assert (reading.form, record.status, record.method, record.created_at) == (form, "available", "wayback", created)
    assert (record.author_handle, record.author_name) == ("river_desk", "River Desk")
    assert record.text.startswith("Water over the road on Mill Lane this morning.")


def test_v1_reply_reference_and_a_json_capture_served_as_text():
    record = read(ID, 200, "text/plain", json.dumps(V1).encode()).record
    assert record.references == ({"type": "replied_to", "id": "1389100000000000000"},)


GONE_CASES = [
    (404, {"errors": [{"code": 144, "message": "No status found with that ID."}]}, "not_found"),
    (403, {"errors": [{"code": 179, "message": "Sorry, you are not authorized to see this status."}]}, "protected"),
    (200, {"__typename": "TweetTombstone", "tombstone": {"text": {"text": "This Post was deleted by the Post author."}}},
     "deleted"),
    (200, {"errors": [{"value": ID, "detail": f"Could not find tweet with ids: [{ID}].", "title": "Not Found Error",
                       "resource_type": "tweet", "parameter": "ids", "resource_id": ID,
                       "type": "https://api.twitter.com/2/problems/resource-not-found"}]}, "not_found"),
    (200, {}, "unknown"),
]


@pytest.mark.parametrize("status,data,expected", GONE_CASES, ids=["v1-144", "v1-179", "tombstone", "v2-not-found",
                                                                  "empty"])
def test_captures_of_an_answer_that_said_the_post_was_gone(status, data, expected):
    record = read(ID, status, JSON, json.dumps(data).encode()).record
    assert (record.status, record.text, record.method) == (expected, None, "wayback")


def test_raw_capture_url():
    assert raw_url("20210503091500", f"https://twitter.com/river_desk/status/{ID}") == \
        f"https://web.archive.org/web/20210503091500id_/https://twitter.com/river_desk/status/{ID}"


PLACEHOLDERS = ["Tweet may have been deleted", "Loading…", "Loading...", "View this post on Instagram",
                "View this post on Instagram A post shared by River Desk (@river_desk)", "JavaScript is not available.",
                "Twitter", "  ", None, "“This Tweet was deleted by the Tweet author.”", "Something went wrong. Try reloading.",
                "View on Threads",   # Threads' embed code's only words until its script runs
                # the login wall's blurb, which a capture under the post's own og:url may carry (review28)
                "From breaking news and entertainment to sports and politics, get the full story with all the live "
                "commentary."]
# X's wordings (#9 §5): each in its Post and Tweet, X and Twitter forms, with curly and straight apostrophes.
X_PLACEHOLDERS = [
    "This Post is from a suspended account.", "This Post is from a suspended account. Learn more",
    "This Tweet is from a suspended account. Learn more",
    "This Post is from an account that no longer exists. Learn more",
    "You’re unable to view this Post because this account owner limits who can view their Posts. Learn more",
    "You're unable to view this Tweet because this account owner limits who can view their Tweets. Learn more",
    "This Post violated the X Rules. Learn more", "This Tweet violated the Twitter Rules. Learn more",
    "This Post violated the Twitter Rules.", "This Tweet violated the X Rules.",
    "This Post has been withheld in your country", "This Tweet has been withheld in Germany in response to a legal demand.",
    "This Post was withheld.", "This Post has been deleted.", "This Post is unavailable.",
    "Age-restricted adult content. This content might not be appropriate for people under 18 years old.",
    "Age-restricted adult content. This content might not be appropriate for people under 18 years old. To view "
    "this media, you’ll need to log in to X. Learn more", "Age-restricted adult content.",
    "View post on X", "Ver publicación en X (@harbour_es)", "View Tweet on Twitter", "View post on X (@harbour_2)",
]
REAL = ["Water over the road", "Loading the ferry now", "Twitter is down again", "River Desk", "X marks the spot",
        "This post is about the ferry", "This Post violated my patience", "Age-restricted adult content is banned here",
        "View post on Xmas lights", "Ver publicación en Xalapa"]

# X's minimal embed code's link in the languages its publish page writes (#10): each was taken as the post's text.
EMBED_LINK_WORDS = ["Voir la publication sur X", "Voir le Tweet sur Twitter", "Post auf X ansehen",
                    "Tweet auf Twitter ansehen", "Beitrag auf X ansehen (@harbour_es2)", "Ver publicación en X",
                    "Ver Tweet en Twitter", "Bekijk bericht op X", "Bekijk Tweet op Twitter", "Xでポストを見る",
                    "X でポストを見る (@harbour_jp)", "Twitterでツイートを見る", "Ver post no X", "Ver publicação no X",
                    "Ver Tweet no Twitter", "Visualizza post su X", "Visualizza il post su X", "Visualizza Tweet su Twitter",
                    # a CMS numbers the link of a second embed (#10)
                    "View post on X 2", "View post on X (2)", "Voir la publication sur X 3", "Tweet 2", "Loading… 2"]
NOT_EMBED_LINK_WORDS = ["Voir la publication sur Xavier", "Post auf X ansehen und teilen", "Ver post no X hoje",
                        "Visualizza post su X e Instagram", "View post on X 2024 recap", "Tweet 2024", "X 2 Y"]


@pytest.mark.parametrize("value", PLACEHOLDERS, ids=range(len(PLACEHOLDERS)))
def test_placeholders(value):
    assert is_placeholder(value)


@pytest.mark.parametrize("value", X_PLACEHOLDERS + EMBED_LINK_WORDS, ids=range(len(X_PLACEHOLDERS + EMBED_LINK_WORDS)))
def test_xs_placeholders(value):
    assert is_placeholder(value)


@pytest.mark.parametrize("value", REAL + NOT_EMBED_LINK_WORDS, ids=range(len(REAL + NOT_EMBED_LINK_WORDS)))
def test_real_values_are_not_placeholders(value):
    assert not is_placeholder(value)


# Real posts that start with a placeholder's words (review27b §2): the phrase was matched as a bare prefix, so the
# tweet lost its text and links and the report said "the page shows a placeholder here".
STARTS_LIKE_A_PLACEHOLDER = [
    "Sign up for Xbox Game Pass before Friday, the price goes up", "Sign up for Xmas choir by Monday",
    "Log in to Xfinity to watch the game", "Log in to X to vote? No thanks, the ballot is on paper",
    "Something went wrong at the plant today", "Something went wrong. We are sorry and will fix the bridge",
    "Loading... the new season starts Friday", "Loading… ferry 3 is late again",
    "Content not available in stores until May", "Post unavailable in your region? Here is a mirror",
    "Tweet unavailable? Our statement is on the website", "This post has been deleted twice by the platform, so again:",
    "This Post is unavailable to the council, we asked them to read it", "This page doesn't exist anymore, the council removed it",
    "Tweet may have been deletedd", "View this post on Instagramming day",
]


@pytest.mark.parametrize("value", STARTS_LIKE_A_PLACEHOLDER, ids=range(len(STARTS_LIKE_A_PLACEHOLDER)))
def test_a_real_post_starting_with_a_placeholders_words_is_no_placeholder(value):
    assert not is_placeholder(value)


@pytest.mark.parametrize("value", ["Something went wrong. Try reloading.", "Something went wrong, but don't fret — let's "
                                   "give it another shot.", "Loading...", "Log in to X", "Sign up for X. Log in",
                                   "Post unavailable. Learn more", "This Tweet has been deleted. Learn more",
                                   "Content not available", "This page doesn't exist. Try searching for something else."],
                         ids=range(9))
def test_a_generic_placeholder_whole_or_with_its_own_tail_still_is_one(value):
    assert is_placeholder(value)


def test_an_edited_post_live_and_archived_differ_with_dates():
    from dataclasses import replace

    from resolver.fetch.wayback import captured_at, differences

    archived = read(ID, 200, JSON, json.dumps(SYNDICATION).encode()).record
    live = replace(archived, method="syndication", text="Water over the road on Mill Lane this afternoon.",
                   author_name="River Desk (Mill & Valley)")
    when = captured_at("20210503091500")
    capture = raw_url("20210503091500", f"https://twitter.com/river_desk/status/{ID}")
    found = differences(live, "2024-01-02T10:00:00Z", [(when, capture, archived)])
    assert [(d.field, d.changes) for d in found] == [("text", ("morning → afternoon",)), ("author_name", ())]
    assert found[0].describe() == (
        "text: the capture of 2021-05-03T09:15:00Z says 'Water over the road on Mill Lane this morning. "
        "https://t.co/Rd4Mill01'; live (2024-01-02T10:00:00Z) 'Water over the road on Mill Lane this afternoon.' "
        "(morning → afternoon)")
    assert differences(archived, None, [(when, capture, archived)]) == []


def test_a_capture_cut_short_is_no_difference_from_the_live_text():
    """A 2012 title holds the post's words up to a cut ("..."): the live post going on past it is no edit. It was
    reported as "live and archived differ"."""
    from dataclasses import replace

    from resolver.fetch.wayback import captured_at, differences

    archived = read(ID, 200, JSON, json.dumps(SYNDICATION).encode()).record
    live = replace(archived, method="syndication", text="Water over the road on Mill Lane this morning.")
    cut = replace(archived, text="Water over the road on Mill ...")
    when = captured_at("20120503091500")
    capture = raw_url("20120503091500", f"https://twitter.com/river_desk/status/{ID}")
    assert differences(live, None, [(when, capture, cut)]) == []
    changed = replace(archived, text="Water over the street on Mill ...")
    assert [d.changes for d in differences(live, None, [(when, capture, changed)])] == [("street → road",)]


def test_an_embed_that_never_rendered_has_no_text_name_or_date():
    from resolver.extract import find_all

    html = ('<blockquote class="twitter-tweet"><p>Loading…</p>&mdash; River Desk (@river_desk) <a href="https://'
            f'twitter.com/river_desk/status/{ID}">Loading…</a></blockquote>')
    [embed], _ = find_all(html, "html")
    assert (embed.post_id, embed.author_handle) == (ID, "river_desk")
    assert (embed.text, embed.date_text, embed.date) == (None, None, None)


@pytest.mark.parametrize("said", ["This Post is from a suspended account.",
                                  "You’re unable to view this Post because this account owner limits who can view "
                                  "their Posts. Learn more",
                                  "Age-restricted adult content. This content might not be appropriate for people "
                                  "under 18 years old."], ids=["suspended", "protected", "age-restricted"])
@pytest.mark.parametrize("kind", ["html", "text"])
def test_xs_placeholder_in_place_of_a_post_is_no_text(said, kind):
    """X shows these where a post cannot be seen; in an embed code's blockquote, or above a scraped signature, they
    were taken as what the post said (newuser27 §5). The embed keeps its author and date, and no text."""
    from resolver.extract import find_all

    article = (f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{said}</p>&mdash; Gone Person (@goneperson) '
               f'<a href="https://twitter.com/goneperson/status/{ID}">May 3, 2021</a></blockquote>' if kind == "html"
               else f"The story.\n\n{said}\n— Gone Person (@goneperson) May 3, 2021\n\nMore story.\n")
    [embed], _ = find_all(article, kind)
    assert (embed.author_handle, embed.author_name, embed.date) == ("goneperson", "Gone Person", "2021-05-03")
    assert (embed.text, embed.text_confidence) == (None, None)


@pytest.mark.parametrize("words", ["View post on X", "Ver publicación en X (@harbour_es2)", "Voir la publication sur X",
                                   "Beitrag auf X ansehen (@harbour_es2)"],
                         ids=["en", "es", "another-language", "a-handle-with-digits"])
def test_xs_minimal_embed_codes_link_words_are_no_date(words):
    """X's minimal embed code links the post with "View post on X", in the page's language: it gave
    `date_text: "View post on X"`, and the report showed it as the date the article gives."""
    from resolver.extract import find_all

    html = (f'<blockquote class="twitter-tweet" data-dnt="true">\n  <a href="https://x.com/harbour_es2/status/{ID}">'
            f"{words}</a>\n</blockquote>")
    [embed], _ = find_all(html, "html")
    assert (embed.post_id, embed.author_handle) == (ID, "harbour_es2")
    assert (embed.date_text, embed.date, embed.text) == (None, None, None)


def test_a_placeholders_learn_more_link_is_not_the_posts():
    """"This Tweet was deleted by the Tweet author. Learn more": its link is X's help page, and was kept in the
    embed's `links` (so `--resolve` followed it) though the words were set aside as a placeholder."""
    from resolver.extract import find_all

    html = ('<blockquote class="twitter-tweet"><p lang="en" dir="ltr">This Tweet was deleted by the Tweet author. <a '
            'href="https://help.twitter.com/rules-and-policies/notices-on-twitter">Learn more</a></p>&mdash; Gone '
            f'Person (@goneperson) <a href="https://twitter.com/goneperson/status/{ID}">May 3, 2021</a></blockquote>')
    [embed], _ = find_all(html, "html")
    assert (embed.text, embed.text_confidence, embed.links, embed.date) == (None, None, (), "2021-05-03")


@pytest.mark.parametrize("words", ["Voir la publication sur X", "Post auf X ansehen", "Bekijk bericht op X",
                                   "Xでポストを見る", "Ver publicação no X", "Visualizza post su X", "View post on X 2"])
def test_an_embed_codes_link_words_in_a_paragraph_are_no_text(words):
    """A minimal embed code whose link words a CMS put in a paragraph above the signature: in English they were set
    aside, in French, German, Dutch, Japanese, Portuguese or Italian (or numbered) they were the post's text, and a
    check compared the article with "Voir la publication sur X" (#10)."""
    from resolver.extract import find_all

    html = (f'<blockquote class="twitter-tweet"><p>{words}</p>&mdash; Harbour (@harbour_es2) <a href="https://x.com/'
            f'harbour_es2/status/{ID}">May 3, 2021</a></blockquote>')
    [embed], _ = find_all(html, "html")
    assert (embed.post_id, embed.date, embed.text, embed.text_confidence) == (ID, "2021-05-03", None, None)
