// tacitus web UI: renders each page from the JSON API (/api/...). Plain JavaScript, no build step.
//
// Safety: article text, titles, actor names and reasons are untrusted. Every value from the API
// is put into the page with textContent / createTextNode, or into an attribute chosen here
// (never one named by data); nothing is ever assigned to innerHTML. Links to article URLs are
// only made for http(s) URLs. The server's Content-Security-Policy forbids inline scripts too.
"use strict";

const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QUAD_COLOURS = { 1: "#7fb77e", 2: "#2e7d32", 3: "#f0a04b", 4: "#c62828" };
const MODALITY_FLAGS = ["negated", "hypothetical", "hedged", "historical", "ongoing"];
const SVG_NS = "http://www.w3.org/2000/svg";
const MULTI = new Set(["event", "modality"]); // parameters that take several values
const RETRIES = 5; // a 503 (the store is being updated) is retried this many times

// ---- DOM helpers -------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key === "text") node.textContent = String(value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function link(href, text, attrs) {
  return el("a", { href, ...(attrs || {}) }, text);
}

function safeUrl(url) {
  // Only http(s) article URLs become links: "javascript:" and friends stay plain text.
  try {
    const parsed = new URL(String(url));
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? "?" + text : "";
}

function pageParams() {
  const out = {};
  for (const [key, value] of new URLSearchParams(location.search)) {
    if (value === "") continue;
    if (MULTI.has(key)) (out[key] = out[key] || []).push(value);
    else out[key] = value;
  }
  return out;
}

// What the pages count, from the URL: deduplicated events (the default) or every report.
function countParam() {
  return new URLSearchParams(location.search).get("count") === "reports" ? "reports" : "events";
}

function withCount(params) {
  return countParam() === "reports" ? { ...params, count: "reports" } : params;
}

function unitName(n) {
  const unit = countParam() === "reports" ? "report" : "event";
  return n === 1 ? unit : unit + "s";
}

function actorHref(code) {
  return "/actors/" + encodeURIComponent(code) + query(withCount({}));
}

function eventHref(id) {
  return "/events/" + encodeURIComponent(id);
}

function fmtNumber(x, digits) {
  if (x === null || x === undefined) return "—";
  return digits === undefined ? String(x) : Number(x).toFixed(digits);
}

function fmtSigned(x) {
  if (x === null || x === undefined) return "—";
  const n = Number(x);
  return (n > 0 ? "+" : "") + n.toFixed(1);
}

function fmtPeriod(period, interval) {
  return interval === "month" ? String(period).slice(0, 7) : String(period);
}

function codeLabel(code, name) {
  if (!code) return el("span", { class: "muted" }, "unresolved");
  return link(actorHref(code), code, { class: "code", title: name || code });
}

// ---- API ---------------------------------------------------------------------------------------

class ApiError extends Error {}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// A JSON API call; while the store is being updated (503) it says so and tries again after Retry-After.
async function api(path, params, options) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(path + query(params || {}), options);
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (response.ok) {
      document.getElementById("status").hidden = true;
      return body;
    }
    if (response.status === 503 && attempt < RETRIES) {
      const wait = Math.min(30, Number(response.headers.get("Retry-After")) || 2);
      const status = document.getElementById("status");
      status.textContent = `${(body && body.error) || "the store is being updated"}… (again in ${wait} s)`;
      status.hidden = false;
      await sleep(wait * 1000);
      continue;
    }
    throw new ApiError((body && body.error) || `${response.status} ${response.statusText}`);
  }
}

// CSV and Parquet links to exactly the rows a view shows (the API's format= parameter).
function downloads(path, params, extra) {
  const box = el("span", { class: "downloads" }, "download: ");
  for (const format of ["csv", "parquet"]) {
    box.append(link(path + query({ ...params, ...(extra || {}), page: "", format }), format === "csv" ? "CSV" : "Parquet",
      { "data-download": format, download: "" }), " ");
  }
  return box;
}

function showError(target, error) {
  target.replaceChildren(el("div", { class: "error", role: "alert" }, String(error.message || error)));
}

// ---- forms -------------------------------------------------------------------------------------

function field(label, input) {
  return el("label", { class: "field" }, el("span", {}, label), input);
}

function input(name, value, attrs) {
  return el("input", { name, value: value || "", ...(attrs || {}) });
}

function select(name, options, value, attrs) {
  const node = el("select", { name, ...(attrs || {}) });
  for (const [optValue, optLabel] of options) {
    const opt = el("option", { value: optValue }, optLabel);
    if (String(optValue) === String(value ?? "")) opt.selected = true;
    node.append(opt);
  }
  return node;
}

function actorDatalist(id, actors) {
  return el("datalist", { id }, actors.map((a) => el("option", { value: a.code }, a.name ? `${a.code} ${a.name}` : a.code)));
}

// A GET form whose submit drops empty fields, so the URL keeps only the filters that are set.
function filterForm(action, fields, extraHidden) {
  const form = el("form", { class: "filters", action, method: "get" }, fields,
    el("div", { class: "buttons" }, el("button", { type: "submit" }, "Apply"), link(action, "Reset", { class: "reset" })));
  for (const [key, value] of Object.entries(extraHidden || {})) {
    if (value !== undefined && value !== null && value !== "") form.append(el("input", { type: "hidden", name: key, value }));
  }
  const count = countParam();
  if (count !== "events" && !form.querySelector("[name=count]")) form.append(el("input", { type: "hidden", name: "count", value: count }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = {};
    for (const [key, value] of new FormData(form)) {
      if (value === "") continue;
      if (MULTI.has(key)) (params[key] = params[key] || []).push(value);
      else params[key] = value;
    }
    location.assign(action + query(params));
  });
  return form;
}

