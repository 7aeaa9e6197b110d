"""A credit's words split into who made the image and who supplied it: 'Sanjeev Verma/Hindustan Times/Getty
Images' -> ('Sanjeev Verma', 'Hindustan Times/Getty Images'). Names are kept as the page writes them.

The rules, in order (README "Photo credits" has them with examples):
- wire codes and role codes leave the name: "- RTR4JDW4", STF, STR, Stringer, File(s), Contributor; Pool and
  Handout too, but they stay as the organisation when nothing else names one (an agency after "via" does: "Royal
  Navy/Handout via Reuters" is "Royal Navy/Handout/Reuters");
- parts split on "/", "|" and a spaced dash; the first part is the creator and the rest, as written, the
  organisation, unless the first part is a known agency (wire style "REUTERS/Jane Doe": the person is the
  creator) or every part is an organisation ("AFP/Getty Images": no creator);
- one part: "Name via Agency", "Name for Outlet", "Name, Outlet", "Name-USA TODAY Sports" split there; a known
  agency or a name that reads as an organisation is the organisation; anything else is a person.

How sure a split is (`split_confidence`): "high" when evidence decided it, "uncertain" when a name was taken as a
person or an organisation only because nothing said otherwise ("Ecological Economics" a person, "Siobhan" an
organisation). The other names a line lists are evidence too (`split_confidence`'s `listed_with`), and so is the
page's markup: a name read as a person's (`is_persons_name`) in an element whose class or attribute says
"photographer" (html_credits).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from resolver.extract.credit_places import names_a_known_place, names_a_place_first
from resolver.extract.repeated import remembered
from resolver.extract.text import MARKS
from resolver.lazy import LazyPattern

# Agencies, wires, stock libraries, platforms and broadcasters that credit lines name, case-folded.
KNOWN_ORGS = frozenset(
    "ap|associated press|the associated press|ap images|afp|agence france-presse|reuters|epa|epa-efe|efe"
    "|european pressphoto agency|getty|getty images|upi|pa|pa images|pa wire|pa media|press association|cp"
    "|the canadian press|canadian press|xinhua|anadolu|anadolu agency|sipa|sipa usa|tass|itar-tass|ansa|dpa"
    "|ians|pti|bloomberg|shutterstock|rex|rex features|rex/shutterstock|alamy|unsplash|pexels|pixabay|flickr"
    "|wikimedia commons|wikimedia|wikipedia|nasa|esa|noaa|istock|istockphoto|corbis|wireimage|filmmagic|nurphoto"
    "|sopa images|lightrocket|uig|universal images group|usa today sports|usa today network|usa today|imagn"
    "|zuma|zuma press|zuma wire|splash news|backgrid|mega|kyodo|yonhap|kcna|bbc|itv|cnn|cbc|abc|nbc|cbs|fox"
    "|sky|sky news|twitter|instagram|facebook|youtube|tiktok|handout|pool|kremlin|white house|picture alliance"
    "|picture-alliance|imago|keystone|belga|anp|tt|ntb|lusa|ap photo|afp photo"
    # a state named for its place, whose press office credits its pictures by that name alone (credits32)
    "|vatican|vatican media"
    # satellite imagery companies, whose one-word names read as people's (#10)
    "|maxar|maxar technologies|digitalglobe|airbus|airbus ds|airbus defence and space|blacksky|capella space"
    "|satellogic|iceye|copernicus|sentinel hub|european space agency"
    # credits in other languages (newuser27 #8, #10): Russian, Finnish, Japanese, Chinese, Korean, Arabic
    "|тасс|итар-тасс|риа новости|ria novosti|интерфакс|lehtikuva|共同|時事|ロイター|ゲッティ|ゲッティイメージズ"
    "|新华社|新華社|中新社|视觉中国|연합뉴스|뉴스1|뉴시스|رويترز|أ ف ب|فرانس برس|الأناضول|أسوشيتد برس"
    # foreign agencies as Yonhap names them, "[로이터=연합뉴스]" (review48a): Reuters, Kyodo, Getty Images
    "|로이터|교도|게티이미지|게티이미지코리아"
    # an international newsroom's (newuser32b #6): Ukrainian, Brazilian, Portuguese, Spanish, Turkish, Hebrew
    "|уніан|укрінформ|unian|ukrinform|agência brasil|agência lusa|folhapress|estadão conteúdo|agencia efe"
    "|europa press|aa|anadolu ajansı|iha|dha|demirören haber ajansı|רויטרס|פלאש 90|פלאש90|flash90|flash 90"
    "|אי-פי|גטי אימג'ס"
    # Persian agencies (newuser35b #4): IRNA, ISNA, ILNA, Tasnim, Mehr, Fars
    "|ایرنا|ایسنا|ایلنا|تسنیم|خبرگزاری مهر|خبرگزاری فارس|خبرگزاری تسنیم"
    # the forms Arabic and Persian desks print (newuser43a #1): AFP's dotted and bare letters, AP's, EPA's spelled out
    # and lettered, Getty's, WANA's; Fars, Mehr and WANA alone are ambiguous (`AMBIGUOUS_AGENCIES`). A Persian name
    # written with the Arabic kaf or yeh ("ايرنا") is looked up in the Persian letters too (`is_known_org`)
    "|أ.ف.ب|ا.ف.ب|ا ف ب|أ ب|إي بي إيه|إ ب أ|غيتي|جيتي|غيتي إيميجز|گتی ایمجز|أسوشييتد برس|خبرگزاری ایرنا"
    "|خبرگزاری ایسنا|خبرگزاری تسنیم|فارس|مهر|وانا|wana|west asia news agency|إرنا|إسنا"
    "|وكالة الصحافة الفرنسية|وكالة الأنباء الفرنسية|وكالة الأناضول|وكالة الصحافة الأوروبية".split("|"))
# A German or French desk's agencies and collectives (newuser46a #1): "Hans Lucas" (a collective: "Hans Lucas via AFP"
# was the photographer Hans Lucas, high), "photothek" (IMAGO's partner: "IMAGO/photothek" made it the photographer),
# "SZ Photo", dpa's picture services, Abaca, ddp, Austria's APA, Switzerland's Keystone-SDA. Their own block, read as
# the list above is.
KNOWN_ORGS = KNOWN_ORGS | frozenset(
    "hans lucas|photothek|photothek.net|sz photo|süddeutsche zeitung photo|dpa-bildfunk|dpa-zentralbild|dpa picture-alliance"
    "|dpa-infografik|abaca|abacapress|abaca press|ddp|ddp images|apa-picturedesk|keystone-sda|sipa press|belga image"
    "|anp photo|afp photo|maxppp|le pictorium|gamma-rapho|leemage|laif|ullstein bild|ostkreuz"
    "|epa-efe".split("|"))
# An Italian and a Dutch desk's agencies (newuser47a #3): "Foto: LaPresse" and "Hollandse Hoogte / Sanne Jansen" made
# the agency the photographer (and the photographer its organisation).
KNOWN_ORGS = KNOWN_ORGS | frozenset(
    "lapresse|imagoeconomica|fotogramma|agenzia fotogramma|ipa agency|adnkronos|agenzia dire|ansa foto"
    "|hollandse hoogte|anp hollandse hoogte|anp foto|anp kippa|novum|pro shots|orange pictures|bsr agency".split("|"))
# Denmark's agency and its picture service (late47a #3, fix47b: "Foto: Ritzau Scanpix" was a person's name, not sure)
KNOWN_ORGS = KNOWN_ORGS | frozenset("ritzau|ritzau scanpix|scanpix|scanpix denmark|scanpix danmark".split("|"))
# Agencies' short names that are as often something else, each with what else (credits36): the agency where a credit
# word or a credit element says the words are a credit ("Photo: EPA", "Fotoğraf: AA", "عکس: تسنیم"); by their place
# alone (a caption's last words, brackets ending a line: `BY_PLACE_FORMS`) the credit is uncertain, for this reason.
# Never the first word of a longer name: "تسنیم احمدی" is a person.
AMBIGUOUS_AGENCIES = {
    "epa": "the European Pressphoto Agency's short name and also the US Environmental Protection Agency's",
    "aa": "Anadolu Agency's short name and also a battery size and other abbreviations",
    "تسنیم": "Tasnim News Agency's short name and also a given name",
    "وفا": "WAFA's short name and also a given name and the word for loyalty",
    "신화": "Xinhua's Korean name and also the word for myth",
    "فارس": "Fars News Agency's short name and also a given name and the word for Persian",
    "مهر": "Mehr News Agency's short name and also a given name and the word for seal or kindness",
    "وانا": "WANA's short name and also the words for 'and I'",
    "إسنا": "ISNA's Arabic name and also the Egyptian city of Esna",
}
BY_PLACE_FORMS = frozenset({"trailing", "caption-line"})


def ambiguous_agency(organization: str | None) -> str | None:
    """What else an organisation that is only an ambiguous agency's short name (`AMBIGUOUS_AGENCIES`) may be, or None."""
    return AMBIGUOUS_AGENCIES.get(without_marks(organization).strip(ENDS).casefold()) if organization else None


# A screen capture's or a video still's words: what the picture shows was taken from a platform ("Screenshot via X",
# "Screen grab via YouTube", "Video still via Instagram"), which the credit then names, never as its photographer
SCREEN_CAPTURE = r"(?<!\w)(?:screen[ -]?(?:shot|grab|capture)|video[ \t\u00a0]+still|скр[иі]ншот)"   # (newuser44a #6)
_SCREEN_CAPTURE_RE = LazyPattern(SCREEN_CAPTURE, re.IGNORECASE)


ORG_WORD_RE = re.compile(
    r"\b(?:Images?|Photos|Pictures|News|Agency|Press|Times|Herald|Post|Tribune|Gazette|Journal|Telegraph"
    r"|Guardian|Observer|Magazine|Daily|Sentinel|Chronicle|Dispatch|Inquirer|Enquirer|Examiner|Bulletin|Telegram"
    r"|Picayune|Media|TV|Television|Radio|Network|Ministry|Office|Department|Police"
    r"|Army|Navy|Forces|Government|Council|Museum|Archiv(?:e|es)?|University|Library|Institute|Foundation|Commons"
    # "Jane Doe Photography": a photographer's studio, a business lending or holding her pictures (fixleft44a)
    r"|Service|Company|Corp|Corporation|Inc|Ltd|LLC|Studios?|Photography|Films|Productions|Records|Sports|Collection|Group|Club"
    r"|Committee|Campaign|Embassy|Cent(?:er|re)|Hospital|College|Society|Association|Authority|Bureau|Commission"
    r"|Administration|Board|Wire|Features|Handout|Pool|Labs?|Technolog(?:y|ies)|Aerospace|Imagery|PBC"
    # the same words in the other languages credits are read in: "© dtv Verlag", "Foto: Bildagentur X"
    r"|Verlag|\w*[Aa]gentur|Zeitung|Stiftung|Pressestelle|Presse|Agence|Agencia|Agenzia|Éditions|Editorial|Musée"
    r"|Fondation|Fundación|Fondazione|Ministère|Ministerio|Ministero|Агентство|Пресс-служба|Газета|وكالة|صحيفة|قناة"
    r"|Agência|Ajansı|Агенція|Прес-служба|خبرگزاری"
    # a Spanish or Portuguese government's press office: "Crédito: Presidencia de la Nación" (newuser45a #6)
    r"|Presidencia|Presidência|Ministério|Gobierno|Governo|Prefeitura|Secretaría)\b"
    r"|\w\.(?:com|org|net)\b"
    # and the endings of organisations' names in scripts that do not part words (#10): a news agency, a newspaper, a
    # company, a broadcaster, a site
    r"|(?:通信社?|新聞社?|新闻网?|日报|通讯社|电视台|テレビ|社|网|뉴스|일보|신문|방송|통신)$",
    re.IGNORECASE)
