"""`reportextract show`: the HTML page, its nesting of overlapping items, and the page in headless Chromium."""
from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import readers_fixtures as rf

from reportextract.api import extract_file, extract_text
from reportextract.cli import cli
from reportextract.readers import read_path
from reportextract.show import Item, collect_items, nest, render, render_document, show_file

GOLDEN = Path(__file__).parent / "golden"
SEED = GOLDEN / "giam-ngheo-2016-2020.txt"


class Marks(HTMLParser):
    """Character ranges covered by each <mark> inside the text element, by item id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.at = 0
        self.text: list[str] = []
        self.open: list[tuple[str, int]] = []
        self.ranges: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.primary: dict[str, dict[str, str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag == "mark", f"only <mark> belongs inside the text, got <{tag}>"
        a = {k: v or "" for k, v in attrs}
        if "data-kind" in a:
            assert a["data-id"] not in self.primary, f"{a['data-id']} has two elements with data-kind"
            self.primary[a["data-id"]] = a
            self.open.append((a["data-id"], self.at))
        else:
            self.open.append((a["data-of"], self.at))

    def handle_endtag(self, tag: str) -> None:
        ident, start = self.open.pop()
        self.ranges[ident].append((start, self.at))

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        self.at += len(data)


def check_marks(inner_html: str, text: str, items: list[Item]) -> Marks:
    """Every item is highlighted exactly once, over exactly its span; the text is unchanged."""
    marks = Marks()
    marks.feed(inner_html)
    marks.close()
    assert "".join(marks.text) == text
    assert sorted(marks.primary) == sorted(i.id for i in items)
    for item in items:
        a = marks.primary[item.id]
        assert (a["data-kind"], int(a["data-start"]), int(a["data-end"])) == (item.kind, item.start, item.end)
        pieces = sorted(marks.ranges[item.id])
        assert pieces[0][0] == item.start and pieces[-1][1] == item.end, item
        assert all(a_end == b_start for (_, a_end), (b_start, _) in zip(pieces, pieces[1:])), item
    return marks


def _inner(page: str) -> str:
    start = page.index('<div id="re-text">') + len('<div id="re-text">')
    return page[start:page.index("</div></article>")]


@pytest.mark.parametrize("spans, fragments", [
    ([(0, 5), (6, 10)], 0),
    ([(0, 10), (3, 7)], 0),
    ([(0, 10), (0, 10)], 0),
    ([(0, 10), (0, 4), (4, 10)], 0),
    ([(0, 6), (3, 10)], 1),
    ([(0, 6), (3, 10), (5, 12)], 2),
    ([(2, 2), (0, 99)], 0),
], ids=["apart", "nested", "same-span", "two-inside", "crossing", "chain-of-crossings", "empty-and-outside"])
def test_nesting_keeps_one_element_per_item(spans: list[tuple[int, int]], fragments: int) -> None:
    text = "0123456789ab"
    kinds = ["reference", "date", "figure", "period"]
    items = [Item(f"i{n}", kinds[n % 4], s, e, ()) for n, (s, e) in enumerate(spans)]
    html, notes = nest(text, items)
    shown = [i for i in items if 0 <= i.start < i.end <= len(text)]
    check_marks(html, text, shown)
    assert html.count("data-of=") == fragments
    assert len(notes) == len(items) - len(shown)


def test_seed_page_highlights_everything(seed_path: Path) -> None:
    doc = extract_file(seed_path)
    page = render_document(doc)
    items = collect_items(doc.to_dict())
    data = doc.to_dict()
    assert len(items) == (len(data["figures"]) + sum(len(o["mentions"]) for o in data["officials"])
                          + len(data["dates"]) + len(data["periods"]) + len(data["references"]))
    check_marks(_inner(page), doc.text, items)
    assert len(page.split('<tr data-item="f')) - 1 == len(data["figures"])


def test_page_is_self_contained(seed_path: Path) -> None:
    page = render_document(extract_file(seed_path))
    for needle in ("http://", "https://", " src=", " href=", "<link", "@import", "url(", "@font-face"):
        assert needle not in page


def test_text_and_data_are_escaped() -> None:
    doc = extract_text("Số liệu </script><img src=x onerror=alert(1)> đạt 8,36% </script>.")
    page = render_document(doc)
    assert "<img" not in page
    assert page.count("</script>") == 2  # the data block's and the code's own ends, nothing from the text


def test_pages_are_shown_when_known() -> None:
    data = {"figures": [{"text": "5%", "span": [0, 2], "value": 5, "unit": "%", "kind": "rate", "page": 3}],
            "officials": [{"name": "A", "titles": [], "titles_raw": [], "mentions": [[3, 4], [10, 11]]}]}
    items = {i.id: dict(i.fields) for i in collect_items(data, page_of=lambda off: 1 + off // 10)}
    assert items["f0"]["page"] == "3"
    assert (items["o0m0"]["page"], items["o0m1"]["page"]) == ("1", "2")
    assert ">page</button>" in render(data, "5% A ...... A")


@pytest.mark.skipif(rf.font_path() is None, reason="no Unicode TTF font for fpdf2")
def test_pdf_items_show_their_page(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(rf.as_pdf())
    page = show_file(pdf)
    src, _ = read_path(pdf)
    assert src.page_starts and len(src.page_starts) > 1
    items = collect_items(extract_file(pdf).to_dict(), src.page_of)
    check_marks(_inner(page), src.text, items)
    data = json.loads(page[page.index('id="re-data">') + len('id="re-data">'):page.index("</script>")])
    for item in items:
        assert dict(data[item.id]["fields"])["page"] == str(src.page_of(item.start)), item
    assert len({src.page_of(item.start) for item in items}) > 1
    assert ">page</button>" in page


def test_show_command_writes_the_page(runner, seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = runner.invoke(cli, ["show", str(seed_path), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    bad = runner.invoke(cli, ["show", str(tmp_path / "absent.txt"), "-o", str(out)])
    assert bad.exit_code == 1 and "no such file" in bad.output


# ---------------------------------------------------------------- headless Chromium

CHROMIUM = next((p for name in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(name))), None)


class DevTools:
    """The DevTools protocol over --remote-debugging-pipe (fds 3 and 4): stdlib only, no websocket."""

    def __init__(self, profile: Path) -> None:
        to_child_r, self._w = os.pipe()
        self._r, from_child_w = os.pipe()

        def wire() -> None:  # runs in the child before exec: the pipe ends become fds 3 and 4
            # first lift both ends above 4, since either may itself sit on fd 3 or 4
            high_r, high_w = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10), fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "--window-size=1280,900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(3, 4), preexec_fn=wire)
        os.close(to_child_r)
        os.close(from_child_w)
        self._buf = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            if not select.select([self._r], [], [], max(0.0, deadline - time.monotonic()))[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._r, 1 << 20)
            if not chunk:
                raise EOFError("Chromium closed the pipe")
            self._buf += chunk
        message, self._buf = self._buf.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, timeout: float = 30, **params: Any) -> dict[str, Any]:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            message["sessionId"] = self.session
        os.write(self._w, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, since: int, timeout: float = 30) -> None:
        """Until this session sends `method` after event number `since`."""
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method and e.get("sessionId") == self.session
                      for e in self.events[since:]):
            self.events.append(self._read(deadline))

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def open(self, url: str) -> None:
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        since = len(self.events)
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired", since)

    def problems(self) -> list[dict[str, Any]]:
        """Console messages, uncaught exceptions and browser log entries (CSP, failed loads)."""
        return [e for e in self.events if e.get("method") in ("Runtime.exceptionThrown", "Runtime.consoleAPICalled")
                or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] in ("error", "warning"))]

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except (OSError, RuntimeError, TimeoutError, EOFError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._w)
        os.close(self._r)


@pytest.fixture()
def browser(tmp_path: Path):
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")
    tools = DevTools(tmp_path / "profile")
    try:
        yield tools
    finally:
        tools.close()


def _crossing_page(tmp_path: Path) -> tuple[Path, str, list[Item]]:
    """A page whose items cross, nest and share spans, to see the nesting survive the browser's parser."""
    text = "Nghị quyết số 04-NQ/TU ngày 08/11/2016 đạt 8,36% năm 2016.\nDòng hai."
    ref, date, fig, line2 = (0, 38), (28, 38), (43, 48), (59, len(text))
    data = {"figures": [{"text": "8,36%", "span": fig, "value": 8.36, "unit": "%", "kind": "rate"}],
            "dates": [{"text": "08/11/2016", "value": "2016-11-08", "span": date}],
            "periods": [{"text": text[34:46], "start": 2016, "end": 2016, "span": [34, 46]}],  # crosses two
            "references": [{"text": text[:38], "kind": "Nghị quyết", "number": "04-NQ/TU", "span": ref}],
            "officials": [{"name": "x", "titles": [], "titles_raw": [], "mentions": [ref, line2]}]}
    path = tmp_path / "crossing.html"
    path.write_text(render(data, text), encoding="utf-8")
    return path, text, collect_items(data)


