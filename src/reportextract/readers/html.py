"""HTML reader (stdlib html.parser): the article's main text without site chrome, and its title/date/author metadata."""
from __future__ import annotations

from html.parser import HTMLParser

import regex as re

from ..errors import FormatError
from ..normalize import decode, normalize_text
from . import SourceText, TableCell, table_row

MAX_HTML = 32 * 1024 * 1024

_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select",
         "textarea", "nav", "header", "footer", "aside", "menu", "head", "object", "canvas", "video",
         "audio", "map"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr"}
_BLOCK = {"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "dl", "dt", "dd",
          "figure", "figcaption", "center", "address", "caption", "br", "hr"}
# class/id words of site chrome: menus, share buttons, related-news boxes, comments, banners
_CHROME = re.compile(
    r"(?:^|[\s_\-])(?:nav|navbar|menu|breadcrumbs?|footer|header|sidebar|side-bar|share|sharing|social|"
    r"related|relate|lienquan|tinkhac|tin-khac|other-news|othernews|comments?|banner|advert|ads|adv|tags?|"
    r"widget|popup|modal|cookie|login|search|toolbar|print|rating|subscribe|newsletter|pagination|pager|"
    r"topbar|top-bar|bottom|copyright|hotline|weather|marquee|slider|carousel|box-news|most-read|"
    r"mostview|xemnhieu|xem-nhieu)(?:$|[\s_\-\d])", re.I)
# Headings that open the page's list of other articles: the article has ended.
_TAIL = re.compile(r"^\s*(?:Các tin khác|Tin khác|Tin liên quan|Bài liên quan|Bài viết liên quan|"
                   r"Tin cùng chuyên mục|Xem tin theo ngày|Xem thêm|Các bài viết khác|Tin mới nhất|"
                   r"Tin đã đưa|Các tin đã đưa|Chia sẻ|Bình luận|Ý kiến bạn đọc)\b", re.I)
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")


class _Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: "_Node | None") -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list["_Node | str"] = []


