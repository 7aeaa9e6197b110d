"""Photo credits in prose and captions: '(Photo Credit:Nicole Laskavi/MOD)', '(AP Photo/Jane Doe)', 'REUTERS/Name',
'Featured image via Name/AFP/Getty Images', a caption ending in '(Getty)'... Splitting is `credit_names`' job.

Precision first: a sentence that merely mentions a photo is no credit, so values must look like names; a
page's own copyright notice, datelines ('LONDON (Reuters) -'), bylines and 'Reporting by' are not credits.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable

from resolver.extract.credit_names import (CASELESS_LETTER_RE, agency_key, ENDS, KEPT_ROLES, KNOWN_ORGS, NAME_WORD, ORG_WORD_RE, PERSON_RE,
                                           NAMED_LENDER_RE, SCREEN_CAPTURE, courtesy_after, UNNAMED_RE,
                                           PLATFORMS, SEPARATOR_RE, SMALL_ORG_START_RE, TITLES, as_written, is_known_org, is_note, platform_account,
                                           is_first_name, is_org, is_persons_name, label_kind, org_named_like_a_person, names_a_public_body, may_name_a_person, names_a_place,
                                           names_a_relation, names_an_agency, names_no_one, person_for_outlet,
                                           person_slash_outlet, reads_as_headline, reads_as_prose, split_confidence, split_credit,
                                           without_marks, without_role)
from resolver.extract.credit_places import names_a_known_place
from resolver.extract.intervals import Intervals
from resolver.extract.repeated import remembered
from resolver.extract.text import MARKS
from resolver.lazy import LazyPattern
from resolver.model import Credit, evolve

SP = r"[ \t\u00a0]"
# The photo's word, or the word opening a photo's credit, in other languages (newuser27 #8, #10): one list, read by
# the credit patterns (`PHOTO`), their pre-check (`_other_photo_word`) and `html_credits`' prose hint.
OTHER_PHOTO_WORDS = (
    "Фото(?:граф[иі][яиї])?", "Kuva", "Zdjęcie", "Fotograf(?:ía|ia)",   # Russian, Finnish, Polish, Spanish/Portuguese
    "Світлин[аи]", "Скр[иі]ншот",      # Ukrainian photo(s); Russian and Ukrainian screenshot: its platform (newuser44a #6)
    "Fotoğraf", "צילום",                                              # Turkish, Hebrew (newuser32b #8)
    "Beeld",                             # Dutch: "Beeld: ANP", a Dutch paper's credit word (newuser47a #2)
    "写真(?:提供)?", "撮影", "提供",                                   # Japanese: photo (provided), taken by, provided by
    "图片来源", "圖片來源", "图片", "圖片", "照片", "摄影", "攝影", "图", "圖",   # Chinese: its source, picture, taken by
    "사진(?:[ \t]?제공)?",                                            # Korean: photo (provided)
    "الصورة", "صورة", "تصوير", "عدسة",                                # Arabic: the photo, photo, photography, lens
    # Persian: photo's source, photo (by) (newuser35b #4), with the Arabic kaf as windows-1256 sites write it (newuser43a #1)
    "منبع ع[کك]س", "ع[کك]س(?: از)?",
)
OTHER_PHOTO_WORD = "(?:" + "|".join(OTHER_PHOTO_WORDS) + ")"
# The words a Japanese or Korean credit joins to its name with "=" ("写真＝AFP＝時事", "사진=연합뉴스"): those in Han
# letters or Hangul only. All of OTHER_PHOTO_WORDS there made PREFIX 1,336 characters once the Ukrainian words came
# (newuser44a #6), compiled in every credit pattern (#14: kept under 1,300); no other language writes "Фото=".
EQUALS_PHOTO_WORD = "(?:" + "|".join(w for w in OTHER_PHOTO_WORDS
                                     if "\u3040" <= w[0] <= "\u9fff" or "\uac00" <= w[0] <= "\ud7af") + ")"
# Not "Graphic": "(Graphic: Emerging markets in 2019 - tmsnrt.rs/…)" names a chart, not who made it.
# "Video still via Instagram": a frame of a video, its words one photo word (fixleft44a)
# "Standbild": German for a video still (newuser47b #4)
PHOTO = (r"(?:Photo(?:graph(?:s|y)?|s)?|Image[mns]?|Pictures?|Pics?|Fotos?|(?:Stand)?Bild|Video(?:.still)?|Illustrations?"
         r"|Photo[ -]illustration|(?:Featured|Main|Top|Header|Lead|Hero)[ \t]image"
         r"|Satellite[ \t](?:imagery|images?|photos?)"   # "Satellite image: Planet Labs PBC" (#10)
         rf"|{OTHER_PHOTO_WORD})")
FILED_PICTURE = rf"(?:File|Archive|Handout|Stock){SP}+(?:photo|picture|image)s?"
AGENCIES = r"(?:AP|AFP|Reuters|REUTERS|UPI|EPA(?:-EFE)?|PA|CP|Xinhua|XINHUA|Anadolu|ANADOLU|SIPA|TASS|ANSA|DPA|dpa|IANS|PTI|Bloomberg)"
# The words that open a credit; a value follows.
# The photo's word once, its four continuations after it: PHOTO four times over made PREFIX 2,206 characters, compiled
# at import (PREFIX_RE) and in two credit patterns of every page with a credit, 2 ms each (#14, dates33). No two of
# PHOTO's words at one place both go on with a continuation, so the first match is the one the four branches found.
PREFIX = (
    rf"(?:{PHOTO}(?:{SP}+credit{SP}+should{SP}+read"
    rf"|{SP}*(?:credits?{SP}*)?[:：]"
    rf"|{SP}+(?:credits?|copyright)\b{SP}*[:：]?"
    rf"|{SP}+(?:by|via|courtesy(?:{SP}+of)?)\b)|Photographed{SP}+by\b"   # "Photography by", too (credits29c)
    rf"|(?:Mandatory{SP}+)?Cr[eé]dit(?:s|os?|i)?(?:{SP}+(?:photos?|foto))?{SP}*(?:[:：]|\.\.\.|…)|Courtesy(?:{SP}+of)?\b|Copyright{SP}*[:：]"
    # AFP's French "Photo AFP", no colon (newuser32b #8); an Italian or Dutch "Foto ANSA", "Foto ANP" (newuser47a #5)
    rf"|(?:Photos?|Foto){SP}+(?=(?-i:{AGENCIES}|ANP|LaPresse)(?![\w-]))"
    # "Screen grab via YouTube", "Screen-grab: X": taken from a platform (fixleft44a; "Video still" is a PHOTO word)
    rf"|Screen.?(?:shot|grab){SP}*(?:via|from|aus(?:{SP}+de[mr])?|von)?{SP}*[:：]?|Provided{SP}+by\b"
    rf"|Bildschirmfoto{SP}*[:：]"   # German "Bildschirmfoto: ZDF", as "Screenshot: ZDF" (review47a: no credit)
    rf"|{EQUALS_PHOTO_WORD}{SP}*[=＝]"   # Japanese and Korean credits: "写真＝AFP＝時事", "사진=연합뉴스" (#10)
    # "الصورة من أرشيف رويترز" (the photo, from Reuters' archive: a file photo), "عکس از علی رضایی" (photo by), with no
    # colon (newuser35b #5, #4); a space each, PREFIX's length being compiled in every credit pattern (#14)
    rf"|(?:ال)?صورة من [أا]رشيف(?= )|ع[کك]س از(?= ))"
)
PREFIX_RE = re.compile(rf"^{SP}*{PREFIX}{SP}*", re.IGNORECASE)
# The characters a match of PREFIX can open with (read case-blind, as PREFIX is): the keyword form tests one of them
# first at each character, before its look-behinds and PREFIX's alternation (#14: 18.2 to 10.9 ms of a corpus pass).
# Written out, not derived at import (start-up); tests/test_credits.py derives them from PREFIX with `re`'s parser.
PREFIX_FIRST = r"[BCFHIKLMPSTVZ\u0421\u0424\u05e6\u0627\u062a\u0635\u0639\u0645\u5199\u56fe\u5716\u63d0\u6444\u64ae\u651d\u7167\uc0ac]"
# "©" as any reference HTML reads as it: decimal or hex (x or X, either case), leading zeros allowed, the ';' too
# (`&#0169;`, `&#XA9;`, `&#x00a9;`); `&copy;` and HTML5's `&COPY;` (review27b #8). Scraped text may keep them (#10).
COPYRIGHT_REFERENCE = r"&(?:#(?:[xX]0*[aA]9(?![0-9a-fA-F])|0*169(?![0-9]))|copy|COPY)"
COPYRIGHT_REFERENCE_RE = LazyPattern(COPYRIGHT_REFERENCE)
# "All rights reserved" as Japanese, Chinese and Korean outlets write it after their name: no reproduction without
# permission (無断転載禁止, 禁無断転載, 无断转载), rights reserved (版权所有, 版權所有), 무단 전재 (review48a: the name ran
# on into them, "朝日新聞社 無断転載禁止" a person's name)
RIGHTS_RESERVED_CJK = r"禁?無断転載|无断转载|無斷轉載|版[权權]所有|무단[ \t\u00a0]?전재"
COPYRIGHT_SIGN = rf"(?:©|{COPYRIGHT_REFERENCE};?)"
PREFIX_END_RE = LazyPattern(rf"{PREFIX}{SP}*$", re.IGNORECASE)   # "Image Credit: " before an inline <em>Getty</em>
COPYRIGHT_PREFIX_RE = re.compile(rf"^(?:(?:{COPYRIGHT_SIGN}|\(c\)|copyright)\s*)+"
                                 rf"(?:(?:19|20)\d{{2}}(?:\s*[–-]\s*(?:19|20)\d{{2}})?)?\s*", re.IGNORECASE)
ALLOWED_LOWER = frozenset(
    "of via for the and on by de da di du del der van von la le al bin courtesy photo staff file handout pool images & + x"
    " pour voor per het".split()   # French "Jean Dupont pour Le Journal" (newuser46a #6), Dutch, Italian (newuser47a #7)
    # Dutch "het Parool" (fix47b #7)
)
# Bylines, widgets and datelines that sit where credits do.
NOT_A_CREDIT_RE = re.compile(r"\b(?:reporting|editing|writing|written|edited) by\b|sponsored|promoted links|taboola|outbrain"
                             r"|all rights reserved|(?-i:^[A-Z][A-Z .'-]{2,}\s+[—–-]\s)|\(graphic|tmsnrt\.rs"
                             # "Credit: Submitted photo", "Photo: Supplied": that it was sent in, not by whom
                             r"|^(?:submitted|supplied|contributed)(?:\s+(?:photos?|images?|pictures?|by))?\W*$",
                             re.IGNORECASE)
VALUE_STOP = r"[^\n()\[\]|<>（）【】]"
# A date as a post's signature writes it: "September 12, 2022", "Sept. 12, 2022", "12 September 2022", "2022"
SIGNED_DATE = (rf"(?-i:(?:[A-Z][a-z]{{2,8}}\.?{SP}+\d{{1,2}},?{SP}+|\d{{1,2}}\.?{SP}+[A-Z][a-z]{{2,8}}\.?{SP}+)?"
               r"(?:19|20)\d{2})\b")
NAME_PART = rf"{NAME_WORD}(?:{SP}+(?:{NAME_WORD}|via|for|of|de|da|van|von|der|and|&)){{0,5}}"
# The last word of an outlet's name, where a "Name/for Outlet" credit ends.
OUTLET_END = (r"News|Times|Post|Tribune|Herald|Journal|Gazette|Telegraph|Guardian|Observer|Magazine|Daily|Media"
              r"|Images|Photos|Pictures|Press|Sports|Network|Studios?|Agency")
# The pictures whose "source" is who supplied them (not a chart's, a map's or a "Graphic"'s): "Infographic source,".
SOURCED_PICTURE = r"(?:Infographic|Image|Photo(?:graph)?|Picture|Illustration|Video)s?"
# Where a keyword credit may start: a line or sentence start, a glued sentence end (run-on text), after a caption.
# After a word in a script that parts no words by spaces and a space (or its own wide one): "閉鎖される橋 写真：共同通信",
# a Japanese caption scraped flat (newuser32b #8). Those scripts have no case: the class is read case-sensitively, as
# under IGNORECASE each of its 40,000 characters' cases is worked out at compile, 2.4 ms of a one-file scan (#14).
# A line indented by up to four spaces, tabs or no-break spaces too: scraped text keeps a caption's indent, and
# "  Credit: NASA/ESA" between blank lines was lost ("    Photo: Jane Roe/Reuters" read without its label: credits38).
KEY_START = (rf"(?:^|(?<=[\n.!?|•·—–)。（【\u3000])|(?<=[.!?|•·—–)-]{SP})|(?<=[.!?]{SP}{SP})"
             rf"|(?<=^{SP})|(?<=^{SP}{{2}})|(?<=^{SP}{{3}})|(?<=^{SP}{{4}})"
             rf"|(?<=(?-i:[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]){SP}))")


# Before a stop that ends no sentence: an initial's ("J. R. Example", "Washington D.C.": credits29d #2 read "D.C." as a
# sentence's end glued to the next, "AP.Next"), a place's first word shortened ("St. Louis", "Mt. Hood", "Ft. Worth"),
# or a title's ("Gen. Jane Doe", "Lt. Col. Ann Example": credits30 #3). A look-behind is of one length: one per length.
NO_ABBREVIATION = r"(?<!\b[A-Z])" + "".join(
    rf"(?<!\b(?:{'|'.join(sorted(words))}))"
    for words in ({w for w in ("St", "Mt", "Ft", *TITLES) if len(w) == n} for n in (2, 3, 4)) if words)


# The credit forms compile when a page first tries them: a page tries few, and compiling all ten cost every
# process 4.7 ms at start-up (#14: a one-file scan of a page with one credit, 120.5 to 118.5 ms).
PATTERNS: tuple[tuple[str, LazyPattern], ...] = (
    # Korean papers' bracketed credits: "[사진 서울시 제공]" (photo provided by Seoul city: no credit) and "[연합뉴스
    # 자료사진]" (Yonhap's file photo: the organisation was "연합뉴스 자료사진"), read by `_korean_bracket_credit`
    # (late47a #2). First: "(연합뉴스 자료 사진)" was the caption's whole value to later forms.
    ("korean-bracket", LazyPattern(
        rf"[\[［【(（]{SP}*(?:(?P<photo>사진{SP}+)?(?P<lender>[^\n\[\]［］【】()（）=＝.]{{1,30}}?){SP}*제공"
        rf"(?:{SP}*[.．]{SP}*재판매[^\n\[\]［］【】()（）]{{0,30}})?"   # "[서울시 제공. 재판매 및 DB 금지]" (review48a)
        rf"|(?P<filed>[^\n\[\]［］【】()（）=＝]{{1,30}}?){SP}*자료{SP}?사진){SP}*[\]］】)）]")),
    # picture alliance's own credit (newuser46a #2): "Foto: picture alliance/dpa | Max Mustermann", "© picture alliance /
    # SZ Photo | Anna Beispiel", "picture alliance/dpa/Max Mustermann", "© picture alliance/dpa": the agencies, then
    # the photographer after the pipe. Its small first letters and its pipe passed every other form by (the
    # photographer lost at the pipe, "©" wanting a capital). Checked by `_picture_alliance_split`.
    ("picture-alliance", LazyPattern(
        rf"(?:(?<![\w-])(?:Foto|Bild|Photo|Fotos|Bildquelle|Quelle|Credit){SP}*[:：]{SP}*|{COPYRIGHT_SIGN}{SP}*"
        rf"|{KEY_START})(?P<value>(?i:picture[ -]alliance)(?:{SP}*/{SP}*(?:[^\n/|()\[\]<>;,.]|\.(?=\w)){{1,40}}?){{0,3}}"
        rf"(?:{SP}*\|{SP}*[^\n/|()\[\]<>;,.]{{2,60}}?)?){SP}*(?=$|\n|\.(?!\w)|[;,)\]|<])", re.MULTILINE)),
    # A US newspaper CMS's own credit lines (newuser44d #3): "Staff photo by Dale Hunt", "Staff file photo", "Submitted
    # photo", "Contributed photo", "Photo submitted by the Harlow 4-H Club". Their own form, not PREFIX's words
    # (its length is compiled into every credit pattern, #14); `NEWSROOM_KINDS` reads each key's kind.
    ("newsroom", LazyPattern(
        rf"(?<![\w-])(?:Credit{SP}*[:：]{SP}*)?(?P<key>Staff{SP}+(?:file{SP}+)?photo(?:graph)?s?|(?:Submitted|Contributed){SP}+photo(?:graph)?s?"
        rf"|Photo(?:graph)?s?{SP}+(?:submitted|contributed))"
        rf"(?:{SP}+by{SP}+(?P<value>[^\n()\[\]|<>;,]{{2,80}}?))?"
        rf"(?={SP}*(?:$|[;,)|\]]|(?-i:{NO_ABBREVIATION})\.(?:{SP}|$)))", re.IGNORECASE | re.MULTILINE)),
    # (AP Photo/Jane Doe), (AP Photo/Jane Doe, File), AP Photo/Jane Doe
    # "Still from a video posted on X by @name", "Image taken from a video shared on Instagram by @name": a frame of that
    # account's video on that platform, its post's credit as "Video still via X/@name" is (newuser47b #5). The
    # account ends the line or sentence: "A still from a video posted on X by @name shows …" is a caption's words.
    ("video-still", LazyPattern(
        rf"{KEY_START}(?:(?:A|The){SP}+)?(?:Video{SP}+)?(?:[Ss]till|[Ss]creen.?(?:shot|grab)|Image|Frame|Picture)s?"
        rf"{SP}+(?:taken{SP}+)?from{SP}+(?:a{SP}+|the{SP}+)?(?:video|clip|footage|livestream){SP}+"
        rf"(?:posted|shared|published|uploaded){SP}+(?:on|to|onto){SP}+(?P<platform>[A-Z][\w.]{{0,20}}){SP}+by{SP}+"
        rf"(?P<value>@[A-Za-z0-9_.]{{1,30}}?){SP}*(?=$|\n|[.;,)\]|]{SP}*(?:$|\n))", re.MULTILINE)),
    ("agency-photo", LazyPattern(
        rf"\(?\b(?P<org>{AGENCIES}){SP}+(?:Photos?|PHOTOS?){SP}*/{SP}*(?P<value>{VALUE_STOP}{{2,80}}?)(?:,{SP}*(?:File|Pool|Handout))?(?:\)|(?=[\n.;]|$))",
        re.MULTILINE)),
    # "Thumbnail image by Flickr user ann.ex used under a Creative Commons license", "Photo: Flickr user Kay Example":
    # the user made it. Only after "by", "via", "courtesy (of)" or a colon: "The Flickr user said" credits nothing.
    # The name is one user name, or capitalised words ("CC BY-SA" and a licence's words are not part of it).
    ("flickr-user", LazyPattern(
        rf"(?:\b{PHOTO}{SP}*)?(?:\b(?:by|via|courtesy(?:{SP}+of)?)|[:：]){SP}+(?P<org>Flickr){SP}+user{SP}+"
        rf"(?P<value>@?\w[\w.@'’-]*?(?-i:{SP}+[A-Z](?:[a-z]|['’][A-Z])[\w'’-]*){{0,3}})(?=[.,;:)\]]?(?:\s|$))",
        re.IGNORECASE)),
    # Photo by Jane Doe on Unsplash
    ("stock-site", LazyPattern(
        rf"\b{PHOTO}{SP}+by{SP}+(?P<value>[A-Z][^\n()]{{1,60}}?){SP}+on{SP}+(?P<org>Unsplash|Pexels|Pixabay|Flickr)\b")),
    # (Photo Credit: X), (Foto: X), (Photo by X), (Image courtesy of X), (Credit: X), (Courtesy X), (Photo credit should read X)
    # "(File photo: Jane Roe/AFP)": the label opens the credit in brackets (newuser35b #9: "Jane Roe/AFP" was read, the
    # label lost). Not as a line's opening: Reuters' "FILE PHOTO: U.S. President ..." opens the caption's words.
    ("paren-credit", LazyPattern(rf"[(\[]{SP}*(?:{PREFIX}|{FILED_PICTURE}{SP}*[:：]){SP}*"
                                 rf"(?P<value>[^()\[\]\n]{{2,120}}?){SP}*[)\]]", re.IGNORECASE)),
    # Photo: X / Photograph: X / Featured image via X / Image copyright X / Mandatory Credit: X, as a line or sentence
    ("keyword", LazyPattern(
        # "Photo: &copy; Name": a reference's ';' does not end the value (#10)
        rf"(?={PREFIX_FIRST}){KEY_START}(?P<key>{PREFIX}){SP}*(?P<value>(?:{COPYRIGHT_REFERENCE};?{SP}*)?{VALUE_STOP}{{2,100}}?){SP}*"
        # "Photo: Jane Doe (AFP)": the agency in brackets after the name (newuser27 #4)
        # "Photo: Jane Roe (@janeroe) September 12, 2022": her account, and the date a post's signature ends with
        # (credits37: no credit, once sig36 made the line no post); the account is no organisation
        rf"(?:\({SP}*@\w{{1,50}}{SP}*\)(?:{SP}*,?{SP}*{SIGNED_DATE})?{SP}*"
        rf"|\({SP}*(?P<org>[^()\[\]\n]{{2,40}}?){SP}*\){SP}*)?"
        rf"(?=\n|$|\||;|(?-i:{NO_ABBREVIATION}\.(?:{SP}+[A-Z]|(?=[A-Z@#])|$))|\)|\]|[）】。]|{SP}*/{SP}*(?:Copyright|{COPYRIGHT_SIGN})"
        rf"|{SP}+Image{SP}+caption\b"   # BBC pages scraped flat: "Image copyright Getty Images Image caption ..."
        rf"|{SP}+View{SP}+(?:full{SP}+size|larger){SP}+image\b)",   # Space.com's: "Credit: NASA View full size image"
        re.IGNORECASE | re.MULTILINE)),
    # Italian papers' "Ph." for the photo's word: "Ph. Mario Bianchi", "Ph: Mario Bianchi", "(Ph. Mario Bianchi)" (fix47b
    # #6). A form of its own: PREFIX, compiled at import and in every credit pattern, is kept under 1,300 characters
    # (#14). Not "Ph.D.": a space or a colon after the stop, and a capital opening the name ("Ph. levels rose" is none).
    # French "Photo DR" (droits réservés) with no colon, as "Photo AFP" (fix47b #3; `labelled` reads "DR" by the page).
    ("abbreviated", LazyPattern(
        rf"(?=[(\[]?(?:[Pp][Hh]|Foto))(?:{KEY_START}|(?<=[(\[])){SP}*"
        rf"(?P<key>(?:Ph|PH|ph)(?:\.(?:{SP}*[:：]|{SP}+)|{SP}*[:：])|(?:Photos?|Foto){SP}+(?=DR(?![\w-]))){SP}*"
        rf"(?P<value>[A-Z]{VALUE_STOP}{{1,100}}?){SP}*"
        rf"(?=\n|$|\||;|(?-i:{NO_ABBREVIATION})\.(?:{SP}+[A-Z]|$)|\)|\])", re.MULTILINE)),
    # A screenshot's and a file photo's own words before or as the credit, with no other form's opening (newuser46a #6,
    # #7): "Capture d'écran X", "Photo : capture d'écran X" (small letters), "Quelle: Screenshot X", "Foto: Screenshot"
    # alone, "Photo d'archives : AFP". The platform or the names after them are checked as a credit's value is.
    ("desk-label", LazyPattern(
        rf"{KEY_START}(?:(?:Foto|Bild|Photo|Image|Quelle|Bildquelle|Source|Cr[ée]dits?(?:{SP}+photo)?){SP}*[:：]{SP}*"
        rf"(?P<key>(?i:screen.?(?:shot|grab)|bildschirmfoto|capture(?:{SP}+d['’][ée]cran)?))"   # "Photo : capture X"
        # with no credit's word before them, only the French: "Screenshot Whatsapp." opens a caption's words as
        # often as it credits (CORRECTIV's, its credit "(Foto: Recherche/privat)" after it)
        rf"|(?P<bare>(?i:capture{SP}+d['’][ée]cran|photo{SP}+d['’]archives?)))"
        rf"(?:(?:{SP}*[:：/]{SP}*|{SP}+(?:(?:via|von|aus|de|from|sur|auf){SP}+)?)"
        rf"(?P<value>[^\n()\[\]|<>;,.:：/]{{1,60}}?(?:{SP}*/{SP}*[^\n()\[\]|<>;,.:：/]{{1,60}}?)?))?{SP}*(?=$|\n|[.;,)\]|])",
        re.MULTILINE)),
    # Chinese and Taiwanese papers' picture word before a slash, "图/新华社", "圖／中央社", "攝影／王小明", "圖／記者王小明攝"
    # (its 摄/攝, "photographed", no part of the name): the slash form read 图 ("picture") as the photographer, and in
    # plain text or after a caption's words there was no credit (newuser47e #2). A form of its own: PREFIX, compiled
    # in every credit pattern, stays under 1,300 characters (#14). What follows is weighed as a credit's value is, so
    # "图/北京街头的行人" (a description) is none; a colon ("图/文：本报记者", a byline) ends it unread.
    ("label-slash", LazyPattern(
        rf"(?:{KEY_START}|(?<=[(\[（【＝]))(?P<key>(?:图片?|圖片?|照片|摄影|攝影){SP}*[/／]|撮影・){SP}*"
        rf"(?P<value>[^\n()\[\]|<>（）【】。，、；;：:/／]{{1,40}}?)(?:{SP}*[摄攝])?{SP}*(?=$|\n|[。；;）)\]】])",
        re.MULTILINE)),
    # Japanese papers' "撮影・山田太郎" (taken by, a middle dot for the colon) is read by that form too (newuser47e #4).
    # The credit after a Chinese caption, its "photographed" word last: Xinhua's "新华社记者 王明 摄" (its outlet's
    # reporter), Taiwan's "（記者王小明攝）", a name alone ("王明 摄") (newuser47e #4: no credit). A name of two to four
    # Han letters before it, an outlet's reporter's title before that; not 拍摄 ("to film"), nor a title with no name
    # ("（本报记者摄）", by this paper's reporter). Not Japanese "…撮影" after kanji alone: "（本社機撮影）" (from the
    # paper's plane) and "（多重露光撮影）" (a multiple exposure) name how, not who.
    ("cjk-suffix", LazyPattern(
        rf"(?:{KEY_START}|(?<=[(\[（【＝]))(?P<value>(?:[\u4e00-\u9fff]{{0,8}}(?:记者|記者)[ \u3000]?)?"
        rf"[\u4e00-\u9fff·]{{2,4}}?)(?<!拍)(?<!记者)(?<!記者)[ \u3000]?[摄攝]{SP}*(?=$|\n|[）)\]】。])",
        re.MULTILINE)),
    # A Japanese caption ending in its agency after "＝" ("…＝共同", "…＝ＡＰ", "…＝ロイター＝共同": Reuters' picture via
    # Kyodo), or in a caption in brackets ("（共同）", "（ロイター＝共同）", Yonhap's "[AFP=연합뉴스]": review48a, its caption
    # the photographer): no credit (late47a #1). Every part must be a
    # known agency (`_cjk_closing_credit`); the brackets' form is read in captions only, as "…と述べた。（共同）" ends an
    # article's paragraph with its wire, not its picture's.
    ("cjk-closing", LazyPattern(
        rf"(?:(?P<eq>(?:사진{SP}*)?[＝=])|(?P<open>[（(])|(?P<square>[\[［])){SP}*"
        rf"(?P<value>[^\n＝=（）()\[\]［］【】。、，,/／]{{1,16}}?"
        rf"(?:{SP}*[＝=]{SP}*[^\n＝=（）()\[\]［］【】。、，,/／]{{1,16}}?)?){SP}*(?(open)[）)])(?(square)[\]］]){SP}*(?=$|\n)",
        re.MULTILINE)),
    # Sanjeev Verma/Hindustan Times/Getty Images, REUTERS/Jane Doe/Files: a slash chain naming a person and an agency
    # It ends the sentence or line, or a name follows: "a Reuters/Ipsos poll" is no credit.
    ("slash", LazyPattern(rf"(?<![\w/.@:-])(?P<value>{NAME_PART}(?:{SP}*/{SP}*{NAME_PART}){{1,4}})"
                         rf"(?=[ \t\u00a0]*(?:$|[\n.;,)\]|]|[A-Z(]|(?:file|pool|handout)\b))", re.MULTILINE)),
    # "Kevin Example/for Riverton Daily News London Rene and ...": a gallery caption opening with its credit, glued to
    # the caption's words (the Daily News' scraped galleries). The outlet runs to the last word naming one.
    ("slash-for", LazyPattern(
        rf"{KEY_START}(?P<value>{NAME_WORD}(?:{SP}+{NAME_WORD}){{1,3}}{SP}*/{SP}*for{SP}+"
        rf"(?:[A-Z][\w&'’.-]*{SP}+){{0,4}}(?:{OUTLET_END})(?![\w'’-]))", re.MULTILINE)),
    # "Infographic source, LiveScience", "Image source: Riverton Water Board": a picture's source after the picture's
    # word (Upworthy's "About" note). Not after a chart's, a map's or a "Graphic": there it names where data came from
    ("picture-source", LazyPattern(
        rf"(?:\b(?i:{SOURCED_PICTURE}){SP}+(?i:source){SP}*[,:：]|\b(?:Bild|Foto)(?:q|Q)uelle{SP}*[:：]){SP}*"
        rf"(?P<value>[A-Z@](?:[^\n()\[\]|<>.;,]|\.(?=\w)){{1,60}}?){SP}*(?=\.(?!\w)|[;,)\]\n]|$)", re.MULTILINE)),
    # "... (Source: NASA)", "Source: Riverton Water Board" ending a caption: in captions only (in prose a source
    # cites where facts came from)
    # The Arabic and Persian "source" too: "المصدر: رويترز", "منبع: خبرگزاری مهر" beside a picture name who supplied
    # it, as a picture desk reads them (newuser43a #1); in prose they cite where facts came from, as "Source:" does
    # German "Quelle:" (newuser46a #6), as "Source:"
    # Italian "Fonte:" and Dutch "Bron:" too (newuser47a #6), Spanish "Fuente:" (fix47b #1)
    ("source", LazyPattern(rf"[(\[]?{SP}*(?:Source|(?<!\w)(?:Quelle|Fonte|Bron|Fuente)|المصدر|منبع){SP}*[:：]{SP}*(?P<value>[^()\[\]\n:]{{2,80}}?){SP}*[)\]]?{SP}*$",
                          re.MULTILINE)),
    # A caption ending in the supplier: "... in Surabaya (EPA)", "(AFP/Getty)", "[GETTY]", "(Jane Doe/Reuters)"
    ("trailing", LazyPattern(rf"[(\[]{SP}*(?P<value>[^()\[\]\n]{{2,80}}?){SP}*[)\]]{SP}*$", re.MULTILINE)),
    # © 2021 Jane Doe, Copyright 2019 Acme News: in captions only (in prose it is the page's own notice)
    ("copyright", LazyPattern(
        # or a Japanese, Chinese or Korean outlet's name, "© 朝日新聞社" (late47a #4: the capital wanted, no credit)
        rf"(?:{COPYRIGHT_SIGN}|\(c\)|Copyright{SP}*{COPYRIGHT_SIGN}?){SP}*(?:(?:19|20)\d{{2}}{SP}*)?"
        rf"(?P<value>(?:[A-Z@]|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])[^\n()|<>.;。（）]{{1,60}}?){SP}*"
        rf"(?=\n|$|[.;|)。（）]|{SP}{{2}}|{SP}All{SP}rights|[,、，]?{SP}*(?:{RIGHTS_RESERVED_CJK}))",
        re.MULTILINE)),
)
# The next credit of a line listing several after one opening word: "Photos: AP; Reuters; Getty Images".
LISTED_RE = re.compile(rf"{SP}*;{SP}*(?P<value>{VALUE_STOP}{{2,100}}?){SP}*(?=;|\n|$|\||(?<!\b[A-Z])\.(?:{SP}|$))",
                       re.MULTILINE)
_LETTER_RE = re.compile(r"[^\W\d_]")
_URL_START_RE = re.compile(r"^(?:https?://|www\.)")
_WORD_RE = re.compile(r"[^\s/,|]+")
# A wire photo's slug, its topics in capitals joined by hyphens ("US-SPACE-AEROSPACE-NASA", "FBL-EUR-C1-..."): NBC
# News' alt texts read "Image: <slug>". It names no one.
WIRE_SLUG_RE = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+){3,}")
STRICT_FORMS = frozenset({"keyword", "abbreviated", "copyright", "slash", "slash-for", "trailing", "source", "picture-source"})


def strip_prefix(value: str) -> str:
    """A credit value without its opening words: 'Image copyright Getty Images' -> 'Getty Images'."""
    value = PREFIX_RE.sub("", value.strip())
    return COPYRIGHT_PREFIX_RE.sub("", value).strip()


# A credit element's label words with no colon: NYT's visually hidden "Credit", a credit slot reading "Via Facebook".
LABEL_WORD_RE = LazyPattern(r"^(?:Credits?|Via)\s+(?=[A-Z@])")


# What a name in scripts with no capitals (`CASELESS_LETTER_RE`) does not hold: a sentence's marks (Japanese hiragana,
# which writes particles and verb endings, is asked apart: `KANA_NAME_RE`), Chinese particles, a Korean word ending in a particle or a sentence's end, an Arabic
# preposition, alone or joined to the article ("سفينة بالبحر", a ship in the sea: credits29 #2), or a first word with
# the Arabic article ("الرئيس يلقي كلمة": the president gives a speech), a Persian particle, unless the value is a known
# organisation (#10).
NOT_A_NAME_RE = LazyPattern(r"[、。，！？!?]|[的了是在着把被]|(?:을|를|에서|에게|으로|다)(?!\S)"
                            r"|(?<!\S)(?:في|من|إلى|عن|مع|خلال|بعد|أمام|على|حول|داخل|قرب|تحت|فوق|عند|بين|لدى|منذ|نحو|ضد"
                            r"|أثناء)(?!\S)|(?<!\S)(?:بال|لل|كال)\S|^ال"
                            # Persian particles: "مردم در خیابان" (people in the street) names no one (newuser35b #4)
                            r"|(?<!\S)(?:از|در|به|را|با|برای|که|این|آن|تا)(?!\S)")

HIRAGANA_RE = LazyPattern(r"[\u3041-\u309f]")
# A Japanese name partly in hiragana (credits29 #5: "撮影：さとう花子" gave no credit, as any hiragana ruled a name out):
# a kana family name and a kanji given name, not a demonstrative ("この家", this house) nor ending in a particle; a
# kanji family name and a kana given name ending as given names do ("佐藤はなこ"), not as a verb ("会見する") nor as
# "花火まつり" (a fireworks festival); or two kana names with a space between. Nothing else: "東京の桜", "燃える家"
# have a particle or an ending between kanji. A name read so is `uncertain` (`credit_names._caseless_unproven`).
KANA_NAME_RE = LazyPattern(
    r"(?![こそあど]の)[\u3041-\u3096]{2,4}(?<![のがをにでへともはや])[ \u3000]?[\u4e00-\u9fff\u3005]{1,3}"
    r"|[\u4e00-\u9fff\u3005]{2,3}[ \u3000]?(?![のがをにでへと]|まつり)[\u3041-\u3096]{1,3}[こみえなかりきよほねさ]"
    r"|[\u3041-\u3096]{2,4}(?<![のがをにでへともはや])[ \u3000][\u3041-\u3096]{2,4}")


def _hiragana_not_a_name(value: str) -> bool:
    """Does a value hold hiragana outside a name written partly in it (`KANA_NAME_RE`), part by part of a credit
    ("さとう花子/共同通信")?"""
    return HIRAGANA_RE.search(value) is not None and not all(
        KANA_NAME_RE.fullmatch(part.strip()) for part in SEPARATOR_RE.split(value) if HIRAGANA_RE.search(part))


@remembered(longest=200)   # asked of a page's credit values again and again: a call in three (#14)
def looks_like_credit_value(value: str, *, strict: bool) -> bool:
    """Does a value read as names and agencies? Strict for bare prose, lenient inside an explicit '(Photo Credit: ...)'."""
    value = value.strip()
    if not value or len(value) > 120 or not _LETTER_RE.search(value):
        return False
    if NOT_A_CREDIT_RE.search(value):
        return False
    if not value.isascii() and CASELESS_LETTER_RE.search(value) and _caseless_no_names(value) \
            and _caseless_no_names(_without_agencies(value)):
        return False   # words without capitals read as names only when short and free of a sentence's words (#10)
    if _URL_START_RE.match(value) or WIRE_SLUG_RE.fullmatch(value):
        return False
    if not strict:
        return True
    if "ourtesy" in value and (lent := courtesy_after(value)) is not None and lent[1] \
            and _reads_as_lender(lent[1].strip(ENDS)):
        # "Jane Doe, courtesy of the family", "…, courtesy of Jane Doe Photography": the photographer's name, then who
        # lent the picture; the name alone is weighed (fixleft44a: a caption's gave no credit, "family" small)
        return looks_like_credit_value(lent[0], strict=True)
    words = _WORD_RE.findall(value)
    if not words or len(words) > 12:
        return False
    if len(words) > 6 and "/" not in value and not is_org(value):
        return False   # "PHOTOS: Lady Gaga's Craziest Stunts and ..." is a headline, not a credit
    if any(w[:1].islower() for w in words) and _labels_beside_names(value):
        return True   # "Arquivo pessoal", "captura de pantalla", "Reprodução/Redes sociais" (newuser45a #6)
    if any(w[:1].islower() for w in words) and _public_body_in_its_words(words):
        return True   # "Gendarmerie nationale", "Préfecture de police" (newuser46a #1)
    small = _parts_written_small(value)
    first = words[0].lstrip("©(\"'“")
    if first and first[0].islower() and first.lower() not in ("courtesy", "the", "de", "het", "van", "von") and not small:
        return False
    lower = [w for w in words if w[0].islower() and w.lower().strip(".") not in ALLOWED_LOWER
             and not any(w in part.split() for part in small) and f"(@{w}" not in value]   # "Jane Roe (@janeroe)"
    return not lower or _lower_parts_are_handles(value, lower)


# The small words a French public body's name is written with after its first: "Gendarmerie nationale", "Préfecture de
# police", "Police municipale" (newuser46a #1)
_BODY_SMALL_WORDS = frozenset("nationale national municipale régionale départementale fédérale police de du des la le "
                              "l'".split())


def _public_body_in_its_words(words: list[str]) -> bool:
    """Is a value of up to four words a public body's name, its small words those such names are written with
    (`_BODY_SMALL_WORDS`)? "Polizei sagt dies" is a sentence's words."""
    return len(words) <= 4 and names_a_public_body(" ".join(words)) and words[0][:1].isupper() \
        and all(w[:1].isupper() or w in _BODY_SMALL_WORDS for w in words[1:])


