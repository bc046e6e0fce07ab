/*
 * relgraph map page: draws the map in #relgraph-map-data with vis-network, and its tooltips, details,
 * legend and search. Every string that came from data reaches the page through textContent (or
 * vis-network's canvas labels): no data is ever parsed as HTML, and tooltips are DOM elements.
 * When the layout has settled, physics stops and <body data-stabilized="true"> is set.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("relgraph-map-data").textContent);
  var started = performance.now();
  var SWATCH = 18;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function infoBox(info, className) {
    var box = el("div", className);
    box.appendChild(el("div", "rg-info-heading", info.heading));
    if (info.subheading) {
      box.appendChild(el("div", "rg-info-sub", info.subheading));
    }
    if (info.rows && info.rows.length) {
      var rows = el("dl", "rg-info-rows");
      info.rows.forEach(function (row) {
        rows.appendChild(el("dt", null, row[0]));
        rows.appendChild(el("dd", null, row[1]));
      });
      box.appendChild(rows);
    }
    if (info.flags && info.flags.length) {
      var flags = el("ul", "rg-info-flags");
      info.flags.forEach(function (flag) {
        flags.appendChild(el("li", null, flag));
      });
      box.appendChild(flags);
    }
    return box;
  }

  var byId = {};
  data.nodes.forEach(function (n) {
    byId[n.id] = n;
  });

  /* A tie's facts come without a heading: it is its two ends' names, person first. */
  function edgeInfo(edge) {
    var a = byId[edge.from];
    var b = byId[edge.to];
    if (a.kind === "organization" && b.kind === "person") {
      var swap = a;
      a = b;
      b = swap;
    }
    return Object.assign({ heading: a.info.heading + " – " + b.info.heading }, edge.info);
  }

  /* Legend swatches are drawn on small canvases: no markup, no external images. */
  function canvas() {
    var ratio = window.devicePixelRatio || 1;
    var c = document.createElement("canvas");
    c.width = SWATCH * ratio;
    c.height = SWATCH * ratio;
    c.style.width = SWATCH + "px";
    c.style.height = SWATCH + "px";
    c.className = "rg-swatch";
    var ctx = c.getContext("2d");
    ctx.scale(ratio, ratio);
    return { canvas: c, ctx: ctx };
  }

  function shapePath(ctx, shape) {
    var m = SWATCH / 2;
    var r = SWATCH / 2 - 2;
    ctx.beginPath();
    if (shape === "square") {
      ctx.rect(m - r * 0.85, m - r * 0.85, r * 1.7, r * 1.7);
    } else if (shape === "diamond") {
      ctx.moveTo(m, m - r);
      ctx.lineTo(m + r, m);
      ctx.lineTo(m, m + r);
      ctx.lineTo(m - r, m);
      ctx.closePath();
    } else if (shape === "triangle") {
      ctx.moveTo(m, m - r);
      ctx.lineTo(m + r, m + r * 0.8);
      ctx.lineTo(m - r, m + r * 0.8);
      ctx.closePath();
    } else if (shape === "hexagon") {
      for (var i = 0; i < 6; i += 1) {
        var a = (Math.PI / 3) * i;
        ctx.lineTo(m + r * Math.cos(a), m + r * Math.sin(a));
      }
      ctx.closePath();
    } else {
      ctx.arc(m, m, r, 0, 2 * Math.PI);
    }
  }

  function shapeSwatch(shape, color) {
    var s = canvas();
    shapePath(s.ctx, shape);
    s.ctx.fillStyle = color;
    s.ctx.fill();
    s.ctx.lineWidth = 1;
    s.ctx.strokeStyle = "#495057";
    s.ctx.stroke();
    return s.canvas;
  }

  function lineSwatch(color, dashes) {
    var s = canvas();
    s.ctx.strokeStyle = color;
    s.ctx.lineWidth = 3;
    s.ctx.setLineDash(Array.isArray(dashes) ? dashes.map(function (d) { return d / 2; }) : []);
    s.ctx.beginPath();
    s.ctx.moveTo(1, SWATCH / 2);
    s.ctx.lineTo(SWATCH - 1, SWATCH / 2);
    s.ctx.stroke();
    return s.canvas;
  }

  function legendSection(root, title, entries) {
    if (!entries.length) {
      return;
    }
    root.appendChild(el("h3", null, title));
    var list = el("ul", "rg-legend-list");
    entries.forEach(function (entry) {
      var item = el("li");
      item.appendChild(entry[0]);
      item.appendChild(el("span", null, entry[1]));
      list.appendChild(item);
    });
    root.appendChild(list);
  }

  function buildLegend(legend) {
    var root = document.getElementById("rg-legend");
    root.appendChild(el("h2", null, "Legend"));
    legendSection(root, legend.colors_title, legend.colors.map(function (c) {
      return [shapeSwatch("dot", c.color), c.label];
    }));
    legendSection(root, "Shape", legend.shapes.map(function (s) {
      return [shapeSwatch(s.shape, "#e9ecef"), s.label];
    }));
    legendSection(root, "Ties", legend.edges.map(function (e) {
      return [lineSwatch(e.color, e.dashes), e.label];
    }));
    var notes = el("ul", "rg-legend-notes");
    legend.notes.forEach(function (note) {
      notes.appendChild(el("li", null, note));
    });
    root.appendChild(notes);
  }

  var nodes = new vis.DataSet(data.nodes);
  // Ties come without ids: numbering them here spares vis.DataSet a random UUID per tie (a tenth of a big
  // map's set-up time) and the page forty bytes a tie.
  data.edges.forEach(function (edge, index) {
    edge.id = index;
  });
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("rg-map");
  var built = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var drawn = performance.now();
  var progress = document.getElementById("rg-progress");
  var details = document.getElementById("rg-details");
  var settledAlready = false;

  function settled() {
    if (settledAlready) {
      return;
    }
    settledAlready = true;
    network.setOptions({ physics: false });
    progress.hidden = true;
    document.body.dataset.dataMs = String(Math.round(built - started));
    document.body.dataset.networkMs = String(Math.round(drawn - built));
    document.body.dataset.layoutMs = String(Math.round(performance.now() - started));
    document.body.dataset.stabilizedMs = String(Math.round(performance.now()));
    document.body.dataset.stabilized = "true";
  }

  network.on("stabilizationProgress", function (p) {
    progress.textContent = "Laying out the map… " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", settled);
  network.once("stabilized", settled);
  network.once("afterDrawing", function () {
    document.body.dataset.firstDrawMs = String(Math.round(performance.now()));
    if (data.options.physics && data.options.physics.enabled === false) {
      settled(); // positions came from the server: nothing to lay out
    }
  });
  if (nodes.length === 0) {
    progress.textContent = "Nothing matches these filters.";
    settled();
    progress.hidden = false;
  }

  function showDetails(info) {
    clear(details);
    if (!info) {
      details.hidden = true;
      return;
    }
    details.appendChild(infoBox(info, "rg-info"));
    details.hidden = false;
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      showDetails(nodes.get(params.nodes[0]).info);
    } else if (params.edges.length) {
      showDetails(edgeInfo(edges.get(params.edges[0])));
    } else {
      showDetails(null);
    }
  });

  /* Tooltips: relgraph's own element, built on first hover (big maps have tens of thousands of ties). */
  var tooltip = el("div", "rg-tooltip");
  tooltip.setAttribute("role", "tooltip");
  tooltip.hidden = true;
  container.parentNode.appendChild(tooltip);
  var tipTimer = null;
  var tipCache = {};

  function tooltipContent(key, make) {
    if (!tipCache[key]) {
      tipCache[key] = infoBox(make(), "rg-tip");
    }
    return tipCache[key];
  }

  function placeTooltip(pointer) {
    var gap = 14;
    var x = container.offsetLeft + pointer.x + gap;
    var y = container.offsetTop + pointer.y + gap;
    if (x + tooltip.offsetWidth > container.offsetLeft + container.clientWidth) {
      x = Math.max(0, container.offsetLeft + pointer.x - gap - tooltip.offsetWidth);
    }
    if (y + tooltip.offsetHeight > container.offsetTop + container.clientHeight) {
      y = Math.max(0, container.offsetTop + pointer.y - gap - tooltip.offsetHeight);
    }
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }

  function showTooltip(key, make, pointer) {
    clearTimeout(tipTimer);
    tipTimer = setTimeout(function () {
      clear(tooltip);
      tooltip.appendChild(tooltipContent(key, make));
      tooltip.hidden = false;
      placeTooltip(pointer);
    }, 150);
  }

  function hideTooltip() {
    clearTimeout(tipTimer);
    tooltip.hidden = true;
  }

  network.on("hoverNode", function (params) {
    showTooltip("n" + params.node, function () { return nodes.get(params.node).info; },
      params.pointer.DOM);
  });
  network.on("hoverEdge", function (params) {
    showTooltip("e" + params.edge, function () { return edgeInfo(edges.get(params.edge)); },
      params.pointer.DOM);
  });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (name) {
    network.on(name, hideTooltip);
  });
  container.addEventListener("mouseleave", hideTooltip);

  function reveal(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.3, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showDetails(nodes.get(id).info);
  }

  function buildSearch() {
    var input = document.getElementById("rg-search-input");
    var status = document.getElementById("rg-search-status");
    var results = document.getElementById("rg-search-results");
    var index = data.nodes.map(function (n) {
      return { id: n.id, name: n.info.heading, sub: n.info.subheading, key: n.info.heading.toLowerCase() };
    });
    var hits = [];
    input.addEventListener("input", function () {
      var query = input.value.trim().toLowerCase();
      clear(results);
      hits = query ? index.filter(function (n) { return n.key.indexOf(query) >= 0; }) : [];
      status.textContent = query ? hits.length + (hits.length === 1 ? " match" : " matches") : "";
      network.selectNodes(hits.map(function (n) { return n.id; }));
      hits.slice(0, 30).forEach(function (n) {
        var item = el("li");
        var button = el("button", "rg-result", n.name);
        button.type = "button";
        if (n.sub) {
          button.appendChild(el("span", "rg-muted", " · " + n.sub));
        }
        button.addEventListener("click", function () { reveal(n.id); });
        item.appendChild(button);
        results.appendChild(item);
      });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && hits.length) {
        reveal(hits[0].id);
      }
    });
  }

  buildLegend(data.legend);
  buildSearch();
  window.relgraphMap = { nodes: nodes.length, edges: edges.length, network: network };
})();
