"""Review pages without a browser: what the HTML says, escaping, the index of a corpus run, the CLI.

Summaries come from cassettes replayed through the public API (see tests/reviewing.py); the checks
count from the Summary itself. The same pages in a real browser: tests/test_review_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reviewing import FIXTURES, HOSTILE_TAIL, Page, grounded, quoted_facts, record, replay

from summarizer import Summary, grounding
from summarizer.cli import main
from summarizer.review import ArticleView, page, read_run, write_run
from summarizer.review.facts import Fact, cards, facts, pieces
from summarizer.schema import Actor, Span


@pytest.fixture(scope="module")
def reference(endpoint: dict[str, Any], recorded: Any) -> tuple[Summary, str]:
    return replay(endpoint, recorded, "reference")


@pytest.fixture(scope="module")
def template(endpoint: dict[str, Any], recorded: Any) -> tuple[Summary, str]:
    return replay(endpoint, recorded, "template")


@pytest.fixture(scope="module")
def invented(template: tuple[Summary, str]) -> tuple[Summary, str]:
    """The recorded template summary with one target the article does not hold, grounded again by the real code:
    the recordings have no unsupported fact left since the rules drop weapons the article does not name."""
    summary, text = template
    first = summary.incidents[0]
    tank = Actor.model_validate({"quote": "a tank", "name": "a tank", "kind": "unknown", "number": None})
    incidents, report = grounding.ground([first.model_copy(update={"targets": [*first.targets, tank]})], text)
    provenance = summary.provenance.model_copy(update={"grounding": report})
    return summary.model_copy(
        update={"incidents": [*incidents, *summary.incidents[1:]], "provenance": provenance}
    ), text


@pytest.fixture(scope="module")
def injection(endpoint: dict[str, Any], recorded: Any) -> tuple[Summary, str]:
    return replay(endpoint, recorded, "injection")


@pytest.fixture(scope="module")
def reference_page(reference: tuple[Summary, str]) -> Page:
    summary, text = reference
    return Page.of(page(summary, ArticleView(title="Reference", text=text)))


def test_the_walk_of_the_tests_meets_every_fact_grounding_counted(reference: tuple[Summary, str]) -> None:
    summary, _ = reference
    g = summary.provenance.grounding
    assert g is not None
    assert len(list(quoted_facts(summary))) == g.exact + g.fuzzy + g.not_found > 0
    assert len(facts(summary)) == g.exact + g.fuzzy + g.not_found


def test_one_highlight_per_grounded_fact_covering_its_span(
    reference: tuple[Summary, str], reference_page: Page
) -> None:
    summary, text = reference
    anchors = [m for m in reference_page.marks if m.anchor]
    assert len(anchors) == len(grounded(summary)) > 0
    shown = sorted(reference_page.highlighted().values())
    assert shown == sorted(text[f.span.start : f.span.end] for f in grounded(summary))


def test_the_article_is_shown_whole_and_unchanged(reference: tuple[Summary, str], reference_page: Page) -> None:
    assert reference_page.text == reference[1]


def test_every_highlight_says_its_group_status_and_fact(reference_page: Page) -> None:
    groups = {"g-actors", "g-place_time", "g-casualties", "g-responsibility"}
    for mark in reference_page.marks:
        assert len(groups & set(mark.classes)) == 1, mark
        assert {"s-exact", "s-fuzzy"} & set(mark.classes), mark
        assert mark.label.startswith("Incident "), mark


def test_one_card_per_incident_main_first(reference: tuple[Summary, str], reference_page: Page) -> None:
    summary, _ = reference
    assert len(reference_page.cards) == len(summary.incidents) > 0
    main = summary.main_incident
    assert main is not None and main.description in reference_page.cards[0]
    for incident in summary.incidents:
        [card] = [c for c in reference_page.cards if incident.description in c]
        assert incident.type.replace("_", " ") in card and incident.status.replace("_", " ") in card


def test_cards_show_casualties_with_qualifiers_and_who_said_what(
    reference: tuple[Summary, str], reference_page: Page
) -> None:
    summary, _ = reference
    words = {"exact": "", "about": "about ", "at_least": "at least ", "more_than": "more than ", "up_to": "up to "}
    for incident in summary.incidents:
        [card] = [c for c in reference_page.cards if incident.description in c]
        c = incident.casualties
        for count in (x for x in (c.killed, c.injured, c.perpetrators_killed, *c.other_reports) if x):
            assert f"{words[count.qualifier]}{count.number}" in card
        for r in incident.responsibility:
            assert r.party in card and r.stance in card
            if r.stated_by and r.stance in ("attributed", "suspected"):
                assert f"{r.stance} by {r.stated_by}" in card


def test_reference_acceptance_airliner_and_paris_cards_islamic_state_attributed_by_hollande(
    reference: tuple[Summary, str], reference_page: Page
) -> None:
    summary, _ = reference
    places = [(i.where.country_code if i.where else None) for i in summary.incidents]
    assert sorted(places) == ["EG", "FR"] and len(reference_page.cards) == 2
    egypt, france = (next(c for c in reference_page.cards if f"({code})" in c) for code in ("EG", "FR"))
    assert "airliner" in egypt and "Paris" in france
    assert re.search(r"Islamic [Ss]tate.*attributed by [^\n]*Hollande", france)


def test_unsupported_facts_are_listed_and_marked(invented: tuple[Summary, str]) -> None:
    summary, text = invented
    g = summary.provenance.grounding
    assert g is not None and g.unsupported == [f"incidents[0].targets[{len(summary.incidents[0].targets) - 1}]"]
    html = page(summary, ArticleView(text=text))
    listed = html[html.index('id="unsupported"') :]
    assert f"Not supported by the article ({len(g.unsupported)})" in listed
    assert html.count('<span class="badge bad">not supported</span>') == 2 * len(g.unsupported)  # card + list
    shown = Page.of(html)
    assert len([m for m in shown.marks if m.anchor]) == len(grounded(summary))


def test_fuzzy_matches_say_so(template: tuple[Summary, str]) -> None:
    """Quotes found by code from the model's values are mostly exact, so one found fact is marked fuzzy
    here, at its own offsets: the point is how the page shows the status."""
    summary, text = template
    data = summary.model_dump()
    spans = [x["span"] for x in _found_facts(data)]
    assert spans  # the recording has found facts
    spans[0]["status"], spans[0]["score"] = "fuzzy", 0.9
    marked = Summary.model_validate(data)
    fuzzy = [f for f in quoted_facts(marked) if f.span and f.span.status == "fuzzy"]
    shown = Page.of(page(marked, ArticleView(text=text)))
    assert fuzzy and sum("s-fuzzy" in m.classes for m in shown.marks if m.anchor) == len(fuzzy)


def _found_facts(node: Any) -> list[dict[str, Any]]:
    """Every dict of a dumped summary whose span was found, in order."""
    if isinstance(node, list):
        return [x for item in node for x in _found_facts(item)]
    if not isinstance(node, dict):
        return []
    own = [node] if isinstance(node.get("span"), dict) and node["span"]["status"] != "not_found" else []
    return own + [x for key, value in node.items() if key != "span" for x in _found_facts(value)]


def test_the_article_is_untrusted_markup_and_template_syntax_are_text(template: tuple[Summary, str]) -> None:
    summary, text = template
    article = text + HOSTILE_TAIL
    html = page(summary, ArticleView(title="<script>alert(1)</script>{{ 7*7 }}", text=article, source="</code>"))
    shown = Page.of(html)
    assert shown.text == article  # every character shown as written
    assert shown.scripts == 1  # ours
    assert not {"img", "b", "style"} & set(shown.tags[shown.tags.index("body") :])
    assert "{{ 7*7 }}" in html and "49" not in shown.text
    assert "<script>alert(1)</script>" not in html


def test_the_page_is_self_contained_and_its_csp_allows_only_its_own_inline_blocks(
    reference: tuple[Summary, str],
) -> None:
    summary, text = reference
    html = page(summary, ArticleView(text=text))
    assert not re.search(r"""(src|href)=["']?(https?:)?//|@import|url\(""", html)
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert found is not None
    csp = unescape(found.group(1))
    assert "default-src 'none'" in csp
    for tag, directive in (("script", "script-src"), ("style", "style-src")):
        [block] = re.findall(rf"<{tag}>(.*?)</{tag}>", html, re.DOTALL)
        digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp


