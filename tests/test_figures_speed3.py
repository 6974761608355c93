"""Third round of figure fast paths (shared lower-cased text, one spelled-number scan, cheap gates) give
what the straightforward computations give, on invented sentences in official style."""
from __future__ import annotations

import re

import pytest

from reportextract.extract import attributes as A
from reportextract.extract import figures as F

# Invented sentences (not from any corpus): hedges, per-year rates, spelled-out numbers, odd case.
TEXTS = {
    "estimate": ("Ước đạt 1.250 tỷ đồng; cả năm ước tăng bình quân 6,2%/năm, nước sạch đạt 98%. "
                 "ƯỚC NĂM 2026: thu ngân sách 900 tỷ đồng, chi 850 tỷ đồng; hiệp ước 3 bên."),
    "per_year": ("Hằng năm giảm từ 1,5% số hộ nghèo; mỗi năm tạo việc làm cho trên 2% lao động, "
                 "HÀNG NĂM TĂNG 3%; bình quân mỗi năm chi khoảng 4% ngân sách; năm nay đạt 5%."),
    "spelled": ("Huyện có hai mươi lăm xã, ba thị trấn và Bảy  hợp tác xã; ban chỉ đạo họp bốn lần, "
                "năm người được khen; tám đoàn, Mười hai tổ\u00a0công tác, chín mươi tư hộ."),
    "glued": "Hai,ba hộ; thứ hai xã; ba\tđội, năm\u00a0ngày; mườitám người; “Ba không” và bảy-tám tổ.",
    "mixed": ("Trong 6 tháng đầu năm, ước giải ngân 45% kế hoạch; Tỉnh đã hỗ trợ hai nghìn hộ, "
              "tổng vốn ước khoảng 3 triệu USD; 12 xã (ước 30%) đạt chuẩn, không quá 24 tháng."),
}


def _variants(text: str) -> list[str]:
    return [text, text.lower(), text.upper(), text.title()]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_estimated_by_lower_find_matches_pattern(name: str) -> None:
    for text in _variants(TEXTS[name]):
        lower = text.lower()
        assert len(lower) == len(text)
        for start in range(len(text) + 1):
            assert F._estimated(text, start, lower) == F._estimated(text, start), start
            end = min(len(text), start + 5)
            assert F.comparator(text, start, end, lower) == F.comparator(text, start, end), start


def _per_year_plain(text: str, s: int) -> bool:
    before = text[max(0, s - 40):s]
    for hedge in ("trên ", "khoảng ", "gần ", "hơn ", "dưới ", "từ "):
        if before.endswith(hedge):
            before = before[: -len(hedge)]
    return bool(F._PER_YEAR.search(before))


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_per_year_gate_changes_nothing(name: str) -> None:
    hits = 0
    for text in _variants(TEXTS[name]):
        for s in range(len(text) + 1):
            fast = F._per_year_lead(text, s)
            assert fast == _per_year_plain(text, s), s
            hits += fast
    if name == "per_year":
        assert hits  # the test reaches the pattern, not only the gate


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_spelled_starts_are_every_match(name: str) -> None:
    for text in _variants(TEXTS[name]):
        lower = text.lower()
        starts = F._spelled_starts(lower)
        every = [(k, F._SPELLED_START.match(lower, k).group()) for k in range(len(lower))
                 if F._SPELLED_START.match(lower, k)]
        assert starts == every
        nouns = [(k, w) for k, w in starts if w in F._SPELLED_NOUN_WORDS]
        assert [k for k, _ in nouns] == [k for k in range(len(lower)) if F._SPELLED_NOUN_START.match(lower, k)]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_shared_spelled_scan_matches_plain(name: str) -> None:
    noun = F.patterns()["spelled_noun"]
    none = F._Spans([])
    for text in _variants(TEXTS[name]):
        lower = text.lower()
        starts = F._spelled_starts(lower)
        shared = [(m.start, m.end, m.groups) for m in F._spelled_matches(text, lower, starts)]
        assert shared == [(m.start, m.end, m.groups) for m in F._spelled_matches(text, None)]
        nouns = [(k, w) for k, w in starts if w in F._SPELLED_NOUN_WORDS]
        fast = [F._spelled_noun_figure(text, m, none, none, lower)
                for m in F._matches(noun, F._SPELLED_NOUN_START, text, lower, nouns)]
        plain = [F._spelled_noun_figure(text, m, none, none) for m in noun.finditer(text)]
        assert [f for f in fast if f] == [f for f in plain if f]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_find_figures_with_shared_lower(name: str) -> None:
    for text in _variants(TEXTS[name]):
        assert F.find_figures(text, [], text.lower()) == F.find_figures(text, [])