def _labels_beside_names(value: str) -> bool:
    """Is a credit's value a label written in small letters (`credit_names.LABELS`: "Arquivo pessoal", "captura de
    pantalla"), alone or beside parts that read as names ("Reprodução/Redes sociais", "Arquivo pessoal/Folhapress")?"""
    parts = [p.strip(ENDS) for p in SEPARATOR_RE.split(value) if p.strip(ENDS)]
    # a label of several words or beyond ASCII: "(private)", "(ho)", "(dr)" in small letters stay no credit, as before
    rest = [p for p in parts if not (label_kind(p) and (" " in p or not p.isascii()))]
    return len(rest) < len(parts) and all(looks_like_credit_value(p, strict=True) for p in rest)


def _caseless_no_names(value: str) -> bool:
    """Do words in scripts with no capitals read as no names: a sentence's words in them (`NOT_A_NAME_RE`), or too long
    for names?"""
    return ((NOT_A_NAME_RE.search(value) is not None or _hiragana_not_a_name(value)) and not is_known_org(value)
            or len(value) > 40 or len(value.split()) > 4)


def _without_agencies(value: str) -> str:
    """A credit's parts that name no known agency, the others left out: "أحمد محمود / أ ف ب" is a name and AFP's three
    letters, no five words of a sentence, and "الأناضول/Getty" two agencies, the first with the Arabic article
    (newuser43a #1: both gave no credit). A value every part of which is an agency's is kept whole."""
    parts = [part for part in SEPARATOR_RE.split(value) for part in _VIA_RE.split(part) if part.strip(ENDS)]
    rest = [part for part in parts if not is_known_org(_without_expansion(part).strip(ENDS))]
    return value if len(rest) == len(parts) else "/".join(rest)