# A name ending in "Earth": a group, a product or a programme named for the planet ("Berkeley Earth", "Friends of
# the Earth"), rarely a person's (#11; "Earth" is a rare surname: a common first name before it makes a person's,
# `_named_for_the_planet`). Case-sensitive, after another word ("Earth" alone is one word).
PLANET_NAME_RE = re.compile(r"\S\s+Earth$")
# Capitalised words a title carries and a person's name does not: a magazine, a show, a blog ("All About Space").
# Case-sensitive, and read only in a name of two words or more.
TITLE_WORD_RE = re.compile(r"(?<![\w'’-])(?:About|All|Our|Your|With|From|Into|Inside|Behind|Beyond|Through|Around"
                           r"|Without)(?![\w'’-])")
# Words a headline-case phrase is made of and a person's name is not (review28c §7: a caption ending "Big Win for
# Boston Sports" gave the photographer "Big Win"): number words, quantifiers, and the nouns and adjectives headlines
# are written with. Case-folded; read only where a name stands alone (`is_persons_name`). Words that are as often a
# name are left out (Long, Young, Little, Strong, Power, Hope, Love, Day, Rich, Best, Early, Major, Cash, Win, Key,
# Low, Justice): a name of such words is still read, `uncertain` where no common first name starts it.
HEADLINE_WORDS = frozenset("""
a an the this that these those some many more most few every each no any other another several both much less
one two three four five six seven eight nine ten twelve twenty hundred hundreds thousand thousands million millions
billion dozens first second third last next final
big bigger biggest huge massive great greater greatest large largest record high higher highest lower top bad
worse worst better new newer newest old older oldest federal local national public private global social political
economic annual historic rare real special extra full hard easy late latest recent fresh free open double
triple total weak fast slow dark deadly severe heavy happy sad proud tough busy empty sweeping surprise
shocking stunning emotional vital crucial critical unexpected record-breaking
wins victory defeat loss losses lines funding money funds fund aid relief support help boost cuts plan plans deal
deals vote votes election elections records night nights week weeks year years season game games match team teams
fans crowd crowds praise thanks tribute tributes change changes calls bid push fight race steps future hopes fears
fear concerns trouble troubles crisis chaos progress growth jobs workers students families kids children people
residents voters community communities city town state country nation world health safety security water food
housing schools rights freedom peace war protest protests rally celebration celebrations party
milestone moment moments return comeback debut launch opening closing sales prices rates costs taxes budget
spending reform reforms action response warning warnings alert update updates breaking live watch video videos
gallery highlights up down out over ahead
""".split())
ROLE_CODES = frozenset({"stf", "str", "stringer", "file", "files", "file photo", "contributor", "ho", "handout", "pool"})
# A newsroom's labels where a name would stand, each a whole part of a credit ("Foto: Archiv", "Archiv/dpa",
# "(صورة أرشيفية/رويترز)"): what kind of picture it is, never who made it (newuser35b #1, #3). "Archiv" read as an
# organisation (its word, `ORG_WORD_RE`), high; "صورة أرشيفية" (file photo) as the photographer. Inside a name they
# stay its words: "Riverton City Archives". `Credit.kind` holds the kind.
LABELS = {
    "file": "file|files|file photo|file picture|archive|archives|archive photo|archiv|archivbild|archivfoto|archivo"
            "|foto de archivo|foto archivo|photo d'archives|arquivo|archief|archieffoto|archiefbeeld|archivio"
            "|foto d'archivio|foto d’archivio|صورة أرشيفية|صورة ارشيفية|أرشيفية|ارشيفية|أرشيف"
            "|ارشيف|عکس آرشیوی|آرشیو",
    # "Jane Doe/Courtesy": who lent it is not named; a part of its own, never an organisation (credits36)
    "courtesy": "courtesy|courtesy photo|courtesy image",
    # Portuguese "Divulgação" (made public by whoever is named after the slash: "Divulgação/Petrobras"), newuser45a #5
    "handout": "handout|ho|handout photo|cedida|cedido|cedidas|cedidos|foto cedida|imagen cedida|divulgação|divulgacao"
               "|foto divulgação",
    "stock": "symbolbild|symbolfoto|stock photo|stock image|illustrative image|photo d'illustration|imagen ilustrativa"
             "|foto ilustrativa",
    "private": "privat|privatfoto|private|private photo|privé|privée|arquivo pessoal|archivo personal|acervo pessoal"
               # a family's or a private archive, Colombia's "Foto: Archivo particular": no outlet's file photo (an
               # outlet "Particular" was read from "Archivo Particular", review46a)
               "|archivo particular|archivo familiar|archivo privado|arquivo particular|arquivo familiar"
               "|arquivo privado|acervo familiar|acervo particular"
               # Dutch "privébezit" (privately owned), Italian "archivio privato" (newuser47a #3)
               "|privébezit|privebezit|familiearchief|eigen archief|archivio privato|archivio personale"
               "|archivio di famiglia|foto privata",
    # Portuguese "Reprodução" (Spanish "Reproducción"): a picture reproduced from the platform, outlet or account named
    # after the slash ("Reprodução/TV Globo", "Reprodução/Instagram"), who made it not said; "Redes sociais" (social
    # networks) names where only (newuser45a #5, #6). Never the photographer: "Reprodução" was read as one.
    "reproduction": "reprodução|reproducao|reproducción|reproduccion|redes sociais|redes sociales",
    # Spanish and Portuguese "captura (de pantalla, de tela)": a screenshot, from where not said (newuser45a #6)
    "screenshot": "captura|captura de pantalla|captura de tela|captura de vídeo|captura de video",
    # droits réservés: the rights are reserved, the author unknown (a French caption's "Photo : DR"); "D.R." is
    # looked up with its last dot cut, as a credit's ends are (`ENDS`). A bare "DR" after "Foto" may be the Danish
    # broadcaster: `credits.labelled` leaves it in doubt
    "rights-reserved": "dr|d.r|droits réservés|tous droits réservés",
}
LABEL_KINDS = {label: kind for kind, words in LABELS.items() for label in words.split("|")}
# A screenshot's word as a part of its own ("Bild: Bildschirmfoto/Telegram", "Foto: Screenshot/YouTube"): a label,
# never the photographer (newuser46a #7)
LABEL_KINDS.update(dict.fromkeys(("screenshot", "screen shot", "screengrab", "screen grab", "bildschirmfoto",
                                  "capture d'écran", "capture d’écran"), "screenshot"))
KEPT_ROLES = frozenset({"pool", "handout"})   # an organisation when nothing else names one
TRAILING_ROLE_RE = re.compile(r"^(?P<name>.*?\S)(?:[\s,]+(?P<role>pool|handout|stf|str|file|files)|-(?P<joined>pool|handout))$",
                              re.IGNORECASE)   # "Al Drago-Pool": Getty joins the role with a hyphen
# A reporter's or a correspondent's title beside a name in Korean, Japanese and Chinese credits ("사진=홍길동 기자",
# "山田太郎記者"; Chinese also before it: "记者 张三"): no part of the name (odds28). These scripts need no space.
REPORTER_WORDS = ("기자", "특파원", "記者", "记者", "特派員", "特派员")
REPORTER_BEFORE = ("記者", "记者")
# A role code before "via": "Jane Doe/Pool via REUTERS", "Royal Navy/Handout via Reuters", "Riverton Police handout
# via AP": the agency after "via" names the organisation, so the role leaves (wire28; it stayed: "Pool via REUTERS").
ROLE_VIA_RE = re.compile(r"^(?:(?P<name>.*?\S)[\s,-]+)?(?P<role>pool|handout)\s+via\s+(?P<org>\S.*)$", re.IGNORECASE)
WIRE_CODE_RE = re.compile(r"\s+[-–]\s+[A-Z]{2,5}[A-Z0-9]*\d[A-Z0-9]*$")   # "... - RTR4JDW4"
# A note in brackets, in small letters, ending a credit: an edit's ("Jane Doe (cropped)", "NASA/JPL (photo
# retouched)", as Wikimedia Commons credits write it: review29e), or the picture's kind ("(file)", "(archive)",
# "(handout)": credits29c). It is no part of a name; a role code in it is read as after a comma (`_without_note`).
NOTE_RE = re.compile(r"(?<=\S)[ \t\u00a0]*[(\[](?P<note>[a-z][^()\[\]A-Z]*)[)\]]$")
SEPARATOR_RE = re.compile(r"\s*[/|＝]\s*|\s+[-–—]\s+")   # "＝": Japanese "AFP＝時事" (#10)
_VIA_RE = LazyPattern(r"via\b", re.IGNORECASE)
_LETTER_RE = re.compile(r"[^\W\d_]")
_FOR_RE = re.compile(r"^for\s+")
_DASHED_RE = LazyPattern(r"^(?P<name>[^-–]+?)\s*[-–]\s*(?P<org>[^-–]+)$")
_AGENCY_PHOTO_RE = LazyPattern(r"(?P<org>.+?)\s+(?:Photos?|PHOTOS?)")
_ACRONYM_RE = re.compile(r"[A-Z]{2,6}(?:-[A-Z][\w]*)*")   # MOD, CBC, NYPD; JPL-Caltech
_VIA_FOR_RE = LazyPattern(r"\s+(?:via|for)\s+")
# A capitalised word, an initial, an agency, a handle, a domain; not a word ending a sentence ("Earth.").
NAME_WORD = r"(?:[A-Z]\.|[A-Z@][\w'’&@-]*(?:\.[\w'’&@-]+)*)"
# A person's name: two to five capitalised words or initials, name particles between them ("Kay de Example").
PERSON_RE = LazyPattern(rf"{NAME_WORD}(?:[ \t\u00a0]+(?:{NAME_WORD}|de|da|van|von|der|del|di|du|la|le|bin)){{1,4}}")
_DOMAIN_RE = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,6}")
ENDS = " \t\u00a0,;:.-–—()[]\"'“”"


# "Jane Doe/Invision/AP Photo": an agency's "Photo" says what the credit is, as in "(AP Photo/Jane Doe)".
AGENCY_PHOTO_RE = re.compile(r"\b(AP|AFP|Reuters|REUTERS|UPI|EPA|PA|CP|Xinhua|XINHUA|dpa|DPA)[ \t\u00a0]+"
                             r"(?:Photos?|PHOTOS?)$")


# Who sent a reader's or a family's picture in: "(Image credit: Submitted by Ashley)". Read inside a credit only:
# in prose, "Submitted by" opens a forum post's byline as often as a photo's credit.
SUPPLIED_BY_RE = re.compile(r"^(?:Submitted|Supplied)[ \t\u00a0]+by[ \t\u00a0]+(?=\S)", re.IGNORECASE)
# One capitalised word: a brand, a studio or a site ("Courtesy Google", "Image: Psyonix"); a person is credited by
# their full name. Not a user name written in camel case ("WSig") or in small letters, nor a handle, nor a common
# first name (`FIRST_NAMES`).
ONE_WORD_ORG_RE = LazyPattern(r"[A-Z][a-z]{2,}")


