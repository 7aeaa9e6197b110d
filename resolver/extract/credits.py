"""Photo credits in prose and captions: '(Photo Credit:Nicole Laskavi/MOD)', '(AP Photo/Jane Doe)', 'REUTERS/Name'...

Precision first: a sentence that merely mentions a photo is no credit, so values must look like names.
"""

from __future__ import annotations

import re

from resolver.model import Credit

SP = r"[ \t\u00a0]"
PHOTO = r"(?:Photo(?:graph)?s?|Images?|Pictures?|Video|Illustrations?|Graphics?|Photo[ -]illustration|(?:Main|Top|Header|Lead|Hero)[ \t]image)"
AGENCIES = r"(?:AP|AFP|Reuters|REUTERS|UPI|EPA(?:-EFE)?|PA|CP|Xinhua|XINHUA|Anadolu|ANADOLU|SIPA|TASS|ANSA|DPA|dpa|IANS|PTI|Bloomberg)"
KNOWN_ORGS = re.compile(
    r"^(?:AP|AFP|Reuters|UPI|EPA|PA|CP|Xinhua|Anadolu|SIPA|TASS|ANSA|DPA|Bloomberg|Getty Images|Shutterstock|Alamy|Unsplash|Pexels|Pixabay"
    r"|Wikimedia Commons|Handout|Pool|NASA|ESA)$|\b(?:Images|News|Agency|Press|Ministry|Office|Department|Photos|Police|Army|Forces|Government"
    r"|Museum|Archives?|University|Library|Inc|Ltd|LLC|Media|TV|Network|Commons|Service|Institute|Foundation|Council|Company|Corp)\b",
    re.IGNORECASE,
)
ALLOWED_LOWER = frozenset(
    "of via for the and on by de da di du del der van von la le al bin courtesy photo staff file handout pool images & + x".split()
)
# Bylines and widgets that sit where credits do.
NOT_A_CREDIT_RE = re.compile(r"\b(?:reporting|editing|writing|written|edited) by\b|sponsored|promoted links|taboola|outbrain"
                             r"|all rights reserved$", re.IGNORECASE)
VALUE_STOP = r"[^\n()\[\]|<>]"
NAME_WORD = r"[A-Z](?:\.|[\w'’-]*)"   # a capitalised word or an initial; "Fireworks." ends a sentence, not a name

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # (AP Photo/Jane Doe), (AP Photo/Jane Doe, File), AP Photo/Jane Doe
    ("agency-photo", re.compile(
        rf"\(?\b(?P<org>{AGENCIES}){SP}+Photos?{SP}*/{SP}*(?P<value>{VALUE_STOP}{{2,80}}?)(?:,{SP}*(?:File|Pool|Handout))?(?:\)|(?=[\n.;]|$))",
        re.MULTILINE)),
    # Photo by Jane Doe on Unsplash
    ("stock-site", re.compile(
        rf"\b{PHOTO}{SP}+by{SP}+(?P<value>[A-Z][^\n()]{{1,60}}?){SP}+on{SP}+(?P<org>Unsplash|Pexels|Pixabay|Flickr)\b")),
    # (Photo Credit: X), (Photo: X), (Photo by X), (Image courtesy of X), (Credit: X), (Courtesy X), (Screenshot: X)
    ("paren-credit", re.compile(
        rf"\({SP}*(?:{PHOTO}{SP}*(?:credits?{SP}*)?(?:[:：]|{SP}by\b|{SP}courtesy(?:{SP}+of)?\b|{SP}via\b)|{PHOTO}{SP}+credits?\b"
        rf"|Credits?{SP}*[:：]|Courtesy(?:{SP}+of)?\b|Screen(?:shot|grab){SP}*(?:via|from)?{SP}*[:：]?)"
        rf"{SP}*(?P<value>[^()\n]{{2,120}}?){SP}*\)",
        re.IGNORECASE)),
    ("file-photo", re.compile(rf"\((?P<value>File{SP}+photo)\)", re.IGNORECASE)),
    # REUTERS/Kevin Lamarque, AFP/Jane Doe: the wire's own caption form, agency first in capitals
    ("agency-slash", re.compile(
        rf"\b(?P<org>REUTERS|AFP|EPA(?:-EFE)?|XINHUA|ANADOLU|UPI|SIPA|AP){SP}*/{SP}*(?P<value>{NAME_WORD}(?:{SP}+{NAME_WORD}){{0,3}})")),
    # Jane Doe/AFP via Getty Images, John Roe/Getty Images
    ("getty", re.compile(
        rf"\b(?P<value>{NAME_WORD}(?:{SP}+{NAME_WORD}){{0,3}}){SP}*/{SP}*(?P<org>(?:{AGENCIES}|NurPhoto|SOPA Images|LightRocket|Bloomberg){SP}+via{SP}+Getty{SP}+Images"
        rf"|Getty{SP}+Images(?:{SP}+for{SP}+[A-Z][\w&.'’-]*(?:{SP}+[A-Z][\w&.'’-]*){{0,4}})?)")),
    # Photo: X / Photograph: X / Photo by X / Image: X / Credit: X / Courtesy of X / Screenshot: X, as a caption line or sentence
    ("keyword", re.compile(
        rf"(?:(?<=^)|(?<=[\n.|•·—–-]{SP})|(?<=\n)|(?<=[.!?]{SP}{SP}))"
        rf"(?P<key>{PHOTO}{SP}*(?:credits?{SP}*)?[:：]|{PHOTO}{SP}+(?:by|courtesy{SP}+of)\b|Credits?{SP}*[:：]|Courtesy{SP}+of\b"
        rf"|Screen(?:shot|grab){SP}*(?:via|from)?{SP}*[:：])"
        rf"{SP}*(?P<value>{VALUE_STOP}{{2,100}}?){SP}*(?=\n|$|\||[.;]{SP}+[A-Z]|\.$|\)|\])",
        re.IGNORECASE | re.MULTILINE)),
    # © 2021 Jane Doe, Copyright 2019 Acme News
    ("copyright", re.compile(
        rf"(?:©|\(c\)|Copyright{SP}*©?){SP}*(?:(?:19|20)\d{{2}}{SP}*)?(?P<value>[A-Z][^\n()|<>.;]{{1,60}}?){SP}*(?=\n|$|[.;|)]|{SP}{{2}}|{SP}All{SP}rights)",
        re.MULTILINE)),
)


