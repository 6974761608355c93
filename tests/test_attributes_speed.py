"""The attribute rules' fast paths (rewritten scans, gates, early stops) give what the plain patterns give."""
from __future__ import annotations

import random
import re as std_re

import pytest

from reportextract.extract import attributes as A

# Invented pieces of sentences: punctuation runs, brackets, list marks, times and dashes.
PIECES = [
    "Tỷ lệ hộ nghèo giảm còn 2,1%", ", ", "; ", ": ", ".", ". ", "...", "…", "\n", " - ", " – ", "-", "(",
    ")", "(1)", "(12)", "(123)", "; a) ", ": 2) ", "; đ) ", "a) ", " (3) ", "“Hai không”", '"', "?", "!",
    ",\n", ".\n", ". . .", "....", "trong đó", " Trong đó ", "năm 2024", "tháng 6/2025", "hằng năm",
    "Hàng Năm", "mỗi năm", "MỖI NĂM", "từ đầu năm", "đến nay", "Hiện nay", "cụ thể", "Cụ Thể", "sáu tháng",
    "giai đoạn 2021-2025", "quý I/2024", "năm", "Năm", "tháng", "xã", "đạt 85% kế hoạch", " ", "  ", "\t",
    "\u00a0", "²", "\n-\n", " -\n", "- - ", " – –", "\n– ", "-", "–", "x", "12", "9", "kinh phí 300 tỷ đồng",
    "NĂM", "Tháng", "đầu năm", "ng năm",
]


def _texts(seed: int, n: int = 600) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12))) for _ in range(n)]