def one_word_org(value: str) -> bool:
    """`ONE_WORD_ORG_RE` in any script with capitals: "Psyonix", "Укрінформ" (newuser32b #6: a Ukrainian agency's
    one word was read as a person's name, as every word not in Latin letters was)."""
    return ONE_WORD_ORG_RE.fullmatch(value) is not None or not value.isascii() and len(value) >= 3 \
        and value.isalpha() and value[0].isupper() and value[1:].islower()


def is_first_name(word: str) -> bool:
    """A common first name (`FIRST_NAMES`), written with its accents or without: "José", "Zoë" as "Jose", "Zoe". Once
    one capitalised word was an organisation in every script (newuser32b #6), "Photo: José" was one (review32r4)."""
    folded = word.casefold()
    return folded in FIRST_NAMES or "".join(
        c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c)) in FIRST_NAMES


# Words an organisation's name opens with that its language writes in small letters: a Russian or Ukrainian press
# service ("Фото: пресс-служба мэрии", newuser32b #8). A credit may start with them, as with an agency written small.
SMALL_ORG_START_RE = LazyPattern(r"(?:пресс|прес)-(?:служба|служби|службы|центр|центру)(?!\w)", re.IGNORECASE)
# Common first names: alone in a credit ("Photo: Jane", "Courtesy Kevin") a person, who took or sent the picture in.
# Names that are as often a brand, a place or a club (Tiffany, Mercedes, Ford, Lincoln, Victoria, Jordan, Chelsea,
# Madison, Sydney, Austin, Georgia, Virginia, Paris) are left out: one such word stays an organisation.
FIRST_NAMES = frozenset("""
aaron adam adrian aisha alan albert alex alexander alice alicia alison amanda amber amy ana andrea andrew angela anna
anne anthony antonio ashley barbara ben benjamin beth betty bill bob brandon brenda brian bruce carl carlos carol
caroline catherine charles charlotte chris christian christina christine christopher claire daniel david deborah
debra denise dennis diana diane donald donna dorothy douglas edward elena elizabeth ellen emily emma eric erin evan
frank gary george grace greg gregory hannah harry heather helen henry holly ian isabella jack jacob james jane janet
jason jeff jeffrey jennifer jeremy jerry jessica jim joan joe john jonathan jose joseph joshua joyce juan judith julia
julie justin karen kate katherine kathleen kathryn katie keith kelly kenneth kevin kim kimberly kyle larry laura
lauren linda lisa liz lucy luis maria marie mark martha mary matt matthew megan melissa michael michelle mike
natalie nancy nathan nick nicholas nicole noah oliver olivia pamela patricia patrick paul peter rachel raymond rebecca
richard robert ronald rose ruth ryan sam samantha samuel sandra sara sarah scott sean sharon shirley sophia sophie
stephanie stephen steve steven susan teresa thomas tim timothy tom tony tyler walter william zoe
""".split()) | frozenset(
    # German, Polish, Czech, Balkan, Russian and Ukrainian (in Latin letters), French, Italian, Spanish and Portuguese
    # ones (quotes34: "[Scholz]" for "Olaf" failed as another name, where "[Biden]" for "Joe"
    # warns). Not those that are as often a word or a date ("Jan", "Max", "Vera", "Marine", "Will")
    """
olaf ursula annalena friedrich helmut gerhard wolfgang jürgen klaus dieter hans heinz günter horst manfred uwe werner
stefan markus lukas jonas florian tobias sebastian jens sven lars torsten thorsten ralf rolf bernd andreas matthias
christoph martin ute monika sabine petra claudia susanne birgit heike katrin karin anja anke silke ilse gisela ingrid
renate brigitte annegret svenja nadine lena leonie hanna johanna franziska friederike
dmitry dmitri vladimir sergei sergey alexei alexey aleksandr aleksei ivan igor oleg boris yuri yury mikhail nikolai
andrei andriy volodymyr oleksandr oleksiy olena yulia yuliya tatiana tatyana natalia natalya olga irina svetlana
anastasia ekaterina yevgeny evgeny pavel petr vitali vitaly viktor anatoly valery valentina galina lyudmila ludmila
nadezhda ksenia kseniya daria darya vitaliy mykola mykhailo petro taras bohdan
piotr paweł pawel krzysztof tomasz marek jerzy andrzej wojciech jakub łukasz lukasz agnieszka katarzyna małgorzata
malgorzata magdalena ewa joanna zofia tomáš tomas václav vaclav jiří jiri jaroslav miroslav stanislav zdeněk zdenek
miloš milos dragan zoran goran vesna jelena nikola ivana marko luka aleksandar aleksandra
emmanuel jean françois francois jacques michel philippe nicolas isabelle nathalie sylvie céline amélie
pedro pablo miguel javier alejandro fernando sergio jorge manuel giuseppe giorgia matteo giovanni francesco lorenzo
alessandro paolo silvio mario luigi joão joao
""".split()) | frozenset(
    # Russian and Ukrainian ones (extract33): one capitalised word is an organisation in every script (newuser32b
    # #6), and "Фото: Иван" was one
    """
александр алексей анатолий андрей антон артем артём борис вадим валентин валерий василий виктор виталий владимир
владислав вячеслав геннадий георгий григорий денис дмитрий евгений егор иван игорь илья кирилл константин леонид
максим михаил никита николай олег павел петр пётр роман руслан сергей станислав степан тимур федор фёдор юрий ярослав
анастасия анна валентина валерия вера виктория галина дарья евгения екатерина елена елизавета ирина карина ксения
лариса людмила марина мария надежда наталья наталия нина оксана ольга полина светлана софия татьяна юлия
андрій василь віктор віталій володимир дмитро євген ігор олександр олексій микола михайло петро сергій юрій
богдан тарас остап олена ірина наталія тетяна юлія катерина оксана ганна софія людмила
""".split())


def agency_names() -> dict[str, str]:
    """One agency's names (#11: Chron's alt says "Associated Press", its caption "(AP Photo/...)", for one photo): each
    written name, case-folded, to the one it stands for ("رويترز" and "Reuters" to "reuters"). The list is
    cache/agencies.py's, the research views' (cache imports nothing from resolver; resolver may import it): one list,
    where there were two that disagreed (credits36). Read at the first call: a page with no credit never needs it."""
    global _AGENCY_NAMES
    if _AGENCY_NAMES is None:
        from cache.agencies import AGENCIES

        _AGENCY_NAMES = {name.casefold(): key.casefold() for key, names in AGENCIES.items() for name in names}
    return _AGENCY_NAMES


_AGENCY_NAMES: dict[str, str] | None = None


def agency_key(organization: str | None) -> str | None:
    """An organisation as compared for "the same credit": each part of its slash chain that names a news agency
    ("AP", "Associated Press", "أسوشيتد برس") as that agency, the others as written ("AFP/Getty Images" and "Agence
    France-Presse/Getty Images" are one)."""
    names = agency_names()
    if not organization or "/" not in organization and organization.casefold() not in names:
        return organization
    parts = [part.strip() for part in organization.split("/")]
    return "/".join("=" + names[part.casefold()] if part.casefold() in names else part for part in parts)


# A word joining a photographer to the outlet she worked for, ending a credit whose outlet is cut off: Italian,
# Swedish and Danish "per", Dutch "voor", French "pour", English "for", Spanish "para" (in small letters: "Per" is a name)
DANGLING_RE = LazyPattern(r"(?<=\S)[ \t\u00a0]+(?:per|voor|pour|for|para)$")


@remembered(longest=200)   # a page's few credit values, read from its captions, alts and figcaptions: two calls in five (#14)
def split_credit(value: str, org: str | None = None) -> tuple[str | None, str | None]:
    """(creator, organization) of a credit value with its prefix words already gone; `org` when a pattern
    already knows the organisation ('AP' in '(AP Photo/Jane Doe)', given by name: an answer is kept by the value
    and the options named, `remembered`)."""
    value = value.strip()
    if value[-1:] in "ra" and (dangling := DANGLING_RE.search(value)) is not None:
        value = value[:dangling.start()]   # "Foto: Anna per": her outlet cut off, "per" no part of her name (fix47b #8)
    supplied = SUPPLIED_BY_RE.match(value)
    if supplied:
        value = value[supplied.end():]
        if not org and one_word_org(value.strip(ENDS)):
            return value.strip(ENDS), None   # a reader sending a picture in signs with a first name
    creator, organization = _split_credit(value, org)
    return creator, AGENCY_PHOTO_RE.sub(r"\1", organization) if organization else organization


# The platforms whose posts a credit names as "Platform/@account" ("Screenshot: Instagram/@jane", "(Screenshot:
# Threads/@jane)"), "Platform @account" ("Image: Instagram @jane"), or "platform.com/account" ("Photo:
# Instagram.com/jane"): the platform is where the picture was taken from, never its photographer, the account the
# post's (newuser44c #2, #4: "Threads" and "Bluesky" were the creators, "Instagram @jane" one organisation).
PLATFORMS = frozenset("x|twitter|instagram|facebook|tiktok|youtube|threads|bluesky|bsky|mastodon|reddit|telegram"
                      "|snapchat|linkedin".split("|"))
_PLATFORM_SITE_RE = re.compile(r"(?:www\.)?(?P<name>[A-Za-z]+)(?P<site>\.(?:com|net|app|org))?")
# An account, with its server where the platform is federated ("@jane@mastodon.social": "Mastodon" was the creator)
_ACCOUNT_RE = LazyPattern(r"@?[\w][\w.]{0,60}(?:@[\w-]+(?:\.[\w-]+)+)?")
_PLATFORM_SPACE_ACCOUNT_RE = LazyPattern(r"(?P<platform>(?:www\.)?[A-Za-z]+(?:\.(?:com|net|app|org))?)[ \t\u00a0]+"
                                          r"(?P<account>@[\w][\w.]{0,60}(?:@[\w-]+(?:\.[\w-]+)+)?)")
# A Bluesky handle is a domain name, written with no "@" as often as with one ("Bluesky/jane.bsky.social": "Bluesky"
# was the photographer, review45c)
# (in small letters, as Bluesky writes one: "Bluesky/J.Smith" is a person's initial and name)
_DOMAIN_HANDLE_RE = LazyPattern(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}")
_DOMAIN_HANDLE_PLATFORMS = frozenset({"bluesky", "bsky"})


def _platform(part: str) -> tuple[str, bool] | None:
    """A platform's name as a credit writes it ("Threads", "Instagram.com"), and whether as a site; else None."""
    named = _PLATFORM_SITE_RE.fullmatch(part.strip())
    if not named or named["name"].casefold() not in PLATFORMS or named["name"] == "x":
        return None   # a lone "x" in small letters is no platform
    return (named["name"] if named["site"] else part.strip()), bool(named["site"])   # "Instagram.com": Instagram