class _TreeBuilder(HTMLParser):
    """A forgiving DOM: unclosed tags are closed by their ancestors' end tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.cur = self.root
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k.lower(): (v or "") for k, v in attrs_list}
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key and attrs.get("content") and key not in self.meta:
                self.meta[key] = attrs["content"]
            return
        if tag == "title":
            self._in_title = True
        if tag == "time" and attrs.get("datetime") and "time" not in self.meta:
            self.meta["time"] = attrs["datetime"]
        node = _Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in _VOID:
            self.cur = node

    def handle_startendtag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs_list)
        if tag not in _VOID and self.cur.tag == tag:
            self.cur = self.cur.parent or self.root

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        node = self.cur
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.cur = node.parent

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self.cur.children.append(data)


def _is_chrome(node: _Node) -> bool:
    if node.tag in _SKIP:
        return True
    label = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')} {node.attrs.get('role', '')}"
    if node.attrs.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    return bool(label.strip()) and bool(_CHROME.search(label)) and node.tag not in ("body", "html", "article")


def _text_len(node: _Node, link: bool = False) -> tuple[int, int]:
    """(characters of text, characters inside links) under `node`, chrome excluded."""
    total = links = 0
    for ch in node.children:
        if isinstance(ch, str):
            n = len(ch.strip())
            total += n
            links += n if link else 0
        elif not _is_chrome(ch):
            t, lk = _text_len(ch, link or ch.tag == "a")
            total += t
            links += lk
    return total, links


def _main(root: _Node) -> _Node:
    """The element holding the article: where paragraph text (not link text) concentrates."""
    scores: dict[int, float] = {}
    nodes: dict[int, _Node] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        for ch in node.children:
            if isinstance(ch, _Node) and not _is_chrome(ch):
                stack.append(ch)
        if node.tag in ("p", "td", "li", "pre", "blockquote", "h2", "h3") or (
                node.tag == "div" and all(isinstance(c, str) or c.tag in ("b", "strong", "i", "em", "span",
                                                                          "a", "br", "img", "sup", "sub")
                                          for c in node.children)):
            total, links = _text_len(node)
            text = total - links
            if text < 20:
                continue
            parent, weight = node.parent, 1.0
            for _ in range(3):
                if parent is None:
                    break
                scores[id(parent)] = scores.get(id(parent), 0.0) + text * weight
                nodes[id(parent)] = parent
                parent, weight = parent.parent, weight / 2
    if not scores:
        return root
    best = nodes[max(scores, key=scores.__getitem__)]
    # widen to an <article> ancestor when there is one: it holds the title and lead too
    node = best
    while node is not None:
        if node.tag == "article":
            return node
        node = node.parent
    return best


class _Renderer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.tables: list[tuple[TableCell, ...]] = []
        self.offset = 0
        self.stopped = False

    def flush(self) -> None:
        line = normalize_text(_SPACES.sub(" ", "".join(self.buf))).strip()
        self.buf = []
        if not line or self.stopped:
            return
        if _TAIL.match(line) and len(line) < 60 and self.lines:
            self.stopped = True
            return
        self.lines.append(line)
        self.offset += len(line) + 1

    def render(self, node: _Node) -> None:
        for ch in node.children:
            if self.stopped:
                return
            if isinstance(ch, str):
                self.buf.append(ch)
            elif _is_chrome(ch):
                continue
            elif ch.tag == "table":
                self.flush()
                self.table(ch)
            elif ch.tag in _BLOCK:
                self.flush()
                self.render(ch)
                self.flush()
            else:
                self.render(ch)

    def _cell_text(self, cell: _Node) -> str:
        sub = _Renderer()
        sub.render(cell)
        sub.flush()
        return " ".join(sub.lines)

    def table(self, table: _Node) -> None:
        rows: list[_Node] = []
        for ch in table.children:  # rows of this table, not of tables nested in its cells
            if isinstance(ch, _Node):
                if ch.tag == "tr":
                    rows.append(ch)
                elif ch.tag in ("thead", "tbody", "tfoot"):
                    rows += [r for r in ch.children if isinstance(r, _Node) and r.tag == "tr"]
        cells: list[TableCell] = []
        for r, tr in enumerate(rows):
            texts = [normalize_text(self._cell_text(td)) for td in tr.children
                     if isinstance(td, _Node) and td.tag in ("td", "th")]
            if not any(texts):
                continue
            line, row_cells = table_row(texts, r, self.offset)
            cells += row_cells
            self.lines.append(line)
            self.offset += len(line) + 1
        if cells:
            self.tables.append(tuple(cells))


def _iso_date(value: str) -> str | None:
    """"2021-03-25T08:00:00+07:00" or "25/03/2021 08:00" -> "2021-03-25"."""
    m = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if m:
        y, mo, d = m.groups()
    else:
        m = re.search(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
        if not m:
            return None
        d, mo, y = m.groups()
    if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
        return None
    return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"


def _decode_html(data: bytes) -> str:
    head = data[:4096].decode("ascii", errors="ignore").lower()
    m = re.search(r"charset\s*=\s*[\"']?([\w-]+)", head)
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(m.group(1), errors="replace")
        except LookupError:
            pass
    return decode(data)


def read_html(data: bytes, name: str = "input") -> SourceText:
    """Read an HTML page: the main article text, with title/published/authors from its metadata."""
    if len(data) > MAX_HTML:
        raise FormatError(f"{name}: the HTML page is too large ({len(data)} bytes)")
    parser = _TreeBuilder()
    try:
        parser.feed(_decode_html(data))
        parser.close()
    except Exception as exc:  # html.parser is forgiving; anything else is a broken file
        raise FormatError(f"{name}: the HTML cannot be parsed ({exc})") from None
    meta_raw = parser.meta
    title = (meta_raw.get("og:title") or meta_raw.get("twitter:title") or meta_raw.get("title")
             or parser.title or "").strip()
    r = _Renderer()
    try:
        main = _main(parser.root)
        h1 = _first(parser.root, "h1")
        if h1 is not None and not _inside(h1, main):
            r.render(_wrap(h1))  # the headline sits outside the article body on many portals
            r.flush()
        r.render(main)
        r.flush()
    except RecursionError:  # absurdly deep nesting: fall back to the page's bare text
        r = _Renderer()
        r.buf = [re.sub(r"<[^>]*>", "\n", _decode_html(data))]
        r.flush()
    meta: dict[str, object] = {}
    if title:
        meta["title"] = normalize_text(_SPACES.sub(" ", title))
    for key in ("article:published_time", "datepublished", "pubdate", "publishdate", "date",
                "dc.date.issued", "og:published_time", "time"):
        if meta_raw.get(key) and (iso := _iso_date(meta_raw[key])):
            meta["published"] = iso
            break
    author = meta_raw.get("author") or meta_raw.get("article:author") or meta_raw.get("dc.creator")
    if author and not author.startswith("http"):
        meta["authors"] = [normalize_text(a.strip()) for a in re.split(r"\s*[,;]\s*", author) if a.strip()]
    return SourceText("\n".join(r.lines), "html", meta=meta, tables=tuple(r.tables))


def _first(node: _Node, tag: str) -> _Node | None:
    stack = [node]
    while stack:
        n = stack.pop(0)
        for ch in n.children:
            if isinstance(ch, _Node):
                if ch.tag == tag:
                    return ch
                if not _is_chrome(ch):
                    stack.append(ch)
    return None


def _inside(node: _Node, ancestor: _Node) -> bool:
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent  # type: ignore[assignment]
    return False


def _wrap(node: _Node) -> _Node:
    w = _Node("div", {}, None)
    w.children.append(node)
    return w
