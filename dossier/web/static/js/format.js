// How records are shown: labels for actors, items, dates and places, and
// one colour per event type shared by every view.

export const EVENT_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

export const FACTUALITIES = ["asserted", "planned", "likely", "possible", "negated", "hypothetical"];

// 16 distinguishable colours, one per PLOVER type (cooperative types blue/green,
// hostile ones red/brown); unknown types get grey.
const TYPE_COLOURS = {
  AGREE: "#1f77b4", CONSULT: "#6baed6", SUPPORT: "#17becf", CONCEDE: "#9edae5",
  COOPERATE: "#2ca02c", AID: "#98df8a", RETREAT: "#bcbd22", REQUEST: "#dbdb8d",
  ACCUSE: "#ff7f0e", REJECT: "#ffbb78", THREATEN: "#e377c2", PROTEST: "#f7b6d2",
  SANCTION: "#9467bd", MOBILIZE: "#8c564b", COERCE: "#c49c94", ASSAULT: "#d62728",
};

export function typeColour(type) {
  return TYPE_COLOURS[type] || "#888888";
}

/** Order event types as PLOVER lists them, unknown ones last. */
export function sortTypes(types) {
  const rank = (t) => (EVENT_TYPES.includes(t) ? EVENT_TYPES.indexOf(t) : EVENT_TYPES.length);
  return [...new Set(types)].sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
}

/** The value the API filters actors by: ISO code, else name, else the text. */
export function actorKey(actor) {
  return actor.code || actor.name || actor.text || "";
}

export function actorLabel(actor) {
  const name = actor.name || actor.text || actor.code || "?";
  return actor.code && actor.code !== name ? `${name} (${actor.code})` : name;
}

export function itemLabel(item) {
  const what = item.designation || item.category || item.text || "";
  const parts = [item.quantity, what].filter((p) => p !== null && p !== undefined && p !== "");
  const label = parts.join(" ");
  return item.designation && item.category ? `${label} (${item.category})` : label;
}

export function itemsLabel(items) {
  return (items || []).map(itemLabel).join(", ");
}

/** The event's date as the analyst reads it: "2024-06" (month), or "". */
export function dateLabel(date) {
  if (!date) return "";
  return date.value || date.start || date.text || "";
}

export function placeLabel(location) {
  if (!location) return "";
  const name = location.name || location.text || "";
  return location.country && location.country !== name ? `${name}, ${location.country}` : name;
}

/** The publication date of the article(s) an event comes from. */
export function publishedOf(record) {
  if (record.document) return record.document.published || "";
  if (record.first_reported) return record.first_reported.published || "";
  return "";
}

/** Where the article of an event comes from: its ``document`` (an event mention), or its
 *  first report (a fused event), as {id, title, url, origin, outlet, published}. */
export function documentOf(record) {
  if (record.document) return record.document;
  const mentions = record.mentions || [];
  const firstId = record.first_reported && record.first_reported.event;
  const first = mentions.find((m) => m.event === firstId) || mentions[0];
  if (!first) return null;
  return { id: first.document, title: first.title, url: first.url, origin: first.origin,
    outlet: first.outlet, published: first.published };
}

/** An article's name: its title, else where it was read from (path or URL), else its id. */
export function documentLabel(doc) {
  if (!doc) return "";
  return doc.title || doc.origin || doc.url || doc.id || "";
}

export function claimantLabel(attribution) {
  if (!attribution || !attribution.claimant) return "";
  return attribution.claimant_role
    ? `${attribution.claimant} (${attribution.claimant_role})`
    : attribution.claimant;
}

export function isFused(record) {
  return Array.isArray(record.mentions) || String(record.id || "").startsWith("fev_");
}

/** "Russia → North Korea" as plain text (for titles). */
export function relationText(record) {
  const side = (actors) => (actors || []).map(actorLabel).join(", ");
  const src = side(record.source);
  const tgt = side(record.target);
  return tgt ? `${src || "?"} → ${tgt}` : src;
}

/** A parsed UTC Date from an ISO date ("2024-06-01", "2024-06-01T10:00"), or null. */
export function parseDate(value) {
  if (!value || typeof value !== "string") return null;
  const m = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2}))?/.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0));
  return Number.isNaN(d.getTime()) ? null : d;
}
