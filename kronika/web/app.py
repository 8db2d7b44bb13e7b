"""The workbench as a FastAPI application: every page at `P` (HTML, Jinja2, no script) has its data at
`P.json` with the same parameters; `/openapi.json` documents the JSON twins. Reads need no token;
recording a review needs the write token the server was started with."""
import functools
import os
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as PathParameter
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, Field

from kronika.claim import MEASURES, MODALITIES, QUALIFIERS
from kronika.web.charts import figure_chart
from kronika.web.database import Database
from kronika.web.i18n import Messages
from kronika.web.queries import Ledger, Reconciled
from kronika.web.reviews import CORRECTABLE, VERDICTS, ReviewError, add_review
from kronika.web.search import search
from kronika.web.security import SecurityHeaders, safe_url, same_origin, token_matches
from kronika.web.views import facet_links, figure_views, number, segment, snippet_markup

MAX_FORM_BYTES = 64 * 1024
Page = Query(1, ge=1, le=1_000_000, description="Page number, from 1.")
PerPage = Query(50, ge=1, le=200, description="Rows per page.")
# Claim ids are SQLite integers: a larger number is no claim, refused before it reaches SQLite (a 500).
ClaimId = PathParameter(ge=0, le=2**63 - 1, description="A claim's id.")
# A search page is found by walking the matches from the newest: deep pages cost their depth, so they end.
SearchPage = Query(1, ge=1, le=500, description="Page number, from 1 (at most 500).")


class ReviewIn(BaseModel):
    """A review sent to `POST /claims/{id}/review.json` (token in the X-Kronika-Token header)."""

    verdict: str = Field(description=f"One of {', '.join(VERDICTS)}.")
    note: str | None = Field(None, max_length=4000)
    reviewer: str | None = Field(None, max_length=200)
    corrections: dict[str, str | float | int | None] = Field(
        default_factory=dict, description=f"For 'corrected': new values of {', '.join(CORRECTABLE)}.")


def _templates(messages: Messages) -> Environment:
    # auto_reload off: templates ship with the package, so no stat() of each one per page.
    environment = Environment(loader=PackageLoader("kronika.web", "templates"), auto_reload=False,
                              autoescape=select_autoescape(default=True, default_for_string=True))
    environment.globals.update(t=messages, measures=MEASURES, qualifiers=QUALIFIERS, modalities=MODALITIES,
                               verdicts=VERDICTS)
    environment.filters.update(
        segment=lambda value: segment(str(value)), safe_url=safe_url, number=number,
        figure_views=lambda figures: figure_views(figures, messages), snippet=snippet_markup,
        facet_links=lambda values, path, request, name: facet_links(path, request.query_params, name, values,
                                                                    messages))
    return environment


def _query_string(request: Request, **changes: Any) -> str:
    """This request's query with some parameters changed (None drops one): for facet and page links."""
    params = {key: value for key, value in request.query_params.items()}
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "?" + urlencode(params) if params else ""


