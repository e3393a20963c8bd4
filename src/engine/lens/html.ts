// The report as one self-contained HTML page (`backprop-lens inspect --html OUT.html`): inline CSS,
// an inline SVG of the layer graph in the style of the book's figures (layers left to right, the
// forward value above each arrow, the gradient that flowed back below it in red), and tables of
// the checks, hazards, derivations, synthesized inputs and calls. No scripts, no remote resources.
// A pure function of the report (no DOM), so the CLI, an export command or a webview can use it.

import type { GraphEdge, GraphNode, LayerInfo, LensReport, ValueSummary } from './report';
import { briefValue, checksTitle, checkTarget, expectedGradient, gradName, graphSteps, layerTitle, outcomeOf, shapeText, shortNumber, verdictText } from './text';

/** Code the report refers to, as the learner wrote it. */
export interface SourceListing {
  title: string;
  /** The file name spans and errors use for it (`lesson.ipynb#cell3` for a cell). */
  file: string;
  text: string;
  highlight?: [number, number];
}

export interface HtmlOptions {
  /** How to show a file name. */
  displayPath?: (file: string) => string;
  /** How the inspected code was chosen, shown under the title. */
  notes?: string[];
  /** Listings of the inspected code; without them the page has no source section. */
  sources?: SourceListing[];
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function renderReportHtml(report: LensReport, options: HtmlOptions = {}): string {
  const path = options.displayPath ?? ((f: string) => f);
  const where = [path(report.source.file)];
  if (report.source.cell !== undefined) where.push(`cell ${report.source.cell}`);
  if (report.source.lines) where.push(`lines ${report.source.lines[0]}–${report.source.lines[1]}`);
  const outcome = outcomeOf(report);
  const body: string[] = [];

  body.push('<header>');
  body.push(`<h1>Backprop Lens <span class="file">${escapeHtml(where.join(', '))}</span></h1>`);
  body.push(`<p class="verdict ${outcome}">${escapeHtml(verdictText(report).replace(/^Result: /, ''))}</p>`);
  for (const note of options.notes ?? []) body.push(`<p class="note">${escapeHtml(note)}</p>`);
  body.push(`<p class="meta">${report.layers.length} layers, ${report.calls.length} calls traced · ran in ${report.timings.runMs} ms, analysed in ${report.timings.analysisMs} ms · report version ${report.version}</p>`);
  body.push('</header>');

  if (report.error) {
    const e = report.error;
    body.push('<section id="error"><h2>Error</h2>');
    body.push(`<p><strong>${escapeHtml(`${e.type}: ${e.message}`)}</strong> at ${escapeHtml(path(e.file))}, line ${e.line}</p>`);
    if (e.traceback.trim()) body.push(`<pre class="traceback">${escapeHtml(e.traceback.trimEnd())}</pre>`);
    body.push('</section>');
  }

  body.push('<section id="graph"><h2>Layer graph</h2>');
  if (report.graph.nodes.some((n) => n.kind === 'layer')) {
    body.push(renderGraphSvg(report));
    body.push('<p class="legend">Left to right in forward order. Above each arrow: the value that went forward; below it, <span class="grad">in red</span>: the gradient that flowed back. Hover for full values.</p>');
  } else {
    body.push('<p class="empty">No layer was called: no object with <code>forward</code> and <code>backward</code> methods ran.</p>');
  }
  body.push('</section>');

  body.push(`<section id="checks"><h2>${escapeHtml(checksTitle(report.checks))}</h2>`);
  if (report.checks.length) {
    body.push(table(['', 'Layer', 'Gradient of', 'Your backward gave', 'Expected', 'Rel. error vs automatic', 'Rel. error vs numerical', 'Line', 'Why'], report.checks.map((c) => [
      `<span class="${c.passed ? 'pass' : 'fail'}">${c.passed ? '✓' : '✗'}</span>`,
      escapeHtml(layerTitle(report, c.layer)),
      `<code>${escapeHtml(checkTarget(c))}</code>${c.output !== undefined ? ` <span class="dim">(output ${c.output + 1})</span>` : ''}`,
      c.learner ? valueCell(c.learner) : '',
      ((e) => (e ? valueCell(e) : ''))(expectedGradient(c)),
      c.relErrorAutomatic !== undefined ? shortNumber(c.relErrorAutomatic) : '',
      c.relErrorNumerical !== undefined ? shortNumber(c.relErrorNumerical) : '',
      c.line ? String(c.line) : '',
      c.explanation ? escapeHtml(c.explanation.text) : '',
    ]), (i) => (report.checks[i].passed ? '' : 'bad')));
  }
  body.push('</section>');

  if (report.hazards.length) {
    body.push(`<section id="hazards"><h2>Hazards (${report.hazards.length})</h2>`);
    body.push(table(['Layer', 'Line', 'Kind', 'What happened'], report.hazards.map((h) => [
      escapeHtml(layerTitle(report, h.layer)), h.span ? String(h.span.line) : '', escapeHtml(h.kind), escapeHtml(h.message),
    ])));
    body.push('</section>');
  }

  if (report.derivations.length) {
    body.push(`<section id="derivations"><h2>Derivations (${report.derivations.length})</h2>`);
    for (const d of report.derivations) {
      body.push(`<h3>${escapeHtml(layerTitle(report, d.layer))} <span class="dim">input ${escapeHtml(briefValue(d.input, 60))}</span></h3>`);
      if (d.stepwise.steps.length) {
        body.push(table(['Step', 'Local derivative', 'Its value'], d.stepwise.steps.map((s) => [
          `<code>${escapeHtml(s.op)}</code>`, `<code>${escapeHtml(s.formula)}</code>`, valueCell(s.local),
        ])));
        body.push(`<p>Product of the local derivatives (with dout): ${valueCell(d.stepwise.product)}</p>`);
      }
      if (d.simplified) {
        body.push(`<p>The backward's formula${d.simplified.line ? ` (line ${d.simplified.line})` : ''}: <code>${escapeHtml(d.simplified.text)}</code> = ${valueCell(d.simplified.value)}</p>`);
      }
      if (d.agree !== undefined) {
        body.push(`<p class="${d.agree ? 'pass' : 'fail'}">${d.agree ? '✓ They agree' : '✗ They differ'}${d.maxAbsDiff !== undefined ? ` (max |difference| ${shortNumber(d.maxAbsDiff)})` : ''}</p>`);
      }
      if (d.symbolic?.steps.length) {
        body.push(`<ol class="symbolic">${d.symbolic.steps.map((s) => `<li>${escapeHtml(s.label)}: <code>${escapeHtml(s.expr)}</code></li>`).join('')}</ol>`);
      }
    }
    body.push('</section>');
  }

  if (report.synthesized?.length) {
    body.push('<section id="synthesized"><h2>Synthesized inputs</h2>');
    body.push('<p>The code defines layers but calls none, so the lens made up these inputs and ran the driver below after it.</p>');
    body.push(table(['Layer', 'Name', 'Value', 'Why'], report.synthesized.map((s) => [
      escapeHtml(layerTitle(report, s.layer)), `<code>${escapeHtml(s.name)}</code>`, valueCell(s.value), escapeHtml(s.why),
    ])));
    if (report.driver) body.push(listing({ title: `Driver (${path(report.driver.file)})`, file: report.driver.file, text: report.driver.source }, report));
    body.push('</section>');
  }

  if (report.calls.length) {
    body.push(`<section id="calls"><h2>Layer calls (${report.calls.length})</h2>`);
    body.push(table(['#', 'Layer', 'Method', 'Arguments', 'Returned', 'Changed on self', 'Line'], report.calls.map((c) => [
      String(c.seq + 1),
      escapeHtml(layerTitle(report, c.layer)),
      `<code>${c.method}</code>`,
      c.args.map((a) => `<code>${escapeHtml(a.expr ?? a.name)}</code> = ${valueCell(a.value)}`).join('<br>'),
      c.error ? `<span class="fail">${escapeHtml(`${c.error.type}: ${c.error.message}`)} (line ${c.error.line})</span>` : c.outputs.map((o) => valueCell(o)).join('<br>'),
      c.cache.map((x) => `<code>self.${escapeHtml(x.name)}</code>${x.change === 'changed' ? ' (changed in place)' : ''}`).join('<br>'),
      c.site.line ? String(c.site.line) : '',
    ]), (i) => (report.calls[i].error ? 'bad' : '')));
    body.push('</section>');
  }

  if (options.sources?.length) {
    body.push('<section id="source"><h2>Source</h2>');
    for (const s of options.sources) body.push(listing({ ...s, title: s.title }, report));
    body.push('</section>');
  }

  const { stdout, stderr } = report.output;
  if (stdout || stderr) {
    body.push('<section id="output"><h2>Program output</h2>');
    if (stdout) body.push(`<pre class="stdout">${escapeHtml(stdout)}</pre>`);
    if (stderr) body.push(`<pre class="stderr">${escapeHtml(stderr)}</pre>`);
    body.push('</section>');
  }

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Backprop Lens: ${where.join(', ')}`)}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

/** A value in a table: a small array as NumPy prints it, anything larger in brief (in full on hover). */
function valueCell(v: ValueSummary): string {
  if (v.kind === 'array' && v.data && v.text.length <= 400 && v.text.includes('\n')) return `<span class="value block">${escapeHtml(v.text)}</span>`;
  return `<span class="value" title="${escapeHtml(v.text)}">${escapeHtml(briefValue(v, 48))}</span>`;
}

function table(head: string[], rows: string[][], rowClass?: (i: number) => string): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const trs = rows.map((r, i) => {
    const cls = rowClass?.(i);
    return `<tr${cls ? ` class="${cls}"` : ''}>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });
  return `<table><thead><tr>${th}</tr></thead><tbody>${trs.join('')}</tbody></table>`;
}