_PLAIN_START = re.compile(rf"(?:{F._DIGIT_WORDS})(?=[ \t\u00a0])")
# every number word, glued or not, before each kind of gap and before other characters
_WORD_SOUP = " ".join(f"{w}{gap}{w}x {w.upper()}\u00a0b{w}" for w in F._DIGIT_WORDS.split("|")
                      for gap in (" ", "\t", "\u00a0", ",", "\n"))


@pytest.mark.parametrize("name", sorted(TEXTS) + ["soup"])
def test_grouped_spelled_start_matches_plain_alternation(name: str) -> None:
    text = _WORD_SOUP if name == "soup" else TEXTS[name]
    for variant in _variants(text):
        lower = variant.lower()
        for k in range(len(lower) + 1):
            fast, plain = F._SPELLED_START.match(lower, k), _PLAIN_START.match(lower, k)
            assert (fast and fast.group()) == (plain and plain.group()), k


def _per_plain(text: str, pos: int, any_word: bool = True) -> tuple[str, int]:
    """_per without its opening gates: the patterns decide alone."""
    suffix = ""
    table = F.unit_table()
    while True:
        m = F._per_match(text, pos)
        if m:
            suffix += "/" + table[" ".join(m.group("w").lower().split())][0]
            pos = m.end()
            continue
        m = F._PER_WORD.match(text, pos) if any_word else None
        if not m or m.group(1) in F.not_nouns():
            return suffix, pos
        suffix += "/" + m.group(1)
        pos = m.end()


_PER_TEXTS = ["53 triệu đồng trên 1 ha, 2 tấn/ha/năm; 4 lít TRÊN MỘT người, 5 kg mỗi  1 hộ",
              "30 USD/thùng, 7 xã/thị trấn, 8 người/ tháng, 9 km Mỗi 1 giờ, 3 tăng mức, 4 /1 ha",
              "12 triệu đồng/người/năm tăng 5% trên  một ha, 6 tấn mỗi\u00a0một ha, 2 tỷ tr"]


@pytest.mark.parametrize("text", _PER_TEXTS)
def test_per_gates_change_nothing(text: str) -> None:
    hits = 0
    for variant in _variants(text):
        for pos in range(len(variant) + 1):
            for any_word in (True, False):
                fast = F._per(variant, pos, any_word)
                assert fast == _per_plain(variant, pos, any_word), (pos, any_word)
                hits += bool(fast[0])
    assert hits


_CHANGE_CLAUSES = ["tỷ lệ hộ nghèo giảm ", "giảm còn ", "tăng lên\n", "GIẢM XUỐNG CÒN  ", "tăng lên mức\t",
                   "thu nhập tăng bình quân ", "giảm xuống", "tăng về ", "giảm đạt ", "tăng ở mức ",
                   "tăng trưởng âm ", "giảm cònx ", "tăng Lên\u00a0", "số hộ tăng, còn ", "giảm so với năm trước ",
                   # "so với …" takes any words: the change then ends on each level word
                   "giảm so với năm 2020 xuống còn ", "tăng so với kế hoạch lên mức ", "giảm so với dự kiến về\n",
                   "tăng so với cùng kỳ ở mức ", "giảm so với năm trước xuống "]


def _change_plain(before_clause: str) -> str | None:
    m = A._CHANGE.search(before_clause[-60:])
    if not m or A._LEVEL_AFTER_CHANGE.search(before_clause):
        return None
    verb = m.group("verb").lower()
    return "decrease" if verb.startswith("giảm") or "âm" in verb else "increase"


@pytest.mark.parametrize("clause", _CHANGE_CLAUSES)
def test_change_gate_changes_nothing(clause: str) -> None:
    for variant in _variants(clause):
        for cut in range(len(variant) + 1):
            assert A.change_of(variant[:cut]) == _change_plain(variant[:cut]), cut


def _comparator_plain(text: str, start: int, end: int) -> str | None:
    """comparator with every pattern tried in turn and the window scanned whole for "ước"."""
    before, after = text[max(0, start - 30):start], text[end:end + 15]
    for pattern, sign in F._CMP_AFTER:
        if pattern.search(after):
            return sign
    for pattern, sign in F._CMP_BEFORE:
        if pattern.search(before):
            return sign
    window = text[max(0, start - 400):start]
    hit = None
    for hit in F._ESTIMATE.finditer(window):
        pass
    if hit is None:
        return None
    rest = window[hit.end():]
    if F._TARGET_WORDS.search(rest):
        return None
    if F._LIST_LEAD.match(window, hit.start()):
        return None if F._SENTENCE_END.search(rest) else "~"
    return None if F._CLAUSE_END.search(rest) else "~"


