"""The speed-ups of the document, dates and references components give what a plain scan gives."""
from __future__ import annotations

import random

import pytest

from reportextract.extract import dates, document, references
from reportextract.parsers import dates as parsers_dates
from reportextract.parsers.dates import confined

# Pieces of text that date patterns meet, and some that stop them; glued at random into test texts.
_PIECES = (
    "ngày", "Ngày", "NGÀY", "tháng", "Tháng", "THÁNG", "năm", "Năm", "từ", "Từ", "đến", "tới", "và", "sáng",
    "Chiều", "hôm", "qua", "nay", "mai", "trước", "lần", "giai đoạn", "so với", "cùng kỳ", "Hà Nội", "kế hoạch",
    "1", "3", "07", "12", "15", "31", "2019", "2021", "1999", "2030", "135", "4.500",
    "/", "-", ".", "–", ",", "(", ")", "…", ";", ":", "|", " ", " ", " ", "  ", "\n", "\t", "²", "x", "Q",
)


# Date-shaped templates: {w} a time word, {d} {m} {y} numbers, {s} a separator, "_" a space of any kind.
_SHAPES = (
    "{w}_{d}{s}{m}{s}{y}", "{w}_{d}_tháng_{m}_năm_{y}", "tháng_{m}{s}{y}", "tháng_{m}_và_tháng_{m}_năm_{y}",
    "từ_ngày_{d}_đến_{d}{s}{m}{s}{y}", "{w}_{d}{s}{m}", "{w}_{d}_{s}_{m}_{s}_{y}", "ngày_…_tháng_{m}_năm_{y}",
    "{w}_{d}{s}{m}_{j}_{d}{s}{m}", "tháng_{m}_{j}_{m}", "{y}_{s}_{y}", "({d}{s}{m})", "năm_{y}", "{d}_tháng_{m}",
)


def _fill(shape: str, rng: random.Random) -> str:
    out = []
    for tok in shape.replace("{", "|{").replace("}", "}|").split("|"):
        if tok == "{w}":
            tok = rng.choice(("ngày", "Ngày", "sáng", "Hôm qua", "từ", "TỪ", "Chiều", "trưa", "đêm", "x"))
        elif tok in ("{d}", "{m}"):
            tok = str(rng.choice((1, 3, 9, 12, 13, 29, 31, 32))).zfill(rng.choice((1, 2)))
        elif tok == "{y}":
            tok = rng.choice(("2019", "2021", "2021", "1999", "1999", "2100", "20", "2019/", "12019"))
        elif tok == "{s}":
            tok = rng.choice(("/", "/", "-", "-", ".", "–", " - ", "/ ", ","))
        elif tok == "{j}":
            tok = rng.choice(("đến", "tới", "và", "–", "-"))
        out.append(tok)
    text = "".join(out)
    while "_" in text:
        text = text.replace("_", rng.choice((" ", " ", " ", "  ", "\n", "\t", "", " \n ")), 1)
    return text if rng.random() < 0.8 else text.upper()


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(3, 30)):
            parts.append(_fill(rng.choice(_SHAPES), rng) if rng.random() < 0.4 else rng.choice(_PIECES))
            parts.append(rng.choice((" ", " ", "", "\n", ", ", ". ")))
        out.append("".join(parts))
    return out


_TEXTS = _texts(1500, 7) + [
    "Từ ngày 3 đến 5-4-2019, sáng 9/4 và ngày 1 tháng 6 năm 2020;",
    "ngày\n8\ntháng\n11\nnăm\n2016 và tháng 3/2021, tháng 10 và tháng 11 năm 2025",
    "Hôm qua (16-3) và ngày mai 12.12; 27/ 11/2024, 11 - 11 - 2023, ngày    tháng 11 năm 2025",
]

_PATTERNS = [("RANGE", dates.RANGE), ("RANGE_NO_YEAR", dates.RANGE_NO_YEAR), ("MONTH_RANGE", dates.MONTH_RANGE)] + [
    (f"DATE_PATTERNS[{i}]", p) for i, (p, _) in enumerate(dates.DATE_PATTERNS)]


@pytest.mark.parametrize("name,pattern", _PATTERNS, ids=[n for n, _ in _PATTERNS])
def test_date_windows_find_every_match(name: str, pattern) -> None:
    confine = dates._MONTH_WINDOWS if pattern in dates._BY_MONTH_WORD else dates._DAY_WINDOWS
    for text in _TEXTS:
        want = [m.span() for m in pattern.finditer(text)]
        got = [m.span() for m in confined(pattern, text, confine.windows(text))]
        assert got == want, text


