"""Decoding and normalisation: every accepted encoding gives the same text, and the same JSON."""
from __future__ import annotations

import codecs
import json
import unicodedata

import pytest

import reportextract
from reportextract.errors import DecodeError
from reportextract.normalize import decode, fold, modern_tones, normalize_text

TEXT = ("Ngày 05/3/2024, đồng chí Hoàng Thị Hoa, Phó Chủ tịch UBND tỉnh cho biết tỷ lệ hộ nghèo "
        "giảm còn 3,5%, thu ngân sách đạt 1.234,5 tỷ đồng.")

ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "nfd-utf-8": lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    "windows-1258": lambda t: _to_cp1258(t),
}


def _to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps â ê ô ơ ư ă đ precomposed and writes the five tone marks as combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        marks = "".join(c for c in parts if c in tones)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + marks)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("encoding", list(ENCODINGS), ids=list(ENCODINGS))
def test_every_encoding_gives_the_same_text(encoding: str) -> None:
    data = ENCODINGS[encoding](TEXT)
    assert normalize_text(decode(data)) == TEXT


@pytest.mark.parametrize("encoding", list(ENCODINGS), ids=list(ENCODINGS))
def test_every_encoding_gives_the_same_json(encoding: str) -> None:
    reference = reportextract.extract_bytes(TEXT.encode("utf-8"), "a.txt").to_dict()
    other = reportextract.extract_bytes(ENCODINGS[encoding](TEXT), "a.txt").to_dict()
    reference.pop("source")
    other.pop("source")
    assert json.dumps(other, ensure_ascii=False) == json.dumps(reference, ensure_ascii=False)


@pytest.mark.parametrize(("raw", "clean"), [
    ("\u00d0ồng chí", "Đồng chí"),          # Icelandic eth typed for Đ
    ("Ho\u0300a", "Hòa"),                    # NFD to NFC
    ("a\r\nb\rc", "a\nb\nc"),
    ("12\u00a0000", "12 000"),
    ("tỷ\u200b lệ", "tỷ lệ"),
    ("213/KH\ufffeUBND", "213/KH-UBND"),
], ids=["eth", "nfd", "newlines", "nbsp", "zero-width", "fffe-hyphen"])
def test_normalize_text(raw: str, clean: str) -> None:
    assert normalize_text(raw) == clean


def test_binary_is_refused() -> None:
    with pytest.raises(DecodeError):
        decode(b"\x00\x01\x02binary" * 10)


def test_fold_and_modern_tones() -> None:
    assert fold("Uỷ ban") == fold("Ủy ban")
    assert modern_tones("Hoà Bình, Thuỷ lợi, Quý") == "Hòa Bình, Thủy lợi, Quý"


def _normalize_in_passes(text: str) -> str:
    """The plain form of normalize_text's steps, one pass each: what its one-replace-per-character-kind
    shortcut must equal."""
    import regex

    from reportextract import normalize as N

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = regex.sub("[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text)
    text = regex.sub(r"[\x00-\x08\x0e-\x1f\x7f]", " ", text)
    return unicodedata.normalize("NFC", text.translate(N._ONE_FOR_ONE))


def test_odd_characters_are_all_replaced_as_the_plain_passes_would() -> None:
    import random

    from reportextract import normalize as N

    for i in range(0x3100):  # the gate finds exactly the characters the table replaces
        assert (N._ODD.match(chr(i)) is not None) == (chr(i) in N._REPLACE), hex(i)
    pool = [*N._REPLACE, "\r\n", "\n\r", "a", "Ð", "o\u0300", " ", "\n", "\t", "\ufffe"]
    rnd = random.Random(7)
    for _ in range(5000):
        text = "".join(rnd.choice(pool) for _ in range(rnd.randrange(0, 12)))
        assert normalize_text(text) == _normalize_in_passes(text), repr(text)
