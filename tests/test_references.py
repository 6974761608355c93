"""Example tables for cited documents: numbers, kinds, dates, issuers (sentences written for this project)."""
from __future__ import annotations

import pytest

from reportextract import extract_text
from reportextract.extract.references import find_references
from reportextract.parsers.references import clean_number, find_numbers, kind_from_number

# (id, text, [(kind, number, date, issuer), ...])
REFERENCE_EXAMPLES = [
    ("party resolution with issuer", "Thực hiện Nghị quyết số 09-NQ/TU ngày 12/5/2021 của Tỉnh ủy về phát triển du lịch.",
     [("Nghị quyết", "09-NQ/TU", "2021-05-12", "Tỉnh ủy")]),
    ("prime minister decision", "theo Quyết định số 2145/QĐ-TTg ngày 03 tháng 12 năm 2019 của Thủ tướng Chính phủ phê duyệt",
     [("Quyết định", "2145/QĐ-TTg", "2019-12-03", "Thủ tướng Chính phủ")]),
    ("standing committee", "Kết luận số 77-KL/TU ngày 1/3/2022 của Ban Thường vụ Tỉnh ủy về công tác cán bộ",
     [("Kết luận", "77-KL/TU", "2022-03-01", "Ban Thường vụ Tỉnh ủy")]),
    ("council with year in number", "Căn cứ Nghị quyết số 21/2022/NQ-HĐND ngày 9/12/2022 của Hội đồng nhân dân tỉnh;",
     [("Nghị quyết", "21/2022/NQ-HĐND", "2022-12-09", "Hội đồng nhân dân tỉnh")]),
    ("ministry with lower-case words", "Công văn số 415/BNN-KH ngày 20/01/2023 của Bộ Nông nghiệp và Phát triển nông thôn về",
     [("Công văn", "415/BNN-KH", "2023-01-20", "Bộ Nông nghiệp và Phát triển nông thôn")]),
    ("spaced number repaired", "Nghị quyết số 33/2021/NQ - HĐND về giá đất",
     [("Nghị quyết", "33/2021/NQ-HĐND", None, None)]),
    ("kind from code", "thực hiện 45/KH-UBND ngày 2/2/2024 của UBND huyện",
     [("Kế hoạch", "45/KH-UBND", "2024-02-02", "UBND huyện")]),
    ("nearest kind wins", "Luật Đất đai, Luật Xây dựng, Chỉ thị số 11/CT-TTg ngày 4/4/2020 của Thủ tướng Chính phủ",
     [("Chỉ thị", "11/CT-TTg", "2020-04-04", "Thủ tướng Chính phủ")]),
    ("written kind beats code", "triển khai Kế hoạch số 310/QĐ-UBND ngày 5/3/2024",
     [("Kế hoạch", "310/QĐ-UBND", "2024-03-05", None)]),
    ("detached kind yields to code", "Nghị quyết về kế hoạch đầu tư công trung hạn, tại văn bản 88/NQ-HĐND",
     [("Nghị quyết", "88/NQ-HĐND", None, None)]),
    ("kind inside body name", "theo hướng dẫn của Bộ Kế hoạch và Đầu tư tại Công văn số 901/BKHĐT-TH ngày 7/2/2020",
     [("Công văn", "901/BKHĐT-TH", "2020-02-07", "Bộ Kế hoạch và Đầu tư")]),
    ("law with name", "Luật Quy hoạch số 21/2017/QH14 đã được sửa đổi",
     [("Luật", "21/2017/QH14", None, None)]),
    ("bare number", "so với nghị quyết số 25 ngày 6/12/2018 của HĐND tỉnh",
     [("Nghị quyết", "25", "2018-12-06", "HĐND tỉnh")]),
    ("letter-suffixed programme resolution", "các huyện hưởng cơ chế theo Nghị quyết 30a thoát nghèo",
     [("Nghị quyết", "30a", None, None)]),
    ("date issued later in clause", "Nghị quyết số 12-NQ/TW về phát triển kinh tế tư nhân (được ban hành ngày 4/5/2025)",
     [("Nghị quyết", "12-NQ/TW", "2025-05-04", None)]),
    ("issuer before tại", "Xét đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 77/TTr-STC ngày 3/3/2023",
     [("Tờ trình", "77/TTr-STC", "2023-03-03", "Giám đốc Sở Tài chính")]),
    ("shared issuer of a list", "Chỉ thị 05-CT/TU ngày 1/2/2021 và Kết luận số 40-KL/TU ngày 3/4/2021 của Ban Thường vụ Tỉnh ủy",
     [("Chỉ thị", "05-CT/TU", "2021-02-01", "Ban Thường vụ Tỉnh ủy"),
      ("Kết luận", "40-KL/TU", "2021-04-03", "Ban Thường vụ Tỉnh ủy")]),
    ("signing sentence dates", "Ngày 7/6/2023, Phó Thủ tướng đã ký các quyết định công nhận. "
     "Quyết định số 801/QĐ-TTg công nhận huyện A. Quyết định số 802/QĐ-TTg công nhận huyện B.",
     [("Quyết định", "801/QĐ-TTg", "2023-06-07", None), ("Quyết định", "802/QĐ-TTg", "2023-06-07", None)]),
    ("short form of a cited number", "Nghị quyết số 163/2024/QH15 của Quốc hội. Theo Nghị quyết số 163, tỉnh đạt",
     [("Nghị quyết", "163/2024/QH15", None, "Quốc hội")]),
    ("kind of several words", "theo Thông báo kết luận số 15-TB/TU ngày 2/3/2023 của Ban Thường vụ Tỉnh ủy",
     [("Thông báo kết luận", "15-TB/TU", "2023-03-02", "Ban Thường vụ Tỉnh ủy")]),
    ("issuer stops at term", "Nghị quyết số 36-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII về biển",
     [("Nghị quyết", "36-NQ/TW", None, "Ban Chấp hành Trung ương Đảng")]),
    ("issuer stops at verb", "Quyết định số 14/QĐ-UBND của UBND tỉnh phê duyệt đề án",
     [("Quyết định", "14/QĐ-UBND", None, "UBND tỉnh")]),
    ("issuer stops before next citation", "Nghị quyết số 3-NQ/TU của Tỉnh ủy và Kế hoạch số 9/KH-UBND của UBND tỉnh",
     [("Nghị quyết", "3-NQ/TU", None, "Tỉnh ủy"), ("Kế hoạch", "9/KH-UBND", None, "UBND tỉnh")]),
]


