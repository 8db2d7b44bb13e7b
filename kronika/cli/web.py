"""`kronika serve`: the analyst's workbench over a ledger, on loopback and read-only by default."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import click

from kronika.cli.app import _open_ledger, db_option, err, main
from kronika.ledger import default_db_path
from kronika.web import UI_LANGUAGES


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback only "
              "unless --public).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--write-token", envvar="KRONIKA_WRITE_TOKEN", default=None,
              help="Allow reviews to be recorded by whoever gives this token (default: read-only).")
@click.option("--ui", type=click.Choice(UI_LANGUAGES), default="pl", show_default=True, help="Interface language.")
@click.option("--public", is_flag=True, help="Allow a non-loopback --host (the workbench has no accounts).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes (more serve more analysts at once; each reads the ledger itself).")
def serve(db: Path | None, host: str, port: int, write_token: str | None, ui: str, public: bool,
          workers: int) -> None:
    """Serve the workbench: claims, articles, sources, search and review; every page P has P.json.

    Example: kronika serve --db kronika.db --ui en --write-token "$(openssl rand -hex 16)"
    """
    from kronika.web.security import is_loopback

    if not public and not is_loopback(host):
        raise click.UsageError(f"--host {host} is not a loopback address: add --public to serve it to the network")
    if write_token is not None and len(write_token) < 8:
        raise click.UsageError("--write-token must be at least 8 characters")
    _open_ledger(db).close()  # a missing ledger is refused like every read command
    import uvicorn

    from kronika.web.app import create_app

    path = (db or default_db_path()).resolve()
    app = create_app(path, write_token=write_token, ui=ui)  # also checks the ledger before anything listens
    mode = "reviews need the write token" if write_token else "read-only"
    err.print(f"workbench: http://{host}:{port}/  ({mode}; Ctrl+C stops it)")
    http, loop = _fast_server()
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", http=http, loop=loop)
        return
    os.environ.update(KRONIKA_DB=str(path), KRONIKA_UI=ui, KRONIKA_WRITE_TOKEN=write_token or "")
    uvicorn.run("kronika.web.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level="warning", http=http, loop=loop)


def _fast_server() -> tuple[Literal["httptools", "auto"], Literal["uvloop", "auto"]]:
    """uvicorn's C HTTP parser (httptools) and event loop (uvloop), both declared dependencies: a
    request costs a quarter less server time than with h11 and asyncio. Where a platform has no wheel
    for one, uvicorn picks its pure-Python default instead."""
    http: Literal["httptools", "auto"] = "auto"
    loop: Literal["uvloop", "auto"] = "auto"
    try:
        import httptools  # noqa: F401

        http = "httptools"
    except ImportError:
        pass
    try:
        import uvloop  # noqa: F401

        loop = "uvloop"
    except ImportError:
        pass
    return http, loop
