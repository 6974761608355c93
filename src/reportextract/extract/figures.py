"""Figures: finds quantities (number, range or spelled-out count with its unit) and their comparator."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from .. import rules
from ..nlp import add_items, doc_text, items, sentence_at
from ..parsers.numbers import parse_number, parse_number_words, scale_of

NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
SCALE = r"nghìn tỷ|ngàn tỷ|nghìn tỉ|ngàn tỉ|triệu tỷ|nghìn|ngàn|triệu|tỷ|tỉ|vạn"
SPELLED = (r"(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười|mươi|mốt|tư|lăm|nhăm|trăm|linh|lẻ)"
           r"(?:\s+(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười|mươi|mốt|tư|lăm|nhăm|trăm|linh|lẻ))*")


def _alt(words: list[str]) -> str:
    """Regex alternation of words, longest first, each escaped."""
    if not words:  # an empty group would match everywhere
        raise ValueError("empty word list")
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def unit_table() -> dict[str, tuple[str, str]]:
    """Lower-case unit word -> (unit, kind)."""
    data = rules.load("units")
    table: dict[str, tuple[str, str]] = {}
    for w in data["count_nouns"]:
        table[w] = (w, "count")
    for w in data["duration"]:
        table[w] = (w, "duration")
    for w in data["ratio"]:
        table[w] = (w, "ratio")
    for w, u in data["measure"].items():
        table[w] = (u, "measure")
    for w, u in data["money"].items():
        table[w] = (u, "money")
    for w in data["percent"]:
        table[w] = ("%", "rate")
    for w in data["points"]:
        table[w] = ("điểm %", "rate")
    return table


@lru_cache(maxsize=1)
def patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    units = _alt(list(unit_table()))
    per = r"(?:/\s*(?:người|năm|tháng|ngày|ha|hộ|km|xã|lao động|kg|tấn|m2|con|km2)(?!\p{L}))*"
    digits = re.compile(
        rf"(?<![\p{{L}}\d/.,\-–+])"
        rf"(?P<n1>{NUM})(?P<pct1>\s?%)?"
        rf"(?:(?P<rsep>\s*[-–]\s*|\s+(?:đến|tới)\s+)(?P<n2>{NUM})(?P<pct2>\s?%)?)?"
        rf"(?:/(?P<den>{NUM}))?"
        rf"(?(pct1)|(?(pct2)|(?:\s*(?P<scale>{SCALE})(?!\p{{L}}))?(?:\s?(?P<unit>{units})(?!\p{{L}}|\d))?))"
        rf"(?P<per>{per})",
        re.IGNORECASE,
    )
    spelled = re.compile(
        rf"(?<!\p{{L}})(?P<words>{SPELLED})(?:\s+(?P<scale>{SCALE}))?\s+(?P<unit>{units})(?!\p{{L}})(?P<per>{per})",
        re.IGNORECASE,
    )
    return digits, spelled


# Words before a number that make it a label, rank or code rather than a quantity.
_LABEL_BEFORE = re.compile(
    r"(?:lần thứ|thứ|khóa|khoá|số|điều|khoản|điểm|mục|chương|phần|tiết|phụ lục|chương trình|đề án|"
    r"mức|hạng|top|km|phường|quận|tổ|ấp|khu phố|xóm|đội|lô|căn cứ|kỳ họp thứ|tập|quyển|trang|"
    r"hotline|điện thoại|đt|fax|lúc|vào lúc|mã|pci|version|phiên bản|kênh|tầng|phòng|đường|quốc lộ|ql|"
    r"tỉnh lộ|tl|dt|đt|nhóm|loại|cấp|bậc|khối|lớp|câu)\s*$",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(r"\s*(?:giờ|h)\s*\d", re.IGNORECASE)
_CMP_BEFORE = [
    (re.compile(r"(?:không quá|không vượt quá|tối đa|nhiều nhất|không cao hơn)\s*$", re.I), "<="),
    (re.compile(r"(?:ít nhất|tối thiểu|không dưới|không thấp hơn|từ)\s*$", re.I), ">="),
    (re.compile(r"(?:trên|hơn|vượt|vượt trên|cao hơn|lớn hơn|nhiều hơn)\s*$", re.I), ">"),
    (re.compile(r"(?:dưới|thấp hơn|ít hơn|chưa đến|chưa tới|chưa đầy|nhỏ hơn)\s*$", re.I), "<"),
    (re.compile(r"(?:khoảng|gần|xấp xỉ|ước|ước đạt|ước tính|ước khoảng|chừng|tầm|độ)\s*$", re.I), "~"),
]
_CMP_AFTER = [(re.compile(r"^\s*(?:trở lên|trở lại|\+)", re.I), ">="),
              (re.compile(r"^\s*(?:trở xuống)", re.I), "<=")]


def comparator(text: str, start: int, end: int) -> str | None:
    """The bound or hedge written around a figure: ">" trên/hơn, ">=" ít nhất, "<" dưới, "~" khoảng.

    >>> t = "có 19 xã có tỷ lệ hộ nghèo trên 25%"
    >>> comparator(t, t.index("25"), len(t))
    '>'
    >>> t = "ước đạt trên 3.605 tỷ đồng"
    >>> comparator(t, t.index("3.605"), len(t))
    '>'
    >>> t = "tăng từ 11% trở lên"
    >>> comparator(t, t.index("11"), t.index("%") + 1)
    '>='
    """
    before = text[max(0, start - 30):start]
    after = text[end:end + 15]
    for pattern, sign in _CMP_AFTER:
        if pattern.search(after):
            return sign
    for pattern, sign in _CMP_BEFORE:
        if pattern.search(before):
            if sign == ">=" and before.rstrip().lower().endswith("từ"):
                return None  # "từ X" alone is a starting point, not a bound (unless "trở lên")
            return sign
    return None


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)


def find_figures(text: str, blocked: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Quantities in `text`, skipping characters inside `blocked` spans (dates, codes, ...)."""
    digits, spelled = patterns()
    table = unit_table()
    out: list[dict[str, Any]] = []
    for m in digits.finditer(text):
        s = m.start()
        unit_word = m.group("unit")
        pct = m.group("pct1") or m.group("pct2")
        n1, n2 = m.group("n1"), m.group("n2")
        if m.group("pct1") and n2 and not m.group("pct2"):
            continue  # "5%-7" is odd; leave it
        if m.group("den") and not unit_word:
            continue  # a bare x/y is a code or a date fragment
        if not unit_word and not pct:
            continue  # a bare number quantifies nothing we can name
        e = m.end()
        if _overlaps(s, e, blocked):
            continue
        before = text[max(0, s - 25):s]
        if _LABEL_BEFORE.search(before):
            continue
        if _TIME_AFTER.match(text, m.end("n1")):
            continue
        v1 = parse_number(n1)
        if v1 is None:
            continue
        v2 = parse_number(n2) if n2 else None
        if n2 and v2 is None:
            continue
        if pct or table[unit_word.lower()][1] == "rate":
            unit, kind = "%", "rate"
            if unit_word and unit_word.lower().startswith("điểm"):
                unit = "điểm %"
        else:
            unit, kind = table[unit_word.lower()]
        scale = scale_of(m.group("scale"))
        value: Any = v1 * scale
        if v2 is not None:
            if v2 * scale < value:
                continue
            value = (value, v2 * scale)
        per = (m.group("per") or "").replace(" ", "")
        if per:
            unit = unit + per
        if kind == "count" and not m.group("den") and len(n1) == 4 and n1.isdigit() and 1900 <= int(n1) <= 2100:
            continue  # a calendar year followed by a noun
        out.append({"text": text[s:e], "span": (s, e), "value": value, "unit": unit, "kind": kind,
                    "comparator": comparator(text, s, e)})
    taken = [f["span"] for f in out]
    for m in spelled.finditer(text):
        s, e = m.span()
        if _overlaps(s, e, blocked) or _overlaps(s, e, taken):
            continue
        n = parse_number_words(m.group("words"))
        if n is None or n < 2:
            continue
        unit, kind = table[m.group("unit").lower()]
        if m.group("words").lower() == "năm" and kind == "duration":
            continue
        per = (m.group("per") or "").replace(" ", "")
        out.append({"text": m.group(0), "span": (s, e), "value": float(n) * scale_of(m.group("scale")),
                    "unit": unit + per, "kind": kind, "comparator": comparator(text, s, e)})
    out.sort(key=lambda f: f["span"])
    return out


@Language.component("reportextract_figures", assigns=["doc.spans"])
def figures_component(doc: Doc) -> Doc:
    """doc.spans["figures"]: each record has text, span, value, unit, kind, comparator and sentence."""
    blocked = [tuple(d["span"]) for key in ("dates", "periods", "references") for d in items(doc, key)]
    blocked += [tuple(d["span"]) for d in items(doc, "years")]
    blocked += [tuple(d["span"]) for d in items(doc, "doc_number")]
    found = find_figures(doc_text(doc), blocked)  # type: ignore[arg-type]
    for f in found:
        s, e = sentence_at(doc, f["span"][0])
        f["sentence"] = doc_text(doc)[s:e]
        f["sentence_span"] = (s, e)
    from .attributes import attach_attributes

    attach_attributes(doc, found)
    add_items(doc, "figures", found)
    return doc
