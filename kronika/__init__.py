"""kronika: a source-attributed ledger of figures reported in news articles.

    >>> import kronika
    >>> claims = kronika.extract("Do obwodu trafiło ok. 11 tys. żołnierzy.", published="2025-01-10")
"""
from kronika.claim import Claim
from kronika.ledger import Ledger
from kronika.pipeline import extract

__all__ = ["Claim", "Ledger", "extract"]
__version__ = "0.1.0"
