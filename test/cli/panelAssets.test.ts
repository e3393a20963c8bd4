// The panel's built files, read for `inspect --html` and the extension's "Export panel as HTML".
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { PanelAssetsMissing, loadPanelAssets } from '../../src/host/panelAssets';

const dist = path.resolve(__dirname, '..', '..', 'dist', 'webview');

describe('loadPanelAssets', () => {
  test('reads main.js, main.css, every font main.css names, and the l10n bundles', { skip: fs.existsSync(path.join(dist, 'main.js')) ? undefined : 'dist/webview is not built' }, () => {
    const assets = loadPanelAssets(dist);
    assert.ok(assets.script.length > 100_000);
    assert.match(assets.css, /KaTeX_Main/);
    const named = [...assets.css.matchAll(/url\("?([^")]+)"?\)/g)].map((m) => m[1]);
    assert.deepEqual(Object.keys(assets.fonts).sort(), [...new Set(named)].sort());
    assert.ok(Object.keys(assets.fonts).length >= 20);
    for (const [url, b64] of Object.entries(assets.fonts)) assert.equal(Buffer.from(b64, 'base64').subarray(0, 4).toString('latin1'), 'wOF2', url);
    assert.equal(assets.l10n?.ko?.['tab.graph'] !== undefined, true);
  });

  test('a folder without the build: PanelAssetsMissing, naming the file and the fix', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-assets-'));
    assert.throws(() => loadPanelAssets(dir), (e: unknown) => e instanceof PanelAssetsMissing
      && e.message === `the panel's files are not built: ${path.join(dir, 'main.js')} is missing (run \`npm run build\`)`);
    fs.writeFileSync(path.join(dir, 'main.js'), '');
    fs.writeFileSync(path.join(dir, 'main.css'), '@font-face { src: url("./fonts/X.woff2") }');
    assert.throws(() => loadPanelAssets(dir), /fonts\/X\.woff2 is missing/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