/** A code listing with line numbers; selected lines, the error's line and failing checks' lines marked. */
function listing(s: SourceListing, report: LensReport): string {
  const errorLine = report.error && report.error.file === s.file ? report.error.line : 0;
  const failing = new Set<number>();
  for (const c of report.checks) {
    const file = report.layers.find((l) => l.id === c.layer)?.backwardSpan?.file;
    if (!c.passed && c.line && file === s.file) failing.add(c.line);
  }
  const lines = s.text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const width = String(lines.length).length;
  const rows = lines.map((line, i) => {
    const n = i + 1;
    const cls = [
      s.highlight && n >= s.highlight[0] && n <= s.highlight[1] ? 'sel' : '',
      n === errorLine ? 'err' : '',
      failing.has(n) ? 'bad' : '',
    ].filter(Boolean).join(' ');
    return `<span class="line${cls ? ` ${cls}` : ''}"><span class="ln">${String(n).padStart(width)}</span>${escapeHtml(line) || ' '}</span>`;
  });
  return `<h3>${escapeHtml(s.title)}</h3><pre class="code">${rows.join('')}</pre>`;
}

// ------------------------------------------------------------------ the graph as SVG

const CHAR_W = 7.3;
const LAYER_H = 46;
const ROW_GAP = 34;
const PORT_GAP = 64;
const MAX_LABEL = 26;

