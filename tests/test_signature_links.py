"""A flattened post's signature line and what is around it: the post link after its date, and the direction marks
Arabic and Hebrew copies put at its line's ends (newuser33b #3, #4). Fixtures are fictional."""

import pytest

from resolver.extract.text import find_embeds

# March 5: the day 1765123456789012345 was minted (UTC); a link of another day is a candidate in doubt (verdicts38)
SIGNED = "Water at the bridge. pic.twitter.com/Ab3dEf9GhK\n— Jane Roe (@janeroe_news) March 5, 2024 "


def _posts(text: str) -> list[tuple[str, str, str | None, str | None, str]]:
    return [(e.platform, e.kind, e.post_id, e.author_handle, e.url) for e in find_embeds(text)]


@pytest.mark.parametrize("link", [
    "(https://twitter.com/otheruser/status/1764700000000000001)",
    "https://x.com/otheruser/status/1764700000000000001",
], ids=["bracketed", "bare"])
def test_another_accounts_status_link_is_its_own_embed(link):
    """The link names @otheruser: the signature does not take its id, nor make up twitter.com/janeroe_news/status/N."""
    text = SIGNED + link
    assert _posts(text) == [
        ("twitter", "post", None, "janeroe_news", "https://twitter.com/janeroe_news"),
        ("twitter", "post", "1764700000000000001", "otheruser", "https://twitter.com/otheruser/status/1764700000000000001"),
    ]
    assert "twitter.com/janeroe_news/status" not in repr(find_embeds(text))


@pytest.mark.parametrize("handle", ["janeroe_news", "JaneRoe_News"], ids=["same", "other-case"])
def test_own_status_link_gives_the_signature_its_id(handle):
    [post] = find_embeds(SIGNED + f"https://twitter.com/{handle}/status/1764700000000000001")
    assert (post.post_id, post.author_handle, post.detector) == ("1764700000000000001", "janeroe_news", "text-signature")
    assert post.url == "https://twitter.com/janeroe_news/status/1764700000000000001"
    assert post.media_links == ("https://pic.twitter.com/Ab3dEf9GhK",)


def test_bluesky_signature_does_not_take_an_x_link():
    text = "Water at the bridge.\n— Jane Roe (@janeroe.bsky.social) March 4, 2024 https://twitter.com/jane/status/1764700000000000001"
    assert _posts(text) == [
        ("bluesky", "post", None, "janeroe.bsky.social", "https://bsky.app/profile/janeroe.bsky.social"),
        ("twitter", "post", "1764700000000000001", "jane", "https://twitter.com/jane/status/1764700000000000001"),
    ]


def test_bluesky_signature_and_its_own_post_link_are_one_post():
    text = ("Water at the bridge.\n— Jane Roe (@janeroe.bsky.social) March 4, 2024 "
            "https://bsky.app/profile/JaneRoe.bsky.social/post/3kq2mzabcde2a")
    [post] = find_embeds(text)
    assert (post.platform, post.post_id, post.author_handle, post.text, post.detector) == (
        "bluesky", "janeroe.bsky.social/3kq2mzabcde2a", "janeroe.bsky.social", "Water at the bridge.", "text-signature")
    assert post.url == "https://bsky.app/profile/janeroe.bsky.social/post/3kq2mzabcde2a"
    assert text[post.span[0]:post.span[1]].endswith("/post/3kq2mzabcde2a")


def test_bluesky_signature_does_not_take_another_accounts_post():
    text = ("Water at the bridge.\n— Jane Roe (@janeroe.bsky.social) March 4, 2024 "
            "https://bsky.app/profile/other.bsky.social/post/3kq2mzabcde2a")
    assert _posts(text) == [
        ("bluesky", "post", None, "janeroe.bsky.social", "https://bsky.app/profile/janeroe.bsky.social"),
        ("bluesky", "post", "other.bsky.social/3kq2mzabcde2a", "other.bsky.social",
         "https://bsky.app/profile/other.bsky.social/post/3kq2mzabcde2a"),
    ]


ARABIC = "x.\n\nالفيضانات تغمر المدينة pic.twitter.com/Ar4bCd5eFg\n{mark}— قناة الأخبار (@AlAkhbarNews) March 6, 2024{mark}\n"


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u061c", "\u202b", "\u200f\u200f"],
                         ids=["rlm", "lrm", "alm", "rle", "two"])
