"""Photo credits in prose and captions. Precision first: a sentence that mentions a photo is no credit."""

import pytest

from resolver.extract.credits import find_credits, split_credit

POSITIVE = [
    ("(Photo Credit:Nicole Laskavi/MOD)", "Nicole Laskavi", "MOD", "paren-credit"),
    ("The crowd. (AP Photo/Jane Doe, File)", "Jane Doe", "AP", "agency-photo"),
    ("Crowds gather. REUTERS/Kevin Example", "Kevin Example", "REUTERS", "agency-slash"),
    ("Fireworks. John Smith/AFP via Getty Images", "John Smith", "AFP via Getty Images", "getty"),
    ("Photo by Ann Lee on Unsplash", "Ann Lee", "Unsplash", "stock-site"),
    ("Photograph: Sam Roe/Guardian", "Sam Roe", "Guardian", "keyword"),
    ("Photo: Jane Doe", "Jane Doe", None, "keyword"),
    ("Image: NASA", None, "NASA", "keyword"),
    ("Credit: Acme News", None, "Acme News", "keyword"),
    ("Courtesy of the Riverton Museum", None, "the Riverton Museum", "keyword"),
    ("© 2021 Jane Doe", "Jane Doe", None, "copyright"),
    ("(File photo)", None, None, "file-photo"),
    ("Screenshot: YouTube", "YouTube", None, "keyword"),
    ("(Photo by Mary Major/Getty Images for Acme)", "Mary Major", "Getty Images for Acme", "paren-credit"),
    ("(Photo: Jane Doe for The Riverton Times)", "Jane Doe", "The Riverton Times", "paren-credit"),
    ("(Image courtesy of Riverton Council)", None, "Riverton Council", "paren-credit"),
]


@pytest.mark.parametrize("text,creator,organization,form", POSITIVE, ids=[p[0][:35] for p in POSITIVE])
def test_credit_forms(text, creator, organization, form):
    [credit] = find_credits(text)
    assert (credit.creator, credit.organization, credit.form) == (creator, organization, form)
    assert text[credit.span[0]:credit.span[1]] == credit.raw


NEGATIVE = [
    "The photo by the agency shows a crowd gathering near the square.",
    "She said the image: it was fake and misleading.",
    "Photos of the event were shared widely on social media.",
    "He paid by credit card.",
    "Image quality was poor, the photographer admitted.",
    "The copyright law changed in 2019.",
]


@pytest.mark.parametrize("text", NEGATIVE, ids=[n[:30] for n in NEGATIVE])
def test_sentences_that_mention_photos_are_not_credits(text):
    assert find_credits(text) == []


@pytest.mark.parametrize("value,expected", [
    ("Nicole Laskavi/MOD", ("Nicole Laskavi", "MOD")),
    ("Jane Doe via Getty Images", ("Jane Doe", "Getty Images")),
    ("Reuters", (None, "Reuters")),
    ("Jane Doe, File", ("Jane Doe", None)),
], ids=["slash", "via", "agency-only", "file-suffix"])
def test_split_credit(value, expected):
    assert split_credit(value) == expected
