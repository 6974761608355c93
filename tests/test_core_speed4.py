"""Equivalence tests for the speed4-core fast paths: each compared with the straightforward computation."""
from __future__ import annotations

import sys

import pytest
import regex

from reportextract.normalize import _OLD_TONE_RE, _OLD_TONE_PAIR, modern_tones
from reportextract.parsers.dates import letters_of

# Invented sentences in the style of official writing (not taken from any corpus).
SENTENCES = [
    "Uỷ ban nhân dân tỉnh đã chỉ đạo công tác hoà giải ở cơ sở và thuỷ lợi nội đồng.",
    "Ông Nguyễn Văn Hoà, Phó Chủ tịch UBND huyện, Trưởng ban Chỉ đạo phòng chống thiên tai.",
    "QUYẾT ĐỊNH của ỦY BAN NHÂN DÂN TỈNH về việc phê duyệt kế hoạch năm 2025.",
    "Đồng chí Lê Thị Thuý, Uỷ viên Ban Thường vụ Tỉnh uỷ, Trưởng Ban Tuyên giáo.",
    "Quý I năm 2024, kinh tế tăng trưởng khá; khoẻ mạnh, tuỳ theo, hoạ sĩ, Khoá XIII.",
    "HOÀ BÌNH, THUỶ NGUYÊN, UỶ BAN, quà tặng, Quỳnh Lưu, Thuỵ Khuê, xoè ô.",
    "Ngày 5/3/2024, Sở Kế hoạch và Đầu tư ký kết biên bản ghi nhớ với đối tác.",
    "hoà, hoá, hoả, hoã, hoạ, hoè, hoé, hoẻ, hoẽ, hoẹ, tuỳ, tuý, tuỷ, tuỹ, tuỵ, oàn, uýt",
    "",
    "o",
    "Thủ tướng Chính phủ ban hành Nghị quyết số 12/NQ-CP về phát triển kinh tế - xã hội.",
]


def _slices(text: str) -> list[str]:
    return [text[i:j] for i in range(len(text) + 1) for j in range(i, min(len(text), i + 12) + 1)]


def _modern_tones_slow(text: str) -> str:
    def repl(m: regex.Match[str]) -> str:
        from reportextract.normalize import _OLD_TONE
        s = m.group(0)
        new = _OLD_TONE[s.lower()]
        return new[0].upper() + new[1:] if s[0].isupper() else new
    return _OLD_TONE_RE.sub(repl, text)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_modern_tones_gate_matches_ungated_sub(sentence: str) -> None:
    for piece in [sentence, *_slices(sentence)]:
        assert modern_tones(piece) == _modern_tones_slow(piece)
        # the gate is a necessary condition of every match
        if _OLD_TONE_RE.search(piece):
            assert _OLD_TONE_PAIR.search(piece)


def test_modern_tones_gate_covers_every_case_variant() -> None:
    # every character the IGNORECASE pattern accepts in a pair's second place is in the gate's class
    seconds = {k[1] for k in __import__("reportextract.normalize", fromlist=["_OLD_TONE"])._OLD_TONE}
    for cp in range(0x30000):
        c = chr(cp)
        if 0xD800 <= cp < 0xE000:
            continue
        for s in seconds:
            if regex.fullmatch(s, c, regex.IGNORECASE):
                assert _OLD_TONE_PAIR.fullmatch("o" + c) or _OLD_TONE_PAIR.fullmatch("u" + c), hex(cp)


@pytest.mark.parametrize("words", [
    "ngày tháng năm đến tới và từ sáng chiều tối trưa đêm hôm mai qua nay sau trước lần",
    "Nghị quyết Kế hoạch Kết luận số",
    "ngày tháng năm so với cùng kỳ cuối đầu sinh",
])
def test_letters_of_holds_every_case_insensitive_match(words: str) -> None:
    letters = set(letters_of(words))
    pattern = regex.compile("[" + regex.escape("".join(set(words.replace(" ", "")))) + "]", regex.IGNORECASE)
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp < 0xE000:
            continue
        c = chr(cp)
        if pattern.fullmatch(c):
            assert c in letters, hex(cp)
    assert ("\u212a" in letters) == ("k" in words.lower())


