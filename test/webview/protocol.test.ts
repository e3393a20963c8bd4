// The messages between the extension host and the panel: the guards accept what each side
// sends and turn away anything else.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isHostToWebview, isLensReport, isWebviewToHost, type HostToWebview } from '../../src/protocol';
import { EN, translator } from '../../webview/l10n';
import { panelCsp, panelHtml, standaloneCsp, standalonePanelHtml } from '../../webview/page';
import { inspectFixture } from './harness';

test('a report message made by inspectSource passes the guard; a broken one does not', () => {
  const { report } = inspectFixture('buy_apple_orange.py');
  assert.ok(isLensReport(report));
  assert.ok(isHostToWebview({ type: 'report', report, documentUri: 'file:///x.py', l10n: {} }));
  assert.ok(isHostToWebview({ type: 'report', report, documentUri: 'file:///x.py', l10n: { 'tab.graph': '계산 그래프' }, theme: 'vscode-dark' }));
  assert.ok(!isHostToWebview({ type: 'report', report, documentUri: 'file:///x.py', l10n: { a: 1 } }));
  assert.ok(!isHostToWebview({ type: 'report', report, documentUri: 'file:///x.py', l10n: {}, theme: 'solarized' }));
  assert.ok(!isHostToWebview({ type: 'report', report: { ...report, version: 2 }, documentUri: '', l10n: {} }));
  const sources = [{ title: 'x.py', file: '/w/x.py', text: 'import numpy as np\n', highlight: [1, 1] }];
  assert.ok(isHostToWebview({ type: 'report', report, documentUri: 'file:///x.py', l10n: {}, notes: ['lines 3-9'], sources, standalone: true }));
  assert.ok(!isHostToWebview({ type: 'report', report, documentUri: 'file:///x.py', l10n: {}, notes: [3] }));
  assert.ok(!isHostToWebview({ type: 'report', report, documentUri: 'file:///x.py', l10n: {}, sources: [{ title: 'x.py', file: '/w/x.py' }] }));
  assert.ok(!isHostToWebview({ type: 'report', report, documentUri: 'file:///x.py', l10n: {}, sources: [{ ...sources[0], highlight: [0, 2] }] }));
  assert.ok(!isHostToWebview({ type: 'report', report, documentUri: 'file:///x.py', l10n: {}, standalone: 'yes' }));
  assert.ok(isHostToWebview({ type: 'report', report, documentUri: 'file:///x.py', l10n: {}, tab: 'checks' }));
  assert.ok(!isHostToWebview({ type: 'report', report, documentUri: 'file:///x.py', l10n: {}, tab: 'nowhere' }));
  assert.ok(!isHostToWebview({ type: 'report', report: { ...report, graph: { nodes: [], edges: [{ id: 'e0' }] } }, documentUri: '', l10n: {} }));
});

test('host to panel: arrayData, focus, progress and exportGraph', () => {
  assert.ok(isHostToWebview({ type: 'arrayData', ref: 'A1', data: [1, 2, 3] }));
  assert.ok(isHostToWebview({ type: 'arrayData', ref: 'A1', data: null }));
  assert.ok(!isHostToWebview({ type: 'arrayData', ref: 'A1', data: ['1'] }));
  assert.ok(isHostToWebview({ type: 'focus', node: 'nL1' }));
  assert.ok(isHostToWebview({ type: 'focus', node: 'nL1', tab: 'chain' }));
  assert.ok(!isHostToWebview({ type: 'focus', node: 'nL1', tab: 'nowhere' }));
  assert.ok(isHostToWebview({ type: 'progress', state: 'running', message: 'Running…' }));
  assert.ok(!isHostToWebview({ type: 'progress', state: 'sleeping' }));
  assert.ok(isHostToWebview({ type: 'exportGraph', format: 'png' }));
  assert.ok(!isHostToWebview({ type: 'exportGraph', format: 'html' }), 'the page is built by the host, not asked of the panel');
  assert.ok(!isHostToWebview({ type: 'ready' }));
  assert.ok(!isHostToWebview(null));
  assert.ok(!isHostToWebview('report'));
});

test('panel to host: ready, reveal, requestArray, export, exportPage, rerun, painted', () => {
  assert.ok(isWebviewToHost({ type: 'ready' }));
  assert.ok(isWebviewToHost({ type: 'rerun' }));
  assert.ok(isWebviewToHost({ type: 'reveal', file: '/w/layers.py', line: 28 }));
  assert.ok(isWebviewToHost({ type: 'reveal', file: '/w/layers.py', line: 28, col: 8 }));
  assert.ok(!isWebviewToHost({ type: 'reveal', file: '/w/layers.py', line: 0 }));
  assert.ok(!isWebviewToHost({ type: 'reveal', file: '/w/layers.py', line: 2.5 }));
  assert.ok(isWebviewToHost({ type: 'requestArray', ref: 'A2' }));
  assert.ok(!isWebviewToHost({ type: 'requestArray' }));
  assert.ok(isWebviewToHost({ type: 'export', format: 'png', data: 'data:image/png;base64,AA', suggestedName: 'g.png' }));
  assert.ok(isWebviewToHost({ type: 'export', format: 'svg', data: '<svg></svg>', suggestedName: 'g.svg' }));
  assert.ok(!isWebviewToHost({ type: 'export', format: 'gif', data: '', suggestedName: 'g.gif' }));
  assert.ok(!isWebviewToHost({ type: 'export', format: 'html', data: '<html></html>', suggestedName: 'g.html' }), 'the page is exportPage, built by the host');
  assert.ok(isWebviewToHost({ type: 'exportPage', suggestedName: 'layers-lens.html' }));
  assert.ok(!isWebviewToHost({ type: 'exportPage' }));
  assert.ok(!isWebviewToHost({ type: 'exportPage', suggestedName: 3 }));
  assert.ok(isWebviewToHost({ type: 'painted', tab: 'derivation' }));
  assert.ok(!isWebviewToHost({ type: 'painted' }));
  assert.ok(!isWebviewToHost({ type: 'painted', tab: 'nowhere' }));
  assert.ok(!isWebviewToHost({ type: 'report' }));
});

