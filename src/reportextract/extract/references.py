"""References: cited documents with a number, their kind, date and issuer."""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Any, Iterator

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import add_items, doc_text
from ..parsers.dates import iso_date, letters_of
from ..parsers.references import canonical_kind, find_numbers, kind_from_number, kind_names

_S = r"[ \t]*\n?[ \t]*"  # a space that may wrap a line
_LOOKBACK = 120          # how far before a number its kind word may stand ("Luật Tổ chức Quốc hội số …")
# Kinds that may be cited by a bare number ("Nghị quyết số 17", "Nghị quyết 30a"); a programme or a
# plan label ("Chương trình 135", "Kế hoạch 5 năm", "Đề án 06 trên …") is not a citation.
_BARE_KINDS = ("Nghị quyết", "Quyết định", "Chỉ thị", "Kết luận", "Thông báo", "Nghị định", "Thông tư",
               "Công văn", "Công điện", "Hướng dẫn", "Báo cáo", "Tờ trình", "Quy định", "Văn bản", "Kế hoạch")


# "Bộ Kế hoạch và Đầu tư", "Ban Chỉ đạo": a kind word inside an organisation's name is not a kind
_BODY_WORDS = ("Bộ", "Sở", "Ban", "Vụ", "Phòng", "Cục", "Viện")


def _kind_source(lower: bool = False) -> str:
    """_kind_re's pattern; with `lower`, its words in lower case (the same alternatives in the same order)."""
    case = str.lower if lower else str
    kinds = "|".join(sorted((re.escape(case(k)).replace(r"\ ", r"\s+") for k in kind_names()), key=len, reverse=True))
    bodies = "|".join(map(case, _BODY_WORDS))
    return rf"(?<!\p{{L}})(?<!(?:{bodies})\s)(?P<k>{kinds})(?!\p{{L}})"


@lru_cache(maxsize=1)
def _kind_re() -> re.Pattern[str]:
    return re.compile(_kind_source(), re.IGNORECASE)


@lru_cache(maxsize=1)
def _kind_lower() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """_kind_re() for lower-cased text (case-sensitive), and the first words of the kinds in lower case,
    none of them starting with another ("kế" finds "kết" too)."""
    firsts = {k.split()[0].lower() for k in kind_names()}
    firsts = {w for w in firsts if not any(w != v and w.startswith(v) for v in firsts)}
    return re.compile(_kind_source(lower=True)), tuple(sorted(firsts))


# What _kind_re's lookbehinds read before a match: a body word and a space (the letter before is within).
_KIND_BEHIND = max(map(len, _BODY_WORDS)) + 1


def _kinds_between(text: str, lo: int, hi: int) -> list[tuple[str | None, int, int]]:
    """(canonical kind, start, end) of each _kind_re().finditer(text, lo, hi) match.

    The case-insensitive scan tries every character (~15 us over a 120-character window); here the
    window is lower-cased, the places where a kind's first word starts are found with str.find, and the
    lower-case pattern is tried there only, in order, `pos` skipping those inside the match before, as
    finditer does. For every character c whose lower() is one character, each letter of the pattern
    matches c case-insensitively exactly when it matches c.lower(), and c is a letter or a space exactly
    when c.lower() is (tests/test_scans_speed5.py checks every Unicode character): the attempts go alike.
    Not so for "ſ" (an "s" to a case-insensitive match, unchanged by lower()) and a lower() of two
    characters ("İ"): such a window is searched as before. The slice starts early enough for the
    lookbehinds to read what they read in the text.
    """
    a = max(0, lo - _KIND_BEHIND)
    low = text[a:hi].lower()
    if len(low) != hi - a or "ſ" in low:
        return [(canonical_kind(m.group("k")), m.start(), m.end()) for m in _kind_re().finditer(text, lo, hi)]
    pattern, firsts = _kind_lower()
    find = low.find
    b = lo - a
    cands = []
    for w in firsts:
        i = find(w, b)
        while i >= 0:
            cands.append(i)
            i = find(w, i + 1)
    out: list[tuple[str | None, int, int]] = []
    if not cands:
        return out
    cands.sort()
    pos = b
    match = pattern.match
    for p in cands:
        if p < pos:
            continue
        m = match(low, p)
        if m:
            s, e = a + p, a + m.end()
            out.append((canonical_kind(text[s:e]), s, e))
            pos = m.end()
    return out