def test_direction_marks_around_a_signature_line_are_not_text(mark):
    text = ARABIC.format(mark=mark)
    [post] = find_embeds(text)
    assert (post.author_handle, post.author_name) == ("AlAkhbarNews", "قناة الأخبار")
    assert (post.text, post.text_confidence) == ("الفيضانات تغمر المدينة pic.twitter.com/Ar4bCd5eFg", "high")
    assert post.media_links == ("https://pic.twitter.com/Ar4bCd5eFg",)
    assert text[post.span[0]:post.span[1]].startswith("الفيضانات")


def test_direction_marks_in_a_blank_line_document():
    """A blank-line document: the post's block above, the marks at its lines' ends not part of its words (t06)."""
    text = ("Floods.\n\nThe river rose overnight.\n\n"
            "\u200fالفيضانات تغمر المدينة pic.twitter.com/Ar4bCd5eFg\u200f\n"
            "\u200f— قناة الأخبار (@AlAkhbarNews) March 6, 2024\u200f\n\nMore prose here.\n")
    [post] = find_embeds(text)
    [unmarked] = find_embeds(text.replace("\u200f", ""))
    assert post.text == "الفيضانات تغمر المدينة pic.twitter.com/Ar4bCd5eFg"
    assert (post.text_confidence, post.author_name) == (unmarked.text_confidence, "قناة الأخبار")
    assert post.media_links == ("https://pic.twitter.com/Ar4bCd5eFg",)


def test_marks_before_the_words_on_the_signature_line():
    text = "x.\n\n\u200fالفيضانات تغمر المدينة — قناة الأخبار (@AlAkhbarNews) March 6, 2024\n"
    [post] = find_embeds(text)
    assert (post.text, post.author_name) == ("الفيضانات تغمر المدينة", "قناة الأخبار")
    assert text[post.span[0]:post.span[1]].startswith("الفيضانات")


@pytest.mark.parametrize("link", ["https://pic.twitter.com/Ab3dE-", "pic.twitter.com/Ab3dE‐", "https://pic.x.com/Ab3dE_"])
def test_a_media_code_is_letters_and_digits(link):
    """A PDF's hyphen at a line end ("pic.twitter.com/Ab3dE-⏎f9GhK") is no part of a media code (newuser33b #5)."""
    from resolver.platforms import parse_url
    assert parse_url(link if "//" in link else "https://" + link) is None


def test_a_media_link_hyphenated_at_a_line_end_is_no_wrong_code():
    text = "A video pic.twitter.com/Ab3dE-\nf9GhK\n— Jane Roe (@janeroe_news) March 4, 2024"
    found = find_embeds(text)
    assert [(e.kind, e.author_handle) for e in found] == [("post", "janeroe_news")]
    assert "Ab3dE-" not in repr([(e.url, e.media_links) for e in found])


def test_a_full_width_at_sign_opens_a_signature():
    """Japanese and Chinese copies write the handle's "@" full width (newuser33b #7): the signature was dropped."""
    text = "Water. pic.twitter.com/Ab3dEf9GhK\n— Jane Roe (＠janeroe_news) March 4, 2024"
    [post] = find_embeds(text)
    assert (post.author_handle, post.author_name, post.date, post.media_links) == (
        "janeroe_news", "Jane Roe", "2024-03-04", ("https://pic.twitter.com/Ab3dEf9GhK",))


# review33r6: the link after a signature's date is read as any URL in prose is (`text.find_url_embeds`): cut short by
# "…", wrapped across a line, followed by Arabic punctuation or holding a zero-width space.
def test_a_signature_link_cut_short_gives_its_id_with_a_doubt():
    """"…/status/1765…" is the start of an id: before, the signature gave post 1765 (a 2006 post) for sure."""
    [embed] = find_embeds(SIGNED + "https://twitter.com/janeroe_news/status/1765…")
    assert (embed.detector, embed.post_id) == ("text-signature", "1765")
    assert embed.id_doubt and "cut short" in embed.id_doubt


def test_a_signature_link_wrapped_across_a_line_is_joined_with_a_doubt():
    text = SIGNED + "https://twitter.com/janeroe_news/status/17651234\n56789012345\nNext paragraph."
    [embed] = find_embeds(text)
    assert (embed.detector, embed.post_id) == ("text-signature", "1765123456789012345")
    assert embed.id_doubt and "line break" in embed.id_doubt
    assert text[embed.span[0]:embed.span[1]].endswith("17651234\n56789012345")


