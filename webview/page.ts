// The panel's HTML page: what the extension host sets as `webview.html`, and what the webview
// tests serve. No inline script or style: the one script and the stylesheets come from the
// extension's dist/webview folder, allowed by a CSP that starts from default-src 'none'.

export interface PanelPageOptions {
  /** `webview.cspSource`: where the webview may load resources from. */
  cspSource: string;
  /** A fresh random value per page load. */
  nonce: string;
  /** URIs of dist/webview/main.js and dist/webview/main.css, as the webview sees them. */
  scriptUri: string;
  styleUri: string;
  /** The display language, for `<html lang>` (`en`, `ko`). */
  lang?: string;
  title?: string;
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function panelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

export function panelHtml(o: PanelPageOptions): string {
  return `<!DOCTYPE html>
<html lang="${attr(o.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(panelCsp(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.styleUri)}" nonce="${attr(o.nonce)}">
<title>${attr(o.title ?? 'Backprop Lens')}</title>
</head>
<body>
<div id="app"></div>
<script type="module" src="${attr(o.scriptUri)}" nonce="${attr(o.nonce)}"></script>
</body>
</html>
`;
}
