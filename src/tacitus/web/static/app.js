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
  for (const [key, value] of new URLSearchParams(location.search)) if (value !== "") out[key] = value;
  return out;
}

function actorHref(code) {
  return "/actors/" + encodeURIComponent(code);
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

async function api(path, params, options) {
  const response = await fetch(path + query(params || {}), options);
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError((body && body.error) || `${response.status} ${response.statusText}`);
  }
  return body;
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
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = {};
    for (const [key, value] of new FormData(form)) if (value !== "") params[key] = value;
    location.assign(action + query(params));
  });
  return form;
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

// ---- charts ------------------------------------------------------------------------------------

// Bars per period, stacked: `series` going up from zero, or down when `down` is set;
// an optional `line` (e.g. the Goldstein sum) on its own scale (right axis).
function stackedChart({ periods, interval, series, line, label }) {
  const n = periods.length;
  const W = Math.max(720, n * 26 + 110);
  const H = 280;
  const padL = 48, padR = line ? 60 : 16, padT = 14, padB = 40;
  const plotH = H - padT - padB;
  const up = (p) => series.filter((s) => !s.down).reduce((t, s) => t + p[s.key], 0);
  const down = (p) => series.filter((s) => s.down).reduce((t, s) => t + p[s.key], 0);
  const maxUp = Math.max(1, ...periods.map(up));
  const maxDown = Math.max(0, ...periods.map(down));
  const scale = plotH / (maxUp + maxDown);
  const zeroY = padT + maxUp * scale;
  const step = (W - padL - padR) / Math.max(1, n);
  const bw = Math.max(3, Math.min(22, step * 0.7));
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": label });
  chart.append(svg("line", { x1: padL, x2: W - padR, y1: zeroY, y2: zeroY, class: "axis" }));
  chart.append(svg("text", { x: padL - 6, y: padT + 10, class: "tick", "text-anchor": "end" }, String(maxUp)));
  chart.append(svg("text", { x: padL - 6, y: zeroY + 4, class: "tick", "text-anchor": "end" }, "0"));
  if (maxDown > 0) chart.append(svg("text", { x: padL - 6, y: H - padB, class: "tick", "text-anchor": "end" }, String(maxDown)));
  const every = Math.max(1, Math.ceil(n / 12));
  periods.forEach((p, i) => {
    const x = padL + i * step + (step - bw) / 2;
    let yUp = zeroY;
    let yDown = zeroY;
    for (const s of series) {
      const v = p[s.key];
      if (!v) continue;
      const h = v * scale;
      const y = s.down ? yDown : yUp - h;
      if (s.down) yDown += h; else yUp -= h;
      chart.append(svg("rect", { x, y, width: bw, height: Math.max(h, 0.5), fill: s.colour, class: "bar" },
        svg("title", {}, `${fmtPeriod(p.period, interval)}: ${v} ${s.label}`)));
    }
    if (i % every === 0) {
      chart.append(svg("text", { x: x + bw / 2, y: H - padB + 16, class: "tick", "text-anchor": "middle" }, fmtPeriod(p.period, interval)));
    }
  });
  if (line && n) {
    const values = periods.map((p) => p[line.key]);
    const gmax = Math.max(0, ...values);
    const gmin = Math.min(0, ...values);
    const span = gmax - gmin || 1;
    const gy = (v) => padT + (plotH * (gmax - v)) / span;
    const points = periods.map((p, i) => `${(padL + i * step + step / 2).toFixed(1)},${gy(p[line.key]).toFixed(1)}`);
    chart.append(svg("line", { x1: padL, x2: W - padR, y1: gy(0), y2: gy(0), class: "axis-line-zero" }));
    chart.append(svg("polyline", { points: points.join(" "), fill: "none", stroke: line.colour, "stroke-width": 2, class: "line" }));
    periods.forEach((p, i) => chart.append(svg("circle", { cx: padL + i * step + step / 2, cy: gy(p[line.key]), r: 3, fill: line.colour },
      svg("title", {}, `${fmtPeriod(p.period, interval)}: ${line.label} ${fmtSigned(p[line.key])}`))));
    chart.append(svg("text", { x: W - padR + 6, y: padT + 10, class: "tick" }, fmtSigned(gmax)));
    chart.append(svg("text", { x: W - padR + 6, y: H - padB, class: "tick" }, fmtSigned(gmin)));
  }
  const keys = series.map((s) => el("span", { class: "key" }, el("span", { class: "swatch", "data-colour": s.colour }), s.label));
  if (line) keys.push(el("span", { class: "key" }, el("span", { class: "swatch line", "data-colour": line.colour }), `${line.label} (right axis)`));
  const box = el("figure", { class: "chart-box" }, el("div", { class: "chart-scroll" }, chart), el("figcaption", { class: "chart-keys" }, keys));
  box.querySelectorAll(".swatch").forEach((s) => { s.style.background = s.dataset.colour; });
  return box;
}

