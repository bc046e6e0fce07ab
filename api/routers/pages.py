"""``/``: a landing page linking the maps and the API documentation."""

from __future__ import annotations

from html import escape

from api.deps import State
from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from relgraph import __version__

router = APIRouter(include_in_schema=False)

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>relgraph</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;color:#1f2933}}
a{{color:#0b5cad}} code{{background:#eef2f6;padding:0 .25rem}} .note{{color:#7b341e}}</style></head>
<body><h1>relgraph {version}</h1>
<p>Stakeholder network on <code>{store}</code>.</p>
<h2>Maps</h2><ul>
<li><a href="/maps/network">The whole network</a> (filters: <code>?focus=ID&amp;depth=2</code>,
<code>?organization=ID</code>, <code>?community=N</code>, <code>?min_strength=0.5</code>, <code>?color_by=stance</code>)</li>
<li><code>/maps/organization/ID</code> and <code>/maps/person/ID</code>: one organisation or person and their ties</li>
</ul>
<h2>API</h2><ul><li><a href="/docs">Interactive API documentation</a> (OpenAPI: <a href="/openapi.json">/openapi.json</a>)</li>
<li><a href="/api/ready">Readiness</a></li></ul>
{auth}
</body></html>
"""


@router.get("/", response_class=HTMLResponse)
def landing(state: State) -> HTMLResponse:
    if state.settings.auth_disabled:
        auth = '<p class="note">API keys are switched off: anyone who can reach this server can read and change the network.</p>'
    else:
        auth = "<p>Every <code>/api</code> and <code>/maps</code> request needs an API key in the <code>X-API-Key</code> header.</p>"
    html = _PAGE.format(version=escape(__version__), store=escape(state.stores.url), auth=auth)
    return HTMLResponse(html, headers={"Content-Security-Policy": _CSP})
