"""Render a map to one HTML page that loads nothing from another server and runs nothing from the data.

* The page comes from relgraph's own Jinja2 template (``relgraph/templates/map.html.j2``, autoescaped), never
  from pyvis's (which fetch vis-network and Bootstrap from CDNs and set tooltips through ``innerHTML``).
* The map's data travels as JSON inside ``<script type="application/json">`` with ``<``, ``>``, ``&``,
  U+2028 and U+2029 escaped, so no name can close the element; the page script reads it with ``JSON.parse``
  and builds tooltips, legend and search results with ``textContent``.
* Scripts: served (``asset_base="/static"``) the page loads ``/static/vis-network.min.js`` and
  ``/static/relgraph-map.js`` from its own server; inlined (``asset_base=None``) both are inside the page,
  allowed by their SHA-256 hashes. No inline script runs otherwise: the policy never allows ``'unsafe-inline'``
  scripts or ``eval``. Styles may be inline (vis-network's standalone build injects its own ``<style>``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from relgraph.maps.build import NetworkMap

__all__ = [
    "STATIC_DIR",
    "TEMPLATE_DIR",
    "RenderedMap",
    "content_security_policy",
    "json_for_html",
    "render_html",
    "render_template",
    "render_with_map",
    "script_hash",
]

_PACKAGE = Path(__file__).resolve().parent.parent
#: Directory of the map's assets (vis-network, relgraph-map.js, relgraph-map.css); the API mounts it at /static.
STATIC_DIR = _PACKAGE / "static"
#: Directory of relgraph's Jinja2 templates.
TEMPLATE_DIR = _PACKAGE / "templates"
_SCRIPTS = ("vis-network.min.js", "relgraph-map.js")
_STYLE = "relgraph-map.css"
_ASSET_BASE = re.compile(r"/(?!/)[A-Za-z0-9._~/-]*")
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_COMMON = (
    "default-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
)


@dataclass(frozen=True)
class RenderedMap:
    """A rendered page and the Content-Security-Policy to send with it (``Content-Security-Policy`` header).

    ``html`` of an inlined page also carries the policy in ``<meta http-equiv>`` (less ``frame-ancestors``,
    which browsers ignore there).
    """

    html: str
    content_security_policy: str


def json_for_html(value: Any) -> str:
    """JSON that is safe inside an HTML ``<script>`` element: no ``<``, ``>``, ``&``, U+2028 or U+2029.

    Examples
    --------
    >>> json_for_html({"name": "</script><script>alert(2)</script>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(2)\\\\u003c/script\\\\u003e"}'
    """
    # Compact separators: a 5,000-node map carries ~50,000 objects, and the spaces were a tenth of the page.
    # ASCII only: one character beyond Latin-1 (a dash in a label) makes the browser hold the whole text as
    # two-byte characters, and parsing it took 0.2 s longer on a 5,000-node map.
    text = json.dumps(value, ensure_ascii=True, allow_nan=False, default=str, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def script_hash(source: str) -> str:
    """The CSP source expression allowing an inline script with exactly this text.

    Examples
    --------
    >>> script_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@cache
def _asset(name: str) -> str:
    text = (STATIC_DIR / name).read_text(encoding="utf-8")
    if re.search(r"</script|</style|<!--|<script", text, re.IGNORECASE):
        raise RuntimeError(f"{name} cannot be inlined in a <script> element")  # pragma: no cover
    return text


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def content_security_policy(scripts: list[str] | None, *, meta: bool = False) -> str:
    """The page's policy: scripts from its own server (``scripts=None``) or exactly these inline ones."""
    if scripts is None:
        script_src, style_src, img_src = "'self'", "'self' 'unsafe-inline'", "'self' data:"
    else:
        script_src = " ".join(script_hash(s) for s in scripts)
        style_src, img_src = "'unsafe-inline'", "data:"
    directives = [
        *_COMMON,
        f"script-src {script_src}",
        f"style-src {style_src}",
        f"img-src {img_src}",
    ]
    if not meta:
        directives.append("frame-ancestors 'none'")
    return "; ".join(directives)


def render_html(network_map: NetworkMap, *, asset_base: str | None) -> RenderedMap:
    """The map as one HTML page and its Content-Security-Policy.

    Parameters
    ----------
    network_map
        The map (:func:`relgraph.maps.build_map` and friends).
    asset_base
        Where the page's server serves :data:`STATIC_DIR` (an absolute path on the same server, e.g.
        ``"/static"``); ``None`` inlines every asset, for a file that works opened from disk with no network.
    """
    return render_with_map("map.html.j2", network_map, asset_base=asset_base)


def render_with_map(
    template: str, network_map: NetworkMap, *, asset_base: str | None, **context: Any
) -> RenderedMap:
    """Render one of relgraph's templates that embeds ``network_map`` (``_map_panel.html.j2``), with the same
    asset handling and policy as :func:`render_html`; ``context`` goes to the template as it is (autoescaped)."""
    if asset_base is not None and not _ASSET_BASE.fullmatch(asset_base):
        raise ValueError(
            f"asset_base must be an absolute path on the same server, not {asset_base!r}"
        )
    base = asset_base.rstrip("/") if asset_base is not None else None
    scripts = None if base is not None else [_asset(name) for name in _SCRIPTS]
    policy = content_security_policy(scripts)
    html = (
        _environment()
        .get_template(template)
        .render(
            title=network_map.title,
            summary=network_map.summary,
            note=network_map.note,
            data_json=json_for_html(network_map.payload()),
            asset_base=base,
            scripts=scripts or [],
            script_names=_SCRIPTS,
            style=_asset(_STYLE) if base is None else None,
            style_name=_STYLE,
            csp_meta=content_security_policy(scripts, meta=True) if scripts else None,
            **context,
        )
    )
    return RenderedMap(html=html, content_security_policy=policy)


def render_template(template: str, **context: Any) -> str:
    """Render one of relgraph's templates (autoescaped) that has no map."""
    return _environment().get_template(template).render(**context)
