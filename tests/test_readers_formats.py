"""The same invented report as TXT, PDF (one and two columns), HTML and DOCX gives the same figures and officials."""
from __future__ import annotations

from collections import Counter

import pytest

import readers_fixtures as rf
from reportextract.api import extract_bytes
from reportextract.readers import read_bytes

needs_font = pytest.mark.skipif(rf.font_path() is None, reason="no Unicode TTF font for fpdf2")


def _figures(doc) -> Counter:
    return Counter((round(float(f.value if not isinstance(f.value, tuple) else f.value[0]), 4), f.unit)
                   for f in doc.figures if f.value is not None)


def _f1(a: Counter, b: Counter) -> float:
    if not a and not b:
        return 1.0
    hit = sum((a & b).values())
    p = hit / max(1, sum(b.values()))
    r = hit / max(1, sum(a.values()))
    return 0.0 if not hit else 2 * p * r / (p + r)


@pytest.fixture(scope="module")
def txt_doc():
    return extract_bytes(rf.as_txt().encode("utf-8"), "report.txt")


def _make(kind: str) -> tuple[bytes, str]:
    if kind == "pdf-1col":
        return rf.as_pdf(1), "report.pdf"
    if kind == "pdf-2col":
        return rf.as_pdf(2), "report.pdf"
    if kind == "html":
        return rf.as_html(), "report.html"
    if kind == "docx":
        return rf.as_docx(), "report.docx"
    raise ValueError(kind)


FORMATS = [
    pytest.param("pdf-1col", marks=needs_font, id="pdf-one-column-running-header"),
    pytest.param("pdf-2col", marks=needs_font, id="pdf-two-columns-running-header"),
    pytest.param("html", id="html-with-site-chrome"),
    pytest.param("docx", id="docx"),
]


@pytest.mark.parametrize("kind", FORMATS)
def test_same_figures_and_officials_as_txt(kind: str, txt_doc) -> None:
    data, name = _make(kind)
    doc = extract_bytes(data, name)
    assert _f1(_figures(txt_doc), _figures(doc)) >= 0.97
    assert _f1(Counter(o.name for o in txt_doc.officials), Counter(o.name for o in doc.officials)) >= 0.97
    assert len(txt_doc.figures) >= 40  # the fixture really is full of figures


@pytest.mark.parametrize("kind", FORMATS[:2])
def test_pdf_pages_and_running_header(kind: str) -> None:
    data, name = _make(kind)
    src = read_bytes(data, name)
    assert src.format == "pdf" and len(src.page_starts) == 2
    assert "Sở Kế hoạch tỉnh - Báo cáo năm 2024" not in src.text  # the running header
    assert src.text == rf.as_txt().strip()  # paragraphs joined, page number gone, columns in order
    doc = extract_bytes(data, name)
    assert doc.source.pages == 2
    assert {f.page for f in doc.figures} == {1, 2}


def test_html_metadata_and_chrome() -> None:
    src = read_bytes(rf.as_html(), "page.html")
    assert src.format == "html"
    for chrome in ("Trang chủ", "Chia sẻ", "Các tin khác", "300 đại biểu", "Tin đọc nhiều",
                   "Xem tin theo ngày", "Điện thoại"):
        assert chrome not in src.text, chrome
    assert src.meta == {"title": rf.SUBTITLE, "published": "2024-12-13", "authors": ["Ngô Thanh Tùng"]}
    doc = extract_bytes(rf.as_html(), "page.html")
    assert (doc.document.title, doc.document.published, doc.document.authors) == (
        rf.SUBTITLE, "2024-12-13", ("Ngô Thanh Tùng",))


@needs_font
def test_fake_bold_overdrawn_text_read_once() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("U", "", rf.font_path())
    pdf.add_page()
    pdf.set_font("U", size=14)
    for dx in (0.0, 0.3):  # the same heading drawn twice, slightly shifted
        pdf.set_xy(20 + dx, 20)
        pdf.cell(0, 8, "THÔNG BÁO KẾT LUẬN")
    pdf.set_xy(20, 40)
    pdf.set_font("U", size=11)
    pdf.cell(0, 8, "Thu ngân sách đạt 100 tỷ đồng.")
    src = read_bytes(bytes(pdf.output()), "bold.pdf")
    assert src.text == "THÔNG BÁO KẾT LUẬN\nThu ngân sách đạt 100 tỷ đồng."


@needs_font
def test_tcvn3_text_layer_converted() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("U", "", rf.font_path())
    pdf.add_page()
    pdf.set_font("U", size=12)
    # how a TCVN3 (.VnTime) PDF's text layer reads: Latin-1 letters standing for Vietnamese ones
    pdf.multi_cell(0, 7, "Céng hßa x· héi chñ nghÜa ViÖt Nam. Tû lÖ hé nghÌo gi¶m cßn 2,5%.")
    src = read_bytes(bytes(pdf.output()), "old.pdf")
    assert src.text == "Cộng hòa xã hội chủ nghĩa Việt Nam. Tỷ lệ hộ nghèo giảm còn 2,5%."
    assert any("TCVN3" in w for w in src.warnings)