// ---- pages -------------------------------------------------------------------------------------

async function pageEvents(main, meta) {
  const params = pageParams();
  const actors = (await api("/api/actors")).actors;
  const typeOptions = [["", "any type"], ...meta.event_types.map((t) => [t.event, `${t.event} (${t.count})`])];
  const quadOptions = [["", "any class"], ...meta.quad_classes.map((q) => [q.quad_code, `${q.quad_code} ${q.name}`])];
  const modeOptions = [["", "any mode"], ...meta.modes.map((m) => [m, m])];
  const modalityOptions = [["", "any modality"], ...meta.modalities.map((m) => [m, m])];
  const countryOptions = [["", "anywhere"], ...meta.location_countries.map((c) => [c, c])];
  const form = filterForm("/events", [
    field("from", input("start", params.start, { type: "date" })),
    field("to", input("end", params.end, { type: "date" })),
    field("actor", input("actor", params.actor, { list: "actor-codes", placeholder: "e.g. USA", size: 10, autocomplete: "off" })),
    field("as", select("role", [["any", "source or target"], ["source", "source"], ["target", "target"]], params.role || "any")),
    field("country", select("country", countryOptions, params.country)),
    field("type", select("event", typeOptions, params.event)),
    field("quad class", select("quad", quadOptions, params.quad)),
    field("mode", select("mode", modeOptions, params.mode)),
    field("modality", select("modality", modalityOptions, params.modality)),
    field("per page", select("page_size", [[25, "25"], [50, "50"], [100, "100"], [500, "500"]], params.page_size || 50)),
    actorDatalist("actor-codes", actors),
  ], { sort: params.sort, order: params.order });
  const results = el("div", { id: "results" });
  main.replaceChildren(el("h1", {}, "Events"), form, results);
  const data = await api("/api/events", params);
  const sortLink = (key, label) => {
    const active = data.sort === key;
    const order = active && data.order === "desc" ? "asc" : "desc";
    const arrow = active ? (data.order === "desc" ? " ▼" : " ▲") : "";
    return link("/events" + query({ ...params, sort: key, order, page: "" }), label + arrow, { class: active ? "sort active" : "sort" });
  };
  const rows = data.items.map((e) => el("tr", { "data-event-id": e.id },
    el("td", { class: "nowrap" }, link(eventHref(e.id), e.date || "—", { class: "event-link" })),
    el("td", {}, link(eventHref(e.id), e.event), e.mode ? el("span", { class: "muted" }, ` ${e.mode}`) : ""),
    el("td", {}, quadBadge(e.quad_code)),
    el("td", {}, codeLabel(e.actor_code), e.actor_sector ? el("span", { class: "muted" }, ` ${e.actor_sector}`) : ""),
    el("td", {}, codeLabel(e.recipient_code), e.recipient_sector ? el("span", { class: "muted" }, ` ${e.recipient_sector}`) : ""),
    el("td", { class: "num" }, fmtSigned(e.goldstein)),
    el("td", {}, modalityBadges(e, e.claimed ? e.claimed_by || "an unresolved source" : null)),
    el("td", { class: "evidence" }, sentenceWithTrigger(e.sentence || "", e.event_text),
      el("div", { class: "muted small" }, e.article_title || e.article_id))));
  const table = el("table", { class: "events", "data-testid": "events-table" },
    el("thead", {}, el("tr", {},
      el("th", {}, sortLink("date", "Date")), el("th", {}, sortLink("event", "Type")), el("th", {}, sortLink("quad_code", "Quad")),
      el("th", {}, sortLink("actor", "Source")), el("th", {}, sortLink("recipient", "Target")),
      el("th", { class: "num" }, sortLink("goldstein", "Goldstein")), el("th", {}, "Modality"), el("th", {}, "Evidence"))),
    el("tbody", {}, rows));
  results.replaceChildren(
    el("p", { class: "count", "data-testid": "count" }, `${data.total} event${data.total === 1 ? "" : "s"}`),
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
  const data = await api("/api/actors");
  main.replaceChildren(el("h1", {}, "Actors"),
    el("p", { class: "muted" }, "Actor codes (countries, international bodies) with how often each is the source or the target of an event."),
    el("table", { class: "actors", "data-testid": "actors-table" },
      el("thead", {}, el("tr", {}, el("th", {}, "code"), el("th", {}, "name"), el("th", { class: "num" }, "as source"), el("th", { class: "num" }, "as target"), el("th", { class: "num" }, "events"))),
      el("tbody", {}, data.actors.map((a) => el("tr", {}, el("td", {}, codeLabel(a.code, a.name)), el("td", {}, a.name || ""),
        el("td", { class: "num" }, a.n_source), el("td", { class: "num" }, a.n_target), el("td", { class: "num" }, a.n_events))))));
}

async function pageActor(main, meta, code) {
  const params = pageParams();
  const interval = params.interval || "month";
  const data = await api("/api/actors/" + encodeURIComponent(code), params);
  const form = filterForm(actorHref(code), [
    field("from", input("start", params.start, { type: "date" })),
    field("to", input("end", params.end, { type: "date" })),
    field("per", select("interval", [["month", "month"], ["week", "week"]], interval)),
  ]);
  const chart = data.timeline.length
    ? stackedChart({
      periods: data.timeline, interval, label: `cooperation and conflict of ${code}`,
      series: [{ key: "cooperation", label: "cooperation (quad 1–2)", colour: "#2e7d32" }, { key: "conflict", label: "conflict (quad 3–4)", colour: "#c62828", down: true }],
      line: { key: "goldstein_sum", label: "Goldstein sum", colour: "#34495e" },
    })
    : el("p", { class: "muted" }, "No dated events.");
  const maxPartner = Math.max(1, ...data.partners.map((p) => p.cooperation + p.conflict));
  const partnerRows = data.partners.map((p) => {
    const bar = el("div", { class: "coop-bar", title: `${p.cooperation} cooperation, ${p.conflict} conflict` },
      el("span", { class: "coop" }), el("span", { class: "conflict" }));
    bar.children[0].style.width = `${(100 * p.cooperation) / maxPartner}%`;
    bar.children[1].style.width = `${(100 * p.conflict) / maxPartner}%`;
    return el("tr", {},
      el("td", {}, p.code ? codeLabel(p.code, p.name) : el("span", { class: "muted" }, "unresolved"), p.name ? el("span", { class: "muted" }, ` ${p.name}`) : ""),
      el("td", { class: "num" }, p.n_source), el("td", { class: "num" }, p.n_target),
      el("td", { class: "num" }, p.cooperation), el("td", { class: "num" }, p.conflict), el("td", {}, bar),
      el("td", { class: "num" }, fmtSigned(p.goldstein_mean)),
      el("td", {}, p.code && p.code !== code ? link("/dyad" + query({ a: code, b: p.code }), "timeline") : "",
        " ", link("/events" + query({ actor: code }), "events")));
  });
  main.replaceChildren(
    el("h1", {}, code, data.name ? el("span", { class: "muted" }, ` ${data.name}`) : ""),
    el("p", {}, `${data.n_source} events as source, ${data.n_target} as target. `, link("/events" + query({ actor: code }), "List its events")),
    form, el("h2", {}, `Cooperation vs conflict per ${interval}`), chart,
    el("h2", {}, "Whom it deals with"),
    el("table", { class: "partners", "data-testid": "partners-table" },
      el("thead", {}, el("tr", {}, el("th", {}, "partner"), el("th", { class: "num" }, `${code} as source`), el("th", { class: "num" }, `${code} as target`),
        el("th", { class: "num" }, "coop."), el("th", { class: "num" }, "conflict"), el("th", {}, ""), el("th", { class: "num" }, "mean Goldstein"), el("th", {}, ""))),
      el("tbody", {}, partnerRows)));
}

async function pageDyad(main) {
  const params = pageParams();
  const [actors, top] = await Promise.all([api("/api/actors"), api("/api/dyads", { limit: 12 })]);
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
    actorDatalist("actor-codes", actors.actors),
  ]);
  const frequent = el("p", { class: "frequent" }, "Frequent pairs: ",
    top.dyads.map((d, i) => [i ? ", " : "", link("/dyad" + query({ a: d.a, b: d.b, interval }), `${d.a}–${d.b}`), ` (${d.n_events})`]));
  const body = el("div", { id: "dyad" });
  main.replaceChildren(el("h1", {}, "Dyad timeline"), form, frequent, body);
  if (!params.a || !params.b) {
    body.append(el("p", { class: "muted" }, "Choose two actors."));
    return;
  }
  const data = await api("/api/dyad", params);
  const series = [1, 2, 3, 4].map((q) => ({ key: `q${q}`, label: QUAD_NAMES[q], colour: QUAD_COLOURS[q] }));
  body.append(
    el("h2", {}, `${data.a}${data.a_name ? " " + data.a_name : ""} and ${data.b}${data.b_name ? " " + data.b_name : ""}`),
    el("p", { "data-testid": "dyad-total" }, `${data.total} events, Goldstein sum ${fmtSigned(data.goldstein_sum)}.`),
    data.periods.length ? stackedChart({ periods: data.periods, interval, series, line: { key: "goldstein_sum", label: "Goldstein sum", colour: "#34495e" }, label: "events per quad class" })
      : el("p", { class: "muted" }, "No dated events between these two."),
    el("table", { class: "dyad", "data-testid": "dyad-table" },
      el("thead", {}, el("tr", {}, el("th", {}, interval), [1, 2, 3, 4].map((q) => el("th", { class: "num", title: QUAD_NAMES[q] }, `Q${q}`)),
        el("th", { class: "num" }, `${data.a}→${data.b}`), el("th", { class: "num" }, `${data.b}→${data.a}`), el("th", { class: "num" }, "Goldstein sum"))),
      el("tbody", {}, data.periods.map((p) => el("tr", {}, el("td", {}, fmtPeriod(p.period, interval)),
        [p.q1, p.q2, p.q3, p.q4].map((v) => el("td", { class: "num" }, v)),
        el("td", { class: "num" }, p.a_to_b), el("td", { class: "num" }, p.b_to_a), el("td", { class: "num" }, fmtSigned(p.goldstein_sum)))))));
}

