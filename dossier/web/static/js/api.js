// The JSON API of `dossier serve`. Paths are relative to the page, so the
// page also works when the server is mounted under a prefix.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

function detailMessage(body, response) {
  const detail = body && body.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    // FastAPI validation errors: [{loc: [...], msg: "..."}]
    return detail.map((d) => [d.loc && d.loc.slice(1).join("."), d.msg].filter(Boolean).join(": ")).join("; ");
  }
  return `${response.status} ${response.statusText}`.trim();
}

/** GET path?params as JSON; throws ApiError with the server's `detail`. */
export async function getJSON(path, params, { signal } = {}) {
  const query = params ? new URLSearchParams(params).toString() : "";
  const response = await fetch(query ? `${path}?${query}` : path, {
    signal,
    headers: { Accept: "application/json" },
  });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(detailMessage(body, response), response.status);
  return body;
}

/** One page of /api/events: {items, total, page, per_page}. */
export function fetchEvents(filters, page = 1, perPage = 50, options = {}) {
  const params = new URLSearchParams(filters);
  params.set("page", String(page));
  params.set("per_page", String(perPage));
  return getJSON("api/events", params, options);
}

export const PAGE_MAX = 500;

/** Every event matching `filters` (pages of 500), at most `cap`:
 *  {items, total} where total may exceed items.length. */
export async function fetchAllEvents(filters, { signal, cap = 5000 } = {}) {
  const first = await fetchEvents(filters, 1, PAGE_MAX, { signal });
  const items = [...first.items];
  let page = 1;
  while (items.length < Math.min(first.total, cap) && first.items.length > 0) {
    page += 1;
    const next = await fetchEvents(filters, page, PAGE_MAX, { signal });
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return { items: items.slice(0, cap), total: first.total };
}

export function fetchEvent(id, options = {}) {
  return getJSON(`api/events/${encodeURIComponent(id)}`, null, options);
}

let actorsPromise = null;

/** /api/actors, fetched once per page load: [{code, name, events}]. */
export function fetchActors() {
  if (!actorsPromise) {
    actorsPromise = getJSON("api/actors").catch((err) => {
      actorsPromise = null;
      throw err;
    });
  }
  return actorsPromise;
}

/** URL of /api/export for the current filters. */
export function exportUrl(format, filters) {
  const params = new URLSearchParams(filters);
  params.set("format", format);
  return `api/export?${params}`;
}