# every bound and hedge word before a number, "ước" inside other words and after the words that
# make it no hedge, lists led by "ước …:"
_BOUND_TEXTS = [" ".join(f"{w} {i} xã" for i, w in enumerate(words.split("|"))) for words, _ in F._CMP_WORDS] + [
    "Cả nước ước tăng 5%; nước ngoài 3 dự án, hiệp ước 2 bên, ước mơ 4 hộ, ước đạt chỉ tiêu 6%.",
    "Ước năm 2026: thu 7 tỷ đồng (tăng 8%); chi 9 tỷ đồng. Trong nước có 10 xã, NƯỚC 11 hộ, ƯỚC  12 tấn",
    "không  quá 13 tháng, KHÔNG QUÁ\u00a014 ngày,\ntrên\n15 xã, hơn 16 hộ trở lên, gần17 người, chừng 18 ha",
]


@pytest.mark.parametrize("text", _BOUND_TEXTS)
def test_comparator_fast_paths_match_plain(text: str) -> None:
    for variant in _variants(text):
        lower = variant.lower()
        for start in range(len(variant) + 1):
            end = min(len(variant), start + 3)
            plain = _comparator_plain(variant, start, end)
            assert F.comparator(variant, start, end, lower) == plain, start
            assert F.comparator(variant, start, end) == plain, start


def _parse_number_plain(text: str) -> float | None:
    from reportextract.parsers import numbers as N

    s = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if not s:
        return None
    if s.isdigit():
        return float(s)
    for pattern, read in ((N._THOUSANDS_DOT, lambda x: None if x.startswith("0") else float(x.replace(".", ""))),
                          (N._THOUSANDS_DOT_DEC, lambda x: float(x.replace(".", "").replace(",", "."))),
                          (N._THOUSANDS_SPACE, lambda x: float(x.replace(" ", "").replace(",", "."))),
                          (N._DEC_COMMA, lambda x: float(x.replace(",", "."))),
                          (N._EN_DEC, float),
                          (N._EN_THOUSANDS, lambda x: float(x.replace(",", "")))):
        if pattern.match(s):
            value = read(s)
            if value is not None:
                return value
    return None


_NUMBER_WRITINGS = ["8,36", "1.234,5", "9.604", "72.4", "1.000.000", "12 450", "0.500", "abc", "3", " 45 ",
                    "1,234,567", "1,234,567.89", "12\u00a0450,5", "1\u202f000", "0,5", "1.2.3", "1,2,3", ".5", "5.",
                    "12 45", "1.234.5", "007", "0.123.456", "2,5.3", "1 000 000,25", "", "  ", "10,000"]


@pytest.mark.parametrize("writing", _NUMBER_WRITINGS)
def test_parse_number_gates_change_nothing(writing: str) -> None:
    from reportextract.parsers.numbers import parse_number

    assert parse_number(writing) == _parse_number_plain(writing)


def test_number_group_order() -> None:
    """_digit_figure unpacks m.groups() and reads n1 as group 1: the patterns' groups must stay in order."""
    for name, groups in F._NUMBER_GROUPS.items():
        index = F.patterns()[name].groupindex
        assert sorted(index, key=index.get) == list(groups)
        assert index["n1"] == 1


# time words in every form _TIME_WORDS takes, and phrases with digits but no time
_TIME_PHRASES = ["tỷ lệ hộ nghèo 8,36% năm 2016", "trong năm 2025 số hộ", "giai đoạn 2016 – 2020 có",
                 "cuối tháng 6 toàn tỉnh", "6 tháng đầu năm đạt", "sáu tháng qua", "hằng năm giảm", "HÀNG NĂM",
                 "mỗi năm tạo", "đến nay đã", "hiện nay có", "từ đầu năm", "cụ thể là", "tháng 12/2024 đạt",
                 "ngày 15/3/2025 có", "quý IV/2023 tăng", "2019-2021 giảm", "12 xã, 45 hộ và 7,5 tỷ đồng",
                 "năm thứ 3 có 18 người", "Năm 2000 đến 2010", "3 tháng cuối năm", "Đầu năm", "đầu NĂM 2024",
                 "năm học 2023", "trong tháng 9 tới", "199 hộ, 209 xã", "ba tháng", "năm tháng đầu năm",
                 "số ９ hộ", "tăng 1,9% và 2,0%", "nay mai", "năm trước"]


@pytest.mark.parametrize("phrase", _TIME_PHRASES)
def test_time_hint_is_necessary(phrase: str) -> None:
    for variant in _variants(phrase):
        for a in range(len(variant)):
            for b in range(a + 1, len(variant) + 1):
                piece = variant[a:b]
                if not A._time_hint(piece):
                    assert not A._TIME_WORDS.search(piece), piece
