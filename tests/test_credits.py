"""Photo credits in prose and captions. Precision first: a sentence that mentions a photo is no credit."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolver.extract.credit_names import split_credit
from resolver.extract import credits as credit_patterns
from resolver.extract.credits import find_credits, read_whole

POSITIVE = [
    ("(Photo Credit:Nicole Laskavi/MOD)", "Nicole Laskavi", "MOD", "paren-credit"),
    ("The crowd. (AP Photo/Jane Doe, File)", "Jane Doe", "AP", "agency-photo"),
    ("Crowds gather. REUTERS/Kevin Example", "Kevin Example", "REUTERS", "slash"),
    ("Fireworks. John Smith/AFP via Getty Images", "John Smith", "AFP via Getty Images", "slash"),
    ("Photo by Ann Lee on Unsplash", "Ann Lee", "Unsplash", "stock-site"),
    ("Photograph: Sam Roe/Guardian", "Sam Roe", "Guardian", "keyword"),
    ("Photo: Jane Doe", "Jane Doe", None, "keyword"),
    # a common first name alone is a person, not an organisation as other single words are ("Courtesy Rivertonix")
    ("Photo: Jane", "Jane", None, "keyword"),
    ("Courtesy Kevin", "Kevin", None, "keyword"),
    ("Image: NASA", None, "NASA", "keyword"),
    ("Credit: Acme News", None, "Acme News", "keyword"),
    ("Courtesy of the Riverton Museum", None, "the Riverton Museum", "keyword"),
    ("Courtesy Rivertonix", None, "Rivertonix", "keyword"),   # The Hollywood Reporter's "Courtesy Google"
    ("Screenshot: YouTube", None, "YouTube", "keyword"),
    ("(Photo by Mary Major/Getty Images for Acme)", "Mary Major", "Getty Images for Acme", "paren-credit"),
    ("(Photo: Jane Doe for The Riverton Times)", "Jane Doe", "The Riverton Times", "paren-credit"),
    ("(Image courtesy of Riverton Council)", None, "Riverton Council", "paren-credit"),
    # Space.com's scraped captions end in the viewer's link words
    ("Credit: NASA/ESA View full size image", None, "NASA/ESA", "keyword"),
    ("Credit: Kay Example, SPACE.com View full size image The planet Mars is the fourth planet.", "Kay Example",
     "SPACE.com", "keyword"),
    # Apartment Therapy's reader photos: "submitted by" names who supplied it, and is not part of the name
    ("(Image credit: Submitted by Ashley)", "Ashley", None, "paren-credit"),
    ("(Photo: Submitted by Jane Roe)", "Jane Roe", None, "paren-credit"),
    ("Photo: Supplied by Riverton Council", None, "Riverton Council", "keyword"),
    # a scraped gallery caption opening with its credit, glued to its words (#11)
    ("Kay C. Example/for Riverton Daily News Lee Sample poses outside the club.", "Kay C. Example",
     "Riverton Daily News", "slash-for"),
    ("He left. Kay Example/for The Riverton Times Lee Sample waves.", "Kay Example", "The Riverton Times", "slash-for"),
    # an agency's credit naming a studio, then its photographer after a comma (Fox News: "(AP Photo/A24 Films, ...)")
    ("The director on set. (AP Photo/Riverton Films, Kay Example)", "Kay Example", "AP", "agency-photo"),
    ("The director on set. (AP Photo/Kay Example, Riverton Films)", "Kay Example", "AP", "agency-photo"),
    # a Flickr user's picture under a licence: the user is the creator, Flickr the platform, the licence no one
    ("Thumbnail image by Flickr user ann.ex used under a Creative Commons license.", "ann.ex", "Flickr", "flickr-user"),
    ("Photo: Flickr user Kay Example (CC BY 2.0)", "Kay Example", "Flickr", "flickr-user"),
    ("Photo courtesy of Flickr user Kay Example CC BY-SA", "Kay Example", "Flickr", "flickr-user"),
]


@pytest.mark.parametrize("text,creator,organization,form", POSITIVE, ids=[p[0][:35] for p in POSITIVE])
def test_credit_forms(text, creator, organization, form):
    [credit] = find_credits(text)
    assert (credit.creator, credit.organization, credit.form) == (creator, organization, form)
    assert text[credit.span[0]:credit.span[1]] == credit.raw


# A credit line naming several suppliers, one after another: each is a credit (Bustle: "Images: Pexels; Hannah
# Burton, ..., Cora Foxx/Bustle" gave Pexels alone).
@pytest.mark.parametrize("text,expected", [
    ("Photos: AP; Reuters; Getty Images", [(None, "AP"), (None, "Reuters"), (None, "Getty Images")]),
    ("Photos: Jane Doe/AP; John Roe/Riverton Post", [("Jane Doe", "AP"), ("John Roe", "Riverton Post")]),
    ("Images: Rivershots; Ann Example, Ben Sample, Cy Example/Riverton Post",
     [(None, "Rivershots"), ("Ann Example", "Riverton Post"), ("Ben Sample", "Riverton Post"), ("Cy Example", "Riverton Post")]),
    ("Photo: Getty Images; the mayor said it was fine.", [(None, "Getty Images")]),
    ("Photo: Jane Doe/AP; More on this story tomorrow", [("Jane Doe", "AP")]),
    ("Featured image via ANN EXAMPLE,BEN SAMPLE/AFP/Getty Images",   # two photographers, a comma between them
     [("ANN EXAMPLE", "AFP/Getty Images"), ("BEN SAMPLE", "AFP/Getty Images")]),
    ("Photo: Jane Doe, File", [("Jane Doe", None)]),
], ids=["agencies", "people-and-outlets", "names-sharing-an-outlet", "prose-after", "headline-after", "two-people",
        "file-role"])
def test_a_credit_line_listing_several_credits_gives_each(text, expected):
    credits = find_credits(text)
    assert [(c.creator, c.organization) for c in credits] == expected
    assert all(text[c.span[0]:c.span[1]] == c.raw for c in credits)


# A caption's "Source:" names who supplied its picture (Hawaii News Now: "... (Source: NASA)"); in prose it cites
# where facts came from, and is no credit there.
@pytest.mark.parametrize("text,expected", [
    ("Scientists spot water vapour over the moon. (Source: NASA)", [(None, "NASA")]),
    ("The lake at dawn. Source: Riverton Water Board", [(None, "Riverton Water Board")]),
    ("The lake at dawn (Source: Ann Example/Riverton Post)", [("Ann Example", "Riverton Post")]),
])
def test_a_captions_source_is_its_credit(text, expected):
    assert [(c.creator, c.organization) for c in find_credits(text, caption=True)] == expected
    assert find_credits(text) == []


NEGATIVE = [
    "The Smith/for Acme deal closed on Monday.",
    "Jane Doe/for the record, nothing changed.",
    "The photo by the agency shows a crowd gathering near the square.",
    "She said the image: it was fake and misleading.",
    "Photos of the event were shared widely on social media.",
    "He paid by credit card.",
    "Image quality was poor, the photographer admitted.",
    "The copyright law changed in 2019.",
    "(File photo)",   # says nothing of who made it
    "Photo: Supplied",
    "(Photo: Submitted by)",
    "The Flickr user Kay Example said she took it at dawn.",   # a user spoken of, no picture credited
    "A post by Twitter user Kay Example went viral.",
]


@pytest.mark.parametrize("text", NEGATIVE, ids=[n[:30] for n in NEGATIVE])
def test_sentences_that_mention_photos_are_not_credits(text):
    assert find_credits(text) == []


@pytest.mark.parametrize("value,expected", [
    ("Nicole Laskavi/MOD", ("Nicole Laskavi", "MOD")),
    ("Jane Doe via Getty Images", ("Jane Doe", "Getty Images")),
    # an agency's "Photo" says what it is, as in "(AP Photo/Jane Doe)" (New York Magazine)
    ("Dan Example/Invision/AP Photo", ("Dan Example", "Invision/AP")),
    ("Jane Doe/AP Photo", ("Jane Doe", "AP")),
    ("Jane Doe/Riverton Photo", ("Jane Doe", "Riverton Photo")),
    # one capitalised word is a brand, a studio or a site; a user name in camel case stays a creator
    ("Psyonix", (None, "Psyonix")),
    ("Jane", ("Jane", None)),
    ("dtv Verlag", (None, "dtv Verlag")),   # a publisher (Brigitte: "© dtv Verlag")
    ("Bildagentur Riverton", (None, "Bildagentur Riverton")),
    ("WSig", ("WSig", None)),
    ("Submitted by Ashley", ("Ashley", None)),
    ("Reuters", (None, "Reuters")),
    ("Jane Doe, File", ("Jane Doe", None)),
    ("Jane Roe/Riverton Times/Getty Images", ("Jane Roe", "Riverton Times/Getty Images")),
    ("JOHN EXAMPLE/AFP/Getty Images", ("JOHN EXAMPLE", "AFP/Getty Images")),
    ("AFP/Getty", (None, "AFP/Getty")),
    ("REUTERS/Ann Example/Files", ("Ann Example", "REUTERS")),
    ("EPA/BEN EXAMPLE", ("BEN EXAMPLE", "EPA")),
    ("Pixabay.com / someuser", ("someuser", "Pixabay.com")),
    ("Ann Example-USA TODAY Sports - RTR1ABC2", ("Ann Example", "USA TODAY Sports")),
    ("Cal Sample, STF / Associated Press", ("Cal Sample", "Associated Press")),
    ("Dee Example   Pool/Getty Images", ("Dee Example", "Getty Images")),
    ("Jane Roe/STF", ("Jane Roe", None)),
    ("John Smith/Pool", ("John Smith", "Pool")),
    ("City Council handout", (None, "City Council")),
    ("STR/AFP", (None, "AFP")),
    ("Ed Sample for Riverton News", ("Ed Sample", "Riverton News")),
    ("Bloomberg via Getty Images", (None, "Bloomberg via Getty Images")),
    ("ITV via AP", (None, "ITV via AP")),
    ("Fay Example | Getty Images", ("Fay Example", "Getty Images")),
    ("Gus Example, EXAMPLE.com", ("Gus Example", "EXAMPLE.com")),
    ("@riverfan / Twitter / Via Twitter: @riverfan", ("@riverfan", "Twitter")),
    ("Riverton Space Center/Hal Example", ("Hal Example", "Riverton Space Center")),
    ("Riverton TV/Reuters", ("Riverton TV", "Reuters")),
    ("AP Photo", (None, "AP")),
    ("Getty Image", (None, "Getty Image")),
    ("Ivy Example", ("Ivy Example", None)),
    ("Al Example-Pool/Getty Images", ("Al Example", "Getty Images")),
    ("Ben Example/\u200bAFP/\u200bGetty Images", ("Ben Example", "AFP/Getty Images")),
    ("Ann Example/Agence France-Presse — Getty Images", ("Ann Example", "Agence France-Presse — Getty Images")),
    ("NASA/JPL-Caltech", (None, "NASA/JPL-Caltech")),
    ("NASA/JPL-Caltech/MSSS", (None, "NASA/JPL-Caltech/MSSS")),
    ("REUTERS/Ann Example/File Photo", ("Ann Example", "REUTERS")),
    ("Ann Example/Reuters/File Photo", ("Ann Example", "Reuters")),
    # A one-word supplier before "via" is a company or a platform, not a photographer (Al Jazeera's "[SpaceX via Nasa]")
    ("RocketCo via Nasa", (None, "RocketCo via Nasa")),
    ("@riverfan via Reuters", ("@riverfan", "Reuters")),
    # a title's words no person's name carries: a magazine (Space.com: "(Image credit: All About Space)")
    ("All About Space", (None, "All About Space")),
    ("Tales From Riverton", (None, "Tales From Riverton")),
    ("Ann Allman", ("Ann Allman", None)),
], ids=["slash", "via", "agency-photo-after-outlet", "agency-photo-last", "outlet-photo-kept", "one-word-org", "first-name", "publisher-de", "agency-de",
        "camel-case-user", "submitted-by-first-name", "agency-only", "file-suffix", "person-outlet-agency", "caps-person-agency-getty",
        "agencies-only", "agency-first-files", "agency-first-caps", "site-first", "mandatory-credit-dash", "stf-comma",
        "pool-word", "stf-alone", "pool-kept", "handout-lowercase", "stringer-code", "for-outlet", "agency-via",
        "broadcaster-via", "pipe", "comma-domain", "trailing-via-repeat", "org-first-person", "tv-unit-creator",
        "agency-photo-alone", "known-prefix", "bare-person", "hyphen-pool", "zero-width-spaces", "organisation-as-written", "acronym-hyphen-org", "acronyms-only", "agency-first-file-photo", "file-photo",
        "one-word-via", "handle-via", "magazine-title", "title-from", "person-all-in-a-word"])
def test_split_credit(value, expected):
    assert split_credit(value) == expected


MORE_FORMS = [
    ("Mandatory Credit: Ann Example-USA TODAY Sports - RTR1ABC2", "Ann Example", "USA TODAY Sports"),
    ("Image via Getty Images", None, "Getty Images"),
    ("Image copyright Getty Images", None, "Getty Images"),
    ("Image copyright Getty Images Image caption Crowds wait at the gate", None, "Getty Images"),   # BBC, scraped
    ("Screenshot aus dem Archiv Riverton", None, "Archiv Riverton"),
    ("Featured image via JOHN EXAMPLE/AFP/Getty Images", "JOHN EXAMPLE", "AFP/Getty Images"),
    ("(Foto: Pixabay.com / someuser)", "someuser", "Pixabay.com"),
    ("(Photo credit should read JOHN EXAMPLE/AFP/Getty Images)", "JOHN EXAMPLE", "AFP/Getty Images"),
    ("Credit: City Council handout", None, "City Council"),
    ("Credit... Ann Example/The Riverton Times", "Ann Example", "The Riverton Times"),
    ("He left.Photo by Ann Example/Getty Images.@someone replied", "Ann Example", "Getty Images"),
    ("Featured image via Fay M. Example/Getty Images", "Fay M. Example", "Getty Images"),
    ("Foto: Pixabay.com / someuser", "someuser", "Pixabay.com"),   # a user name as the site writes it
    ("Foto: Ann Example/dpa", "Ann Example", "dpa"),
]


@pytest.mark.parametrize("text,creator,organization", MORE_FORMS, ids=[m[0][:30] for m in MORE_FORMS])
def test_more_phrasings(text, creator, organization):
    [credit] = find_credits(text)
    assert (credit.creator, credit.organization) == (creator, organization)


CAPTION_ENDINGS = [
    ("Relatives wait at the airport (EPA)", None, "EPA"),
    ("Rescuers carry a stretcher (AFP/Getty)", None, "AFP/Getty"),
    ("TREATMENT: The nurse was named [GETTY]", None, "GETTY"),
    ("Two ministers meet in the square (ITV via AP)", None, "ITV via AP"),
    ("Police near the station. (Ann Example / Reuters)", "Ann Example", "Reuters"),
    ("A family in the city. (Ben Example/CBC)", "Ben Example", "CBC"),
    ("A family in the city. (Ben Example/Riverton Gazette)", "Ben Example", "Riverton Gazette"),
]


@pytest.mark.parametrize("text,creator,organization", CAPTION_ENDINGS, ids=[c[0][-14:] for c in CAPTION_ENDINGS])
def test_a_caption_ending_in_its_supplier(text, creator, organization):
    [credit] = find_credits(text, caption=True)
    assert (credit.creator, credit.organization) == (creator, organization)


def test_a_name_and_an_unknown_outlet_in_parentheses_needs_a_caption():
    assert find_credits("A family in the city. (Ben Example/Riverton Gazette)") == []   # in prose it may be anything


def test_copyright_is_a_credit_in_a_caption_only():
    [credit] = find_credits("© 2021 Jane Doe", caption=True)
    assert (credit.creator, credit.organization) == ("Jane Doe", None)
    assert find_credits("© 2021 Jane Doe") == []
    [credit] = find_credits("© Provided by Riverton Insider Inc", caption=True)   # MSN's syndication line
    assert (credit.creator, credit.organization) == (None, "Riverton Insider Inc")


NOT_CREDITS = [
    "© 2023 Reuters. All rights reserved.",
    "(Graphic: tmsnrt.rs/2Bgq29K)",
    "(Graphic: Emerging markets in 2019 - here)",
    "LONDON (Reuters) - The bank said on Monday it would cut jobs.",
    "Reporting by Ann Example; Editing by Ben Sample",
    "A Reuters/Ipsos poll found most agreed.",
    "The Trump/Russia story went on.",
]


@pytest.mark.parametrize("text", NOT_CREDITS, ids=[n[:25] for n in NOT_CREDITS])
def test_not_credits(text):
    assert find_credits(text) == [] and find_credits(text, caption=True) == []


def test_one_person_credited_twice_keeps_the_fuller_statement():
    text = "Supporters cheer.  / AFP / JOHN EXAMPLE (Photo credit should read JOHN EXAMPLE/AFP/Getty Images)"
    [credit] = find_credits(text, caption=True)
    assert (credit.creator, credit.organization) == ("JOHN EXAMPLE", "AFP/Getty Images")


@pytest.mark.parametrize("value,expected", [
    ("Credit Ann Example/Agence France-Presse — Getty Images", ("Ann Example", "Agence France-Presse — Getty Images")),
    ("Via Facebook", (None, "Facebook")),
    ("Featured image via Al Example-Pool/Getty Images", ("Al Example", "Getty Images")),
], ids=["bare-credit-label", "via-platform", "keyword-hyphen-pool"])
def test_a_credit_elements_words_read_whole(value, expected):
    """What a class="credit" element holds: its label words ('Credit', visually hidden on the page) are no name."""
    [(creator, organization, _)] = read_whole(value)
    assert (creator, organization) == expected


@pytest.mark.parametrize("value,expected", [
    ("Left Image:\u00a0Riverton Weather Service, Right Image:\u00a0Ann Example",
     [(None, "Riverton Weather Service"), ("Ann Example", None)]),
    ("Top: Ann Example/AP; Bottom: Ben Sample/Reuters", [("Ann Example", "AP"), ("Ben Sample", "Reuters")]),
], ids=["left-right-images", "top-bottom"])
def test_a_credit_element_crediting_two_pictures_by_position_gives_two_credits(value, expected):
    """Vice's credit line for two pictures side by side: it was one organization named "Left Image: ..., Right
    Image: ...", a wrong answer for both."""
    assert [(creator, organization) for creator, organization, _ in read_whole(value)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Albums on show. (Photos by Ann Example, left, and Ben Von Sample/Invision/AP)",
     [("Ann Example", "Invision/AP"), ("Ben Von Sample", "Invision/AP")]),
    ("The two leaders. (Photos by Ann Example and Ben Sample/Riverton Post)",
     [("Ann Example", "Riverton Post"), ("Ben Sample", "Riverton Post")]),
    ("The band. (Photo by Ann Example/Smith and Sons Studio)", [("Ann Example", "Smith and Sons Studio")]),
], ids=["left-and", "and", "and-in-organization"])
def test_photos_by_two_people_credit_each(text, expected):
    """A caption crediting two photographers ("Photos by A, left, and B/Invision/AP", a real Fox News caption) gave
    one creator "A, left, and B"."""
    assert [(c.creator, c.organization) for c in find_credits(text, caption=True)] == expected


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("line", [
    "Photo: Jane Doe/Reuters", "Photo: Jane Doe/Reuters   ", "  Credit: Jane Doe/AFP", "(AP Photo/Jane Doe)",
    "Soldiers at the base. (Photo Credit: Nicole Laskavi/MOD) ", "Mandatory Credit: Jane Doe/Getty Images\t",
])
def test_a_credit_span_is_exactly_its_raw_text(line, newline):
    """text[span] == raw: no blank around it, and on a CRLF text no trailing "\\r" (it was included)."""
    from resolver.extract.credits import find_credits

    text = newline.join(["The harbour at dawn.", line, "The story goes on here."]) + newline
    credits = find_credits(text)
    assert credits, line
    for credit in credits:
        assert text[credit.span[0]:credit.span[1]] == credit.raw