def test_without_the_text_the_facts_are_shown_and_the_page_says_so(reference: tuple[Summary, str]) -> None:
    summary, _ = reference
    shown = Page.of(page(summary, ArticleView(note="The source file is gone.")))
    assert shown.marks == [] and shown.text is None
    assert len(shown.cards) == len(summary.incidents)
    html = page(summary, ArticleView())
    assert "The article text is not available" in html


def test_a_text_the_spans_do_not_fit_is_shown_without_highlights(reference: tuple[Summary, str]) -> None:
    summary, text = reference
    changed = "Updated: " + text
    html = page(summary, ArticleView(text=changed))
    shown = Page.of(html)
    assert shown.marks == [] and shown.text == changed
    assert "does not match this summary" in html


def test_an_error_page_says_why(reference: tuple[Summary, str]) -> None:
    html = page(None, ArticleView(text="Some text", error="model_unavailable: timed out"))
    assert "Not summarized: model_unavailable: timed out" in html and Page.of(html).text == "Some text"


# Cutting the text into nested pieces, on spans made up for the purpose.


def _fact(n: int, start: int, end: int) -> Fact:
    span = Span(start=start, end=end, status="exact", score=1.0)
    return Fact(n, 1, f"incidents[0].victims[{n}]", "victim", "actors", "x", "x", span, True)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_pieces_nest_and_each_fact_covers_exactly_its_span(data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet="ab <>&", min_size=1, max_size=30))
    bounds = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted)
    spans = [b for b in data.draw(st.lists(bounds, max_size=6)) if b[0] < b[1]]
    made = [_fact(n, a, b) for n, (a, b) in enumerate(spans, start=1)]
    open_: list[Fact] = []
    rebuilt, covered, anchors = "", {f.id: "" for f in made}, {f.id: 0 for f in made}
    for piece in pieces(text, made):
        if piece.kind == "open":
            assert piece.fact is not None and piece.fact not in open_
            anchors[piece.fact.id] += not piece.continued
            open_.append(piece.fact)
        elif piece.kind == "close":
            open_.pop()
        else:
            rebuilt += piece.text
            for f in open_:
                covered[f.id] += piece.text
    assert not open_ and rebuilt == text
    assert all(anchors[f.id] == 1 for f in made)
    assert all(covered[f.id] == text[f.span.start : f.span.end] for f in made if f.span)