function multiSelect(name, options, values, size) {
  const chosen = new Set((values || []).map(String));
  const node = el("select", { name, multiple: true, size: size || 4 });
  for (const [value, label] of options) {
    const opt = el("option", { value }, label);
    if (chosen.has(String(value))) opt.selected = true;
    node.append(opt);
  }
  return node;
}

function confidenceField(params) {
  return field("least confidence", input("min_confidence", params.min_confidence,
    { type: "number", min: 0, max: 1, step: 0.01, placeholder: "0", size: 5 }));
}

// ---- highlighting ------------------------------------------------------------------------------

// spans: [{start, end, cls, label}] with offsets in Unicode code points (as Python counts them).
function highlight(text, spans) {
  const chars = Array.from(text);
  const n = chars.length;
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= n);
  const cuts = new Set([0, n]);
  valid.forEach((s) => { cuts.add(s.start); cuts.add(s.end); });
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    const piece = chars.slice(a, b).join("");
    const covering = valid.filter((s) => s.start <= a && b <= s.end);
    if (!covering.length) {
      out.append(piece);
      continue;
    }
    const classes = ["hl", ...new Set(covering.map((s) => s.cls))].join(" ");
    out.append(el("mark", { class: classes, title: covering.map((s) => s.label).join("; "), "data-start": a, "data-end": b }, piece));
  }
  return out;
}

function actorText(actor) {
  const parts = [actor.code || "unresolved", actor.sector, actor.name].filter(Boolean);
  return `“${actor.text}” → ${parts.join(", ")}`;
}

function recordSpans(record) {
  const spans = [];
  if (record.trigger) spans.push({ start: record.trigger.start, end: record.trigger.end, cls: "hl-trigger", label: `trigger: ${record.event}` });
  for (const a of record.actor || []) spans.push({ start: a.start, end: a.end, cls: "hl-actor", label: "source: " + actorText(a) });
  for (const a of record.recipient || []) spans.push({ start: a.start, end: a.end, cls: "hl-recipient", label: "target: " + actorText(a) });
  if (record.claimed_by) spans.push({ start: record.claimed_by.start, end: record.claimed_by.end, cls: "hl-claim", label: "claimed by: " + actorText(record.claimed_by) });
  return spans;
}

function legend() {
  return el("p", { class: "legend" },
    el("mark", { class: "hl hl-trigger" }, "trigger"), " ",
    el("mark", { class: "hl hl-actor" }, "source"), " ",
    el("mark", { class: "hl hl-recipient" }, "target"), " ",
    el("mark", { class: "hl hl-claim" }, "claimed by"));
}

function articleText(text, record) {
  const box = el("div", { class: "article-text", "data-testid": "article-text" });
  box.append(highlight(text, recordSpans(record)));
  return box;
}

function modalityBadges(flags, claimed) {
  const badges = MODALITY_FLAGS.filter((f) => flags[f]).map((f) => el("span", { class: `badge badge-${f}` }, f));
  if (claimed) badges.push(el("span", { class: "badge badge-claimed", title: `claimed by ${claimed}` }, "claimed"));
  return badges.length ? badges : [el("span", { class: "muted" }, "asserted")];
}

function quadBadge(quad) {
  if (!quad) return el("span", { class: "muted" }, "—");
  return el("span", { class: `quad quad-${quad}`, title: QUAD_NAMES[quad] }, `Q${quad}`);
}

function actorsValue(actors) {
  if (!actors || !actors.length) return el("span", { class: "muted" }, "none");
  return el("ul", { class: "plain" }, actors.map((a) => el("li", {},
    `“${a.text}” → `, a.code ? codeLabel(a.code, a.name) : el("span", { class: "muted" }, "unresolved"),
    [a.sector, a.name].filter(Boolean).length ? ` (${[a.sector, a.name].filter(Boolean).join(", ")})` : "",
    el("span", { class: "muted" }, ` [${a.start}–${a.end}]`))));
}

// Every field of the record with the reason it got its value.
function fieldsTable(record) {
  const reasons = record.reasons || {};
  const mod = record.modality || {};
  const flags = MODALITY_FLAGS.filter((f) => mod[f]);
  const loc = record.location;
  const rows = [
    ["event", record.event, reasons.event],
    ["mode", record.mode || "—", reasons.mode],
    ["context", (record.context || []).join(", ") || "—", reasons.context],
    ["cameo", record.cameo, reasons.cameo],
    ["goldstein", fmtSigned(record.goldstein), reasons.goldstein],
    ["quad_code", `${record.quad_code} ${QUAD_NAMES[record.quad_code] || ""}`, reasons.quad_code],
    ["actor", actorsValue(record.actor), reasons.actor],
    ["recipient", actorsValue(record.recipient), reasons.recipient],
    ["event_text", `“${record.event_text}” [${record.trigger.start}–${record.trigger.end}]`, reasons.event_text || reasons.trigger || reasons.event],
    ["date", `${record.date || "—"} (${record.date_granularity})${record.date_text ? `, from “${record.date_text}”` : ""}`, record.date_reason || reasons.date],
    ["modality", (flags.length ? flags.join(", ") : "asserted") + (mod.inferred && mod.inferred.length ? `; inferred: ${mod.inferred.join(", ")}` : ""), reasons.modality],
    ["claimed_by", record.claimed_by ? actorsValue([record.claimed_by]) : "—", reasons.claimed_by],
    ["location", loc ? [loc.name, loc.admin1, loc.country, loc.lat != null ? `${loc.lat}, ${loc.lon}` : null].filter(Boolean).join(" · ") : "—", reasons.location],
    ["text", `sentence ${record.sentence_index}: ${record.text}`, reasons.text],
  ];
  const shown = new Set(rows.map((r) => r[0]).concat(["trigger"]));
  for (const [key, reason] of Object.entries(reasons)) {
    if (shown.has(key)) continue;
    const value = record[key];
    rows.push([key, value === undefined ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value), reason]);
  }
  const coder = Object.entries(record.coder || {}).map(([k, v]) => `${k} ${v}`).join(", ");
  rows.push(["coder", coder, "the tacitus version and the stages that ran"]);
  return el("table", { class: "fields", "data-testid": "fields" },
    el("thead", {}, el("tr", {}, el("th", {}, "field"), el("th", {}, "value"), el("th", {}, "reason"))),
    el("tbody", {}, rows.map(([name, value, reason]) => el("tr", { "data-field": name },
      el("th", { scope: "row" }, name), el("td", {}, value), el("td", { class: "reason" }, reason || el("span", { class: "muted" }, "—"))))));
}

