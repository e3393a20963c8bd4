// What `vsce package` puts in the .vsix: only what runs (dist/ without source maps, media/, l10n/,
// the manifest and its nls files, README, LICENSE), under 3 MB.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { packageVsix } from './harness';

describe('the packaged .vsix', { timeout: 300_000 }, () => {
  test('holds only what runs, under 3 MB', async () => {
    const vsix = await packageVsix();
    const files = vsix.files.filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length));
    console.log(`backprop-lens.vsix: ${(vsix.bytes / 1024 / 1024).toFixed(2)} MB (${vsix.bytes} bytes), ${vsix.files.length} files`);
    assert.ok(vsix.bytes < 3 * 1024 * 1024, `${vsix.bytes} bytes is under 3 MB`);
    for (const must of ['package.json', 'readme.md', 'LICENSE.txt', 'package.nls.json', 'package.nls.ko.json', 'dist/extension.js', 'dist/worker.js', 'dist/webview/main.js', 'dist/webview/main.css']) {
      assert.ok(files.some((f) => f.toLowerCase() === must.toLowerCase()), `${must} is packaged (files: ${files.join(', ')})`);
    }
    const allowed = /^(package\.json|package\.nls(\.[a-z-]+)?\.json|readme\.md|license(\.txt)?|changelog\.md|dist\/.+|media\/.+|l10n\/.+)$/i;
    const stray = files.filter((f) => !allowed.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
    assert.deepEqual(stray, [], 'no file outside dist/, media/, l10n/ and the manifest files, no .map, no .ts');
    assert.deepEqual(files.filter((f) => /^(src|test|node_modules|scripts|webview|bench|examples|out)\//.test(f)), [], 'no src/, test/, node_modules/ …');
  });
});