interface Box {
  node: GraphNode;
  rank: number;
  w: number;
  h: number;
  x: number;
  y: number;
  /** Where the node wants to be, vertically (centre). */
  want: number;
}

const textWidth = (s: string) => Math.ceil(s.length * CHAR_W);

/** The layer graph, drawn left to right: one band per connected part, layers in columns by depth. */
export function renderGraphSvg(report: LensReport): string {
  const { nodes, edges } = report.graph;
  const layerOf = new Map<string, LayerInfo>();
  for (const l of report.layers) layerOf.set(l.id, l);
  const title = (n: GraphNode) => {
    const l = n.layer ? layerOf.get(n.layer) : undefined;
    return { top: l?.className ?? n.label, bottom: l && l.label !== l.className ? l.label : '' };
  };
  const boxes = new Map<string, Box>();
  for (const n of nodes) {
    const t = title(n);
    const w = n.kind === 'layer' ? Math.max(textWidth(t.top) + 8, textWidth(t.bottom), 64) + 24 : textWidth(n.label) + 6;
    boxes.set(n.id, { node: n, rank: 0, w, h: n.kind === 'layer' ? LAYER_H : 18, x: 0, y: 0, want: 0 });
  }

  // Ranks: a layer one column right of the deepest layer feeding it; inputs just left of their first consumer; outputs just right of their producer.
  const order = graphSteps(report).map((s) => s.node.id);
  const rank = new Map<string, number>();
  for (const id of order) {
    let r = 1;
    for (const e of edges) if (e.to === id && rank.has(e.from)) r = Math.max(r, (rank.get(e.from) as number) + 1);
    rank.set(id, r);
  }
  for (const n of nodes) {
    if (n.kind === 'input') rank.set(n.id, Math.min(...edges.filter((e) => e.from === n.id).map((e) => (rank.get(e.to) ?? 1) - 1), 99));
    if (n.kind === 'output') rank.set(n.id, Math.max(...edges.filter((e) => e.to === n.id).map((e) => (rank.get(e.from) ?? 1) + 1), 1));
  }
  for (const [id, r] of rank) (boxes.get(id) as Box).rank = r === 99 ? 0 : r;

  // Connected parts, each in a band of its own, in the order of their first layer.
  const parent = new Map<string, string>(nodes.map((n) => [n.id, n.id]));
  const root = (id: string): string => {
    while (parent.get(id) !== id) id = parent.get(id) as string;
    return id;
  };
  for (const e of edges) parent.set(root(e.from), root(e.to));
  const parts: string[][] = [];
  const partIndex = new Map<string, number>();
  for (const id of [...order, ...nodes.map((n) => n.id)]) {
    const r = root(id);
    if (!partIndex.has(r)) {
      partIndex.set(r, parts.length);
      parts.push([]);
    }
    const list = parts[partIndex.get(r) as number];
    if (!list.includes(id)) list.push(id);
  }

  // Column widths, and the gaps between columns wide enough for the values on the arrows.
  const maxRank = Math.max(0, ...[...boxes.values()].map((b) => b.rank));
  const colW = Array.from({ length: maxRank + 1 }, () => 0);
  const gapW = Array.from({ length: maxRank + 1 }, () => 120);
  for (const b of boxes.values()) colW[b.rank] = Math.max(colW[b.rank], b.w);
  for (const e of edges) {
    const r = (boxes.get(e.from) as Box).rank;
    const between = (boxes.get(e.from) as Box).node.kind === 'layer' && (boxes.get(e.to) as Box).node.kind === 'layer';
    const t = edgeText(e);
    const chars = Math.max(t.forward.length, t.gradient.length, between ? trim(e.label).length : 0);
    gapW[r] = Math.max(gapW[r], Math.ceil(chars * CHAR_W) + 100);
  }
  const colX: number[] = [];
  let x = 16;
  for (let r = 0; r <= maxRank; r++) {
    colX.push(x);
    x += colW[r] + gapW[r];
  }
  const width = Math.ceil(x - gapW[maxRank] + 16);

  // Vertical placement, band by band: layers by the mean height of what feeds them, then inputs and outputs beside their layer.
  let top = 8;
  for (const ids of parts) {
    const inPart = ids.map((id) => boxes.get(id) as Box);
    const layers = inPart.filter((b) => b.node.kind === 'layer');
    const byRank = new Map<number, Box[]>();
    for (const b of layers) byRank.set(b.rank, [...(byRank.get(b.rank) ?? []), b]);
    for (const r of [...byRank.keys()].sort((a, b) => a - b)) {
      const col = byRank.get(r) as Box[];
      col.forEach((b, i) => {
        const preds = edges.filter((e) => e.to === b.node.id).map((e) => boxes.get(e.from) as Box).filter((p) => p.node.kind === 'layer' && p.rank < r);
        b.want = preds.length ? preds.reduce((s, p) => s + p.want, 0) / preds.length : i * (LAYER_H + PORT_GAP * 1.5);
      });
      spread(col, LAYER_H + ROW_GAP);
    }
    for (const b of inPart) {
      if (b.node.kind === 'input') {
        const e = edges.find((x) => x.from === b.node.id) as GraphEdge;
        const to = boxes.get(e.to) as Box;
        const n = edges.filter((x) => x.to === e.to).length;
        b.want = to.want + (e.toPort - (n - 1) / 2) * PORT_GAP;
      } else if (b.node.kind === 'output') {
        const e = edges.find((x) => x.to === b.node.id) as GraphEdge;
        const from = boxes.get(e.from) as Box;
        const outs = edges.filter((x) => x.from === e.from && (boxes.get(x.to) as Box).node.kind === 'output');
        b.want = from.want + (outs.indexOf(e) - (outs.length - 1) / 2) * PORT_GAP;
      }
    }
    for (let r = 0; r <= maxRank; r++) spread(inPart.filter((b) => b.rank === r), 0, PORT_GAP);
    const minY = Math.min(...inPart.map((b) => b.want - b.h / 2)) - 30;
    for (const b of inPart) {
      b.y = top + (b.want - minY);
      // Inputs end at their column's right edge, outputs start at its left; layers are centred.
      b.x = b.node.kind === 'input' ? colX[b.rank] + colW[b.rank] - b.w : b.node.kind === 'output' ? colX[b.rank] + 6 : colX[b.rank] + (colW[b.rank] - b.w) / 2;
    }
    top = Math.max(...inPart.map((b) => b.y + b.h / 2)) + 40;
  }
  const height = Math.ceil(top - 16);

  const failing = new Set(report.checks.filter((c) => !c.passed).map((c) => c.layer));
  const checked = new Set(report.checks.map((c) => c.layer));
  const raised = new Set(report.calls.filter((c) => c.error).map((c) => c.layer));
  const out: string[] = [];
  out.push(`<svg class="graph" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="layer graph">`);
  out.push('<defs><marker id="fwd" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" class="fwd-head"/></marker>'
    + '<marker id="bwd" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" class="bwd-head"/></marker></defs>');

  for (const e of edges) {
    const a = boxes.get(e.from) as Box;
    const b = boxes.get(e.to) as Box;
    const x1 = a.node.kind === 'input' ? a.x + a.w + 4 : a.x + a.w;
    const x2 = b.node.kind === 'output' ? b.x - 6 : b.x;
    const y1 = a.y + (a.node.kind === 'layer' ? portOffset(e.fromPort, edges.filter((x) => x.from === a.node.id).map((x) => x.fromPort)) : 0);
    const y2 = b.y + (b.node.kind === 'layer' ? portOffset(e.toPort, edges.filter((x) => x.to === b.node.id).map((x) => x.toPort)) : 0);
    // The arrow runs straight where its label sits (beside an input, an output, or the layer it leaves) and bends near the other end.
    const bend = Math.abs(y2 - y1) < 1 ? 0 : Math.min(70, (x2 - x1) * 0.45);
    const atEnd = b.node.kind === 'output';
    const fwd = (o: number) => (atEnd
      ? `M${x1},${y1 - o} C${x1 + bend / 2},${y1 - o} ${x1 + bend / 2},${y2 - o} ${x1 + bend},${y2 - o} H${x2 - 2}`
      : `M${x1},${y1 - o} H${x2 - bend} C${x2 - bend / 2},${y1 - o} ${x2 - bend / 2},${y2 - o} ${x2 - 2},${y2 - o}`);
    const bwd = (o: number) => (atEnd
      ? `M${x2 - 2},${y2 + o} H${x1 + bend} C${x1 + bend / 2},${y2 + o} ${x1 + bend / 2},${y1 + o} ${x1 + 2},${y1 + o}`
      : `M${x2 - 2},${y2 + o} C${x2 - bend / 2},${y2 + o} ${x2 - bend / 2},${y1 + o} ${x2 - bend},${y1 + o} H${x1 + 2}`);
    const mx = atEnd ? (x1 + bend + x2) / 2 : (x1 + x2 - bend) / 2;
    const my = atEnd ? y2 : y1;
    const t = edgeText(e);
    out.push('<g class="edge">');
    out.push(`<path d="${fwd(3)}" class="fwd" marker-end="url(#fwd)"/>`);
    out.push(`<text x="${mx}" y="${my - 9}" class="fwd-label" text-anchor="middle"><title>${escapeHtml(`${e.label} = ${e.forward.text}`)}</title>${escapeHtml(t.forward)}</text>`);
    if (a.node.kind === 'layer' && b.node.kind === 'layer') {
      out.push(`<text x="${mx}" y="${my - 24}" class="edge-name" text-anchor="middle">${escapeHtml(trim(e.label))}</text>`);
    }
    if (e.gradient) {
      out.push(`<path d="${bwd(4)}" class="bwd" marker-end="url(#bwd)"/>`);
      out.push(`<text x="${mx}" y="${my + 20}" class="bwd-label" text-anchor="middle"><title>${escapeHtml(`${gradName(e.label)} = ${e.gradient.text}`)}</title>${escapeHtml(t.gradient)}</text>`);
    }
    out.push('</g>');
  }

  for (const b of boxes.values()) {
    const n = b.node;
    if (n.kind === 'layer') {
      const t = title(n);
      const l = n.layer ? layerOf.get(n.layer) : undefined;
      const state = n.layer && (failing.has(n.layer) || raised.has(n.layer)) ? ' bad' : n.layer && checked.has(n.layer) ? ' good' : '';
      const symbol = l?.kind === 'multiply' ? '× ' : l?.kind === 'add' ? '+ ' : '';
      const tip = l ? `${l.className} (${l.kind})${l.forwardSpan ? `, forward at line ${l.forwardSpan.line}` : ''}${l.backwardSpan ? `, backward at line ${l.backwardSpan.line}` : ''}` : n.label;
      out.push(`<g class="layer${state}"><title>${escapeHtml(tip)}</title>`);
      out.push(`<rect x="${b.x}" y="${b.y - b.h / 2}" width="${b.w}" height="${b.h}" rx="8"/>`);
      out.push(`<text x="${b.x + b.w / 2}" y="${b.y - (t.bottom ? 3 : -5)}" class="cls" text-anchor="middle">${escapeHtml(symbol + t.top)}</text>`);
      if (t.bottom) out.push(`<text x="${b.x + b.w / 2}" y="${b.y + 14}" class="lbl" text-anchor="middle">${escapeHtml(t.bottom)}</text>`);
      if (state) out.push(`<text x="${b.x + b.w - 4}" y="${b.y - b.h / 2 + 13}" class="mark" text-anchor="end">${state === ' bad' ? '✗' : '✓'}</text>`);
      out.push('</g>');
    } else {
      const anchor = n.kind === 'input' ? 'end' : 'start';
      const tx = n.kind === 'input' ? b.x + b.w : b.x;
      out.push(`<text x="${tx}" y="${b.y + 4}" class="io" text-anchor="${anchor}">${escapeHtml(n.label)}</text>`);
    }
  }
  out.push('</svg>');
  return out.join('\n');
}

