// #/map?filters : Natural Earth country outlines (vendored world-atlas
// TopoJSON) and one circle per located event. Clicking a circle opens the
// event; clicking a country opens the list of events located within it
// (its bounding box). It opens framed on the events; drag to pan; the
// buttons, or Ctrl + wheel, zoom.

import { fetchAllEvents, getJSON } from "../api.js";
import { h, s } from "../dom.js";
import { filterForm, pickFilters, routeHref } from "../filters.js";
import { placeLabel, relationText, typeColour } from "../format.js";
import { coverageNote, typeLegend } from "../legend.js";
import { eventHref } from "./event.js";

const WIDTH = 960;
const HEIGHT = 500;
const RADIUS = 5;

let worldPromise = null;

function loadWorld() {
  if (!worldPromise) {
    worldPromise = getJSON("static/vendor/countries-110m.json").catch((err) => {
      worldPromise = null;
      throw err;
    });
  }
  return worldPromise;
}

function located(record) {
  const loc = record.location;
  if (!loc || loc.lat === null || loc.lon === null || loc.lat === undefined || loc.lon === undefined) return false;
  return Number.isFinite(Number(loc.lat)) && Number.isFinite(Number(loc.lon));
}

/** "minlon,minlat,maxlon,maxlat" of a country (whole longitude range when it crosses 180°). */
function bboxOf(feature, d3) {
  let [[west, south], [east, north]] = d3.geoBounds(feature);
  if (west > east) {
    west = -180;
    east = 180;
  }
  return [west, south, east, north].map((v) => v.toFixed(2)).join(",");
}

export async function render(main, { params, signal }) {
  const { d3, topojson } = window;
  const filters = pickFilters(params);
  main.append(h("h1", {}, "Map"), filterForm("map", params));
  const [world, data] = await Promise.all([loadWorld(), fetchAllEvents(filters, { signal })]);

  const points = data.items.filter(located);
  main.append(coverageNote(points.length, data.items.length, data.total, "have no coordinates"));

  const projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const countries = topojson.feature(world, world.objects.countries).features;

  const svg = s("svg", {
    class: "map",
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    "aria-label": "Map of located events",
  });
  const root = d3.select(svg);
  const layer = root.append("g").attr("class", "map-layer");

  layer.append("path").attr("class", "map-sphere").attr("d", path({ type: "Sphere" }));
  layer.append("path").attr("class", "map-graticule").attr("d", path(d3.geoGraticule10()));

  const countryLinks = layer.append("g").attr("class", "map-countries")
    .selectAll("a").data(countries).join("a")
    .attr("tabindex", -1) // 177 countries would swamp keyboard navigation
    .attr("href", (f) => routeHref("events", new URLSearchParams({ ...Object.fromEntries(filters), bbox: bboxOf(f, d3) })));
  countryLinks.append("path")
    .attr("class", "map-country")
    .attr("d", path)
    .append("title").text((f) => `${f.properties.name}: events located here`);
  layer.append("path").attr("class", "map-borders")
    .attr("d", path(topojson.mesh(world, world.objects.countries, (a, b) => a !== b)));

  // events at the same place are set around it so that each can be clicked
  const byPlace = d3.group(points, (r) => `${(+r.location.lat).toFixed(3)},${(+r.location.lon).toFixed(3)}`);
  const marks = layer.append("g").attr("class", "map-points");
  for (const group of byPlace.values()) {
    const [px, py] = projection([+group[0].location.lon, +group[0].location.lat]);
    group.forEach((record, i) => {
      const angle = (2 * Math.PI * i) / group.length;
      const spread = group.length > 1 ? RADIUS * 1.6 : 0;
      const link = marks.append("a").attr("href", eventHref(record.id));
      link.append("circle")
        .attr("class", "map-point")
        .attr("data-event-id", record.id)
        .attr("data-place", record.location.name || record.location.text || "")
        .attr("cx", px + spread * Math.cos(angle))
        .attr("cy", py + spread * Math.sin(angle))
        .attr("r", RADIUS)
        .attr("fill", typeColour(record.type))
        .append("title")
        .text(`${placeLabel(record.location)}: ${record.type} ${relationText(record)} (${record.factuality || "?"})`);
    });
  }

  // zoom: drag pans; Ctrl + wheel (or pinch) and the buttons zoom
  const zoom = d3.zoom()
    .scaleExtent([1, 16])
    .translateExtent([[0, 0], [WIDTH, HEIGHT]])
    .filter((event) => (event.type === "wheel" ? event.ctrlKey : !event.button))
    .on("zoom", (event) => {
      layer.attr("transform", event.transform);
      marks.selectAll("circle").attr("r", RADIUS / Math.sqrt(event.transform.k));
    });
  root.call(zoom);

  // start framed on the events (world view when they are spread over it)
  const projected = points.map((r) => projection([+r.location.lon, +r.location.lat]));
  const fitEvents = () => {
    if (!projected.length) return d3.zoomIdentity;
    const [x0, x1] = d3.extent(projected, (p) => p[0]);
    const [y0, y1] = d3.extent(projected, (p) => p[1]);
    const k = Math.max(1, Math.min(6, 0.8 / Math.max((x1 - x0 + 40) / WIDTH, (y1 - y0 + 40) / HEIGHT)));
    return d3.zoomIdentity.translate(WIDTH / 2, HEIGHT / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
  };
  root.call(zoom.transform, fitEvents());

  const button = (label, title, action) => {
    const b = h("button", { type: "button", title }, label);
    b.addEventListener("click", action);
    return b;
  };
  const controls = h(
    "div",
    { class: "map-controls" },
    button("+", "zoom in", () => root.transition().duration(200).call(zoom.scaleBy, 2)),
    button("−", "zoom out", () => root.transition().duration(200).call(zoom.scaleBy, 0.5)),
    button("Events", "frame the events", () => root.transition().duration(200).call(zoom.transform, fitEvents())),
    button("World", "whole world", () => root.transition().duration(200).call(zoom.transform, d3.zoomIdentity)),
  );

  main.append(
    typeLegend(points.map((r) => r.type), filters),
    h("div", { class: "chart-wrap map-wrap" }, controls, svg),
    h("p", { class: "muted small" }, "Country outlines: Natural Earth (public domain). Drag to pan, Ctrl + wheel or the buttons to zoom; click a country for the events located in it."),
  );
}
