// The filters shared by the list, timeline, map and network: they live in the
// route's query string (#/map?actor=PRK&fused=true), so every view can be
// bookmarked and the nav keeps them when switching views.

import { fetchActors } from "./api.js";
import { h } from "./dom.js";
import { EVENT_TYPES, FACTUALITIES } from "./format.js";

// Query parameters of /api/events that are filters (not paging).
export const FILTER_KEYS = [
  "actor", "type", "factuality", "since", "until", "q", "bbox",
  "fused", "min_sources", "contradicted", "political",
];

/** The filters in `params` (URLSearchParams), without empty values and paging. */
export function pickFilters(params) {
  const out = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = (params.get(key) || "").trim();
    if (!value) continue;
    if ((key === "fused" || key === "contradicted") && value !== "true") continue;
    out.set(key, value);
  }
  // min_sources and contradicted only mean something for fused events
  if (out.get("fused") !== "true") {
    out.delete("min_sources");
    out.delete("contradicted");
  } else {
    out.delete("political"); // fused events are all political
  }
  return out;
}

/** "#/view?filters" (no "?" when there are none). */
export function routeHref(view, params) {
  const query = params ? params.toString() : "";
  return query ? `#/${view}?${query}` : `#/${view}`;
}

export function actorHref(key) {
  return routeHref("events", new URLSearchParams({ actor: key }));
}

function field(label, control, hint) {
  return h("label", { class: "field" }, h("span", { class: "field-label" }, label), control, hint ? h("small", {}, hint) : null);
}

function select(name, value, options, emptyLabel) {
  const el = h("select", { name }, h("option", { value: "" }, emptyLabel));
  for (const option of options) {
    el.appendChild(h("option", { value: option, selected: option === value }, option));
  }
  return el;
}

/**
 * The filter form for `view`. Submitting it goes to #/view?filters (page 1).
 */
export function filterForm(view, params) {
  const filters = pickFilters(params);
  const get = (key) => filters.get(key) || "";
  const fused = get("fused") === "true";

  const actorList = h("datalist", { id: "actor-options" });
  fetchActors()
    .then((actors) => {
      for (const actor of actors) {
        const key = actor.code || actor.name;
        const label = actor.code && actor.name ? `${actor.name} (${actor.events})` : `${actor.events} events`;
        actorList.appendChild(h("option", { value: key, label }));
      }
    })
    .catch(() => {}); // the list is a convenience; typing a code still works

  const text = (name, placeholder, extra = {}) =>
    h("input", { type: "text", name, value: get(name), placeholder, ...extra });

  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": "Filter events" },
    field("Actor", text("actor", "PRK or a name", { list: "actor-options", autocomplete: "off" })),
    field("Type", select("type", get("type"), EVENT_TYPES, "any type")),
    field("Factuality", select("factuality", get("factuality"), FACTUALITIES, "any")),
    field(
      "Actors",
      h(
        "select",
        { name: "political" },
        h("option", { value: "" }, "states and organisations"),
        h("option", { value: "no", selected: get("political") === "no" }, "private persons only"),
        h("option", { value: "any", selected: get("political") === "any" }, "all"),
      ),
    ),
    field("Since", text("since", "YYYY-MM-DD", { pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", size: 10 })),
    field("Until", text("until", "YYYY-MM-DD", { pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", size: 10 })),
    field("Text", h("input", { type: "search", name: "q", value: get("q"), placeholder: "words in the evidence" })),
    field("Area", text("bbox", "minlon,minlat,maxlon,maxlat", { size: 14 })),
    h(
      "label",
      { class: "field check" },
      h("input", { type: "checkbox", name: "fused", value: "true", checked: fused }),
      " fused (one per real-world event)",
    ),
    h(
      "span",
      { class: "fused-only" },
      field("Min. sources", h("input", { type: "number", name: "min_sources", min: "1", value: get("min_sources"), size: 3 })),
      h(
        "label",
        { class: "field check" },
        h("input", { type: "checkbox", name: "contradicted", value: "true", checked: get("contradicted") === "true" }),
        " contradicted",
      ),
    ),
    h(
      "span",
      { class: "buttons" },
      h("button", { type: "submit" }, "Apply"),
      h("a", { class: "button-link", href: routeHref(view, null) }, "Clear"),
    ),
    actorList,
  );

  const fusedBox = form.elements.namedItem("fused");
  const syncFusedOnly = () => form.classList.toggle("is-fused", fusedBox.checked);
  fusedBox.addEventListener("change", syncFusedOnly);
  syncFusedOnly();

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) params.set(key, String(value));
    location.hash = routeHref(view, pickFilters(params));
  });
  return form;
}