// ---- charts (Vega-Lite, vendored; drawn with Vega's CSP-safe expression interpreter) -----------

const EMBED_OPTIONS = {
  actions: false, renderer: "svg", defaultStyle: false, ast: true,
  tooltip: { disableDefaultStyle: true },
};

function embedOptions() {
  return { ...EMBED_OPTIONS, expr: window.vegaInterpreter.expressionInterpreter };
}

// The end of a period (the next Monday or the first of the next month), as YYYY-MM-DD.
function periodEnd(period, interval) {
  const d = new Date(period + "T00:00:00Z");
  if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

// A figure holding a Vega-Lite chart, with PNG and SVG downloads of it.
function chartFigure(spec, name, testid) {
  const holder = el("div", { class: "chart", "data-testid": testid });
  const buttons = el("span", { class: "downloads" }, "chart: ");
  const box = el("figure", { class: "chart-box" }, holder, el("figcaption", {}, buttons));
  window.vegaEmbed(holder, spec, embedOptions()).then((result) => {
    holder.dataset.drawn = "1";
    for (const type of ["png", "svg"]) {
      buttons.append(el("button", { type: "button", class: "link", "data-download": type, onclick: async () => {
        const url = await result.view.toImageURL(type, type === "png" ? 2 : 1);
        const a = el("a", { href: url, download: `${name}.${type}` });
        document.body.append(a);
        a.click();
        a.remove();
      } }, type.toUpperCase()), " ");
    }
  }).catch((error) => showError(holder, error));
  return box;
}

// Counts per period on a calendar axis (stacked bars: `series` up, or down when `down`), and under it
// the `line` value (e.g. the Goldstein sum) per period on its own axis; each panel has one zero line.
function timelineChart({ periods, interval, series, line, unit, name, testid }) {
  const counts = [];
  const scores = [];
  for (const p of periods) {
    const end = periodEnd(p.period, interval);
    const label = fmtPeriod(p.period, interval);
    for (const s of series) {
      counts.push({ start: p.period, end, label, series: s.label, value: s.down ? -p[s.key] : p[s.key], n: p[s.key] });
    }
    scores.push({ start: p.period, end, label, value: p[line.key] });
  }
  const x = { field: "start", type: "temporal", scale: { type: "utc" }, title: null,
    axis: { format: interval === "week" ? "%d %b %Y" : "%b %Y", labelOverlap: true, grid: false } };
  const x2 = { field: "end" };
  const zero = { mark: { type: "rule", color: "#555" }, encoding: { y: { datum: 0, type: "quantitative" } } };
  const spec = {
    vconcat: [
      {
        width: "container",
        height: 200,
        layer: [
          {
            data: { values: counts }, mark: { type: "bar", tooltip: true },
            encoding: {
              x, x2,
              y: { field: "value", type: "quantitative", stack: "zero", title: `${unit} per ${interval}`, axis: { tickCount: 6, format: "d", labelExpr: "abs(datum.value)" } },
              color: { field: "series", type: "nominal", title: null, scale: { domain: series.map((s) => s.label), range: series.map((s) => s.colour) }, legend: { orient: "top" } },
              tooltip: [{ field: "label", title: interval }, { field: "series", title: "what" }, { field: "n", title: unit }],
              description: { field: "label" },
            },
          },
          zero,
        ],
      },
      {
        width: "container",
        height: 110,
        layer: [
          {
            data: { values: scores }, mark: { type: "bar", color: line.colour, tooltip: true },
            encoding: {
              x, x2,
              y: { field: "value", type: "quantitative", title: line.label, axis: { tickCount: 4 } },
              tooltip: [{ field: "label", title: interval }, { field: "value", title: line.label, format: "+.1f" }],
            },
          },
          zero,
        ],
      },
    ],
    resolve: { scale: { x: "shared" } },
    config: { view: { stroke: null }, font: "system-ui, sans-serif" },
  };
  return chartFigure(spec, name, testid);
}

// ---- pages -------------------------------------------------------------------------------------

async function pageEvents(main, meta) {
  const params = pageParams();
  const actors = (await api("/api/actors", withCount({}))).actors;
  const typeOptions = meta.event_types.map((t) => [t.event, `${t.event} (${t.count})`]);
  const quadOptions = [["", "any class"], ...meta.quad_classes.map((q) => [q.quad_code, `${q.quad_code} ${q.name}`])];
  const modeOptions = [["", "any mode"], ...meta.modes.map((m) => [m, m])];
  const modalityOptions = meta.modalities.map((m) => [m, m]);
  const countryOptions = [["", "anywhere"], ...meta.location_countries.map((c) => [c, c])];
  const form = filterForm("/events", [
    field("from", input("start", params.start, { type: "date" })),
    field("to", input("end", params.end, { type: "date" })),
    field("actor", input("actor", params.actor, { list: "actor-codes", placeholder: "e.g. USA", size: 10, autocomplete: "off" })),
    field("as", select("role", [["any", "source or target"], ["source", "source"], ["target", "target"]], params.role || "any")),
    field("with", input("partner", params.partner, { list: "actor-codes", placeholder: "other side", size: 10, autocomplete: "off" })),
    field("country", select("country", countryOptions, params.country)),
    field("types (any of)", multiSelect("event", typeOptions, params.event, 5)),
    field("quad class", select("quad", quadOptions, params.quad)),
    field("mode", select("mode", modeOptions, params.mode)),
    field("modalities (any of)", multiSelect("modality", modalityOptions, params.modality, 5)),
    confidenceField(params),
    field("per page", select("page_size", [[25, "25"], [50, "50"], [100, "100"], [500, "500"]], params.page_size || 50)),
    actorDatalist("actor-codes", actors),
  ], { sort: params.sort, order: params.order });
  const results = el("div", { id: "results" });
  main.replaceChildren(el("h1", {}, countParam() === "reports" ? "Reports" : "Events"), form, results);
  const data = await api("/api/events", params);
  const sortLink = (key, label) => {
    const active = data.sort === key;
    const order = active && data.order === "desc" ? "asc" : "desc";
    const arrow = active ? (data.order === "desc" ? " ▼" : " ▲") : "";
    return link("/events" + query({ ...params, sort: key, order, page: "" }), label + arrow, { class: active ? "sort active" : "sort" });
  };
  const cell = (label, attrs, ...children) => el("td", { "data-label": label, ...(attrs || {}) }, ...children);
  const rows = data.items.map((e) => el("tr", { "data-event-id": e.id },
    cell("date", { class: "nowrap" }, link(eventHref(e.id), e.date || "—", { class: "event-link" })),
    cell("type", {}, link(eventHref(e.id), e.event), e.mode ? el("span", { class: "muted" }, ` ${e.mode}`) : ""),
    cell("quad", {}, quadBadge(e.quad_code)),
    cell("source", {}, codeLabel(e.actor_code), e.actor_sector ? el("span", { class: "muted" }, ` ${e.actor_sector}`) : ""),
    cell("target", {}, codeLabel(e.recipient_code), e.recipient_sector ? el("span", { class: "muted" }, ` ${e.recipient_sector}`) : ""),
    cell("Goldstein", { class: "num" }, fmtSigned(e.goldstein)),
    cell("reports", { class: "num", "data-testid": "mentions", title: "reports of this event" }, e.n_mentions),
    cell("modality", {}, modalityBadges(e, e.claimed ? e.claimed_by || "an unresolved source" : null)),
    cell("evidence", { class: "evidence" }, sentenceWithTrigger(e.sentence || "", e.event_text),
      el("div", { class: "muted small" }, e.article_title || e.article_id))));
  const table = el("table", { class: "events cards", "data-testid": "events-table" },
    el("thead", {}, el("tr", {},
      el("th", {}, sortLink("date", "Date")), el("th", {}, sortLink("event", "Type")), el("th", {}, sortLink("quad_code", "Quad")),
      el("th", {}, sortLink("actor", "Source")), el("th", {}, sortLink("recipient", "Target")),
      el("th", { class: "num" }, sortLink("goldstein", "Goldstein")), el("th", { class: "num", title: "reports of this event" }, "Reports"),
      el("th", {}, "Modality"), el("th", {}, "Evidence"))),
    el("tbody", {}, rows));
  results.replaceChildren(
    el("p", { class: "count" }, el("span", { "data-testid": "count" }, `${data.total} ${unitName(data.total)}`), " · ", downloads("/api/events", params)),
    data.items.length ? table : el("p", { class: "muted" }, "No event matches these filters."),
    pager("/events", params, data));
}

function sentenceWithTrigger(sentence, trigger) {
  const at = trigger ? sentence.indexOf(trigger) : -1;
  if (at < 0) return el("span", {}, sentence);
  return el("span", {}, sentence.slice(0, at), el("b", {}, trigger), sentence.slice(at + trigger.length));
}

function pager(path, params, data) {
  const nav = el("nav", { class: "pager", "aria-label": "pages" });
  if (data.page > 1) nav.append(link(path + query({ ...params, page: data.page - 1 }), "« previous", { rel: "prev" }));
  nav.append(el("span", {}, `page ${data.page} of ${data.pages}`));
  if (data.page < data.pages) nav.append(link(path + query({ ...params, page: data.page + 1 }), "next »", { rel: "next" }));
  return nav;
}

function eventHeading(record) {
  const actors = (list) => (list.length ? list.map((a) => a.code || "?").join(", ") : "—");
  return el("h1", {}, quadBadge(record.quad_code), " ", record.event, record.mode ? el("span", { class: "muted" }, ` ${record.mode}`) : "",
    el("span", { class: "dyad" }, ` ${actors(record.actor)} → ${actors(record.recipient)}`),
    el("span", { class: "muted" }, ` · ${record.date || "undated"} · Goldstein ${fmtSigned(record.goldstein)} · CAMEO ${record.cameo}`));
}

async function pageEvent(main, meta, eventId) {
  const data = await api("/api/events/" + encodeURIComponent(eventId));
  const record = data.record;
  const art = data.article;
  const articleBox = el("section", { class: "article" });
  if (art) {
    const url = art.url ? safeUrl(art.url) : null;
    articleBox.append(
      el("h2", {}, art.title || "(untitled article)"),
      el("p", { class: "muted" }, `${art.date}`, art.source ? ` · ${art.source}` : "", " · ",
        url ? link(url, "original", { rel: "noopener noreferrer nofollow", target: "_blank" }) : (art.url ? `url: ${art.url}` : "no url"),
        " · ", link("/events" + query({ article: art.id, sort: "position", order: "asc" }), "all events of this article")),
      legend(), articleText(art.text, record));
  } else {
    articleBox.append(el("p", { class: "muted" }, "The article is not in the store."));
  }
  const reports = el("section", { class: "reports", "data-testid": "reported-by" }, el("h2", {}, "Also reported by"));
  if (data.reported_by.length) {
    reports.append(el("ul", {}, data.reported_by.map((r) => el("li", {},
      link(eventHref(r.event_id), r.article_title || r.article_id), el("span", { class: "muted" }, ` · ${r.article_date || ""}${r.article_source ? " · " + r.article_source : ""} · event date ${r.date}`),
      el("div", { class: "small" }, r.sentence || "")))));
  } else {
    reports.append(el("p", { class: "muted" }, "No other article in the store reports an event of this type between these actors within 7 days."));
  }
  main.replaceChildren(eventHeading(record),
    el("div", { class: "two-col" }, articleBox, el("section", { class: "detail" }, el("h2", {}, "Fields and reasons"), fieldsTable(record), reports)));
  const trigger = main.querySelector("mark.hl-trigger");
  if (trigger) trigger.scrollIntoView({ block: "center" });
  window.scrollTo(0, 0);
}

async function pageActors(main) {
  const params = withCount({});
  const data = await api("/api/actors", params);
  main.replaceChildren(el("h1", {}, "Actors"),
    el("p", { class: "muted" }, `Actor codes (countries, international bodies) with how often each is the source or the target of ${unitName(2)}. `,
      downloads("/api/actors", params)),
    el("div", { class: "table-scroll" }, el("table", { class: "actors", "data-testid": "actors-table" },
      el("thead", {}, el("tr", {}, el("th", {}, "code"), el("th", {}, "name"), el("th", { class: "num" }, "as source"), el("th", { class: "num" }, "as target"), el("th", { class: "num" }, unitName(2)))),
      el("tbody", {}, data.actors.map((a) => el("tr", {}, el("td", {}, codeLabel(a.code, a.name)), el("td", {}, a.name || ""),
        el("td", { class: "num" }, a.n_source), el("td", { class: "num" }, a.n_target), el("td", { class: "num" }, a.n_events)))))));
}

async function pageActor(main, meta, code) {
  const params = pageParams();
  const interval = params.interval || "month";
  const path = "/api/actors/" + encodeURIComponent(code);
  const data = await api(path, params);
  const form = filterForm("/actors/" + encodeURIComponent(code), [
    field("from", input("start", params.start, { type: "date" })),
    field("to", input("end", params.end, { type: "date" })),
    field("per", select("interval", [["month", "month"], ["week", "week"]], interval)),
    confidenceField(params),
  ]);
  const name = `tacitus-actor-${code}-${data.count}-${interval}`;
  const chart = data.timeline.length
    ? timelineChart({
      periods: data.timeline, interval, unit: unitName(2), name, testid: "actor-chart",
      series: [{ key: "cooperation", label: "cooperation (quad 1–2)", colour: "#2e7d32" }, { key: "conflict", label: "conflict (quad 3–4)", colour: "#c62828", down: true }],
      line: { key: "goldstein_sum", label: "Goldstein sum", colour: "#34495e" },
    })
    : el("p", { class: "muted" }, "No dated events.");
  const maxPartner = Math.max(1, ...data.partners.map((p) => p.cooperation + p.conflict));
  const scope = { start: params.start, end: params.end, min_confidence: params.min_confidence };
  const partnerRows = data.partners.map((p) => {
    const bar = el("div", { class: "coop-bar", title: `${p.cooperation} cooperation, ${p.conflict} conflict` },
      el("span", { class: "coop" }), el("span", { class: "conflict" }));
    bar.children[0].style.width = `${(100 * p.cooperation) / maxPartner}%`;
    bar.children[1].style.width = `${(100 * p.conflict) / maxPartner}%`;
    return el("tr", { "data-partner": p.code },
      el("td", {}, codeLabel(p.code, p.name), p.name ? el("span", { class: "muted" }, ` ${p.name}`) : ""),
      el("td", { class: "num" }, p.n_source), el("td", { class: "num" }, p.n_target),
      el("td", { class: "num" }, p.cooperation), el("td", { class: "num" }, p.conflict), el("td", {}, bar),
      el("td", { class: "num" }, fmtSigned(p.goldstein_mean)),
      el("td", {}, link("/dyad" + query(withCount({ a: code, b: p.code, ...scope })), "timeline"),
        " ", link("/events" + query(withCount({ actor: code, partner: p.code, ...scope })), unitName(2), { class: "pair-events" })));
  });
  main.replaceChildren(
    el("h1", {}, code, data.name ? el("span", { class: "muted" }, ` ${data.name}`) : ""),
    el("p", {}, `${data.n_source} ${unitName(data.n_source)} as source, ${data.n_target} as target. `,
      link("/events" + query(withCount({ actor: code, ...scope })), `List its ${unitName(2)}`)),
    form, el("h2", {}, `Cooperation vs conflict per ${interval}`), chart,
    el("p", {}, downloads(path, params, { table: "timeline" })),
    el("h2", {}, "Whom it deals with"),
    el("p", {}, downloads(path, params, { table: "partners" })),
    el("div", { class: "table-scroll" }, el("table", { class: "partners", "data-testid": "partners-table" },
      el("thead", {}, el("tr", {}, el("th", {}, "partner"), el("th", { class: "num" }, `${code} as source`), el("th", { class: "num" }, `${code} as target`),
        el("th", { class: "num" }, "coop."), el("th", { class: "num" }, "conflict"), el("th", {}, ""), el("th", { class: "num" }, "mean Goldstein"), el("th", {}, ""))),
      el("tbody", {}, partnerRows))));
}

async function pageDyad(main) {
  const params = pageParams();
  const [actors, top] = await Promise.all([api("/api/actors", withCount({})), api("/api/dyads", withCount({ limit: 12 }))]);
  if (!params.a && !params.b && top.dyads.length) {
    params.a = top.dyads[0].a;
    params.b = top.dyads[0].b;
  }
  const interval = params.interval || "month";
  const form = filterForm("/dyad", [
    field("actor A", input("a", params.a, { list: "actor-codes", size: 8, required: true, autocomplete: "off" })),
    field("actor B", input("b", params.b, { list: "actor-codes", size: 8, required: true, autocomplete: "off" })),
    field("direction", select("direction", [["both", "both ways"], ["ab", "A → B"], ["ba", "B → A"]], params.direction || "both")),
    field("per", select("interval", [["month", "month"], ["week", "week"]], interval)),
    field("from", input("start", params.start, { type: "date" })),
    field("to", input("end", params.end, { type: "date" })),
    confidenceField(params),
    actorDatalist("actor-codes", actors.actors),
  ]);
  const frequent = el("p", { class: "frequent" }, "Frequent pairs: ",
    top.dyads.map((d, i) => [i ? ", " : "", link("/dyad" + query(withCount({ a: d.a, b: d.b, interval })), `${d.a}–${d.b}`), ` (${d.n_events})`]));
  const body = el("div", { id: "dyad" });
  main.replaceChildren(el("h1", {}, "Dyad timeline"), form, frequent, body);
  if (!params.a || !params.b) {
    body.append(el("p", { class: "muted" }, "Choose two actors."));
    return;
  }
  const data = await api("/api/dyad", params);
  const series = [1, 2, 3, 4].map((q) => ({ key: `q${q}`, label: QUAD_NAMES[q], colour: QUAD_COLOURS[q] }));
  const role = { both: "any", ab: "source", ba: "target" }[params.direction || "both"];
  body.append(
    el("h2", {}, `${data.a}${data.a_name ? " " + data.a_name : ""} and ${data.b}${data.b_name ? " " + data.b_name : ""}`),
    el("p", { "data-testid": "dyad-total" }, `${data.total} ${unitName(data.total)}, Goldstein sum ${fmtSigned(data.goldstein_sum)}. `,
      link("/events" + query(withCount({ actor: data.a, partner: data.b, role, start: params.start, end: params.end, min_confidence: params.min_confidence })), `List them`),
      " · ", downloads("/api/dyad", { ...params, a: data.a, b: data.b })),
    data.periods.length
      ? timelineChart({ periods: data.periods, interval, series, unit: unitName(2), name: `tacitus-dyad-${data.a}-${data.b}-${data.count}-${interval}`,
        testid: "dyad-chart", line: { key: "goldstein_sum", label: "Goldstein sum", colour: "#34495e" } })
      : el("p", { class: "muted" }, "No dated events between these two."),
    el("div", { class: "table-scroll" }, el("table", { class: "dyad", "data-testid": "dyad-table" },
      el("thead", {}, el("tr", {}, el("th", {}, interval), [1, 2, 3, 4].map((q) => el("th", { class: "num", title: QUAD_NAMES[q] }, `Q${q}`)),
        el("th", { class: "num" }, `${data.a}→${data.b}`), el("th", { class: "num" }, `${data.b}→${data.a}`), el("th", { class: "num" }, "Goldstein sum"))),
      el("tbody", {}, data.periods.map((p) => el("tr", {}, el("td", {}, fmtPeriod(p.period, interval)),
        [p.q1, p.q2, p.q3, p.q4].map((v) => el("td", { class: "num" }, v)),
        el("td", { class: "num" }, p.a_to_b), el("td", { class: "num" }, p.b_to_a), el("td", { class: "num" }, fmtSigned(p.goldstein_sum))))))));
}

// The network: positions, degree, betweenness and communities computed by networkx on the server.
function networkChart(data, name) {
  const at = new Map(data.nodes.map((d) => [d.code, d]));
  const edges = data.edges.filter((e) => at.has(e.source) && at.has(e.target)).map((e) => ({
    x: at.get(e.source).x, y: at.get(e.source).y, x2: at.get(e.target).x, y2: at.get(e.target).y,
    pair: `${e.source}–${e.target}`, n: e.n_events, g: e.goldstein_mean,
  }));
  const nodes = data.nodes.map((d) => ({ ...d, community: `community ${d.community + 1}`, href: actorHref(d.code) }));
  const axis = { axis: null, scale: { domain: [-1.15, 1.15] } };
  const spec = {
    width: "container", height: 520,
    layer: [
      { data: { values: edges }, mark: { type: "rule", opacity: 0.8, tooltip: true },
        encoding: { x: { field: "x", type: "quantitative", ...axis }, y: { field: "y", type: "quantitative", ...axis }, x2: { field: "x2" }, y2: { field: "y2" },
          strokeWidth: { field: "n", type: "quantitative", scale: { range: [1, 8] }, legend: null },
          color: { field: "g", type: "quantitative", title: "mean Goldstein", scale: { domain: [-10, 0, 10], range: ["#c62828", "#969696", "#2e7d32"] } },
          tooltip: [{ field: "pair" }, { field: "n", title: unitName(2) }, { field: "g", title: "mean Goldstein", format: "+.1f" }] } },
      { data: { values: nodes }, mark: { type: "circle", opacity: 1, stroke: "#333", strokeWidth: 1, tooltip: true, cursor: "pointer" },
        encoding: { x: { field: "x", type: "quantitative", ...axis }, y: { field: "y", type: "quantitative", ...axis },
          size: { field: "n_events", type: "quantitative", scale: { range: [60, 900] }, title: unitName(2) },
          fill: { field: "community", type: "nominal", title: "community" }, href: { field: "href" },
          tooltip: [{ field: "code" }, { field: "name" }, { field: "n_events", title: unitName(2) }, { field: "degree", title: "partners" },
            { field: "betweenness", format: ".3f" }, { field: "community" }], description: { field: "code" } } },
      { data: { values: nodes }, mark: { type: "text", dy: -14, fontSize: 11 },
        encoding: { x: { field: "x", type: "quantitative", ...axis }, y: { field: "y", type: "quantitative", ...axis }, text: { field: "code" } } },
    ],
    resolve: { scale: { color: "independent" } },
    config: { view: { stroke: null }, font: "system-ui, sans-serif" },
  };
  return chartFigure(spec, name, "network");
}

async function pageNetwork(main) {
  const params = pageParams();
  const form = filterForm("/network", [
    field("from", input("start", params.start, { type: "date" })),
    field("to", input("end", params.end, { type: "date" })),
    field("min. per edge", input("min_events", params.min_events, { type: "number", min: 1, placeholder: "1" })),
    confidenceField(params),
  ]);
  const data = await api("/api/network", params);
  const scope = { start: params.start, end: params.end, min_confidence: params.min_confidence };
  main.replaceChildren(el("h1", {}, "Network"),
    el("p", { class: "muted" }, `Countries (the home country of the first actor on each side) linked by the ${unitName(2)} between them. Layout, betweenness and communities: networkx.`),
    form,
    data.nodes.length ? networkChart(data, `tacitus-network-${data.count}`) : el("p", { class: "muted" }, "No events between two countries in this range."),
    el("h2", {}, "Countries"),
    el("p", {}, downloads("/api/network", params, { table: "nodes" })),
    el("div", { class: "table-scroll" }, el("table", { class: "nodes", "data-testid": "nodes-table" },
      el("thead", {}, el("tr", {}, el("th", {}, "country"), el("th", { class: "num" }, unitName(2)), el("th", { class: "num" }, "partners"),
        el("th", { class: "num" }, "betweenness"), el("th", { class: "num" }, "community"))),
      el("tbody", {}, data.nodes.slice(0, 30).map((d) => el("tr", {}, el("td", {}, codeLabel(d.code, d.name)),
        el("td", { class: "num" }, d.n_events), el("td", { class: "num" }, d.degree), el("td", { class: "num" }, fmtNumber(d.betweenness, 3)),
        el("td", { class: "num" }, d.community + 1)))))),
    el("h2", {}, "Strongest links"),
    el("p", {}, downloads("/api/network", params, { table: "edges" })),
    el("div", { class: "table-scroll" }, el("table", { class: "edges", "data-testid": "edges-table" },
      el("thead", {}, el("tr", {}, el("th", {}, "pair"), el("th", { class: "num" }, unitName(2)), el("th", { class: "num" }, "mean Goldstein"), el("th", {}, ""))),
      el("tbody", {}, data.edges.slice(0, 30).map((e) => el("tr", {},
        el("td", {}, codeLabel(e.source), " – ", codeLabel(e.target)), el("td", { class: "num" }, e.n_events),
        el("td", { class: "num" }, fmtSigned(e.goldstein_mean)), el("td", {}, link("/dyad" + query(withCount({ a: e.source, b: e.target, ...scope })), "timeline"))))))));
}

async function pageCode(main, meta) {
  if (!meta.allow_coding) {
    main.replaceChildren(el("h1", {}, "Code an article"),
      el("div", { class: "error", role: "alert" }, "Coding is disabled on this server; start it with `tacitus serve --allow-coding`."));
    return;
  }
  const text = el("textarea", { name: "text", rows: 12, required: true, maxlength: meta.max_text_chars, placeholder: "Paste the article body here." });
  const date = el("input", { name: "date", type: "date", required: true, min: `${meta.min_year}-01-01`, max: `${meta.max_year}-12-31` });
  const title = el("input", { name: "title", size: 40, placeholder: "optional" });
  const status = el("p", { class: "status", "aria-live": "polite" });
  const output = el("div", { id: "coded" });
  const form = el("form", { class: "code-form" },
    field("article date", date), field("title", title), el("label", { class: "field wide" }, el("span", {}, "text"), text),
    el("div", { class: "buttons" }, el("button", { type: "submit" }, "Code"), el("span", { class: "muted" }, ` at most ${meta.max_text_chars.toLocaleString("en")} characters; nothing is stored`)));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    status.textContent = "Coding…";
    output.replaceChildren();
    try {
      const result = await api("/api/code", {}, {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: text.value, date: date.value, title: title.value }),
      });
      status.textContent = `${result.events.length} event${result.events.length === 1 ? "" : "s"} found.`;
      renderCoded(output, result);
    } catch (error) {
      status.textContent = "";
      showError(output, error);
    }
    document.body.dataset.coded = "1";
  });
  main.replaceChildren(el("h1", {}, "Code an article"), form, status, output);
}

