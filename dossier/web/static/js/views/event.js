// #/event/ID : one event mention (ev_...) or fused event (fev_...): its fields,
// the reports of a fused event, and the article with the evidence sentence
// and the claimant marked. Without an id: a form to open one by id.

import { fetchEvent } from "../api.js";
import { externalLink, h, highlight, sliceText } from "../dom.js";
import { routeHref } from "../filters.js";
import {
  dateLabel, documentLabel, isFused, itemLabel, placeLabel, relationText,
} from "../format.js";
import { factualityBadge, relationCell, actorLinks } from "./events.js";

const LAST_KEY = "dossier.lastEvent";

export function lastEventId() {
  try {
    return sessionStorage.getItem(LAST_KEY);
  } catch {
    return null;
  }
}

function remember(id) {
  try {
    sessionStorage.setItem(LAST_KEY, id);
  } catch {
    // storage disabled: the nav link then opens the id form
  }
}

export function eventHref(id) {
  return `#/event/${encodeURIComponent(id)}`;
}

function eventLink(id, label) {
  return h("a", { href: eventHref(id), class: "event-link" }, label ?? id);
}

/** A <dl> from [label, value] pairs; pairs whose value is empty are left out. */
function facts(pairs) {
  const dl = h("dl", { class: "facts" });
  for (const [label, value] of pairs) {
    const empty = value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
    if (empty) continue;
    dl.append(h("dt", {}, label), h("dd", {}, value));
  }
  return dl;
}

function dateFact(date) {
  if (!date) return null;
  const parts = [dateLabel(date)];
  if (date.granularity) parts.push(` (${date.granularity}${date.mod ? `, ${date.mod}` : ""})`);
  if (date.start && date.end && date.start !== date.end) parts.push(`, ${date.start} to ${date.end}`);
  if (date.text) parts.push(h("span", { class: "quote" }, ` “${date.text}”`));
  return parts;
}

/** Events located within ±0.5° of a place. */
function placeHref(location) {
  const lat = Number(location.lat);
  const lon = Number(location.lon);
  const bbox = [lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5].map((v) => v.toFixed(3)).join(",");
  return routeHref("events", new URLSearchParams({ bbox }));
}

function placeFact(location) {
  if (!location) return null;
  const located = Number.isFinite(Number(location.lat)) && location.lat !== null && location.lon !== null;
  const label = placeLabel(location);
  const parts = [located ? h("a", { href: placeHref(location), title: "events at this place" }, label) : label];
  if (location.kind) parts.push(` (${location.kind})`);
  if (located) parts.push(h("span", { class: "muted" }, ` ${Number(location.lat).toFixed(3)}, ${Number(location.lon).toFixed(3)}`));
  if (location.text && location.text !== location.name) parts.push(h("span", { class: "quote" }, ` “${location.text}”`));
  return parts;
}

function itemsFact(items) {
  if (!items || !items.length) return null;
  return h(
    "ul",
    { class: "plain" },
    items.map((item) =>
      h(
        "li",
        {},
        item.designation
          ? h("a", { href: routeHref("events", new URLSearchParams({ q: item.designation })), title: "events mentioning it" }, itemLabel(item))
          : itemLabel(item),
      ),
    ),
  );
}

function attributionFact(attribution) {
  if (!attribution || !attribution.claimant) return null;
  const parts = [h("strong", {}, attribution.claimant)];
  if (attribution.claimant_role) parts.push(`, ${attribution.claimant_role}`);
  if (attribution.verb) parts.push(h("span", { class: "muted" }, ` (${attribution.verb})`));
  if (attribution.claim_date) parts.push(`, ${attribution.claim_date}`);
  if (attribution.reported_by) parts.push(`; reported by ${attribution.reported_by}`);
  return parts;
}

/** Linked events ("in exchange for", "part of"), each labelled with its type
 *  and actors once fetched. */
function linksFact(links, signal) {
  if (!links || !links.length) return null;
  return h(
    "ul",
    { class: "plain" },
    links.map((link) => {
      const a = eventLink(link.event);
      fetchEvent(link.event, { signal })
        .then(({ event }) => {
          a.textContent = `${event.type}: ${relationText(event)}`;
          a.title = event.id;
        })
        .catch(() => {}); // keep the id as the label
      return h("li", {}, `${String(link.relation).replaceAll("_", " ")}: `, a);
    }),
  );
}

