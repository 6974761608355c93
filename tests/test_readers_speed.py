"""The PDF reader's fast paths (direct pdfium calls, shortcuts in the layer checks) give what the plain ones give."""
from __future__ import annotations

import ctypes
import random
import unicodedata

import pytest

import readers_fixtures as rf
from reportextract.readers import legacy
from reportextract.readers import pdf as pdfreader

needs_font = pytest.mark.skipif(rf.font_path() is None, reason="no Unicode TTF font")


@pytest.fixture(scope="module")
def textpage():
    """First page of the fixture report (header, title, justified paragraphs) and its text page."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(rf.as_pdf(columns=2))
    page = doc[0]
    tp = page.get_textpage()
    yield page, tp
    tp.close()
    page.close()
    doc.close()


def _rectangles(width: float, height: float, n: int = 60) -> list[tuple[float, float, float, float]]:
    rng = random.Random(7)
    rects = [(0.0, 0.0, width, height), (10.0, 10.0, 11.0, 11.0)]  # the whole page; a speck of margin
    for _ in range(n):
        x0, y0 = rng.uniform(0, width), rng.uniform(0, height)
        rects.append((x0, y0, x0 + rng.uniform(5, 300), y0 + rng.uniform(5, 120)))
    return rects


@needs_font
@pytest.mark.parametrize("buffer_chars", [2048, 3], ids=["text-fits-buffer", "buffer-too-small"])
def test_bounded_text_is_pypdfium2s(textpage, buffer_chars: int) -> None:
    page, tp = textpage
    reader = pdfreader._PageReader()
    reader._buffer = (ctypes.c_ushort * buffer_chars)()
    handle = ctypes.cast(tp.raw, ctypes.c_void_p).value
    width, height = page.get_size()
    for left, bottom, right, top in _rectangles(width, height):
        assert reader.bounded(handle, left, bottom, right, top) == tp.get_text_bounded(left, bottom, right, top)


@needs_font
def test_char_boxes_and_sizes_are_pypdfium2s(textpage) -> None:
    import pypdfium2.raw as raw

    _, tp = textpage
    reader = pdfreader._PageReader()
    handle = ctypes.cast(tp.raw, ctypes.c_void_p).value
    rect = raw.FS_RECTF()
    for i in range(0, raw.FPDFText_CountChars(tp.raw), 7):
        raw.FPDFText_GetLooseCharBox(tp.raw, i, ctypes.byref(rect))
        assert reader.origin(handle, i) == (rect.left, rect.bottom)
        assert reader.right(handle, i) == rect.right
        assert reader.size(handle, i) == raw.FPDFText_GetFontSize(tp.raw, i)


def _score_plain(text: str) -> tuple[float, float, int]:
    """vietnamese_score written the slow, obvious way."""
    words = legacy._WORD.findall(unicodedata.normalize("NFC", text).lower())
    if not words:
        return 0.0, 0.0, 0
    good = sum(1 for w in words
               if all(c in legacy._VN_LETTERS for c in w) and legacy._SYLLABLE.fullmatch(legacy._fold(w)))
    letters = "".join(words)
    marked = sum(1 for c in letters if c not in legacy._BASIC)
    return good / len(words), marked / max(1, len(letters)), len(letters)


@pytest.mark.parametrize("text", [
    "Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan.",
    "Nguy6n Van Ba, Ph6 Gi6m d6c S0 Xdy dUng dd ki6m tra c6ng trinh 4nh h1o",
    "Céng hßa x· héi chñ nghÜa ViÖt Nam",
    "Strength of the CPU, 2025 và H2O; km2 mỗi năm",
    "",
], ids=["vietnamese", "ocr-junk", "tcvn3", "mixed-scripts", "empty"])
def test_vietnamese_score_unchanged(text: str) -> None:
    assert legacy.vietnamese_score(text) == _score_plain(text)


@pytest.mark.parametrize("text, garbage", [
    ("Đồng chí Trần Văn Bình, Giám đốc Sở Nội vụ báo cáo kết quả cải cách hành chính năm 2025. " * 4, False),
    ("Tinh fry vi6n Ph6 Ch[ tich LJBND tinh t4i bu6i lam viQc v6i 5S Ng4nh " * 4, True),
    ("Ket qua thuc hien nhiem vu nam 2025 cua cac so nganh tren dia ban tinh " * 4, True),  # no diacritics
], ids=["readable", "digits-in-words", "no-diacritics"])
def test_garbage_layers_still_told_apart(text: str, garbage: bool) -> None:
    assert legacy.is_garbage(text) is garbage


def test_legacy_signal_count_matches_the_character_set() -> None:
    sample = "".join(sorted(legacy._SIGNALS)) + "abc Đà Lạt ¿ × ÷ ª"
    assert len(legacy._SIGNAL_RE.findall(sample)) == sum(1 for c in sample if c in legacy._SIGNALS)


@pytest.mark.parametrize("texts", [
    ["BBÁÁOO  CCÁÁOO", "Kết quả năm 2025"],
    ["Báo cáo tổng kết Báo cáo tổng kết", "Trang 1"],
    ["Một dòng bình thường", "Hai dòng bình thường"],
], ids=["doubled-letters", "doubled-title", "plain"])
def test_undouble_lines_is_undouble_per_line(texts: list[str]) -> None:
    lines = [pdfreader.Line(t, 0.0, 100.0, 700.0 - 14 * i, 12.0) for i, t in enumerate(texts)]
    pdfreader._undouble_lines(lines)
    assert [ln.text for ln in lines] == [pdfreader._undouble(t) for t in texts]


def _grids_plain(hs, vs):
    """_grids written the quadratic way: a rule joins the first block holding a rule it touches, and
    a column boundary is ruled where any of the block's rules crosses the row's middle."""
    vs = sorted(vs, key=lambda v: -v[2])
    blocks: list[list[tuple[float, float, float]]] = []
    for v in vs:
        for blk in blocks:
            if any(v[1] <= w[2] + 2 and w[1] <= v[2] + 2 for w in blk):
                blk.append(v)
                break
        else:
            blocks.append([v])
    grids = []
    for blk in blocks:
        y0, y1 = min(v[1] for v in blk), max(v[2] for v in blk)
        xs = pdfreader._cluster([v[0] for v in blk])
        if len(xs) < 3:
            continue
        ys = pdfreader._cluster([h[0] for h in hs if y0 - 2 <= h[0] <= y1 + 2 and h[1] <= xs[-1] and h[2] >= xs[0]]
                                + [y0, y1])
        if len(ys) >= 3:
            ruled = {(x, lo): any(abs(s[0] - x) <= 2 and s[1] - 1 <= (lo + hi) / 2 <= s[2] + 1 for s in blk)
                     for x in xs for lo, hi in zip(ys, ys[1:])}
            grids.append((xs, ys, ruled))
    return grids


def test_grids_as_the_quadratic_way() -> None:
    rng = random.Random(3)
    for _ in range(300):
        vs = []
        for _ in range(rng.randint(0, 25)):
            b = rng.uniform(0, 800)
            vs.append((rng.choice([50.0, 120.0, 121.5, 260.0, 400.0]), b, b + rng.uniform(0, 150)))
        hs = [(rng.uniform(0, 950), 40.0, 410.0) for _ in range(rng.randint(3, 20))]
        got = [(xs, ys, {(x, lo): joined(x, lo, hi) for x in xs for lo, hi in zip(ys, ys[1:])})
               for xs, ys, joined in pdfreader._grids(hs, vs)]
        assert got == _grids_plain(hs, vs)
