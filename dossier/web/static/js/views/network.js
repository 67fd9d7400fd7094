// #/network?filters : actors (states and organisations, by code or name) as
// nodes, each event an arrow source → target coloured by its type, laid out
// by d3-force. A node opens the list filtered by that actor; an arrow opens
// its event.

import { fetchAllEvents } from "../api.js";
import { h, s } from "../dom.js";
import { actorHref, filterForm, pickFilters } from "../filters.js";
import { actorLabel, itemsLabel, relationText, typeColour } from "../format.js";
import { coverageNote, typeLegend } from "../legend.js";
import { eventHref } from "./event.js";

const WIDTH = 900;
const HEIGHT = 600;

function graph(records) {
  const nodes = new Map();
  const edges = [];
  // states and organisations: actors with a code or a resolved name (not
  // bare phrases such as "officials" or "five people")
  const node = (actor) => {
    const key = actor.code || actor.name;
    if (!key) return null;
    if (!nodes.has(key)) nodes.set(key, { id: key, label: actor.code || actor.name || key, name: actorLabel(actor), events: new Set() });
    return nodes.get(key);
  };
  for (const record of records) {
    const sources = (record.source || []).map(node).filter(Boolean);
    const targets = (record.target || []).map(node).filter(Boolean);
    for (const n of [...sources, ...targets]) n.events.add(record.id);
    for (const a of sources) {
      for (const b of targets) {
        if (a !== b) edges.push({ source: a.id, target: b.id, record });
      }
    }
  }
  return { nodes: [...nodes.values()], edges };
}

/** Curve offsets so parallel edges between two actors (either direction) do not overlap. */
function assignCurves(edges) {
  const groups = new Map();
  for (const e of edges) {
    const [a, b] = [e.source.id, e.target.id].sort();
    const key = `${a}\u0000${b}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(e);
  }
  for (const group of groups.values()) {
    group.forEach((e, i) => {
      const sign = e.source.id < e.target.id ? 1 : -1; // same side in both directions
      const spacing = Math.min(14, 160 / group.length); // many parallel edges fan out less
      e.curve = sign * (i - (group.length - 1) / 2) * spacing;
    });
  }
}

function radius(n) {
  return 10 + 4 * Math.sqrt(n.events.size);
}

/** Quadratic curve from node boundary to node boundary, bent by e.curve. */
function edgePath(e) {
  const { x: x1, y: y1 } = e.source;
  const { x: x2, y: y2 } = e.target;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy) || 1;
  const cx = (x1 + x2) / 2 - (dy / len) * e.curve * 2;
  const cy = (y1 + y2) / 2 + (dx / len) * e.curve * 2;
  const toward = (fx, fy, tx, ty, r) => {
    const l = Math.hypot(tx - fx, ty - fy) || 1;
    return [fx + ((tx - fx) / l) * r, fy + ((ty - fy) / l) * r];
  };
  const [sx, sy] = toward(x1, y1, cx, cy, radius(e.source));
  const [ex, ey] = toward(x2, y2, cx, cy, radius(e.target) + 3);
  return `M${sx},${sy}Q${cx},${cy} ${ex},${ey}`;
}

export async function render(main, { params, signal }) {
  const d3 = window.d3;
  const filters = pickFilters(params);
  main.append(h("h1", {}, "Network"), filterForm("network", params));
  const data = await fetchAllEvents(filters, { signal });
  const { nodes, edges } = graph(data.items);
  const shown = new Set(edges.map((e) => e.record.id)).size;
  main.append(coverageNote(shown, data.items.length, data.total, "name no source and target actor pair"));
  if (!nodes.length) return;

  // layout: run the simulation to rest before drawing (no animation)
  const simulation = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(edges).id((n) => n.id).distance(160).strength(0.4))
    .force("charge", d3.forceManyBody().strength(-400))
    .force("x", d3.forceX(WIDTH / 2).strength(0.06)) // keeps unconnected actors near
    .force("y", d3.forceY(HEIGHT / 2).strength(0.08))
    .force("collide", d3.forceCollide((n) => radius(n) + 24))
    .stop();
  for (let i = 0; i < 400; i += 1) simulation.tick();
  assignCurves(edges);

  // the drawing area, grown when the layout spills over it
  const pad = 50;
  const [x0, x1] = d3.extent(nodes, (n) => n.x);
  const [y0, y1] = d3.extent(nodes, (n) => n.y);
  const left = Math.min(0, x0 - pad);
  const top = Math.min(0, y0 - pad);
  const vb = [left, top, Math.max(WIDTH, x1 + pad) - left, Math.max(HEIGHT, y1 + pad) - top];

  const svg = s("svg", {
    class: "network",
    viewBox: vb.join(" "),
    width: vb[2],
    height: vb[3],
    role: "img",
    "aria-label": "Actors and the events between them",
  });
  const root = d3.select(svg);

  const types = [...new Set(edges.map((e) => e.record.type))];
  const markerId = (type) => `arrow-${types.indexOf(type)}`;
  root.append("defs").selectAll("marker").data(types).join("marker")
    .attr("id", markerId)
    .attr("viewBox", "0 -5 10 10")
    .attr("refX", 9).attr("refY", 0)
    .attr("markerWidth", 7).attr("markerHeight", 7)
    .attr("orient", "auto")
    .append("path").attr("d", "M0,-5L10,0L0,5").attr("fill", (t) => typeColour(t));

  root.append("g").attr("class", "network-edges")
    .selectAll("a").data(edges).join("a")
    .attr("href", (e) => eventHref(e.record.id))
    .append("path")
    .attr("class", "network-edge")
    .attr("data-event-id", (e) => e.record.id)
    .attr("data-type", (e) => e.record.type)
    .attr("d", edgePath)
    .attr("stroke", (e) => typeColour(e.record.type))
    .attr("marker-end", (e) => `url(#${markerId(e.record.type)})`)
    .append("title")
    .text((e) => {
      const items = itemsLabel(e.record.items);
      return `${e.record.type}: ${relationText(e.record)} (${e.record.factuality || "?"})${items ? `: ${items}` : ""}`;
    });

  const node = root.append("g").attr("class", "network-nodes")
    .selectAll("a").data(nodes).join("a")
    .attr("href", (n) => actorHref(n.id))
    .append("g")
    .attr("class", "network-node")
    .attr("data-actor", (n) => n.id)
    .attr("transform", (n) => `translate(${n.x},${n.y})`);
  node.append("circle").attr("r", radius);
  // short labels (codes) inside the circle, names below it
  node.append("text")
    .attr("class", (n) => (n.label.length <= 4 ? "network-label" : "network-label outside"))
    .attr("dy", (n) => (n.label.length <= 4 ? "0.35em" : radius(n) + 14))
    .text((n) => n.label);
  node.append("title").text((n) => `${n.name}: ${n.events.size} event${n.events.size === 1 ? "" : "s"}`);

  main.append(
    typeLegend(types, filters),
    h("div", { class: "chart-wrap" }, svg),
    h("p", { class: "muted small" }, "Circle size: number of events. Click an actor for its events, an arrow for the event."),
  );
}