# How sure a credit's person/organisation split is (#11): the rule with evidence that decided it, or none.
SPLIT_CONFIDENCE = [
    # the organisation reads as one: a known agency, an organisation word, a domain, an acronym, "The ..."
    ("known-agency", "Photo: Zed Quux/Reuters", "Zed Quux", "Reuters", "high"),
    ("wire-style", "REUTERS/Zed Quux", "Zed Quux", "REUTERS", "high"),
    ("org-word", "Photo: Zed Quux/Riverton Post", "Zed Quux", "Riverton Post", "high"),
    ("org-alone", "Credit: Riverton News", None, "Riverton News", "high"),
    ("domain", "Image: Rivertonix.io", None, "Rivertonix.io", "high"),
    ("acronym", "Photo: Zed Quux/RVX", "Zed Quux", "RVX", "high"),
    ("agency-via", "Image: Rivertonix via Getty Images", None, "Rivertonix via Getty Images", "high"),
    ("agency-pattern", "(AP Photo/Zed Quux)", "Zed Quux", "AP", "high"),
    # the creator starts with a common first name, alone or with a surname
    ("first-name-alone", "Photo: Siobhan Quux", "Siobhan Quux", None, "uncertain"),
    ("known-first-name", "Photo: Jane Quux", "Jane Quux", None, "high"),
    ("known-first-name-alone", "Photo: Jane", "Jane", None, "high"),
    ("first-name-beside-unknown", "Photo: Jane Quux/Rivertonix", "Jane Quux", "Rivertonix", "high"),
    # the credit's words say who made it: "Name for Outlet", "Name via Outlet", "Submitted by Name"
    ("for-form", "Photo: Zed Quux for Rivertonix", "Zed Quux", "Rivertonix", "high"),
    ("via-form", "Photo: Zed Quux via Rivertonix", "Zed Quux", "Rivertonix", "high"),
    ("submitted-by", "(Image credit: Submitted by Zorblat)", "Zorblat", None, "high"),
    # no evidence either way: a name taken as a person, or one word as an organisation, by default
    ("two-words-as-a-person", "Photo: Berkeley Quux", "Berkeley Quux", None, "uncertain"),
    ("one-word-as-an-org", "Photo: Rivertonix", None, "Rivertonix", "uncertain"),
    ("unknown-first-name-as-an-org", "Photo: Siobhan", None, "Siobhan", "uncertain"),
    ("handle", "Image: @rivertonix", "@rivertonix", None, "uncertain"),
    ("slash-of-two-unknowns", "Photo: Zed Quux/Rivertonix", "Zed Quux", "Rivertonix", "uncertain"),
]