function supportFact(record) {
  const support = record.factuality_support;
  const badge = factualityBadge(record.factuality);
  if (!support || typeof support !== "object") return badge;
  const counts = Object.entries(support).map(([k, v]) => `${k} ${v}`).join(", ");
  return [badge, h("span", { class: "muted" }, ` (sources: ${counts})`)];
}

function otherDatesFact(dates) {
  if (!dates || !dates.length) return null;
  return h(
    "ul",
    { class: "plain" },
    dates.map((d) => h("li", {}, `${d.role ? `${d.role}: ` : ""}${dateLabel(d.date || d) || JSON.stringify(d)}`)),
  );
}

function conditionFact(condition) {
  if (!condition) return null;
  if (typeof condition !== "object") return String(condition);
  return Object.entries(condition)
    .map(([k, v]) => `${k}: ${typeof v === "object" && v !== null ? v.text ?? JSON.stringify(v) : v}`)
    .join("; ");
}

/** The article: its title (else its path or URL), outlet, origin and publication date. */
function documentFact(doc) {
  if (!doc) return null;
  const parts = [h("span", { class: "doc-title" }, documentLabel(doc) || "untitled")];
  if (doc.outlet) parts.push(", ", h("span", { class: "doc-outlet" }, doc.outlet));
  if (doc.published) {
    const how = doc.published_source ? ` (${doc.published_source})` : "";
    parts.push(`, published ${doc.published}${how}`);
  }
  if (doc.origin && doc.origin !== doc.url && doc.origin !== documentLabel(doc)) {
    parts.push(h("span", { class: "doc-origin muted" }, ` from ${doc.origin}`));
  }
  if (doc.url) parts.push(" ", externalLink(doc.url));
  return parts;
}

function mentionsSection(record) {
  const mentions = record.mentions || [];
  const rows = mentions.map((m) =>
    h(
      "tr",
      { "data-event-id": m.event },
      h("td", {}, eventLink(m.event, m.outlet || m.event), m.title || m.origin ? h("small", { class: "doc-title" }, ` ${m.title || m.origin}`) : null),
      h("td", {}, m.published || ""),
      h("td", {}, factualityBadge(m.factuality)),
      h("td", {}, m.claimant ? `${m.claimant}${m.claimant_role ? `, ${m.claimant_role}` : ""}` : ""),
      h("td", { class: "evidence-cell" }, m.evidence ? m.evidence.text : ""),
      h("td", {}, m.url ? externalLink(m.url, "article") : ""),
    ),
  );
  return h(
    "section",
    { class: "mentions" },
    h("h2", {}, `Reports (${mentions.length})`),
    h("div", { class: "table-wrap" }, h(
      "table",
      { class: "events" },
      h("thead", {}, h("tr", {}, ["Report", "Published", "Factuality", "Claimant", "Evidence", "Link"].map((l) => h("th", { scope: "col" }, l)))),
      h("tbody", {}, rows),
    )),
  );
}

function contradictionsSection(record) {
  const contradictions = record.contradictions || [];
  if (!contradictions.length) return null;
  return h(
    "section",
    { class: "contradictions" },
    h("h2", {}, `Contradictions (${contradictions.length})`),
    h(
      "ul",
      {},
      contradictions.map((c) => {
        const [a, b] = c.mentions || [];
        return h(
          "li",
          {},
          h("strong", {}, c.kind || "contradiction"),
          ": ",
          a ? eventLink(a) : "?",
          " vs ",
          b ? eventLink(b) : "?",
          c.detail ? ` (${typeof c.detail === "string" ? c.detail : JSON.stringify(c.detail)})` : "",
        );
      }),
    ),
  );
}

