"""Readers on awkward input: broken PDFs, scans, legacy encodings, every text encoding of the same report."""
from __future__ import annotations

import codecs
import io
import json
import time
import unicodedata
import zipfile

import pytest

import readers_fixtures as rf
from reportextract.api import extract_bytes
from reportextract.errors import EmptyTextError, FormatError, InputError
from reportextract.export.json import dumps
from reportextract.readers import read_bytes, sniff_format
from reportextract.readers.legacy import detect_legacy, is_garbage, tcvn3_to_unicode, vni_to_unicode
from reportextract.readers.pdf import tesseract_available

needs_font = pytest.mark.skipif(rf.font_path() is None, reason="no Unicode TTF font for fpdf2")

_ZERO_PAGES = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
               b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
               b"trailer<</Root 1 0 R>>\n%%EOF\n")


def _encrypted_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "secret")
    pdf.set_encryption(owner_password="owner", user_password="user")
    return bytes(pdf.output())


BAD_PDFS = [
    pytest.param(lambda: rf.as_pdf(1)[:700], id="truncated"),
    pytest.param(lambda: b"%PDF-1.7\n" + bytes(range(256)) * 40, id="header-then-garbage"),
    pytest.param(lambda: _ZERO_PAGES, id="zero-pages"),
    pytest.param(_encrypted_pdf, id="encrypted"),
]


@pytest.mark.parametrize("make", BAD_PDFS)
def test_bad_pdf_is_a_format_error(make) -> None:
    data = make() if make.__name__ == "_encrypted_pdf" or rf.font_path() else None
    if data is None:
        pytest.skip("no font to build the source PDF")
    t = time.perf_counter()
    with pytest.raises(InputError) as exc:
        extract_bytes(data, "bad.pdf")
    assert time.perf_counter() - t < 10
    assert isinstance(exc.value, (FormatError, EmptyTextError))
    assert "bad.pdf" in str(exc.value)


def test_encrypted_pdf_message_says_so() -> None:
    with pytest.raises(FormatError, match="encrypted"):
        read_bytes(_encrypted_pdf(), "locked.pdf")


@pytest.mark.parametrize("data, name", [
    pytest.param(b"PK\x03\x04 not really a zip", "x.docx", id="docx-not-a-zip"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "x.docx", id="docx-encrypted-ole"),
])
def test_bad_office_files(data: bytes, name: str) -> None:
    with pytest.raises(FormatError):
        read_bytes(data, name)


def test_zip_without_word_part() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/other.xml", "<x/>")
        z.writestr("content.txt", "hello")
    with pytest.raises(FormatError, match="document.xml"):
        read_bytes(buf.getvalue(), "x.docx")


def test_pdf_named_file_that_is_text_is_read_as_text() -> None:
    src = read_bytes("Tỷ lệ hộ nghèo giảm còn 2,5%.".encode(), "report.pdf")
    assert src.format == "txt"


# ------------------------------------------------------------------ encodings

def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese editors write it: precomposed â ê ô ă ơ ư, tone marks combining."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if ch in "\u0302\u0306\u031b" and out:
            j = len(out) - 1
            while j > 0 and unicodedata.combining(out[j]):  # the base letter, before a dot below
                j -= 1
            out[j] = unicodedata.normalize("NFC", out[j] + ch)
        else:
            out.append(ch)
    return "".join(out).encode("cp1258")


ENCODINGS = [
    pytest.param(lambda t: t.encode("utf-8"), id="utf-8"),
    pytest.param(lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), id="utf-8-bom"),
    pytest.param(lambda t: t.encode("utf-16"), id="utf-16"),
    pytest.param(_cp1258, id="windows-1258"),
    pytest.param(lambda t: unicodedata.normalize("NFD", t).encode("utf-8"), id="utf-8-nfd"),
]


def _without_source(doc) -> dict:
    d = json.loads(dumps(doc))
    d.pop("source", None)
    return d


@pytest.mark.parametrize("encode", ENCODINGS)
def test_every_encoding_gives_the_same_json(encode) -> None:
    text = rf.as_txt()
    expected = _without_source(extract_bytes(text.encode("utf-8"), "r.txt"))
    assert _without_source(extract_bytes(encode(text), "r.txt")) == expected


@pytest.mark.parametrize("encode", ENCODINGS[:3])
def test_html_in_any_unicode_encoding(encode) -> None:
    page = rf.as_html().decode("utf-8")
    assert sniff_format(encode(page)) == "html"
    assert read_bytes(encode(page), "p.html").meta["title"] == rf.SUBTITLE


# ------------------------------------------------------------------ legacy text and garbage layers

@pytest.mark.parametrize("legacy, encoding", [
    pytest.param("Uû ban nh©n d©n tØnh", "tcvn3", id="tcvn3"),
    pytest.param("Uyû ban nhaân daân tænh", "vni", id="vni"),
])
def test_legacy_conversion(legacy: str, encoding: str) -> None:
    conv = tcvn3_to_unicode if encoding == "tcvn3" else vni_to_unicode
    assert conv(legacy).lower() == "uỷ ban nhân dân tỉnh"


def test_legacy_text_file_is_converted_with_a_warning() -> None:
    src = read_bytes("Phã Chñ tÞch UBND tØnh chñ tr× héi nghÞ tæng kÕt n¨m 2024.".encode(), "old.txt")
    assert src.text == "Phó Chủ tịch UBND tỉnh chủ trì hội nghị tổng kết năm 2024."
    assert src.warnings and "TCVN3" in src.warnings[0]


def test_unicode_is_not_mistaken_for_legacy() -> None:
    assert detect_legacy(rf.as_txt()) is None
    assert not is_garbage(rf.as_txt())


def test_cid_glyphs_are_reported() -> None:
    src = read_bytes(("Báo cáo (cid:12)(cid:45)(cid:7) " * 10 + "tổng kết.").encode(), "cid.txt")
    assert any("cid" in w for w in src.warnings)


# ------------------------------------------------------------------ scans

def _scan_pdf() -> bytes:
    """An image-only PDF: Vietnamese text drawn on a page image, no text layer."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (1240, 700), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(rf.font_path(), 34)
    lines = ["THÔNG BÁO", "Năm 2024, toàn tỉnh trồng mới 450 ha rừng", "và hỗ trợ 120 hộ nghèo xây nhà."]
    for i, line in enumerate(lines):
        draw.text((80, 80 + 70 * i), line, fill=0, font=font)
    buf = io.BytesIO()
    img.save(buf, format="PDF", resolution=150)
    return buf.getvalue()


@needs_font
def test_scan_without_ocr_names_the_page() -> None:
    with pytest.raises(EmptyTextError, match="page 1 has no text layer"):
        read_bytes(_scan_pdf(), "scan.pdf", ocr="never")


@needs_font
@pytest.mark.skipif(not tesseract_available(), reason="tesseract with the Vietnamese model is not installed")
def test_scan_is_ocred() -> None:
    src = read_bytes(_scan_pdf(), "scan.pdf", ocr="auto")
    assert "450 ha" in src.text and "hộ nghèo" in src.text
    assert src.page_starts == (0,)
    assert any("OCR" in w for w in src.warnings)


def test_garbage_layer_detected() -> None:
    junk = "Nguy6n Ngoc Phric - Tinh fry vi6n, Ph6 Ch[ tich LJBND tinh t4i bu6i thm viQc nghe b6o c6o " * 4
    assert is_garbage(junk)
