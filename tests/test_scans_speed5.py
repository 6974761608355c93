"""The scan gates of the fifth speed round give what the plain scans give, on invented sentences and
random strings made of their pieces."""
from __future__ import annotations

import random
import sys

import pytest
import regex as re

from reportextract.extract import references as R

# every character but the surrogates, for checks over all of Unicode
_ALL = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def _case_twins(letters: str) -> list[tuple[str, str]]:
    """(letter, c) for every character c that a case-insensitive `letter` matches but whose lower() is
    one character other than the letter: what a gate comparing lower-cased text would miss."""
    odd = []
    for x in sorted(set(letters)):
        for c in re.findall(re.escape(x), _ALL, re.IGNORECASE):
            low = c.lower()
            if len(low) == 1 and low != x:
                odd.append((x, c))
    return odd


# ---------------------------------------------------------------- references: bare numbers

BARE_SENTENCES = [
    "Thực hiện Nghị quyết 12 của Tỉnh ủy, huyện đã giao chỉ tiêu cho 15 xã.",
    "Căn cứ Kế hoạch số 45 ngày 3/5/2024 và Thông báo số: 7 của Văn phòng UBND tỉnh.",
    "UBND tỉnh ban hành Quyết định 1520, Chỉ thị\t16 và Công văn số 8a về phòng chống thiên tai.",
    "Năm 2024 toàn tỉnh có 1.250 hộ nghèo, giảm 3,2% so với Kế hoạch 2023; Báo cáo 09 đã nêu rõ.",
    "Theo Tờ trình số:  31 của Sở Tài chính, HĐND tỉnh thông qua Nghị quyết số 5.",
    "QUYẾT ĐỊNH 77 và KẾT LUẬN SỐ 4 của Ban Thường vụ; Văn bản 0, Hướng dẫn 2b.",
    "Bộ Kế hoạch 12 và Ban Chỉ đạo 3: tên cơ quan, không phải văn bản.",
    "Thông tư 8 ngày 1/2 và Quy định 3 % dân số; Nghị định 15/2020 là số hiệu đầy đủ.",
]

BARE_PIECES = [
    "Nghị quyết", "Kế hoạch", "Thông báo", "Chỉ thị", "Quy định", "Văn bản", "Báo cáo", "Tờ trình",
    "NGHỊ QUYẾT", "kết luận", "Hướng dẫn", "Công điện", "số", "SỐ", "Số", "ſố", "İ", "Bộ", "Ban", " ", "  ",
    "\t", ":", ": ", "\n", "12", "7", "2024", "3a", "5đ", "1.250", "3,2", "/", "-", "%", ".", ",", "ngày",
    "của", "và", "đạt", "tăng", "thị", "định", "trình", "bản", "x", "(", ")", "٣", "ĐIỆN", "TRİNH",
    "Nghị quyết 12", "Kế hoạch số 7", "Công văn  45", "Chỉ thị\t9", "Thông báo số:8", "Quyết định số : 3",
    "Công  điện 6", "Văn bản 10a", "Kế hoạch ſố 12", "ſỐ: 3", "Công ĐİỆN 4", "Tờ TRİNH 2", "Công điện 7", "nghị quyết 3", "Báo cáo 2 ", "Hướng dẫn\n4", "Ban Chỉ đạo 7",
] + [f"{k} {n}" for k in R._BARE_KINDS for n in ("12", "3b")] + [f"{k.upper()}\t5" for k in R._BARE_KINDS]


def _bare_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(BARE_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(n)]


@pytest.mark.parametrize("text", BARE_SENTENCES + _bare_texts(51, 1500))
def test_bare_mentions_gated_match_finditer(text: str) -> None:
    want = [(m.span(), m.group("k"), m.group("n")) for m in R._bare_re().finditer(text)]
    assert [(m.span(), m.group("k"), m.group("n")) for m in R._bare_mentions(text)] == want


def test_bare_gate_sees_every_bare_match() -> None:
    """_may_follow_kind holds at the number of every match (on the invented sentences: some match)."""
    seen = 0
    for text in BARE_SENTENCES + _bare_texts(52, 800):
        for m in R._bare_re().finditer(text):
            assert R._may_follow_kind(text, m.start("n")), text
            seen += 1
    assert seen > 100