const trim = (s: string) => (s.length <= MAX_LABEL ? s : `${s.slice(0, MAX_LABEL - 1)}…`);

function edgeText(e: GraphEdge): { forward: string; gradient: string } {
  return { forward: svgValue(e.forward), gradient: e.gradient ? svgValue(e.gradient) : '' };
}

/** A value short enough for an arrow: numbers to 6 digits, small 1-D arrays in full, others as shape and range (exact values on hover). */
function svgValue(v: ValueSummary): string {
  const num = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))));
  if ((v.kind === 'float' || v.kind === 'int') && v.data?.length === 1 && v.kind === 'float') return num(v.data[0]);
  if (v.kind === 'array' && v.shape) {
    const printed = briefValue(v, MAX_LABEL);
    if (v.data && v.shape.length <= 1 && printed.length <= 22) return printed;
    if (v.min !== undefined && v.max !== undefined) {
      return v.min === v.max ? `${shapeText(v.shape)} all ${num(v.min)}` : `${shapeText(v.shape)} ${shortNumber(v.min)}…${shortNumber(v.max)}`;
    }
    return `${shapeText(v.shape)} ${v.dtype ?? ''}`.trim();
  }
  return trim(briefValue(v, MAX_LABEL));
}

/** Where on a layer's side an arrow meets it, when several do. */
function portOffset(port: number, ports: number[]): number {
  const distinct = [...new Set(ports)].sort((a, b) => a - b);
  if (distinct.length < 2) return 0;
  const i = distinct.indexOf(port);
  return (i - (distinct.length - 1) / 2) * Math.min(14, (LAYER_H - 10) / (distinct.length - 1));
}

