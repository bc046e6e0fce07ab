"""The relgraph HTTP API (FastAPI): ``create_app(settings)`` builds it, ``relgraph serve`` runs it.

Routers are thin: they validate requests, call the store or an analysis, and shape the response. No
Cypher and no NetworkX here (DESIGN §3).
"""

from api.app import create_app
from api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
