"""The ledger: one SQLite file of articles, claims and rejections, plain tables that Datasette,
DuckDB or pandas open as they are."""
from kronika.ledger.store import Ledger, default_db_path

__all__ = ["Ledger", "default_db_path"]
