// `--lines A-B` (and the editor's "inspect selection"): the selected lines run together with what
// they need from the rest of the file. The text that runs keeps the file's line numbers: every line
// left out becomes a blank line, so tracebacks, call sites and checks point at the learner's lines.
//
// What runs:
//   - every top-level import, `def` and `class` of the file, selected or not, whole, in file order,
//     and `sys.path.append(...)`/`insert(...)` calls (the book's `sys.path.append(os.pardir)` that
//     makes `from common.layers import *` work);
//   - the selected lines, exactly as written;
//   - nothing else: other top-level statements outside the selection are left out.
// A selection that starts inside a `def` or `class` stands for the whole definition. A selection
// that starts inside another block (a `for` or `if` body) is dedented by its first line's
// indentation, consistently, and rejected when a later line of that block is indented less.

import type { Stmt } from '../ast';
import { PySyntaxError } from '../lexer';
import { parseModule } from '../parser';

export class SelectionError extends Error {}

export interface Selection {
  /** The code to run: as many lines as the file, the left-out ones blank. */
  source: string;
  lines: [number, number];
  /** Top-level classes the selection defines (or lies inside), in file order: candidates for synthesized inputs. */
  classes: string[];
  /** How the selection was adapted, in the learner's words (shown with the report). */
  notes: string[];
}

type SegmentKind = 'import' | 'def' | 'class' | 'path-setup' | 'other';

/** One top-level statement, from its first line (decorators included) to its last. */
interface Segment {
  start: number;
  end: number;
  kind: SegmentKind;
  name?: string;
  /** Lines where a statement nested in this one starts; unknown when the file does not parse. */
  starts?: Set<number>;
  /** Continuation lines of simple statements (inside brackets or strings). */
  continuation?: Set<number>;
}

/** Parses `A-B` or `A` (1-based, inclusive). */
export function parseLineRange(text: string): [number, number] | null {
  const m = /^\s*(\d+)\s*(?:[-:]\s*(\d+)\s*)?$/.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a < 1 || b < a) return null;
  return [a, b];
}

function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const isCode = (line: string): boolean => line.trim() !== '' && !line.trim().startsWith('#');
const indentOf = (line: string): string => /^[ \t]*/.exec(line)?.[0] ?? '';

/** The last line a statement covers (compound statements end with their last nested statement). */
function lastLine(s: Stmt): number {
  const children = childBlocks(s);
  let end = s.kind === 'FunctionDef' || s.kind === 'ClassDef' || children.length ? s.line : s.endLine;
  for (const block of children) for (const c of block) end = Math.max(end, lastLine(c));
  return end;
}

function childBlocks(s: Stmt): Stmt[][] {
  switch (s.kind) {
    case 'FunctionDef': return [s.fn.body];
    case 'ClassDef': return [s.body];
    case 'If': case 'While': case 'For': return [s.body, s.orelse];
    case 'With': return [s.body];
    case 'Try': return [s.body, ...s.handlers.map((h) => h.body), s.orelse, s.finalbody];
    default: return [];
  }
}

function firstLine(s: Stmt): number {
  if (s.kind === 'FunctionDef' || s.kind === 'ClassDef') return Math.min(s.line, ...s.decorators.map((d) => d.line));
  return s.line;
}

function isPathSetup(s: Stmt): boolean {
  if (s.kind !== 'Expr' || s.value.kind !== 'Call') return false;
  const f = s.value.func;
  return f.kind === 'Attribute' && ['append', 'insert', 'extend'].includes(f.attr) && f.value.kind === 'Attribute' && f.value.attr === 'path'
    && f.value.value.kind === 'Name' && f.value.value.id === 'sys';
}

function collect(s: Stmt, starts: Set<number>, continuation: Set<number>): void {
  starts.add(firstLine(s));
  starts.add(s.line);
  const blocks = childBlocks(s);
  if (!blocks.length) for (let l = s.line + 1; l <= s.endLine; l++) continuation.add(l);
  for (const block of blocks) for (const c of block) collect(c, starts, continuation);
}

function segmentsFromTree(body: Stmt[]): Segment[] {
  return body.map((s) => {
    const starts = new Set<number>();
    const continuation = new Set<number>();
    collect(s, starts, continuation);
    const kind: SegmentKind = s.kind === 'Import' || s.kind === 'ImportFrom' ? 'import'
      : s.kind === 'FunctionDef' ? 'def' : s.kind === 'ClassDef' ? 'class' : isPathSetup(s) ? 'path-setup' : 'other';
    return { start: firstLine(s), end: lastLine(s), kind, name: s.kind === 'FunctionDef' || s.kind === 'ClassDef' ? s.name : undefined, starts, continuation };
  });
}

/**
 * For a file that does not parse: top-level statements start at unindented code lines (closing
 * brackets and `else`/`except` clauses continue the one before). The syntax error itself shows
 * up when the selected code runs, with its line.
 */
