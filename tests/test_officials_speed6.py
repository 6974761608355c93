"""Equivalence tests for the sixth round of find_officials speed-ups: each fast path against the plain computation."""
import random
import sys

import pytest
import regex

from reportextract.extract import officials as O

EVERY = "".join(map(chr, range(sys.maxunicode + 1)))


def test_every_white_space_but_the_space_is_non_printable():
    """_squeeze's gate: a text holding white space other than the space is not isprintable()."""
    spaces = set(regex.findall(r"\s", EVERY))
    assert " " in spaces and len(spaces) > 20
    for c in spaces - {" "}:
        assert not c.isprintable(), repr(c)
        assert not ("Lê" + c + "An").isprintable()


@pytest.mark.parametrize("seed", range(3))
def test_squeeze_is_the_sub(seed):
    rnd = random.Random(seed)
    bits = ["Lê", "Văn", "Phó Giám đốc Sở", " ", "  ", "\t", "\n", "\xa0", "\u2009", "\u3000", "\x85", "\u200b",
            "\x1c", "\x00", "\u00ad", "\ufeff", ",", "", "\U000e0001"]
    changed = set()
    for _ in range(3000):
        text = "".join(rnd.choice(bits) for _ in range(rnd.randrange(0, 8)))
        want = regex.sub(r"\s+", " ", text)
        assert O._squeeze(text) == want, repr(text)
        changed.add(want != text)
    assert changed == {True, False}
    # every single character, alone and between words
    for c in map(chr, range(0, sys.maxunicode + 1, 7)):
        assert O._squeeze("Bí" + c + "thư") == regex.sub(r"\s+", " ", "Bí" + c + "thư"), repr(c)
