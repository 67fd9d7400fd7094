// #/timeline?filters : one row per event type, one mark per event at
// date.start (a bar to date.end when the date is a span), x = time. An event
// with no date of its own is drawn hollow at the day it was reported (its
// claim date, else its article's publication date).

import { fetchAllEvents } from "../api.js";
import { h, s } from "../dom.js";
import { filterForm, pickFilters } from "../filters.js";
import { dateLabel, parseDate, relationText, sortTypes, typeColour } from "../format.js";
import { coverageNote, typeLegend } from "../legend.js";
import { eventHref } from "./event.js";

const ROW = 34;
const MARGIN = { top: 12, right: 24, bottom: 36, left: 110 };
const DAY = 86400000;

export async function render(main, { params, signal }) {
  const d3 = window.d3;
  const filters = pickFilters(params);
  main.append(h("h1", {}, "Timeline"), filterForm("timeline", params));
  const data = await fetchAllEvents(filters, { signal });

  const dated = [];
  let reportedOnly = 0;
  for (const record of data.items) {
    const start = parseDate(record.date && record.date.start);
    if (start) {
      const end = parseDate(record.date.end);
      dated.push({ record, start, end: end && end > start ? end : start, reported: false });
      continue;
    }
    const when = reportedDate(record);
    const day = parseDate(when);
    if (!day) continue;
    reportedOnly += 1;
    dated.push({ record, start: day, end: day, reported: true, when });
  }
  main.append(coverageNote(dated.length, data.items.length, data.total,
    "have no date nor a report date"));
  if (reportedOnly) {
    main.append(h("p", { class: "note" },
      `${reportedOnly} without a date of their own are drawn hollow at the day they were reported.`));
  }
  if (!dated.length) return;

  const types = sortTypes(dated.map((d) => d.record.type));
  const width = Math.max(640, main.clientWidth || 960);
  const height = MARGIN.top + types.length * ROW + MARGIN.bottom;

  let [lo, hi] = d3.extent(dated.flatMap((d) => [d.start, d.end]));
  if (hi - lo < 60 * DAY) {
    lo = new Date(+lo - 30 * DAY);
    hi = new Date(+hi + 30 * DAY);
  }
  const x = d3.scaleUtc().domain([lo, hi]).nice().range([MARGIN.left, width - MARGIN.right]);
  const y = d3.scaleBand().domain(types).range([MARGIN.top, height - MARGIN.bottom]).padding(0.15);

  const svg = s("svg", {
    class: "timeline",
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "img",
    "aria-label": "Events over time, one row per event type",
  });
  const root = d3.select(svg);

  // rows with their type label
  const rows = root.append("g").attr("class", "timeline-rows");
  rows.selectAll("rect").data(types).join("rect")
    .attr("class", (_, i) => (i % 2 ? "timeline-row odd" : "timeline-row"))
    .attr("x", MARGIN.left).attr("width", width - MARGIN.left - MARGIN.right)
    .attr("y", (t) => y(t)).attr("height", y.bandwidth());
  rows.selectAll("text").data(types).join("text")
    .attr("class", "timeline-label")
    .attr("x", MARGIN.left - 8).attr("y", (t) => y(t) + y.bandwidth() / 2).attr("dy", "0.35em")
    .text((t) => t);

  root.append("g").attr("class", "axis")
    .attr("transform", `translate(0,${height - MARGIN.bottom})`)
    .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))));
  root.append("g").attr("class", "grid")
    .attr("transform", `translate(0,${height - MARGIN.bottom})`)
    .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))).tickSize(-(height - MARGIN.top - MARGIN.bottom)).tickFormat(() => ""));

  // spread events of the same type on the same day vertically
  const stack = new Map();
  const offset = (d) => {
    const key = `${d.record.type}|${+d.start}`;
    const n = stack.get(key) || 0;
    stack.set(key, n + 1);
    const step = Math.min(6, y.bandwidth() / 6);
    const level = Math.min(Math.ceil(n / 2), Math.floor(y.bandwidth() / 2 / step) - 1);
    return n === 0 ? 0 : (n % 2 ? 1 : -1) * level * step;
  };

  const marks = root.append("g").attr("class", "timeline-marks");
  for (const d of dated) {
    const cy = y(d.record.type) + y.bandwidth() / 2 + offset(d);
    const colour = typeColour(d.record.type);
    const when = d.reported ? `reported ${d.when}` : dateLabel(d.record.date);
    const label = `${when}: ${d.record.type} ${relationText(d.record)} (${d.record.factuality || "?"})`;
    const link = marks.append("a").attr("href", eventHref(d.record.id));
    if (+d.end > +d.start + DAY) {
      link.append("line").attr("class", "timeline-span")
        .attr("x1", x(d.start)).attr("x2", x(d.end)).attr("y1", cy).attr("y2", cy)
        .attr("stroke", colour);
    }
    link.append("circle")
      .attr("class", d.reported ? "timeline-mark reported" : "timeline-mark")
      .attr("data-event-id", d.record.id)
      .attr("cx", x(d.start)).attr("cy", cy).attr("r", 6)
      .attr("fill", d.reported ? "#ffffff" : colour)
      .style("stroke", d.reported ? colour : null)
      .append("title").text(label);
  }

  main.append(
    typeLegend(types, filters),
    h("div", { class: "chart-wrap" }, svg),
  );
}

// The day an undated event was reported: its claim date, else its article's
// (for a fused event: its first report's) publication date.
function reportedDate(record) {
  const claim = record.attribution && record.attribution.claim_date;
  if (claim) return claim;
  if (record.document && record.document.published) return record.document.published;
  return record.first_reported ? record.first_reported.published : null;
}