function segmentsByIndentation(lines: string[]): Segment[] {
  const segs: Segment[] = [];
  let pendingDecorator = -1;
  lines.forEach((line, i) => {
    const n = i + 1;
    if (!isCode(line) || /^[ \t]/.test(line) || /^[)\]}]/.test(line) || /^(else|elif|except|finally)\b/.test(line)) return;
    const word = /^[A-Za-z_@]\w*/.exec(line)?.[0] ?? '';
    if (word.startsWith('@')) {
      if (pendingDecorator < 0) pendingDecorator = n;
      return;
    }
    const kind: SegmentKind = word === 'import' || word === 'from' ? 'import' : word === 'def' || word === 'async' ? 'def' : word === 'class' ? 'class'
      : /^sys\.path\.(append|insert|extend)\(/.test(line) ? 'path-setup' : 'other';
    const name = kind === 'def' || kind === 'class' ? /^(?:async\s+)?(?:def|class)\s+(\w+)/.exec(line)?.[1] : undefined;
    segs.push({ start: pendingDecorator > 0 ? pendingDecorator : n, end: n, kind, name });
    pendingDecorator = -1;
  });
  // Each statement runs to the last code line before the next one.
  segs.forEach((s, k) => {
    const limit = k + 1 < segs.length ? segs[k + 1].start - 1 : lines.length;
    let end = limit;
    while (end > s.start && !isCode(lines[end - 1])) end--;
    s.end = end;
  });
  return segs;
}

function topLevelSegments(text: string, lines: string[]): Segment[] {
  try {
    return segmentsFromTree(parseModule(text).body);
  } catch (e) {
    if (e instanceof PySyntaxError) return segmentsByIndentation(lines);
    throw e;
  }
}

const KEPT: ReadonlySet<SegmentKind> = new Set(['import', 'def', 'class', 'path-setup']);

/** The code that runs for `--lines A-B` of `text`; throws SelectionError for a selection it cannot run. */
export function selectLines(text: string, range: [number, number]): Selection {
  const lines = splitLines(text);
  const [a, b] = range;
  if (a < 1 || b < a) throw new SelectionError(`--lines needs A-B with 1 <= A <= B, not ${a}-${b}`);
  if (b > lines.length) throw new SelectionError(`--lines ${a}-${b}: the file has only ${lines.length} line${lines.length === 1 ? '' : 's'}`);
  let first = a;
  while (first <= b && !isCode(lines[first - 1])) first++;
  if (first > b) throw new SelectionError(`lines ${a}-${b} hold no code (only blank lines and comments)`);

  const segs = topLevelSegments(text, lines);
  const out = lines.map(() => '');
  const copy = (from: number, to: number) => {
    for (let l = from; l <= to; l++) out[l - 1] = lines[l - 1];
  };
  const notes: string[] = [];
  const classes: string[] = [];
  const inSelection = (s: Segment) => s.start <= b && s.end >= a;

  // The selected lines, as written, wherever no statement says otherwise (comments, blank lines).
  copy(a, b);
  for (const s of segs) {
    const overlaps = inSelection(s);
    if (s.kind === 'class' && overlaps && s.name) classes.push(s.name);
    if (KEPT.has(s.kind)) {
      // Context, and definitions the selection cuts into: whole.
      copy(s.start, s.end);
      if (overlaps && (s.kind === 'def' || s.kind === 'class') && (s.start < a || s.end > b)) {
        const what = `${s.kind === 'class' ? 'class' : 'def'} ${s.name ?? ''}`.trim();
        notes.push(s.start < first
          ? `the selection starts inside ${what} (lines ${s.start}-${s.end}), so the whole definition runs`
          : `the selection ends inside ${what} (lines ${s.start}-${s.end}), so the whole definition runs`);
      }
      continue;
    }
    if (s.start < first && first <= s.end) dedentBlock(s, first, b, lines, out, notes);
  }
  return { source: `${out.join('\n')}\n`, lines: [a, b], classes, notes };
}

/** A selection starting inside the block of `s` (a `for`, `if`, `with`, `try` ...): its lines there lose the first line's indentation. */
function dedentBlock(s: Segment, first: number, b: number, lines: string[], out: string[], notes: string[]): void {
  if (s.starts && !s.starts.has(first)) {
    throw new SelectionError(`line ${first} is in the middle of a statement (the one at lines ${s.start}-${s.end}); start the selection where a statement starts`);
  }
  const prefix = indentOf(lines[first - 1]);
  if (prefix === '') {
    throw new SelectionError(`line ${first} continues the statement that starts at line ${s.start}; start the selection at line ${s.start} or at a statement inside its block`);
  }
  const last = Math.min(b, s.end);
  for (let l = first; l <= last; l++) {
    const line = lines[l - 1];
    if (!isCode(line)) {
      out[l - 1] = '';
    } else if (line.startsWith(prefix)) {
      out[l - 1] = line.slice(prefix.length);
    } else if (s.continuation?.has(l)) {
      // Inside brackets: the indentation does not matter to Python; take off what there is.
      out[l - 1] = line.slice(Math.min(prefix.length, indentOf(line).length));
    } else {
      throw new SelectionError(`the selection starts inside an indented block (line ${first}) and line ${l} is indented less: select whole statements, or only lines of that block`);
    }
  }
  notes.push(`the selection starts inside the block of the statement at line ${s.start}, so lines ${first}-${last} run dedented by ${describeIndent(prefix)}`);
}

function describeIndent(prefix: string): string {
  const tabs = [...prefix].filter((c) => c === '\t').length;
  const spaces = prefix.length - tabs;
  const parts = [];
  if (spaces) parts.push(`${spaces} space${spaces === 1 ? '' : 's'}`);
  if (tabs) parts.push(`${tabs} tab${tabs === 1 ? '' : 's'}`);
  return parts.join(' and ');
}

/** Top-level class names of a source text, in order (for synthesized inputs); none when it does not parse. */
export function topLevelClasses(text: string): string[] {
  try {
    return parseModule(text).body.filter((s) => s.kind === 'ClassDef').map((s) => (s as Extract<Stmt, { kind: 'ClassDef' }>).name);
  } catch (e) {
    if (e instanceof PySyntaxError) return [];
    throw e;
  }
}