_HEADER_PIECES = (
    "Hà Nội", "TP. Hồ Chí Minh", "Trà Vinh", "ngày", "tháng", "năm", "Cập nhật", "Ngày đăng", "Posted", "lúc",
    "Thứ Hai", "08:30", "Số:", "|", "*", ",", ", ", ".", "/", "-", " - ", "…", "\n", " ", "  ", "\t", "x",
    "2", "09", "12", "2020", "2021", "1999", "12/3/2021", "4.5.2019", "11 - 11 - 2023", "10-2021",
    "Hà Nội, ngày", "Bến Tre,\nngày", ", ngày", " tháng ", " năm ", "ngày 9 tháng 12 năm 2020", " 12/3/2021",
)


def _header_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_HEADER_PIECES) + rng.choice(("", " ", " ", "\n"))
                    for _ in range(rng.randint(3, 40))) for _ in range(n)]


@pytest.mark.parametrize("legal", [False, True], ids=["press", "legal"])
def test_place_date_same_as_a_search(legal: bool) -> None:
    pattern = document._PLACE_DATE_ANY if legal else document._PLACE_DATE
    texts = _header_texts(3000, 11) + ["Trà Vinh, ngày 09 tháng 12 năm 2020", "x | Lâm Đồng, ngày 2/6/2022"]
    hits = 0
    for text in texts:
        want = pattern.search(text)
        got = document._place_date(text, legal)
        assert (got and got.span()) == (want and want.span()), text
        hits += want is not None
    assert hits > 50  # the texts do hold such lines


@pytest.mark.parametrize("start", [0, 7], ids=["whole", "from-7"])
def test_labelled_same_as_a_search(start: int) -> None:
    texts = _header_texts(3000, 12) + ["Cập nhật: 08:30, 12/3/2021", "Posted 4.5.2019 và 11 - 11 - 2023"]
    hits = 0
    for text in texts:
        want = document._LABELLED.search(text, start)
        got = document._labelled(text, start, len(text))
        assert (got and got.span()) == (want and want.span()), text
        hits += want is not None
    assert hits > 50


_CITATION_PIECES = (
    "Nghị quyết", "NGHỊ QUYẾT", "nghị\nquyết", "Quyết định", "Chỉ thị", "Kế hoạch", "Báo cáo", "Văn bản",
    "Thông tư", "Công văn", "Bộ", "Ban", "Sở", "số", "Số", "SỐ", "số:", ":", "12", "5", "30a", "135", "2025",
    "123456", "7b", "%", ".", ",", "/", "-", "ngày", "của", "về", "x", " ", " ", "  ", "\t", "\n", "ạ",
)


def test_bare_mentions_same_as_finditer() -> None:
    rng = random.Random(13)
    pattern = references._bare_re()
    hits = 0
    for _ in range(3000):
        text = "".join(rng.choice(_CITATION_PIECES) + rng.choice(("", " ", " ", " ", "\n"))
                       for _ in range(rng.randint(3, 40)))
        want = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in references._bare_mentions(text)] == want, text
        hits += len(want)
    assert hits > 200


_YEAR_PIECES = (
    "năm", "Năm", "sinh năm", "SINH NGÀY", "so với", "cùng kỳ", "cuối", "đầu", "từ", "giai đoạn", "thời kỳ",
    "đến", "tới", "nay", "ngày", "tháng", "Quyết định", "số", "12/2019/QĐ-UBND", "57/2014/QH13", "/2020/",
    "2019", "2020", "1999", "2021", "20", "2000", "1945", "12", "3", "120", "-", "–", "—", "/", ".", ",", ";",
    ":", "(", ")", " ", " ", "  ", "\n", "\t", "người", "x", "Đ", "%", "12/3/2021", "4.5.2019",
    "ngày 5 tháng 6 năm 2020", "NGÀY 5\nTHÁNG 6 2019", "từ năm 2016 đến năm 2020", "2016-2020", "2010 – 2015",
)


def _year_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_YEAR_PIECES) + rng.choice(("", " ", " ", " ", "\n"))
                    for _ in range(rng.randint(3, 50))) for _ in range(n)]


_YEAR_PATTERNS = [
    ("PERIOD", dates.PERIOD, 0), ("YEAR_ANY", dates.YEAR_ANY, 0), ("DOC_NUMBER", dates.DOC_NUMBER, 1),
    ("CTX_FULL", parsers_dates._CTX_FULL, 0), ("CTX_BASE", parsers_dates._CTX_BASE, 0),
    ("CTX_PERIOD", parsers_dates._CTX_PERIOD, 0), ("CTX_BIRTH", parsers_dates._CTX_BIRTH, 0),
    ("CTX_YEAR", parsers_dates._CTX_YEAR, 0), ("CTX_NUMBER", parsers_dates._CTX_NUMBER, 1),
]


@pytest.mark.parametrize("name,pattern,which", _YEAR_PATTERNS, ids=[n for n, _, _ in _YEAR_PATTERNS])
def test_year_windows_find_every_match(name: str, pattern, which: int) -> None:
    hits = 0
    for text in _year_texts(2000, 17):
        want = [m.span() for m in pattern.finditer(text)]
        got = [m.span() for m in confined(pattern, text, parsers_dates.year_windows(text)[which])]
        assert got == want, text
        hits += len(want)
    assert hits > 20