function renderCoded(output, result) {
  if (!result.events.length) {
    output.replaceChildren(el("div", { class: "article-text" }, result.text));
    return;
  }
  const textBox = el("div", { class: "article-text", "data-testid": "article-text" });
  const detail = el("div", { class: "detail" });
  const list = el("ol", { class: "coded-events" });
  const show = (i) => {
    const record = result.events[i];
    textBox.replaceChildren(highlight(result.text, recordSpans(record)));
    detail.replaceChildren(eventHeading(record), fieldsTable(record));
    list.querySelectorAll("button").forEach((b, j) => b.classList.toggle("active", i === j));
    const mark = textBox.querySelector("mark.hl-trigger");
    if (mark) mark.scrollIntoView({ block: "nearest" });
  };
  result.events.forEach((record, i) => {
    const who = (xs) => (xs.length ? xs.map((a) => a.code || "?").join(",") : "—");
    list.append(el("li", {}, el("button", { type: "button", onclick: () => show(i) },
      `${record.event} ${who(record.actor)} → ${who(record.recipient)}: “${record.event_text}”`)));
  });
  output.replaceChildren(legend(), el("div", { class: "two-col" }, el("section", { class: "article" }, textBox), el("section", {}, list, detail)));
  show(0);
}

// ---- the API reference, rendered from the OpenAPI description -----------------------------------

