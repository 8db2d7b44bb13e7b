"""An analyst in a real browser (Debian's Chromium through Playwright) against a real uvicorn:
search -> claim -> article -> review -> back, with no script error and nothing fetched from elsewhere.

Skips when /usr/bin/chromium is absent (`make browser` installs it), fails under CI=true.
Set KRONIKA_SCREENSHOTS=<dir> to keep the screenshots.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_report_browser import keep
from tests.test_web_figures import FIGURE, add_reconciliation
from tests.web_fixtures import HOSTILE, WRITE_TOKEN, build_ledger, live_server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    db = build_ledger(tmp_path_factory.mktemp("web_browser"))
    add_reconciliation(db)
    with live_server(db, ui="pl") as base:
        yield base


def open_page(browser, base: str):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.requests, page.errors, page.dialogs = [], [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    return page


def test_search_claim_figure_article_review_and_back(browser, server: str) -> None:
    page = open_page(browser, server)
    page.goto(server + "/")
    page.fill("input[name=q]", "ewakuowano")
    page.click("form.search button")
    page.wait_for_url("**/search?q=*")
    assert page.locator(".results mark").count() >= 2
    keep(page.screenshot(full_page=True), "web_search.png")

    page.click("ol.results li:has-text('3 tys.') >> a >> nth=0")  # the sentence hit: its claim
    page.wait_for_url("**/claims/*")
    claim_url = page.url
    assert page.locator("mark.claim-span").inner_text() == "3 tys."
    keep(page.screenshot(full_page=True), "web_claim.png")

    page.click("a.figure-link")  # the figure the claim is in: its chart and its other claims
    page.wait_for_url("**/figures/**")
    assert FIGURE in page.url.replace("%2F", "/").replace("%3A", ":")
    assert page.locator("svg.chart g.claim").count() == 2
    keep(page.screenshot(full_page=True), "web_figure.png")

    page.click("table.claims a[href^='/articles/powodz_nysa']")
    page.wait_for_url("**/articles/*")
    assert page.locator("article.text mark.claim").count() == 3
    mark = page.locator(f"article.text mark#claim-{claim_url.rsplit('/', 1)[1]}")
    mark.focus()  # the claim's fields show on hover and focus, without script
    assert "stan na" in (mark.get_attribute("data-fields") or "")  # as of, a date in Polish words
    keep(page.screenshot(full_page=True), "web_article.png")

    page.go_back()
    page.go_back()
    page.wait_for_url(claim_url)
    page.check("input[name=verdict][value=corrected]")
    page.click("details summary")
    page.fill("input[name=value]", "3500")
    page.fill("textarea[name=note]", "w komunikacie wojewody 3,5 tys.")
    page.fill("input[name=reviewer]", "ania")
    page.fill("input[name=token]", WRITE_TOKEN)
    page.click("form.review button[type=submit]")
    page.wait_for_url(claim_url)
    history = page.locator("ol.history li")
    assert history.count() == 1 and "ania" in history.first.inner_text()
    assert "poprawiona" in page.locator("h1 .verdict").inner_text()
    keep(page.screenshot(full_page=True), "web_reviewed.png")

    page.goto(server + "/claims")
    assert page.locator("td .verdict-corrected").count() == 1
    assert not page.errors, page.errors
    assert all(url.startswith(server) for url in page.requests), page.requests
    page.close()


def test_hostile_article_runs_nothing_in_the_browser(browser, server: str) -> None:
    page = open_page(browser, server)
    page.goto(f"{server}/articles/{HOSTILE['id']}")
    page.wait_for_load_state("networkidle")
    assert page.title() != "pwned" and "<script>" in page.locator("h1").inner_text()
    assert not page.dialogs
    assert page.locator("img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert all(url.startswith(server) for url in page.requests), page.requests
    keep(page.screenshot(full_page=True), "web_hostile.png")
    page.close()


def test_page_prints_with_its_text(browser, server: str, tmp_path: Path) -> None:
    page = open_page(browser, server)
    page.goto(f"{server}/articles/powodz_nysa")
    pdf = page.pdf()
    assert pdf[:5] == b"%PDF-" and len(pdf) > 5000
    page.close()
