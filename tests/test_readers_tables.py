"""Tables in DOCX, HTML and ruled PDF become rows of cells, and their numeric cells become figures."""
from __future__ import annotations

import html
import io

import pytest

import readers_fixtures as rf
from reportextract.api import extract_bytes, extract_text
from reportextract.readers import read_bytes, text_tables

ROWS = [
    ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch 2025", "Ước thực hiện 2025"],
    ["1", "Tỷ lệ hộ nghèo", "%", "dưới 1", "0,85"],
    ["2", "Thu ngân sách nhà nước", "triệu đồng", "1.250.000", "1.310.500"],
    ["3", "Diện tích trồng rừng mới", "ha", "420", "455,5"],
]
LEAD = "Kết quả thực hiện các chỉ tiêu chủ yếu năm 2025 như sau:"

# (value, unit, target, comparator) of every figure the table holds; the "Ước thực hiện" column is
# an estimate, hedged ("~") as "ước" is in running text
EXPECTED = {
    (1.0, "%", True, "<"), (0.85, "%", False, "~"),
    (1.25e12, "VND", True, None), (1.3105e12, "VND", False, "~"),
    (420.0, "ha", True, None), (455.5, "ha", False, "~"),
}


def _docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("BÁO CÁO")
    d.add_paragraph(LEAD)
    t = d.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, row in enumerate(ROWS):
        for c, cell in enumerate(row):
            t.cell(r, c).text = cell
    d.add_paragraph("Trên đây là báo cáo của Sở.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _html() -> bytes:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in ROWS[0])
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in ROWS[1:])
    return (f"<html><head><meta charset='utf-8'><meta property='og:title' content='Báo cáo'></head><body>"
            f"<article><h1>Báo cáo</h1><p>{html.escape(LEAD)}</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            f"<p>Trên đây là báo cáo của Sở về tình hình thực hiện nhiệm vụ.</p></article></body></html>").encode()


def _pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("U", "", rf.font_path())
    pdf.add_page()
    pdf.set_font("U", size=11)
    pdf.multi_cell(0, 7, "BÁO CÁO", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 7, LEAD, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(12, 60, 28, 40, 50), text_align="LEFT", first_row_as_headings=False) as table:
        for row in ROWS:
            r = table.row()
            for cell in row:
                r.cell(cell)
    pdf.ln(4)
    pdf.multi_cell(0, 7, "Trên đây là báo cáo của Sở.", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


MAKERS = [
    pytest.param(_docx, "t.docx", id="docx"),
    pytest.param(_html, "t.html", id="html"),
    pytest.param(_pdf, "t.pdf", id="ruled-pdf",
                 marks=pytest.mark.skipif(rf.font_path() is None, reason="no Unicode TTF font")),
]


@pytest.mark.parametrize("make, name", MAKERS)
def test_table_rows_and_cells(make, name: str) -> None:
    src = read_bytes(make(), name)
    assert "Tỷ lệ hộ nghèo | % | dưới 1 | 0,85" in src.text
    assert len(src.tables) == 1
    texts = {src.text[c.span[0]:c.span[1]] for c in src.tables[0]}
    assert {"Kế hoạch 2025", "1.250.000", "Diện tích trồng rừng mới", "455,5"} <= texts


@pytest.mark.parametrize("make, name", MAKERS)
def test_table_cells_become_figures(make, name: str) -> None:
    doc = extract_bytes(make(), name)
    got = {(round(f.value, 4) if not isinstance(f.value, tuple) else f.value, f.unit, f.target, f.comparator)
           for f in doc.figures}
    assert EXPECTED <= got
    by_value = {f.value: f for f in doc.figures}
    assert by_value[1.3105e12].metric == "thu ngân sách nhà nước"
    assert by_value[1.3105e12].year == 2025
    assert all(f.value not in (1.0, 2.0, 3.0) or f.unit == "%" for f in doc.figures)  # STT is no figure


PIPE_TABLE_TEXT = """Báo cáo kết quả thực hiện một số chỉ tiêu năm 2025 của huyện như sau:
|Chỉ tiêu|Đơn vị|Kế hoạch năm 2025|Ước thực hiện năm 2025|So với KH (%)
|Sản lượng ngô|tấn|12.400|12.950|104,4
|Diện tích cây ăn quả|ha|640|610|95,3
Các chỉ tiêu khác đều đạt kế hoạch.
"""


def test_plain_text_pipe_table_becomes_figures():
    doc = extract_text(PIPE_TABLE_TEXT).to_dict()
    got = {f["text"]: f for f in doc["figures"]}
    plan, done, share = got["12.400"], got["12.950"], got["104,4"]
    assert (plan["value"], plan["unit"], plan["year"], plan["target"], plan["comparator"]) == (12400, "tấn", 2025, True, None)
    # an estimate column hedges its values; a "(%)" column keeps its own unit over the row's unit
    assert (done["unit"], done["target"], done["comparator"]) == ("tấn", False, "~")
    assert (share["unit"], share["kind"], share["value"]) == ("%", "rate", 104.4)
    assert got["610"]["metric"] == "diện tích cây ăn quả"
    for f in doc["figures"]:
        assert PIPE_TABLE_TEXT[f["span"][0]:f["span"][1]] == f["text"]


def test_pipe_lines_that_are_no_table_stay_text():
    # two cells per line (a legal header laid out side by side) is not a table of figures
    text = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỐ 12 | Độc lập - Tự do - Hạnh phúc\n"
    assert text_tables(text) == ()
