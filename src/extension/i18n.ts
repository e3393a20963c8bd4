// The extension's language: VS Code's display language, unless the `backpropLens.language`
// setting picks English or Korean. vscode.l10n.t only knows the display language, so when the
// setting overrides it, strings come from our own bundle (the same l10n/bundle.l10n.ko.json).
import * as vscode from 'vscode';

export type Lang = 'en' | 'ko';

let override: { lang: Lang; bundle: Record<string, string> } | undefined;

/** The language in effect now. */
export function language(): Lang {
  const setting = vscode.workspace.getConfiguration('backpropLens').get<string>('language', 'auto');
  if (setting === 'en' || setting === 'ko') return setting;
  return vscode.env.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

function format(message: string, args: unknown[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

/** Translates like vscode.l10n.t, honouring the language setting. */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  const lang = language();
  const display: Lang = vscode.env.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
  if (lang === display) return vscode.l10n.t(message, ...args);
  if (lang === 'en') return format(message, args);
  return format(override?.bundle[message] ?? message, args);
}

/** Loads the Korean bundle for when the setting asks for Korean under another display language. */
export async function loadOverrideBundle(extensionUri: vscode.Uri): Promise<void> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'l10n', 'bundle.l10n.ko.json'));
    override = { lang: 'ko', bundle: JSON.parse(new TextDecoder().decode(bytes)) as Record<string, string> };
  } catch {
    override = undefined;
  }
}

/** The panel's strings for `lang` (dist/webview/l10n/ko.json); English is built into the panel. */
export async function webviewStrings(extensionUri: vscode.Uri, lang: Lang): Promise<Record<string, string>> {
  if (lang === 'en') return {};
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'l10n', `${lang}.json`));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, string>;
  } catch {
    return {};
  }
}