@pytest.mark.parametrize("text,creator,organization,confidence", [c[1:] for c in SPLIT_CONFIDENCE],
                         ids=[c[0] for c in SPLIT_CONFIDENCE])
def test_a_credits_split_says_how_sure_it_is(text, creator, organization, confidence):
    """A split decided by evidence is "high"; one where a name was taken as a person or an organisation by default
    is "uncertain" (#11: Vox's "Berkeley Earth" was given as a person, "Photo: Siobhan" as an organisation, and
    nothing said either was a guess). The names themselves are as before."""
    from resolver.extract import find_all

    [credit] = find_all(f"A bridge at dawn.\n{text}\nThe story goes on.\n", "text")[1]
    assert (credit.creator, credit.organization, credit.split_confidence) == (creator, organization, confidence)


# A name ending in "Earth" (a group, a product or a programme named for the planet: Vox's chart credit "Berkeley
# Earth") is an organisation's: no person's name ends in the word. Only the last word counts, capitalised.
EARTH_NAMES = [
    ("place-then-earth", "Photo: Riverton Earth", None, "Riverton Earth", "high"),
    ("particles", "Image: Keepers of the Earth", None, "Keepers of the Earth", "high"),
    ("beside-a-person", "Photo: Zed Quux/Riverton Earth", "Zed Quux", "Riverton Earth", "high"),
    # a person named like a place, or with "Earth" inside a word or first, stays a person (and a guess)
    ("person-named-like-a-place", "Photo: Berkeley Quux", "Berkeley Quux", None, "uncertain"),
    ("eartha", "Photo: Eartha Quux", "Eartha Quux", None, "uncertain"),
    ("earth-first", "Photo: Earth Quux", "Earth Quux", None, "uncertain"),
    ("earthly", "Photo: Zed Earthly", "Zed Earthly", None, "uncertain"),
    ("planet-alone", "Photo: Earth", None, "Earth", "uncertain"),   # one word: an organisation by default, as before
    # the rule reads one name, never a list or "Name for Outlet", and a common first name makes a person (review26)
    ("first-name", "Photo: Jane Earth", "Jane Earth", None, "high"),
    ("for-outlet", "Photo: Sam Earth for Reuters", "Sam Earth", "Reuters", "high"),
]
LISTED_EARTHS = [
    ("and-list", "Photos: Zed Quux and Jane Earth", [("Zed Quux", None, "uncertain"), ("Jane Earth", None, "high")]),
    ("comma-list", "Photo: Anna Earth, Zed Quux", [("Anna Earth", None, "high"), ("Zed Quux", None, "uncertain")]),
]


@pytest.mark.parametrize("text,found", [c[1:] for c in LISTED_EARTHS], ids=[c[0] for c in LISTED_EARTHS])
def test_people_listed_with_a_surname_earth_stay_people(text, found):
    """The "Earth" rule ran on the whole credit before it was split: "Zed Quux and Jane Earth" became one
    organisation, "high", and both people were lost (review26)."""
    from resolver.extract import find_all

    credits = find_all(f"A bridge at dawn.\n{text}\nThe story goes on.\n", "text")[1]
    assert [(c.creator, c.organization, c.split_confidence) for c in credits] == found


@pytest.mark.parametrize("text,creator,organization,confidence", [c[1:] for c in EARTH_NAMES],
                         ids=[c[0] for c in EARTH_NAMES])
def test_a_name_ending_in_earth_is_an_organisation(text, creator, organization, confidence):
    """Vox's chart credit <cite>Berkeley Earth</cite> was read as a person, "uncertain" (#11)."""
    from resolver.extract import find_all

    found = find_all(f"A bridge at dawn.\n{text}\nThe story goes on.\n", "text")[1]
    assert [(c.creator, c.organization, c.split_confidence) for c in found] == [(creator, organization, confidence)]


def test_a_figures_cite_naming_a_group_called_after_the_earth_is_an_organisation():
    """The Vox page's figure: a caption, then <cite><a>Berkeley Earth</a></cite>; and a caption ending in a
    photographer and such a group, as "(Name/CBC)" ends one (#11)."""
    from resolver.extract import find_all

    page = ('<html><body><p>Story.</p><figure><img src="https://img.example.org/chart.png"><span><figcaption>Air in '
            'Riverton this week.</figcaption><cite><a href="https://example.org/data">Riverton Earth</a></cite></span>'
            '</figure><p>More.</p><figure><img src="https://img.example.org/b.jpg"><figcaption>The river at dawn. '
            '(Zed Quux/Riverton Earth)</figcaption></figure></body></html>')
    found = [(c.creator, c.organization, c.split_confidence, c.form) for c in find_all(page, "html")[1]]
    assert found == [(None, "Riverton Earth", "high", "css-class"), ("Zed Quux", "Riverton Earth", "high", "trailing")]


@pytest.mark.parametrize("creator,organization,raw,expected", [
    (None, None, "Photo:", None),
    ("Zed Quux", None, "", "uncertain"),
    ("Zed Quux", "Riverton Post", "", "high"),
    ("Zed Quux", "Rivertonix", "Zed Quux for Rivertonix", "high"),
    ("Zed Quux", "Rivertonix", "Rivertonix for Zed Quux", "uncertain"),   # the form names the other one
    ("Zed Quux", None, "Supplied by Zed Quux", "high"),
    ("Jane Quux", None, "", "high"),
    ("jane", None, "", "uncertain"),   # a user name in small letters: an account, whoever holds it
], ids=["nobody", "a-name", "org-word", "for", "for-the-other-way", "supplied-by", "first-name", "lower-case"])
def test_split_confidence_rules(creator, organization, raw, expected):
    from resolver.extract.credit_names import split_confidence

    assert split_confidence(creator, organization, raw) == expected


def test_a_json_ld_credit_naming_its_creator_and_holder_is_sure_of_them():
    """schema.org says who made the image (creator) and who holds it (copyrightHolder): the page's own split, however
    the names read; a creditText the tool splits itself is marked as any other credit (#11)."""
    from resolver.extract import find_all

    page = ('<html><head><script type="application/ld+json">'
            '[{"@type": "ImageObject", "url": "https://img.example.org/a.jpg",'
            ' "creator": {"@type": "Person", "name": "Berkeley Quux"}, "copyrightHolder": "Rivertonix"},'
            ' {"@type": "ImageObject", "url": "https://img.example.org/b.jpg", "copyrightHolder": "Rivertonix"},'
            ' {"@type": "ImageObject", "url": "https://img.example.org/c.jpg", "creditText": "Zed Quux/Rivertonix"}]'
            '</script></head><body><p>Words.</p></body></html>')
    found = [(c.creator, c.organization, c.split_confidence) for c in find_all(page, "html")[1] if c.source == "json-ld"]
    assert found == [("Berkeley Quux", "Rivertonix", "high"), (None, "Rivertonix", "high"),
                     ("Zed Quux", "Rivertonix", "uncertain")]


@pytest.mark.parametrize("line,expected", [
    # two names with a common first name: the line lists people, so the others in it are people too (Bustle's
    # "Hannah Burton, Bry Crasch, Isla Murray, Allison Gore, Mary Blount, Cora Foxx/Bustle")
    ("Photos: Jane Quux, Bry Crasch, Mary Blount/Rivertonix", ["high", "high", "high"]),
    ("(Photos by Jane Quux, Bry Crasch and Mary Blount)", ["high", "high", "high"]),
    # one known first name does not vouch for another name: "Jane Quux, Berkeley Earth" may be a person and a source
    ("Photos: Jane Quux, Bry Crasch/Rivertonix", ["high", "uncertain"]),
    ("Photos: Jane Quux, Bry Crasch, Isla Murray/Rivertonix", ["high", "uncertain", "uncertain"]),
    # a name that is not two or three capitalised words gets nothing from the others
    ("Photos: Jane Quux, Bry Van Der Crasch, Mary Blount/Rivertonix", ["high", "uncertain", "high"]),
    ("Photos: JANE QUUX, BRY CRASCH, MARY BLOUNT/Rivertonix", ["high", "uncertain", "high"]),
], ids=["two-known-of-three", "and", "one-known-of-two", "one-known-of-three", "four-words", "capitals"])
def test_names_listed_together_share_their_evidence(line, expected):
    """A line listing people gave the names with a common first name "high" and the others "uncertain" (#11). With
    two or more common first names among them, every name in the list that reads as a person's is "high"."""
    from resolver.extract import find_all

    found = find_all(f"A bridge at dawn.\n{line}\nThe story goes on.\n", "text")[1]
    assert [c.split_confidence for c in found] == expected, [c.creator for c in found]


@pytest.mark.parametrize("creator,listed,raw,expected", [
    ("Bry Crasch", ("Jane Quux", "Bry Crasch", "Mary Blount"), "Jane Quux, Bry Crasch, Mary Blount/Rivertonix", "high"),
    ("Bry Crasch", ("Jane Quux", "Bry Crasch", "Mary Blount"), "Jane Quux, left, Bry Crasch & Mary Blount", "high"),
    # the names do not stand together in the words: places, not a list
    ("Bry Crasch", ("Jane Quux", "Bry Crasch", "Mary Blount"), "Left: Jane Quux, Right: Bry Crasch, Mary Blount",
     "uncertain"),
    ("Bry Crasch", ("Jane Quux", "Bry Crasch", "Mary Blount"), "Jane Quux, Bry Crasch", "uncertain"),
    ("Bry Crasch", ("Bry Crasch",), "Bry Crasch", "uncertain"),
    ("Bry Crasch", ("Jane Quux", "Bry Crasch", "Mary Blount", "Riverton Studios"),
     "Jane Quux, Bry Crasch, Mary Blount, Riverton Studios", "uncertain"),   # one reads as an organisation
], ids=["commas", "left-and-ampersand", "places", "not-all-in-the-words", "alone", "an-organisation-listed"])
def test_split_confidence_of_a_listed_name(creator, listed, raw, expected):
    from resolver.extract.credit_names import split_confidence

    assert split_confidence(creator, None, raw, listed_with=listed) == expected


def _figure(credit_html: str, n: int) -> str:
    return (f'<figure><img src="https://img.example.org/{n}.jpg"><figcaption><span class="caption-text">The bridge at '
            f'dawn.</span> {credit_html}</figcaption></figure>')


@pytest.mark.parametrize("credit_html,expected", [
    ('<span class="photographer">Zed Quux</span>', ("Zed Quux", None, "high")),
    ('<span class="byline-photographer">Zed Quux/Rivertonix</span>', ("Zed Quux", "Rivertonix", "high")),
    ('<span class="photographer">@rivertonix</span>', ("@rivertonix", None, "uncertain")),   # an account, anyone's
    ('<span class="photographer">Rivertonix</span>', (None, "Rivertonix", "uncertain")),   # read as an organisation
    ('<span class="photographer">Zed Van Der Quux</span>', ("Zed Van Der Quux", None, "uncertain")),   # 4 words
    ('<span class="credit">Zed Quux</span>', ("Zed Quux", None, "uncertain")),   # "credit" says nothing of whom
    ('<p class="c-picture__source">Zed Quux</p>', ("Zed Quux", None, "uncertain")),   # a source slot: nor does it
], ids=["photographer", "byline-photographer", "handle", "one-word", "four-words", "credit-class", "source-slot"])
def test_a_credit_in_a_photographer_element_names_a_person(credit_html, expected):
    """The Miami Herald's `<span class="photographer">Roberto Koltun</span>`: the page's markup says the name is its
    photographer's, yet the split was "uncertain" (#11). A name read as a person's (two or three capitalised words,
    none an organisation's) in such an element is "high"; what the split read otherwise keeps the common rule."""
    from resolver.extract import find_all

    page = f"<html><body><p>Words.</p>{_figure(credit_html, 1)}</body></html>"
    [credit] = find_all(page, "html")[1]
    assert (credit.creator, credit.organization, credit.split_confidence) == expected