@pytest.mark.slow
def test_page_in_headless_chromium(browser: DevTools, seed_path: Path, tmp_path: Path) -> None:
    doc = extract_file(seed_path)
    page = tmp_path / "seed.html"
    page.write_text(render_document(doc), encoding="utf-8")
    crossing, crossing_text, crossing_items = _crossing_page(tmp_path)

    browser.open(crossing.as_uri())
    assert browser.evaluate("document.documentElement.dataset.ready") == "1"
    check_marks(browser.evaluate("document.getElementById('re-text').innerHTML"), crossing_text, crossing_items)

    browser.open(page.as_uri())
    assert browser.evaluate("document.documentElement.dataset.ready") == "1"
    # the DOM after the scripts ran: every item of the JSON highlighted exactly once, at its span
    check_marks(browser.evaluate("document.getElementById('re-text').innerHTML"), doc.text,
                collect_items(doc.to_dict()))

    # hover or focus shows the normalised value and attributes
    figure = doc.to_dict()["figures"][1]
    browser.evaluate("document.querySelector('mark[data-id=\"f1\"]').focus()")
    tip = browser.evaluate("[document.getElementById('re-tip').hidden, document.getElementById('re-tip').innerText]")
    assert tip[0] is False
    assert f"value\n{json.dumps(figure['value'])}\nunit\n%\n" in tip[1] and f"metric\n{figure['metric']}" in tip[1]
    browser.evaluate("document.querySelector('mark[data-id=\"f1\"]').blur()")
    assert browser.evaluate("document.getElementById('re-tip').hidden") is True

    # a click on a column header sorts the figures by it, a second click reverses
    values_in_order = ("Array.from(document.querySelectorAll('#re-figures tbody tr'))"
                       ".map(r => JSON.parse(r.cells[2].dataset.sort))")
    browser.evaluate("document.querySelector('#re-figures button[data-col=\"2\"]').click()")
    ascending = browser.evaluate(values_in_order)
    assert ascending == sorted(ascending) and len(ascending) == len(doc.figures)
    browser.evaluate("document.querySelector('#re-figures button[data-col=\"2\"]').click()")
    assert browser.evaluate(values_in_order) == sorted(ascending, reverse=True)

    # a click on a row focuses its highlight in the text
    browser.evaluate("document.querySelector('#re-figures tbody tr').click()")
    assert browser.evaluate("document.activeElement.dataset.kind") == "figure"

    shot = base64.b64decode(browser.call("Page.captureScreenshot", format="png")["data"])
    (tmp_path / "show.png").write_bytes(shot)
    assert shot.startswith(b"\x89PNG") and len(shot) > 10_000
    assert browser.problems() == []
