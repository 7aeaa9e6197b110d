"""An image's IPTC credit in windows-1256 bytes with no CodedCharacterSet (1:90), as Arabic newsrooms' tools write it
(newuser43a #2). Read as cp1252, the fallback for fields that name no set, it was mojibake ("ÓÇÑÉ ÇáÎØíÈ"), shown as
what the file says, and the image-metadata check failed a right credit. Now such a field is no sure reading: it is
kept apart (its bytes), never shown as the file's words; the check passes when one of its likeliest readings gives
the article's credit word for word (the encoding named), and says "not known" otherwise, never a fail. Every
request goes to the loopback server (tests/fakenet.py)."""

import json

import pytest

from resolver.fetch.media import analyse
from tests import xfixtures as fx
from tests.cliworld import World, lines
from tests.fakenet import page
from tests.waybacknet import serve

NAME, AGENCY = "سارة الخطيب", "وكالة الواحة"
ARABIC_IPTC = {(2, 80): NAME.encode("cp1256"), (2, 110): AGENCY.encode("cp1256")}
MOJIBAKE = NAME.encode("cp1256").decode("cp1252")   # what the file "said": ÓÇÑÉ ÇáÎØíÈ


def test_a_field_naming_no_set_that_cp1252_reads_as_mojibake_is_kept_apart():
    facts = analyse(fx.jpeg(iptc=ARABIC_IPTC))
    assert facts.credit == {}
    assert facts.credit_unsure == {"byline": NAME.encode("cp1256").hex(), "credit_line": AGENCY.encode("cp1256").hex()}
    assert facts.warnings[0].startswith("IPTC by-line (2:80) not read with certainty: its bytes are not UTF-8 and no "
                                        f"1:90 names their character set; read as cp1256 it says '{NAME}'")


@pytest.mark.parametrize("name,encoding", [("José Núñez", "cp1252"), ("Zoë Müller", "cp1252"), ("Ann Lee", "ascii"),
                                           ("Jiří Novák", "utf-8")])
def test_latin_text_naming_no_set_is_read_as_before(name, encoding):
    facts = analyse(fx.jpeg(iptc={(2, 80): name.encode(encoding)}))
    assert (facts.credit, facts.credit_unsure, facts.warnings) == ({"byline": name}, {}, [])


def figure(image: str, caption: str) -> str:
    return (f'<figure><img src="https://news.example/img/{image}.jpg"><figcaption>{caption}</figcaption></figure>')


PAGE = ('<html lang="ar" dir="rtl"><head><meta charset="utf-8"></head><body><article><p>قال الوزير في مؤتمر صحفي إن '
        'أسعار الوقود لن ترتفع هذا العام، وإن الحكومة ستدعم الأسر في الواحة.</p>'
        + figure("minister", "الوزير في المؤتمر. عدسة: سارة الخطيب")
        + figure("other", "الوزير في الميناء. عدسة: ليلى حسن") + "</article></body></html>")


@pytest.fixture
def world(fakenet, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for image in ("minister", "other"):
        fakenet.route("news.example", f"/img/{image}.jpg", page(fx.jpeg(iptc=ARABIC_IPTC), content_type="image/jpeg"))
    serve(fakenet, [])
    return World(fakenet, tmp_path)


def test_a_right_arabic_credit_passes_and_no_mojibake_is_shown(world, tmp_path):
    source = tmp_path / "story.html"
    source.write_text(PAGE, encoding="utf-8")
    report = json.loads(world("report", "--format", "json", str(source)).stdout)
    checks = {credit["creator"]: next(c for c in credit["checks"] if c["name"] == "image-metadata")
              for credit in report["credits"]}
    assert checks[NAME]["result"] == "pass"
    assert checks[NAME]["evidence"] == (f"creator matches the file read as cp1256: its byline names no character set, "
                                        f"and read as cp1256 it says '{NAME}'")
    other = checks["ليلى حسن"]   # another name: what the file says is not known, never a fail on a guessed reading
    assert other["result"] == "warn" and other["evidence"].startswith(
        "not known: the file's byline could not be read with certainty"), other
    assert MOJIBAKE not in json.dumps(report, ensure_ascii=False)
    result = world("scan", "--fetch", str(source), env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    assert MOJIBAKE not in result.stdout and "fail" not in result.stdout, result.stdout
    assert "  credited image https://news.example/img/minister.jpg: image/jpeg 64x48  credit: byline, credit_line not " \
           "read with certainty (not UTF-8, no character set named)" in lines(result.stdout), result.stdout