def _ends(pattern: object, text: str, s: int, e: int) -> list[int]:
    return [m.end() for m in pattern.finditer(text, s, e)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", sorted(A._FAST_BREAKS))
def test_fast_breaks_end_where_the_plain_scans_end(kind: str) -> None:
    plain = A._PUNCT_BREAKS.get(kind, A._BREAKS[kind])
    for text in _texts(1):
        for s, e in [(0, len(text))] + [(a, max(a, len(text) - b)) for a in range(1, 5) for b in (0, 1)]:
            scan = {"enum": A._enum_ends, "clause": A._clause_ends}.get(kind)
            fast = scan(text, s, e) if scan else _ends(A._FAST_BREAKS[kind], text, s, e)
            assert fast == _ends(plain, text, s, e), (kind, text, s, e)


def test_time_hint_lets_every_time_adverbial_through() -> None:
    old_hint = std_re.compile(r"\d|tháng|năm|nay|cụ thể", std_re.IGNORECASE)
    for text in _texts(2) + [p for p in PIECES]:
        if A._TIME_WORDS.search(text):
            assert A._time_hint(text), text
        if A._time_hint(text):
            assert old_hint.search(text), text  # never more than the old gate let through


def test_fewer_words_counts_like_findall() -> None:
    for text in _texts(3) + ["", "a", "ab", "ab c", "ab cd", "1. ", "I. Mục"]:
        for s, e in ((0, len(text)), (1, len(text))):
            assert A._fewer_words(text, s, e) == (len(A._WORDS2.findall(text, s, e)) < 2), text


def test_has_is_any() -> None:
    for text in _texts(4, 100):
        low = text.lower()
        for words in (A._COMPARE_WORDS, A._TERM_WORDS, A._SINCE_WORDS, A._VERBS_BEFORE):
            assert A._has(low, words) == any(w in low for w in words)


OPENINGS = ["- ", "– ", "+ ", "• ", "* ", "a) ", "đ) ", "B) ", "1. ", "12) ", "3.Nội", "IV. ", "iv) ", "XII.", "**",
            "Điều 5", "Chương II", "Mục 3", "PHẦN I", "Phần", "  ", "\n", "\t", "Ước", "x", "1", "(", ")", ".", "Tỷ lệ",
            "kế hoạch", "Kế Hoạch", "so với", "SO VỚI", "chỉ tiêu", "mục tiêu", "dự toán", "KH", "nghị quyết", "ſo với"]


def test_opening_gates_let_every_match_through() -> None:
    rng = random.Random(5)
    plan_after = A._patterns()["plan_after"]
    first = A._patterns()["plan_after_first"]
    for _ in range(4000):
        body = "".join(rng.choice(OPENINGS + PIECES) for _ in range(rng.randint(1, 5)))
        head = body[:8] if not body[:1].isspace() else body.lstrip()[:8]
        if A._LIST_ITEM.match(body):
            assert A._item_like(head), body
        if A._HEADING_LEAD.match(body):
            assert head[:1] in A._HEADING_FIRST, body
        after = body[:40].lstrip()[:1]
        if plan_after.match(body, 0, 40):
            assert after.lower() in first or after.casefold()[:1] in first, body


def test_factored_cue_pattern_finds_what_the_plain_one_finds() -> None:
    from reportextract import rules

    cues = rules.load("cues")
    plain = std_re.compile(A._cue_source(cues, str.lower))
    factored, kinds = A._lower_cue()
    words = [w.lower() for key in ("plan_nouns", "not_plan", "target", "result", "compare") for w in cues[key]]
    words += ["đạt", "vượt", "hoàn thành", "cao hơn", "thấp hơn", "bằng", "so với", "và vượt", "mức", "thông qua",
              "đến năm 2030", "tới năm 1999", "đến năm 2101", "năm", "vốn", "tỉnh", "giao", "đề ra", "trung ương",
              "85%", "1,5 lần", "12", "x", "đạtx", "xđã", "hộ nghèo", ",", ".", "  ", "\n", "(", ")"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", " ", "  ", ", "]) for _ in range(rng.randint(1, 8)))
        for s in (0, 1):
            got = [(m.start(), m.end(), kinds[m.lastgroup], m.group(0)) for m in factored.finditer(text, s)]
            want = [(m.start(), m.end(), A._CUE_GROUPS[m.lastgroup], m.group(0)) for m in plain.finditer(text, s)]
            assert got == want, text


def test_sentence_breaks_are_the_plain_scans_ends() -> None:
    rng = random.Random(11)
    pieces = PIECES + ["trong đó", "Trong đó,", "TRONG ĐÓ ", "xtrong đó", "trong đóx", "trong  đó", " trong đó5",
                       "İ"]
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        ctx = A._Context.__new__(A._Context)
        ctx.text = text
        lower = text.lower()
        ctx.lower = lower if len(lower) == len(text) else None
        ctx._breaks = {}
        s = rng.randint(0, len(text) // 3)
        e = rng.randint(max(s, len(text) // 2), len(text))
        for kind in A._BREAKS:
            assert ctx._sentence_breaks((s, e), kind)[0] == _ends(A._BREAKS[kind], text, s, e), (kind, text, s, e)


def test_verb_before_is_the_pattern_group() -> None:
    rng = random.Random(13)
    words = ["chiếm", "đạt", "tăng", "giảm", "bằng", "tăng trưởng", "đạtx", "xđạt", "tỷ lệ", "hộ", "khoảng", "trên",
             "12", "%", " ", "  ", "\n", "\t", "\x1c", "\u00a0", ",", "đạt\x1fx"]
    for _ in range(5000):
        low = "".join(rng.choice(words) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(0, 9)))
        m = A._VERB_BEFORE.search(low)
        assert A._verb_before(low) == (m.group(1) if m else None), repr(low)


def test_move_gate_lets_every_move_through() -> None:
    rng = random.Random(17)
    words = ["giảm", "Tăng", "NÂNG", "đưa", "hạ", "kéo giảm", "tỷ lệ hộ nghèo", "che phủ rừng", "xuống", "Lên", "còn",
             "mức", "dưới", "ít nhất", "3", ",", " ", "  "]
    for _ in range(5000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 9)))
        low = text.lower()
        if A._MOVE_TO.search(text):
            assert ("lên" in low or "xuống" in low) and any(v in low for v in A._MOVE_VERBS), text


def test_change_search_from_the_first_verb() -> None:
    rng = random.Random(19)
    words = ["tăng", "Giảm", "TĂNG", "tăng trưởng âm", "bình quân", "so với năm 2020", "còn", "hộ nghèo", "İ", "ı",
             "gİảm", "tănG", "xtăng", "khoảng", ",", " ", "  "]
    for _ in range(5000):
        clause = " ".join(rng.choice(words) for _ in range(rng.randint(1, 8))) + rng.choice(["", " "])
        tail = clause[-60:]
        m = A._CHANGE.search(tail)
        plain = None
        if ("tăng" in tail.lower() or "giảm" in tail.lower()) and m and not A._LEVEL_AFTER_CHANGE.search(clause):
            verb = m.group("verb").lower()
            plain = "decrease" if verb.startswith("giảm") or "âm" in verb else "increase"
        assert A.change_of(clause) == plain, clause
