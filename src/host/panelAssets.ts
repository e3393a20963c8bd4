// The panel's built files (dist/webview: main.js, main.css, KaTeX's fonts, l10n bundles) read
// into memory, for webview/page.ts's standalonePanelHtml: the page `backprop-lens inspect --html`
// writes, and the one the extension's "Export panel as HTML" saves (it passes its own
// dist/webview folder: path.join(context.extensionPath, 'dist', 'webview')).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PanelAssets } from '../../webview/page';

/** The panel is not built where it was looked for. */
export class PanelAssetsMissing extends Error {
  constructor(readonly file: string) {
    super(`the panel's files are not built: ${file} is missing (run \`npm run build\`)`);
    this.name = 'PanelAssetsMissing';
  }
}

function read(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new PanelAssetsMissing(file);
    throw e;
  }
}

/**
 * Reads main.js, main.css, every font main.css refers to (relative `url(...)`s, by the URL it
 * writes) and the l10n bundles in `l10n/` (`ko.json` → `l10n.ko`). Throws PanelAssetsMissing when
 * a file of the panel is not there, e.g. when running from source without `npm run build`.
 */
export function loadPanelAssets(distWebviewDir: string): PanelAssets {
  const dir = path.resolve(distWebviewDir);
  const script = read(path.join(dir, 'main.js')).toString('utf8');
  const css = read(path.join(dir, 'main.css')).toString('utf8');
  const fonts: Record<string, string> = {};
  for (const m of css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)) {
    const url = m[2];
    if (/^(?:data|https?):/i.test(url) || url in fonts) continue;
    fonts[url] = read(path.join(dir, decodeURIComponent(url.replace(/[?#].*$/, '')))).toString('base64');
  }
  const l10n: Record<string, Record<string, string>> = {};
  const l10nDir = path.join(dir, 'l10n');
  if (fs.existsSync(l10nDir)) {
    for (const name of fs.readdirSync(l10nDir).sort()) {
      const m = /^([A-Za-z-]+)\.json$/.exec(name);
      if (m) l10n[m[1]] = JSON.parse(fs.readFileSync(path.join(l10nDir, name), 'utf8')) as Record<string, string>;
    }
  }
  return { script, css, fonts, l10n };
}