@pytest.mark.parametrize("attribute,expected", [
    ('data-photographer="Zed Quux"', ("Zed Quux", None, "high")),
    ('photographer="Zed Quux"', ("Zed Quux", None, "high")),
    ('data-photographer="Zed Quux/Rivertonix"', ("Zed Quux", "Rivertonix", "high")),
    ('data-photographer="ZED QUUX"', ("ZED QUUX", None, "uncertain")),   # capitals: an acronym's, maybe
    ('data-credit="Zed Quux"', ("Zed Quux", None, "uncertain")),   # a credit attribute says nothing of whom
], ids=["data-photographer", "photographer", "beside-an-outlet", "capitals", "data-credit"])
def test_a_credit_in_a_photographer_attribute_names_a_person(attribute, expected):
    """An image's `data-photographer` says whose name it holds, as a class="photographer" does (#11)."""
    from resolver.extract import find_all

    page = (f'<html><body><p>Words.</p><img src="https://img.example.org/1.jpg" alt="Photo of the bridge" {attribute}>'
            '</body></html>')
    [credit] = find_all(page, "html")[1]
    assert (credit.creator, credit.organization, credit.split_confidence) == expected


@pytest.mark.parametrize("attribute", ['data-photographer="Zed Quux"', 'photographer="Zed Quux"',
                                       'copyright="Zed Quux"', 'data-copyright="Zed Quux"'])
def test_a_photographer_or_copyright_attribute_is_read_without_a_hint_word(attribute):
    """The attribute's name says it holds a credit: no "Photo" or agency need be in the image's alt (an <img> with
    no alt at all was skipped, and its photographer lost)."""
    from resolver.extract import find_all

    page = f'<html><body><p>Words.</p><img src="https://img.example.org/1.jpg" {attribute}></body></html>'
    [credit] = find_all(page, "html")[1]
    assert (credit.raw, credit.creator) == ("Zed Quux", "Zed Quux")


@pytest.mark.parametrize("attribute", ['copyright="true"', 'data-copyright="false"', 'data-photographer="null"',
                                       'data-photographer="undefined"', 'photographer="None"',
                                       'copyright="Unknown"', 'copyright="Public domain"', 'copyright="CC BY 2.0"',
                                       'data-copyright="CC BY-SA 4.0"', 'copyright="CC0"'])
def test_review25_a_photographer_or_copyright_attribute_holding_no_name_is_no_credit(attribute):
    """Read without a hint word now, such an attribute is often a template's placeholder ("null", "true") or a
    licence: neither names who made the picture."""
    from resolver.extract import find_all

    page = f'<html><body><p>Words.</p><img src="https://img.example.org/1.jpg" {attribute}></body></html>'
    assert find_all(page, "html")[1] == []


# A picture's source named after the picture's word: "Infographic source, LiveScience" (Upworthy's "About" note),
# "Image source: Riverton Water Board" (#11). The word before "source" must name a picture: "a government source,
# Jane Doe" cites a person, and a chart's or a map's source names where its data came from.
@pytest.mark.parametrize("text, expected", [
    ("Infographic source, QuuxScience.", (None, "QuuxScience")),
    ("Video from the Riverton Center. Infographic source, QuuxScience. Thumbnail by Kay.", (None, "QuuxScience")),
    ("Image source: Riverton Water Board", (None, "Riverton Water Board")),
    ("Photo source, Jane Doe.", ("Jane Doe", None)),
    ("Illustration source: Space.example", (None, "Space.example")),
])
def test_a_pictures_source_named_after_its_word_is_a_credit(text, expected):
    for caption in (False, True):
        [credit] = find_credits(text, caption=caption)
        assert (credit.creator, credit.organization, credit.form) == (*expected, "picture-source")
        assert text[slice(*credit.span)].startswith(text.split()[0] if " source" in text.split(". ")[0]
                                                    else "Infographic")


@pytest.mark.parametrize("text", [
    "A government source, Jane Doe, said the photo was real.",
    "The open source, Linux-based camera app was used.",
    "A source, Jane Doe, told the Post about the image.",
    "Graphic source: Statista",
    "Chart source: Riverton Water Board",
    "Map source, USGS.",
    "According to the image source, the photo was taken in May.",
    "The video source, a local resident, said it was real.",
])
def test_a_source_named_after_no_pictures_word_is_no_credit(text):
    assert find_credits(text) == []


CAPTION_PAGE = ('<html><body><article><p>Story.</p><figure><img src="https://news.example/img/p.jpg">'
                '<figcaption>{}</figcaption></figure><p>End.</p></article></body></html>')
NEWUSER27_SPLITS = [
    ("name-then-agency-in-brackets", "Credit: Jane Doe (Reuters)", [("Jane Doe", "Reuters", "high")]),
    ("after-the-caption", "The mayor on Monday. Photo: Jane Doe (AFP)", [("Jane Doe", "AFP", "high")]),
    ("two-chains-and", "Photos: Jane Doe/Reuters and John Roe/AP",
     [("Jane Doe", "Reuters", "high"), ("John Roe", "AP", "high")]),
    ("two-chains-comma", "Photos: Jane Doe/Reuters, John Roe/AP",
     [("Jane Doe", "Reuters", "high"), ("John Roe", "AP", "high")]),
    ("two-chains-outlets-not-known", "Photos: Jane Doe/Riverton and John Roe/Lakeside",
     [("Jane Doe", "Riverton", "high"), ("John Roe", "Lakeside", "high")]),
    ("a-chain-that-is-no-persons-stays-one-uncertain", "Photos: Jane Doe/Reuters and Lakeside Camera Club/AP",
     [("Jane Doe", "Reuters and Lakeside Camera Club/AP", "uncertain")]),
    ("handle-on-x", "Screenshot via X/@CoastGuardNorth", [("@CoastGuardNorth", "X", "high")]),
    ("handle-then-x", "Screenshot: @CoastGuardNorth/X", [("@CoastGuardNorth", "X", "high")]),
    ("spaced-dash-ends-the-organisation", "Photo : François Lefèvre / AFP — “œuvre”", [("François Lefèvre", "AFP", "high")]),
]


@pytest.mark.parametrize("caption,found", [c[1:] for c in NEWUSER27_SPLITS], ids=[c[0] for c in NEWUSER27_SPLITS])
@pytest.mark.parametrize("kind", ["html", "text"])
def test_newuser27_credit_splits_keep_the_person_and_one_organisation_each(caption, found, kind):
    """newuser27 findings 4 and 10: the person dropped ("(Reuters)" read alone), a second photographer put into the
    organisation ("Reuters and John Roe/AP"), X taken for the creator, a quote after a dash kept in the organisation,
    each marked `high`."""
    from resolver.extract import find_all

    document = CAPTION_PAGE.format(caption) if kind == "html" else f"A bridge at dawn.\n{caption}\nThe story goes on.\n"
    credits = find_all(document, kind)[1]
    assert [(c.creator, c.organization, c.split_confidence) for c in credits] == found
    for credit in credits if kind == "text" else []:
        assert document[credit.span[0]:credit.span[1]] == credit.raw


@pytest.mark.parametrize("caption,found", [
    ("Photo: Jane Doe (left)", []),
    ("Photo: Jane Doe (File)", []),
    ("Photos: Jane Doe/Smith and Sons Studio", [("Jane Doe", "Smith and Sons Studio")]),
    ("Photo: Jane Doe — Reuters", [("Jane Doe", "Reuters")]),
    ("Photo: Jane Doe/Reuters — the mayor at the square", [("Jane Doe", "Reuters")]),
], ids=["place-in-brackets", "role-in-brackets", "and-inside-an-outlet", "dash-before-an-agency", "dash-before-words"])
def test_brackets_lists_and_dashes_after_a_credit_that_name_no_one_else_change_nothing_else(caption, found):
    assert [(c.creator, c.organization) for c in find_credits(caption, caption=True)] == found


NEWUSER27_MISSED = [
    ("russian", "Фото: Иван Петров/ТАСС", [("Иван Петров", "ТАСС", "high")]),
    # "high": a common first name (Russian ones listed since extract33), as "Photo: Jane Doe" is
    ("russian-after-words", "Порт после шторма. Фото: Иван Петров", [("Иван Петров", None, "high")]),
    ("russian-agency", "Фото: РИА Новости", [(None, "РИА Новости", "high")]),
    ("japanese-full-width-colon", "港の様子。写真：山田太郎", [("山田太郎", None, "uncertain")]),
    ("finnish", "Kuva: Matti Virtanen/Lehtikuva", [("Matti Virtanen", "Lehtikuva", "high")]),
    ("polish", "Zdjęcie: Jan Kowalski", [("Jan Kowalski", None, "uncertain")]),
    ("spanish", "Fotografía: Juan Pérez", [("Juan Pérez", None, "high")]),
]

NEWUSER32B = [
    # 6: an organisation named first, then the photographer: the organisation by its words, an acronym in any script
    ("agency-word-first", "Foto: Agência Brasil/Marcelo Camargo", [("Marcelo Camargo", "Agência Brasil", "high")]),
    ("cyrillic-acronym-first", "Фото: УНІАН / Олена Коваль", [("Олена Коваль", "УНІАН", "high")]),
    ("one-word-agency-alone", "Фото: Укрінформ", [(None, "Укрінформ", "high")]),
    ("agency-word-alone", "Foto: Agência Lusa", [(None, "Agência Lusa", "high")]),
    ("turkish-acronym-alone", "Foto: İHA", [(None, "İHA", "high")]),
    ("turkish-label", "Fotoğraf: Ahmet Yıldız/AA", [("Ahmet Yıldız", "AA", "high")]),
    # 8: forms a photo desk writes every day
    ("dpa-first-bild", "Die Brücke. Bild: dpa/Max Muster", [("Max Muster", "dpa", "high")]),
    ("dpa-first-foto", "Foto: dpa/Max Muster", [("Max Muster", "dpa", "high")]),
    ("picture-alliance", "Foto: picture alliance/dpa", [(None, "picture alliance/dpa", "high")]),
    ("picture-alliance-person", "(Foto: picture alliance/Fabian Sommer/dpa)",
     [("Fabian Sommer", "picture alliance/dpa", "high")]),
    ("photo-afp-bracketed", "Des habitants. (Photo AFP)", [(None, "AFP", "high")]),
    ("photo-afp", "Des habitants. Photo AFP", [(None, "AFP", "high")]),
    ("credits-photo", "Crédits photo : AFP", [(None, "AFP", "high")]),
    ("turkish-label-agency", "Eski köprü. Fotoğraf: AA", [(None, "AA", "high")]),
    ("turkish-label-dha", "Fotoğraf: DHA", [(None, "DHA", "high")]),
    ("hebrew-person", "הגשר הישן. צילום: יוסי כהן", [("יוסי כהן", None, "uncertain")]),
    ("hebrew-agency", "צילום: רויטרס", [(None, "רויטרס", "high")]),
    ("hebrew-flash90", "צילום: פלאש 90", [(None, "פלאש 90", "high")]),
    ("russian-press-service", "Фото: пресс-служба мэрии", [(None, "пресс-служба мэрии", "high")]),
]


