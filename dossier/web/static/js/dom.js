// DOM helpers. Everything that comes from the API is put into the page as
// text (textContent / text nodes), never parsed as HTML; the only URLs that
// may become links are the page's own routes and http(s) addresses.

const SVG_NS = "http://www.w3.org/2000/svg";

/** `value` as an absolute http: or https: URL, or null (javascript:, data:, ...). */
export function httpUrl(value) {
  if (typeof value !== "string") return null;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

/** An href that is safe to put on a link, or null: the page's own routes
 *  ("#/..."), this server's paths ("api/...", "static/...") and http(s) URLs. */
export function safeHref(value) {
  if (typeof value !== "string") return null;
  const v = value.trim();
  if (v.startsWith("#") || /^(api|static)\//.test(v)) return v;
  return httpUrl(v);
}

function setAttributes(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(key) || key === "style") {
      throw new Error(`refusing to set ${key} from data`);
    }
    if (key === "class") {
      el.setAttribute("class", Array.isArray(value) ? value.filter(Boolean).join(" ") : value);
    } else if (key === "href") {
      const href = safeHref(String(value));
      if (href !== null) el.setAttribute("href", href);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
  return el;
}

/** h("a", {href: "#/", class: "x"}, "text", childNode, [more]) → HTMLElement. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttributes(el, attrs);
  return append(el, children);
}

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttributes(el, attrs);
  return append(el, children);
}

/** A link to an outside page: <a> when the URL is http(s), else the URL as plain text. */
export function externalLink(url, label) {
  const href = httpUrl(url);
  if (!href) return h("span", { class: "unsafe-url" }, label ?? url ?? "");
  return h("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, label ?? url);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/**
 * `text` as a fragment with each range wrapped in <mark class=...>.
 * ranges: [{start, end, cls, title}] in code points (Python string offsets),
 * so the text is cut by code point, not by UTF-16 unit. Ranges nest (the
 * claimant inside the evidence sentence); a range crossing the end of an
 * enclosing one is cut at that end. Of ranges covering the same span only
 * the first is kept. Invalid ranges are ignored.
 */
export function highlight(text, ranges) {
  const chars = Array.from(text);
  const seen = new Set();
  const valid = ranges
    .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end))
    .filter((r) => r.start >= 0 && r.start < r.end && r.end <= chars.length)
    .filter((r) => {
      const key = `${r.start}:${r.end}`; // the first range given for a span wins
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const frag = document.createDocumentFragment();
  build(frag, chars, 0, chars.length, valid);
  return frag;
}

function build(parent, chars, from, to, ranges) {
  let pos = from;
  let i = 0;
  while (i < ranges.length) {
    const r = ranges[i];
    const start = Math.max(r.start, pos);
    const end = Math.min(r.end, to);
    i += 1;
    if (start >= end) continue;
    if (start > pos) parent.appendChild(document.createTextNode(chars.slice(pos, start).join("")));
    // ranges starting inside this one are its children
    const inner = [];
    while (i < ranges.length && ranges[i].start < end) inner.push(ranges[i++]);
    const mark = h("mark", { class: r.cls, title: r.title });
    build(mark, chars, start, end, inner);
    parent.appendChild(mark);
    pos = end;
  }
  if (pos < to) parent.appendChild(document.createTextNode(chars.slice(pos, to).join("")));
}

/** Code-point slice of a string (offsets from the API count code points). */
export function sliceText(text, start, end) {
  return Array.from(text).slice(start, end).join("");
}