test('the Korean bundle translates every UI string, with the same placeholders', () => {
  const ko = JSON.parse(readFileSync(join(__dirname, '../../webview/l10n/ko.json'), 'utf8')) as Record<string, string>;
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(EN).sort());
  for (const [key, en] of Object.entries(EN)) {
    const holes = (s: string) => (s.match(/\{\d\}/g) ?? []).sort();
    assert.deepEqual(holes(ko[key]), holes(en), key);
  }
  for (const term of ['순전파', '역전파', '기울기', '계층', '연쇄법칙']) assert.ok(Object.values(ko).some((v) => v.includes(term)), term);
  const t = translator(ko);
  assert.equal(t('steps.position', 1, 8, 'apple_layer', 'forward'), '8단계 중 1단계: apple_layer.forward()');
  assert.equal(translator({})('panel.summary', 4, 8), '4 layers, 8 calls');
});

test('the page loads one nonce\'d script under a CSP that starts from default-src \'none\'', () => {
  const csp = panelCsp('https://file+.vscode-resource.vscode-cdn.net', 'N0NCE');
  assert.equal(csp, "default-src 'none'; script-src 'nonce-N0NCE'; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-N0NCE'; font-src https://file+.vscode-resource.vscode-cdn.net; img-src https://file+.vscode-resource.vscode-cdn.net data:");
  const html = panelHtml({ cspSource: 'vscode-resource:', nonce: 'N0NCE', scriptUri: 'vscode-resource:/dist/webview/main.js', styleUri: 'vscode-resource:/dist/webview/main.css', lang: 'ko' });
  assert.match(html, /<html lang="ko">/);
  assert.equal((html.match(/<script /g) ?? []).length, 1);
  assert.match(html, /<script type="module" src="vscode-resource:\/dist\/webview\/main.js" nonce="N0NCE">/);
  assert.doesNotMatch(html, /style=|onclick|<style/);
});

test('the standalone page: one file, nothing in the report or the bundle can end a script early', () => {
  const { report } = inspectFixture('buy_apple_orange.py');
  report.output.stdout = '</script><script>alert(1)</script><!-- \u2028';
  const assets = {
    script: 'const s = "</script>"; const c = `<!--`; console.log(s, c);\n//# sourceMappingURL=main.js.map\n',
    css: '@font-face { font-family: K; src: url("./fonts/K.woff2") format("woff2"); }\n/*# sourceMappingURL=main.css.map */\n',
    fonts: { './fonts/K.woff2': 'd09GMg==' },
    l10n: { ko: { 'tab.graph': '계산 그래프' } },
  };
  const html = standalonePanelHtml(report, assets, { nonce: 'N0NCE', lang: 'ko', notes: ['a note'] });
  assert.match(html, /<html lang="ko">/);
  assert.ok(html.includes(`content="${standaloneCsp('N0NCE')}"`));
  assert.equal(standaloneCsp('N0NCE'), "default-src 'none'; script-src 'nonce-N0NCE'; style-src 'nonce-N0NCE'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'");
  assert.equal((html.match(/<script\b/gi) ?? []).length, 3);
  assert.equal((html.match(/<\/script/gi) ?? []).length, 3);
  assert.doesNotMatch(html, /<!--|sourceMappingURL/);
  assert.match(html, /const s = "\\x3C\/script>"; const c = `\\x3C!--`;/, 'the bundle\'s `</script` and `<!--` escaped as \\x3C');
  assert.match(html, /src: url\("data:font\/woff2;base64,d09GMg=="\) format\("woff2"\)/);
  const json = /<script type="application\/json" id="bl-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const data = JSON.parse(json) as { message: unknown; arrays: Record<string, number[]> };
  assert.ok(isHostToWebview(data.message), 'the embedded message passes the panel\'s guard');
  const msg = data.message as Extract<HostToWebview, { type: 'report' }>;
  assert.equal(msg.report.output.stdout, report.output.stdout);
  assert.deepEqual(msg.l10n, { 'tab.graph': '계산 그래프' }, 'the bundle of the page\'s language');
  assert.deepEqual(msg.notes, ['a note']);
  assert.equal(msg.standalone, true);
  assert.throws(() => standalonePanelHtml(report, { ...assets, fonts: {} }), /refers to \.\/fonts\/K\.woff2/);
});