def platform_account(parts: Sequence[str]) -> tuple[str, str] | None:
    """(account, platform) of a credit naming a platform and an account on it: "Threads/@jane", "Instagram
    @jane", "Instagram.com/jane" (a bare account only after the site's address, as its page's URL has it). None
    otherwise: "Instagram/Jane Doe" is a person's credit, read as before."""
    if len(parts) == 1 and (spaced := _PLATFORM_SPACE_ACCOUNT_RE.fullmatch(parts[0].strip())) is not None:
        parts = [spaced["platform"], spaced["account"]]
    if len(parts) != 2:
        return None
    for platform_part, account in (parts, parts[::-1]):
        platform = _platform(platform_part)
        account = account.strip()
        if platform and _ACCOUNT_RE.fullmatch(account) and (account.startswith("@") or platform[1]
                                                              and account is parts[1].strip()):
            return account, platform[0]
        if platform and platform[0].casefold() in _DOMAIN_HANDLE_PLATFORMS and account is parts[1].strip() \
                and _DOMAIN_HANDLE_RE.fullmatch(account):
            return account, platform[0]   # "Bluesky/jane.bsky.social": a handle, its domain its own (review45c)
    return None


def _split_credit(value: str, org: str | None) -> tuple[str | None, str | None]:
    value = _without_note(without_marks(value).strip())   # zero-width spaces and direction marks: nothing
    if not org and (bracketed := _bracketed_org(value)) is not None:
        # "Jane Doe (Reuters)" as "Jane Doe/Reuters"; "Protesters (Reuters)" as "Reuters" (credits29d #1)
        value = "/".join(part for part in bracketed if part)
    value = _without_year(WIRE_CODE_RE.sub("", value.strip(ENDS)).strip(ENDS))
    if org:
        creator, _ = without_role(value)
        return _person_beside_org(creator) or None, org.strip()
    # a year or a date after each part's name: "© Jane Doe 2024 / Riverton Agency" (credits37)
    parts = [_without_year(p.strip(ENDS)) for p in SEPARATOR_RE.split(value) if p.strip(ENDS)]
    if len(parts) > 2:   # "@name / Twitter / Via Twitter: @name": the trailing via repeats the rest
        parts = [p for p in parts if not _VIA_RE.match(p)] or parts
    kept, roles = [], []
    for i, part in enumerate(parts):
        if not _LETTER_RE.search(part):
            continue   # "Photo by Jane Doe / 11.23.10": a date is nobody
        via = ROLE_VIA_RE.match(part)
        if via:   # "Royal Navy/Handout via Reuters": as "Royal Navy/Handout/Reuters"
            roles.append(via["role"])
            kept += [name for name in (via["name"], via["org"]) if name]
            continue
        name, role = without_role(_FOR_RE.sub("", part) if i else part)
        roles += [role] if role else []
        outlet, _, person = name.rpartition(" ")
        if role in REPORTER_WORDS and outlet and is_org(outlet):
            kept += [outlet, person]   # "연합뉴스 홍길동 기자": the outlet's reporter
        elif role is None and (reporter := _outlets_reporter(name)) is not None:
            kept += reporter   # "新华社记者 王明": Xinhua's reporter (newuser47e #4)
        elif name:
            kept.append(name)
    role_org = next((r for r in roles if r.lower() in KEPT_ROLES), None)
    if not kept:
        return None, role_org
    if (on_platform := platform_account(kept)) is not None:
        return on_platform   # "Threads/@jane", "Instagram @jane": the account, then the platform (newuser44c)
    if len(kept) == 2 and (platform := _platform(kept[0])) is not None and not platform[1] \
            and _platform(kept[1]) is None:
        # "Threads/Jane Doe": the platform is never the photographer (review45c); before an organisation, both are
        # organisations ("Facebook/Riverton Fire Department")
        return (None, as_written(value, kept)) if is_org(kept[1]) else (kept[1], kept[0])
    if len(kept) == 1:
        named, organization = _split_one(kept[0])
        return named, organization or role_org
    if len(kept) == 2 and "X" in kept and any(p.startswith("@") for p in kept):
        return next(p for p in kept if p != "X"), "X"   # "via X/@handle": the account on X, the platform (newuser27)
    people = [p for p in kept[1:] if not is_org(p)]
    if not people and names_a_public_body(kept[0]) and not any(r.casefold() == "handout" for r in roles):
        # "Sozialministerium/dpa": the body supplied it, dpa sent it (newuser46a #1); "U.S. Navy/Handout via REUTERS"
        # says the body made the handout, as "Royal Navy/Handout via REUTERS" does (wire28)
        return None, as_written(value, kept)
    # Agency first ("REUTERS/Jane Doe", "NASA Goddard Center/Jane Doe"): exactly a known agency, or a name that
    # reads as an organisation with a person after it ("Reuters TV/Reuters" keeps Reuters TV as the creator).
    # Organisations only, no agency among them ("Police/Fire Department"): one organisation, no creator; "Police"
    # was the creator, a person to a report's reader (credits29 #1).
    if kept[0].casefold() in KNOWN_ORGS or _is_domain(kept[0]) or is_org(kept[0]) and (
            people or not any(names_an_agency(p) for p in kept[1:])):
        if not people:
            return None, as_written(value, kept)
        return people[0], as_written(value, [p for p in kept if p is not people[0]])
    if not people and _names_a_place_before_a_slash(kept[0]):
        return None, as_written(value, kept[1:])   # "Kyiv/Reuters": a dateline's place, then its supplier (credits31)
    return kept[0], as_written(value, kept[1:])


def _names_a_place_before_a_slash(part: str) -> bool:
    """Is the first part of a slash chain a place ("Kyiv/Reuters", "Gaza City/Reuters", "BEIT LAHIA/Reuters")? A listed
    place (`names_a_place_first`: not one word that is as often a person's name), or a place by its first or last
    word or its state's letters, as before a comma (`names_a_place`; credits32: asked before a comma only, "Gaza
    City/Reuters" gave the creator, `high`). Not a person's name and then a place ("Jane Doe, Washington D.C./Reuters":
    its first words name someone), nor an organisation ("Santa Monica Police/AP"), nor a name with a person's mark
    ("Jane Beach/AP": the creator, `uncertain`, `split_confidence`)."""
    if names_a_place_first(part):
        return True
    return names_a_place(part) and not is_org(part) and not _known_person(part) \
        and not may_name_a_person(part.split(",")[0].strip())


# A name, then who supplied the picture in brackets: "Jane Doe (Reuters)", "Jane Doe [AFP/Getty Images]".
_BRACKETED_ORG_RE = re.compile(r"(?P<name>[^()\[\]/|]*?\S)[ \t\u00a0]*[(\[](?P<org>[^()\[\]]+)[)\]]")


def _bracketed_org(value: str) -> tuple[str | None, str] | None:
    """(name, organisation) of a credit written "Name (Agency)" whose bracket names an organisation, the name None
    when its words may name no person (`may_name_a_person`: "Protesters", "Los Angeles"); else None."""
    found = _BRACKETED_ORG_RE.fullmatch(value.strip())
    if found is None or not (is_org(org := found["org"].strip()) or names_an_agency(org)):
        return None
    name = found["name"].strip()
    return (name if may_name_a_person(name) else None), org


# A copyright's year after a person's name: "© Jane Doe 2024", "Jane Doe, 2024", "Jane Doe © 2019-2024" (review30r2).
_YEAR_AFTER_RE = re.compile(r"(?:[ \t\u00a0]*,|[ \t\u00a0]*©)?[ \t\u00a0]+(?:19|20)\d{2}"
                            r"(?:[ \t\u00a0]*[–-][ \t\u00a0]*(?:19|20)\d{2})?$")


# A person's account in brackets after the name: "Jane Roe (@janeroe)" (the closing bracket stripped as an end)
_HANDLE_AFTER_RE = re.compile(r"[ \t\u00a0]+\(@\w{1,50}\)?$")


def _without_handle(value: str) -> str:
    """A credit without the account in brackets after its name: "Jane Roe (@janeroe)" -> "Jane Roe" (credits37: it
    gave no credit)."""
    handle = _HANDLE_AFTER_RE.search(value)
    return value[:handle.start()] if handle and handle.start() else value


_ON_RE = LazyPattern(r"[ \t\u00a0]+on$", re.IGNORECASE)


def _without_date(value: str) -> str:
    """A credit without the date ending it, as a signature's line writes one ("Photo: Jane Roe (@janeroe) September
    12, 2022"), when the words before it name a person or a known organisation: the creator was "Jane Roe September
    12" (credits37). Only a whole date a dates reader reads (`dates.DATE_RE`), ending the words."""
    if not value[-1:].isdigit():
        return value
    from resolver.extract.dates import DATE_RE

    dated = next((m for m in DATE_RE.finditer(value) if m.end() == len(value) and m.start()), None)
    if dated is None:
        return value
    name = _ON_RE.sub("", value[:dated.start()].rstrip(" \t\u00a0,–—-"))   # "Photo by Jane Roe on March 3, 2024"
    bare = _without_handle(name)
    # a first name alone is no name the date may follow: "Jane May 2020" is Jane May's, in 2020 (review38b)
    alone = len(bare.split()) < 2 and not bare.startswith("@")
    return name if is_persons_name(bare) or _known_person(bare) and not alone or is_known_org(bare) else value


def _without_year(value: str) -> str:
    """A credit without the year ending it when the words before it are a person's name or a known organisation's
    ("© Jane Doe 2024. All rights reserved." gave the creator "Jane Doe 2024", "Copyright AP 2024" the creator "AP
    2024"). A name the year is part of stays: "Tokyo 2020" is neither. A whole date and an account in brackets
    after the name go too (`_without_date`, `_without_handle`)."""
    value = _without_handle(_without_date(value))
    year = _YEAR_AFTER_RE.search(value)
    if year is None or not (is_persons_name(name := value[:year.start()]) or _known_person(name)
                            or is_known_org(name)):
        return value
    return name


def _without_note(value: str) -> str:
    """A credit without the small-letter note in brackets ending it (`NOTE_RE`): "Jane Doe (file)" -> "Jane Doe". A
    kept role stays as a role ("Jane Doe (handout)" reads as "Jane Doe, handout"); a note naming an agency stays
    ("Jane Doe (via reuters)")."""
    note = NOTE_RE.search(value)
    if note is None or not is_note(note["note"]):
        return value
    kept = note["note"].strip() if note["note"].strip().casefold() in KEPT_ROLES else ""
    return value[:note.start()] + (", " + kept if kept else "")


def label_kind(words: str) -> str | None:
    """The kind of picture words that are a whole label say it is (`LABELS`: "Archiv" -> "file", "DR" ->
    "rights-reserved"), or None when they are no label."""
    return LABEL_KINDS.get(without_marks(words).strip(ENDS).casefold())


_MARKS_RE = LazyPattern(f"[{MARKS}\u200b]")


def without_marks(words: str) -> str:
    """Words without direction marks (`text.MARKS`) and zero-width spaces: no part of a name (newuser35b #2)."""
    return _MARKS_RE.sub("", words) if not words.isascii() else words


def is_note(words: str) -> bool:
    """Are words in brackets after a credit a note in small letters ("file", "archive", "photo cropped", "handout"),
    not an agency written small ("dpa", "via reuters")? credits29c."""
    words = words.strip()
    return words[:1].islower() and not any(c.isupper() for c in words) and not any(
        word in KNOWN_ORGS and word not in KEPT_ROLES for word in re.findall(r"[\w'’-]+", words.casefold()))