# " via " joins a supplier to the agency that sent the picture on: "وانا (West Asia News Agency) via Reuters"
_VIA_RE = LazyPattern(r"[ \t\u00a0]+via[ \t\u00a0]+")
# An agency's name spelled out in brackets after its short one: "وانا (West Asia News Agency)"
_EXPANSION_RE = LazyPattern(r"[ \t\u00a0]*\((?P<words>[^()]{3,60})\)[ \t\u00a0]*$")


def _without_expansion(part: str) -> str:
    """A part without the organisation's name spelled out in brackets after it (`_EXPANSION_RE`), or as it is."""
    found = _EXPANSION_RE.search(part)
    return part[:found.start()] if found and found.start() and is_org(found.group("words")) else part


def _parts_written_small(value: str) -> list[str]:
    """The parts of a credit that name an organisation written in small letters: a known one ("dpa", "picture
    alliance": "Foto: dpa/Max Muster" gave no credit, newuser32b #8), or one opening with a word its language
    writes small (`SMALL_ORG_START_RE`: "пресс-служба мэрии")."""
    return [part for part in (p.strip(" ,") for p in SEPARATOR_RE.split(value))
            if part[:1].islower() and (is_known_org(part) or SMALL_ORG_START_RE.match(part))]


def _lower_parts_are_handles(value: str, lower: list[str]) -> bool:
    """'Pixabay.com / someuser', 'Ann Example/dpa': each lower-case word is a part of its own (a user name, an
    agency written small) beside a part that names an organisation."""
    parts = [p.strip(" ,") for p in SEPARATOR_RE.split(value) if p.strip(" ,")]
    return len(parts) > 1 and all(w in parts for w in lower) and any(is_org(p) for p in parts)


@remembered(longest=2000)   # a caption repeated in its page, a site's credit line (#14)
def find_credits(text: str, *, source: str = "text", offset: int = 0, image: str | None = None,
                 caption: bool = False, plain: bool = False) -> list[Credit]:
    """Photo credits in a text, each once, in order. `offset` shifts spans when the text is a slice of a page;
    `caption` when the text is a caption or alt text (a trailing '(Jane Doe/CBC)' or '© Name' is a credit there);
    `plain` when it is a whole plain-text document, where a caption scraped flat may end in '© 2024 Name'.
    A credit a line break cuts is read joined (`_joined_lines`), and one with direction marks read without them."""
    joined = _joined_lines(text) if "\n" in text or not text.isascii() and MARKS_RE.search(text) else None
    if joined is None:
        return _read_credits(text, source=source, offset=offset, image=image, caption=caption, plain=plain)
    words, where, guessed = joined
    credits = []
    for credit in _read_credits(words, source=source, image=image, caption=caption, plain=plain):
        start, end = where[credit.span[0]], where[credit.span[1] - 1] + 1
        unsure = "uncertain" if any(credit.span[0] < at < credit.span[1] for at in guessed) else credit.split_confidence
        credits.append(evolve(credit, raw=text[start:end], span=(offset + start, offset + end), split_confidence=unsure))
    return credits


# A line break a PDF's or a newsletter's lines put inside a credit (newuser33b #5): a word hyphenated at a line end
# ("(Photo: Mar-⏎tin Example/Reuters)": the line below read alone gave "Example"; "(AP Photo/Ja-⏎ne Doe)" gave "Ja"),
# and a break inside a credit's brackets ("(Photo: Martin⏎Example/Reuters)").
MARKS_RE = LazyPattern(f"[{MARKS}]")
HYPHENATED_RE = LazyPattern(r"(?<=[^\W\d_])[-\u2010]\r?\n(?=[^\W\d_])")
# A line break inside brackets; a credit's when its words open one (`PREFIX_RE`, compiled already, or `AGENCY_PHOTO_RE`)
BRACKET_BREAK_RE = LazyPattern(r"[(\[](?P<inside>[^()\[\]\n]{0,100}?)\r?\n[^()\[\]\n]{1,100}[)\]]")
AGENCY_PHOTO_RE = LazyPattern(rf"{SP}*{AGENCIES}{SP}+(?:Photos?|PHOTOS?){SP}*/")
# A whole credit before the line break, which then ends it (review33r6: "(Photo: Jane Doe/Reuters⏎Video: John Roe/AP)"
# joined gave the organisation "Reuters Video: John Roe/AP", as sure): "Name/Organisation" after the credit's words,
# or two words of a name after an agency's "AP Photo/" ("(AP Photo/Jane Doe⏎File photo …)").
WHOLE_CREDIT_RE = LazyPattern(r"/\s*[^\W\d_]")
WHOLE_NAME_RE = LazyPattern(r"\S\s+\S")


def _joined_lines(text: str) -> tuple[str, list[int], list[int]] | None:
    """(words, where, guessed) of a text whose credits a line break cuts, or None when it has none: `words` with
    each hyphen and line break ending a line inside a word taken out (the hyphen kept before a capital:
    "Jean-⏎Pierre"), and each line break inside a credit's brackets made a space, each direction mark taken out
    (`MARKS`: "\u200fصورة: Name/Agency\u200f" read the label and the mark as the name, newuser35b #2); `where[i]`
    the offset in `text` of words[i]; `guessed` the offsets in `words` where a hyphen was taken out or kept (where
    it belongs is a guess: the credit is uncertain)."""
    cuts: dict[int, tuple[int, str]] = {}   # at: (characters taken out, what replaces them)
    marks = [] if text.isascii() else [m.start() for m in MARKS_RE.finditer(text)]
    if "-\n" in text or "-\r\n" in text or "\u2010" in text:
        for match in HYPHENATED_RE.finditer(text):
            keep = "-" if text[match.end()].isupper() else ""
            cuts[match.start()] = (match.end() - match.start(), keep)
    # The offsets the cuts cover, kept as they grow: a cut is tested against it, where testing it against every cut
    # made before it (direction marks included) was quadratic (review44b: 8,000 marks, 24 KB, took 4.8 s).
    covered = {i for start, (size, _) in cuts.items() for i in range(start, start + size)}
    if "(" in text or "[" in text:
        for match in BRACKET_BREAK_RE.finditer(text):
            inside = match.group("inside")
            credit = PREFIX_RE.match(inside)
            agency = None if credit else AGENCY_PHOTO_RE.match(inside)
            if credit is None and agency is None:
                continue
            if (WHOLE_CREDIT_RE.search(inside, credit.end()) if credit else
                    agency is not None and WHOLE_NAME_RE.search(inside.rstrip(), agency.end())):
                continue
            at = text.find("\n", match.start(), match.end())
            stop = at + 1
            while at > match.start() and text[at - 1] in " \t\r":
                at -= 1   # an HTML source's indentation around the break: one space in all ("Jane⏎      Doe")
            while text[stop] in " \t":
                stop += 1
            if at not in covered:
                cuts[at] = (stop - at, " ")
                covered.update(range(at, stop))
    for at in marks:
        if at not in covered:
            cuts[at] = (1, "")
    if not cuts:
        return None
    unguessed = set(marks)
    pieces: list[str] = []
    where: list[int] = []
    guessed: list[int] = []
    last = 0
    for at in sorted(cuts):
        size, put = cuts[at]
        pieces.append(text[last:at])
        where.extend(range(last, at))
        if put != " " and at not in unguessed:
            guessed.append(len(where))
        pieces.append(put)
        where.extend([at] * len(put))
        last = at + size
    pieces.append(text[last:])
    where.extend(range(last, len(text)))
    return "".join(pieces), where, guessed


