"""Document fields: title, kind, published date, own number, issuer and by-line authors."""
from __future__ import annotations

from typing import Any

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import add_items, doc_text
from ..parsers.dates import iso_date
from ..parsers.references import NUMBER, clean_number, kind_to_document_kind

_OWN_NUMBER = re.compile(rf"(?m)^\W*Số\s*:?\s*(?P<n>{NUMBER})", re.IGNORECASE)
_PLACE_DATE = re.compile(
    r"(?m)^[\p{L} .\-]{0,40},\s*ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})")
_UPDATED = re.compile(
    r"(?:Ngày cập nhật|Cập nhật|Ngày đăng|Đăng ngày|Ngày)\s*:?\s*(?P<d>\d{1,2})\s*[/\-.]\s*(?P<m>\d{1,2})"
    r"\s*[/\-.]\s*(?P<y>\d{4})", re.IGNORECASE)
_DATE_LINE = re.compile(r"(?m)^\s*(?P<d>\d{1,2})[/\-.](?P<m>\d{1,2})[/\-.](?P<y>\d{4})\b")
_KIND_LINE = re.compile(
    r"(?m)^[\s*#]*(?P<k>NGHỊ QUYẾT|QUYẾT ĐỊNH|CHỈ THỊ|KẾ HOẠCH|BÁO CÁO|KẾT LUẬN|THÔNG BÁO|"
    r"CHƯƠNG TRÌNH|ĐỀ ÁN|TỜ TRÌNH|CÔNG VĂN|HƯỚNG DẪN)[\s*]*$")
_KIND_TEXT = {"NGHỊ QUYẾT": "resolution", "QUYẾT ĐỊNH": "decision", "CHỈ THỊ": "directive",
              "KẾ HOẠCH": "plan", "BÁO CÁO": "report", "KẾT LUẬN": "conclusion",
              "THÔNG BÁO": "conclusion", "CHƯƠNG TRÌNH": "plan", "ĐỀ ÁN": "plan"}


def find_document(text: str) -> dict[str, Any]:
    head = text[:3000]
    info: dict[str, Any] = {"title": None, "kind": "press_release", "published": None,
                            "number": None, "issuer": None, "authors": []}
    km = _KIND_LINE.search(head)
    if km:
        info["kind"] = _KIND_TEXT.get(km.group("k"), "other")
        after = head[km.end():].lstrip("\n *")
        title_lines = []
        for line in after.split("\n"):
            line = line.strip(" *|")
            if not line or line.startswith(("Căn cứ", "HỘI ĐỒNG", "ỦY BAN", "UỶ BAN", "BAN ", "THỦ TƯỚNG")):
                break
            title_lines.append(line)
            if len(title_lines) >= 3:
                break
        info["title"] = re.sub(r"\s+", " ", " ".join(title_lines)).replace("****", "").strip() or None
        nm = _OWN_NUMBER.search(head)
        if nm:
            info["number"] = clean_number(nm.group("n"))
            info["kind"] = kind_to_document_kind(None) if False else info["kind"]
    else:
        for line in head.split("\n"):
            line = line.strip()
            if line:
                if len(line) < 200 and not line.endswith((".", ":")) and not re.match(r"^\d", line):
                    info["title"] = line
                break
    for pattern in (_PLACE_DATE, _UPDATED, _DATE_LINE):
        dm = pattern.search(head[:1500])
        if dm:
            info["published"] = iso_date(dm.group("y"), dm.group("m"), dm.group("d"))
            if info["published"]:
                break
    return info


@Language.component("reportextract_document", assigns=["doc._.info"])
def document_component(doc: Doc) -> Doc:
    """doc._.info: the document's own fields; doc.spans["doc_number"] masks its own number."""
    info = find_document(doc_text(doc))
    doc._.info = info
    spans = []
    if info["number"]:
        m = _OWN_NUMBER.search(doc_text(doc)[:3000])
        if m:
            spans.append({"span": m.span("n"), "text": m.group("n")})
    add_items(doc, "doc_number", spans)
    return doc