def _person_beside_org(creator: str) -> str:
    """The photographer of an agency credit that names a studio or outlet beside them after a comma ("(AP
    Photo/A24 Films, Jane Doe)"): the part that is not an organisation, when the other one is. Anything else as
    it is: "Jane Doe, John Roe" (two people) is `credits.people_named`' to split."""
    parts = [p.strip(ENDS) for p in creator.split(",")]
    if len(parts) != 2 or not all(parts):
        return creator
    orgs = [is_org(p) for p in parts]
    if orgs.count(True) != 1:
        return creator
    person = parts[orgs.index(False)]
    return person if PERSON_RE.fullmatch(person) else creator


def as_written(value: str, parts: list[str]) -> str:
    """The organisation parts as the credit writes them ("Agence France-Presse — Getty Images") when they stand
    together in it, nothing dropped between them; else joined with a slash."""
    start, end = value.find(parts[0]), value.rfind(parts[-1])
    if 0 <= start <= end:
        written = value[start: end + len(parts[-1])]
        if [p.strip(ENDS) for p in SEPARATOR_RE.split(written) if p.strip(ENDS)] == parts:
            return written
    return (" / " if " / " in value else "/").join(parts)


def without_role(part: str) -> tuple[str, str | None]:
    """("Zach Gibson", "Pool") from "Zach Gibson Pool"; ("", "STR") from "STR"."""
    if part.casefold() in ROLE_CODES or part in REPORTER_WORDS:
        return "", part
    trailing = TRAILING_ROLE_RE.match(part)
    if trailing and not is_known_org(part) and not _surname_file(part, trailing):
        return trailing.group("name").strip(ENDS), trailing.group("role") or trailing.group("joined")
    if part.endswith(REPORTER_WORDS):
        role = next(word for word in REPORTER_WORDS if part.endswith(word))
        return part[:-len(role)].strip(ENDS), role
    if part.startswith(REPORTER_BEFORE):
        role = next(word for word in REPORTER_BEFORE if part.startswith(word))
        return part[len(role):].strip(ENDS), role
    return part, None


def _outlets_reporter(part: str) -> list[str] | None:
    """[outlet, name] of a Chinese credit naming an outlet's reporter, the title between ("新华社记者 王明",
    "中央社記者王小明"); [name] where what stands before the title is no organisation ("本报记者 张三": "this paper's");
    None where the part holds no such title inside it."""
    at = next((part.find(word) for word in REPORTER_BEFORE if 0 < part.find(word)), -1)
    if at < 0:
        return None
    outlet, person = part[:at].strip(ENDS), part[at + len(REPORTER_BEFORE[0]):].strip(ENDS)
    if not person:
        return None
    return [outlet, person] if is_org(outlet) else [person]


def _surname_file(part: str, trailing: re.Match[str]) -> bool:
    """Is "File" ending a name after a space only a surname ("Anna File", written as a name is: a capital, then small
    letters), not the label AP writes after a comma ("Jane Doe, File") or in small letters ("Jane Doe file")?
    credits36: "Photo: Anna File/Reuters" gave the creator "Anna"."""
    role = trailing.group("role") or ""
    return role.casefold() in ("file", "files") and role.istitle() \
        and "," not in part[len(trailing.group("name")):trailing.start("role")]


# A comma between a name and an outlet, spaced or not: "Jane Doe, Reuters", "Jane Doe,Reuters" (credits29b #3).
# The Arabic comma too: "عکس از مریم رضایی، ایسنا" (newuser43a #1: the creator was "مریم رضایی، ایسنا").
_COMMA_RE = LazyPattern(r"[ \t\u00a0]*[,\u060c][ \t\u00a0]*")


def _joined(value: str, joiner: str) -> tuple[str, str] | None:
    """The words before and after the first `joiner` of a value (a comma with any spaces round it), or None."""
    if joiner == ",":
        comma = _COMMA_RE.search(value)
        return (value[:comma.start()], value[comma.end():]) if comma else None
    left, found, right = value.partition(joiner)
    return (left, right) if found else None


# "Jane Doe, courtesy of the family": who made the picture, then who lent it (credits29c #4).
# "Jane Doe, courtesy": lent by someone the words do not name (credits37: the creator was "Jane Doe, courtesy").
COURTESY_AFTER_RE = LazyPattern(r"(?P<name>[^,]+?)[ \t\u00a0]*,[ \t\u00a0]*courtesy(?:(?:[ \t\u00a0]+of)?[ \t\u00a0]+"
                                 r"(?P<lender>\S.*))?", re.IGNORECASE)


# A family, an estate or a collection named by its family's name: "Courtesy of the Hale family" (newuser42a #6: no
# credit, its small "family" failing the strict value check)
NAMED_LENDER_RE = LazyPattern(r"the(?:[ \t\u00a0]+(?-i:[A-Z][\w'’.-]*)){1,3}[ \t\u00a0]+"
                              r"(?:family|families|estate|collection|archives?)")


# "Jane Doe (courtesy of the family)": the same, the lender in brackets (fixleft46a: the name was lost, the bracket
# alone a credit naming no one)
COURTESY_BRACKET_RE = LazyPattern(r"(?P<name>[^,()]+?)[ \t\u00a0]*\([ \t\u00a0]*courtesy(?:(?:[ \t\u00a0]+of)?"
                                  r"[ \t\u00a0]+(?P<lender>[^()]*?))?[ \t\u00a0]*\)", re.IGNORECASE)


def courtesy_after(value: str) -> tuple[str, str | None] | None:
    """(the name, who lent the picture or None) of a name followed by its courtesy line, after a comma or in
    brackets ("Jane Doe, courtesy of the family", "Jane Doe (courtesy of the Hale family)"); None otherwise."""
    found = COURTESY_AFTER_RE.fullmatch(value) or COURTESY_BRACKET_RE.fullmatch(value)
    return (found["name"], found["lender"]) if found is not None else None


def _joiners_in_order(value: str) -> tuple[str, ...]:
    """" via " and " for " in the order the value writes them, then the comma: "Jane Roe for The Riverton Post via
    Getty Images" is Jane Roe's, for the Post, through Getty (credits38: split at " via " first, "Jane Roe for The
    Riverton Post" read as an organisation, the credit named no creator)."""
    via, for_ = value.find(" via "), value.find(" for ")
    return (" for ", " via ", ",") if 0 <= for_ < via else (" via ", " for ", ",")


def _split_one(value: str) -> tuple[str | None, str | None]:
    for for_ in (" pour ", " voor ", " per "):   # "Jean Dupont pour Le Journal": for an outlet (newuser46a #6);
        if for_ in value and " for " not in value:   # Dutch "Jan Bakker voor de Volkskrant", Italian "per" (newuser47a #7)
            value = value.replace(for_, " for ", 1)
    if (relation := _RELATION_BEFORE_RE.match(value)) is not None and may_name_a_person(value[relation.end():]):
        value = value[relation.end():]   # "the author Jane Doe": who she is to the story, then who (review30r2)
    courtesy = courtesy_after(value) if "ourtesy" in value else None
    if courtesy and may_name_a_person(courtesy[0]):
        # an organisation when it reads as one, or a family named by its name ("the Hale family": fixleft46a, it was
        # dropped after a name); "the family" is no one's
        lender = (courtesy[1] or "").strip(ENDS)
        return courtesy[0], lender if lender and (is_org(lender) or NAMED_LENDER_RE.fullmatch(lender)) else None
    for joiner in _joiners_in_order(value):
        joined = _joined(value, joiner)
        if joined is None or not all(joined):
            continue
        left, right = joined
        if joiner == "," and is_org(left) and is_persons_name(right) \
                and (_starts_with_first_name(right) or any(INITIALS_RE.fullmatch(w) for w in right.split())):
            return right, left          # "Reuters, Jane Doe": the agency first (credits29 #4); not a place's
            # name after it ("AP, Los Angeles"), which reads as a person's by its capitals alone
        if is_org(left) and not (joiner == "," and names_a_known_place(left)) \
                or joiner == " via " and " " not in left.strip() and not left.startswith("@"):
            return None, value          # "Bloomberg via Getty Images", "Getty Images for Acme", "SpaceX via Nasa"
        if joiner != ",":
            return left, right          # "Jane Doe via Getty Images"
        if is_org(right):               # "Karl Tate, SPACE.com"; "Protesters, Reuters": a description, no one
            return (left, right) if may_name_a_person(left) else (None, right)   # (credits29b #2)
    dashed = _DASHED_RE.match(value)
    if dashed and value.strip(ENDS).casefold() in agency_names():
        return None, value.strip(ENDS)   # "EPA-EFE": one agency's name, no person and another agency (credits37)
    if dashed and is_known_org(dashed.group("org")):
        return dashed.group("name"), dashed.group("org")   # "Jamie Rhodes-USA TODAY Sports"
    agency_photo = _AGENCY_PHOTO_RE.fullmatch(value)
    if agency_photo and agency_photo.group("org").casefold() in KNOWN_ORGS:
        return None, agency_photo.group("org")   # "(AP Photo)"
    if names_a_place_first(value) and not is_known_org(value):
        return None, None   # "Photo: KYIV", "Photo: Kyiv": a place, in any case, credits no one (credits31, credits32)
    if is_org(value) or one_word_org(value) and not is_first_name(value):
        return None, value
    if names_a_place(value) or names_no_one(value):
        return None, None   # "Photo: Washington D.C.", "Photo: the author": where, or who stands to the story (credits30)
    return value, None


# Words a person's name is not: small letters throughout, a determiner first ("the author", "the harbour at night",
# "his family"). Who they are is not said (credits30 #4).
_DETERMINERS = frozenset("the a an his her their our my its this that".split())


def names_no_one(words: str) -> bool:
    """Are a credit's words in small letters, a determiner first ("the author", "the harbour at night")? They name no
    one, whatever they describe: no creator is read from them."""
    split = words.split()
    return bool(split) and split[0] in _DETERMINERS and not any(c.isupper() for c in words)


# Who stands to the story, named by that alone: "the author", "the author's family", "his family" (credits30 #4). A
# credit element holding only such words is a credit that names no one.
UNNAMED_RE = LazyPattern(r"(?:the|his|her|their|our|my|its)(?:[ \t\u00a0]+[a-z][\w'’-]*)?[ \t\u00a0]+"
                        r"(?:author|writer|reporter|photographer|artist|family|owner|subject|sender|reader|contributor"
                        r"|creator|designer|illustrator|user|friend|relative)s?")


# Such words before a person's name: "the author Jane Doe", "our reader Ann Example" (review30r2).
_RELATION_BEFORE_RE = LazyPattern(rf"(?:{UNNAMED_RE.pattern})[ \t\u00a0]+(?=[A-Z])")


def names_a_relation(words: str) -> bool:
    """Do a credit's words say only who stands to the story (`UNNAMED_RE`): "the author", "the author's family"?"""
    return UNNAMED_RE.fullmatch(words.strip(ENDS)) is not None


