"""Figure attributes read from context: metric, year or period, target and change."""
from __future__ import annotations

from typing import Any

import regex as re
from spacy.tokens import Doc

from ..nlp import doc_text, items

_CLAUSE_BREAK = re.compile(r"[;:!?\n]|,\s|\.\s|\s[-–]\s|\(|\)")
_CHANGE = re.compile(
    r"(?P<verb>tăng|giảm|tăng trưởng âm|tăng thêm|giảm thêm|giảm được|tăng được)"
    r"(?:\s+(?:bình quân|trung bình|thêm|được|mạnh|nhẹ|hơn|khoảng|gần|trên|dưới|xấp xỉ|ước|đạt|là|"
    r"lên|tới|đến|ít nhất|tối thiểu|từ|so với[^,;]*?))*\s*$",
    re.IGNORECASE,
)
_LEVEL_AFTER_CHANGE = re.compile(r"(?:còn|xuống còn|lên|lên mức|xuống|xuống mức|về|đạt)\s*$", re.I)
_TARGET = re.compile(
    r"chỉ tiêu|mục tiêu|phấn đấu|kế hoạch|được giao|giao\b|đề ra|dự toán|phân bổ|bố trí|kế hoạch vốn|"
    r"định mức|yêu cầu|cần đạt|phải đạt|tối thiểu|đến năm \d{4}[^.;]*?(?:đạt|có|còn|giảm|tăng)",
    re.IGNORECASE,
)
_NOT_TARGET_AFTER = re.compile(r"\s*(?:kế hoạch|chỉ tiêu|dự toán|so với|mục tiêu)", re.IGNORECASE)
_ESTIMATE = re.compile(r"(?:ước|dự kiến|ước tính)\s*(?:đạt|thực hiện|khoảng)?\s*$", re.IGNORECASE)
_COMPARISON_BASE = re.compile(r"(?:so với|so|bằng|như)\s+(?:cùng kỳ\s+)?(?:năm|giai đoạn)?\s*$", re.IGNORECASE)


def _clause_start(text: str, sent_start: int, pos: int) -> int:
    """Start of the clause holding `pos`, within its sentence."""
    cut = sent_start
    for m in _CLAUSE_BREAK.finditer(text, sent_start, pos):
        cut = m.end()
    return cut


def _time_marks(doc: Doc) -> list[tuple[int, int, Any]]:
    """(start, end, year-or-period) for every year and period, minus comparison bases and term labels."""
    text = doc_text(doc)
    marks: list[tuple[int, int, Any]] = []
    periods = items(doc, "periods")
    pspans = [p["span"] for p in periods]
    for p in periods:
        s, e = p["span"]
        before = text[max(0, s - 25):s].lower()
        if re.search(r"nhiệm kỳ\s*$|khóa\s*\S*\s*$|khoá\s*\S*\s*$", before):
            continue
        marks.append((s, e, (p["start"], p["end"])))
    for y in items(doc, "years"):
        s, e = y["span"]
        if any(a <= s < b for a, b in pspans):
            continue
        before = text[max(0, s - 30):s]
        if _COMPARISON_BASE.search(before):
            continue
        marks.append((s, e, y["value"]))
    # years inside dates (and cited documents) are not what a figure refers to
    blocked = [d["span"] for d in items(doc, "dates")] + [r["span"] for r in items(doc, "references")]
    marks = [m for m in marks if not any(a <= m[0] < b for a, b in blocked)]
    marks.sort()
    return marks


def _paragraph_start(text: str, pos: int) -> int:
    k = text.rfind("\n", 0, pos)
    return 0 if k < 0 else k + 1


def attach_attributes(doc: Doc, figures: list[dict[str, Any]]) -> None:
    """Fill metric, year, period, target and change on each figure record (in place)."""
    text = doc_text(doc)
    marks = _time_marks(doc)
    for f in figures:
        s, e = f["span"]
        sent_s, sent_e = f["sentence_span"]
        clause_s = _clause_start(text, sent_s, s)
        before_clause = text[clause_s:s]
        before_sent = text[sent_s:s]
        # change
        change = None
        cm = _CHANGE.search(before_clause[-60:])
        if cm and not _LEVEL_AFTER_CHANGE.search(before_clause):
            verb = cm.group("verb").lower()
            change = "decrease" if verb.startswith("giảm") or "âm" in verb else "increase"
        f["change"] = change
        # target
        target = bool(_TARGET.search(before_sent)) and not _ESTIMATE.search(before_clause)
        if _NOT_TARGET_AFTER.match(text, e) or re.search(r"đạt\s*$|bằng\s*$|vượt\s*$", before_clause[-12:]):
            target = target and not _NOT_TARGET_AFTER.match(text, e)
        f["target"] = target
        # year / period: nearest before in the sentence, else after in the clause, else paragraph lead
        when = None
        in_sent = [m for m in marks if sent_s <= m[0] and m[1] <= sent_e]
        before = [m for m in in_sent if m[1] <= s]
        after = [m for m in in_sent if m[0] >= e and m[0] - e < 25]
        if after and not before:
            when = after[0][2]
        elif before:
            when = before[-1][2]
        else:
            para = _paragraph_start(text, s)
            lead = [m for m in marks if para <= m[0] < sent_s]
            if lead:
                when = lead[0][2]
        f["year"] = when if isinstance(when, int) else None
        f["period"] = when if isinstance(when, tuple) else None
        f["metric"] = metric_of(text, clause_s, s, e, f)


_METRIC_TRIM = re.compile(
    r"(?:\s+(?:đạt|là|có|còn|được|tăng|giảm|khoảng|gần|trên|dưới|hơn|vượt|từ|với|bằng|xuống|lên|ước|"
    r"ước đạt|chiếm|bình quân|trung bình|thêm|mới|tới|đến|cho|của|tại|và|năm|ở|mức|xấp xỉ))+\s*$",
    re.IGNORECASE,
)
_METRIC_HEAD = re.compile(r"(?:tỷ lệ|tỉ lệ|tốc độ|tổng|số|giá trị|kim ngạch|thu nhập|sản lượng|diện tích|"
                          r"doanh thu|vốn|thu|chi|giải ngân|mức|chỉ số|năng suất|lượng|quy mô)\b.*$",
                          re.IGNORECASE)


def metric_of(text: str, clause_s: int, s: int, e: int, fig: dict[str, Any]) -> str | None:
    """What the figure measures, lower-case, as written nearby."""
    before = text[clause_s:s]
    before = _METRIC_TRIM.sub("", before).strip()
    m = _METRIC_HEAD.search(before)
    if m:
        phrase = m.group(0)
    else:
        words = before.split()
        phrase = " ".join(words[-5:])
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.;:").lower()
    if fig["kind"] == "count" and (not phrase or len(phrase.split()) < 2):
        after = text[e:e + 60]
        tail = re.split(r"[;.:\n]|\s(?:và|của|có|được|đã|với|trong|tại)\s", after, maxsplit=1)[0]
        phrase = (fig["unit"] + " " + tail.strip(" ,")).strip().lower() if fig.get("unit") else phrase
    return phrase or None