def _read_credits(text: str, *, source: str = "text", offset: int = 0, image: str | None = None,
                  caption: bool = False, plain: bool = False) -> list[Credit]:
    """`find_credits` of a text no line break cuts a credit of."""
    credits: list[Credit] = []
    taken = Intervals()   # sorted: each match is checked in logarithmic time (#12)
    if not might_have_credit(text) and not (caption and (_source_word(text) or " for " in text or " via " in text
                                                         or _dash_near_end(text) or _agency_ends(text))):
        return credits
    if "\r" in text:   # a CRLF line ends as a LF one; the same length, so spans still point into the text given
        text = text.replace("\r\n", " \n")
    wanted = _forms_worth_trying(text, caption=caption, plain=plain)
    for form, pattern in PATTERNS:
        if form not in wanted:
            continue
        accepted: list[tuple[int, int]] = []   # a pattern's own matches never overlap: checked against earlier forms
        for match in pattern.finditer(text):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            if form == "paren-credit" and "ourtesy" in match.group(0)[:14] and _keyword_holds(text, start, end):
                continue   # "Photo: Jane Doe (courtesy of the Hale family)": the keyword form's, its maker and lender
            org, written = match.groupdict().get("org"), ""
            if form == "keyword" and org is not None and org.startswith("CC") and LICENCE_END_RE.match(org):
                org = None   # "Photo: Jo Kline (CC BY 2.0)": the licence in brackets, kept in the words (newuser44d #10)
            if form == "keyword" and org is not None and org.casefold().startswith("courtesy"):
                # "Photo: Jane Doe (courtesy of the family)": the name, then who lent it, as after a comma (fixleft46a:
                # the name was lost, the bracket alone a credit naming no one)
                written, org = f"{match.group('value')}, {org.strip()}", None
            if form == "keyword" and org is not None and not is_org(org):
                continue   # "Photo: Jane Doe (left)": only an agency's or outlet's name in brackets is the organisation
            if form == "keyword" and org is not None and is_note(org) and org.strip().casefold() not in KEPT_ROLES:
                org = None   # "Photo: Jane Doe (archive)": a note in small letters, no organisation (credits29c #3)
            if form == "newsroom":
                found = _newsroom_credits(match, text, source=source, offset=offset, image=image)
                if found:
                    accepted.append((start, end))
                    credits += found
                continue
            if form == "video-still":
                if (account := platform_account([match["platform"], match["value"]])) is not None:
                    raw = text[start:end].strip()
                    first = start + text[start:end].index(raw)
                    accepted.append((start, end))
                    credits.append(Credit(raw=raw, source=source, span=(offset + first, offset + first + len(raw)),
                                          creator=account[0], organization=account[1], image=image, form=form,
                                          kind=SOCIAL_POST, split_confidence="high"))
                continue
            if form == "korean-bracket":
                if (bracket := _korean_bracket_credit(match, text, source=source, offset=offset, image=image,
                                                      caption=caption)) is not None:
                    accepted.append((start, end))
                    credits.append(bracket)
                continue
            written = written if form == "keyword" and match.group("org") and written else match.group("value")
            if form == "cjk-closing":
                if (closing := _cjk_closing_credit(match, text, source=source, offset=offset, image=image,
                                                   caption=caption)) is not None:
                    accepted.append((start, end))
                    credits.append(closing)
                continue
            if form == "desk-label":
                if (shot := _desk_label_credit(match, text, source=source, offset=offset, image=image)) is not None:
                    accepted.append((start, end))
                    credits.append(shot)
                continue
            if form == "picture-alliance":
                if (split := _picture_alliance_split(written)) is None:
                    continue
                raw = text[start:end].strip()
                unsure = None
                if split[0] and "|" in written and raw[:1] in "pP" and not is_first_name(split[0].split()[0]):
                    # no "Foto:" nor "©", no common first name: "picture alliance/dpa | Unsere Partner" is a menu's
                    # (review46h); "picture alliance/dpa | Uli Beispiel" a photographer's, not sure (review47a: it
                    # was dropped whole, agency and all)
                    if any(word.casefold() in _MENU_WORDS for word in split[0].split()):
                        continue
                    unsure = "uncertain"
                first = start + text[start:end].index(raw)
                accepted.append((start, end))
                credits.append(Credit(raw=raw, source=source, span=(offset + first, offset + first + len(raw)),
                                      creator=split[0], organization=split[1], image=image, form=form,
                                      split_confidence=unsure))
                continue
            if form == "slash" and (wider := _names_before(text, start, written)) is not None:
                start, written = wider   # "Jane Doe, John Roe/Reuters": the form read John Roe alone (review32r1)
            # "Photo: CC BY-SA 4.0 / Jo Kline": the licence was the creator (review45c); before a spaced dash ("CC BY
            # 2.0 — Jo Kline") or a space, it is dropped before the value is cut, or the cut left it alone (review46b)
            lead = licence.end() if "C" in written and (licence := LICENCE_START_RE.match(written)) is not None else 0
            if form == "keyword" and org is None and ((cut := _before_spaced_dash(written[lead:])) is not None
                                                     or (cut := _agency_before_prose(written[lead:])) is not None):
                written, end = written[:lead + cut], match.start("value") + lead + cut   # "Jane Doe / AFP — “œuvre”"
            written = written[lead:]
            if form == "keyword" and org is None and "|" in text[end:end + 3] \
                    and (piped := _across_pipe(text, end, written)) is not None:
                written, end = piped   # "Bild: Anna Beispiel | dpa", "Foto: dpa | Anna Beispiel" (fix47b #4)
            if "C" in written and (licence := LICENCE_END_RE.search(written)) is not None:
                if not written[:licence.start()].strip():
                    continue   # "Photo: CC BY 2.0": the terms of reuse alone name no one (review45c)
                written = written[:licence.start()]   # "Photo: Jo Kline, CC BY-SA 4.0": the licence is no name
            value = strip_prefix(written)   # "© Foto: Jane Doe / Magazin"
            if form == "slash" and value[:1] in "PF" and (word := PHOTO_BEFORE_NAME_RE.match(value)) is not None \
                    and names_an_agency(SEPARATOR_RE.split(value)[-1]):
                value = value[word.end():]   # AFP's "Photo Ludovic MARIN / AFP": no colon (newuser46a #1)
            # "Foto: privat", "Photo : dr": a label alone in small letters after a credit's word (newuser46a #6)
            if not (form == "keyword" and label_kind(value)) and not looks_like_credit_value(value, strict=form in STRICT_FORMS):
                if (lender := _lent_by(text[start:match.end("value")], value)) is not None:
                    accepted.append((start, end))   # a courtesy credit: kept, its words say who lent the picture
                    raw = text[start:end].strip()
                    first = start + text[start:end].index(raw)
                    credits.append(Credit(raw=raw, source=source, span=(offset + first, offset + first + len(raw)),
                                          image=image, form=form, kind="courtesy", organization=lender or None,
                                          split_confidence=split_confidence(None, lender, raw) if lender else None))
                continue
            if form == "keyword" and org is None and (chains := _chains(value)):
                accepted.append((start, end))
                credits += _chain_credits(text, match.start("value"), end, chains, source=source, offset=offset,
                                          image=image, head=start)
                continue
            if org is None and not value.isascii() and (came := _how_it_came(value)) is not None:
                accepted.append((start, end))   # "图/受访者提供": how the picture came, no photographer (review48a)
                if came != (None, None):
                    raw = text[start:end].strip()
                    first = start + text[start:end].index(raw)
                    credits.append(Credit(raw=raw, source=source, span=(offset + first, offset + first + len(raw)),
                                          image=image, form=form, organization=came[0], kind=came[1],
                                          split_confidence=split_confidence(None, came[0], raw) if came[0] else None))
                continue
            creator, organization = split_credit(value, org=org)
            if creator == "X" and organization is None and SCREENSHOT_RE.search(text, start, match.end("value")):
                # "Screenshot via X", "Photo: Screenshot via X", "(Screengrab via X)": the platform it was taken from
                # (newuser42a #9; review43a: only a "Screenshot" key was read so)
                creator, organization = None, "X"
            if form == "keyword" and org is not None and creator and "," not in creator \
                    and not may_name_a_person(creator):
                creator = None   # "Photo: Kyiv (Reuters)": a dateline's place before the agency, no one (credits30 #2)
            if (form == "picture-source" or form == "source" and not value.isascii()) and creator and not organization \
                    and split_confidence(creator, None, value) != "high":
                creator, organization = None, creator   # a picture's source is a supplier unless a person's name says not
            if not _acceptable(form, value, creator, organization, caption=caption):
                continue
            if form == "trailing" and _spelled_out_before(text, start, value):
                continue   # "the Environmental Protection Agency (EPA)": the acronym of words, no credit (credits36)
            if form == "copyright" and not _copyright_credits(text, start, end, creator, organization, caption=caption):
                continue
            if "C" in text[end:end + 6] and (licence := LICENCE_AFTER_RE.match(text, end)) is not None:
                end = licence.end()   # "Photo by Jo Kline on Flickr, CC BY 2.0": its licence kept (newuser44d #10)
            accepted.append((start, end))
            whole = text[start:end]
            raw = whole.strip()
            # the span is exactly the raw text: without the blanks around it (a CRLF line's "\r" among them)
            first = start + len(whole) - len(whole.lstrip())
            # "Reuters and Camera Club/AP": an organisation listing more than one, which `_chains` could not part
            unsure = "uncertain" if organization and "/" in organization and CHAIN_SEPARATOR_RE.search(organization) \
                else None
            credits.extend(Credit(
                raw=raw, source=source, span=(offset + first, offset + first + len(raw)),
                creator=person, organization=organization, image=image, form=form, split_confidence=unsure,
            ) for person in people_named(creator))
            if form == "keyword":
                credits += _listed_after(text, end, accepted, source=source, offset=offset, image=image)
        taken.extend(accepted)
    if caption and not credits or plain:
        credits += _sentence_end_credits(text, taken, caption=caption, source=source, offset=offset, image=image)
    return _fullest_per_creator(sorted(credits, key=lambda c: c.span), _paragraphs(text, offset) if plain else None)


NEWSROOM_RE = dict(PATTERNS)["newsroom"]


# Chinese and Japanese words after a credit's label saying how the picture came, not who made it (review48a): each
# was read as a photographer's name. "受访者提供" (provided by the interviewee) names the lender; "本報資料照片" (this
# paper's file photo), "新华社资料照片" (Xinhua's) whose file; "取自臉書" (taken from Facebook) and "翻攝自臉書"
# (reshot from it) the source; "新华社发" (released by Xinhua) the agency; "网络" (the internet) no one.
_CAME_FROM_RE = LazyPattern(r"(?P<how>取自|翻[攝摄]自?|截[图圖]自?|截自|擷取自)(?P<org>.+)")
_CAME_FILE_RE = LazyPattern(r"(?P<org>.*?)[资資]料(?:照片?|[图圖]片?|相片|写真|画像)?")
_CAME_NO_ONE = frozenset("网络 網路 網絡 网络图片 網路圖片 網絡圖片 网图 網圖 本报 本報 报系 報系 本社".split())


def _how_it_came(value: str) -> tuple[str | None, str | None] | None:
    """(organisation, kind) of a Chinese or Japanese credit's value that says how the picture came (`_CAME_FROM_RE`,
    `_CAME_FILE_RE`, "…提供", "…发"), (None, None) for one naming no one ("网络"), None for any other value (a name,
    read as before)."""
    words = value.strip(ENDS).replace(" ", "").replace("\u3000", "")
    if words in _CAME_NO_ONE:
        return None, None
    if words.endswith("提供"):
        return _named(words[:-2]), "courtesy"
    if (filed := _CAME_FILE_RE.fullmatch(words)) is not None:
        return _named(filed["org"]), "file"
    if (came := _CAME_FROM_RE.fullmatch(words)) is not None:
        return came["org"], SCREENSHOT if came["how"][0] in "翻截" else None
    if words[-1:] in "发發" and is_known_org(words[:-1]):
        return words[:-1], None
    return None


def _named(words: str) -> str | None:
    """The organisation a lender's or a file's words name, None for this paper's own ("本報") or none."""
    return words if words and words not in _CAME_NO_ONE else None


def _desk_label_credit(match: re.Match[str], text: str, *, source: str, offset: int, image: str | None) -> Credit | None:
    """The credit of a "desk-label" match: a screenshot (kind "screenshot", where it was taken from its organisation,
    an account's post kind "social-post") or a file photo (kind "file", the names after it split as a credit's), or
    None when the words after the label are no credit's ("Capture d'écran de la vidéo publiée hier…")."""
    value = (match["value"] or "").strip()
    if value and not looks_like_credit_value(value, strict=True) and not (value == "X" or _platform_named(value)):
        return None
    screenshot = not (match["key"] or match["bare"]).casefold().startswith("photo")
    if not value and not screenshot:
        return None
    creator, organization = split_credit(value) if value else (None, None)
    if screenshot and creator is not None and platform_account([organization or "", creator]) is None:
        organization, creator = as_written(value, [p for p in SEPARATOR_RE.split(value) if p.strip()]), None
    if screenshot and creator is None and organization is None and value:
        organization = value   # "Capture d'écran X": the platform, a lone "X" no name rule reads
    start, end = match.span()
    raw = text[start:end].strip()
    first = start + text[start:end].index(raw)
    kind = (SOCIAL_POST if creator else "screenshot") if screenshot else "file"
    return Credit(raw=raw, source=source, span=(offset + first, offset + first + len(raw)), creator=creator,
                  organization=organization, image=image, form="desk-label", kind=kind,
                  split_confidence=split_confidence(creator, organization, raw) if creator or organization else None)


def _cjk_closing_credit(match: re.Match[str], text: str, *, source: str, offset: int, image: str | None,
                       caption: bool) -> Credit | None:
    """The credit of a "cjk-closing" match, a Japanese caption's agency after "＝" or in brackets ("…＝共同",
    "（ロイター＝共同）"), its full-width letters read as letters ("＝ＡＰ": AP); None when a part names no known
    agency ("＝東京都", "（東京都港区）"), the brackets are outside a caption, or the words before are not Japanese's
    or Korean's ("(AP)" after English words is the trailing form's)."""
    start, end = match.span()
    before = text[:start].rstrip(" \t\u00a0/／")
    if not before or not _CJK_LETTER_RE.match(before[-1]) or (match["open"] or match["square"]) and not caption:
        return None
    value = unicodedata.normalize("NFKC", match["value"]).strip()
    kind = None
    if (filed := _FILE_LABEL_END_RE.search(value)) is not None:   # "[EPA=연합뉴스 자료사진]": a file photo (review48a)
        value, kind = value[:filed.start()], "file"
    parts = [part.strip() for part in re.split(r"[=]", value)]
    if not all(part and is_known_org(part) for part in parts):
        return None
    raw = text[start:end].strip()
    first = start + text[start:end].index(raw)
    organization = "＝".join(parts)
    return Credit(raw=raw, source=source, span=(offset + first, offset + first + len(raw)), organization=organization,
                  image=image, form="cjk-closing", kind=kind, split_confidence=split_confidence(None, organization, raw))


# A file photo's label ending a caption's agencies, "연합뉴스 자료사진", "新华社资料照片": no part of the name (review48a)
_FILE_LABEL_END_RE = LazyPattern(r"\s*(?:자료\s?사진|[资資]料(?:照片?|[图圖]片?|写真)?)$")


# A letter of a script that parts no words by spaces, or Hangul: what a "cjk-closing" credit follows (late47a #1)
_CJK_LETTER_RE = LazyPattern(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff01-\uff5e]")


def _korean_bracket_credit(match: re.Match[str], text: str, *, source: str, offset: int,
                           image: str | None, caption: bool) -> Credit | None:
    """The credit of a "korean-bracket" match: who provided the photo ("[사진 서울시 제공]", kind "courtesy") or whose
    file photo it is ("[연합뉴스 자료사진]", kind "file"), an organisation, sure when a known or plain one ("연합뉴스",
    "서울시청" a public body's name alone is not sure); None when the words are no credit's name (a sentence)."""
    if match["lender"] is not None and match["photo"] is None and not caption:
        return None   # "[서울시 제공]", Yonhap's form, in a caption; in prose "(정부가 예산 제공)" provides money (review48a)
    value = (match["lender"] if match["lender"] is not None else match["filed"]).strip()
    if not value or value == "사진" or len(value.split()) > 3 or not looks_like_credit_value(value, strict=True):
        return None   # "(사진 제공)": a photo provided, by no one named
    start, end = match.span()
    raw = text[start:end].strip()
    first = start + text[start:end].index(raw)
    return Credit(raw=raw, source=source, span=(offset + first, offset + first + len(raw)), organization=value,
                  image=image, form="korean-bracket", kind="courtesy" if match["lender"] is not None else "file",
                  split_confidence="high" if is_org(value) else "uncertain")


def _platform_named(value: str) -> bool:
    """Is a value a platform's name alone ("Telegram", "YouTube")?"""
    return value.strip(ENDS).casefold() in PLATFORMS