def test_bare_lasts_letters_match_their_lower_case_only() -> None:
    """The gate compares lower-cased text: every character a case-insensitive letter of the kinds' last
    words (and "số") matches lower-cases to it, but for "ſ" (an "s"), which the gate lets through."""
    assert _case_twins("".join(R._BARE_LASTS)) == [("s", "ſ")]


# ---------------------------------------------------------------- references: signings

SIGN_PIECES = [
    "Ngày 9/8/2024, Chủ tịch UBND tỉnh đã ký các quyết định: ", "Sáng 12-3, Phó Chủ tịch tỉnh ký Kế hoạch ",
    "Chiều 5.6 Thường trực Tỉnh ủy ban hành các nghị quyết ", "hôm 2/9/2023 Sở Nội vụ đã BAN HÀNH công văn ",
    "Quyết định số 12/QĐ-UBND", "Quyết định số 13/QĐ-UBND ngày 4/4/2024", "Kế hoạch số 45/KH-UBND",
    "Nghị quyết số 07-NQ/TU", "Công văn số 88/SNV-TCBC", "Nghị quyết 17", " về phát triển du lịch; ", ", ",
    " và ", ".\n", "\n", " ", "x" * 1400, "Trong năm, toàn tỉnh tổ chức 25 lớp tập huấn cho cán bộ cơ sở. " * 20,
    "ký", "ban hành", "ngày 30/6 ", "(ngày 1/7)",
]


def _sign_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(SIGN_PIECES) for _ in range(rng.randint(1, 16))) for _ in range(n)]


def _plain_dates_from_signing(text: str, refs: list[dict[str, object]], year: int | None) -> None:
    """_dates_from_signing before the bounds: every signing in the whole text."""
    if all(r["date"] for r in refs):
        return
    events = []
    for m in R._SIGNED.finditer(text):
        value = R.iso_date(m.group("y") or year or 0, m.group("m"), m.group("d"))
        if value:
            events.append((m.start(), R.canonical_kind(m.group("k")), value))
    if not events:
        return
    for r in refs:
        if r["date"]:
            continue
        before = [ev for ev in events if ev[0] < r["span"][0] <= ev[0] + 3000]
        if before and before[-1][1] == r["kind"]:
            r["date"] = before[-1][2]


