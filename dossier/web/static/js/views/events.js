// #/events?filters&page=&per_page= : the filter form, a table of events with
// pagination, and export links for the current filters.

import { exportUrl, fetchEvents } from "../api.js";
import { h } from "../dom.js";
import { actorHref, filterForm, pickFilters, routeHref } from "../filters.js";
import {
  actorKey, actorLabel, claimantLabel, dateLabel, documentLabel, documentOf, isFused, itemsLabel,
  placeLabel, publishedOf,
} from "../format.js";

const PAGE_SIZES = [25, 50, 100, 200, 500];

/** Source and target actors, each a link to the list filtered by that actor. */
export function actorLinks(actors) {
  const out = [];
  (actors || []).forEach((actor, i) => {
    if (i > 0) out.push(", ");
    const key = actorKey(actor);
    out.push(key ? h("a", { href: actorHref(key), class: "actor" }, actorLabel(actor)) : actorLabel(actor));
  });
  return out;
}

export function relationCell(record) {
  const cell = h("span", { class: "relation" }, actorLinks(record.source));
  if ((record.target || []).length) cell.append(" → ", ...actorLinks(record.target));
  return cell;
}

export function factualityBadge(value) {
  return value ? h("span", { class: ["badge", `fact-${value}`] }, value) : "";
}

function dateCell(record) {
  const date = dateLabel(record.date);
  if (date) return h("span", { title: record.date.text || "" }, date);
  const published = publishedOf(record);
  return h("span", { class: "muted", title: "no date in the text: publication date" }, published ? `(${published})` : "undated");
}

function sourcesCell(record) {
  const reports = (record.mentions || []).length;
  const parts = [`${record.independent_sources ?? "?"} independent / ${reports} report${reports === 1 ? "" : "s"}`];
  const cell = h("span", {}, parts);
  if ((record.contradictions || []).length) {
    cell.append(" ", h("span", { class: "badge contradicted", title: "reports contradict each other" }, "contradicted"));
  }
  return cell;
}

/** The evidence sentence, and under it the article it is from (outlet: title, or its path). */
function reportCell(record) {
  const doc = documentOf(record);
  const name = documentLabel(doc);
  const cell = h("td", { class: "evidence-cell" });
  if (record.evidence && record.evidence.text) cell.append(h("q", { class: "evidence-text" }, record.evidence.text));
  if (name) {
    cell.append(h(
      "small",
      { class: "doc-source", title: doc.origin || doc.url || doc.id || "" },
      doc.outlet ? h("span", { class: "doc-outlet" }, doc.outlet) : null,
      doc.outlet ? ": " : null,
      h("span", { class: "doc-title" }, name),
    ));
  }
  return cell;
}

function row(record) {
  const href = `#/event/${encodeURIComponent(record.id)}`;
  const tr = h(
    "tr",
    { "data-event-id": record.id },
    h("td", {}, h("a", { href, class: "event-link", title: record.id }, dateCell(record))),
    h("td", {}, h("a", { href, class: "type-link" }, record.type, record.mode ? h("small", {}, ` ${record.mode}`) : null)),
    h("td", {}, relationCell(record)),
    h("td", { class: "items" }, itemsLabel(record.items)),
    h("td", {}, placeLabel(record.location)),
    h("td", {}, factualityBadge(record.factuality)),
    h("td", {}, isFused(record) ? sourcesCell(record) : claimantLabel(record.attribution)),
    reportCell(record),
  );
  // the whole row opens the event; links inside it keep their own target
  tr.addEventListener("click", (event) => {
    if (event.target.closest("a, button, input, select")) return;
    location.hash = href;
  });
  return tr;
}

function pager(view, filters, page, perPage, total) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const link = (p, label, rel) => {
    const params = new URLSearchParams(filters);
    if (p > 1) params.set("page", String(p));
    if (perPage !== 50) params.set("per_page", String(perPage));
    return h("a", { href: routeHref(view, params), rel, class: "button-link" }, label);
  };
  const size = h("select", { "aria-label": "Events per page" });
  const sizes = PAGE_SIZES.includes(perPage) ? PAGE_SIZES : [...PAGE_SIZES, perPage].sort((a, b) => a - b);
  for (const n of sizes) size.appendChild(h("option", { value: n, selected: n === perPage }, `${n} per page`));
  size.addEventListener("change", () => {
    const params = new URLSearchParams(filters);
    params.set("per_page", size.value);
    location.hash = routeHref(view, params);
  });
  return h(
    "nav",
    { class: "pager", "aria-label": "Pages" },
    page > 1 ? link(page - 1, "← Previous", "prev") : null,
    h("span", {}, `page ${page} of ${pages}`),
    page < pages ? link(page + 1, "Next →", "next") : null,
    size,
  );
}

function exportLinks(filters) {
  const link = (format, label) =>
    h("a", { href: exportUrl(format, filters), download: "", class: "button-link" }, label);
  return h(
    "p",
    { class: "exports" },
    "Export these events: ",
    link("csv", "CSV"), " ", link("jsonl", "JSON Lines"), " ", link("geojson", "GeoJSON"),
  );
}

export async function render(main, { params, signal }) {
  const filters = pickFilters(params);
  const page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  const perPage = Math.min(500, Math.max(1, parseInt(params.get("per_page") || "50", 10) || 50));
  const fused = filters.get("fused") === "true";

  main.append(h("h1", {}, fused ? "Events (fused)" : "Events"), filterForm("events", params));
  const status = h("p", { class: "status", role: "status" }, "Loading…");
  main.append(status);

  let data;
  try {
    data = await fetchEvents(filters, page, perPage, { signal });
  } finally {
    status.textContent = "";
  }
  const first = data.total ? (page - 1) * perPage + 1 : 0;
  const last = (page - 1) * perPage + data.items.length;
  status.textContent = data.total
    ? `${data.total} ${fused ? "fused events" : "event mentions"}; showing ${first}–${last}.`
    : "No events match these filters.";
  if (data.total && !data.items.length) {
    status.textContent = `${data.total} events match, but page ${page} is past the last one. `;
    status.append(h("a", { href: routeHref("events", filters) }, "Go to page 1."));
  }

  const table = h(
    "table",
    { class: "events" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ["Date", "Type", "Source → target", "Items", "Place", "Factuality", fused ? "Sources" : "Claimant", "Evidence and article"].map(
          (label) => h("th", { scope: "col" }, label),
        ),
      ),
    ),
    h("tbody", {}, data.items.map(row)),
  );
  main.append(
    exportLinks(filters),
    h("div", { class: "table-wrap" }, table),
    pager("events", filters, page, perPage, data.total),
  );
}