@pytest.mark.parametrize("caption,found", [c[1:] for c in NEWUSER27_MISSED + NEWUSER32B],
                         ids=[c[0] for c in NEWUSER27_MISSED + NEWUSER32B])
@pytest.mark.parametrize("kind", ["html", "text"])
def test_a_photos_word_in_other_languages_opens_a_credit(caption, found, kind):
    """newuser27 finding 8: "Фото:", "写真：", "Kuva:", "Zdjęcie:", "Fotografía:" gave no credit. newuser32b #6 and
    #8: an organisation named before the photographer was read as the photographer, the photographer as the
    organisation; Turkish "Fotoğraf", Hebrew "צילום", French "Crédits photo" and "Photo AFP", a lower-case agency
    first ("dpa/Name") and a press service written small gave no credit, or kept the label in the name
    ("Fotoğraf: Ahmet Yıldız", high)."""
    from resolver.extract import find_all

    document = CAPTION_PAGE.format(caption) if kind == "html" else f"A bridge at dawn.\n{caption}\nThe story goes on.\n"
    assert [(c.creator, c.organization, c.split_confidence) for c in find_all(document, kind)[1]] == found


@pytest.mark.parametrize("document, kind, found", [
    (CAPTION_PAGE.format("Copyright 2024 Jane Doe. All rights reserved."), "html", [("Jane Doe", None)]),
    (CAPTION_PAGE.format("Crowds gather at the square. Getty Images"), "html", [(None, "Getty Images")]),
    ("A bridge at dawn.\nThe lighthouse at dusk. © 2024 Lena Berg\nThe story goes on.\n", "text", [("Lena Berg", None)]),
    # a notice, not a credit: an organisation's, a line that is only the sign and a name, a name that is no agency
    (CAPTION_PAGE.format("© 2019 Riverton News. All rights reserved."), "html", []),
    ("A bridge at dawn.\n© 2024 Lena Berg\nThe story goes on.\n", "text", []),
    ("A bridge at dawn.\nThe lighthouse at dusk. © 2024 Riverton News\n", "text", []),
    ('<html><body><p>A bridge at dawn. © 2024 Lena Berg</p><p>More.</p></body></html>', "html", []),
    (CAPTION_PAGE.format("He spoke to reporters. The Riverton Times"), "html", []),
], ids=["copyright-person-all-rights-reserved", "bare-agency-ends-the-caption", "copyright-after-a-sentence-in-text",
        "organisations-notice", "copyright-line-alone", "organisation-in-text", "copyright-in-html-prose",
        "outlet-ending-a-caption"])
def test_copyright_statements_and_a_bare_agency_ending_a_caption_are_credits(document, kind, found):
    """newuser27 finding 8: a person's copyright with "All rights reserved" in a caption, a caption's last sentence
    that is only an agency's name, and "© 2024 Name" ending a caption scraped flat gave no credit."""
    from resolver.extract import find_all

    assert [(c.creator, c.organization) for c in find_all(document, kind)[1]] == found


@pytest.mark.parametrize("value, expected", [
    ("Jane Doe/Pool via REUTERS", ("Jane Doe", "REUTERS")),
    ("Royal Navy/Handout via Reuters", ("Royal Navy", "Reuters")),
    ("Riverton Police handout via AP", ("Riverton Police", "AP")),
    ("Handout via Reuters", (None, "Reuters")),
    ("Pool via AP", (None, "AP")),
    # the rule stands: with nothing else naming an organisation, the role stays as one
    ("John Smith/Pool", ("John Smith", "Pool")),
    ("Jane Doe via Getty Images", ("Jane Doe", "Getty Images")),
], ids=["pool-via-agency", "handout-via-agency", "handout-word-via-agency", "handout-via-alone", "pool-via-alone",
        "pool-kept", "person-via-agency"])
def test_a_role_code_before_via_leaves_the_organisation(value, expected):
    """wire28 (newuser28 #5): "Pool" and "Handout" stay as the organisation only when nothing else names one, but
    inside "X via Y" they stayed: "Jane Doe/Pool via REUTERS" gave the organisation "Pool via REUTERS", and "Royal
    Navy/Handout via Reuters" "Handout via Reuters", both marked high."""
    assert split_credit(value) == expected


@pytest.mark.parametrize("caption, found", [
    ("Jane Doe/Pool via REUTERS", [("Jane Doe", "REUTERS", "high")]),
    ("The ship. (Royal Navy/Handout via Reuters)", [("Royal Navy", "Reuters", "high")]),
    ("A ship at sea. Royal Navy/Handout via REUTERS", [("Royal Navy", "REUTERS", "high")]),
    ("A ship at sea. U.S. Navy/Handout via REUTERS", [("U.S. Navy", "REUTERS", "high")]),
    ("A ship at sea. Reuters TV/Reuters", [("Reuters TV", "Reuters", "high")]),
    ("A ship at sea. Jane Doe/Reuters", [("Jane Doe", "Reuters", "high")]),
    ("A ship at sea. Malaysia Navy/EPA", [("Malaysia Navy", "EPA", "high")]),
    # a last sentence naming no agency is no credit: it may be the caption's own words; a slash chain of
    # organisations each named so is one (credits29b #4)
    ("A ship at sea. Police/Fire Department", [(None, "Police/Fire Department", "high")]),
    ("He spoke to reporters. Riverton Police/City Council", [(None, "Riverton Police/City Council", "high")]),
    ("A ship at sea. Trump/Russia", []),
], ids=["pool-via", "handout-in-brackets", "handout-last-sentence", "initials-last-sentence", "tv-last-sentence",
        "person-last-sentence", "navy-agency", "no-agency", "no-agency-organisations", "no-agency-names"])
def test_a_wire_credit_ending_a_caption_is_read_whoever_made_the_picture(caption, found):
    """wire28 (newuser28 #5): Reuters' handout line after a caption's words ("A ship at sea. Royal Navy/Handout via
    REUTERS") and "Reuters TV/Reuters" gave no credit, while "Jane Doe/Reuters" did: a caption's last sentence was
    read only when a person's name stood before the slash, or when it was only an agency's name."""
    from resolver.extract import find_all

    assert [(c.creator, c.organization, c.split_confidence)
            for c in find_all(CAPTION_PAGE.format(caption), "html")[1]] == found


# A credit line of its own in a page's running text (no figcaption), or a line of scraped text.
PROSE_PAGE = "<html><body><article><p>The port after the storm.</p><p>{}</p><p>The story goes on.</p></article></body></html>"

OTHER_LANGUAGES = [
    ("russian-agency", "Фото: ТАСС", [(None, "ТАСС", "high")]),
    ("russian-photograph", "Фотография: Иван Петров", [("Иван Петров", None, "high")]),   # a first name (extract33)
    ("russian-person-agency", "Фото: Иван Петров/ТАСС", [("Иван Петров", "ТАСС", "high")]),
    ("japanese-photo-agency", "写真：共同通信", [(None, "共同通信", "high")]),
    ("japanese-photo-reuters", "写真：ロイター", [(None, "ロイター", "high")]),
    ("japanese-photographed-by", "撮影：山田太郎", [("山田太郎", None, "uncertain")]),
    ("japanese-provided-by", "提供：時事通信社", [(None, "時事通信社", "high")]),
    ("japanese-equals", "写真＝AFP＝時事", [(None, "AFP＝時事", "high")]),
    ("japanese-in-brackets", "港の様子（写真：ロイター）", [(None, "ロイター", "high")]),
    ("chinese-picture-source", "图片来源：新华社", [(None, "新华社", "high")]),
    ("chinese-photographer", "摄影：张三", [("张三", None, "uncertain")]),
    ("chinese-traditional", "圖片來源：中央社", [(None, "中央社", "high")]),
    ("korean-equals", "사진=연합뉴스", [(None, "연합뉴스", "high")]),
    ("korean-colon", "사진: 홍길동", [("홍길동", None, "uncertain")]),
    ("arabic-the-photo", "الصورة: رويترز", [(None, "رويترز", "high")]),
    ("arabic-photography", "تصوير: أحمد علي", [("أحمد علي", None, "uncertain")]),
    ("arabic-agency-with-article", "الصورة: الأناضول", [(None, "الأناضول", "high")]),
    # odds28: a reporter's title after (or, in Chinese, before) the name is no part of it; an outlet before the
    # name is the organisation ("Yonhap's reporter Hong Gil-dong")
    ("korean-reporter", "사진=홍길동 기자", [("홍길동", None, "uncertain")]),
    ("korean-outlets-reporter", "사진=연합뉴스 홍길동 기자", [("홍길동", "연합뉴스", "high")]),
    ("korean-reporter-agency", "사진: 홍길동 기자/연합뉴스", [("홍길동", "연합뉴스", "high")]),
    ("korean-correspondent", "사진=홍길동 특파원", [("홍길동", None, "uncertain")]),
    ("japanese-reporter", "写真：山田太郎記者", [("山田太郎", None, "uncertain")]),
    ("chinese-reporter-before", "摄影：记者 张三", [("张三", None, "uncertain")]),
    ("chinese-reporter-joined", "摄影：记者张三", [("张三", None, "uncertain")]),
    # odds28: Finnish and Polish in a paragraph of their own (read in plain text and captions before)
    ("finnish-agency", "Kuva: Lehtikuva", [(None, "Lehtikuva", "high")]),
    ("finnish-upper-case", "KUVA: MATTI MEIKÄLÄINEN / LEHTIKUVA", [("MATTI MEIKÄLÄINEN", "LEHTIKUVA", "high")]),
    ("polish-person-agency", "Zdjęcie: Jan Kowalski/PAP", [("Jan Kowalski", "PAP", "high")]),
]


@pytest.mark.parametrize("line,found", [c[1:] for c in OTHER_LANGUAGES], ids=[c[0] for c in OTHER_LANGUAGES])
@pytest.mark.parametrize("kind", ["html", "text"])
def test_credit_words_in_other_languages_open_a_credit_in_running_text(line, found, kind):
    """#10: "Фото: ТАСС" in a paragraph of its own gave no credit (only a figcaption's was read), "Фотография:",
    "撮影：", "提供：" and the Chinese, Korean and Arabic words none anywhere, and "写真：共同通信" named Kyodo News as a
    person."""
    from resolver.extract import find_all

    document = PROSE_PAGE.format(line) if kind == "html" else f"The port after the storm.\n{line}\nThe story goes on.\n"
    assert [(c.creator, c.organization, c.split_confidence) for c in find_all(document, kind)[1]] == found