# A site's menu words, in German and English, after picture alliance's pipe with no credit word before it ("picture
# alliance/dpa | Unsere Partner"): no photographer's name (review46h, review47a)
_MENU_WORDS = frozenset("""unsere unser alle mehr weitere über ueber uns partner partnern marken angebote angebot
kontakt impressum datenschutz startseite newsletter abo abos themen nachrichten service hilfe suche jobs karriere presse
mediadaten shop login anmelden our all more about us partners contact privacy home news services help search""".split())


def _picture_alliance_split(value: str) -> tuple[str | None, str] | None:
    """(creator, organization) of picture alliance's credit ("picture alliance/dpa | Max Mustermann"): every part but
    a last one a person's name is an agency's or an organisation's, and the words after a pipe are a person's name;
    None when it reads otherwise ("picture alliance | Startseite": a site's menu), left to the other forms."""
    if "|" in value:
        # its partner agency before the pipe, whatever its name ("picture alliance / Flashpic | Jens Krick": Flashpic
        # was read as the photographer), the photographer after it
        before, after = (part.strip(ENDS) for part in value.rsplit("|", 1))
        return (after, before) if may_name_a_person(after) and not is_org(after) else None
    creator, organization = split_credit(value)
    if organization is None or not all(is_org(part.strip(ENDS)) for part in SEPARATOR_RE.split(organization)
                                       if part.strip(ENDS)):
        return None
    if creator is not None and not (may_name_a_person(creator) and value.rstrip(ENDS).endswith(creator)):
        return None
    return creator, organization
# The photo's word before a name with no colon, as AFP writes its credits: "Photo Ludovic MARIN / AFP" (newuser46a #1)
PHOTO_BEFORE_NAME_RE = LazyPattern(r"(?:Photo|PHOTO|Foto|FOTO)[ \t\u00a0]+(?=[A-Z])")


def newsroom_kind(key: str) -> str:
    """The kind a newsroom credit line's opening words say: "staff", "file" (a staff file photo), "submitted" or
    "contributed"."""
    words = key.casefold().split()
    return "file" if "file" in words else "staff" if words[0] == "staff" else \
        "submitted" if "submitted" in words else "contributed"


# A Creative Commons licence right after a credit ("…on Flickr, CC BY 2.0", "…(CC BY-SA 4.0)"): the picture's terms of
# reuse, kept in the credit's words. Its tail: where the credit's sentence ends.
# A licence's own name after its version ("4.0 International", "3.0 Unported", "2.0 Generic", "… License", "… Deed"):
# no organisation, no part of a name (review46e)
_TAIL = rf"(?>(?:{SP}+(?:International|Unported|Generic)(?!\w))?(?:{SP}+(?:[Ll]icen[cs]e|[Dd]eed)(?!\w))?)"
LICENCE_AFTER_RE = LazyPattern(rf",?{SP}*(?P<open>\()?(?:CC{SP}+BY(?:-(?:SA|NC|ND|NC-SA|NC-ND))?(?:{SP}+\d\.\d)?{_TAIL}|CC0(?:{SP}+1\.0)?)"
                               rf"(?(open)\))(?={SP}*(?:$|[\n.;)|\]]))", re.MULTILINE)

# A licence's port to a country or to international organisations ("CC BY-SA 3.0 DE", "CC BY 3.0 IGO"), before a mark
_PORT = rf"(?:{SP}+(?:[A-Z]{{2}}|IGO)(?={SP}*(?:$|[/|,;:–—)-])))?"
LICENCE_START_RE = LazyPattern(rf"{SP}*\(?(?:CC(?:{SP}+|-)BY(?:-(?:SA|NC|ND|NC-SA|NC-ND))?(?:{SP}+\d\.\d)?{_PORT}{_TAIL}"
                               rf"|CC0(?:{SP}+1\.0)?)\)?(?!-(?:SA|NC|ND)(?!\w))"   # never "CC BY" of "CC BY-SA" (review46e)
                               rf"(?:{SP}*[/|,;:–—-]{SP}*(?=\S)|{SP}+(?:by{SP}+)?(?=[^\W\d_]))")
LICENCE_END_RE = LazyPattern(rf",?{SP}*\(?(?:CC(?:{SP}+|-)BY(?:-(?:SA|NC|ND|NC-SA|NC-ND))?(?:{SP}+\d\.\d)?{_PORT}{_TAIL}"
                             rf"|CC0(?:{SP}+1\.0)?)\)?"
                             rf"{SP}*$")


def _newsroom_credits(match: re.Match[str], text: str, *, source: str, offset: int, image: str | None) -> list[Credit]:
    """The credits of a US newspaper's own credit line (the "newsroom" form): "Staff photo by Dale Hunt" (the paper's
    photographer: kind "staff"), "Staff file photo" (kind "file"), "Submitted photo" and "Contributed photo" (sent in
    by a reader: kinds "submitted" and "contributed", who made it not known, never a person named "Submitted"), "Photo
    submitted by the Harlow 4-H Club" (who sent it in, as a courtesy credit's lender: the organisation, no creator).
    None of them when the words after "by" are no name (newuser44d #3)."""
    key, value = match["key"].casefold().split(), match["value"]
    kind = newsroom_kind(match["key"])
    sender = key[0].startswith("photo")
    if sender and value is None or value is not None and not looks_like_credit_value(value, strict=True):
        return []
    start, end = match.span()
    raw = text[start:end]
    span = (offset + start, offset + end)
    if value is None:
        return [Credit(raw=raw, source=source, span=span, image=image, form="newsroom", kind=kind)]
    if sender:
        return [Credit(raw=raw, source=source, span=span, image=image, form="newsroom", kind=kind,
                       organization=value, split_confidence=split_confidence(None, value, raw))]
    creator, organization = split_credit(value)
    return [Credit(raw=raw, source=source, span=span, image=image, form="newsroom", kind=kind, creator=person,
                   organization=organization) for person in people_named(creator)]


# A screenshot's word, whichever credit word comes first ("Photo: Screenshot via X"), or a video still's ("Video still
# via X"): what it shows came from a platform, which a lone "X" then names
SCREENSHOT_RE = LazyPattern(SCREEN_CAPTURE, re.IGNORECASE)


COURTESY_OF_RE = LazyPattern(rf"(?<!\w)courtesy(?:{SP}+of)?{SP}+(?P<lender>\S.*)$", re.IGNORECASE)




# The names after a pipe a keyword credit's value stops at (`_across_pipe`), up to the line's or sentence's end
PIPED_RE = LazyPattern(rf"{SP}*\|{SP}*(?P<value>[^\n|()\[\]<>;]{{2,60}}?){SP}*(?=$|\n|\||;|\.(?:{SP}|$))", re.MULTILINE)


def _across_pipe(text: str, at: int, value: str) -> tuple[str, int] | None:
    """A keyword credit's value joined by a slash to the names after the pipe at `at`, and where those end, when
    they are its agency (a known agency after a person's name: "Bild: Anna Beispiel | dpa") or its photographer (a
    common first name and a surname after an agency alone: "Foto: dpa | Anna Beispiel"); else None. The value stopped
    at the pipe, after which a site's menu stands as often ("Foto: dpa | Startseite"), so the credit lost its agency
    or photographer (fix47b #4). picture alliance's own credit after a pipe is its form's (`_picture_alliance_split`)."""
    piped = PIPED_RE.match(text, at)
    if piped is None:
        return None
    before, after = value.strip(ENDS), piped["value"].strip(ENDS)
    if "lliance" in after or "LLIANCE" in after or not looks_like_credit_value(after, strict=True):
        return None
    creator, organization = split_credit(before)
    if creator and not organization and names_an_agency(after) and is_known_org(after):
        return f"{before} / {after}", piped.end("value")
    words = after.split()
    if not creator and organization and names_an_agency(organization) and 2 <= len(words) <= 3 \
            and is_first_name(words[0]) and is_persons_name(after) and not is_org(after):
        return f"{before} / {after}", piped.end("value")
    return None


def _keyword_holds(text: str, start: int, end: int) -> bool:
    """Whether a keyword credit of the same line naming a person ends with the bracket at `start`-`end` as its
    organisation's ("Photo: Jane Doe (courtesy of the Hale family)"): the bracket's own form read the lender alone,
    the maker's name lost (review46f; fixleft46a kept it only where the bracket named no lender)."""
    keyword = dict(PATTERNS)["keyword"]
    line, stop = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    return any(found.start() < start and found.start("org") > start and found.end("org") < end
               and may_name_a_person(found.group("value").strip(ENDS)) for found in keyword.finditer(text, line, len(text) if stop < 0 else stop) if found.group("org"))


def _reads_as_lender(lender: str) -> bool:
    """Do the words after a name's ", courtesy of" read as who lent the picture: an organisation ("Jane Doe
    Photography", "the Riverton Museum", itself read as strictly as a credit: "the mayor's office staff and his friends"
    is a sentence's words), a family or collection named by its name ("the Hale family"), or who stands to the story
    ("the family", "her family": `UNNAMED_RE`)?"""
    return is_org(lender) and looks_like_credit_value(lender, strict=True) \
        or NAMED_LENDER_RE.fullmatch(lender) is not None or UNNAMED_RE.fullmatch(lender) is not None


def _lent_by(words: str, value: str) -> str | None:
    """Who lent the picture, when a courtesy credit's value names a lender no name rule reads: "" for one named by no
    name (`_lent_by_no_one`), the family's words for "the Hale family" (`NAMED_LENDER_RE`); None: no such credit."""
    if _lent_by_no_one(words, value):
        return ""
    lent = COURTESY_OF_RE.search(words)
    lender = value.strip(ENDS)
    return lender if lent is not None and lent["lender"].strip(ENDS) == lender and NAMED_LENDER_RE.fullmatch(lender) \
        else None


def _lent_by_no_one(words: str, value: str) -> bool:
    """Is a credit's value who lent the picture, in small letters ("Photo: courtesy of the family"), or the picture
    itself ("Courtesy photo")? No name rule reads it, and it gave no credit in a caption (newuser35b #11, credits38).
    As "Photo by the author" in a credit element
    (credits30 #4), it is a credit naming no one by name: kept, with no creator and no organisation, its kind
    "courtesy"; its words say who."""
    lent = COURTESY_OF_RE.search(words)
    lender = value.strip(ENDS)
    # "Courtesy photo" unbracketed: the picture lent, by no one named, as "(Courtesy photo)" (credits38: no credit)
    return lent is not None and lent["lender"].strip(ENDS) == lender and (
        names_no_one(lender) and len(lender.split()) <= 4 or lender.casefold() in PICTURE_ITSELF)


# Where a label stands in a credit's words: a part between its slashes, commas, brackets or colons, or before "via".
LABEL_PARTS_RE = re.compile(r"[/,|()\[\]:：]|\s+via\s+|\s+[-–—]\s+", re.IGNORECASE)
# "courtesy" where a lender's name or "of" follows it ("Courtesy Jim Smith", "Photo courtesy of the family", "Courtesy
# photo"); ending a name it is a surname ("Photo: Jim Courtesy", "Jane Courtesy/AFP": credits36)
COURTESY_RE = LazyPattern(rf"(?<!\w)courtesy{SP}+(?=\w)", re.IGNORECASE)
# "الصورة من أرشيف رويترز": the photo, from Reuters' archive
FROM_THE_ARCHIVE_RE = LazyPattern(r"صورة\s+من\s+[أا]رشيف")
ROLE_KINDS = {"file": "file", "files": "file", "handout": "handout", "ho": "handout"}
# A creator that is the picture itself names no one ("Courtesy photo", "Courtesy image")
PICTURE_ITSELF = frozenset("photo photos photograph image images picture pictures pic foto fotos".split())


# The kind of a credit naming a platform and an account on it: a screenshot of, or the picture of, that account's post
SOCIAL_POST = "social-post"


def labelled(credit: Credit, *, lang: str | None = None) -> Credit:
    """A credit whose label (`credit_names.LABELS`: file photo, Archiv, Symbolbild, DR, Cedida...) is its `kind`, not its
    creator or organisation; and the kind its words otherwise say ("(AP Photo/Jane Doe, File)", "(Photo by Handout /
    ...)", "courtesy of"). A credit that then names no one keeps no split confidence: "Foto: Archiv" was an
    organisation, `high` (newuser35b #1, #3, #9). `lang`: the page's language, which reads "DR" (`_dr_reading`)."""
    reading = _dr_reading(credit.raw, lang)
    doubt = reading == "doubt"

    def kind_of(words: str) -> str | None:
        return None if reading in ("doubt", "broadcaster") and words.strip(ENDS) == "DR" else label_kind(words)
    creator, organization = credit.creator, credit.organization
    kind = kind_of(creator) if creator else None
    if kind or creator and creator.strip(ENDS).casefold() in PICTURE_ITSELF:
        creator = None   # "(Courtesy photo)": "photo" is the picture, no one who made it (credits37)
    if organization and organization.strip(ENDS).casefold() in PICTURE_ITSELF:
        organization = None
    if organization:
        parts = [p.strip(ENDS) for p in SEPARATOR_RE.split(organization) if p.strip(ENDS)]
        labels = [p for p in parts if kind_of(p) and p.casefold() not in KEPT_ROLES]
        kind = kind or next((kind_of(p) for p in parts if kind_of(p)), None)
        if labels:
            kept = [p for p in parts if p not in labels]
            organization = as_written(organization, kept) if kept else None
    if organization and creator and creator.strip(ENDS).casefold() in SCREENSHOT_WORDS:
        # "Photo: Reuters / Screenshot", "Фото: Скриншот / Telegram": the kind beside the organisation, no one's name
        # (review46f: "Screenshot" was the creator)
        creator, kind = None, kind or SCREENSHOT
    if organization and creator and (parts := [p.strip(ENDS) for p in SEPARATOR_RE.split(organization)
                                                if p.strip(ENDS)]) and (shots := [p for p in parts if p.casefold()
                                                                                  in SCREENSHOT_WORDS]):
        # "Photo: Jane Doe / Screenshot", "Фото: Олена Коваль / Скриншот": the kind, not an organisation (review45a)
        kept = [p for p in parts if p not in shots]
        organization, kind = (as_written(organization, kept) if kept else None), kind or SCREENSHOT
    elif organization and creator and (via := SCREENSHOT_VIA_RE.match(organization)) is not None:
        # "Photo: Jane Doe/Screenshot via X": taken from the platform named (the organisation was "Screenshot via X")
        organization, kind = organization[via.end():].strip(ENDS) or None, kind or SCREENSHOT
    kind = kind or _kind_in(credit.raw, kind_of, creator)
    if kind == REPRODUCTION and creator and not organization:
        # "Joana Reis/Reprodução": a picture reproduced from hers (her account, her album), as "Reprodução/Joana Reis"
        # is; who made it is not said, so she is not said to be its photographer (review46a)
        return evolve(credit, creator=None, organization=creator, kind=kind,
                      split_confidence=split_confidence(None, creator, credit.raw))
    if kind == REPRODUCTION and organization and not creator:
        parts = [p.strip(ENDS) for p in SEPARATOR_RE.split(organization) if p.strip(ENDS)]
        if (account := platform_account(parts)) is not None:
            # "Reprodução/Twitter @name", "Reprodução/Instagram/@name": that account's post (newuser45a #5)
            return evolve(credit, creator=account[0], organization=account[1], kind=SOCIAL_POST, split_confidence="high")
        if len(parts) == 1 and platform_account([organization, "@a"]) is not None:
            # "Reprodução/X", "Reprodução/Instagram": taken from the platform, its account not named
            return evolve(credit, creator=None, organization=organization, kind=kind, split_confidence="high")
    if kind is None and creator and not organization and "@" in creator \
            and (on := ACCOUNT_ON_RE.fullmatch(creator.strip(ENDS))) is not None \
            and (account := platform_account([on["platform"] or on["platform2"], on["account"] or on["account2"]])) \
            is not None:
        # "Photo: Instagram: @jane", "Photo: @jane on Instagram": the account's post, as "@jane/Instagram" (review45c:
        # one creator of the whole words, "not sure")
        return evolve(credit, creator=account[0], organization=account[1], kind=SOCIAL_POST, split_confidence="high")
    if kind is None and creator and not organization and (filed := FILE_OF_RE.fullmatch(creator.strip(ENDS))):
        return _file_of(credit, filed["owner"])
    if kind is None and creator and organization and (filed := FILE_OF_RE.fullmatch(creator.strip(ENDS))) \
            and PERSON_RE.fullmatch(organization.strip(ENDS)) and not is_org(organization):
        # "Archivo Clarín / Juan Pérez": Clarín's file photo, by the name after it; "Archivo Clarín" was the
        # photographer, and "Juan Pérez" an organisation (review46a). Which is which is read from the words: unsure.
        owner = filed["owner"].strip(ENDS)
        own = owner.split()[0].casefold() in ARCHIVES_OWN_WORDS
        return evolve(credit, creator=organization, organization=creator.strip(ENDS) if own else owner,
                      kind=None if own else "file", split_confidence="uncertain")
    if kind == "courtesy" and creator and (lent := COURTESY_RE.search(credit.raw)) \
            and credit.raw.find(creator, lent.end()) >= 0 and credit.raw.find(creator, 0, lent.start()) < 0:
        # "Photo courtesy of Rob Hale": who lent the picture, a source, not who made it (newuser42a #6); the name
        # before "courtesy" stays the creator ("Jane Doe, courtesy of the Riverton Museum"), her name in the lender's
        # too ("Photo by Jane Doe, courtesy of Jane Doe Photography": her studio, fixleft44a)
        organization = as_written(credit.raw, [creator, organization]) if organization else creator
        return evolve(credit, creator=None, organization=organization, kind=kind,
                      split_confidence=split_confidence(None, organization, credit.raw))
    if doubt and "DR" in (creator, *SEPARATOR_RE.split(organization or "")):
        # the broadcaster, or no one named: the split is a guess, and said to be one (review35r4)
        return evolve(credit, creator=creator, organization=organization, kind=kind, split_confidence="uncertain")
    if kind in (None, SCREENSHOT) and creator and organization and (platform_account([organization, creator]) is not None or re.search(
            rf"(?<![\w.]){re.escape(organization)}\.(?:com|net|app|org)/{re.escape(creator)}(?![\w.])", credit.raw,
            re.IGNORECASE) and platform_account([f"{organization}.com", creator]) is not None):
        kind = SOCIAL_POST   # "Screenshot: Threads/@jane": the account's post, taken from the platform (newuser44c #4)
    if kind in (None, SCREENSHOT) and _says_screenshot(credit.raw) and not (creator or "").startswith("@") \
            and not _named_before_screenshot(credit.raw, creator):
        return _screenshot(credit, creator, organization)
    if kind is None and (creator, organization) == (credit.creator, credit.organization):
        return credit
    if kind == SCREENSHOT and creator:
        # "Photo: Jane Doe / Screenshot", "Jane Doe/Screenshot via X": whose post or video is pictured, or who took
        # the screenshot: not said
        return evolve(credit, creator=creator, organization=organization, kind=kind, split_confidence="uncertain")
    renamed = (creator, organization) != (credit.creator, credit.organization)
    return evolve(credit, creator=creator, organization=organization, kind=kind,
                  split_confidence=None if renamed else credit.split_confidence)


