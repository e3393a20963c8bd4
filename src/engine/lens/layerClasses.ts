// Where the layer classes of a file are (any class whose body defines both `forward` and
// `backward`), found by indentation alone. The editor asks this on every keystroke (CodeLens,
// "inspect the layer class at the cursor"), and half-typed code must not make lenses vanish,
// so this does not need the file to parse.

export interface LayerClassLocation {
  name: string;
  /** 0-based line of `class Name...:` (after any decorators). */
  line: number;
  /** 0-based last line of the class body that is not blank or a comment. */
  endLine: number;
  /** 0-based lines of `def forward` and `def backward`. */
  forwardLine: number;
  backwardLine: number;
}

const CLASS_RE = /^([ \t]*)class\s+([A-Za-z_]\w*)\s*[:(]/;
const DEF_RE = /^([ \t]*)(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/;

function indentOf(line: string): number {
  let n = 0;
  for (const ch of line) {
    if (ch === ' ') n += 1;
    else if (ch === '\t') n += 8 - (n % 8);
    else break;
  }
  return n;
}

const isBlankOrComment = (line: string): boolean => /^\s*(#.*)?$/.test(line);

/** Every class of `text` that defines `forward` and `backward` directly in its body, in file order. */
export function findLayerClasses(text: string): LayerClassLocation[] {
  const lines = text.split(/\r\n|\r|\n/);
  const found: LayerClassLocation[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = CLASS_RE.exec(lines[i]);
    if (!m) continue;
    const indent = indentOf(m[1]);
    let bodyIndent = -1;
    let endLine = i;
    let forwardLine = -1;
    let backwardLine = -1;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j];
      if (isBlankOrComment(line)) continue;
      const k = indentOf(line);
      if (k <= indent) break;
      endLine = j;
      if (bodyIndent < 0) bodyIndent = k;
      if (k !== bodyIndent) continue;
      const d = DEF_RE.exec(line);
      if (d?.[2] === 'forward' && forwardLine < 0) forwardLine = j;
      if (d?.[2] === 'backward' && backwardLine < 0) backwardLine = j;
    }
    if (forwardLine >= 0 && backwardLine >= 0) found.push({ name: m[2], line: i, endLine, forwardLine, backwardLine });
  }
  return found;
}

/** The innermost layer class whose lines (class line to end of body) contain `line` (0-based). */
export function layerClassAt(text: string, line: number): LayerClassLocation | undefined {
  let best: LayerClassLocation | undefined;
  for (const c of findLayerClasses(text)) {
    if (c.line <= line && line <= c.endLine && (!best || c.line >= best.line)) best = c;
  }
  return best;
}
