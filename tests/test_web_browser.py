"""The analyst page of `dossier serve`, driven in headless Chromium.

Builds a database from the bundled example article and two hostile ones
(markup and a ``javascript:`` URL that must stay inert), starts
``python -m dossier serve`` on a free port, and walks the five views: the
events list, an event page (evidence and claimant marked in the article), the
timeline, the map and the network. Screenshots of each view go to
``test-artifacts/`` at the repository root.

Needs the Python package ``playwright`` and Debian's ``/usr/bin/chromium``
(``apt-get install chromium``); skips with the reason when either is missing.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "rus-prk-jets-for-troops.txt"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"

# Kept as text (.txt): the markup must show literally and never run.
HOSTILE_TEXT = (
    "Russia will supply tanks to Serbia, the defence minister said on Tuesday. "
    "<script>window.__pwned = 1; alert(1)</script> "
    'The deal was confirmed in Belgrade. <img src=x onerror="window.__pwned=2"> '
    'Details: <a href="javascript:alert(3)">javascript:alert(3)</a>\n'
)
# A record whose url is javascript: and whose title is markup.
HOSTILE_RECORD = {
    "text": (
        "Russia will deliver artillery shells to Belarus "
        '<b onmouseover="window.__pwned=4">soon</b>, officials in Minsk said. '
        "<script>window.__pwned = 3</script>"
    ),
    "url": "javascript:alert(4)",
    "title": '<img src=x onerror="window.__pwned=5">Shells',
    "published": "2024-11-02",
}

READY = """([view, previous]) => {
  const main = document.getElementById("view");
  return main.dataset.state === "ready" && main.dataset.view === view
    && main.dataset.route === location.hash && main.dataset.route !== previous;
}"""

INTERNAL_HREF = ("#", "api/", "static/", "http:", "https:")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


# --- fixtures ------------------------------------------------------------------


@pytest.fixture(scope="module")
def sync_api():
    try:
        from playwright import sync_api
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    return sync_api


@pytest.fixture(scope="module")
def browser(sync_api):
    with sync_api.sync_playwright() as p:
        try:
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        except Exception as exc:  # any launch failure means: cannot test on this machine
            pytest.skip(f"{CHROMIUM} does not launch: {str(exc).splitlines()[0]}")
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory, browser):
    """Base URL of `dossier serve` on a database of the example and the hostile articles."""
    tmp = tmp_path_factory.mktemp("web")
    db = tmp / "dossier.db"
    hostile_txt = tmp / "hostile.txt"
    hostile_txt.write_text(HOSTILE_TEXT, encoding="utf-8")
    hostile_jsonl = tmp / "hostile.jsonl"
    hostile_jsonl.write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    ingest = subprocess.run(
        [sys.executable, "-m", "dossier", "ingest", str(EXAMPLE), str(hostile_txt),
         str(hostile_jsonl), "--db", str(db), "--strict"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert ingest.returncode == 0, ingest.stdout + ingest.stderr

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp / "serve.log").open("w+", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "dossier", "serve", "--db", str(db), "--port", str(port)],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )  # fmt: skip

    def server_log() -> str:
        log.flush()
        log.seek(0)
        return log.read()[-4000:]

    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(f"dossier serve exited with {proc.returncode}:\n{server_log()}")
            try:
                _get_json(f"{base}/api/events?per_page=1")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"dossier serve did not answer /api/events in 90 s:\n{server_log()}"
                    )
                time.sleep(0.25)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


class Watch:
    """What must not happen on the page: dialogs, requests off the server,
    script errors, server errors and Content-Security-Policy violations."""

    def __init__(self, page, base: str) -> None:
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("request", lambda r: self._request(r.url, base))
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        page.on("console", self._console)
        page.on("response", self._response)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _request(self, url: str, base: str) -> None:
        if not (url.startswith(base + "/") or url.startswith("data:")):
            self.outside.append(url)

    def _response(self, response) -> None:
        if response.status >= 500:
            self.errors.append(f"server error {response.status}: {response.url}")

    def _console(self, message) -> None:
        text = message.text
        if message.type == "error" or "Content Security Policy" in text:
            self.errors.append(f"console {message.type}: {text}")

    def check(self) -> None:
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"
        assert self.outside == [], f"requests left the server: {self.outside}"
        assert self.errors == [], "\n".join(self.errors)


class UI:
    """A page of the analyst app with helpers that wait until a view is drawn."""

    def __init__(self, page, base: str) -> None:
        self.page = page
        self.base = base

    def route(self) -> str:
        """The hash the current view was drawn for."""
        return self.page.evaluate("document.getElementById('view').dataset.route || ''")

    def open(self, hash_: str, view: str) -> None:
        """Open `hash_` (#/...) and wait until `view` has been drawn for it."""
        previous = self.route() if self.page.url.startswith(self.base) else None
        self.page.goto(f"{self.base}/{hash_}")
        self.wait(view, previous)

    def click(self, locator, view: str) -> None:
        """Click and wait until `view` has been drawn for the new route."""
        previous = self.route()
        locator.click()
        self.wait(view, previous)

    def wait(self, view: str, previous: str | None) -> None:
        try:
            self.page.wait_for_function(READY, arg=[view, previous])
        except Exception as exc:
            state = self.page.evaluate(
                "(() => { const m = document.getElementById('view');"
                " return [m.dataset.state, m.dataset.view, m.dataset.route, location.hash,"
                " m.innerText.slice(0, 600)]; })()"
            )
            raise AssertionError(
                f"view {view!r} not drawn; state, view, route, hash, text: {state}"
            ) from exc

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def assert_links_safe(self) -> None:
        hrefs = self.page.eval_on_selector_all(
            "a[href]", "links => links.map(a => a.getAttribute('href'))"
        )
        unsafe = [h for h in hrefs if not h.startswith(INTERNAL_HREF)]
        assert unsafe == [], f"links to unsafe URLs: {unsafe}"

    def assert_not_pwned(self) -> None:
        assert self.page.evaluate("typeof window.__pwned") == "undefined"


@pytest.fixture
def ui(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    watch = Watch(page, server)
    try:
        yield UI(page, server)
        watch.check()
    finally:
        context.close()


# --- tests -----------------------------------------------------------------------


def test_list_and_event_page(ui):
    page = ui.page
    ui.open("#/", "events")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 12, page.locator("#view").inner_text()
    for label in ("CSV", "JSON Lines", "GeoJSON"):
        href = page.get_by_role("link", name=label, exact=True).get_attribute("href")
        assert href.startswith("api/export?"), href
    ui.assert_links_safe()
    ui.screenshot("events")

    # the row whose items (not only its evidence sentence) are the MiG-29
    mig = rows.filter(has=page.locator("td.items", has_text="MiG-29")).filter(has_text="AID")
    assert mig.count() == 1, [r.inner_text() for r in rows.all()]
    # the evidence sentence and where it comes from: outlet (its folder) and, with no
    # headline in the file, its path
    report = mig.locator("td.evidence-cell")
    assert "in exchange for North Korean troop deployments" in report.locator("q").inner_text()
    assert report.locator(".doc-outlet").inner_text() == "examples"
    assert report.locator(".doc-title").inner_text().endswith("rus-prk-jets-for-troops.txt")
    ui.click(mig.locator("a.event-link"), "event")
    assert ui.route().startswith("#/event/ev_")
    evidence = page.locator("#article mark.evidence")
    assert evidence.count() == 1
    assert "MiG-29" in evidence.inner_text()
    assert "Samuel Paparo" in page.locator("#article mark.claimant").inner_text()
    article = page.locator(".doc-meta").inner_text()
    assert "rus-prk-jets-for-troops.txt" in article and "examples" in article, article
    assert "doc_" not in page.locator(".facts").inner_text()
    ui.assert_links_safe()
    ui.screenshot("event")

    # an actor opens the list filtered by it
    ui.click(page.locator("h1 a.actor", has_text="North Korea"), "events")
    assert "actor=PRK" in ui.route()
    assert page.locator("table.events tbody tr").count() >= 1


def test_political_filter(ui):
    """The "Actors" choice is the API's political= filter and stays in the route."""
    page = ui.page
    ui.open("#/?political=any", "events")
    assert page.locator("select[name=political]").input_value() == "any"
    every = page.locator("table.events tbody tr").count()
    assert every >= 12
    page.locator("select[name=political]").select_option("")
    ui.click(page.get_by_role("button", name="Apply"), "events")
    assert "political" not in ui.route()
    assert page.locator("table.events tbody tr").count() <= every


def test_map(ui):
    page = ui.page
    ui.open("#/map", "map")
    assert page.locator("path.map-country").count() > 100  # the vendored outlines
    kursk = page.locator('.map-point[data-place="Kursk Oblast"]')
    assert kursk.count() >= 1
    title = kursk.first.locator("title").text_content()
    assert "Kursk Oblast" in title and "MOBILIZE" in title, title
    ui.screenshot("map")
    event_id = kursk.first.get_attribute("data-event-id")
    ui.click(kursk.first, "event")
    assert ui.route() == f"#/event/{event_id}"
    assert "Kursk Oblast" in page.locator(".facts").inner_text()


def test_timeline(ui):
    page = ui.page
    ui.open("#/timeline", "timeline")
    marks = page.locator(".timeline-mark:not(.reported)")  # dated by the text itself
    assert marks.count() >= 1
    # undated events are drawn hollow at the day they were reported
    assert page.locator(".timeline-mark.reported").count() >= 1
    assert page.locator("svg.timeline .axis .tick text").count() >= 2
    ui.screenshot("timeline")
    event_id = marks.first.get_attribute("data-event-id")
    assert event_id
    ui.click(marks.first, "event")
    assert ui.route() == f"#/event/{event_id}"


def test_network(ui):
    page = ui.page
    ui.open("#/network", "network")
    for code in ("RUS", "PRK"):
        assert page.locator(f'.network-node[data-actor="{code}"]').count() == 1, code
    edges = page.locator(".network-edge")
    assert edges.count() >= 1
    first = edges.first
    href = first.evaluate("e => e.closest('a').getAttribute('href')")
    assert href == f"#/event/{first.get_attribute('data-event-id')}"
    ui.screenshot("network")
    ui.click(page.locator('.network-node[data-actor="PRK"]'), "events")
    assert "actor=PRK" in ui.route()


def test_fused_events(ui):
    page = ui.page
    ui.open("#/events?fused=true", "events")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 1
    assert rows.first.get_attribute("data-event-id").startswith("fev_")
    ui.click(rows.filter(has_text="MiG-29").first.locator("a.event-link"), "event")
    assert ui.route().startswith("#/event/fev_")
    mentions = page.locator(".mentions tbody tr")
    assert mentions.count() >= 1
    assert mentions.first.locator("a.event-link").get_attribute("href").startswith("#/event/ev_")
    assert page.locator("#article mark.evidence").count() == 1
    ui.screenshot("fused-event")


def test_hostile_article_stays_text(ui):
    page = ui.page
    # find it through the filter form
    ui.open("#/events", "events")
    page.fill("input[name=actor]", "SRB")
    ui.click(page.get_by_role("button", name="Apply"), "events")
    assert "actor=SRB" in ui.route()
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 1
    ui.click(rows.first.locator("a.event-link"), "event")

    article = page.locator("#article")
    text = article.inner_text()
    assert "<script>window.__pwned = 1; alert(1)</script>" in text
    assert '<img src=x onerror="window.__pwned=2">' in text
    assert "javascript:alert(3)" in text
    assert article.locator("script, img, a").count() == 0
    assert "tanks" in page.locator("#article mark.evidence").inner_text()
    page.wait_for_timeout(300)  # an injected handler would have run by now
    ui.assert_not_pwned()
    ui.assert_links_safe()
    ui.screenshot("hostile-event")

    # the record whose url is javascript: and whose title is markup: in the list, the
    # title is shown as text
    ui.open("#/events?actor=BLR", "events")
    title = page.locator("table.events tbody tr td.evidence-cell .doc-title").first
    assert title.inner_text() == HOSTILE_RECORD["title"]
    assert page.locator("table.events img").count() == 0
    ui.click(page.locator("table.events tbody tr a.event-link").first, "event")
    assert page.locator('a[href^="javascript"]').count() == 0
    assert "javascript:alert(4)" in page.locator(".unsafe-url").first.inner_text()
    assert '<img src=x onerror="window.__pwned=5">Shells' in page.locator(".facts").inner_text()
    assert page.locator("#view img").count() == 0
    page.locator("#article").hover()
    page.wait_for_timeout(300)
    ui.assert_not_pwned()
    ui.assert_links_safe()