def _periods_by_plain_scans(text: str) -> list[tuple[int, int]]:
    out = []
    for pattern in (dates.PERIOD, dates.PERIOD_WORDS):
        for m in pattern.finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))
            if a < b <= a + 100:
                out.append((m.start("a"), m.end("b")) if pattern is dates.PERIOD_WORDS else m.span())
    return sorted(out)


def test_periods_same_as_plain_scans() -> None:
    hits = 0
    for text in _year_texts(3000, 19) + ["giai đoạn 2016 – 2020; từ năm 2011 đến năm 2015", "Từ (1963) đến nay (2018)"]:
        want = _periods_by_plain_scans(text)
        assert [p["span"] for p in dates.find_periods(text)] == want, text
        hits += len(want)
    assert hits > 50


def _plain(pattern, text, windows, needs=()):
    return pattern.finditer(text)


@pytest.mark.parametrize("year", [2021, None], ids=["year", "no-year"])
def test_find_dates_same_as_plain_scans(year, monkeypatch) -> None:
    texts = _TEXTS + _year_texts(1000, 23)
    got = [dates.find_dates(text, year) for text in texts]
    monkeypatch.setattr(dates, "confined", _plain)
    assert got == [dates.find_dates(text, year) for text in texts]


def test_year_functions_same_as_plain_scans(monkeypatch) -> None:
    texts = _year_texts(2000, 29)
    got = [(parsers_dates.context_year(t), dates.find_periods(t), dates.find_years(t)) for t in texts]
    monkeypatch.setattr(dates, "confined", _plain)
    monkeypatch.setattr(parsers_dates, "confined", _plain)
    assert got == [(parsers_dates.context_year(t), dates.find_periods(t), dates.find_years(t)) for t in texts]


def test_signings_same_as_finditer() -> None:
    rng = random.Random(31)
    pieces = ("Ngày 2/6", "sáng 3-4", "hôm", "2/6/2022", "15.3", "Phó Thủ tướng", "đã", "ký", "KÝ", "ban hành", "Ban Hành",
              "các", "quyết định", "Nghị quyết", "chỉ thị", "số", ".", ";", ",", "\n", " ", " ", "x")
    hits = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(("", " ", " ", "\n")) for _ in range(rng.randint(3, 40)))
        want = [m.span() for m in references._SIGNED.finditer(text)]
        assert [m.span() for m in references._signings(text)] == want, text
        hits += len(want)
    assert hits > 50


def test_top_lines_same_as_cleaning_every_line() -> None:
    rng = random.Random(37)
    pieces = _HEADER_PIECES + ("**", "#", "_", "| |", "\u2003", "\x1c", "a" * 95, "Tin tức " * 14)
    for _ in range(3000):
        lines = "".join(rng.choice(pieces) + rng.choice(("", " ", "\n", "\n")) for _ in range(rng.randint(3, 60)))
        lines = lines.split("\n")
        want = [(x, document._date_line(x)) for x in (document._clean(r) for r in lines) if x][:12]
        got = [(e.line, e.date) for e in document._TopLines(lines)]
        assert [(x, d and d.span()) for x, d in got] == [(x, d and d.span()) for x, d in want], lines
        # read the dates first, as the published-date scan does when the headline is not wanted
        assert [e.date and e.date.span() for e in document._TopLines(lines)] == [d and d.span() for _, d in want]


def test_numbers_same_as_finditer() -> None:
    from reportextract.parsers import references as parsers_references

    rng = random.Random(41)
    pieces = ("15", "2020", "7", "30a", "123456", "1234567", "/", "-", "–", " - ", "/ ", " /", "NQ", "HĐND", "QĐ",
              "TTg", "UBND", "C04", "P6", "KH", "CCHC&VTLT", "QĐi", "CTr", "a", ".", ",", " ", " ", "  ", "\t", "\n",
              "số", "ngày", "x", "Đ", "5.775", "8.227")
    hits = 0
    for _ in range(8000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(3, 40)))
        want = [m.span() for m in parsers_references.NUMBER_RE.finditer(text)]
        assert [m.span() for m in parsers_references._numbers(text)] == want, text
        hits += len(want)
    assert hits > 100


@pytest.mark.parametrize("pattern,before", [(dates.YEAR_ANY, ".,"), (parsers_dates._CTX_YEAR, "/.,-")],
                         ids=["YEAR_ANY", "CTX_YEAR"])
def test_lone_years_same_as_finditer(pattern, before: str) -> None:
    hits = 0
    for text in _year_texts(3000, 43) + ["2019/", "12019", "2019,5", "2019.", "x2020"]:
        want = [m.start() for m in pattern.finditer(text)]
        assert parsers_dates.lone_years(text, parsers_dates.year_anchors(text), before) == want, text
        hits += len(want)
    assert hits > 500
