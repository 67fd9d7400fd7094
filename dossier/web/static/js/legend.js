// The colour key of event types, shared by the timeline, map and network;
// each entry opens the list of events of that type (with the current filters).

import { h } from "./dom.js";
import { routeHref } from "./filters.js";
import { sortTypes, typeColour } from "./format.js";

export function typeLegend(types, filters) {
  return h(
    "ul",
    { class: "legend-types", "aria-label": "Event types" },
    sortTypes(types).map((type) => {
      const params = new URLSearchParams(filters);
      params.set("type", type);
      const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.backgroundColor = typeColour(type);
      return h("li", {}, h("a", { href: routeHref("events", params) }, swatch, type));
    }),
  );
}

/** "Showing 12 of 14 events (2 have no date)." */
export function coverageNote(shown, fetched, total, missingWhat) {
  const parts = [`${shown} of ${total} ${total === 1 ? "event" : "events"} shown`];
  if (fetched < total) parts.push(`only the first ${fetched} were loaded`);
  if (fetched - shown > 0) parts.push(`${fetched - shown} ${missingWhat}`);
  return h("p", { class: "status", role: "status" }, `${parts.join("; ")}.`);
}