@pytest.mark.parametrize("link", [
    "https://twitter.com/janeroe_news/status/1764700000000000001، وقال",
    "https://twitter.com/janeroe_news/status/17647000\u200b00000000001 then",
    "（https://twitter.com/janeroe_news/status/1764700000000000001）",
], ids=["arabic-comma", "zero-width-space", "cjk-brackets"])
def test_a_signature_link_ended_or_broken_by_a_copy_is_one_post(link):
    """Before, the signature kept no id and its own link became a second embed: one post counted twice."""
    text = SIGNED + link
    [embed] = find_embeds(text)
    assert (embed.detector, embed.post_id, embed.id_doubt) == ("text-signature", "1764700000000000001", None)


def test_the_next_post_starts_below_a_signature_link_wrapped_onto_the_next_line():
    text = ("First post words.\n— Jane Roe (@janeroe_news) March 4, 2024 https://twitter.com/janeroe_news/status/17651234\n"
            "56789012345\nSecond post words.\n— Bob Doe (@bobdoe) March 5, 2024")
    first, second = find_embeds(text)
    assert first.post_id == "1765123456789012345"
    assert (second.text, second.text_confidence) == ("Second post words.", "high")


SCRAPED = ("Riverton's mayor answered on Wednesday.\n\n"
           "I never said the levy was balanced. The audit found 4 errors, not 40. {links}\n"
           "— Dana Roe (@MayorRoe_fic) March 15, 2023\n\nThe council meets next month.\n")


@pytest.mark.parametrize("handle", ["MayorRoe_fic", "mayorroe_FIC"], ids=["same", "other-case"])
def test_own_status_link_inside_the_signed_words_gives_the_signature_its_id(handle):
    """A scraped copy puts the post's link at the end of its words, above the signature: scan said "no post URL",
    with post_id null and the profile as its url, while the report checked the post (newuser34 #4)."""
    [post] = find_embeds(SCRAPED.format(links=f"https://twitter.com/{handle}/status/1636011869598646273"))
    assert (post.post_id, post.author_handle, post.detector) == ("1636011869598646273", "MayorRoe_fic", "text-signature")
    assert post.url == "https://twitter.com/MayorRoe_fic/status/1636011869598646273"
    assert post.text.startswith("I never said the levy") and post.id_doubt is None


@pytest.mark.parametrize("links", [
    "https://twitter.com/i/web/status/1636011869598646273",
    "https://twitter.com/MayorRoe_fic/status/1636011869598646273 https://twitter.com/MayorRoe_fic/status/1635717429457846273",
], ids=["no-account-named", "two-of-its-posts"])
def test_a_link_inside_the_signed_words_that_may_be_another_post_gives_no_id(links):
    """A link naming no account (a quoted post?), or two posts of the account: which is the signature's own is not
    known, so none is taken (a wrong id is worse than none)."""
    [post] = [e for e in find_embeds(SCRAPED.format(links=links)) if e.detector == "text-signature"]
    assert (post.post_id, post.url) == (None, "https://twitter.com/MayorRoe_fic")


def test_another_accounts_link_ending_the_signed_words_is_a_candidate_with_its_conflict_said():
    """Another account's post of the signature's day ending the words: newuser34 #4 took no id, so the post the
    words were forged from was never fetched (newuser37 §6). It is the candidate, under its own URL, its id marked
    uncertain with the conflict; the signature's handle stays the author's, which the author check holds against the
    post's."""
    [post] = [e for e in find_embeds(SCRAPED.format(links="https://twitter.com/otheruser/status/1636011869598646273"))
              if e.detector == "text-signature"]
    assert (post.post_id, post.url, post.author_handle) == (
        "1636011869598646273", "https://twitter.com/otheruser/status/1636011869598646273", "MayorRoe_fic")
    assert post.id_doubt == "the link names a post by @otheruser; the signature says @MayorRoe_fic"


@pytest.mark.parametrize("link", ["https://x.com/MayorRoe_fic/status/1636011869598646273",
                                  "https://mobile.twitter.com/MayorRoe_fic/status/1636011869598646273"],
                         ids=["x.com", "mobile"])
def test_own_status_link_inside_the_signed_words_in_another_form_gives_the_signature_its_id(link):
    """The link's other forms name the same post: the signature takes its id, as from twitter.com (review34r7)."""
    [post] = find_embeds(SCRAPED.format(links=link))
    assert (post.post_id, post.url) == ("1636011869598646273", "https://twitter.com/MayorRoe_fic/status/1636011869598646273")