function schemaName(schema) {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.anyOf) return schema.anyOf.map(schemaName).filter((t) => t !== "null").join(" or ");
  if (schema.type === "array") return `list of ${schemaName(schema.items)}`;
  if (schema.enum) return schema.enum.join(" | ");
  return schema.type || "";
}

function schemaTable(name, schema) {
  const props = Object.entries(schema.properties || {});
  return el("section", { class: "schema", id: `schema-${name}` }, el("h3", {}, name),
    el("div", { class: "table-scroll" }, el("table", { class: "api" },
      el("thead", {}, el("tr", {}, el("th", {}, "field"), el("th", {}, "type"), el("th", {}, "meaning"))),
      el("tbody", {}, props.map(([key, value]) => el("tr", {}, el("td", { class: "code" }, key), el("td", {}, schemaName(value)),
        el("td", {}, value.description || "")))))));
}

async function pageApiDocs(main) {
  const spec = await api("/api/openapi.json");
  const ops = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) ops.push({ path, method: method.toUpperCase(), op });
  }
  const toc = el("ul", { class: "toc" }, ops.map((o) => el("li", {}, link(`#${o.method}-${o.path}`, `${o.method} ${o.path}`), ` — ${o.op.summary || ""}`)));
  const sections = ops.map(({ path, method, op }) => {
    const params = op.parameters || [];
    const ok = ((op.responses || {})["200"] || {}).content || {};
    const returns = ok["application/json"] ? schemaName(ok["application/json"].schema) : "";
    return el("section", { class: "endpoint", id: `${method}-${path}` },
      el("h2", {}, el("span", { class: "method" }, method), " ", el("code", {}, path)),
      el("p", {}, op.description || op.summary || ""),
      params.length ? el("div", { class: "table-scroll" }, el("table", { class: "api" },
        el("thead", {}, el("tr", {}, el("th", {}, "parameter"), el("th", {}, "in"), el("th", {}, "type"), el("th", {}, "default"), el("th", {}, "meaning"))),
        el("tbody", {}, params.map((q) => el("tr", {}, el("td", { class: "code" }, q.name + (q.required ? " *" : "")), el("td", {}, q.in),
          el("td", {}, schemaName(q.schema)), el("td", {}, q.schema && q.schema.default !== undefined ? String(q.schema.default) : ""),
          el("td", {}, q.description || (q.schema && q.schema.description) || "")))))) : "",
      op.requestBody ? el("p", {}, "Body: ", schemaName(op.requestBody.content["application/json"].schema)) : "",
      el("p", {}, "Answers: ", Object.entries(op.responses || {}).map(([code, r], i) => [i ? "; " : "", el("b", {}, code), ` ${r.description}`]),
        returns ? ` (200: ${returns})` : ""));
  });
  const schemas = Object.entries((spec.components || {}).schemas || {}).filter(([, v]) => v.properties);
  main.replaceChildren(el("h1", {}, `${spec.info.title} API ${spec.info.version}`),
    el("p", {}, spec.info.description || ""),
    el("p", { class: "muted" }, "The same description as JSON: ", link("/api/openapi.json", "/api/openapi.json"), "."),
    toc, ...sections, el("h2", {}, "Shapes"), ...schemas.map(([name, schema]) => schemaTable(name, schema)));
}