def split_credit(value: str, org: str | None = None) -> tuple[str | None, str | None]:
    """Split 'Nicole Laskavi/MOD', 'Jane Doe for The Times', 'Jane Doe via Getty Images' into (creator, organization)."""
    value = re.sub(r",\s*(?:File|Pool|Handout)\s*$", "", value.strip(" ,;:-–—")).strip()
    if org:
        return (value or None), org.strip()
    if "/" in value:
        left, _, right = (part.strip(" /") for part in value.partition("/"))
        if KNOWN_ORGS.search(left) or re.fullmatch(r"[A-Z]{2,6}", left):
            return None, value    # AFP/Getty Images: agencies all the way
        return (left or None), (re.sub(r"^for\s+", "", right) or None)
    for joiner in (" via ", " for ", " | "):
        if joiner in value:
            left, _, right = value.partition(joiner)
            return (left.strip() or None), (right.strip() or None)
    if KNOWN_ORGS.search(value) or re.fullmatch(r"[A-Z]{2,6}", value):
        return None, value
    return (value or None), None


def looks_like_credit_value(value: str, *, strict: bool) -> bool:
    """Does a value read as names and agencies? Strict for bare prose, lenient inside an explicit '(Photo Credit: ...)'."""
    value = value.strip()
    if not value or len(value) > 120 or not re.search(r"[^\W\d_]", value):
        return False
    if NOT_A_CREDIT_RE.search(value):
        return False
    if re.match(r"^(?:https?://|www\.)", value):
        return False
    if not strict:
        return True
    words = re.findall(r"[^\s/,]+", value)
    if not words or len(words) > 12:
        return False
    if len(words) > 6 and "/" not in value and not KNOWN_ORGS.search(value):
        return False   # "PHOTOS: Lady Gaga's Craziest Stunts and ..." is a headline, not a credit
    first = words[0].lstrip("©(\"'“")
    if first and first[0].islower() and first.lower() not in ("courtesy", "the", "de", "van", "von"):
        return False
    lower = [w for w in words if w[0].islower() and w.lower().strip(".") not in ALLOWED_LOWER]
    return not lower


def find_credits(text: str, *, source: str = "text", offset: int = 0, image: str | None = None) -> list[Credit]:
    """Photo credits in a text, each once, in order. `offset` shifts spans when the text is a slice of a page."""
    credits: list[Credit] = []
    taken: list[tuple[int, int]] = []
    if not might_have_credit(text):
        return credits
    for form, pattern in PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            value = match.group("value")
            strict = form in ("keyword", "copyright", "getty", "agency-slash")
            if not looks_like_credit_value(value, strict=strict):
                continue
            org = match.groupdict().get("org")
            if form == "file-photo":
                creator, organization = None, None
            else:
                creator, organization = split_credit(value, org)
            if creator is None and organization is None and form != "file-photo":
                continue
            taken.append((start, end))
            credits.append(Credit(
                raw=match.group(0).strip(), source=source, span=(offset + start, offset + end),
                creator=creator, organization=organization, image=image, form=form,
            ))
    return sorted(credits, key=lambda c: c.span)


_HINT_RE = re.compile(r"photo|image|picture|credit|courtesy|©|\(c\)|copyright|screen|getty|reuters|afp|\bap\b|epa|illustration|graphic|video",
                      re.IGNORECASE)


def might_have_credit(text: str) -> bool:
    """A cheap pre-check so long texts with no credit word skip every pattern."""
    return bool(_HINT_RE.search(text))
