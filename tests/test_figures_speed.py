"""The figure finder's fast paths (prefilters, per-sentence break tables) give what the plain patterns give."""
from __future__ import annotations

import pytest

from reportextract.extract import attributes as A
from reportextract.extract import figures as F
from reportextract.nlp import get_pipeline, items
from test_figures_speed3 import _comparator_plain  # comparator spelled out plainly

# Invented sentences that exercise spelled-out numbers, bounds, labels, asides and clause breaks.
TEXTS = {
    "spelled": "Tỉnh có hai mươi ba nghìn người tham gia; ban chỉ đạo họp ba lần, năm 2024 có Năm  hộ mới.",
    "glued": "Hai,ba người; _hai xã; bốn\u00a0xã và mười lăm tổ; Ba sẵn sàng; “Hai không” được phát động.",
    "bounds": "Ước đạt trên 3.605 tỷ đồng, không quá 24 tháng; khoảng\n15 xã đạt từ 11% trở lên.",
    "labels": "Theo Điều 5, biểu số 51, 52 và 53, mức 1 là 2 triệu đồng; Quốc lộ 14 dài 36 km.",
    "clauses": ("Trong năm 2025, toàn tỉnh giải ngân 1.200 tỷ đồng (đạt 85% kế hoạch), trong đó vốn "
                "ngân sách 300 tỷ đồng... Số hộ nghèo giảm còn 2,1% - thấp hơn 2024; trong đó5 xã mới."),
}


def _plain_spelled(text: str) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(m.start, m.end, m.groups) for m in F._spelled_matches(text, None)]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_spelled_candidates_match_plain_scan(name: str) -> None:
    text = TEXTS[name]
    for variant in (text, text.lower(), text.upper()):
        fast = [(m.start, m.end, m.groups) for m in F._spelled_matches(variant, variant.lower())]
        assert fast == _plain_spelled(variant)
        # the fast scan skips numbers glued to what follows ("Hai,"): they never make a figure
        noun = F.patterns()["spelled_noun"]
        none = F._Spans([])
        fast_nouns = [F._spelled_noun_figure(variant, m, none, none)
                      for m in F._matches(noun, F._SPELLED_NOUN_START, variant, variant.lower())]
        plain_nouns = [F._spelled_noun_figure(variant, m, none, none) for m in noun.finditer(variant)]
        assert [f for f in fast_nouns if f] == [f for f in plain_nouns if f]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_comparator_gates_change_nothing(name: str) -> None:
    text = TEXTS[name]
    for start in range(len(text)):
        end = min(len(text), start + 4)
        assert F.comparator(text, start, end) == _comparator_plain(text, start, end), start


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_clause_cuts_match_scanning(name: str) -> None:
    text = TEXTS[name]
    doc = get_pipeline()(text)
    ctx = A._Context(doc, items(doc, "figures"))
    for sent in ctx.sents:
        for pos in range(sent[0], sent[1] + 1):
            if pos < len(text) and not text[pos].isalnum():
                continue  # a figure starts at a letter or digit
            for kind in ("metric", "wrapped", "loose", "clause", "enum"):
                assert ctx.cut(sent, pos, kind) == A._scan_cut(text, sent[0], pos, kind), (pos, kind)
