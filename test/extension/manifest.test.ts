// The extension's manifest, checked without VS Code: what `vsce package` and the marketplace rely on.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';

const root = path.resolve(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const manifest = readJson('package.json');
const nls: Record<string, string> = readJson('package.nls.json');
const nlsKo: Record<string, string> = readJson('package.nls.ko.json');

/** Every `%key%` placeholder anywhere in the manifest. */
function placeholders(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) found.push(m[1]);
  } else if (Array.isArray(value)) {
    for (const v of value) placeholders(v, found);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) placeholders(v, found);
  }
  return found;
}

describe('package.json', () => {
  test('every %key% resolves in package.nls.json and package.nls.ko.json', () => {
    const keys = placeholders(manifest);
    assert.ok(keys.length > 0);
    for (const key of keys) {
      assert.ok(nls[key], `package.nls.json lacks ${key}`);
      assert.ok(nlsKo[key], `package.nls.ko.json lacks ${key}`);
    }
    assert.deepEqual(Object.keys(nlsKo).sort(), Object.keys(nls).sort(), 'both nls files have the same keys');
  });

  test('the run command is contributed with its English and Korean titles', () => {
    const command = manifest.contributes.commands.find((c: { command: string }) => c.command === 'backpropLens.runFile');
    assert.ok(command, 'backpropLens.runFile is contributed');
    assert.equal(`${command.category}: ${nls[command.title.slice(1, -1)]}`, 'Backprop Lens: Run File with the Embedded Engine');
    assert.equal(`${command.category}: ${nlsKo[command.title.slice(1, -1)]}`, 'Backprop Lens: 내장 엔진으로 파일 실행');
  });

  test('activation stays minimal and workspace support is declared', () => {
    assert.ok(!(manifest.activationEvents ?? []).includes('*'), 'no "*" activation');
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.ok(['limited', true, false].includes(manifest.capabilities.virtualWorkspaces.supported));
  });

  test('@types/vscode is no newer than the lowest VS Code the manifest accepts', () => {
    const lowest = manifest.engines.vscode.replace(/^[\^~>=]+/, '').split('.').map(Number);
    const types = manifest.devDependencies['@types/vscode'].replace(/^[\^~]/, '').split('.').map(Number);
    assert.ok(types[0] < lowest[0] || (types[0] === lowest[0] && types[1] <= lowest[1]),
      `@types/vscode ${types.join('.')} is newer than engines.vscode ${manifest.engines.vscode}`);
  });

  test('main, the worker and bin point at built files', () => {
    for (const file of [manifest.main, 'dist/worker.js', manifest.bin['backprop-lens']]) {
      assert.ok(fs.existsSync(path.join(root, file)), `${file} exists (run npm run build first)`);
    }
    const cli = path.join(root, manifest.bin['backprop-lens']);
    assert.ok(fs.readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n'), 'the CLI starts with a node shebang');
    assert.ok(fs.statSync(cli).mode & 0o111, 'the CLI is executable');
  });

  test('the extension bundle leaves the interpreter to dist/worker.js', (t) => {
    const map = path.join(root, `${manifest.main}.map`);
    if (!fs.existsSync(map)) return t.skip('no source map (a --production build)');
    const sources: string[] = JSON.parse(fs.readFileSync(map, 'utf8')).sources;
    // The API's types and constants, and the indentation scan CodeLens runs on every keystroke.
    const allowed = ['src/engine/api.ts', 'src/engine/lens/layerClasses.ts'];
    const engine = sources.filter((s) => s.includes('src/engine/') && !allowed.some((a) => s.endsWith(a)));
    assert.deepEqual(engine, [], 'dist/extension.js leaves the interpreter to the worker and the hover engine to dist/hover-engine.js');
  });
});

describe('l10n', () => {
  const bundleKo: Record<string, string> = readJson(path.join(manifest.l10n, 'bundle.l10n.ko.json'));

  /** The messages passed to vscode.l10n.t(...) or i18n.ts's t(...) as string literals in src/extension. */
  function messages(): string[] {
    const dir = path.join(root, 'src', 'extension');
    const found: string[] = [];
    for (const file of fs.readdirSync(dir, { recursive: true }) as string[]) {
      if (!file.endsWith('.ts')) continue;
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) found.push(m[1].replace(/\\(.)/g, '$1'));
      assert.ok(!/\bt\(\s*[`"]/.test(text), `${file}: write t() messages in single quotes so this test can see them`);
    }
    return [...new Set(found)].sort();
  }

  test('every message has a Korean translation, and no translation is stale', () => {
    const used = messages();
    assert.ok(used.length > 0);
    assert.deepEqual(Object.keys(bundleKo).sort(), used);
  });

  test('translations keep their {0} placeholders', () => {
    const slots = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
    for (const [message, translation] of Object.entries(bundleKo)) {
      assert.equal(slots(translation), slots(message), message);
    }
  });
});