# A screenshot's words in English, German, French, Russian and Ukrainian (newuser46a #7; "captura" is a label,
# `credit_names.LABELS`). Not a video still: a frame of a video, not a capture of a screen.
SCREENSHOT_WORD_RE = LazyPattern(r"(?<!\w)(?:screen[ -]?(?:shot|grab|capture)s?|bildschirmfoto|capture[ \t\u00a0]+d['’][ée]cran"
                                 r"|скр[иі]ншот)", re.IGNORECASE)


_SHOT_LABEL_RE = LazyPattern(r"^(?:screen[ -]?(?:shot|grab|capture)s?|bildschirmfoto|capture[ \t\u00a0]+d['’][ée]cran"
                             r"|скр[иі]ншот|foto|bild|photo|image)[ \t\u00a0]*[:：][ \t\u00a0]*", re.IGNORECASE)


def _says_screenshot(raw: str) -> bool:
    """Do a credit's words say its picture is a screenshot (`SCREENSHOT_WORD_RE`)? Asked by a substring first."""
    return ("creen" in raw or "CREEN" in raw or "chirmfoto" in raw or not raw.isascii()) \
        and SCREENSHOT_WORD_RE.search(raw) is not None


def _named_before_screenshot(raw: str, creator: str | None) -> bool:
    """Is a credit's creator named before its screenshot word ("Photo: Jane Doe / Screenshot")? Then the name stays,
    its role not said (fixleft46a's reading); only a screenshot word before or as the credit names no one."""
    shot = SCREENSHOT_WORD_RE.search(raw)
    return bool(creator) and shot is not None and 0 <= raw.find(creator or "") < shot.start()


def _screenshot(credit: Credit, creator: str | None, organization: str | None) -> Credit:
    """A screenshot's credit: kind "screenshot", who made the picture not said, where it was taken from (a platform,
    a channel) its organisation ("Foto: Screenshot Telegram/Kanal Beispiel": the channel was the creator; "Bild:
    Bildschirmfoto/Telegram": the word), newuser46a #7."""
    # a part opening with its own label ("Bildschirmfoto: Hans Müller", "Foto: Hans Müller") without it (review46h)
    parts = [p for p in (_SHOT_LABEL_RE.sub("", p) if p else p for p in (organization, creator))
             if p and not label_kind(p) and not SCREENSHOT_WORD_RE.fullmatch(p)]
    parts.sort(key=lambda p: credit.raw.find(p))
    where = as_written(credit.raw, parts) if parts else None
    sure = None if where is None else "high" if where == "X" or is_org(where) or _platform_named(where) \
        or names_an_agency(where) else "uncertain"
    named = [p.strip(ENDS) for p in SEPARATOR_RE.split(where or "") if p.strip(ENDS)]
    if sure == "high" and any(map(is_persons_name, named)) and not any(map(_platform_named, named)):
        sure = "uncertain"   # "Screenshot: Hans Müller/dpa": a person beside the agency, whose screen or shot (review47a)
    if sure == "high" and len(named) == 1 and org_named_like_a_person(named[0]):
        sure = "uncertain"   # "Screenshot: Hans Lucas": the collective, or a man of that name, as after "Foto:" (fix47b #9)
    return evolve(credit, creator=None, organization=where, kind=SCREENSHOT, split_confidence=sure)


# A file photo of an outlet or agency as Spanish and Portuguese captions write it: "Foto: Archivo Clarín", "Arquivo O
# Globo", "Archivo EFE" (newuser45a #7: "Archivo Clarín" was read as a person). An archive's own name is no such
# credit: "Archivo General de la Nación", "Arquivo Nacional", "Archivo Histórico Municipal" name the archive itself.
FILE_OF_RE = LazyPattern(r"(?:Archivo|Arquivo|ARCHIVO|ARQUIVO)[ \t\u00a0]+(?P<owner>[A-Z\u00c0-\u00de][^/|]{1,40})")
ARCHIVES_OWN_WORDS = frozenset("general nacional histórico histórica municipal provincial público pública central regional "
                               "estadual estatal fotográfico gráfico de del do da dos das".split())
REPRODUCTION = "reproduction"
# "Instagram: @jane", "@jane on Instagram": an account on a platform, in a credit's one part (`platform_account` decides)
ACCOUNT_ON_RE = LazyPattern(r"(?P<platform>[^:@]{1,30}?)[ \t\u00a0]*:[ \t\u00a0]*(?P<account>@\S+)"
                            r"|(?P<account2>@\S+)[ \t\u00a0]+on[ \t\u00a0]+(?P<platform2>\S.{0,29})")
SCREENSHOT = "screenshot"
# A screenshot's own words standing as a part after a name (English, Ukrainian, Russian); before one ("Screenshot via
# X", "Screenshot: Threads/@jane") they stay credit words, as they were read
SCREENSHOT_WORDS = frozenset({"screenshot", "screen shot", "screengrab", "screen grab", "скриншот", "скріншот"})
SCREENSHOT_VIA_RE = LazyPattern(r"(?:screen[ \t\u00a0]?shot|screen[ \t\u00a0]?grab|скриншот|скріншот)[ \t\u00a0]+via[ \t\u00a0]+",
                                re.IGNORECASE)


def _file_of(credit: Credit, owner: str) -> Credit:
    """A credit "Archivo <owner>": a file photo of the owner named, or (an archive's own name) the archive as its
    organisation, never a person's name."""
    if owner.split()[0].casefold() in ARCHIVES_OWN_WORDS:
        return evolve(credit, creator=None, organization=credit.creator, split_confidence="uncertain")
    return evolve(credit, creator=None, organization=owner, kind="file",
                  split_confidence=split_confidence(None, owner, credit.raw))


# "Foto: DR": Danish for a photo of DR (Danmarks Radio, the broadcaster) as often as Portuguese for "direitos
# reservados" (rights reserved). French writes "Photo : DR", "Crédit : DR", "© DR": the label there.
FOTO_RE = LazyPattern(r"(?<!\w)Foto(?!\w)", re.IGNORECASE)


def _dr_in_doubt(raw: str) -> bool:
    """Whether a bare "DR" in a credit's words may be the Danish broadcaster as well as "rights reserved": after
    "Foto" (review35r4: fixnu35a read "Foto: DR" as the label, and the broadcaster's credit lost its name)."""
    return "DR" in raw and FOTO_RE.search(raw) is not None


# The page languages in which a credit's "DR" is "rights reserved" (French "droits réservés", Portuguese "direitos
# reservados"), and the one in which it is the broadcaster (Danish: Danmarks Radio), fix47b #3
DR_RESERVED_LANGUAGES = frozenset({"fr", "pt"})
DR_BROADCASTER_LANGUAGES = frozenset({"da"})


def _dr_reading(raw: str, lang: str | None) -> str | None:
    """How a credit's "DR" is read: "broadcaster" on a Danish page ("Foto: DR", "© DR"), the label on a French or
    Portuguese one, "doubt" where no language says and a "Foto" before it may be either (`_dr_in_doubt`), else None
    (the label, as "Photo : DR")."""
    if "DR" not in raw:
        return None
    if lang in DR_BROADCASTER_LANGUAGES:
        return "broadcaster"
    return None if lang in DR_RESERVED_LANGUAGES or not _dr_in_doubt(raw) else "doubt"


def _kind_in(raw: str, kind_of: Callable[[str], str | None] = label_kind, creator: str | None = None) -> str | None:
    """The kind a credit's words say its picture is, a label standing as a part of them (`kind_of`), or None. A
    "courtesy" inside the creator's name is a surname ("Jim Courtesy Smith": credits36)."""
    words = without_marks(raw)
    if _NEWSROOM_RE.search(words) and (line := NEWSROOM_RE.search(words)) is not None:
        return newsroom_kind(line["key"])   # "Staff photo by Dale Hunt" read whole by a credit element (newuser44d #3)
    for part in LABEL_PARTS_RE.split(words):
        whole, part = part.strip(ENDS), strip_prefix(part).strip(ENDS)
        if not part:
            # a label that is a credit word too, standing alone: "Jane Doe, courtesy" (credits37)
            if whole and (kind := kind_of(whole)):
                return kind
            continue
        if kind := kind_of(part) or ROLE_KINDS.get((without_role(part)[1] or "").casefold()):
            return kind
    if COURTESY_RE.search(words) and "courtesy" not in (creator or "").casefold().split():
        return "courtesy"
    return "file" if not words.isascii() and FROM_THE_ARCHIVE_RE.search(words) else None


