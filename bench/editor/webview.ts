// The panel's own share of "command → painted": the webview bundle on its own page in headless
// Chromium (test/webview/harness.ts: the panel's CSP, a fake acquireVsCodeApi), sent the report of
// the seed's Sigmoid selection as the host sends it, timed in the page from postMessage to the
// panel's `painted` message (render + one animation frame). No VS Code, no messaging between
// processes: what is left of the editor number after this and the command is transport.
// Run by bench/editor/run.mjs after the VS Code run; alone: node --import tsx bench/editor/webview.ts [OUT.json]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspectProgram } from '../../src/engine/lens/program';
import { nodeHostFs } from '../../src/host/nodeHostFs';
import type { HostToWebview } from '../../src/protocol';
import { launch, openPanel, skipReason, startServer } from '../../test/webview/harness';

const ROOT = path.resolve(__dirname, '../..');
const RUNS = 20;

async function main(): Promise<void> {
  const skip = skipReason();
  if (skip) {
    console.log(`webview paint bench skipped: ${skip}`);
    return;
  }
  const file = path.join(ROOT, 'examples', 'seed_layers.py');
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.includes('# 테스트')) + 1;
  const last = lines.findIndex((l) => l.includes('np.allclose(dx1, dx2)')) + 1;
  const outcome = inspectProgram({ text, filename: file, lines: [first, last] }, { fs: nodeHostFs, stdout: () => {}, stderr: () => {} });
  if (outcome.kind !== 'report') throw new Error(outcome.message);
  const msg: HostToWebview = {
    type: 'report', report: JSON.parse(JSON.stringify(outcome.report)), documentUri: `file://${file}`, l10n: {},
    notes: outcome.notes, sources: outcome.sources, tab: 'graph',
  };

  const server = await startServer();
  const browser = await launch();
  try {
    const panel = await openPanel(browser.context, server);
    const times = await panel.page.evaluate(async ({ m, runs }) => {
      const w = window as unknown as { __posted: { type: string }[] };
      let onPaint: (() => void) | undefined;
      const push = w.__posted.push.bind(w.__posted);
      w.__posted.push = (...items: { type: string }[]) => {
        const n = push(...items);
        if (items.some((i) => i.type === 'painted')) onPaint?.();
        return n;
      };
      const out: number[] = [];
      for (let i = 0; i < runs + 3; i++) {
        const painted = new Promise<void>((r) => (onPaint = r));
        const t0 = performance.now();
        window.postMessage(m, '*');
        await painted;
        if (i >= 3) out.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
      return out;
    }, { m: msg, runs: RUNS });
    const s = times.slice().sort((a, b) => a - b);
    const r1 = (x: number) => Math.round(x * 10) / 10;
    const result = { runs: RUNS, p50: r1(s[Math.floor(RUNS * 0.5) - 1]), p90: r1(s[Math.ceil(RUNS * 0.9) - 1]), min: r1(s[0]), max: r1(s[s.length - 1]), reportKb: r1(JSON.stringify(msg).length / 1024) };
    console.log(`[bench] webview alone (post → painted, standalone page, ${RUNS} runs): p50 ${result.p50} ms, p90 ${result.p90} ms, min ${result.min} ms; message ${result.reportKb} KB`);
    const out = process.argv[2];
    if (out) fs.writeFileSync(out, JSON.stringify(result) + '\n');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