/** Keeps boxes (in the order they want) at least `gap` apart, around where they want to be. */
function spread(col: Box[], gap: number, minGap = 0): void {
  col.sort((a, b) => a.want - b.want);
  for (let i = 1; i < col.length; i++) {
    const need = Math.max(gap, minGap, (col[i - 1].h + col[i].h) / 2 + 16);
    if (col[i].want < col[i - 1].want + need) col[i].want = col[i - 1].want + need;
  }
}

const CSS = `
:root { --fg: #1f2328; --dim: #656d76; --bg: #ffffff; --panel: #f6f8fa; --line: #d0d7de; --grad: #cf222e; --ok: #1a7f37; --bad: #cf222e; --sel: #fff8c5; --node: #ddf4ff; --node-line: #54aeff; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --dim: #8d96a0; --bg: #0d1117; --panel: #161b22; --line: #30363d; --grad: #ff7b72; --ok: #3fb950; --bad: #ff7b72; --sel: #3b2e00; --node: #0c2d6b; --node-line: #388bfd; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 16px 24px 48px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 20px; margin: 8px 0 4px; }
h1 .file { font-weight: normal; color: var(--dim); font-size: 16px; margin-left: 8px; }
h2 { font-size: 16px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 14px; margin: 16px 0 6px; }
code, pre, .value, svg text { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "D2Coding", monospace; }
code { font-size: 13px; }
.verdict { font-weight: 600; margin: 4px 0; }
.verdict.raised, .verdict.checks-failed { color: var(--bad); }
.verdict.passed { color: var(--ok); }
.note, .meta, .dim, .legend, .empty { color: var(--dim); margin: 2px 0; }
.grad { color: var(--grad); }
.pass { color: var(--ok); font-weight: 600; }
.fail { color: var(--bad); font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--panel); font-weight: 600; }
tr.bad td { background: color-mix(in srgb, var(--bad) 8%, transparent); }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 0; overflow-x: auto; font-size: 13px; line-height: 1.45; }
pre.traceback, pre.stdout, pre.stderr { padding: 8px 12px; }
pre.stderr { color: var(--bad); }
pre.code .line { display: block; padding: 0 12px 0 0; }
pre.code .ln { display: inline-block; color: var(--dim); text-align: right; padding: 0 12px; margin-right: 8px; border-right: 1px solid var(--line); user-select: none; }
pre.code .sel { background: var(--sel); }
pre.code .err, pre.code .bad { background: color-mix(in srgb, var(--bad) 18%, transparent); }
.value.block { display: inline-block; white-space: pre; font-size: 12px; line-height: 1.3; }
svg.graph { display: block; max-width: 100%; height: auto; margin: 8px 0; }
svg text { font-size: 12px; fill: var(--fg); }
svg .layer rect { fill: var(--node); stroke: var(--node-line); stroke-width: 1.5; }
svg .layer.bad rect { stroke: var(--bad); stroke-width: 2.5; }
svg .layer.good rect { stroke: var(--ok); }
svg .layer .cls { font-weight: 600; }
svg .layer .lbl { fill: var(--dim); }
svg .mark { font-size: 12px; font-weight: 700; }
svg .layer.bad .mark { fill: var(--bad); }
svg .layer.good .mark { fill: var(--ok); }
svg .io { font-weight: 600; }
svg path.fwd { fill: none; stroke: var(--fg); stroke-width: 1.4; }
svg path.bwd { fill: none; stroke: var(--grad); stroke-width: 1.4; }
svg .fwd-head { fill: var(--fg); }
svg .bwd-head { fill: var(--grad); }
svg .bwd-label { fill: var(--grad); }
svg .edge-name { fill: var(--dim); font-size: 11px; }
`;