def may_name_a_person(words: str) -> bool:
    """May the words before ", Agency" name who made the picture? A person's name (`is_persons_name`), one in capitals
    or with particles ("JANE DOE", "Kay de Example") that no headline's word is in ("Two Protesters"), a handle, a
    common first name alone, or words in a script with no capitals (`_caseless_unproven` marks those). Not a
    description: "Protesters", "Riot police" (credits29b #2)."""
    if reads_as_dateline(words):
        return False   # "Los Angeles, Reuters", "KYIV (Reuters)": a dateline's place, no one (credits29c #2, credits30)
    return is_persons_name(words) or words.startswith("@") or is_first_name(words) or _titled(words) \
        or PERSON_RE.fullmatch(words) is not None and not reads_as_headline(words) \
        or not words.isascii() and CASELESS_LETTER_RE.search(words) is not None


# The first and last words of places' names that a person's name does not start or end with ("Los Angeles", "San
# Francisco", "Hong Kong", "Salt Lake City"), case-folded. Not a gazetteer: a one-word place before ", Agency" is no
# creator already, and other names are `uncertain` there unless a person's mark says otherwise (`_known_person`).
# credits30 added first words of places' names in other languages that few names start with ("Rio de Janeiro", "Dar
# es Salaam", "Puerto Rico", "Sri Lanka"; not "Abu", a name's part too, nor "United": "United Nations") and the last
# words of regions ("Gaza Strip"). credits31: "Rio" left (a name's too: "Rio Ferdinand"; Rio's cities are in
# `credit_places`), "New" came ("New Orleans", "New Jersey": no person's name starts with it). review31r2: Arabic
# and Hebrew places' first words, for datelines spelled otherwise than the list ("BEIT LAHIA", "DEIR EL-BALAH").
PLACE_FIRST_WORDS = frozenset("los las san santa são sao saint st. st fort ft. port mount mt. cape hong tel buenos "
                              "kuala north south east west new dar puerto porto santo costa sri saudi "
                              "beit deir kafr kfar kibbutz kiryat ramat"
                              .split())
PLACE_LAST_WORDS = frozenset("city beach springs county heights island islands valley strip province district region "
                             "republic emirates territory territories".split())


# A state's or a country's letters ending a place's name: "Washington D.C.", "Albany, N.Y.", "London U.K." A person's
# name ends in a word, not in initials (credits29d #2).
_STATE_LETTERS_RE = re.compile(r"[A-Z]\.(?:[A-Z]\.?){1,2}")


def names_a_place(words: str) -> bool:
    """Do two or more words read as a place's name by their first or last word (`PLACE_FIRST_WORDS`), or by a
    state's letters last ("Washington D.C.")?"""
    split = words.split()
    return len(split) >= 2 and (split[0].casefold() in PLACE_FIRST_WORDS or split[-1].casefold() in PLACE_LAST_WORDS
                                or _STATE_LETTERS_RE.fullmatch(split[-1]) is not None or names_a_known_place(words))


def reads_as_dateline(words: str) -> bool:
    """Do the words before an agency (", Reuters", "(Reuters)") read as a dateline's place, not a person's name? A
    place's name (`names_a_place`), or one word in capitals as a dateline writes its place ("WASHINGTON"):
    not when a person's mark says otherwise ("JANE DOE", `_known_person`), nor an organisation's ("NASA", "NYPD": an
    acronym of one word stays one, unless the place list knows it: "KYIV"). credits31: a place the short place list
    knows (`names_a_known_place`: "Addis Ababa", "Tokyo Bay", "KHAN YOUNIS"); two words in capitals it does not know
    are a name ("GLEB GARANICH", as Reuters writes its photographers'), `uncertain` there."""
    return names_a_known_place(words) or names_a_place(words) or (
        words.isupper() and len(words.split()) == 1 and sum(c.isalpha() for c in words) >= 3
        and not _known_person(words) and not is_org(words))


# Titles written before a person's name, shortened with a stop: "Gen. Jane Doe", "Rep. John Roe", "Lt. Col. Ann
# Example" (credits30 #3). Read by `credits.NO_ABBREVIATION` (the stop ends no credit) and `_titled` (a person's mark).
TITLES = ("Gen", "Rep", "Sgt", "Lt", "Col", "Dr", "Capt", "Sen", "Gov", "Prof", "Maj", "Cpl", "Pvt", "Pfc", "Spc",
          "Adm", "Cmdr", "Brig", "Mr", "Mrs", "Ms", "Rev", "Hon", "Det", "Insp", "Supt", "Amb", "Pres")
_TITLED_RE = LazyPattern(rf"(?:(?:{'|'.join(TITLES)})\.[ \t\u00a0]+)+[A-Z]")


def _may_be_no_person(creator: str) -> bool:
    """Do a creator's words before an organisation leave open that no person is named: one word that is no handle
    (a photographer of one name, AFP's "YANUAR", as well as a programme, "Vesti/The Siberian Times", or a place that
    is a name too, "Orlando/Reuters": fixnu32j), or a place's name ("Jane Beach/AP", a listed place with no person's
    mark: credits32)? One word in capitals reads as an acronym's to `is_org`, but the split took it as the
    creator ("YANUAR/AFP"): asked all the same."""
    if len(creator.split()) == 1:
        return creator[:1].isupper()   # not a handle, nor a name in a script with no capitals ("홍길동", newuser32b)
    return not is_org(creator) and (names_a_place(creator) or names_a_known_place(creator)
                                    and not _known_person(creator))


def _titled(creator: str) -> bool:
    """Does a name start with a title ("Dr. Jane Doe", "Lt. Col. Ann Example")? Only a person's does."""
    return _TITLED_RE.match(creator) is not None


def _known_person(creator: str) -> bool:
    """Does a name carry a person's mark: a common first name, an initial before its last word ("J. R. Example"),
    or a handle?"""
    words = creator.split()
    return _starts_with_first_name(creator) or creator.startswith("@") or _titled(creator) \
        or any(INITIALS_RE.fullmatch(w) for w in words[:-1])


# A comma or an opening bracket between a name and an organisation: "Ann Example, Reuters", "Ann Example (Reuters)".
_COMMA_OR_BRACKET_RE = re.compile(r"[ \t\u00a0]*[,(\[][ \t\u00a0]*")


def _before_a_comma(raw: str, creator: str, organization: str) -> bool:
    """Does the credit write the creator, a comma, then the organisation ("Ann Example, Reuters")? Or the organisation
    in brackets ("Ann Example (Reuters)", a dateline's form too: "KYIV (Reuters)": credits29d #1)."""
    at = raw.find(creator)
    comma = _COMMA_OR_BRACKET_RE.match(raw, at + len(creator)) if at >= 0 else None
    return comma is not None and raw.startswith(organization, comma.end())