# ---- models: each record class's _make builds what its generated __init__ builds
import dataclasses  # noqa: E402

from reportextract import models  # noqa: E402

_SOURCE = models.Source(path="bao-cao.txt", format="txt", sha256="ab" * 32, chars=120, pages=None)
_INFO = dict(title="Báo cáo kết quả giảm nghèo năm 2024", kind="report", published="2024-12-05",
             number="215/BC-UBND", issuer="UBND tỉnh", authors=("Minh Anh",))
_RECORDS = [
    (models.Source, dict(path=None, format="pdf", sha256="cd" * 32, chars=5, pages=3)),
    (models.DocumentInfo, _INFO),
    (models.DocumentInfo, {}),
    (models.Figure, dict(text="2,5%", span=(10, 14), value=2.5, unit="%", kind="percent", comparator="dưới",
                         metric="tỷ lệ hộ nghèo", year=2024, period=(2021, 2025), target=True, change="giảm",
                         sentence="Tỷ lệ hộ nghèo giảm còn dưới 2,5%.", page=2)),
    (models.Figure, dict(text="1.200 tỷ đồng", span=(0, 13), value=(1200.0, 1300.0), unit="tỷ đồng",
                         kind="money")),
    (models.Official, dict(name="Trần Văn Bình", titles=("Chủ tịch UBND tỉnh",), titles_raw=("Chủ tịch",),
                           mentions=((3, 16), (40, 53)), pages=(1,))),
    (models.Official, dict(name="Lê Thu Hà", titles=(), titles_raw=(), mentions=((0, 9),))),
    (models.DateMention, dict(text="5/3/2024", value="2024-03-05", span=(5, 13), page=None)),
    (models.DateMention, dict(text="tháng 3/2024", value="2024-03", span=(0, 12))),
    (models.PeriodMention, dict(text="2021-2025", start=2021, end=2025, span=(9, 18), page=4)),
    (models.Reference, dict(text="Nghị quyết số 12/NQ-HĐND", kind="Nghị quyết", number="12/NQ-HĐND",
                            date="2024-03-05", issuer="HĐND tỉnh", span=(0, 24))),
    (models.Document, dict(source=_SOURCE, document=models.DocumentInfo(**_INFO), years=(2024,),
                           warnings=("title not found",), text="Hà Nội")),
    (models.Document, dict(source=_SOURCE, document=models.DocumentInfo())),
]


@pytest.mark.parametrize("cls, kwargs", _RECORDS)
def test_make_builds_what_init_builds(cls: type, kwargs: dict) -> None:
    slow, fast = cls(**kwargs), cls._make(**kwargs)
    assert type(fast) is cls
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert fast.to_dict() == slow.to_dict()
    for f in dataclasses.fields(cls):
        assert getattr(fast, f.name) is getattr(slow, f.name)
    positional = [kwargs[f.name] for f in dataclasses.fields(cls) if f.name in kwargs]
    if len(positional) == len(kwargs) and list(kwargs) == [f.name for f in dataclasses.fields(cls)][:len(kwargs)]:
        assert cls._make(*positional) == slow
    name = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(fast, name, None)
    with pytest.raises((AttributeError, TypeError)):
        fast.__dict__  # noqa: B018  (slotted, as before)


@pytest.mark.parametrize("cls", [c for c, _ in _RECORDS])
def test_make_requires_what_init_requires(cls: type) -> None:
    required = [f.name for f in dataclasses.fields(cls)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    if required:
        with pytest.raises(TypeError):
            cls._make()
        with pytest.raises(TypeError):
            cls()
    with pytest.raises(TypeError):
        cls._make(no_such_field=1)