def last_sentence(text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Where the last sentence of text[start:end] stands, after its other words, a stop after it aside ("Crowds
    gather at the square. Getty Images", newuser27 #8; "A ship at sea. Royal Navy/Handout via REUTERS", wire28);
    None when the words are one sentence. Only the last 80 characters are looked in: a credit is shorter. An
    initial's stop ends no sentence ("U.S. Navy/Handout via REUTERS"). No regex: every caption asks (#14)."""
    end = len(text) if end is None else end
    while end > start and text[end - 1] in " \t\u00a0.":
        end -= 1
    floor, at = max(start, end - 80), end
    while (cut := max(text.rfind(". ", floor, at), text.rfind("! ", floor, at), text.rfind("? ", floor, at))) >= 0:
        if text[cut] == "." and cut > start and text[cut - 1].isupper() \
                and (cut == start + 1 or not text[cut - 2].isalpha()):
            at = cut   # "U.S.", "J.": an initial
            continue
        first = cut + 2
        while first < end and text[first] in " \t\u00a0":
            first += 1
        return (first, end) if first < end else None
    return None


# A file photo and whose file it is, ending a caption: "File photo / The Daily Courier"
FILED_FROM_RE = LazyPattern(rf"(?i:{FILED_PICTURE}){SP}*/{SP}*(?P<org>The(?:{SP}+[A-Z][\w&.'’-]*){{1,4}}|[A-Z][\w&.'’-]*"
                            rf"(?:{SP}+[A-Z][\w&.'’-]*){{0,4}})")


def sentence_end_credit(sentence: str, *, caption: bool) -> tuple[str | None, str | None, str | None] | None:
    """(creator, organization, split confidence when the reading sets it) of a last sentence after a caption's words
    (`last_sentence`) that is a credit, or None. It names an agency, as a slash credit in prose does ("Royal
    Navy/Handout via REUTERS", "Reuters TV/Reuters"); in a caption whoever made the picture, a person or not, and a
    person's name for an outlet too ("Jane Doe for The New York Times", `person_for_outlet`), `uncertain` unless a
    common first name starts it ("Lee Example for The Herald" is a name only by its capitals); words a headline is
    made of make no name, before an agency too ("Big Win for Boston Sports", "Big Win for Reuters": review28c §7,
    `reads_as_headline`). A line of plain text is no caption for sure: there a creator must be named beside the
    agency ("Follow us for more. Twitter" is a share widget's), and "for" does not join them ("Jane Doe for Reuters"
    may be a byline). In a caption also a slash chain of organisations (`organisations_chain`: "A ship at sea.
    Police/Fire Department"); in plain text that is no credit. Ruled out everywhere: no name before "for" ("Thanks for The Guardian", "A big win for The New York Times"), a campaign's "for Congress"."""
    if caption and organisations_chain(sentence):
        return None, sentence.strip(" \t\u00a0."), None   # "A ship at sea. Police/Fire Department" (credits29b #4)
    if caption and (filed := FILED_FROM_RE.fullmatch(sentence.strip(" \t\u00a0."))) is not None \
            and is_org(filed["org"]):
        return None, filed["org"], None   # "The midway. File photo / The Daily Courier": its file photo (newuser44d #3)
    split = bare_credit(sentence)
    if split is None:
        return None
    creator, organization = split
    agency = names_an_agency(organization or "") or _via_x(sentence, creator, organization)
    if not caption:
        return (creator, organization, None) if creator and agency and " for " not in sentence else None
    if agency and not (creator and " for " in sentence and reads_as_headline(creator)):   # "Big Win for Reuters"
        return creator, organization, None
    if creator and person_for_outlet(sentence, first_name=False):
        return creator, organization, None if person_for_outlet(sentence) else "uncertain"
    if creator and person_slash_outlet(sentence, first_name=False):   # "DALE HUNT/The Daily Courier" (newuser44d #3)
        return creator, organization, None if person_slash_outlet(sentence) else "uncertain"
    return None


# Words in a name of three words or more in Arabic letters: "عبد" (a servant of: عبد الله), "أبو", "بن", a title
_NAME_PARTICLES = frozenset({"عبد", "أبو", "ابو", "بن", "ابن", "بنت", "آل", "سيد", "سید", "السيد"})


def _caseless_words(creator: str) -> bool:
    """Are a caption's last words before an agency, in a script with no capitals, more words than a name's two and
    none of a longer name's particles (`_NAME_PARTICLES`)? With no credit word before them they are the caption's own
    words ("متظاهرون يرفعون لافتات / أ ف ب", protesters raise banners / AFP), as "Protesters hold banners / AFP" is no
    one's name in Latin letters for its small letters (review44a: fixnu43a's agencies left out of the word count made
    them the photographer)."""
    words = creator.split()
    return len(words) > 2 and not any("a" <= c.lower() <= "z" for c in creator) \
        and CASELESS_LETTER_RE.search(creator) is not None \
        and not any(word in _NAME_PARTICLES or word.startswith("عبد") for word in words)


def organisations_chain(sentence: str) -> bool:
    """Is a sentence only two to four organisations joined by slashes, each named by a word that says it is one
    ("Police/Fire Department", "Riverton Police/City Council": `ORG_WORD_RE`)? Ending a caption, that is its credit
    (credits29b #4; wire28b read it as the caption's own words, as it had no agency). Not acronyms alone ("US/UK",
    "NATO/EU"), people's or places' names ("Trump/Russia"), a sentence's words ("Ask the fire and/or the Police
    Department"), nor a headline's ("Big Win for Police/Fire Department")."""
    sentence = sentence.strip(" \t\u00a0.")
    parts = sentence.split("/")
    return 2 <= len(parts) <= 4 and all(ORG_WORD_RE.search(part) for part in parts) \
        and looks_like_credit_value(sentence, strict=True) and not reads_as_headline(sentence) \
        and split_credit(sentence) == (None, sentence)


def _sentence_end_credits(text: str, taken: Intervals, *, caption: bool, source: str, offset: int,
                          image: str | None) -> list[Credit]:
    """The credits ending a caption's words (`sentence_end_credit`): the caption's last line; or in plain text
    each line with no credit read in it whose last sentence is a slash chain or names someone "via" someone, a
    caption scraped flat (wire28b: "A ship at sea. Royal Navy/Handout via REUTERS" in scraped text gave no credit,
    in a figcaption it did)."""
    found: list[Credit] = []
    line_start = text.rfind("\n") + 1 if caption else 0
    for line in [text[line_start:]] if caption else text.split("\n"):
        line_end = line_start + len(line)
        tail = line[-82:]   # a last sentence is looked for in the last 80 characters, a stop after it aside
        # plain text: a slash chain or "via" joins a creator to an agency; asked first, with `in`: reading every
        # line's last sentence cost the plain-text search a tenth (#14)
        if (caption or "/" in tail or " via " in tail) and not taken.overlaps(line_start, line_end) \
                and (sentence := last_sentence(text, line_start, line_end)) is not None:
            raw = text[sentence[0]:sentence[1]]
            read = sentence_end_credit(raw, caption=caption) if caption or "/" in raw or " via " in raw else None
            if read is not None:   # "A ship at sea. Jane Doe, Kyiv/Reuters": a place after a comma is no one
                found.extend(Credit(raw=raw, source=source, span=(offset + sentence[0], offset + sentence[1]),
                                    creator=person, organization=read[1], image=image, form="caption-line",
                                    split_confidence=read[2]) for person in people_named(read[0]))
        if caption and not found and (dashed := _agency_after_dash(text, line_start, line_end)) is not None \
                and not taken.overlaps(*dashed):
            found.append(Credit(raw=text[dashed[0]:dashed[1]], source=source, span=(offset + dashed[0], offset + dashed[1]),
                                organization=text[dashed[0]:dashed[1]], image=image, form="caption-line"))
        line_start = line_end + 1
    return found


# A caption's last words after a spaced dash: "متظاهرون في الساحة - رويترز", "Protesters in the square - Reuters"
AGENCY_AFTER_DASH_RE = LazyPattern(rf"{SP}+[-–—]{SP}+(?P<org>[^-–—/()\[\]\n]{{2,40}}?)(?:{SP}|\.)*$")
_DASHES = (" - ", " – ", " — ")


def _dash_near_end(text: str) -> bool:
    """Does a caption hold a spaced dash in its last words (`AGENCY_AFTER_DASH_RE`'s pre-check)?"""
    tail = text[-48:]
    return any(dash in tail for dash in _DASHES)


def _agency_after_dash(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a known agency's name stands after a spaced dash ending a caption's line, the way Arabic desks credit
    ("متظاهرون في الساحة - رويترز": newuser43a #1, no credit), or None. Only a known agency's whole name
    (`is_known_org`): "The new bridge - Riverton" names a place. An ambiguous short name (EPA, فارس) is read by its
    place alone, `uncertain` (`extract._by_place_alone`)."""
    found = AGENCY_AFTER_DASH_RE.search(text, start, end)
    if found is None or found.start() == start or _CHAIN_MARK_RE.search(text, start, found.start()):
        return None   # "Jane Doe / AFP - Getty Images": a credit whose agencies a dash joins, read whole elsewhere
    org = found.group("org").strip()
    if not is_known_org(org) or " " in org and org.casefold() not in KNOWN_ORGS:
        return None   # a known name and a word after it ("Reuters correspondent") is the caption's words
    if label_kind(text[start:found.start()]) or bare_credit(text[start:end]) is not None:
        return None   # "أرشيفية - أ.ف.ب", "Jane Doe - AFP": the whole line is a credit, read whole elsewhere
    at = found.start("org")
    return at, at + len(org)


# A spaced dash, where the words after a credit begin ("Jane Doe / AFP — “œuvre”"): the em or en dash.
SPACED_DASH_RE = re.compile(rf"{SP}+[—–]{SP}+")


def _before_spaced_dash(value: str) -> int | None:
    """Where a credit's value ends at a spaced dash: before the first one whose words after it name no one (an
    agency's or outlet's name may follow one: "Jane Doe — Reuters"); None when none does."""
    for dash in SPACED_DASH_RE.finditer(value):
        tail = value[dash.end():].strip(" .,;")
        if not (is_org(tail) or names_an_agency(tail) and looks_like_credit_value(tail, strict=True)):
            return dash.start()
    return None


_WORDS_RE = LazyPattern(r"\S+")


_CHAIN_MARK_RE = re.compile(r"[/|]")


def _agency_before_prose(value: str) -> int | None:
    """Where a credit's value ends when a known agency's name opens it and a caption goes on after it in small
    letters ("Foto: dpa zeigt Brücke", "Photo: AFP shows the bridge": review32r4, the words were the organisation's);
    None otherwise. A joiner ("AFP via Getty Images") or another known name ("dpa picture-alliance") goes on."""
    if _CHAIN_MARK_RE.search(value):
        return None   # "dpa picture alliance / Kay Nietfeld", "AFP photo/Jane Doe": a credit's parts (review33r2)
    words = list(_WORDS_RE.finditer(value, 0, 200))[:4]
    for count in range(min(3, len(words) - 1), 0, -1):   # the longest name first: "Associated Press"
        after = words[count].group()
        if after[:1].islower() and after.casefold() not in ALLOWED_LOWER \
                and is_known_org(value[:words[count - 1].end()].strip(ENDS)) \
                and not is_known_org(value[words[count].start():].strip(ENDS)):
            return len(value[:words[count - 1].end()].rstrip(ENDS))
    return None


# "Jane Doe/Reuters and John Roe/AP", "Jane Doe/Reuters, John Roe/AP": one opening word crediting two photographers
# each with their own agency (newuser27 #4).
CHAIN_SEPARATOR_RE = re.compile(rf"{SP}*,?{SP}+and{SP}+|{SP}*[,&]{SP}*")


def _chains(value: str) -> list[tuple[str, str, str]]:
    """(part, creator, organization) of each person/agency chain a value lists, when it lists two or more and each
    is a person's name and an organisation (or a name no person's: "Jane Doe/Riverton"); else []."""
    parts = CHAIN_SEPARATOR_RE.split(value)
    if len(parts) < 2 or not all("/" in part for part in parts):
        return []
    found = []
    for part in parts:
        creator, organization = split_credit(part)
        if not (creator and organization and PERSON_RE.fullmatch(creator) and not is_org(creator)
                and (is_org(organization) or not PERSON_RE.fullmatch(organization))):
            return []
        found.append((part.strip(), creator, organization))
    return found


# The names a comma joins before a slash credit's first name: "Jane Doe, John Roe/Reuters", "Jane Doe, Kyiv/Reuters".
NAMES_BEFORE_RE = LazyPattern(rf"(?<![\w/.@:-])(?:{NAME_PART}{SP}*,{SP}*)+$")
COMMA_RE = LazyPattern(rf",{SP}*")


def _names_before(text: str, start: int, value: str) -> tuple[int, str] | None:
    """Where a slash credit starting at `start` starts, and its words, when names a comma joins before it add a
    person to it (`people_named` parts them: each a person's name, or a place's, which is where): the slash form
    reads only the name before the slash, so "Jane Doe, John Roe/Reuters" gave John Roe alone, where "Jane Doe and
    John Roe/Reuters" gave both (review32r1). The longest such list wins; None when there is none."""
    head = text[max(text.rfind("\n", 0, start) + 1, start - 200):start]
    if not head.rstrip(" \t\u00a0").endswith(",") or (listed := NAMES_BEFORE_RE.search(head)) is None:
        return None
    alone = split_credit(value)[0]
    for at in [listed.start(), *(m.end() for m in COMMA_RE.finditer(head, listed.start()) if m.end() < len(head))]:
        wider = head[at:] + value
        creator = split_credit(wider)[0]
        people = people_named(creator)
        if people != [creator] and any(person and person != alone for person in people):
            return start - len(head) + at, wider
    return None


def _chain_credits(text: str, start: int, end: int, chains: list[tuple[str, str, str]], *, source: str,
                   offset: int, image: str | None, head: int) -> list[Credit]:
    """A credit per chain, each spanning its own words; the first from the opening word (`head`) on."""
    found: list[Credit] = []
    searched = start
    for part, creator, organization in chains:
        at = text.index(part, searched, end)
        first, searched = head if not found else at, at + len(part)
        found.append(Credit(raw=text[first:searched], source=source, span=(offset + first, offset + searched),
                            creator=creator, organization=organization, image=image, form="keyword"))
    return found


def _listed_after(text: str, end: int, accepted: list[tuple[int, int]], *, source: str, offset: int,
                  image: str | None) -> list[Credit]:
    """The credits a keyword credit's line lists after it, each after a semicolon, as long as each reads as names
    ("Photos: AP; Reuters"; not "Photo: Getty Images; the mayor said it was fine"). Their spans join `accepted`."""
    found: list[Credit] = []
    while (listed := LISTED_RE.match(text, end)) is not None:
        value = strip_prefix(listed.group("value"))
        if not all(looks_like_credit_value(part, strict=True) for part in value.split(",")):
            break   # each of the names it lists reads as one: "Ann Example, Ben Sample, Cy Example/Riverton Post"
        creator, organization = split_credit(value)
        if creator is None and organization is None:
            break
        start, end = listed.span("value")
        accepted.append((start, end))
        raw = text[start:end]
        found += [Credit(raw=raw, source=source, span=(offset + start, offset + end), creator=person,
                         organization=organization, image=image, form="keyword") for person in people_named(creator)]
    return found


def first_characters_first(alternatives: tuple[str, ...]) -> str:
    """The alternatives (each opening with a character, escaped or not, maybe after `\\b`) as one pattern whose
    look-ahead tests the characters they can open with first. A case-blind pattern tries each alternative at each
    character: the class skips most places at one test (the credit pre-checks' patterns, a text's every character:
    two fifths less, #14). Under IGNORECASE a class matches a letter in the same cases as the literal does (a long s
    for "s", a Kelvin sign for "k", dotted and dotless i for "i")."""
    firsts = set()
    for alternative in alternatives:
        opening = alternative.removeprefix(r"\b")
        firsts.add(opening[:2] if opening.startswith("\\") else opening[0])
    return rf"(?=[{''.join(sorted(firsts))}])(?:{'|'.join(alternatives)})"


# Cheap tests that decide which patterns can match a text at all (most captions need two or three of eight).
PREFIX_WORDS = ("photo", "image", "picture", "pic", "foto", "bild", "video", "illustr", "credit", "courtesy", "copyright",
                "screen")
_PREFIX_WORD_RE = re.compile(first_characters_first(PREFIX_WORDS), re.IGNORECASE)
_STOCK_RE = re.compile(r"Unsplash|Pexels|Pixabay|Flickr")
NEWSROOM_WORDS = ("staff", "submitted", "contributed")
# "newsroom"'s words, their first letters tested first (perf48a, #14: 2.1 to 1.1 ms of a corpus pass)
_NEWSROOM_RE = re.compile(first_characters_first(NEWSROOM_WORDS) + r"\W", re.IGNORECASE)
_CLOSING_RE = re.compile(r"[)\]][ \t\u00a0]*$", re.MULTILINE)


def _forms_worth_trying(text: str, *, caption: bool, plain: bool = False) -> frozenset[str]:
    forms: set[str] = set()
    if "creen" in text or "CREEN" in text or "chirmfoto" in text or "archives" in text or "apture" in text \
            or not text.isascii() and "ÉCRAN" in text:
        forms.add("desk-label")   # newuser46a #6, #7
    if "lliance" in text or "LLIANCE" in text:
        forms.add("picture-alliance")   # newuser46a #2
    if " by @" in text and "from" in text:
        forms.add("video-still")   # newuser47b #5
    if not text.isascii() and ("/" in text or "／" in text or "・" in text) and _LABEL_SLASH_WORD_RE.search(text):
        forms.add("label-slash")   # newuser47e #2
    if not text.isascii() and ("제공" in text or "자료" in text):
        forms.add("korean-bracket")   # late47a #2
    if not text.isascii() and _cjk_closing_hint(text):
        forms.add("cjk-closing")   # late47a #1
    if not text.isascii() and ("摄" in text or "攝" in text):
        forms.add("cjk-suffix")   # newuser47e #4
    if "/" in text:
        forms.update(("slash", "slash-for") if "/for" in text or "/ for" in text else ("slash",))
        if "Photo" in text or "PHOTO" in text:   # "AP Photo/Jane Doe": the form's word, read case-sensitively
            forms.add("agency-photo")
    if "lickr user" in text or "LICKR USER" in text:
        forms.add("flickr-user")
    if _ph_word(text) or "DR" in text and ("oto DR" in text or "otos DR" in text):
        forms.add("abbreviated")   # fix47b #6, #3: "Ph. Name", "Photo DR"
    if _PREFIX_WORD_RE.search(text) or _other_photo_word(text):
        # "(Photo: X)": only in brackets (#14: a page with no credit in brackets compiles none of its 1,400 characters)
        forms.update(("paren-credit", "keyword") if "(" in text or "[" in text else ("keyword",))
        if _STOCK_RE.search(text):
            forms.add("stock-site")
    if _CLOSING_RE.search(text):
        forms.add("trailing")
    if caption and ("(c)" in text or "opyright" in text or _copyright_sign(text)) or plain and _copyright_sign(text):
        forms.add("copyright")
    if caption and _source_word(text):
        forms.add("source")
    if "source" in text or "Source" in text or "quelle" in text:
        forms.add("picture-source")
    if _NEWSROOM_RE.search(text):
        forms.add("newsroom")
    return frozenset(forms)


# "Ann Example, left, and Ben Sample", "Ann Example and Ben Sample": two photographers of pictures shown together.
PEOPLE_SEPARATOR_RE = re.compile(
    rf"{SP}*,{SP}*(?:left|right|top|bottom|above|below|center|centre){SP}*,?{SP}*(?:and{SP}+)?|{SP}+and{SP}+|{SP}*&{SP}*")


def people_named(creator: str | None) -> list[str | None]:
    """The creators a credit names: several when it joins people's names ("A, left, and B", "A and B"), each
    looking like a person's name and none an organisation's; else the creator as it is."""
    if not creator or "," not in creator and not PEOPLE_SEPARATOR_RE.search(creator):
        return [creator]
    # "A, B, C/Bustle": a plain comma joins people only when every part reads as a person's name ("Jane Doe, File"
    # and "Karl Tate, SPACE.com" do not)
    names = [n.strip() for part in PEOPLE_SEPARATOR_RE.split(creator) for n in part.split(",")]
    # a place's name among them is where, not who: "Jane Doe, Washington D.C./Reuters" (credits29d #2), and so is a
    # listed place of one word, which no person's name is ("Jane Doe, Kyiv/Reuters": review32r1)
    people = [n for n in names if not names_a_place(n) and not names_a_known_place(n)]
    if len(names) > 1 and all(PERSON_RE.fullmatch(n) and not is_org(n) for n in people):
        return list(dict.fromkeys(people)) or [None]
    return [creator]


BLANK_LINE_RE = LazyPattern(r"\n[ \t\u00a0]*\n")


def _paragraphs(text: str, offset: int) -> list[int]:
    """Where each blank line of a plain text ends (offset as the credits' spans are): the text's paragraphs, each
    caption scraped flat one of its own."""
    return [offset + blank.end() for blank in BLANK_LINE_RE.finditer(text)] if "\n" in text else []


def _fullest_per_creator(credits: list[Credit], paragraphs: list[int] | None = None) -> list[Credit]:
    """One text crediting a person twice ('/ AFP / JIM WATSON (Photo credit should read JIM WATSON/AFP/Getty
    Images)') keeps the statement that names the most, when one statement's organisation holds the other's. Credits
    naming two organisations are two photos' ("Jane Doe/REUTERS" and "Jane Doe/AP" in a scraped text: the one
    naming the longer was kept, the other lost, newuser42a #3)."""
    best: dict[tuple[str, int], list[Credit]] = {}

    def key(credit: Credit) -> tuple[str, int]:   # in plain text, per paragraph: a line of its own is a photo's
        return (credit.creator or "").casefold(), bisect_right(paragraphs, credit.span[0]) if paragraphs else 0
    for credit in credits:
        if credit.creator:
            kept = best.setdefault(key(credit), [])
            same = next((i for i, other in enumerate(kept) if _one_statement(credit, other)), None)
            if same is None:
                kept.append(credit)
            elif len(credit.organization or "") > len(kept[same].organization or ""):
                kept[same] = credit
    return [c for c in credits if not c.creator or any(c is k for k in best[key(c)])]


def _one_statement(credit: Credit, other: Credit) -> bool:
    """May two credits of one person be one statement: one names no organisation, or one's organisation holds the
    other's ("AFP" in "AFP/Getty Images"), an agency under any of its names ("AP", "Associated Press")?"""
    if _holds_words(credit.organization, other.organization):
        return True
    return _holds_words(agency_key(credit.organization), agency_key(other.organization))


def _holds_words(one: str | None, other: str | None) -> bool:
    """Do one organisation's words stand, in their order, among the other's (either way; none held by any): "AFP" in
    "AFP/Getty Images", never "PA" in "EPA" or "SIPA" (review43a: the PA photo's credit was lost to the EPA one's)."""
    mine, theirs = _ORG_WORDS_RE.findall((one or "").casefold()), _ORG_WORDS_RE.findall((other or "").casefold())
    short, long = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


_ORG_WORDS_RE = LazyPattern(r"=?\w+")   # a word of an organisation; an agency_key's "=AP" one word


def _acceptable(form: str, value: str, creator: str | None, organization: str | None, *, caption: bool) -> bool:
    """The checks a bare form needs that an explicit 'Photo:' does not."""
    if creator is None and organization is None:
        return False
    if form == "slash-for":   # a person, for an outlet
        return bool(creator and organization and not is_org(creator) and is_org(organization))
    if form == "slash":   # prose: a person and an agency, or it is "Trump/Russia" or "AP/NORC poll"
        return bool(creator and not is_org(creator) and names_an_agency(value)) \
            or platform_account(SEPARATOR_RE.split(value)) == (creator, organization)   # "Threads/@jane" (newuser44c)
    if form == "trailing":
        if names_an_agency(value):
            return True
        return bool(caption and creator and organization and is_org(organization))   # "(Darek Zdzienicki/CBC)"
    return True


_WORD_BEFORE_RE = LazyPattern(r"([^\W\d_][\w'’-]*)[ \t\u00a0]*$")
_SMALL_JOINERS = frozenset("of and for the de du des la le del di der für".split())


def _spelled_out_before(text: str, start: int, value: str) -> bool:
    """Do the capitalised words just before brackets spell the acronym inside them ("Environmental Protection Agency
    (EPA)", "Associated Press (AP)"; small joiners such as "of" skipped)? Then the brackets say what the words are
    called: no credit (credits36: "(EPA)" there was the agency EPA, high)."""
    acronym = value.strip(ENDS)
    if not (2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()):
        return False
    initials: list[str] = []
    at = start
    while len(initials) < len(acronym) and (word := _WORD_BEFORE_RE.search(text, max(0, at - 40), at)) is not None:
        at = word.start()
        if word.group(1) in _SMALL_JOINERS:
            continue
        if not word.group(1)[0].isupper():
            return False
        initials.append(word.group(1)[0])
    return "".join(reversed(initials)) == acronym


# A sentence before a "©" on its line: "The lighthouse at dusk. © 2024 Lena Berg", a caption scraped flat.
SENTENCE_BEFORE_RE = LazyPattern(r"[.!?][ \t\u00a0]+$")
ALL_RIGHTS_RE = LazyPattern(rf"\W{{0,3}}(?:all rights reserved|{RIGHTS_RESERVED_CJK})", re.IGNORECASE)


def _copyright_credits(text: str, start: int, end: int, creator: str | None, organization: str | None, *,
                       caption: bool) -> bool:
    """Is a copyright statement a photo's credit? In a caption, unless it is a notice ("© 2019 Acme. All rights
    reserved."), which a person's name is not there ("Copyright 2024 Jane Doe. All rights reserved.", newuser27 #8).
    In plain text only a person's name ending a line that a sentence opens (a caption scraped flat): a line that is
    only "© 2024 Name" is a site's own notice."""
    person = bool(creator and not organization and is_persons_name(creator))
    if label_kind(creator or organization or "") == "rights-reserved":
        return True   # "© DR": rights reserved, no author named; no site's notice (newuser46a #6, #10)
    if caption:
        return person or not ALL_RIGHTS_RE.match(text, end, end + 30)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return person and SENTENCE_BEFORE_RE.search(text, line_start, start) is not None \
        and not text[end:len(text) if line_end < 0 else line_end].strip(" \t\u00a0.")


def bare_credit(value: str) -> tuple[str | None, str | None] | None:
    """(creator, organization) of a whole caption line that is only a credit ('Andrew Harnik/Shutterstock',
    'Adam Maida for BuzzFeed News', 'Getty Images'), or None when it reads as anything else."""
    worded = PREFIX_RE.match(value) is not None
    value = strip_prefix(value) if worded else value.strip()   # "Photo: WANA (…) via Reuters":
    # its credit's words, not "Photo:" in the organisation (newuser43a #1)
    if not looks_like_credit_value(value, strict=True) or len(value.split()) > 8:
        return None
    creator, organization = split_credit(value)
    if creator and organization and not worded and _caseless_words(creator):
        creator = None   # "متظاهرون يرفعون لافتات / أ ف ب": the caption's words before its agency (review44a)
    if organization and (creator or names_an_agency(organization)) and is_org(organization) \
            or _via_x(value, creator, organization):
        return creator, organization
    return None


def _via_x(value: str, creator: str | None, organization: str | None) -> bool:
    """"Pat Neighbor via X": a person's name, then X, the platform the picture came from (newuser42a #11: missed, as
    a lone "X" reads as no organisation, where "Jane Doe via Instagram" was read)."""
    return organization == "X" and creator is not None and value.rstrip(" .").endswith(" via X") \
        and is_persons_name(creator)


# Where a picture stands among pictures shown together, and the picture's word a place may take ("Left image:"):
# one list each, read by the patterns below and by `html_credits` (#10).
PLACE_WORDS = r"left|right|top|bottom|above|below|inset|cent(?:er|re)"
PICTURE_WORDS = r"image|photo|picture|pic"
# "Left Image:", "Right:", "Top photo:": one line crediting pictures shown together, each by its place.
POSITION_RE = LazyPattern(rf"(?:^|(?<=[,;|]){SP}*|{SP}+)(?P<place>{PLACE_WORDS})"
                          rf"(?:{SP}+(?:{PICTURE_WORDS}))?{SP}*[:：]{SP}*", re.IGNORECASE)
# A place word just before a credit ("Left Image: X", "right: Y") or just after it ("X (left)", "X, right"): which of
# pictures shown together it credits (newuser27 #2).
PLACE_BEFORE_RE = LazyPattern(rf"(?:^|[\s,;|(])({PLACE_WORDS}|main)(?:\s+(?:{PICTURE_WORDS}))?\s*[:：]\s*$",
                              re.IGNORECASE)
PLACE_AFTER_RE = LazyPattern(rf"\s*(?:\(\s*({PLACE_WORDS})\s*\)|,\s*({PLACE_WORDS})\b(?!\s+(?:of|to|side)\b)"
                             rf"(?!(?:\s+(?:{PICTURE_WORDS}))?\s*[:：]))",   # not the next credit's label
                             re.IGNORECASE)


def place_named(text: str, span: tuple[int, int]) -> str | None:
    """The place word just before or after the credit at `span` of a text, lower-cased; "?" when it has two."""
    start, end = span
    before, after = PLACE_BEFORE_RE.search(text, 0, start), PLACE_AFTER_RE.match(text, end)
    places = {m.group(m.lastindex or 0).lower() for m in (before, after) if m is not None}
    return places.pop() if len(places) == 1 else None if not places else "?"


# A whole value that names no one: a template's placeholder, or only a licence ("CC BY-SA 4.0", "Public domain").
NO_ONE_RE = LazyPattern(r"true|false|null|undefined|none|nil|n/?a|unknown|public domain|cc0"
                        r"|(?:cc|creative commons)(?:[ -](?:by|sa|nc|nd|zero|attribution|licen[cs]e|\d\.\d))+",
                        re.IGNORECASE)   # compiled when first asked, as the credit forms are (#14)


def read_whole(value: str) -> list[tuple[str | None, str | None, str]]:
    """(creator, organization, form) of a value that is a credit as a whole (a credit element's text, a
    data-credit attribute): the credit patterns first ('AP Photo/Jane Doe'), else the value split as it is. A
    value crediting pictures by their place ("Left Image: X, Right Image: Y") is read place by place."""
    return [found for _, found in read_placed(value)]


def read_placed(value: str) -> list[tuple[str | None, tuple[str | None, str | None, str]]]:
    """`read_whole`'s readings, each with the place of the picture its words credit ("left", "top", ...; "?" when
    they name two; None when none), so a credit under pictures shown together is tied by it (#10)."""
    if NO_ONE_RE.fullmatch(value.strip(" .")):
        return []
    places = list(POSITION_RE.finditer(value))
    if places and places[0].start() == 0:   # "Left Image: X" alone too: "Left Image:" was read as a name (#10)
        ends = [m.start() for m in places[1:]] + [len(value)]
        return [(m["place"].lower(), found) for m, end in zip(places, ends)
                for _, found in read_placed(value[m.end():end].strip(" ,;|"))]
    credits = find_credits(value, caption=True)
    found = [(place_named(value, c.span), (c.creator, c.organization, c.form or "")) for c in credits]
    if len(credits) == 1 and credits[0].form == "trailing" and credits[0].creator is None \
            and value[:credits[0].span[0]].strip():
        # "Jane Doe (Reuters)": a caption's words before its supplier show who is pictured; a credit's words name
        # who made it (credits29d #1). The whole value is read, and kept when it names someone
        whole = _read_as_whole(value)
        return whole if any(creator for _, (creator, _, _) in whole) else found
    return found or _read_as_whole(value)


# A rights notice ending a credit element's words: "Jane Doe. All rights reserved." It says nothing of who; read as
# the credit's last sentence it made the whole no credit (credits30 #6).
RIGHTS_NOTICE_RE = LazyPattern(r"(?:^|[ \t\u00a0]*[.,;:|–—-])[ \t\u00a0]*all rights reserved\W*$", re.IGNORECASE)


def _read_as_whole(value: str) -> list[tuple[str | None, tuple[str | None, str | None, str]]]:
    """`read_placed`'s reading of a value no credit pattern read (or one it read the caption's way): split whole."""
    stripped = RIGHTS_NOTICE_RE.sub("", LABEL_WORD_RE.sub("", strip_prefix(value)))
    if names_a_relation(stripped):
        return [(None, (None, None, "whole"))]   # "Photo by the author": a credit, naming no one (credits30 #4)
    if (last := last_sentence(stripped)) is not None \
            and not looks_like_credit_value(stripped[:last[0]].rstrip(" \t\u00a0.!?"), strict=True):
        # a caption's words, then the credit ("A ship at sea. Police/Fire Department"): the last sentence alone
        # credits, when it reads as names; the words before it joined the name (credits29 #1). Words before it that
        # read as names are the credit's own ("St. Louis Post-Dispatch", "Riverton Co. Ltd. Archive")
        stripped = stripped[last[0]:last[1]]
        if not looks_like_credit_value(stripped, strict=True):
            return []
    if not looks_like_credit_value(stripped, strict=False) or len(stripped.split()) > 14 or reads_as_prose(stripped):
        return []   # "He told Jane Q. Doe, The New York Daily Planet reported.": a sentence, no one (credits29b #1)
    creator, organization = split_credit(stripped)
    if creator and " for " in stripped and reads_as_headline(creator):
        return []   # "Big Win for Boston Sports", "Fans cheer. Big Win for …": a headline's words, no one (review28c §7)
    return [(None, (creator, organization, "whole"))] if creator or organization else []


HINTS = ("photo", "image", "picture", "credit", "courtesy", "©", r"\(c\)", "copyright", "screen", "getty", "reuters", "afp",
         r"\bap\b", "epa", "illustration", "flickr user", "graphic", "video", "foto", "bild", "/", r"\)\s*$", r"\]\s*$")
_HINT_RE = re.compile(first_characters_first(HINTS), re.IGNORECASE | re.MULTILINE)


def _source_word(text: str) -> bool:
    """Does a text hold a word the "source" form opens with: English "Source", German "Quelle" (newuser46a #6),
    Italian "Fonte", Dutch "Bron", Spanish "Fuente" (fix47b #1), Arabic "المصدر", Persian "منبع"?"""
    return "Source" in text or "Quelle" in text or "Fonte" in text or "Bron" in text or "Fuente" in text or not text.isascii() and ("المصدر" in text or "منبع" in text)


def _agency_ends(text: str) -> bool:
    """Does a caption's last sentence name a known agency alone ("Protesters in the square. The Canadian Press",
    "… Xinhua.")? No credit word nor a short agency's name is in it for the pre-check to find (fix47b #10: "Reuters"
    and "AFP" were read so, "The Canadian Press" and "Associated Press" not); `sentence_end_credit` reads it."""
    sentence = last_sentence(text, text.rfind("\n") + 1)
    return sentence is not None and is_known_org(text[sentence[0]:sentence[1]])


def might_have_credit(text: str) -> bool:
    """A cheap pre-check so long texts with no credit word skip every pattern."""
    return bool(_HINT_RE.search(text)) or _other_photo_word(text) or "&" in text and _copyright_sign(text) \
        or _ph_word(text) or not text.isascii() and ("摄" in text or "攝" in text   # "王明 摄" (newuser47e #4)
                                                     or _cjk_closing_hint(text))   # "…＝共同" (late47a #1)


def _cjk_closing_hint(text: str) -> bool:
    """Could a text that is not all ASCII hold a "cjk-closing" credit ("…＝共同", "（共同）", "[AFP=연합뉴스]")? Full-width
    signs, or ASCII ones beside a Japanese, Chinese or Korean letter: a French caption's "(à gauche)" tried the form
    (#14, review48a: 33 ms over the corpus, 3 of its 258 such texts in those scripts)."""
    return "＝" in text or "（" in text or "［" in text or ("=" in text or "(" in text or "[" in text) \
        and _CJK_LETTER_RE.search(text) is not None


def _ph_word(text: str) -> bool:
    """Does a text hold Italian papers' "Ph." or "Ph:" for the photo's word (the "abbreviated" form)? Substrings."""
    return "Ph." in text or "Ph:" in text or "ph." in text or "ph:" in text or "PH." in text or "PH:" in text


def _copyright_sign(text: str) -> bool:
    """Does a text hold "©", or a reference written for it (`COPYRIGHT_REFERENCE`)?"""
    return "©" in text or "&" in text and COPYRIGHT_REFERENCE_RE.search(text) is not None


# The photo's word in other languages (`OTHER_PHOTO_WORDS`), looked for apart: in the pre-check's pattern they made
# every text's pre-check a fifth slower (newuser27 #8). Only a text that is not all ASCII can hold those written in
# other letters; Finnish "Kuva" is asked as a plain substring (Spanish "Fotografía" is the pre-check's "foto").
_NON_ASCII_PHOTO_WORD_RE = LazyPattern("|".join(w for w in OTHER_PHOTO_WORDS if not w.isascii()), re.IGNORECASE)


# The picture words the "label-slash" form opens with, a slash after them (newuser47e #2)
_LABEL_SLASH_WORD_RE = LazyPattern(r"(?:[图圖]片?|照片|[摄攝]影)[ \t\u00a0]*[/／]|撮影・")


def _other_photo_word(text: str) -> bool:
    # Spanish and Portuguese "Crédito(s):" (newuser45a #6), asked apart as "Kuva" is: "credit" is not in its letters
    return "Kuva" in text or "KUVA" in text or "Beeld" in text or "BEELD" in text or not text.isascii() and (
        _NON_ASCII_PHOTO_WORD_RE.search(text) is not None or "rédit" in text or "RÉDIT" in text or "écran" in text)