@pytest.mark.parametrize("seed", range(6))
def test_dates_from_signing_bounded_as_plain(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import copy
    texts = _sign_texts(seed, 150)
    raw = []
    with monkeypatch.context() as m:
        m.setattr(R, "_dates_from_signing", lambda text, refs, year: None)
        for text in texts:
            raw.append(R.find_references(text, None, 2024))
    dated = 0
    for text, refs in zip(texts, raw):
        for year in (2024, None):
            want, got = copy.deepcopy(refs), copy.deepcopy(refs)
            _plain_dates_from_signing(text, want, year)
            R._dates_from_signing(text, got, year)
            assert got == want, text
            dated += sum(1 for a, b in zip(refs, want) if a["date"] != b["date"])
    assert dated > 10


def test_signings_bounded_hold_the_matches_opening_in_bounds() -> None:
    for text in _sign_texts(9, 300):
        every = [m.span() for m in R._SIGNED.finditer(text)]
        assert [m.span() for m in R._signings(text)] == every
        for lo, hi in ((0, len(text) // 2), (len(text) // 3, len(text)), (len(text) // 4, len(text) // 2)):
            got = {m.span() for m in R._signings(text, lo, hi)}
            assert {s for s in every if lo <= s[0] < hi} <= got <= set(every), text


# ---------------------------------------------------------------- document numbers: code starts

CODE_SENTENCES = [
    "Căn cứ Quyết định số 1520/QĐ-UBND ngày 8/11/2023 và Nghị quyết 04-NQ/TU của Tỉnh ủy.",
    "Kế hoạch 7/KH- BCA- C04, Công văn 213/ SNV–TCBC; tỷ lệ 5/năm, 3-tháng, 2020-2025.",
    "Số: 15/2020/NQ - HĐND\tvà 12 /\tQĐ-ĐU; /Ủy ban, -Ơ, – Ấp, /\u00c9, -\tx, /\t",
    "",
    "/",
    "–",
    "- A",
]
CODE_PIECES = ["/", "-", "–", " ", "\t", "  ", "QĐ", "UBND", "năm", "a", "Ư", "ư", "É", "é", "1", "2024", "\n",
               "Ǆ", "ǅ", "ǆ", "Ⅸ", "Ⓐ", "\U0001d400", "\U0001e900", "\U00016e40", "İ", "ſ", "x", "ĐU", ".", ","]


@pytest.mark.parametrize("text", CODE_SENTENCES + [
    "".join(random.Random(k).choice(CODE_PIECES) for _ in range(random.Random(k + 1).randint(1, 24)))
    for k in range(800)])
def test_code_starts_are_the_code_start_matches(text: str) -> None:
    from reportextract.parsers import references as P
    assert P._code_starts(text) == [m.start() for m in P._CODE_START.finditer(text)]


def test_code_starts_upper_is_lu_on_every_character() -> None:
    from reportextract.parsers import references as P
    upper = set(re.findall(r"\p{Lu}", _ALL))
    assert {c for c in _ALL if P._is_upper(c)} == upper
    assert not P._is_upper("")


# ---------------------------------------------------------------- dates: day-month anchors

DAY_SENTENCES = [
    "Sáng 17/3, UBND tỉnh họp; ngày 30 - 4 và 1.5 là ngày nghỉ, ngày 2 /9 cũng vậy.",
    "Tỷ lệ đạt 8.36%, năm 2016-2020 giảm 1.250 hộ; 12/2021, 3-4 tháng, 123/45 và 1/234.",
    "Từ ngày 14 đến 19-9-1968, hôm qua (16-3) và 05/ 11/2024; 11 - 11 - 2023.\n7.8",
    "ngày \U00011f53/\U00011f54, ٣/٤ và 1\U00011f55-4; 1/2/3/4, 10.\t2, 9 .8",
]
DAY_PIECES = ["1", "12", "123", "/", ".", "-", " ", "\t", "  ", "ngày ", "a", "٣", "\U00011f53", "\n", ",", "(",
              "2024", "%", "–", "é", "Đ", "0"]


@pytest.mark.parametrize("text", DAY_SENTENCES + [
    "".join(random.Random(k).choice(DAY_PIECES) for _ in range(random.Random(-k).randint(1, 20)))
    for k in range(1500)])
def test_day_anchors_are_the_anchor_matches(text: str) -> None:
    from reportextract.extract import dates as D
    assert D._day_anchors(text) == [m.start() for m in D._DAY_WINDOWS.anchor.finditer(text)]


def test_day_anchor_digit_is_the_regex_modules() -> None:
    from reportextract.extract import dates as D
    assert {c for c in _ALL if D._is_digit(c)} == set(re.findall(r"\d", _ALL))
    assert not D._is_digit("")


# ---------------------------------------------------------------- document: years found as they are read

YEAR_START_PIECES = ["1", "2", "0", "9", "19", "20", "2019", "1920", "201", "192", " ", "x", "năm ", "/", "-",
                     "Ngày cập nhật ", "25/03/2021", "Đăng ngày 11 - 11 - 2023", "\n", "08:30 "]


@pytest.mark.parametrize("k", range(6))
def test_iter_year_starts_is_year_starts(k: int) -> None:
    from reportextract.parsers.dates import iter_year_starts, year_starts
    rng = random.Random(60 + k)
    for _ in range(1500):
        text = "".join(rng.choice(YEAR_START_PIECES) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(text))
        end = rng.choice([None, len(text), rng.randint(start, len(text))])
        assert list(iter_year_starts(text, start, end)) == year_starts(text, start, end), (text, start, end)


LABELLED_SENTENCES = [
    "TỔNG KẾT NĂM 2020\nNgày cập nhật 25/03/2021\n\nSáng 17/3/2021, UBND tỉnh họp.",
    "Đăng ngày 11 - 11 - 2023 | 08:30\nHội nghị tổng kết giai đoạn 2019-2023.",
    "Năm 1999, 2000 và 2019: Cập nhật lúc 08:15, Thứ Hai, ngày 5/6/2024. Xuất bản ngày 1/1/2020",
    "Giai đoạn 2016 - 2020 đạt 19/20 chỉ tiêu; Posted 3.4.2019; Updated: 12-12-2012",
    "Không có ngày nào: năm 2019 và 2020.",
]


@pytest.mark.parametrize("text", LABELLED_SENTENCES)
def test_labelled_is_the_first_labelled_search(text: str) -> None:
    from reportextract.extract import document as D
    for start in range(0, len(text), 7):
        for end in (len(text), len(text) - 5, start + 40):
            end = max(start, min(end, len(text)))
            got, want = D._labelled(text, start, end), D._LABELLED.search(text, start, end)
            assert (got and got.span()) == (want and want.span()), (start, end)


# ---------------------------------------------------------------- references: kind words before a number

KIND_SENTENCES = [
    "Thực hiện Nghị quyết số 04-NQ/TU và Chương trình hành động số 12-CTr/TU của Tỉnh ủy",
    "Bộ Kế hoạch và Đầu tư, Ban Chỉ đạo, Sở Tư pháp đã ban hành Thông báo kết luận số 7-TB/TU",
    "THÔNG TƯ LIÊN TỊCH số 3, Quy chế, Quy định và Quyết định 15/QĐ-UBND; Kế hoạch, Kết luận, Lệnh",
    "Theo Công văn  số 88/SNV, Công\nđiện 5/CĐ-TTg, Hướng dẫn 01/HD, Đề án 06, Tờ trình 9/TTr, Văn bản 0",
    "Căn cứ Hiến pháp, Luật Tổ chức chính quyền địa phương, Pháp lệnh số 2 và Điều lệ Đảng",
    "PHÒNG Kế hoạch, cục Thông tư, ban Quy chế, viện  Báo cáo 4; Phương án số 3, Thông tri 1",
]
KIND_PIECES = [
    "Nghị quyết", "nghị  quyết", "NGHỊ\nQUYẾT", "Quyết định", "Kế hoạch", "Kết luận", "Thông báo", "Thông tư",
    "liên tịch", "kết luận", "Chương trình", "hành động", "Công văn", "Quy", "quy chế", "Luật", "Lệnh", "Đề án",
    "Bộ ", "Sở ", "Ban ", "Phòng\t", "Viện ", "Cục", " ", "  ", "\n", "\t", ", ", "; ", "số ", "12/QĐ-UB", "x",
    "ſở ", "İ", "Tờ trình", "TỜ TRİNH", "Điều lệ", "ĐIỀU LỆ", "Hiến pháp", "Phương án", "Hướng dẫn", "kế",
    "kết", "quyết", "báo", "tư", "a", "Đ", "\u212aế hoạch", "Kế hoạchx", "xKế hoạch", "ơ", "Thông báo kết luận",
    "Chương trình hành động", "Nghị quyết liên tịch", "Quyết định kế hoạch",
]


def _kind_texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(KIND_PIECES) for _ in range(rng.randint(1, 12))) for _ in range(n)]


@pytest.mark.parametrize("text", KIND_SENTENCES + _kind_texts(70, 1200))
def test_kinds_between_is_the_kind_finditer(text: str) -> None:
    from reportextract.parsers.references import canonical_kind
    rng = random.Random(text)
    for k in range(5):
        lo = rng.randint(0, len(text)) if k else 0
        hi = rng.choice([len(text), rng.randint(lo, len(text))]) if k else len(text)
        want = [(canonical_kind(m.group("k")), m.start(), m.end()) for m in R._kind_re().finditer(text, lo, hi)]
        assert R._kinds_between(text, lo, hi) == want, (lo, hi)


def test_kind_letters_match_their_lower_case_only() -> None:
    """_kinds_between compares lower-cased text: every letter of the kinds and the body words matches
    case-insensitively what lower-cases to it, "ſ" apart; lower() keeps letters and spaces what they are."""
    from reportextract.parsers.references import kind_names
    letters = "".join(kind_names()) + "".join(R._BODY_WORDS)
    assert _case_twins(letters.lower().replace(" ", "")) == [("s", "ſ")]
    for c in _ALL:
        low = c.lower()
        if len(low) == 1 and low != c:
            assert bool(re.match(r"\p{L}", c)) == bool(re.match(r"\p{L}", low)), hex(ord(c))
            assert bool(re.match(r"\s", c)) == bool(re.match(r"\s", low)), hex(ord(c))


def test_kind_lower_source_is_the_pattern_in_lower_case() -> None:
    pattern, firsts = R._kind_lower()
    upper = R._kind_re().pattern
    assert pattern.pattern == upper.replace("(?P<k>", "\0").lower().replace("\0", "(?P<k>").replace(r"\p{l}", r"\p{L}")
    assert set(firsts) <= {w.lower() for k in R.kind_names() for w in k.split()[:1]}


# ---------------------------------------------------------------- figures: spelled-out numbers and scales

SPELLED_SENTENCES = [
    "Năm nay tỉnh hỗ trợ hai nghìn tỷ đồng, ba triệu  người được khám; năm triển khai mười lăm dự án.",
    "Có hai mươi ba nghìn hộ, bốn vạn con gia súc, chín trăm tấn lúa và một ngàn tỉ đồng vốn vay.",
    "Sáu tháng đầu năm, bảy NGHÌN TỶ đồng; tám Triệu Tỷ; ba  tr người; năm 2020 đạt hai tỉnh.",
    "Mười hai\u00a0nghìn\tngười, hai ngàn  tỷ\u00a0đồng, năm trăm nghìn đồng/người, một tỷ.",
    "Năm 2020 có ba 2 hộ, năm 2021 hai nghìn người; năm\u00a02022 bốn tấn, năm  2023, sáu 7%, bảy 8 ha.",
]
SPELLED_PIECES = ["một", "hai", "ba", "năm", "mười", "mươi", "lăm", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ",
                  "vạn", "NGHÌN", "Tỷ", "nghìn tỷ", "triển", "thực", "tr", "ng", " ", "  ", "\t", "\u00a0", "\n",
                  "người", "đồng", "hộ", "ha", "tấn", "tỉnh", "2020", ",", ".", "x", "TRIỆU", "vạ", "năm 2020",
                  "hai 3 người", "ba\u00a05", "bốn\t7 tấn", "mười  12", "chín 9%", "một 1.000 hộ", "bảy ٣ ha"]


@pytest.mark.parametrize("text", SPELLED_SENTENCES + [
    "".join(random.Random(900 + k).choice(SPELLED_PIECES) + random.Random(k).choice([" ", "", "  "])
            for _ in range(random.Random(-900 - k).randint(1, 16))) for k in range(600)])
def test_spelled_matches_with_the_scale_gate_as_without(text: str) -> None:
    from reportextract.extract import figures as F
    low = text.lower()
    if len(low) != len(text):
        return
    want = [(m.span(), m.groups) for m in F._spelled_matches(text)]  # no lower-cased text: no gate
    got = [(m.span(), m.groups) for m in F._spelled_matches(text, low, F._spelled_starts(low))]
    assert got == want


def test_no_scale_nor_unit_word_starts_with_a_digit() -> None:
    """What lets _spelled_search skip a number word with a digit after its gap ("năm 2020")."""
    from reportextract.extract import figures as F
    assert not any(w[:1].isdigit() or F._key(w[0]).isdigit() for w in F.unit_table())
    assert not any(c.isdigit() for c in F._SCALE_FIRST)
    assert F._digit_after_gap("năm 2020", 3) and F._digit_after_gap("ba \u00a0\t7", 2)
    assert not F._digit_after_gap("năm tới", 3) and not F._digit_after_gap("năm", 3)


def test_scale_letters_match_their_lower_case_only() -> None:
    from reportextract.extract import figures as F
    assert _case_twins("".join(F._SCALE_WORDS).replace(" ", "")) == []
    assert F._SCALE_WORDS == tuple(F.SCALE.split("|"))  # already lower case
