"""A loopback HTTP server for the feed and WARC tests: fixed paths, ETag answers, counted requests."""
from __future__ import annotations

import html
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Site:
    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, bytes]] = {}  # path -> (content type, body)
        self.requests: Counter[str] = Counter()
        self.failing: set[str] = set()
        self.base = ""

    def add(self, path: str, content_type: str, body: bytes) -> str:
        self.pages[path] = (content_type, body)
        return self.base + path


def page(title: str, text: str, published: str) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    return (f'<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta property="article:published_time" content="{published}"></head><body><nav>Strona główna</nav>'
            f"<article><h1>{html.escape(title)}</h1>{paragraphs}</article><footer>Kontakt</footer></body></html>"
            ).encode()


def rss(items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (guid, link, title) items."""
    entries = "".join(f"<item><guid>{guid}</guid><link>{link}</link><title>{html.escape(title)}</title>"
                      "<pubDate>Wed, 01 May 2024 08:00:00 GMT</pubDate></item>" for guid, link, title in items)
    channel = f"<channel><title>Wiadomości</title>{entries}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


@contextmanager
def serving() -> Iterator[Site]:
    site = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802  (http.server's name)
            site.requests[self.path] += 1
            if self.path in site.failing or self.path not in site.pages:
                self.send_error(503 if self.path in site.failing else 404)
                return
            content_type, body = site.pages[self.path]
            etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