@pytest.mark.parametrize("words", [
    "As I said last week, the levy is short: https://twitter.com/MayorRoe_fic/status/1633517429457846273 and nothing "
    "has changed.",
    "2/3 Still true today. https://twitter.com/MayorRoe_fic/status/1633517429457846273",
], ids=["mid-words", "at-the-end"])
def test_an_own_link_inside_the_signed_words_minted_on_another_day_is_an_earlier_post_not_the_signatures(words):
    """The account's own earlier post, linked inside the words (a self-quote, a thread's first post): its id was
    minted 2023-03-08, a week before the signature's March 15, 2023. Taken as the signature's id, the report failed
    the article's snowflake-date check ("article 2023-03-15, id … was minted 2023-03-08") for the tool's own
    misreading; before fixnu34c the signature had no id, the link one of its words' links (review34r7)."""
    text = ("Riverton's mayor answered on Wednesday.\n\n" + words
            + "\n— Dana Roe (@MayorRoe_fic) March 15, 2023\n\nThe council meets next month.\n")
    [post] = [e for e in find_embeds(text) if e.detector == "text-signature"]
    assert (post.post_id, post.url) == (None, "https://twitter.com/MayorRoe_fic")
    assert any("1633517429457846273" in link for link in post.links)   # the post's link, as before fixnu34c


@pytest.mark.parametrize("words", [
    "As I said this morning, the levy is short: https://twitter.com/MayorRoe_fic/status/1635974120862646272 and "
    "nothing has changed.",
    "Read https://twitter.com/MayorRoe_fic/status/1635974120862646272 first. The audit found 4 errors, not 40.",
], ids=["mid-words", "at-the-start"])
def test_an_own_link_of_the_same_day_amid_the_signed_words_is_no_id_of_the_signatures(words):
    """A self-quote or a thread's earlier post of the same day, linked amid the words: its id was minted on the
    signature's day, so the date rule (review34r7) let it be taken as the signature's id, and the report compared
    the words with another post. The signature's own link is the one a copy leaves right before the dash (its words'
    last); a link with words after it is one the words quote (review34r7's left alone)."""
    text = ("Riverton's mayor answered on Wednesday.\n\n" + words
            + "\n— Dana Roe (@MayorRoe_fic) March 15, 2023\n\nThe council meets next month.\n")
    [post] = [e for e in find_embeds(text) if e.detector == "text-signature"]
    assert (post.post_id, post.url) == (None, "https://twitter.com/MayorRoe_fic")
    assert any("1635974120862646272" in link for link in post.links)


@pytest.mark.parametrize("links", [
    "https://twitter.com/MayorRoe_fic/status/1636011869598646273 pic.twitter.com/AbCdEf1234",
    "https://twitter.com/MayorRoe_fic/status/1636011869598646273/photo/1.",
], ids=["then-its-photo-link", "photo-path"])
def test_an_own_link_among_the_links_ending_the_signed_words_gives_the_signature_its_id(links):
    [post] = [e for e in find_embeds(SCRAPED.format(links=links)) if e.detector == "text-signature"]
    assert post.post_id == "1636011869598646273"


SIGNED_BY_THE_MAYOR = "— Jane Hill (@MayorJaneHill) May 15, 2024\nThe mayor thanked the marchers.\n"
POLICE_POST = "https://twitter.com/riverton_police/status/1790653341496258617"   # minted 2024-05-15
CONFLICT = "the link names a post by @riverton_police; the signature says @MayorJaneHill"


@pytest.mark.parametrize("text", [
    f"No arrests were made at Saturday's march. {POLICE_POST}\n" + SIGNED_BY_THE_MAYOR,
    "No arrests were made at Saturday's march.\n— Jane Hill (@MayorJaneHill) May 15, 2024\n" + POLICE_POST
    + "\nThe mayor thanked the marchers.\n",
], ids=["in-the-words", "under-the-signature"])
def test_another_accounts_link_in_the_signed_words_or_under_them_is_the_posts_candidate(text):
    """newuser37 §6: the link ending the signed words (or alone under the signature) named @riverton_police's post
    of the signature's day; it was folded into the words, never fetched, and the signature's account searched. It is
    the post's candidate id, its URL the link's, and the conflict said; the signature's handle stays the author's."""
    [post] = find_embeds(text)
    assert (post.post_id, post.url, post.author_handle, post.detector) == (
        "1790653341496258617", POLICE_POST, "MayorJaneHill", "text-signature")
    assert post.id_doubt == CONFLICT


def test_another_accounts_link_of_another_day_in_the_words_is_no_candidate():
    """A link to another account's post minted on another day than the signature's is a post the words quote."""
    text = "As police said: https://twitter.com/riverton_police/status/1764700000000000001\n" + SIGNED_BY_THE_MAYOR
    posts = [p for p in find_embeds(text) if p.detector == "text-signature"]
    assert [(p.post_id, p.id_doubt) for p in posts] == [(None, None)]