@lru_cache(maxsize=1)
def _bare_re() -> re.Pattern[str]:
    kinds = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _BARE_KINDS), key=len, reverse=True))
    return re.compile(
        rf"(?=[nqctkhbvNQCTKHBV])(?<!\p{{L}})(?<!(?:Bộ|Sở|Ban|Vụ|Phòng|Cục|Viện)\s)(?P<k>{kinds})[ \t]+(?:(?P<so>số)[ \t]*:?[ \t]*)?"
        rf"(?P<n>\d{{1,5}}(?P<suffix>[a-zđ])?)(?![\p{{L}}\d]|[/\-.,]\d|[ \t]*%)",
        re.IGNORECASE)


@lru_cache(maxsize=1)
def _bare_bounds() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What _bare_mentions needs: where a bare number may stand (after a kind's last letter and spaces,
    or after "số"), what a kind may consume before it, and what the number and its lookahead after it."""
    lasts, so = letters_of("".join(k[-1] for k in _BARE_KINDS) + "s"), letters_of("ố")
    # a digit after "<kind's last letter> ", "  ", "số", "số ", "số:", ": ": a superset, found fast.
    # In the regex module, as _bare_re: its \d is the pattern's (stdlib's misses ~110 newer digits), and
    # it scans this ~25% faster.
    anchor = re.compile(rf"\d(?<=[{lasts} \t:{so}][ \t:{so}]\d)")
    before = re.compile(rf"(?r)[^\s:{letters_of(' '.join(_BARE_KINDS) + ' số')}]")
    after = re.compile(rf"[^\d \t/\-.,{letters_of('abcdefghijklmnopqrstuvwxyzđ')}]")
    return anchor, before, after


# The last word of each bare kind, and "số", in lower case: what stands before a bare number's spaces (and ":").
_BARE_LASTS = tuple(sorted({k.split()[-1].lower() for k in _BARE_KINDS} | {"số"}))
_BARE_LAST_LEN = max(map(len, _BARE_LASTS))


def _may_follow_kind(text: str, d: int) -> bool:
    """False when no _bare_re match can have its number at `d`: one has "<kind>[ \\t]+" or "số[ \\t]*:?[ \\t]*"
    right before it, so the text before the spaces and ":" there ends with a kind's last word or "số" (in
    any case: for every character c whose lower() is one character, each of their letters matches c
    case-insensitively exactly when it is c.lower(), as tests/test_scans_speed5.py checks over all of
    Unicode; "ſ", an "s" to the pattern, and a lower() of two characters, "İ", keep the window)."""
    j = d
    while j and text[j - 1] in " \t:":
        j -= 1
    tail = text[max(0, j - _BARE_LAST_LEN):j]
    low = tail.lower()
    return low.endswith(_BARE_LASTS) or len(low) != len(tail) or "ſ" in tail


def _bare_mentions(text: str) -> Iterator[re.Match[str]]:
    """_bare_re().finditer(text), the pattern tried only around the numbers that stand where one may.

    Each match's kind and spaces run back from its number over kind letters, spaces and "số"; its
    number, suffix letter and lookahead run on over digits, Latin letters, spaces and separators (kind
    names all hold another letter, so no match starts there). Windows may overlap: `pos` keeps the
    matches apart as finditer does. A number no kind nor "số" stands before (_may_follow_kind) opens no
    window: every match lies in the window of its own number, which is opened (a window holds no digit
    before its anchor: the matches in it have their numbers at the anchor or after it).
    """
    pattern = _bare_re()
    anchor, before, after = _bare_bounds()
    pos = 0
    for a in anchor.finditer(text):
        d = a.start()
        if d < pos or not _may_follow_kind(text, d):
            continue
        b = before.search(text, 0, d)
        f = after.search(text, d)
        for m in pattern.finditer(text, max(pos, b.end() if b else 0), f.end() if f else len(text)):
            yield m
            pos = m.end()


_DATE = (rf"(?:(?P<d1>\d{{1,2}}){_S}tháng{_S}(?P<m1>\d{{1,2}}){_S}(?:năm{_S})?(?P<y1>(?:19|20)\d\d)"
         rf"|(?P<d2>\d{{1,2}})[ \t]*(?P<s>[/\-.])[ \t]*(?P<m2>\d{{1,2}})[ \t]*(?P=s)[ \t]*(?P<y2>(?:19|20)\d\d))(?!\d)")
# the date right after the number: "…/QĐ-TTg ngày 28/6/2016", "…, ngày 08 tháng 11 năm 2016", "(ngày 2/6/2022)"
_DATE_AFTER = re.compile(
    rf"[ \t]*,?{_S}\(?(?:được{_S}|đã{_S})?(?:ban{_S}hành{_S}|ký{_S})?(?:vào{_S})?(?:ngày|ngay){_S}{_DATE}",
    re.IGNORECASE)
# later in the same clause: "Nghị quyết số 41-NQ/TW về … (được ban hành ngày 10/10/2023)"
_DATE_ISSUED = re.compile(rf"(?:ban{_S}hành|ký){_S}(?:vào{_S})?ngày{_S}{_DATE}", re.IGNORECASE)
# "Ngày 9/8/2023, Phó Thủ tướng … đã ký các quyết định …": the date of the documents cited after it
_SIGNED = re.compile(
    rf"(?<!\p{{L}})(?:ngày|sáng|chiều|hôm)[ \t]+(?P<d>\d{{1,2}})[/\-.](?P<m>\d{{1,2}})(?:[/\-.](?P<y>(?:19|20)\d\d))?"
    rf"[^.\n;]{{0,200}}?(?:ký|ban hành)[^.\n;]{{0,30}}?(?:các[ \t]+)?(?P<k>quyết định|nghị quyết|chỉ thị|kế hoạch|"
    rf"thông báo|công văn|nghị định|thông tư)", re.IGNORECASE)
# A signing sentence spans no line break and holds "ký" or "ban hành": only such lines are searched.
# The cases spelled out (what IGNORECASE matches for these letters, the Kelvin sign a "k" too): the
# regex module then scans for the first letters fast, ~2x faster than an IGNORECASE scan.
_SIGN_WORD = re.compile("[kK\u212a][ýÝ]|[bB][aA][nN] [hH][àÀ][nN][hH]")
_CLAUSE_END = re.compile(r"[;\n]|\.(?:\s|$)")
_SPACES = re.compile(r"\s+")
_LEAD_DIGITS = re.compile(r"[^/\-]*")
_ATTACHED = re.compile(rf"{_S}(?:số{_S}(?:hiệu{_S})?:?{_S})?", re.IGNORECASE)  # "Nghị quyết số 04-NQ/TU"
_COMMA = re.compile(r"[,:]")
_PUNCT = re.compile(r"[,:;()]")
_JOIN = re.compile(r"[ \t]*(?:,|và|;)[ \t]*(?:\n[ \t]*)?")  # "…/QĐ-TTg, 669/…", "… và Kết luận …"
_BARE_END = re.compile(r"[ \t]*(?:[,;.)\n]|ngày|của|do|về|đã|được)")

# ---- issuers: "của Tỉnh ủy", "của Thủ tướng Chính phủ", "do UBND tỉnh" …
_ISSUER_LEAD = re.compile(rf"[ \t]*,?{_S}(?:của|do){_S}", re.IGNORECASE)
_WORD = re.compile(r"[\p{L}\d&]+|-(?=\s*\p{Lu})|–(?=\s*\p{Lu})")
# lower-case words that belong to a body's name ("Ủy ban nhân dân tỉnh", "Phát triển nông thôn")
_NAME_WORDS = frozenset(
    "nhân dân tỉnh huyện xã thành phố thị trấn quận phường trung ương chính phủ nông thôn nhà nước "
    "đảng ủy uỷ bộ thường vụ chấp hành hội quốc".split())


# lower-case words that start what follows a body's name ("của Tỉnh ủy về …", "… khóa XII", "… phê duyệt")
_AFTER_NAME = frozenset(
    "về khóa khoá nhiệm kỳ lần thứ ngày năm số tại trong đã đang sẽ được là có phê quy hướng yêu tặng bổ "
    "ký nhằm để cho với trên theo từ đến thì mà này đó gồm chỉ giao".split())


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _issuer_at(text: str, pos: int) -> tuple[str, int] | None:
    """The issuing body named at `pos` ("Ban Thường vụ Tỉnh ủy về …" -> "Ban Thường vụ Tỉnh ủy")."""
    words: list[tuple[str, int, int]] = []
    i = pos
    prev_cap = False
    while len(words) < 12:
        m = _WORD.search(text, i, min(len(text), i + 40))
        if not m or text[i:m.start()].strip(" \t") not in ("", "\n"):
            break
        w = m.group(0)
        if w in ("-", "–"):
            words.append((w, m.start(), m.end()))
            i, prev_cap = m.end(), False
            continue
        low = w.lower()
        if _is_cap(w):
            if canonical_kind(w) or (words and _kind_re().match(text, m.start(), m.start() + 40)):
                break  # "… của Tỉnh ủy và Kế hoạch số …": the next citation starts
            ok = True
        elif low == "và":
            nxt = _WORD.search(text, m.end(), min(len(text), m.end() + 20))
            ok = bool(words) and bool(nxt) and _is_cap(nxt.group(0)) and not _kind_re().match(text, nxt.start(), nxt.start() + 40)
        elif low == "ban":  # "Ủy ban …", "Ban …" name a body; "ban hành" is what it did
            nxt = _WORD.search(text, m.end(), min(len(text), m.end() + 12))
            ok = bool(words) and not (nxt and nxt.group(0).lower() == "hành")
        else:
            ok = bool(words) and ((prev_cap and low not in _AFTER_NAME) or low in _NAME_WORDS)
        if not ok:
            break
        words.append((w, m.start(), m.end()))
        i, prev_cap = m.end(), _is_cap(w)
    while words and (words[-1][0].lower() == "và" or words[-1][0] in ("-", "–")):
        words.pop()
    if not words or not _is_cap(words[0][0]):
        return None
    start, end = words[0][1], words[-1][2]
    return _SPACES.sub(" ", text[start:end]), end


_ISSUER_BEFORE = re.compile(rf"(?<!\p{{L}})(?:của|do){_S}", re.IGNORECASE)
_AT_KIND = re.compile(rf"{_S}(?:tại|theo){_S}", re.IGNORECASE)


def _issuer_before(text: str, start: int) -> str | None:
    """"… đề nghị của Giám đốc Sở Tài chính tại Tờ trình số …": the body named just before."""
    for m in reversed(list(_ISSUER_BEFORE.finditer(text, max(0, start - 100), start))):
        got = _issuer_at(text, m.end())
        if got:
            tail = _AT_KIND.match(text, got[1], start)
            if tail and tail.end() == start:
                return got[0]
    return None


def _date_of(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    return iso_date(g["y1"] or g["y2"], g["m1"] or g["m2"], g["d1"] or g["d2"])


def _choose_kind(text: str, start: int, number: str, floor: int) -> tuple[str | None, int]:
    """The kind word that names the number starting at `start`: the nearest one before it in the same
    clause, unless it is not attached ("… số") and the number's own code names another kind present."""
    lo = max(floor, start - _LOOKBACK)
    window = text[lo:start]
    cut = max(window.rfind(";"), window.rfind(". "), window.rfind("\n\n"), window.rfind("("))
    if cut >= 0:
        lo += cut + 1
    cands = _kinds_between(text, lo, start)
    coded = kind_from_number(number)
    if not cands:
        return coded, start
    kind, ks, ke = cands[-1]
    attached = _ATTACHED.fullmatch(text, ke, start) is not None
    if kind == "Văn bản" and coded:
        return coded, ks  # "văn bản số 88/NQ-HĐND": the generic word yields to the code's kind
    if not attached and coded and coded != kind:
        same = [c for c in cands if c[0] == coded]
        if same:
            return coded, same[-1][1]
        if _COMMA.search(text, ke, start) or start - ke > 60:
            return coded, start
    gap = text[ke:start]
    if not attached and not coded and (_PUNCT.search(gap) or len(gap.split()) > 8):
        return None, start  # "Quyết định giao đất, lô số 12-A": the kind word names something else
    return kind, ks