@pytest.mark.parametrize("line", [
    "写真：記者会見する首相", "写真：東京の桜が満開になった", "写真は東京の桜です。", "提供：番組のスポンサー各社",
    "图：北京街头的行人", "图片：游客在故宫前拍照留念。", "사진=서울에서 열린 집회 모습", "사진: 시민들이 광장을 걷고 있다",
    "الصورة: متظاهرون في القاهرة", "صورة: الرئيس يلقي كلمة", "Фото: Протестующие в Москве", "Фотография была сделана вчера вечером.",
    "Вот фото: мы на море", "Он показал фото.",
    "Kuva: satama myrskyn jälkeen.", "Kuvassa näkyy satama myrskyn jälkeen.", "Zdjęcie przedstawia port po burzy.",
], ids=["ja-description", "ja-sentence", "ja-topic", "ja-sponsors", "zh-description", "zh-sentence", "ko-description",
        "ko-sentence", "ar-description", "ar-sentence", "ru-description", "ru-sentence", "ru-lower-case", "ru-mention",
        "fi-description", "fi-sentence", "pl-sentence"])
@pytest.mark.parametrize("kind", ["html", "text"])
def test_a_photos_word_in_other_languages_before_a_description_is_no_credit(line, kind):
    """What follows a photo's word in Japanese, Chinese, Korean or Arabic often describes the picture: words with no
    capitals to tell a name by, read as a name only when they hold none of the language's particles or sentence marks."""
    from resolver.extract import find_all

    document = PROSE_PAGE.format(line) if kind == "html" else f"The port after the storm.\n{line}\nThe story goes on.\n"
    assert find_all(document, kind)[1] == []


@pytest.mark.parametrize("text", [
    "A bridge at dawn.\nThe lighthouse at dusk. {} 2024 Lena Berg\nThe story goes on.\n",
    "A bridge at dawn.\nPhoto: {} Lena Berg/Riverton News\nThe story goes on.\n",
], ids=["copyright-after-a-sentence", "after-a-photo-word"])
@pytest.mark.parametrize("sign", ["©", "&copy;", "&#169;", "&#xA9;", "&#x00a9;", "&COPY;"])
def test_a_copyright_sign_written_as_a_reference_in_plain_text_is_the_sign(text, sign):
    """#10: scraped text with its entities left in ("&copy; 2024 Lena Berg") gave no credit, or "&copy; Lena Berg" as a
    name; it reads as the sign it stands for. The span still points at the words as the text writes them."""
    from resolver.extract import find_all

    document = text.format(sign)
    [credit] = find_all(document, "text")[1]
    assert (credit.creator, credit.raw, document[credit.span[0]:credit.span[1]]) == (
        "Lena Berg", credit.raw, credit.raw)
    assert sign in credit.raw and "&" not in (credit.creator or "") + (credit.organization or "")


@pytest.mark.parametrize("line,found", [
    ("Smoke over the port. Satellite image ©2024 Maxar Technologies", [(None, "Maxar Technologies")]),
    ("Smoke over the port. (Maxar Technologies via AP)", [(None, "Maxar Technologies via AP")]),
    ("Photo: Maxar/Reuters", [(None, "Maxar/Reuters")]),
    ("Image: Maxar Technologies/AP", [(None, "Maxar Technologies/AP")]),
    ("Satellite image: Planet Labs PBC", [(None, "Planet Labs PBC")]),
    ("Image: Planet Labs", [(None, "Planet Labs")]),
    ("Photo: Airbus Defence and Space", [(None, "Airbus Defence and Space")]),
    ("Satellite image: Airbus DS/AFP", [(None, "Airbus DS/AFP")]),
    ("Image: Copernicus Sentinel-2", [(None, "Copernicus Sentinel-2")]),
    ("Photo: BlackSky", [(None, "BlackSky")]),
    # a person before a satellite company is still the person
    ("Photo: Jane Roe/Maxar Technologies", [("Jane Roe", "Maxar Technologies")]),
], ids=["maxar-copyright", "maxar-via", "maxar-slash", "maxar-technologies-slash", "planet-labs-pbc", "planet-labs",
        "airbus-defence", "airbus-ds", "copernicus", "blacksky", "person-and-maxar"])
def test_satellite_imagery_companies_are_organisations(line, found):
    """#10: "Maxar Technologies", "Planet Labs", "Airbus Defence and Space" were read as people's names; "Maxar/Reuters"
    made Maxar the photographer. The organisation evidence (known names, organisation words) knows them now."""
    credits = find_credits(line, caption=True)
    assert [(c.creator, c.organization) for c in credits] == found
    from resolver.extract.credit_names import split_confidence

    assert all(split_confidence(c.creator, c.organization, c.raw) == "high" for c in credits)


# wire28b: a credit ending a caption's words, read by one rule wherever a caption's words are (#10).
WIRE_LINES = [
    ("handout-via", "A ship at sea. Royal Navy/Handout via REUTERS", ("Royal Navy", "REUTERS")),
    ("initials", "A ship at sea. U.S. Navy/Handout via REUTERS", ("U.S. Navy", "REUTERS")),
    ("broadcaster", "A ship at sea. Reuters TV/Reuters", ("Reuters TV", "Reuters")),
]


@pytest.mark.parametrize("line,found", [c[1:] for c in WIRE_LINES], ids=[c[0] for c in WIRE_LINES])
def test_a_wire_credit_ending_a_line_of_plain_text_is_read(line, found):
    """wire28b: scraped text kept a caption's line as it was ("A ship at sea. Royal Navy/Handout via REUTERS") and gave
    no credit, while the same words in a figcaption did: the caption's last-sentence rule, with its agency, was
    the HTML path's only. The span points at the credit's words."""
    from resolver.extract import find_all

    document = f"The port after the storm.\n{line}\nThe story goes on.\n"
    credits = find_all(document, "text")[1]
    assert [(c.creator, c.organization, c.split_confidence) for c in credits] == [(*found, "high")]
    assert document[credits[0].span[0]:credits[0].span[1]] == credits[0].raw == line.split(". ", 1)[1]


@pytest.mark.parametrize("line", [
    "A ship at sea. Police/Fire Department",   # no agency: the caption's own words
    "He spoke to reporters. Riverton Police/City Council",
    "Follow us for more news. Twitter",   # an organisation alone: a share widget's words in scraped text
    "Share this story. Facebook/Twitter",
    "Protesters gather. Jane Doe for The New York Times",   # "Name for Outlet" is read in a caption's context only
    "He wrote for years. Jane Doe for Reuters",
], ids=["no-agency", "no-agency-organisations", "platform-alone", "platforms-alone", "for-outlet", "for-agency"])
def test_a_line_of_plain_text_ending_in_no_wire_credit_gives_none(line):
    from resolver.extract import find_all

    assert find_all(f"The port after the storm.\n{line}\nThe story goes on.\n", "text")[1] == []


@pytest.mark.parametrize("caption,found", [
    ("Protesters gather. Jane Doe for The New York Times", [("Jane Doe", "The New York Times", "high")]),
    ("Protesters gather. Jane Doe for Reuters", [("Jane Doe", "Reuters", "high")]),
    ("Protesters gather. Photo by Jane Doe for The Washington Post", [("Jane Doe", "The Washington Post", "high")]),
    ("Protesters gather on Monday. Samuel Example for The Riverton Herald",
     [("Samuel Example", "The Riverton Herald", "high")]),
    # a name only by its capitals: no common first name says it is a person's
    ("Protesters gather. Doug Example for The New York Times", [("Doug Example", "The New York Times", "uncertain")]),
    ("Fans cheer. Lee Example for The Herald", [("Lee Example", "The Herald", "uncertain")]),
    # prose, not a credit: no person's name before "for", or a campaign's words
    ("It was a win for The New York Times", []),
    ("The mayor waves. Thanks for The Guardian", []),
    ("The mayor waves. A big win for The New York Times", []),
    ("Supporters rally. Mary Johnson for Congress", []),
    ("Supporters rally. Mary Johnson for City Council", []),
], ids=["nyt", "agency", "photo-by", "outlet-not-known", "no-common-first-name", "no-listed-first-name",
        "one-sentence-prose", "thanks", "a-win", "campaign", "campaign-council"])
def test_a_person_for_an_outlet_ending_a_caption_is_its_credit(caption, found):
    """wire28b: "Protesters gather. Jane Doe for The New York Times" gave no credit: a caption's last sentence was read
    only when it named an agency. A person's name for an outlet reads as a credit there too, `uncertain` when only
    its capitals make it a name."""
    from resolver.extract import find_all

    credits = find_all(CAPTION_PAGE.format(caption), "html")[1]
    assert [(c.creator, c.organization, c.split_confidence) for c in credits] == found
    assert all(c.image == "https://news.example/img/p.jpg" for c in credits)


@pytest.mark.parametrize("caption", [
    "Fans celebrate at the stadium. Big Win for Boston Sports",
    "Lawmakers met on Tuesday. Record Funding for Public Media",
    "Workers rebuild the bridge. Federal Money for Local News",
    "Voters queue in Atlanta. Long Lines for Election Day News",
    "Fans cheer. Big Win for The Herald",
    "Fans cheer. Big Win for Reuters",   # an agency after "for" makes no headline a person
    "The mayor waves. Many Thanks for The Guardian",
    "Shares fall. Sales Down for The Quarter Report",
], ids=["big-win", "record-funding", "federal-money", "long-lines", "big-win-herald", "big-win-agency", "many-thanks",
        "sales-down"])
def test_a_headline_case_phrase_for_an_outlet_ending_a_caption_is_no_credit(caption):
    """review28c §7: a caption's last sentence written in headline case ("Big Win for Boston Sports") gave the
    creator "Big Win", a phrase put in front of an editor as a photographer (marked `uncertain`; "high" before an
    agency). Words that head a story and name no one (`HEADLINE_WORDS`) rule a name out, as a title's words do."""
    from resolver.extract import find_all
    from resolver.extract.credits import find_credits

    assert find_all(CAPTION_PAGE.format(caption), "html")[1] == []
    assert find_credits(caption, caption=True) == []


@pytest.mark.parametrize("document", [
    "<html><body><article><p>Protesters gather. Jane Doe for The New York Times</p></article></body></html>",
    "<html><body><article><p>Her columns ran for years. Jane Doe for The New York Times</p></article></body></html>",
], ids=["paragraph", "byline-like-paragraph"])
def test_a_person_for_an_outlet_in_running_text_is_no_credit(document):
    from resolver.extract import find_all

    assert find_all(document, "html")[1] == []


CREDIT_PLACES = [
    ("figcaption", '<figure><img src="https://news.example/img/p.jpg"><figcaption>{}</figcaption></figure>'),
    ("caption-class", '<figure><img src="https://news.example/img/p.jpg"><p class="caption">{}</p></figure>'),
    ("credit-span", '<figure><img src="https://news.example/img/p.jpg"><span class="credit">{}</span></figure>'),
    ("alt", '<figure><img src="https://news.example/img/p.jpg" alt="{}"></figure>'),
    ("data-caption", '<figure><img src="https://news.example/img/p.jpg" data-caption="{}"></figure>'),
    ("credit-text-itemprop", '<figure><img src="https://news.example/img/p.jpg">'
                             '<span itemprop="creditText">{}</span></figure>'),
    ("json-ld", '<script type="application/ld+json">{{"@type": "ImageObject", '
                '"contentUrl": "https://news.example/img/p.jpg", "creditText": "{}"}}</script>'),
]
PLACED_LINES = [
    ("wire", "A ship at sea. Royal Navy/Handout via REUTERS", ("Royal Navy", "REUTERS")),
    ("wire-initials", "A ship at sea. U.S. Navy/Handout via REUTERS", ("U.S. Navy", "REUTERS")),
    ("for-outlet", "Protesters gather. Jane Doe for The New York Times", ("Jane Doe", "The New York Times")),
    ("for-agency", "Protesters gather. Jane Doe for Reuters", ("Jane Doe", "Reuters")),
]