def test_cards_run_main_first_and_fact_ids_follow_the_page(reference: tuple[Summary, str]) -> None:
    summary, _ = reference
    made = cards(summary)
    assert made[0].incident.main or not any(i.main for i in summary.incidents)
    ids = [f.id for c in made for f in c.facts]
    assert ids == list(range(1, len(ids) + 1))


# A corpus run's output, and the command line.


def test_review_of_a_corpus_run(
    tmp_path: Path, reference: tuple[Summary, str], invented: tuple[Summary, str], injection: tuple[Summary, str]
) -> None:
    template = invented  # with one fact the article does not support
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "lima.txt").write_text(template[1], encoding="utf-8")
    lines = [
        record("moscow/2015-11-17", reference[0], title="Putin and Hollande", text=reference[1]),
        record("lima", template[0], source="articles/lima.txt"),  # beside the JSONL file
        record("quetta", injection[0], source=str(tmp_path / "gone.txt")),
        record("empty.txt", error={"kind": "input", "message": "empty.txt is empty"}),
        "{not json",
        json.dumps({"id": "bad", "summary": {"summary": "x"}}),
    ]
    run = tmp_path / "out.jsonl"
    run.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "review"

    assert main(["review", str(run), "-o", str(out)]) == 0

    index = (out / "index.html").read_text(encoding="utf-8")
    shown = Page.of(index)
    pages = [link for link in shown.links if link.startswith("articles/")]
    assert len(pages) == len(lines) == len(set(pages)) == len(read_run(run))
    assert all((out / link).is_file() for link in pages)
    assert "input: empty.txt is empty" in index and "unreadable line 5" in index and "invalid summary" in index
    for summary, _ in (reference, template, injection):
        main_incident = summary.main_incident
        assert main_incident is not None and main_incident.description in index
    assert f'num bad">{len(template[0].provenance.grounding.unsupported)}<' in index  # type: ignore[union-attr]

    def article(n: int) -> Page:
        return Page.of((out / pages[n]).read_text(encoding="utf-8"))

    assert article(0).text == reference[1] and len([m for m in article(0).marks if m.anchor]) == len(
        grounded(reference[0])
    )
    assert article(1).text == template[1] and len([m for m in article(1).marks if m.anchor]) == len(
        grounded(template[0])
    )
    assert article(2).text is None and len(article(2).cards) == len(injection[0].incidents)
    assert "not a file found here" in (out / pages[2]).read_text(encoding="utf-8")
    assert all("../index.html" in article(n).links for n in range(len(pages)))