function goldsteinColour(g) {
  // -10 red, 0 grey, +10 green
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [198, 40, 40] : [46, 125, 50];
  const k = Math.abs(t) ** 0.6;
  const rgb = grey.map((c, i) => Math.round(c + (end[i] - c) * k));
  return `rgb(${rgb.join(",")})`;
}

// A small deterministic force layout (nodes start on a circle).
function layout(nodes, edges, W, H) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => ({
    x: W / 2 + (W * 0.38) * Math.cos((2 * Math.PI * i) / Math.max(1, n)),
    y: H / 2 + (H * 0.38) * Math.sin((2 * Math.PI * i) / Math.max(1, n)),
  }));
  if (n < 3) return pos;
  const index = new Map(nodes.map((d, i) => [d.code, i]));
  const k = Math.sqrt((W * H) / n) * 0.45;
  let temp = W / 8;
  for (let iter = 0; iter < 300; iter++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const d = Math.max(0.01, Math.hypot(dx, dy));
        const f = (k * k) / d;
        disp[i].x += (dx / d) * f; disp[i].y += (dy / d) * f;
        disp[j].x -= (dx / d) * f; disp[j].y -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const i = index.get(e.source), j = index.get(e.target);
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = ((d * d) / k) * (0.5 + Math.log1p(e.n_events) / 4);
      disp[i].x -= (dx / d) * f; disp[i].y -= (dy / d) * f;
      disp[j].x += (dx / d) * f; disp[j].y += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // a weak pull to the centre keeps unconnected parts on screen
      disp[i].x += (W / 2 - pos[i].x) * 0.08 * k / 10;
      disp[i].y += (H / 2 - pos[i].y) * 0.08 * k / 10;
      const d = Math.max(0.01, Math.hypot(disp[i].x, disp[i].y));
      pos[i].x += (disp[i].x / d) * Math.min(d, temp);
      pos[i].y += (disp[i].y / d) * Math.min(d, temp);
      pos[i].x = Math.max(30, Math.min(W - 30, pos[i].x));
      pos[i].y = Math.max(24, Math.min(H - 24, pos[i].y));
    }
    temp = Math.max(1, temp * 0.985);
  }
  return pos;
}