@pytest.mark.parametrize(("text", "expected"), [e[1:] for e in REFERENCE_EXAMPLES],
                         ids=[e[0] for e in REFERENCE_EXAMPLES])
def test_find_references(text: str, expected: list[tuple]) -> None:
    found = find_references(text, None, 2023)
    assert [(r["kind"], r["number"], r["date"], r["issuer"]) for r in found] == expected
    for r in found:
        s, e = r["span"]
        assert text[s:e] == r["text"]


NOT_REFERENCES = [
    ("programme label", "Chương trình 135 và Chương trình MTQG 1719"),
    ("five-year plan", "Kế hoạch 5 năm 2021-2025"),
    ("project label", "Đề án 06 trên địa bàn tỉnh"),
    ("ratio", "đạt 45/45 đại biểu"),
    ("plan year", "Kế hoạch 2025 của huyện"),
    ("lot label far from a kind word", "Theo quyết định giao đất, khu tái định cư có lô số 12-A"),
]


@pytest.mark.parametrize("text", [e[1] for e in NOT_REFERENCES], ids=[e[0] for e in NOT_REFERENCES])
def test_not_references(text: str) -> None:
    assert find_references(text, None, 2023) == []


def test_own_number_is_not_a_reference() -> None:
    text = "Số: 15/2023/NQ-HĐND\nCăn cứ Nghị quyết số 7/2022/NQ-HĐND;"
    assert [r["number"] for r in find_references(text, "15/2023/NQ-HĐND")] == ["7/2022/NQ-HĐND"]


NUMBER_EXAMPLES = [
    ("party", "04-NQ/TU", "04-NQ/TU"),
    ("prime minister", "1722/QĐ-TTg", "1722/QĐ-TTg"),
    ("spaced", "15/2020/NQ - HĐND", "15/2020/NQ-HĐND"),
    ("u+fffe hyphen", "213/KH\ufffeUBND", "213/KH-UBND"),
    ("en dash", "9/KH–UBND", "9/KH-UBND"),
    ("ampersand code", "2701/SNV-CCHC&VTLT", "2701/SNV-CCHC&VTLT"),
]


@pytest.mark.parametrize(("raw", "clean"), [e[1:] for e in NUMBER_EXAMPLES], ids=[e[0] for e in NUMBER_EXAMPLES])
def test_clean_number(raw: str, clean: str) -> None:
    assert clean_number(raw) == clean


def test_spaced_separator_stops_after_a_complete_number() -> None:
    assert [n for _, _, n in find_numbers("Quyết định 12/QĐ-UBND - UBND tỉnh")] == ["12/QĐ-UBND"]


CODE_KINDS = [("04-NQ/TU", "Nghị quyết"), ("15/CT-UBND", "Chỉ thị"), ("57/2014/QH13", "Luật"),
              ("3/2025/TT-VPCP", "Thông tư"), ("22/CĐ-TTg", "Công điện"), ("5/PA-UBND", "Phương án")]


@pytest.mark.parametrize(("number", "kind"), CODE_KINDS, ids=[c[0] for c in CODE_KINDS])
def test_kind_from_number(number: str, kind: str) -> None:
    assert kind_from_number(number) == kind


def test_pipeline_merges_mentions() -> None:
    text = ("Thực hiện Nghị quyết số 05-NQ/TU ngày 10/1/2022 của Tỉnh ủy, huyện đã đạt kết quả tốt. "
            "Sau một năm thực hiện Nghị quyết số 05-NQ/TU, huyện đạt 12 chỉ tiêu.")
    refs = extract_text(text).to_dict()["references"]
    assert len(refs) == 1
    assert (refs[0]["kind"], refs[0]["number"], refs[0]["date"], refs[0]["issuer"]) == \
        ("Nghị quyết", "05-NQ/TU", "2022-01-10", "Tỉnh ủy")


def test_issuer_keeps_uy_ban_and_stops_at_ban_hanh() -> None:
    from reportextract import extract_text

    doc = extract_text("Thực hiện Nghị quyết số 12/NQ-HĐND ngày 20/11/2023 của Ủy ban nhân dân tỉnh về "
                       "việc làm. Quyết định số 7/QĐ-UBND do Sở Tài chính ban hành năm 2024.")
    issuers = {r.number: r.issuer for r in doc.references}
    assert issuers["12/NQ-HĐND"] == "Ủy ban nhân dân tỉnh"
    assert issuers["7/QĐ-UBND"] == "Sở Tài chính"