/** The article text with evidence, claimant, trigger and boilerplate marked. */
function articleSection(record, doc) {
  if (!doc || typeof doc.text !== "string") {
    return h("section", { class: "article-section" }, h("h2", {}, "Article"), h("p", { class: "muted" }, "The article text is not available."));
  }
  const ranges = [];
  const notes = [];
  const ev = record.evidence;
  if (ev && Number.isInteger(ev.start)) {
    ranges.push({ start: ev.start, end: ev.end, cls: "evidence", title: "evidence" });
    if (ev.text && sliceText(doc.text, ev.start, ev.end) !== ev.text) {
      notes.push("The evidence offsets do not match the article text.");
    }
  }
  // other reports of a fused event that are in this same article
  for (const m of record.mentions || []) {
    if (m.document === doc.id && m.evidence && Number.isInteger(m.evidence.start)) {
      ranges.push({ start: m.evidence.start, end: m.evidence.end, cls: "evidence-other", title: `report ${m.event}` });
    }
  }
  const offsets = record.attribution && record.attribution.offsets;
  if (Array.isArray(offsets) && offsets.length === 2) {
    ranges.push({ start: offsets[0], end: offsets[1], cls: "claimant", title: "claimant" });
  }
  const trigger = record.trigger;
  if (trigger && Number.isInteger(trigger.start)) {
    ranges.push({ start: trigger.start, end: trigger.end, cls: "trigger", title: "trigger" });
  }
  for (const r of doc.removed || []) {
    ranges.push({ start: r.start, end: r.end, cls: "removed", title: `left out of extraction: ${r.reason}` });
  }
  const article = h("div", { id: "article", class: "article" }, highlight(doc.text, ranges));
  return h(
    "section",
    { class: "article-section" },
    h("h2", {}, isFused(record) ? "Article (first report)" : "Article"),
    h("p", { class: "doc-meta" }, documentFact(doc)),
    notes.map((n) => h("p", { class: "warning" }, n)),
    h(
      "p",
      { class: "legend muted" },
      h("mark", { class: "evidence" }, "evidence"), " ",
      h("mark", { class: "claimant" }, "claimant"), " ",
      h("mark", { class: "trigger" }, "trigger"), " ",
      h("mark", { class: "removed" }, "boilerplate (not extracted)"),
    ),
    article,
  );
}

function lookupForm() {
  const input = h("input", { type: "text", name: "id", placeholder: "ev_… or fev_…", required: true, size: 30 });
  const form = h(
    "form",
    { class: "filters" },
    h("label", { class: "field" }, h("span", { class: "field-label" }, "Event id"), input),
    h("span", { class: "buttons" }, h("button", { type: "submit" }, "Open")),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const id = input.value.trim();
    if (id) location.hash = eventHref(id);
  });
  return form;
}

export async function render(main, { id, signal }) {
  if (!id) {
    main.append(
      h("h1", {}, "Event"),
      h("p", {}, "Open an event from the ", h("a", { href: "#/events" }, "list"), ", the timeline, the map or the network, or by its id:"),
      lookupForm(),
    );
    return;
  }
  let data;
  try {
    data = await fetchEvent(id, { signal });
  } catch (err) {
    if (err.status !== 404) throw err;
    main.append(
      h("h1", {}, "Event not found"),
      h("p", { class: "error", role: "alert" }, `No event has the id ${id}. `, err.message ? `(${err.message})` : ""),
      lookupForm(),
    );
    return;
  }
  const record = data.event;
  const doc = data.document;
  const fused = isFused(record);
  remember(record.id);
  document.title = `${record.type}: ${relationText(record)} · Dossier`;

  main.append(
    h(
      "header",
      { class: "event-header" },
      h("p", { class: "kicker" }, fused ? "Fused event" : "Event mention", " ", h("code", {}, record.id)),
      h("h1", {}, record.type, record.mode ? h("small", {}, ` ${record.mode}`) : null, ": ", relationCell(record)),
    ),
    facts([
      ["Factuality", fused ? supportFact(record) : factualityBadge(record.factuality)],
      ["Source", actorLinks(record.source)],
      ["Target", actorLinks(record.target)],
      ["Items", itemsFact(record.items)],
      ["Date", dateFact(record.date)],
      ["Other dates", otherDatesFact(record.other_dates)],
      ["Place", placeFact(record.location)],
      ["Claimed by", attributionFact(record.attribution)],
      ["Condition", conditionFact(record.condition)],
      ["Trigger", record.trigger ? h("span", { class: "quote" }, `“${record.trigger.text}”`) : null],
      ["Linked events", linksFact(record.links, signal)],
      ["Independent sources", fused ? String(record.independent_sources ?? "?") : null],
      [
        "First reported",
        fused && record.first_reported
          ? [
            eventLink(record.first_reported.event, record.first_reported.outlet || record.first_reported.event),
            record.first_reported.published ? `, ${record.first_reported.published}` : "",
          ]
          : null,
      ],
      ["Evidence", record.evidence ? h("blockquote", { class: "evidence-quote" }, record.evidence.text) : null],
      ["Article", fused ? null : documentFact(record.document)],
    ]),
  );
  if (fused) main.append(mentionsSection(record), contradictionsSection(record) || "");
  main.append(articleSection(record, doc));
}