def find_references(text: str, own_number: str | None, year: int | None = None) -> list[dict[str, Any]]:
    """Every cited document number with its kind, date and issuer; one record per mention.

    >>> r = find_references("Căn cứ Nghị định số 48/2019/NĐ-CP ngày 21 tháng 5 năm 2019 của Chính phủ về thủy sản;", None)
    >>> [(x["kind"], x["number"], x["date"], x["issuer"]) for x in r]
    [('Nghị định', '48/2019/NĐ-CP', '2019-05-21', 'Chính phủ')]
    """
    own = (own_number or "").casefold()
    found: list[dict[str, Any]] = []
    numbers = find_numbers(text)
    spans = [(s, e) for s, e, _ in numbers]
    prev_end = 0
    for s, e, number in numbers:
        if own and number.casefold() == own:
            prev_end = e
            continue
        kind, ks = _choose_kind(text, s, number, prev_end)
        if kind is None and found and found[-1]["_num_end"] >= s - 6 and _JOIN.fullmatch(
                text, found[-1]["_num_end"], s):
            kind, ks = found[-1]["kind"], s  # "Quyết định số 668/QĐ-TTg, 669/…": a list shares its kind
        prev_end = e
        if kind is None:
            continue
        found.append({"kind": kind, "number": number, "_start": ks, "_num_end": e})
    starts = [a for a, _ in spans]
    for m in _bare_mentions(text):
        s, e = m.span()
        i = bisect_right(starts, e) - 1  # the last number starting before this mention ends
        if i >= 0 and spans[i][1] > s:
            continue
        n = m.group("n")
        if not m.group("so"):
            if len(n) == 4 and n[:2] in ("19", "20"):
                continue  # "Kế hoạch 2025": a year
            if not m.group("suffix") and not _BARE_END.match(text, e, e + 8) and e < len(text):
                continue
        found.append({"kind": canonical_kind(m.group("k")), "number": n, "_start": s, "_num_end": e})
    found.sort(key=lambda r: r["_start"])
    # "Nghị quyết số 163 của Quốc hội" after "Nghị quyết số 163/2024/QH15": a short form, not another document
    full = {(r["kind"], _LEAD_DIGITS.match(r["number"]).group(0)) for r in found if not r["number"].isalnum()}
    found = [r for r in found if not r["number"].isalnum() or (r["kind"], r["number"]) not in full]

    out = []
    bounds = [r["_start"] for r in found] + [len(text)]
    for idx, r in enumerate(found):
        e = r["_num_end"]
        nxt = bounds[idx + 1]
        date = None
        dm = _DATE_AFTER.match(text, e, e + 100)  # endpos: regex scans ahead for literals otherwise
        if dm and dm.end() <= nxt:
            date, e = _date_of(dm), dm.end()
        if date is None:
            ce = _CLAUSE_END.search(text, e, e + 250)
            limit = min(nxt, ce.start() if ce else len(text), e + 250)
            im = _DATE_ISSUED.search(text, e, limit)
            if im:
                date = _date_of(im)
        issuer = None
        lead = _ISSUER_LEAD.match(text, e, e + 20)
        if lead:
            got = _issuer_at(text, lead.end())
            if got:
                issuer, e = got
        if issuer is None:
            issuer = _issuer_before(text, r["_start"])
        out.append({"text": text[r["_start"]:e], "span": (r["_start"], e), "kind": r["kind"],
                    "number": r["number"], "date": date, "issuer": issuer})
    _dates_from_signing(text, out, year)
    _shared_issuers(text, out)
    return out