def create_app(db_path: str | Path, write_token: str | None = None, ui: str = "en") -> FastAPI:
    """The workbench over the ledger at `db_path`, its interface in `ui` (pl or en). Without a
    `write_token` it is read-only."""
    database = Database(db_path)
    ledger = Ledger(database.read)
    reconciled = Reconciled(ledger)
    # Facet counts group whole tables (a second on a million claims): counted before the first request,
    # then cached until the ledger changes.
    ledger.facets()
    if reconciled.present:
        reconciled.facets()
    messages = Messages(ui)
    templates = _templates(messages)
    app = FastAPI(title="kronika workbench", version="1", docs_url=None, redoc_url=None,
                  description="Every page at P has its data at P.json, with the same parameters.")
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(resources.files("kronika.web").joinpath("static"))),
              name="static")

    def page(path: str, template: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register `handler` at `path.json` (documented) and at `path` (HTML from `template`)."""
        def register(handler: Callable[..., Any]) -> Callable[..., Any]:
            @functools.wraps(handler)
            def as_json(*args: Any, **kwargs: Any) -> Any:
                data = handler(*args, **kwargs)
                if data is None:
                    raise HTTPException(404, "not found")
                data.pop("chart", None)  # markup for the page; the twin has the claims it is drawn from
                return JSONResponse(data)

            @functools.wraps(handler)
            def as_html(*args: Any, **kwargs: Any) -> Any:
                request: Request = kwargs["request"]
                data = handler(*args, **kwargs)
                if data is None:
                    return _html(request, "not_found.html", {}, status=404)
                return _html(request, "claims.html" if data.get("note") else template, data)

            json_path = "/index.json" if path == "/" else f"{path}.json"
            app.add_api_route(json_path, as_json, methods=["GET"], name=f"{handler.__name__}_json",
                              summary=(handler.__doc__ or "").strip().splitlines()[0] if handler.__doc__ else None)
            app.add_api_route(path, as_html, methods=["GET"], include_in_schema=False, response_class=HTMLResponse,
                              name=handler.__name__)
            return handler
        return register

    def _html(request: Request, template: str, data: dict[str, Any], status: int = 200) -> HTMLResponse:
        json_link = request.url.path.rstrip("/") + ".json" if request.url.path != "/" else "/index.json"
        body = templates.get_template(template).render(
            data=data, request=request, json_link=json_link + (f"?{request.url.query}" if request.url.query else ""),
            query=functools.partial(_query_string, request), writable=write_token is not None)
        return HTMLResponse(body, status_code=status)

    @page("/", "figures.html")
    def index(request: Request, page: int = Page, per_page: int = PerPage) -> dict[str, Any]:
        """The start page: the figures, contested first (the claims while the ledger has no figures)."""
        if reconciled.present:
            return reconciled.figures({}, page, per_page)
        data = ledger.claims({}, page, per_page)
        data["note"] = "not_reconciled"
        return data

    @page("/figures", "figures.html")
    def figures(request: Request, measure: str | None = None, actor: str | None = None, place: str | None = None,
                story: str | None = None, source: str | None = None,
                contested: bool | None = Query(None, description="Only figures with (true) or without conflicts."),
                page: int = Page, per_page: int = PerPage) -> dict[str, Any]:
        """Figures (tracked quantities) by facets: measure, actor, place, story, source, contested."""
        filters = {"measure": measure, "actor": actor, "place": place, "story": story, "source": source,
                   "contested": contested}
        return reconciled.figures(filters, page, per_page)

    @page("/figures/{figure_id:path}", "figure.html")
    def figure(request: Request, figure_id: str) -> dict[str, Any] | None:
        """One figure: its chart over time, summary and rule, claims with their evidence, conflicts."""
        data = reconciled.figure(figure_id)
        if data is not None:
            data["chart"], data["colours"] = figure_chart(data, messages)
        return data

    @page("/stories", "stories.html")
    def stories(request: Request, page: int = Page, per_page: int = PerPage) -> dict[str, Any]:
        """Stories: articles grouped by one event or situation, newest first."""
        return reconciled.stories(page, per_page)

    @page("/stories/{story_id:path}", "story.html")
    def story(request: Request, story_id: str) -> dict[str, Any] | None:
        """One story: its figures and its articles."""
        return reconciled.story(story_id)

    @page("/conflicts", "conflicts.html")
    def conflicts(request: Request, page: int = Page, per_page: int = PerPage) -> dict[str, Any]:
        """Pairs of claims in one figure that cannot both hold, with the reason."""
        return reconciled.conflicts(page, per_page)

    @page("/claims", "claims.html")
    def claims(request: Request, measure: str | None = None, qualifier: str | None = None,
               modality: str | None = None, actor: str | None = None, place: str | None = None,
               source: str | None = None, article: str | None = None, page: int = Page,
               per_page: int = PerPage) -> dict[str, Any]:
        """Claims, filtered by facets (names in Polish or English, inflected too), paged."""
        filters = {"measure": measure, "qualifier": qualifier, "modality": modality, "actor": actor,
                   "place": place, "source": source, "article": article}
        return ledger.claims(filters, page, per_page)

    @page("/claims/{claim_id}", "claim.html")
    def claim(request: Request, claim_id: int = ClaimId) -> dict[str, Any] | None:
        """One claim: its sentence with its own span marked, its article, its reviews."""
        return ledger.claim(claim_id)

    @page("/articles", "articles.html")
    def articles(request: Request, outlet: str | None = None, page: int = Page,
                 per_page: int = PerPage) -> dict[str, Any]:
        """Articles in the ledger, paged."""
        return ledger.articles(outlet, page, per_page)

    @page("/articles/{article_id:path}", "article.html")
    def article(request: Request, article_id: str) -> dict[str, Any] | None:
        """One article exactly as stored, with every claim at its span."""
        return ledger.article(article_id)

    @page("/search", "search.html")
    def search_page(request: Request, q: str = Query("", max_length=500, description="Words to find."),
                    page: int = SearchPage, per_page: int = Query(20, ge=1, le=100)) -> dict[str, Any]:
        """Full-text search over articles, sentences and sources; Polish inflected forms found."""
        data = search(database.read(), q, per_page, (page - 1) * per_page)
        data.update(page=page, per_page=per_page, has_previous=page > 1, has_next=data.get("more", False))
        return data

    @page("/rejections", "rejections.html")
    def rejections(request: Request, all: bool = Query(False, description="Include resolved ones."),
                   page: int = Page, per_page: int = PerPage) -> dict[str, Any]:
        """Inputs that were refused, with their reasons."""
        return ledger.rejections(all, page, per_page)

    @page("/sources", "sources.html")
    def sources(request: Request, page: int = Page, per_page: int = PerPage) -> dict[str, Any]:
        """Canonical sources, most claims first."""
        return ledger.sources(page, per_page)

    @page("/sources/{source_id:path}", "source.html")
    def source(request: Request, source_id: str, page: int = Page,
               per_page: int = Query(100, ge=1, le=200)) -> dict[str, Any] | None:
        """One source: how it was written, the figures it gave numbers for, its claims over time."""
        data = ledger.source(source_id, page, per_page)
        if data is not None and reconciled.present:
            data["figures"] = reconciled.figures({"source": source_id}, 1, 100)["figures"]
        return data

    def _review(claim_id: int, verdict: str, reviewer: str | None, note: str | None,
                corrections: dict[str, Any]) -> dict[str, Any]:
        try:
            with database.writer() as connection:
                return add_review(connection, claim_id, verdict, reviewer or "", note, corrections)
        except ReviewError as error:
            status = 404 if str(error).startswith("no claim") else 422
            raise HTTPException(status, str(error)) from None

    def _require_writable() -> None:
        if write_token is None:
            raise HTTPException(403, "this workbench is read-only: start it with --write-token")

    @app.post("/claims/{claim_id}/review.json", status_code=201, summary="Record a review of a claim.")
    def review_json(request: Request, review: ReviewIn, claim_id: int = ClaimId,
                    x_kronika_token: str | None = Header(None)) -> dict[str, Any]:
        """Append a review (confirmed, rejected, corrected); the token goes in the X-Kronika-Token header."""
        _require_writable()
        if not token_matches(write_token, x_kronika_token):
            raise HTTPException(403, "wrong or missing X-Kronika-Token")
        if request.headers.get("origin") and not same_origin(request):
            raise HTTPException(403, "cross-origin writes are refused")
        return _review(claim_id, review.verdict, review.reviewer, review.note, review.corrections)

    @app.post("/claims/{claim_id}/review", include_in_schema=False)
    async def review_form(request: Request, claim_id: int = ClaimId) -> Response:
        """The claim page's form: the token typed in the form, and the request from this server's page."""
        _require_writable()
        if not same_origin(request):
            raise HTTPException(403, "cross-origin writes are refused")
        body = await request.body()
        if len(body) > MAX_FORM_BYTES:
            raise HTTPException(413, "form too large")
        form = {key: values[-1] for key, values in parse_qs(body.decode("utf-8", "replace")).items()}
        if not token_matches(write_token, form.get("token")):
            raise HTTPException(403, "wrong write token")
        corrections = {key: form[key] for key in CORRECTABLE if form.get(key)}
        verdict = form.get("verdict", "")
        if verdict == "confirmed" and corrections:
            verdict = "corrected"
        from starlette.concurrency import run_in_threadpool

        await run_in_threadpool(_review, claim_id, verdict, form.get("reviewer"), form.get("note"), corrections)
        return RedirectResponse(f"/claims/{claim_id}", status_code=303)

    @app.exception_handler(404)
    async def not_found(request: Request, error: Exception) -> Response:
        detail = getattr(error, "detail", "not found")
        if request.url.path.endswith(".json") or request.method != "GET":
            return JSONResponse({"detail": detail}, status_code=404)
        return _html(request, "not_found.html", {"detail": detail}, status=404)

    return app


def app_from_environment() -> FastAPI:
    """The application for uvicorn's worker processes (`kronika serve --workers N`), from the settings
    `serve` put in their environment."""
    return create_app(os.environ["KRONIKA_DB"], os.environ.get("KRONIKA_WRITE_TOKEN") or None,
                      os.environ.get("KRONIKA_UI", "pl"))