async function pageNetwork(main) {
  const params = pageParams();
  const form = filterForm("/network", [
    field("from", input("start", params.start, { type: "date" })),
    field("to", input("end", params.end, { type: "date" })),
    field("min. events per edge", input("min_events", params.min_events, { type: "number", min: 1, placeholder: "1" })),
  ]);
  const data = await api("/api/network", params);
  const maxNodes = 120;
  const nodes = data.nodes.slice(0, maxNodes);
  const kept = new Set(nodes.map((d) => d.code));
  const edges = data.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  const W = 960, H = 560;
  const pos = layout(nodes, edges, W, H);
  const index = new Map(nodes.map((d, i) => [d.code, i]));
  const maxEdge = Math.max(1, ...edges.map((e) => e.n_events));
  const maxNode = Math.max(1, ...nodes.map((d) => d.n_events));
  const graph = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", role: "img", "aria-label": "network of countries", "data-testid": "network" });
  for (const e of edges) {
    const a = pos[index.get(e.source)], b = pos[index.get(e.target)];
    graph.append(svg("line", {
      x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: goldsteinColour(e.goldstein_mean),
      "stroke-width": (1 + 7 * Math.sqrt(e.n_events / maxEdge)).toFixed(1), class: "edge", "data-source": e.source, "data-target": e.target,
    }, svg("title", {}, `${e.source}–${e.target}: ${e.n_events} events (${e.n_source_to_target} ${e.source}→${e.target}, ${e.n_target_to_source} ${e.target}→${e.source}), mean Goldstein ${fmtSigned(e.goldstein_mean)}`)));
  }
  nodes.forEach((d, i) => {
    const r = 5 + 13 * Math.sqrt(d.n_events / maxNode);
    graph.append(svg("a", { href: actorHref(d.code), class: "node", "data-code": d.code },
      svg("circle", { cx: pos[i].x, cy: pos[i].y, r }),
      svg("text", { x: pos[i].x, y: pos[i].y - r - 3, "text-anchor": "middle" }, d.code),
      svg("title", {}, `${d.code}${d.name ? " " + d.name : ""}: ${d.n_events} events`)));
  });
  const scale = el("p", { class: "legend" }, "Edge colour: mean Goldstein ",
    [-10, -5, 0, 5, 10].map((g) => { const s = el("span", { class: "swatch-inline" }, fmtSigned(g)); s.style.background = goldsteinColour(g); return s; }),
    " · width: number of events · node size: events of the country.");
  main.replaceChildren(el("h1", {}, "Network"),
    el("p", { class: "muted" }, "Countries (the home country of the first actor on each side) linked by the events between them."),
    form,
    nodes.length ? graph : el("p", { class: "muted" }, "No events between two countries in this range."),
    data.nodes.length > maxNodes ? el("p", { class: "muted" }, `Showing the ${maxNodes} busiest of ${data.nodes.length} countries.`) : "",
    scale,
    el("h2", {}, "Strongest links"),
    el("table", { class: "edges", "data-testid": "edges-table" },
      el("thead", {}, el("tr", {}, el("th", {}, "pair"), el("th", { class: "num" }, "events"), el("th", { class: "num" }, "mean Goldstein"), el("th", {}, ""))),
      el("tbody", {}, data.edges.slice(0, 30).map((e) => el("tr", {},
        el("td", {}, codeLabel(e.source), " – ", codeLabel(e.target)), el("td", { class: "num" }, e.n_events),
        el("td", { class: "num" }, fmtSigned(e.goldstein_mean)), el("td", {}, link("/dyad" + query({ a: e.source, b: e.target }), "timeline")))))));
}