@pytest.mark.parametrize("line,found", [c[1:] for c in PLACED_LINES], ids=[c[0] for c in PLACED_LINES])
@pytest.mark.parametrize("place", [c[1] for c in CREDIT_PLACES], ids=[c[0] for c in CREDIT_PLACES])
def test_a_credit_ending_a_captions_words_is_read_in_every_credit_place(place, line, found):
    """wire28b: the last-sentence rule was the figcaption's own. In alt text and a data-caption the line gave no
    credit; in a credit element or schema.org creditText the caption's words joined the name ("A ship at sea. Royal
    Navy")."""
    from resolver.extract import find_all

    page = (f"<html><body><article><p>Story.</p>{place.format(line)}<p>End.</p></article>"
            "<footer>© 2026 Riverton Gazette</footer></body></html>")   # a page with no credit marker is not parsed
    credits = find_all(page, "html")[1]
    assert [(c.creator, c.organization, c.image) for c in credits] == [(*found, "https://news.example/img/p.jpg")]


@pytest.mark.parametrize("line", ["Fans celebrate at the stadium. Big Win for Boston Sports",
                                  "Fans celebrate at the stadium. Big Win for Reuters"], ids=["outlet", "agency"])
@pytest.mark.parametrize("place", [c[1] for c in CREDIT_PLACES], ids=[c[0] for c in CREDIT_PLACES])
def test_a_headline_case_phrase_for_an_outlet_is_no_credit_in_any_credit_place(place, line):
    """review28c §7 in every place the caption rule reads: a credit element or creditText, whose words are split
    whole when the rule reads no credit, gave the creator "Big Win" (or "Fans celebrate at the stadium. Big Win")."""
    from resolver.extract import find_all

    page = (f"<html><body><article><p>Story.</p>{place.format(line)}<p>End.</p></article>"
            "<footer>© 2026 Riverton Gazette</footer></body></html>")
    assert find_all(page, "html")[1] == []


@pytest.mark.parametrize("credit_text,found", [
    ("Photos: Jane Doe/Reuters and John Roe/AP", [("Jane Doe", "Reuters"), ("John Roe", "AP")]),
    ("(AP Photo/Jane Doe)", [("Jane Doe", "AP")]),
    ("Public domain", []),
    ("CC BY-SA 4.0", []),
], ids=["two-chains", "agency-photo", "licence", "creative-commons"])
def test_schema_org_credit_text_is_read_as_a_credit_elements_words(credit_text, found):
    """wire28b: creditText was split as one name ("Jane Doe" and "Reuters and John Roe/AP"; "Public domain" a
    person); it is read as a credit element's words are, by the credit patterns first."""
    from resolver.extract import find_all

    page = ('<html><head><script type="application/ld+json">{"@type": "ImageObject", "contentUrl": '
            f'"https://news.example/img/p.jpg", "creditText": "{credit_text}"}}</script></head><body><p>Story.</p>'
            '</body></html>')
    assert [(c.creator, c.organization) for c in find_all(page, "html")[1]] == found


def test_a_japanese_credit_after_a_description_and_a_space_in_plain_text():
    """newuser32b #8: "閉鎖される橋 写真：共同通信" (a description, a space, the credit: a Japanese caption scraped
    flat) gave nothing; after "。" or on a line of its own it was read."""
    from resolver.extract import find_all

    found = find_all("記事の本文です。\n\n閉鎖される橋 写真：共同通信\n", "text")[1]
    assert [(c.creator, c.organization, c.raw) for c in found] == [(None, "共同通信", "写真：共同通信")]


def test_an_unknown_label_before_a_name_is_never_a_sure_creator():
    """newuser32b #6: an unknown label word kept before the name ("Fotoğraf: Ahmet Yıldız" as the creator) was marked
    high. A name holds no colon: a creator with one is uncertain, whatever the organisation."""
    from resolver.extract.credit_names import split_confidence

    assert split_confidence("Quelle: Max Muster", "dpa", "Quelle: Max Muster/dpa") == "uncertain"


# review32r4: "one capitalised word is an organisation" was made a rule for every script (newuser32b #6), and the
# common first names it spares are written without accents: "Photo: José", "Foto: Zoë" became organisations where
# "Photo: Jose" is a person; "Photo: JOSÉ" an acronym, sure.
@pytest.mark.parametrize("caption,name", [("Photo: José", "José"), ("Photo: JOSÉ", "JOSÉ"),
                                          ("Foto: Zoë", "Zoë")])
def test_a_first_name_with_accents_alone_is_a_person_as_without(caption, name):
    assert [(c.creator, c.organization) for c in find_credits(f"A bridge at dawn. {caption}")] == [(name, None)]
    ascii_name = name.replace("é", "e").replace("É", "E").replace("ë", "e")
    assert [(c.creator, c.organization) for c in find_credits(f"A bridge at dawn. Photo: {ascii_name.title()}")] \
        == [(ascii_name.title(), None)]


# extract33 (review32r4's left items, #10). FIRST_NAMES held only Latin names: since one capitalised word is an
# organisation in every script (newuser32b #6), "Фото: Иван" was the organisation "Иван".
@pytest.mark.parametrize("caption,name", [("Фото: Иван", "Иван"), ("Фото: Олена", "Олена"), ("Фото: Сергій", "Сергій"),
                                          ("Фото: Наталья", "Наталья"), ("Фото: ИВАН", "ИВАН")],
                         ids=["ivan", "olena", "serhiy", "natalya", "ivan-capitals"])
def test_extract33_a_cyrillic_first_name_alone_is_a_person(caption, name):
    credits = find_credits(f"Мост закрыт. {caption}")
    assert [(c.creator, c.organization) for c in credits] == [(name, None)]


@pytest.mark.parametrize("caption,expected", [
    ("Фото: Петров", (None, "Петров", "uncertain")),     # a surname alone reads as "Photo: Smith" does
    ("Фото: ТАСС", (None, "ТАСС", "high")),
    ("Фото: Иван Петров", ("Иван Петров", None, "high")),  # a first name is a person's mark
], ids=["surname", "agency", "full-name"])
def test_extract33_other_cyrillic_credits_keep_their_reading(caption, expected):
    credits = find_credits(f"Мост закрыт. {caption}")
    assert [(c.creator, c.organization, split_confidence_of(c)) for c in credits] == [expected]


def split_confidence_of(credit):
    from resolver.extract.credit_names import split_confidence

    return credit.split_confidence or split_confidence(credit.creator, credit.organization, credit.raw)


# "Photo: JOSE" was an acronym, sure: capitals of two to six letters. A known first name in capitals is a person
# (the capitals may still be an acronym's: ANA, EVA are airlines), unsure. Six capitals are as long as an acronym
# gets: "YANUAR" is a photographer AFP credits by one name, "GARCIA" a surname, "UNICEF" an agency; read as before, an
# organisation, but unsure.
@pytest.mark.parametrize("caption,expected", [
    ("Photo: JOSE", ("JOSE", None, "uncertain")),
    ("Photo: MARIA", ("MARIA", None, "uncertain")),
    ("Photo: ANA", ("ANA", None, "uncertain")),
    ("Photo: YANUAR", (None, "YANUAR", "uncertain")),
    ("Photo: GARCIA", (None, "GARCIA", "uncertain")),
    ("Photo: UNICEF", (None, "UNICEF", "uncertain")),
], ids=["jose", "maria", "ana", "yanuar", "garcia", "unicef"])
def test_extract33_a_name_in_capitals_is_no_sure_acronym(caption, expected):
    credits = find_credits(f"A bridge at dawn. {caption}")
    assert [(c.creator, c.organization, split_confidence_of(c)) for c in credits] == [expected]


@pytest.mark.parametrize("caption,expected", [
    ("Photo: NASA", (None, "NASA", "high")), ("Photo: NYPD", (None, "NYPD", "high")),
    ("Photo: IDF", (None, "IDF", "high")), ("Photo: UNHCR", (None, "UNHCR", "high")),
    ("Photo: Jose", ("Jose", None, "high")), ("Photo: JPL-Caltech", (None, "JPL-Caltech", "high")),
    ("Photo: Wesley Mann/AUGUST", ("Wesley Mann", "AUGUST", "high")),   # the slash names the organisation (corpus)
    ("Photo: XINHUA", (None, "XINHUA", "high")),
], ids=["nasa", "nypd", "idf", "unhcr", "jose-capitalised", "jpl-caltech", "slash-six-capitals", "known"])
def test_extract33_acronyms_and_capitalised_first_names_stay_sure(caption, expected):
    credits = find_credits(f"A bridge at dawn. {caption}")
    assert [(c.creator, c.organization, split_confidence_of(c)) for c in credits] == [expected]


# "Foto: dpa zeigt Brücke": a known agency's name "with up to two words after it" ("Getty Image", "NASA Worldview")
# took a caption's words in small letters, prose, into the organisation.
@pytest.mark.parametrize("text,raw,organization", [
    ("Foto: dpa zeigt die Brücke am Morgen.", "Foto: dpa", "dpa"),
    ("Foto: dpa zeigt Brücke", "Foto: dpa", "dpa"),
    ("Photo: AFP shows the bridge at dawn.", "Photo: AFP", "AFP"),
], ids=["dpa-sentence", "dpa-short", "afp"])
def test_extract33_a_credit_ends_at_the_agency_before_a_caption_in_small_letters(text, raw, organization):
    credits = find_credits(text)
    assert [(c.raw, c.creator, c.organization) for c in credits] == [(raw, None, organization)]
    assert text[credits[0].span[0]:credits[0].span[1]] == raw


@pytest.mark.parametrize("text,organization", [
    ("Foto: dpa picture-alliance", "dpa picture-alliance"), ("Photo: Getty Images", "Getty Images"),
    ("Photo: Reuters TV", "Reuters TV"), ("Photo: NASA Worldview", "NASA Worldview"),
    ("Photo: AFP via Getty Images", "AFP via Getty Images"),
], ids=["dpa-picture-alliance", "getty", "reuters-tv", "nasa-worldview", "via"])
def test_extract33_an_agency_s_name_with_its_own_words_is_kept_whole(text, organization):
    assert [(c.creator, c.organization) for c in find_credits(text)] == [(None, organization)]


# review33r2: extract33's cut of a caption after an agency ("Foto: dpa zeigt Brücke") cut a credit whose words in
# small letters are the agency's own, before the photographer the slash names: "Foto: dpa picture alliance / Kay
# Nietfeld" and "Photo: AFP photo/Jane Doe" lost their creator (the organisation "dpa", "AFP" alone). And "Reuters
# staff", the agency's own staff, became a person, unsure. Each is read as before extract33.
@pytest.mark.parametrize("text,expected", [
    ("Die Brücke ist zu. Foto: dpa picture alliance / Kay Nietfeld", ("Kay Nietfeld", "dpa picture alliance")),
    ("The bridge closed. Photo: AFP photo/Jane Doe", ("Jane Doe", "AFP photo")),
    ("The bridge closed. Photo: AFP/Jane Doe", ("Jane Doe", "AFP")),
    ("The bridge closed. Photo: Reuters staff", (None, "Reuters staff")),
    ("The bridge closed. Photo: AFP staff/Jane Doe", ("Jane Doe", "AFP staff")),
], ids=["dpa-picture-alliance-slash", "afp-photo-slash", "afp-slash", "reuters-staff", "afp-staff-slash"])
def test_review33r2_an_agency_s_own_words_before_a_slash_keep_the_photographer(text, expected):
    credits = find_credits(text)
    assert [(c.creator, c.organization) for c in credits] == [expected], credits
    if expected[0] is None:
        assert split_confidence_of(credits[0]) == "high"


