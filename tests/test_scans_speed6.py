"""Round-6 scan gates compared with the plain computations they skip (the old code kept as the oracle)."""
from __future__ import annotations

import random

import pytest
import regex

from reportextract.extract import document
from reportextract.parsers import references as refs

_SPACES = regex.compile(r"\s+")


def _old_canonical_kind(raw: str) -> str | None:
    _, by_name = refs._kinds()
    return by_name.get(_SPACES.sub(" ", raw).lower())


_KIND_WORDS = ["Nghị quyết", "NGHỊ QUYẾT", "nghị  quyết", "Quyết\tđịnh", "QUYẾT ĐỊNH", "Công văn", "công\u00a0văn",
               "Kế hoạch", "KẾ  HOẠCH", "Bảng", "Chỉ thị", "chỉ\nthị", "Thông tư", "Luật", "LUẬT", " Luật", "Luật ",
               "Thông báo", "Báo cáo", "", " ", "Tờ trình"]


@pytest.mark.parametrize("raw", _KIND_WORDS + refs.kind_names() + [n.upper() for n in refs.kind_names()]
                         + [n.replace(" ", "  ") for n in refs.kind_names()])
def test_canonical_kind_same_as_sub_first(raw):
    assert refs.canonical_kind(raw) == _old_canonical_kind(raw)


def test_canonical_kind_random():
    rng = random.Random(6)
    names = refs.kind_names()
    ws = [" ", "  ", "\t", "\u00a0", "\n", "\u2003"]
    for _ in range(3000):
        name = rng.choice(names)
        raw = "".join(c if c != " " else rng.choice(ws) for c in name)
        if rng.random() < 0.5:
            raw = raw.upper()
        assert refs.canonical_kind(raw) == _old_canonical_kind(raw)


def _old_motto(head: str):
    return document._MOTTO.search(head, 0, 800)


def _gated_motto(head: str):
    # the gate as find_document writes it
    return (document._MOTTO.search(head, 0, 800)
            if head.find("CỘNG", 0, 800) >= 0 or head.find("Độc", 0, 800) >= 0 else None)


_HEADS = [
    "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
    "ĐẢNG CỘNG SẢN VIỆT NAM\nSố: 12-NQ/TU\n",
    "Độc lập -  Tự do - Hạnh phúc",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Cộng hòa xã hội chủ nghĩa Việt Nam trong lời mở đầu",
    "độc lập - tự do",
    "Sáng nay, Sở Lao động tổ chức hội nghị tổng kết công tác giảm nghèo năm 2021.",
    "x" * 790 + "CỘNG HÒA XÃ HỘI",
    "x" * 795 + "CỘNG HÒA XÃ HỘI",
    "x" * 797 + "Độc lập - Tự do",
    "",
]


@pytest.mark.parametrize("head", _HEADS)
def test_motto_gate_same(head):
    a, b = _old_motto(head), _gated_motto(head)
    assert (a and a.span()) == (b and b.span())


def test_motto_gate_random():
    rng = random.Random(7)
    bits = ["CỘNG", " HÒA", " XÃ", " HỘI", "ĐẢNG ", "SẢN ", "VIỆT NAM", "Độc", " lập", " - ", "Tự", " do", "x", "\n",
            "Sở ", "báo cáo "]
    for _ in range(3000):
        head = "".join(rng.choice(bits) for _ in range(rng.randint(0, 300)))
        a, b = _old_motto(head), _gated_motto(head)
        assert (a and a.span()) == (b and b.span())


def test_find_document_uses_the_gate():
    # the gate in find_document is the one tested above (read from the source: the module may run compiled)
    from pathlib import Path
    src = (Path(__file__).resolve().parents[1] / "src/reportextract/extract/document.py").read_text(encoding="utf-8")
    src = src[src.index("def find_document("):]
    src = src[:src.index("\ndef ")]
    assert 'head.find("CỘNG", 0, 800) >= 0 or head.find("Độc", 0, 800) >= 0' in src