async function pageCode(main, meta) {
  if (!meta.allow_coding) {
    main.replaceChildren(el("h1", {}, "Code an article"),
      el("div", { class: "error", role: "alert" }, "Coding is disabled on this server; start it with `tacitus serve --allow-coding`."));
    return;
  }
  const text = el("textarea", { name: "text", rows: 12, required: true, maxlength: meta.max_text_chars, placeholder: "Paste the article body here." });
  const date = el("input", { name: "date", type: "date", required: true });
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

// ---- router ------------------------------------------------------------------------------------

const ROUTES = [
  [/^\/events\/?$/, "events", pageEvents],
  [/^\/events\/([^/]+)$/, "events", pageEvent],
  [/^\/actors\/?$/, "actors", pageActors],
  [/^\/actors\/([^/]+)$/, "actors", pageActor],
  [/^\/dyad\/?$/, "dyad", pageDyad],
  [/^\/network\/?$/, "network", pageNetwork],
  [/^\/code\/?$/, "code", pageCode],
];

async function main() {
  const mainBox = document.getElementById("main");
  try {
    const meta = await api("/api/meta");
    document.getElementById("nav-code").hidden = !meta.allow_coding;
    document.getElementById("footer").replaceChildren(
      `tacitus ${meta.version} · ${meta.articles} articles, ${meta.events} events`,
      meta.first_date ? ` from ${meta.first_date} to ${meta.last_date}` : "", " · ", link("/api/openapi.json", "JSON API"));
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
