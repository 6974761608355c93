"""Fourth round of figure fast paths (paragraph kinds worked out only up to the last figure, a cheap test
first in target_of) give what the straightforward computations give, on invented documents in official style."""
from __future__ import annotations

import pytest

from reportextract.extract import attributes as A
from reportextract.nlp import get_pipeline, items

# Invented documents (not from any corpus): headings, lead-ins, list items, figures in the middle and
# paragraphs without figures after the last one.
DOCS = {
    "plan": ("KẾ HOẠCH\nThực hiện nhiệm vụ phát triển kinh tế năm 2026\n\n"
             "I. MỤC TIÊU\nĐến năm 2026, phấn đấu các chỉ tiêu sau:\n"
             "- Giảm tỷ lệ hộ nghèo xuống dưới 3%;\n- Tạo việc làm cho 2.500 lao động.\n"
             "II. NHIỆM VỤ, GIẢI PHÁP\nBố trí vốn cho 9 huyện với 86 xã đặc biệt khó khăn.\n"
             "Các sở, ngành triển khai thực hiện nghiêm túc.\nIII. TỔ CHỨC THỰC HIỆN\n"
             "Giao Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan.\nĐiều 3. Hiệu lực thi hành.\n"),
    "report": ("Báo cáo kết quả năm 2025\n\nNăm 2025, thu ngân sách đạt 1.250 tỷ đồng, tăng 8% so với cùng kỳ. "
               "Trong đó, thu nội địa ước đạt 900 tỷ đồng.\nKết quả cụ thể như sau:\n"
               "a) Hỗ trợ 120 hộ làm nhà ở;\nb) Kinh phí phân bổ cho 5 xã và 2 thị trấn.\n"
               "Nhìn chung, các nhiệm vụ được triển khai đồng bộ.\nNơi nhận: như trên.\n"),
    "news": ("Tỉnh tổ chức hội nghị tổng kết\n\nSáng nay, tỉnh tổ chức hội nghị. Trong 6 tháng đầu năm, "
             "toàn tỉnh có 45 doanh nghiệp thành lập mới, vốn đăng ký 320 tỷ đồng.\n"
             "Hội nghị đã thảo luận nhiều nội dung quan trọng.\nPhát biểu kết luận, đồng chí Chủ tịch đề nghị "
             "các ngành tiếp tục cố gắng.\n"),
    "one": "Năm 2024, huyện hỗ trợ 300 triệu đồng cho 4 xã.",
}


def _records(text: str) -> list[dict]:
    doc = get_pipeline()(text)
    return [{k: v for k, v in f.items()} for f in items(doc, "figures")]


@pytest.mark.parametrize("name", sorted(DOCS))
def test_paragraph_kinds_up_to_last_figure_give_the_same_records(name: str, monkeypatch) -> None:
    text = DOCS[name]
    fast = _records(text)
    assert fast, "each document holds figures"
    full = A._Context._paragraphs
    monkeypatch.setattr(A._Context, "_paragraphs", lambda self, title, last=None: full(self, title))
    assert _records(text) == fast


@pytest.mark.parametrize("name", sorted(DOCS))
def test_paragraph_kinds_prefix_matches_the_whole(name: str) -> None:
    doc = get_pipeline()(DOCS[name])
    figures = items(doc, "figures")
    ctx = A._Context(doc, figures)
    whole = A._Context(doc, figures)
    whole._paragraphs(((doc._.info or {}).get("title") or "").strip())
    n = len(ctx.para_kind)
    assert n == ctx.para_of[ctx.sentence_index(max(f["span"][0] for f in figures))] + 1
    assert (ctx.para_kind, ctx.para_struct, ctx.para_title) == \
        (whole.para_kind[:n], whole.para_struct[:n], whole.para_title[:n])
    assert ctx.paras == whole.paras and ctx.para_of == whole.para_of


@pytest.mark.parametrize("name", sorted(DOCS))
def test_admin_unit_first_changes_no_beneficiary_test(name: str) -> None:
    text = DOCS[name]
    doc = get_pipeline()(text)
    ctx = A._Context(doc, items(doc, "figures"))
    for f in items(doc, "figures"):
        s, _ = f["span"]
        sent = ctx.sents[ctx.sentence_index(s)]
        unit = f["text"].split(None, 1)[-1] if " " in f["text"] else ""
        old = bool(A._BENEFICIARY.search(text, max(sent[0], s - 80), s) and A._FUNDS.search(text, sent[0], s)
                   and A._ADMIN_UNIT.match(unit))
        new = bool(A._ADMIN_UNIT.match(unit) and A._BENEFICIARY.search(text, max(sent[0], s - 80), s)
                   and A._FUNDS.search(text, sent[0], s))
        assert old == new, f["text"]


