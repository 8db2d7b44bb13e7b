"""kronika: a source-attributed ledger of figures reported in news articles."""
from kronika.claim import Claim

__all__ = ["Claim"]
__version__ = "0.1.0"
