"""What keeps the workbench safe to open on hostile articles: strict response headers, links that can
only be http(s), hosts refused unless they are loopback, and the check of a write request's origin."""
from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response

# No script at all, styles and images only from the workbench itself (charts are inline SVG elements,
# not data: documents), forms only back to it, never framed.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none';"
    " base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # same-origin, not no-referrer: a same-origin form POST must keep its Origin for the CSRF check.
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


async def add_security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def safe_url(url: str | None) -> str | None:
    """The URL when it is http or https with a host; None for anything else (`javascript:`, `data:`)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def token_matches(expected: str | None, given: str | None) -> bool:
    if not expected or given is None:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


def same_origin(request: Request) -> bool:
    """A browser's write must come from a page of this server: its Origin (or, lacking one, its Referer)
    names this host. A request with neither is refused: every browser sends Origin on a POST."""
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if not claimed or claimed == "null":
        return False
    parts = urlsplit(claimed)
    return parts.netloc == request.headers.get("host") and parts.scheme in ("http", "https")
