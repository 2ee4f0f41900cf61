"""Review pages in headless Chromium: they render with no console error and fetch nothing, every
grounded fact is highlighted once, a click on a fact brings its span into view and flashes it,
hovering a span shows its fact, an article full of markup runs none of it, the index of a corpus run
links to every article page, and the pages print.

Skipped, saying why, where no Chromium is installed (``apt-get install chromium``, or name one in
``SUMMARIZER_CHROMIUM``); when ``CI`` is set they fail instead. Screenshots and a PDF are written to
``artifacts/review/`` (or ``$SUMMARIZER_ARTIFACTS``); the README's screenshot is one of them.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import Browser, find
from reviewing import HOSTILE_TAIL, grounded, record, replay

from summarizer import Summary
from summarizer.review import ArticleView, page, write_run

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("SUMMARIZER_ARTIFACTS") or ROOT / "artifacts" / "review")
WIDE, PHONE, TALL = (1280, 900), (390, 844), (1280, 1400)  # TALL: the README's screenshot
CHROMIUM = find()
NO_CHROMIUM = (
    "no Chromium found, so the review page's browser tests did not run: "
    "apt-get install chromium, or set SUMMARIZER_CHROMIUM to a Chrome or Chromium"
)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
if CHROMIUM is None and not IN_CI:
    pytest.skip(NO_CHROMIUM, allow_module_level=True)
IN_VIEW = "(e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if CHROMIUM is None:  # and CI is set: there the browser tests must run
        pytest.fail(f"CI is set: {NO_CHROMIUM}")
    started = Browser(CHROMIUM, *WIDE)
    try:
        yield started
    finally:
        started.close()


@pytest.fixture(scope="module")
def reference(endpoint: dict[str, Any], recorded: Any) -> tuple[Summary, str]:
    return replay(endpoint, recorded, "reference")


@pytest.fixture(scope="module")
def template(endpoint: dict[str, Any], recorded: Any) -> tuple[Summary, str]:
    return replay(endpoint, recorded, "template")


@pytest.fixture(scope="module")
def reference_url(reference: tuple[Summary, str], tmp_path_factory: pytest.TempPathFactory) -> str:
    summary, text = reference
    view = ArticleView(
        title="Kremlin: Putin and Hollande will meet in Moscow November 26",
        text=text,
        source="examples/moscow-2015-11-17-putin-hollande.txt",
        published="2015-11-17",
    )
    path = tmp_path_factory.mktemp("review") / "reference.html"
    path.write_text(page(summary, view), encoding="utf-8")
    return path.as_uri()


def _open(browser: Browser, url: str, size: tuple[int, int] = WIDE, mobile: bool = False) -> None:
    width, height = size
    metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}
    browser.send("Emulation.setDeviceMetricsOverride", metrics)
    browser.send("Emulation.setEmulatedMedia", {"media": ""})
    browser.open(url)


def _center(browser: Browser, selector: str) -> tuple[float, float]:
    x, y = browser.evaluate(
        f"(r => [r.left + r.width / 2, r.top + r.height / 2])(document.querySelector('{selector}').getClientRects()[0])"
    )
    return float(x), float(y)


def test_the_reference_page_renders_with_no_console_error_and_fetches_nothing(
    browser: Browser, reference_url: str
) -> None:
    _open(browser, reference_url, TALL)
    assert browser.problems() == []
    assert browser.requests() == []
    assert browser.evaluate("document.querySelectorAll('article.card').length") >= 1
    browser.screenshot(ARTIFACTS / "review-reference.png")
    browser.screenshot(ARTIFACTS / "review-reference-full.png", full_page=True)


def test_one_highlight_per_grounded_fact_each_visible_over_its_span(
    browser: Browser, reference_url: str, reference: tuple[Summary, str]
) -> None:
    summary, text = reference
    _open(browser, reference_url)
    anchors = browser.evaluate("""[...document.querySelectorAll('#text mark[id^="span-"]')].map(m => {
        const style = getComputedStyle(m), box = m.getBoundingClientRect();
        return [style.backgroundColor, box.width * box.height > 0];
    })""")
    assert len(anchors) == len(grounded(summary)) > 0
    assert all(color not in ("rgba(0, 0, 0, 0)", "transparent") and shown for color, shown in anchors)
    joined = browser.evaluate("""(() => { const joined = {};
        document.querySelectorAll('#text mark[data-fact]').forEach(m => {
            joined[m.dataset.fact] = (joined[m.dataset.fact] || '') + m.textContent; });
        return Object.values(joined); })()""")
    assert sorted(joined) == sorted(text[f.span.start : f.span.end] for f in grounded(summary))


@pytest.mark.parametrize(("size", "mobile"), [(PHONE, True), (WIDE, False)], ids=["phone", "wide"])
def test_a_click_on_a_fact_scrolls_its_span_into_view_and_flashes_it(
    browser: Browser, reference_url: str, size: tuple[int, int], mobile: bool
) -> None:
    _open(browser, reference_url, size, mobile)
    links = browser.evaluate("[...document.querySelectorAll('a[data-goto]')].map(a => a.dataset.goto)")
    assert links
    for fact in links:  # the first fact whose quote can be seen while its span cannot
        browser.evaluate(f"document.getElementById('fact-{fact}').scrollIntoView({{block: 'center'}})")
        if not browser.evaluate(f"{IN_VIEW}(document.getElementById('span-{fact}'))"):
            break
    else:
        pytest.fail("every span is in view with its fact: the page is too short to test scrolling")
    browser.click(*_center(browser, f'a[data-goto="{fact}"]'))
    browser.wait_for(
        lambda: browser.evaluate(f"{IN_VIEW}(document.getElementById('span-{fact}'))"), "the span to scroll into view"
    )
    assert browser.evaluate(f"document.getElementById('span-{fact}').classList.contains('flash')")
    assert browser.problems() == []
    browser.screenshot(ARTIFACTS / f"review-reference-{'phone' if mobile else 'wide'}-after-click.png")


def test_hovering_a_span_shows_its_fact(browser: Browser, reference_url: str) -> None:
    _open(browser, reference_url)
    # The page hides the tip on scroll, and a scroll event fires on the frame after scrollIntoView: wait two frames
    # so that it cannot hide the tip the hover shows. Start the pointer outside the text so the move enters the span.
    label, fact = browser.evaluate("""(m => { m.scrollIntoView({block: 'center'});
        return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(
            () => done([m.dataset.label, m.dataset.fact]))));
        })(document.querySelector('#text mark[id^="span-"]'))""")
    browser.mouse("moved", 1, 1)
    browser.mouse("moved", *_center(browser, f"#span-{fact}"))
    browser.wait_for(lambda: not browser.evaluate("document.getElementById('tip').hidden"), "the fact to show")
    assert label in browser.evaluate("document.getElementById('tip').textContent")
    assert browser.evaluate(f"document.getElementById('fact-{fact}').classList.contains('lit')")
    browser.screenshot(ARTIFACTS / "review-reference-hover.png")


def test_an_article_with_script_tags_runs_none(browser: Browser, template: tuple[Summary, str], tmp_path: Path) -> None:
    summary, text = template
    article = text + HOSTILE_TAIL
    path = tmp_path / "hostile.html"
    path.write_text(page(summary, ArticleView(title="<script>window.__ran = 3</script>", text=article)), "utf-8")
    _open(browser, path.as_uri())
    assert browser.evaluate("window.__ran === undefined && document.title !== 'ran'")
    assert browser.evaluate("document.scripts.length") == 1  # the page's own
    assert browser.evaluate("document.querySelectorAll('img, b, style:not(head style)').length") == 0
    assert browser.evaluate("document.getElementById('text').textContent") == article
    assert browser.evaluate("getComputedStyle(document.body).display") != "none"
    assert browser.problems() == [] and browser.requests() == []
    browser.screenshot(ARTIFACTS / "review-hostile.png", full_page=True)


def test_the_index_of_a_corpus_run_links_to_every_article_page(
    browser: Browser, reference: tuple[Summary, str], template: tuple[Summary, str], tmp_path: Path
) -> None:
    run = tmp_path / "run.jsonl"
    lines = [
        record("moscow", reference[0], title="Putin and Hollande will meet", text=reference[1]),
        record("lima", template[0], title="Guards shot in Lima", text=template[1]),
        record("empty", error={"kind": "input", "message": "the article is empty"}),
    ]
    run.write_text("\n".join(lines) + "\n", encoding="utf-8")
    written = write_run(run, tmp_path / "review")
    _open(browser, written.index.as_uri())
    assert browser.problems() == []
    browser.screenshot(ARTIFACTS / "review-index.png")
    links = browser.evaluate("[...document.querySelectorAll('table a')].map(a => a.href)")
    assert len(links) == len(lines)
    for link in links:
        browser.open(link)
        assert browser.problems() == [] and browser.requests() == []
        assert browser.evaluate("document.querySelector('h1').textContent")
        assert browser.evaluate("document.querySelector('nav a').href") == written.index.as_uri()


def test_the_page_prints(browser: Browser, reference_url: str) -> None:
    _open(browser, reference_url)
    browser.send("Emulation.setEmulatedMedia", {"media": "print"})
    assert browser.evaluate("getComputedStyle(document.querySelector('.facts')).position") == "static"
    assert browser.evaluate("getComputedStyle(document.getElementById('tip')).display") == "none"
    pdf = base64.b64decode(browser.send("Page.printToPDF", {"printBackground": True})["data"])
    assert pdf.startswith(b"%PDF")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "review-reference.pdf").write_bytes(pdf)