// The header's switch between deduplicated events and reports (the `count` parameter of every view).
function countSwitch() {
  const current = countParam();
  const here = new URLSearchParams(location.search);
  here.delete("page");
  const make = (value, label, title) => {
    const next = new URLSearchParams(here);
    if (value === "events") next.delete("count"); else next.set("count", value);
    const text = next.toString();
    return link(location.pathname + (text ? "?" + text : ""), label,
      { class: value === current ? "current" : "", "aria-current": value === current ? "true" : null, title, "data-count": value });
  };
  document.getElementById("count-switch").replaceChildren(el("span", { class: "muted" }, "count: "),
    make("events", "events", "the same event reported by several articles counts once"), " / ",
    make("reports", "reports", "every report of an event counts"));
}

// ---- router ------------------------------------------------------------------------------------

const ROUTES = [
  [/^\/events\/?$/, "events", pageEvents],
  [/^\/events\/([^/]+)$/, "events", pageEvent],
  [/^\/actors\/?$/, "actors", pageActors],
  [/^\/actors\/([^/]+)$/, "actors", pageActor],
  [/^\/dyad\/?$/, "dyad", pageDyad],
  [/^\/network\/?$/, "network", pageNetwork],
  [/^\/code\/?$/, "code", pageCode],
  [/^\/docs\/api\/?$/, "api", pageApiDocs],
];

async function main() {
  const mainBox = document.getElementById("main");
  try {
    const meta = await api("/api/meta");
    document.getElementById("nav-code").hidden = !meta.allow_coding;
    countSwitch();
    document.getElementById("footer").replaceChildren(
      el("span", { "data-testid": "footer-counts" }, `tacitus ${meta.version} · ${meta.articles} articles, ${meta.events} events (${meta.reports} reports)`),
      meta.first_date ? ` from ${meta.first_date} to ${meta.last_date}` : "", " · ", link("/docs/api", "JSON API"));
    const route = ROUTES.find(([pattern]) => pattern.test(location.pathname));
    if (!route) throw new Error(`no page at ${location.pathname}`);
    const [pattern, name, render] = route;
    document.querySelectorAll("#nav a").forEach((a) => a.classList.toggle("current", a.dataset.page === name));
    const args = (location.pathname.match(pattern) || []).slice(1).map(decodeURIComponent);
    document.title = `${name} · tacitus`;
    await render(mainBox, meta, ...args);
  } catch (error) {
    showError(mainBox, error);
  }
  document.body.dataset.ready = "1";
}

main();