def _dates_from_signing(text: str, refs: list[dict[str, Any]], year: int | None) -> None:
    """Undated citations after "Ngày 2/6/2022, … đã ký các quyết định …" take that date (same kind,
    until the next such sentence)."""
    undated = [r["span"][0] for r in refs if not r["date"]]
    if not undated:
        return  # nothing to date: no need to look for signings
    events = []
    # only a signing that opens before an undated citation, and at most 3000 characters before it, dates it
    for m in _signings(text, max(0, min(undated) - 3000), max(undated)):
        value = iso_date(m.group("y") or year or 0, m.group("m"), m.group("d"))
        if value:
            events.append((m.start(), canonical_kind(m.group("k")), value))
    if not events:
        return
    for r in refs:
        if r["date"]:
            continue
        before = [ev for ev in events if ev[0] < r["span"][0] <= ev[0] + 3000]
        if before and before[-1][1] == r["kind"]:
            r["date"] = before[-1][2]


def _signings(text: str, start: int = 0, before: int | None = None) -> Iterator[re.Match[str]]:
    """_SIGNED.finditer(text), on the lines that hold a signing word only; with `start` and `before`, at
    least the matches that open in text[start:before].

    A match spans no line break and holds its signing word: the word is at or after `start`, and before
    the end of the line where the match opens, which is no later than the first line end from `before`.
    Each line searched is searched whole, as without bounds."""
    done = 0
    end = len(text)
    if before is not None:
        end = text.find("\n", before)
        end = len(text) if end < 0 else end
    for w in _SIGN_WORD.finditer(text, start, end):
        if w.start() < done:
            continue
        lo = text.rfind("\n", 0, w.start()) + 1
        hi = text.find("\n", w.end())
        done = len(text) if hi < 0 else hi + 1
        yield from _SIGNED.finditer(text, lo, done)


def _shared_issuers(text: str, refs: list[dict[str, Any]]) -> None:
    """"Chỉ thị 07-CT/TU ngày … và Kết luận số 85-KL/TU ngày … của Ban Thường vụ Tỉnh ủy": the
    issuer named after the last of a joined list belongs to each of them."""
    for a, b in zip(reversed(refs[:-1]), reversed(refs[1:])):
        if a["issuer"] or not b["issuer"]:
            continue
        if _JOIN.fullmatch(text, a["span"][1], b["span"][0]):
            a["issuer"] = b["issuer"]


@Language.component("reportextract_references", assigns=["doc.spans"])
def references_component(doc: Doc) -> Doc:
    """doc.spans["references"]: one span per mention of a cited document."""
    info = doc._.info or {}
    year = doc.user_data.get("document_year")
    add_items(doc, "references", find_references(doc_text(doc), info.get("number"), year))
    return doc
