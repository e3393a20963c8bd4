// Outside VS Code (a browser, the tests, an exported page) the theme variables are missing: mark the
// page so the stylesheet's fallbacks apply, and pick a theme class and reduced motion from the
// browser. VS Code sets its variables on <html style> and the theme on <body class>, and changes them
// live, so this runs again whenever they change.

const THEME_CLASSES = ['vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light'];

function markStandalone(): void {
  const defined = getComputedStyle(document.documentElement).getPropertyValue('--vscode-foreground').trim() !== '';
  document.documentElement.classList.toggle('bl-standalone', !defined);
  if (!THEME_CLASSES.some((c) => document.body.classList.contains(c))) {
    document.body.classList.add(window.matchMedia('(prefers-color-scheme: dark)').matches ? 'vscode-dark' : 'vscode-light');
  }
  if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) document.body.classList.add('vscode-reduce-motion');
}

export function followTheme(): void {
  markStandalone();
  new MutationObserver(markStandalone).observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
}