def test_group_numbers_read_in_place_of_names() -> None:
    """figures.py reads these patterns' groups by number (_GROUP_NUMBERS): their names must stay in order."""
    from reportextract.extract import figures as F

    pats, lex = F.patterns(), F.lexicons()
    compiled = {"unit": lex["unit"].pattern(frozenset("h")), "per": lex["per"].pattern(frozenset("h")),
                "abbr": pats["abbr"], "noun": pats["noun"], "scale": pats["scale"]}
    for name, groups in F._GROUP_NUMBERS.items():
        index = compiled[name].groupindex
        assert compiled[name].groups == len(groups), name
        assert [index[g] for g in groups] == list(range(1, len(groups) + 1)), name


# (text, value, unit) as the named groups gave them before figures.py read numbers (checked on both)
EXPECTED = {
    "Hỗ trợ 25 hộ nghèo, 3 HTX và 12 tổ hợp tác; giá 40 nghìn đồng/kg, 53 triệu đồng trên 1 ha.": [
        ("25 hộ nghèo", 25.0, "hộ nghèo"), ("3 HTX", 3.0, "hợp tác xã"), ("12 tổ hợp tác", 12.0, "tổ hợp tác"),
        ("40 nghìn đồng/kg", 40000.0, "VND/kg"), ("53 triệu đồng trên 1 ha", 53000000.0, "VND/ha")],
    "Có hai mươi ba nghìn người, 7 đội công tác\u00a0lưu động; 120 USD/thùng; ba đơn vị được khen.": [
        ("hai mươi ba nghìn người", 23000.0, "người"), ("7 đội", 7.0, "đội"),
        ("120 USD/thùng", 120.0, "USD/thùng"), ("ba đơn vị", 3.0, "đơn vị")],
    "Phát hiện 15 ổ dịch, xây dựng 4 mô hình điểm và 6 chốt kiểm dịch.": [
        ("15 ổ dịch", 15.0, "ổ dịch"), ("4 mô hình", 4.0, "mô hình"), ("6 chốt kiểm", 6.0, "chốt kiểm")],
}


@pytest.mark.parametrize("text", sorted(EXPECTED))
def test_figures_read_by_group_number_match_names(text: str) -> None:
    """Units, per-units, scales, abbreviations and unknown nouns read by group number."""
    from reportextract.extract import figures as F

    assert [(f["text"], f["value"], f["unit"]) for f in F.find_figures(text, [])] == EXPECTED[text]


def test_per_year_words_survive_lower_casing() -> None:
    """_per_year_lead's word gate: every character _PER_YEAR's IGNORECASE takes for a letter of "hằng",
    "hàng", "mỗi" or "năm" lower-cases to a text that opens with that letter."""
    import sys

    import regex

    for letter in set("hằngàmỗinăm"):
        pattern = regex.compile("(?i)" + letter)
        odd = [c for c in map(chr, range(sys.maxunicode + 1)) if pattern.fullmatch(c) and not c.lower().startswith(letter)]
        assert not odd, (letter, odd)


PER_YEAR_TEXTS = [
    "Hằng năm giảm từ 1,5% số hộ nghèo; HÀNG NĂM TĂNG 3%; bình quân mỗi năm chi khoảng 4% ngân sách.",
    "Năm 2025 đạt 5%, trung bình MỖI\u00a0NĂM tăng 2%; năm nay hằng\tnăm đều giảm 1%; mỗi  năm giảm hơn 2%.",
    "Hằng tháng tăng 1%; hàng quý giảm 2%; năm qua đạt 98%; MỖİ NĂM tăng 4%.",
]


@pytest.mark.parametrize("text", PER_YEAR_TEXTS)
def test_per_year_lead_gate_matches_pattern(text: str) -> None:
    from reportextract.extract import figures as F

    hits = 0
    for s in range(len(text) + 1):
        before = text[max(0, s - 40):s]
        for hedge in ("trên ", "khoảng ", "gần ", "hơn ", "dưới ", "từ "):
            if before.endswith(hedge):
                before = before[: -len(hedge)]
        plain = bool(F._PER_YEAR.search(before))
        assert F._per_year_lead(text, s) == plain, s
        hits += plain
    assert hits
