// Dossier analyst page: a hash router over five views.
//
//   #/ or #/events?filters   the events list       (views/events.js)
//   #/event/ID               one event             (views/event.js)
//   #/timeline?filters       events over time      (views/timeline.js)
//   #/map?filters            events on a map       (views/map.js)
//   #/network?filters        actors and events     (views/network.js)
//
// Filters travel in the hash's query string, so the nav keeps them when
// switching between the list, timeline, map and network.

import { clear, h } from "./dom.js";
import { pickFilters, routeHref } from "./filters.js";
import * as eventView from "./views/event.js";
import * as eventsView from "./views/events.js";
import * as mapView from "./views/map.js";
import * as networkView from "./views/network.js";
import * as timelineView from "./views/timeline.js";

const VIEWS = {
  events: { module: eventsView, title: "Events" },
  event: { module: eventView, title: "Event" },
  timeline: { module: timelineView, title: "Timeline" },
  map: { module: mapView, title: "Map" },
  network: { module: networkView, title: "Network" },
};

/** "#/event/ev_1?x=y" → {view: "event", id: "ev_1", params}. */
export function parseRoute(hash) {
  const raw = hash.replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : raw.slice(q + 1));
  const [view, ...rest] = path.split("/");
  let id = rest.join("/");
  try {
    id = decodeURIComponent(id);
  } catch {
    // keep it as it is; the API will say it does not exist
  }
  return { view: view || "events", id, params };
}

let controller = null;
let lastFilters = new URLSearchParams();

function updateNav(route) {
  if (route.view !== "event") lastFilters = pickFilters(route.params);
  for (const link of document.querySelectorAll(".site-nav a")) {
    const view = link.dataset.view;
    if (view === "event") {
      const last = eventView.lastEventId();
      link.setAttribute("href", last ? eventView.eventHref(last) : "#/event");
    } else {
      link.setAttribute("href", routeHref(view, lastFilters));
    }
    if (view === route.view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

function showError(main, err) {
  const message = err && err.message ? err.message : String(err);
  const status = err && err.status ? ` (${err.status})` : "";
  main.append(h("p", { class: "error", role: "alert" }, `Could not load this view${status}: ${message}`));
}

async function route() {
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;

  const hash = location.hash;
  const current = parseRoute(hash);
  const entry = VIEWS[current.view];
  const main = document.getElementById("view");
  // each route draws into its own container, so a slow earlier route that
  // finishes late draws into a detached node, never into the current view
  const container = h("div", { class: `view view-${current.view}` });
  clear(main).append(container);
  main.dataset.state = "loading";
  if (!entry) {
    container.append(h("h1", {}, "Not found"), h("p", {}, "No such view. ", h("a", { href: "#/" }, "Back to the events.")));
    Object.assign(main.dataset, { view: current.view, route: hash, state: "error" });
    return;
  }
  document.title = `${entry.title} · Dossier`;
  updateNav(current);
  main.setAttribute("aria-busy", "true");
  let state = "ready";
  try {
    await entry.module.render(container, { ...current, signal });
  } catch (err) {
    if (signal.aborted) return; // a newer route took over
    state = "error";
    showError(container, err);
  }
  if (signal.aborted) return;
  main.removeAttribute("aria-busy");
  updateNav(current); // the event view remembers the id it showed
  // what is drawn, for tests and styles: data-route is the hash it was drawn for
  main.dataset.view = current.view;
  main.dataset.route = hash;
  main.dataset.state = state; // "ready" or "error"
}

window.addEventListener("hashchange", route);
route();