# perf34 (#14): the credit pre-checks' case-blind patterns test the characters their words open with first. A class
# under IGNORECASE must let through every character a word's first letter matches in any case (a long s, a Kelvin
# sign, dotted and dotless i), or a text whose credit word is written so would lose its credit.
PRECHECKS = [(credit_patterns._HINT_RE, credit_patterns.HINTS), (credit_patterns._PREFIX_WORD_RE, credit_patterns.PREFIX_WORDS)]


@pytest.mark.parametrize("pattern,alternatives", PRECHECKS, ids=["hint", "prefix-word"])
def test_perf34_a_precheck_lets_through_every_character_its_words_may_open_with(pattern, alternatives):
    gate = re.compile(pattern.pattern.split(")(?:", 1)[0].removeprefix("(?="), pattern.flags)
    openings = [re.compile(alternative.removeprefix(r"\b")[:2] if alternative.removeprefix(r"\b").startswith("\\")
                           else alternative.removeprefix(r"\b")[0], pattern.flags) for alternative in alternatives]
    cased = [chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000
             and (chr(code).lower() != chr(code) or chr(code).upper() != chr(code) or code < 0x80)]
    missed = [char for char in cased if any(o.match(char) for o in openings) and not gate.match(char)]
    assert missed == []


PIECES = st.sampled_from(["photo", "PHOTO", "ſcreen", "İmage", "ımage", "Image", "credit", "(c)", "(C)", "©", "ap", "AP",
                          "map", "Getty", "epa", "bild", "/", ")", "]", " ", "\n", "x", "é", "ä", "Fotoğraf", "Kuva",
                          "flickr user", "pic", "illustr", "video", "screen", "ſ", "K", "s", "i"])


@pytest.mark.parametrize("pattern,alternatives", PRECHECKS, ids=["hint", "prefix-word"])
@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(PIECES, max_size=12))
def test_perf34_a_precheck_finds_what_each_word_tried_at_every_character_finds(pattern, alternatives, pieces):
    text = "".join(pieces)
    every = re.compile("|".join(alternatives), pattern.flags)
    found, expected = pattern.search(text), every.search(text)
    assert (found and found.span()) == (expected and expected.span())


# perf35 (#14): the keyword form tests the characters PREFIX can open with (PREFIX_FIRST) before its look-behinds and
# PREFIX's alternation. The class is written out; here it is derived from PREFIX with `re`'s parser, so a word added
# to PREFIX (or to OTHER_PHOTO_WORDS) with a new first character fails until the class has it.
def _openings(ops: list) -> tuple[list[int], bool]:
    """(the code points a match of `ops` can open with, whether `ops` can match nothing)."""
    import re._parser as parser

    found: list[int] = []
    for op, value in ops:
        if op is parser.LITERAL:
            return [*found, value], False
        if op is parser.IN:
            assert all(item is parser.LITERAL for item, _ in value), value   # no range, category or negation to read
            return [*found, *(code for _, code in value)], False
        if op in (parser.AT, parser.ASSERT, parser.ASSERT_NOT):
            continue   # reads no character
        if op is parser.SUBPATTERN:
            parts = [list(value[3])]
        elif op is parser.BRANCH:
            parts = [list(branch) for branch in value[1]]
        elif op in (parser.MAX_REPEAT, parser.MIN_REPEAT):
            parts = [list(value[2])]
        else:
            raise AssertionError(f"an opening this test cannot read: {op}")
        read = [_openings(part) for part in parts]
        found += [code for codes, _ in read for code in codes]
        if not (any(empty for _, empty in read) or (op in (parser.MAX_REPEAT, parser.MIN_REPEAT) and value[0] == 0)):
            return found, False
    return found, True


def test_perf35_the_keyword_forms_gate_lets_through_every_character_prefix_may_open_with():
    import re._parser as parser

    codes, empty = _openings(list(parser.parse(credit_patterns.PREFIX, re.IGNORECASE)))
    assert not empty and codes
    gate = re.compile(credit_patterns.PREFIX_FIRST, re.IGNORECASE)
    openings = [re.compile(re.escape(chr(code)), re.IGNORECASE) for code in set(codes)]
    cased = [chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000
             and (chr(code).lower() != chr(code) or chr(code).upper() != chr(code) or code < 0x80)]
    missed = [char for char in cased + [chr(code) for code in codes]
              if any(o.match(char) for o in openings) and not gate.match(char)]
    assert missed == []


KEYWORD_PIECES = st.sampled_from(["Photo", "PHOTO", "photo", "ſcreenshot", "İmage", "image", "Credit", "credit", "Header",
                                  "hero", "image", "Courtesy", "of", "by", "Kuva", "Фото", "写真", "사진", "צילום", "提供",
                                  "Satellite", "Mandatory", "Copyright", "©", "AP", "AFP", "Jane Doe", "Riverton Tribune",
                                  ":", "：", "=", "＝", ".", ". ", "!", "|", "—", ")", "(", " ", "  ", "\n", "\u3000",
                                  "閉鎖", "x", "é", "K", "s", "i", "/", ";"])


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(KEYWORD_PIECES, max_size=16))
def test_perf35_the_keyword_form_finds_with_its_gate_what_it_found_without(pieces):
    text = "".join(pieces)
    keyword = dict(credit_patterns.PATTERNS)["keyword"]
    gated = re.compile(keyword.pattern, keyword.flags)
    ungated = re.compile(keyword.pattern.replace(f"(?={credit_patterns.PREFIX_FIRST})", "", 1), keyword.flags)
    assert gated.pattern != ungated.pattern
    assert [m.span() + m.groups() for m in gated.finditer(text)] == [m.span() + m.groups() for m in ungated.finditer(text)]


# perf48a (#14): `names_a_public_body` asks PUBLIC_BODY_RE (0.6 ms to compile) only of a name beyond ASCII, opening
# with one of _PUBLIC_BODY_OPENINGS or holding one of _PUBLIC_BODY_INSIDE. Each body the pattern names, as an ASCII
# name writes it, must pass: read here from the pattern itself, so a body added to it and not to the gate fails.
def _public_bodies() -> list[tuple[str, bool]]:
    """PUBLIC_BODY_RE's bodies as an ASCII name writes them, each with whether a "\\w*" opens it (a word may stand
    before it in the name's first word): its alternatives, each class read as its ASCII letter, "\\w*" and an
    optional group left out."""
    from resolver.extract.credit_names import PUBLIC_BODY_RE

    inner = PUBLIC_BODY_RE.pattern.removeprefix(r"(?<!\w)(?:").removesuffix(r")(?!\w)")
    bodies, depth, start = [], 0, 0
    for at, char in enumerate(inner + "|"):
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            bodies.append(inner[start:at])
            start = at + 1
    plain = [(re.sub(r"\[([^\]]*)\]", lambda m: next(c for c in m[1] if c.isascii()),
                     re.sub(r"\(\?:\w+\)\?", "", body).replace(r"\w*", "")), body.startswith(r"\w*"))
             for body in bodies]
    assert all(re.fullmatch(r"[a-z ]+", body) for body, _ in plain), plain   # nothing this reading leaves unread
    return plain


def test_perf48a_every_public_body_the_pattern_names_passes_the_gate():
    from resolver.extract.credit_names import PUBLIC_BODY_RE, _may_be_public_body

    bodies = _public_bodies()
    assert len(bodies) >= 50 and ("stadtverwaltung", False) in bodies and ("ministerium", True) in bodies
    for body, inside in bodies:
        for written in (body, body.upper(), body.title(), f"{body.title()} Nord",
                        *((f"Sozial{body}", f"LANDES{body.upper()} Nord") if inside else ())):
            assert PUBLIC_BODY_RE.match(written) and _may_be_public_body(written), written


PUBLIC_BODY_PIECES = st.sampled_from(["Polizei", "ministerium", "Sozial", "Préfecture", "Prefecture", "Jane", "Doe",
                                      "Riverton", "Post", "Rathaus", "Brandweer", "Guardia", "di", "Finanza", "Senat",
                                      "Élysée", "Comune", "İ", "ı", "ſ", "K", "é", "-", "/", " ", "du", "Nord", "Jean"])


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(PUBLIC_BODY_PIECES, max_size=6))
def test_perf48a_a_name_the_gate_stops_is_none_the_pattern_matches(pieces):
    from resolver.extract.credit_names import PUBLIC_BODY_RE, _may_be_public_body

    name = "".join(pieces)
    assert _may_be_public_body(name) or PUBLIC_BODY_RE.match(name) is None


@pytest.mark.parametrize("text, form, tried", [
    ("Photo: Jane Doe / Riverton Post", "paren-credit", False),   # no bracket: "(Photo: X)" cannot be there
    ("(Photo: Jane Doe)", "paren-credit", True),
    ("[Photo: Jane Doe]", "paren-credit", True),
    ("Reuters/Jane Doe", "agency-photo", False),                  # "AP Photo/X" wants its word, as written
    ("AP Photo/Jane Doe", "agency-photo", True),
    ("AP PHOTO/Jane Doe", "agency-photo", True),
], ids=["no-bracket", "round", "square", "no-photo-word", "photo", "capitals"])
def test_perf48a_a_form_is_tried_only_where_its_fixed_characters_are(text, form, tried):
    """perf48a (#14): a form that cannot match the text is neither compiled nor run."""
    assert (form in credit_patterns._forms_worth_trying(text, caption=True)) is tried


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(["Photo", "PHOTO", "photo", "AP", "AFP", "Reuters", "Credit", ":", "/", " ",
                                        "(", ")", "[", "]", "Jane Doe", "Riverton Post", "File", "Courtesy of"]),
                       max_size=10))
def test_perf48a_the_forms_left_untried_find_nothing(pieces):
    text = "".join(pieces)
    wanted = credit_patterns._forms_worth_trying(text, caption=True)
    for form in ("paren-credit", "agency-photo"):
        if form not in wanted:
            pattern = dict(credit_patterns.PATTERNS)[form]
            assert pattern.search(text) is None, (form, text)


@pytest.mark.parametrize("text", ["Staff photo by Dale Hunt", "STAFF FILE PHOTO.", "ſtaff photo", "Submitted photo",
                                  "sUbMiTtEd\u00a0photo", "Contributed photo", "the staffer", "staff", "Staff-photo",
                                  "Photo: Jane Doe", "contrib uted", "KONTRIBUTED photo"])
def test_perf48a_the_newsroom_words_gate_finds_what_the_words_found(text):
    """perf48a (#14): the newsroom form's pre-check tests the words' first letters first; it finds what the words
    alone, read case-blind, found (a long s for an "s" too)."""
    plain = re.compile(r"(?:staff|submitted|contributed)\W", re.IGNORECASE)
    assert credit_patterns._NEWSROOM_RE.pattern.startswith("(?=[")
    assert bool(credit_patterns._NEWSROOM_RE.search(text)) == bool(plain.search(text))