# Letters of scripts with no capitals (Arabic, Japanese kana, Chinese characters, Korean Hangul): there a name cannot
# be told from a description by its capitals ("写真：記者会見する首相", Photo: the prime minister at a press conference).
# Compiled when first used (its ranges take 1.8 ms to compile), and asked only of a value that is not ASCII (#14).
CASELESS_LETTER_RE = LazyPattern(r"[\u05d0-\u05ea\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _caseless_unproven(creator: str, raw: str) -> bool:
    """Is a creator written in a script with no capitals, and not called a reporter ("홍길동 기자", "记者 张三")?
    Nothing then says its words name a person: "سفينة حربية" (a warship) before "/رويترز" is a description (credits29
    #2). An organisation's name that reads as one (`is_org`) is not asked."""
    if creator.isascii() or not CASELESS_LETTER_RE.search(creator) or is_org(creator):
        return False
    at = raw.find(creator)
    return at < 0 or not (raw[at + len(creator):].lstrip().startswith(REPORTER_WORDS)
                          or raw[:at].rstrip().endswith(REPORTER_BEFORE))


# "Submitted by Ann", "Photo: Ann Example for Riverton", "Ann Example via Riverton": the form says who made it.
_SENT_BY_RE = LazyPattern(r"(?:Submitted|Supplied)[ \t\u00a0]+by[ \t\u00a0]+$", re.IGNORECASE)


def split_confidence(creator: str | None, organization: str | None, raw: str = "", *,
                     listed_with: Sequence[str] = ()) -> str | None:
    """How sure the person/organisation split of a credit is (#11): "high" when evidence decided it (the
    organisation reads as one: a known agency, an organisation word, a domain, an acronym; or the creator starts
    with a common first name; or the credit's words say so: "Name via/for Outlet", "Submitted by Name"; or the
    creator is listed among people, `_listed_among_people`); "uncertain" when a name was taken as a person or an
    organisation by default ("Ecological Economics", "Psyonix", "Zed Quux/Riverton"), or a creator in a script with no
    capitals that no reporter's title calls a person, whatever the organisation (`_caseless_unproven`), or a creator
    before an organisation whose words may name no person: one word, or a place's too (`_may_be_no_person`:
    "Vesti/The Siberian Times", "Orlando/Reuters", "Jane Beach/AP"); None when the credit names nobody.
    `raw`: the credit's words as printed; `listed_with`: the creators the tool read from the same words, this one
    among them."""
    if not creator and not organization:
        return None
    if creator and _caseless_unproven(creator, raw):
        return "uncertain"   # an agency makes the organisation sure, not the words before it a name
    if creator and (":" in creator or "：" in creator):
        return "uncertain"   # "Fotoğraf: Ahmet Yıldız": a label no list knew, kept in the name (newuser32b #6)
    if creator and organization and _before_a_comma(raw, creator, organization) and not _known_person(creator) \
            and not _listed_among_people(creator, listed_with, raw):
        return "uncertain"   # "Ann Example, Reuters": the words before the comma may be a place's (credits29c #2)
    if creator and organization and _may_be_no_person(creator):
        return "uncertain"   # "Orlando/Reuters", "Vesti/The Siberian Times", "Jane Beach/AP" (credits32, fixnu32j)
    if not creator and organization and _longer_than_an_acronym(organization):
        return "uncertain"   # "Photo: YANUAR", "Photo: UNICEF": a name or an acronym (extract33)
    if not creator and organization and org_named_like_a_person(organization):
        return "uncertain"
    if not creator and organization and _dutch_outlet_unsure(organization):
        return "uncertain"   # "Foto: de Wester": an outlet by its article, which one not said (fix47b #7)
    if organization and (is_org(organization) or names_an_agency(organization)):
        return "high"
    if creator and organization and platform_account([organization, creator]) is not None:
        return "high"   # "Threads/@name", "Bluesky/@name": an account on a platform, as "Instagram/@name" (newuser44c)
    if organization == "X" and (creator.startswith("@") if creator else _SCREEN_CAPTURE_RE.search(raw) is not None):
        return "high"   # an account on X, the platform, or "Screenshot via X", "Video still via X": only such words
        # read a lone "X" so
    if creator and (_starts_with_first_name(creator) and not _name_in_capitals_alone(creator)
                    or _titled(creator) or _stated(raw, creator)
                    or _listed_among_people(creator, listed_with, raw)):
        return "high"
    return "uncertain"


def is_persons_name(name: str) -> bool:
    """Does a name read as a person's: two or three capitalised words ("Bry Crasch", "Mark Von Holden"), none an
    organisation's, initials among them or before them ("Jane Q. Doe", "J. R. Example": credits29 #4), a capitalised
    word last? Strict on purpose (#11): no particles, handles, capitals throughout ("BRY CRASCH" may be an acronym's)
    or inner capitals ("McDonald", "WSig"); such a name keeps the common rule's mark."""
    words = name.split()
    named = [w for w in words if not INITIALS_RE.fullmatch(w)]
    return 2 <= len(words) <= 4 and 1 <= len(named) <= 3 and _capitalised(words[-1]) \
        and all(_capitalised(w) for w in named) and not is_org(name) \
        and not names_an_agency(name) and not reads_as_headline(name)


INITIALS_RE = LazyPattern(r"(?:[A-Z]\.){1,3}")   # "J.", "J.R."


def reads_as_headline(name: str) -> bool:
    """Does a capitalised name hold a word that heads a story and names no one ("Big Win", "Record Funding",
    `HEADLINE_WORDS`)? Such words are capitalised by headline case, not because they are a name (review28c §7)."""
    return any(word.strip(ENDS).casefold() in HEADLINE_WORDS for word in name.split())


# An image title that is only "Name for Outlet": U.S. News' headshots ("Diana Soliwon for USNWR"); a caption's last
# sentence ("Protesters gather. Jane Doe for The New York Times", wire28b).
_FOR_OUTLET_RE = LazyPattern(r"(?P<name>\S+(?: \S+){1,3}) for (?P<outlet>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,4})")

# What a candidate runs for, not an outlet: a campaign's sign or logo ("Mary Johnson for Congress") reads as one.
_OFFICES = frozenset({
    "congress", "senate", "house", "assembly", "council", "mayor", "governor", "president", "sheriff", "judge",
    "court", "board", "commissioner", "commission", "legislature", "parliament", "treasurer", "comptroller",
    "controller", "attorney", "clerk", "delegate", "representative", "supervisor", "alderman", "office", "district",
    "senator", "congressman", "congresswoman", "secretary", "auditor", "prosecutor", "chair", "ward",
})


def person_for_outlet(value: str, *, first_name: bool = True) -> bool:
    """Is `value` only a person's name and the outlet they worked for ("Dana Example for RDN")? Strict, as it is
    asked of image titles, which mostly describe or head a story: the name reads as a person's (`is_persons_name`)
    and starts with a common first name, the outlet is one to four capitalised words that read as an organisation
    (an acronym, an organisation word, "The New York Times") and name no office ("for Congress", "for City Council":
    a campaign's picture), nothing else (#11). `first_name=False` where the place says it is a credit, a caption's
    last sentence (wire28b): most photographers' first names are not on the short list, so there any name counts
    that reads as a person's, none of its words a headline's ("Big Win for Boston Sports": review28c §7)."""
    found = _FOR_OUTLET_RE.fullmatch(value.strip())
    return found is not None and is_persons_name(found["name"]) \
        and (not first_name or _starts_with_first_name(found["name"])) \
        and is_org(found["outlet"]) and not any(word.lower().strip(".") in _OFFICES for word in found["outlet"].split())


# "DALE HUNT/The Daily Courier", "Dale Hunt / The Daily Courier": a US newspaper's caption credit, its photographer
# (often in capitals) and the paper itself, named with its "The" (newuser44d #3)
_SLASH_OUTLET_RE = LazyPattern(r"(?P<name>\S+(?: \S+){1,3}) ?/ ?(?P<outlet>The(?: [A-Z][\w&.'’-]*){1,4})")


def person_slash_outlet(value: str, *, first_name: bool = True) -> bool:
    """Is `value` only a person's name, a slash, and "The" and the paper's name ("DALE HUNT/The Daily Courier")? As
    `person_for_outlet` asks of "for": a name in capitals is read as its words capitalised."""
    found = _SLASH_OUTLET_RE.fullmatch(value.strip())
    if found is None:
        return False
    name = found["name"].title() if found["name"].isupper() else found["name"]
    return is_persons_name(name) and (not first_name or _starts_with_first_name(name)) \
        and is_org(found["outlet"]) and not any(word.lower().strip(".") in _OFFICES for word in found["outlet"].split())


def _capitalised(word: str) -> bool:
    """"Crasch", "O'Brien", "Smith-Jones", "José"; not "NGAN", "WSig", "de"."""
    parts = re.split(r"['’-]", word)
    return any(c.islower() for c in word) and all(
        p.isalpha() and p[0].isupper() and (len(p) == 1 or p[1:].islower()) for p in parts)


# Between two names of a list: a comma, "and", "&", a picture's place ("Ann Quux, left, and Ben Roe").
_LIST_GAP_RE = LazyPattern(r"[ \t\u00a0]*(?:,[ \t\u00a0]*(?:(?:left|right|top|bottom|above|below|center|centre)"
                           r"[ \t\u00a0]*,?[ \t\u00a0]*)?(?:and[ \t\u00a0]+)?|and[ \t\u00a0]+|&[ \t\u00a0]*)")


def _listed_among_people(creator: str, listed: Sequence[str], raw: str) -> bool:
    """Is the creator one of a list of people ("Hannah Burton, Bry Crasch, Isla Murray, …, Mary Blount/Bustle")?
    Names listed together share their evidence only when it is strong (#11; a wrong "high" is worse than a right
    "uncertain"): every name in the list reads as a person's (`is_persons_name`), two or more of them start with a
    common first name, and the names stand together in the credit's words, in order, joined only by commas, "and"
    or "&". Limits: one common first name vouches for no other name ("Jane Doe, Ecological Economics" may be a
    photographer and a data source); an organisation named like a person in a list of people ("Ann Quux, Ben Roe,
    Ecological Economics") is still taken as a person, and marked "high" with the others."""
    names = list(dict.fromkeys(listed))
    if creator not in names or not all(is_persons_name(n) for n in names) \
            or sum(_starts_with_first_name(n) for n in names) < 2:
        return False
    at = raw.find(names[0])
    for before, name in zip(names, names[1:]):
        end = at + len(before)
        at = raw.find(name, end) if at >= 0 else -1
        if at < 0 or not _LIST_GAP_RE.fullmatch(raw, end, at):
            return False
    return at >= 0


def _name_in_capitals_alone(name: str) -> bool:
    """One word in capitals, a first name's or not ("Photo: JOSE"): it may be an acronym's too (ANA, EVA), so a
    first name does not make it sure (extract33)."""
    return " " not in name.strip() and name.isupper()


def org_named_like_a_person(name: str) -> bool:
    """Is an organisation's name a person's as well, a common first name first: a known one ("Hans Lucas": a French
    collective, or a German man of that name, review46h), or a first name and a surname an organisation's name ends
    with too ("Anna Presse", "Emily Post": fix47b #2)? Read as the organisation, it is not sure."""
    return _starts_with_first_name(name) and (is_known_org(name) or _first_name_and_org_word(name))


def _first_name_and_org_word(name: str) -> bool:
    """Is a name two words, the second one an organisation's name ends with (`ORG_WORD_RE`: "Presse", "Post", "Radio")
    and a surname as well ("Anna Presse", "Emily Post")? Asked of one starting with a common first name."""
    words = name.split()
    return len(words) == 2 and words[1][:1].isupper() and ORG_WORD_RE.fullmatch(words[1]) is not None


def _starts_with_first_name(name: str) -> bool:
    first = name.split(maxsplit=1)[0].strip(ENDS) if name.strip() else ""
    return first[:1].isupper() and is_first_name(first)


def _stated(raw: str, creator: str) -> bool:
    """Does the credit call the creator a sender ("Submitted by Name") or credit them via or for someone ("Name
    for Outlet")?"""
    at = raw.find(creator)
    if at < 0:
        return False
    joined = _VIA_FOR_RE.match(raw, at + len(creator))   # the joiner `_split_one` splits "Name via Outlet" at
    return bool(_SENT_BY_RE.search(raw, 0, at)) or joined is not None and joined.end() < len(raw)


# The verbs a sentence about people is told with, written small: reporting verbs and the common ones (a word ending
# in "ed" is asked apart). Read between names only (`reads_as_prose`).
SENTENCE_VERBS = frozenset("""
said says told tells asks is are was were has have had will would shows took takes gave gives met meets spoke speaks
wrote writes saw sees held holds won wins
""".split())
# What follows a verb's form in a credit's own phrase: "released by the Navy", "licensed under CC BY", "used with".
_CREDIT_PHRASE_NEXT = frozenset("by under with from via for courtesy of on in at to".split())


def reads_as_prose(value: str) -> bool:
    """Is a value a sentence about people rather than a credit? A verb written small stands after a capitalised word
    and right before another ("He told Jane Q. Doe", "The mayor thanked Jane Doe"), or at the end ("Reuters said."): credits29b #1, a credit element's one sentence of prose was split whole and
    "He told Jane Q. Doe" was its creator. Not a verb's form before a preposition ("released by the Navy",
    "licensed under"), nor after a comma ("Jane Doe, cropped": an edit's note) or in brackets ("Jane Doe (cropped)":
    review29e, the credit was dropped)."""
    raw = value.split()
    words = [w.strip(ENDS) for w in raw]
    bracketed = 0   # how many brackets are open before the word
    for i, word in enumerate(words):
        opened = bracketed + raw[i].count("(") + raw[i].count("[")
        bracketed = opened - raw[i].count(")") - raw[i].count("]")
        if not word or not word[0].islower() or not (word.endswith("ed") or word in SENTENCE_VERBS) \
                or not any(map(_capitalised_word, words[:i])) or raw[i - 1].endswith(",") or opened > 0:
            continue
        after = words[i + 1] if i + 1 < len(words) else None
        if after is None or _capitalised_word(after) and after.casefold() not in _CREDIT_PHRASE_NEXT:
            return True
    return False


def _capitalised_word(word: str) -> bool:
    return word[:1].isupper()


# The Arabic yeh and kaf as Persian writes them: a windows-1256 Persian site writes "ايرنا" for "ایرنا" (newuser43a #1)
_PERSIAN_LETTERS = str.maketrans({"\u064a": "\u06cc", "\u0643": "\u06a9"})


def is_known_org(value: str) -> bool:
    """A known agency, wire, library or platform, or such a name with a word after it ("Getty Image",
    "NASA Worldview")."""
    folded = value.replace("İ", "I").casefold().strip()   # Turkish "İHA": "i̇ha" has a combining dot
    if not folded.isascii() and folded not in KNOWN_ORGS and ("\u064a" in folded or "\u0643" in folded):
        folded = folded.translate(_PERSIAN_LETTERS)   # "ايرنا", "ايسنا": the Arabic yeh and kaf (newuser43a #1)
    first = folded.split(" ")[0]
    return folded in KNOWN_ORGS or first in KNOWN_ORGS and len(folded.split()) <= 3 \
        and first not in ("ap", "pa", "cp", "abc", "fox", "sky", "mega", "rex", "pool", "handout") \
        and (first not in AMBIGUOUS_AGENCIES or all(map(PICTURE_WORD_RE.fullmatch, value.split()[1:]))) \
        and not _prose_after(value.split()[1:])


# Words for pictures after an ambiguous agency's short name ("EPA Images", "AA Photo"), which say it is the agency, as
# a given name after it ("تسنیم احمدی") does not (review36c: both gave no credit after credits36).
PICTURE_WORD_RE = LazyPattern(r"(?:Images?|Photos?|Pictures?|IMAGES?|PHOTOS?|Foto(?:ğraf)?|FOTO)")


def _prose_after(words: list[str]) -> bool:
    """Are the words after a known name a caption's, not its own: one in small letters, and they are no known name
    ("Foto: dpa zeigt Brücke" was the organisation "dpa zeigt Brücke", review32r4; "dpa picture-alliance" is two
    names)?"""
    return any(word[:1].islower() and word.casefold() not in _AGENCY_WORDS for word in words) \
        and " ".join(words).casefold() not in KNOWN_ORGS


# Words in small letters an agency's credit writes after its name, its own ("Reuters staff", "AFP file", "AP pool
# photo"): no caption's (review33r2: "Reuters staff" was read as a person).
_AGENCY_WORDS = frozenset("staff photo photos file handout pool images via for".split())


# German and French public bodies a credit names, as one word or a compound (newuser46a #1): "Foto: Bundesregierung/
# Steffen Kugler" made "Bundesregierung" the photographer, "Bild: Sozialministerium/dpa" the ministry. A ministry, a
# government and its spokesperson's office, the chancellery, a state chancellery, police, armed forces, a press office;
# a prefecture, the government, the Élysée, the gendarmerie, a town hall. Compiled when first asked (#14: start-up),
# as quotes.py's word lists (`_BODIES`) are too far a module to load for it (it imports Decimal).
PUBLIC_BODY_RE = LazyPattern(
    r"(?<!\w)(?:\w*ministerium|\w*regierung|regierungssprecher(?:in)?|\w*kanzleramt|\w*kanzlei|\w*polizei\w*"
    r"|bundeswehr|feuerwehr|\w*pressestelle|\w*presseamt|landratsamt|rathaus|stadtverwaltung|bundestag|landtag"
    r"|pr[ée]fecture|gouvernement|[ée]lys[ée]e|gendarmerie|mairie|minist[èe]re|assembl[ée]e nationale"
    r"|s[ée]nat|conseil r[ée]gional|conseil d[ée]partemental|police nationale|police municipale"
    # Dutch and Italian (newuser47a #3): "Foto: Politie Utrecht", "Foto: Vigili del Fuoco" were read as a person
    r"|politie\w*|brandweer\w*|gemeente|ministerie|rijksoverheid|defensie|rijkswaterstaat|\w*marechaussee"
    r"|provincie|openbaar ministerie|polizia|carabinieri|vigili del fuoco|guardia di finanza|guardia costiera"
    r"|protezione civile|comune di|ministero|prefettura|questura|governo|palazzo chigi|quirinale)(?!\w)",
    re.IGNORECASE)
# Spanish and US public bodies (fix47b #1): "(Foto: Policía Nacional)", "Fuente: Guardia Civil", "Photo: U.S. Coast
# Guard", "(Photo: Ohio National Guard)" were read as a person, "U.S. Air Force/Jane Roe" made the air force the
# photographer; anything "U.S." names is a body, a state's guard is one. A pattern of their own, asked only of a name
# opening with one of their first words or holding "guard" (`_MAY_BE_SPANISH_OR_US_BODY`): in PUBLIC_BODY_RE they
# doubled its compiling, 0.5 ms of a one-file scan asking it of any name (#14).
SPANISH_OR_US_BODY_RE = LazyPattern(
    r"(?:polic[ií]a|guardia civil|guardia urbana|ayuntamiento|ej[ée]rcito|armada|fuerzas armadas|mossos|ertzaintza"
    r"|bomberos|protecci[óo]n civil|delegaci[óo]n del gobierno|casa real|moncloa|generalitat|xunta|junta de"
    r"|diputaci[óo]n|cabildo|salvamento mar[ií]timo|gobierno|ministerio"
    r"|u\.\s?s\.|us (?:army|navy|air force|marines?|coast guard|space force|department|embassy)"
    r"|(?:[a-z.]+ ){0,2}(?:national|coast) guard)(?!\w)",
    re.IGNORECASE)
_SPANISH_OR_US_BODY_FIRST_WORDS = frozenset(
    "policía policia guardia ayuntamiento ejército ejercito armada fuerzas mossos ertzaintza bomberos protección "
    "proteccion delegación delegacion casa moncloa generalitat xunta junta diputación diputacion cabildo salvamento "
    "gobierno ministerio u.s. us".split())


# PUBLIC_BODY_RE's bodies as an ASCII name writes them ("[ée]" an "e"): how each opens, and the words a "\w*" may put
# inside the name's first word ("Sozialministerium"). An ASCII name opening with none and holding none of the second,
# in any case, is no such body, and the pattern (0.6 ms to compile) is not asked (perf48a, #14: a one-file scan's
# credit names are most often plain names). tests/test_credits.py reads the bodies from the pattern to check them.
_PUBLIC_BODY_OPENINGS = ("bundes", "feuerwehr", "landrat", "landtag", "rathaus", "stadtverwaltung", "prefe",
                         "gouvernement", "elysee", "gendarmerie", "mairie", "minist", "assemblee", "senat", "conseil",
                         "police", "politie", "brandweer", "gemeente", "rijks", "defensie", "provincie", "openbaar",
                         "polizia", "carabinieri", "vigili", "guardia", "protezione", "comune", "questura", "governo",
                         "palazzo", "quirinale")
_PUBLIC_BODY_INSIDE = ("ministerium", "regierung", "kanzle", "polizei", "presse", "marechaussee")


def _may_be_public_body(value: str) -> bool:
    """Can `PUBLIC_BODY_RE` match the (stripped) name? Not when it is ASCII, opens with none of its bodies and holds
    none of the words it finds inside a first word (read case-blind, as the pattern is: in ASCII text its letters
    match no other). A name beyond ASCII is always asked."""
    if not value.isascii():
        return True
    lowered = value.lower()
    return lowered.startswith(_PUBLIC_BODY_OPENINGS) or any(word in lowered for word in _PUBLIC_BODY_INSIDE)


def _may_be_spanish_or_us_body(value: str) -> bool:
    """Does a name open with a word `SPANISH_OR_US_BODY_RE` opens with, or hold "guard"? No regex: any name is asked.
    "GUARD" too: wire captions write credits in capitals ("OHIO NATIONAL GUARD" was a person, review47f)."""
    first = value.split(None, 1)[0].casefold() if value else ""
    return first in _SPANISH_OR_US_BODY_FIRST_WORDS or first.startswith("u.s.") \
        or ("uard" in value or "UARD" in value) and " guard" in value.casefold()


def names_a_public_body(value: str) -> bool:
    """Does a credit's part open with a public body's word (`PUBLIC_BODY_RE`): "Sozialministerium", "Préfecture du
    Nord", "Polizei Berlin", "Guardia Civil", "U.S. Coast Guard"? Not a word inside a name ("Jean Senat"). A body before an agency supplied
    the picture, the agency sent it on: neither made it (newuser46a #1)."""
    value = value.strip()
    return _may_be_public_body(value) and PUBLIC_BODY_RE.match(value) is not None \
        or _may_be_spanish_or_us_body(value) and SPANISH_OR_US_BODY_RE.match(value) is not None


# A Dutch or Flemish outlet named with its article in small letters: "de Volkskrant", "het Parool" (fix47b #7: "Beeld:
# de Volkskrant" was a person). A Dutch surname's "de" is written "De" when no first name or initial stands before it
# ("De Vries"), so the small one opens no person's name. Case-sensitive.
DUTCH_ARTICLE_RE = LazyPattern(r"(?:de|het)[ \t\u00a0]+[A-Z]")
# The outlets "de" opens that are sure to be one: a word of a paper's name (-krant, -courant, -blad, -bode), or a
# paper's or a site's name ("de Telegraaf", "de Stentor"). Another "de" name is an organisation, not sure ("de Wester").
DUTCH_OUTLET_RE = LazyPattern(
    r"de[ \t\u00a0]+(?:.*?(?:krant|[Cc]ourant|blad|[Bb]ode|[Nn]ieuws|[Pp]ost)\b|(?:Telegraaf|Standaard|Morgen|Tijd"
    r"|Gelderlander|Limburger|Stentor|Correspondent|Groene Amsterdammer|Twentsche|Gooi- en Eembode)\b)")


def named_with_dutch_article(value: str) -> bool:
    """Does a name open with a Dutch article in small letters ("de Volkskrant", "het Parool": `DUTCH_ARTICLE_RE`)?"""
    return value[:1] in "dh" and DUTCH_ARTICLE_RE.match(value) is not None


def _dutch_outlet_unsure(organization: str) -> bool:
    """Is an organisation named with "de" one no outlet's word or name says is one ("de Wester")? "het" is an article
    only; a known organisation is sure."""
    return organization.startswith("de") and named_with_dutch_article(organization) \
        and DUTCH_OUTLET_RE.match(organization) is None and not is_known_org(organization)


@remembered(longest=200)   # asked of one page's few names again and again: two calls in three (#14)
def is_org(value: str) -> bool:
    """Does a name read as an organisation rather than a person?"""
    value = value.strip()
    if not value:
        return False
    if is_known_org(value) or ORG_WORD_RE.search(value) or _is_domain(value) or value.startswith("The ") \
            or " " in value and (TITLE_WORD_RE.search(value) or _named_for_the_planet(value)):
        return True
    if names_a_public_body(value):
        return True   # "Bundesregierung", "Préfecture du Nord" (newuser46a #1)
    if named_with_dutch_article(value):
        return True   # "de Volkskrant", "het Parool" (fix47b #7)
    # an acronym, alone or joined to a name: MOD, NYPD, JPL-Caltech; in other letters too: УНІАН, İHA (newuser32b #6)
    return (bool(_ACRONYM_RE.fullmatch(value)) or not value.isascii() and 2 <= len(value) <= 6 and value.isalpha()
            and value.isupper()) and not _name_in_capitals(value)


def _name_in_capitals(word: str) -> bool:
    """Is one word in capitals a first name ("JOSÉ", review32r4; "JOSE", "ИВАН", extract33)? Then it is no acronym:
    a person's name, unsure (`_name_in_capitals_alone`)."""
    return word.isalpha() and is_first_name(word)


def _longer_than_an_acronym(value: str) -> bool:
    """Is a credit's one word in capitals as long as an acronym gets or longer, and no known name? "YANUAR" is a
    photographer AFP credits by one name, "UNICEF" and "SPACEX" organisations, "GARCIA" a surname; NASA, NYPD, UNHCR
    are shorter. Alone it is read as before, an organisation, but unsure (extract33: an acronym, sure). After a slash
    ("Wesley Mann/AUGUST") the form names the organisation."""
    return len(value) >= 6 and value.isalpha() and value.isupper() and not is_known_org(value)


def _named_for_the_planet(value: str) -> bool:
    """One name ending in "Earth" ("Berkeley Earth"), not a list or "Name for Outlet" (the rule reads names, not
    credits), nor a person's name starting with a common first name ("Jane Earth"): review26."""
    return (PLANET_NAME_RE.search(value) is not None and not _JOINED_NAMES_RE.search(value)
            and not _starts_with_first_name(value))


_JOINED_NAMES_RE = LazyPattern(r"[,;&/|+]|\b(?:and|for|via|with|by)\b")


def names_an_agency(value: str) -> bool:
    """Does any part of a credit name a known agency ('Bloomberg via Getty Images', 'AFP/Getty')?"""
    parts = [p for part in SEPARATOR_RE.split(value) for p in _VIA_FOR_RE.split(part)]
    return any(is_known_org(p.strip(ENDS)) for p in parts)


def _is_domain(value: str) -> bool:
    return bool(_DOMAIN_RE.fullmatch(value.strip()))