def test_review_refuses_a_missing_run_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [f"summarizer: error: no such file: {tmp_path}/nope.jsonl"]


def test_a_run_written_with_a_byte_order_mark_is_read(tmp_path: Path, reference: tuple[Summary, str]) -> None:
    run = tmp_path / "out.jsonl"
    run.write_text("\ufeff" + record("moscow", reference[0]) + "\n", encoding="utf-8")
    [read] = read_run(run)
    assert read.error is None and read.summary == reference[0]


def test_file_names_of_ids_are_safe_and_distinct(tmp_path: Path, reference: tuple[Summary, str]) -> None:
    ids = ["a/b", "a b", "A-B", "../../etc/passwd", "", "index"]
    run = tmp_path / "out.jsonl"
    run.write_text("\n".join(record(i, reference[0]) for i in ids), encoding="utf-8")
    written = write_run(run, tmp_path / "review")
    names = sorted(p.name for p in (tmp_path / "review" / "articles").iterdir())
    assert written.pages == len(ids) == len(names)
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+\.html", n) and not n.startswith(".") for n in names)


def test_cli_writes_the_review_page_of_an_article(
    endpoint: dict[str, str], recorded: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SUMMARIZER_BASE_URL", endpoint["base_url"])
    monkeypatch.setenv("SUMMARIZER_MODEL", endpoint["model"])
    monkeypatch.setenv("SUMMARIZER_API_KEY", endpoint["api_key"])
    monkeypatch.setenv("SUMMARIZER_REASK_UNSUPPORTED", "0")  # as on the embedded model, which it is
    out = tmp_path / "review.html"
    with recorded("reference_published.yaml"):
        code = main([str(FIXTURES / "reference.txt"), "--published", "2015-11-17", "--format", "html", "-o", str(out)])
    assert code == 0
    shown = Page.of(out.read_text(encoding="utf-8"))
    assert shown.text == (FIXTURES / "reference.txt").read_text(encoding="utf-8")
    assert shown.marks and "reference.txt" in out.read_text(encoding="utf-8")


def test_cli_json_goes_to_the_output_file_too(
    endpoint: dict[str, str], recorded: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SUMMARIZER_BASE_URL", endpoint["base_url"])
    monkeypatch.setenv("SUMMARIZER_MODEL", endpoint["model"])
    monkeypatch.setenv("SUMMARIZER_API_KEY", endpoint["api_key"])
    monkeypatch.setenv("SUMMARIZER_REASK_UNSUPPORTED", "0")
    out = tmp_path / "summary.json"
    args = [str(FIXTURES / "reference.txt"), "--published", "2015-11-17", "--format", "json", "-o", str(out)]
    with recorded("reference_published.yaml"):
        assert main(args) == 0
    assert Summary.model_validate(json.loads(out.read_text(encoding="utf-8"))).incidents
