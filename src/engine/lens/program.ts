// Inspecting a program as the learner points at it: a script, some lines of it (`--lines`), a
// notebook, or one cell of a notebook (`--cell`); with synthesized inputs when that code only
// defines layers. What `backprop-lens inspect` and (later) the editor's commands call.

import type { RunOptions } from '../api';
import { notebookCodeCells, type NotebookCell } from '../run';
import { inspectSource, type CodeUnit, type LensSession } from './inspect';
import type { LensReport } from './report';
import { SelectionError, selectLines, topLevelClasses } from './selection';
import { Synthesizer } from './synthesize';

export interface ProgramRequest {
  /** The file's text: Python source, or a notebook's JSON. */
  text: string;
  /** Absolute path; a name ending in `.ipynb` is a notebook. */
  filename: string;
  /** Lines to inspect (1-based, inclusive): of the file, or of the cell with `cell`. */
  lines?: [number, number];
  /** The notebook cell to inspect, 1-based, counting every cell (as tracebacks name them: `lesson.ipynb#cell3`). */
  cell?: number;
  /** Make up inputs when the code defines layers but calls none (default: true). */
  synthesize?: boolean;
}

/** Code the report refers to, as the learner wrote it (for listings). */
export interface ShownSource {
  title: string;
  /** The file name its spans and errors use (`lesson.ipynb#cell3` for a cell). */
  file: string;
  text: string;
  /** Selected lines. */
  highlight?: [number, number];
}

export type ProgramOutcome =
  | { kind: 'report'; report: LensReport; lens: LensSession; sources: ShownSource[]; notes: string[] }
  | { kind: 'input-error'; message: string };

const basename = (file: string) => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);

/** Runs and inspects what the request points at; input errors (a bad selection or cell) come back as `input-error`. */
export function inspectProgram(req: ProgramRequest, opts: Omit<RunOptions, 'filename'>): ProgramOutcome {
  const fail = (message: string): ProgramOutcome => ({ kind: 'input-error', message });
  const name = basename(req.filename);
  let source = req.text;
  let sourceFilename = req.filename;
  let displayLastValue = false;
  let before: CodeUnit[] = [];
  const later: CodeUnit[] = [];
  let shown: ShownSource[] = [{ title: name, file: req.filename, text: req.text }];

  if (req.filename.toLowerCase().endsWith('.ipynb')) {
    let cells: NotebookCell[];
    let total: number;
    try {
      cells = notebookCodeCells(req.text);
      total = ((JSON.parse(req.text) as { cells?: unknown[] }).cells ?? []).length;
    } catch (e) {
      return fail(`${name} is not a valid notebook: ${(e as Error).message}`);
    }
    const unit = (c: NotebookCell): CodeUnit => ({ source: c.source, filename: `${req.filename}#cell${c.index + 1}`, displayLastValue: true });
    if (req.cell !== undefined) {
      if (req.cell < 1 || req.cell > total) return fail(`--cell ${req.cell}: ${name} has ${total} cell${total === 1 ? '' : 's'}`);
      const target = cells.find((c) => c.index === req.cell! - 1);
      if (!target) {
        const code = cells.map((c) => c.index + 1);
        return fail(`--cell ${req.cell} is not a code cell; the code cells of ${name} are ${code.length ? code.join(', ') : 'none'}`);
      }
      before = cells.filter((c) => c.index < target.index).map(unit);
      source = target.source;
      sourceFilename = unit(target).filename;
      shown = [{ title: `${name}, cell ${req.cell}`, file: sourceFilename, text: target.source }];
    } else {
      if (req.lines) return fail('--lines on a notebook needs --cell N: line numbers count within a cell');
      const units = cells.map(unit);
      source = units[0]?.source ?? '';
      sourceFilename = units[0]?.filename ?? req.filename;
      later.push(...units.slice(1));
      shown = cells.map((c) => ({ title: `${name}, cell ${c.index + 1}`, file: unit(c).filename, text: c.source }));
    }
    displayLastValue = true;
  } else if (req.cell !== undefined) {
    return fail(`--cell is for notebooks (.ipynb); ${name} is a script (use --lines A-B for part of it)`);
  }

  let classes: string[];
  const notes: string[] = [];
  if (req.lines) {
    try {
      const selection = selectLines(source, req.lines);
      source = selection.source;
      classes = selection.classes;
      notes.push(...selection.notes);
      shown[0].highlight = req.lines;
    } catch (e) {
      if (e instanceof SelectionError) return fail(e.message);
      throw e;
    }
  } else {
    classes = [source, ...later.map((u) => u.source)].flatMap(topLevelClasses);
  }

  const synth = req.synthesize === false ? null : new Synthesizer(`${req.filename}#synthesized`, classes, name);
  const { report, lens } = inspectSource(source, {
    ...opts,
    filename: req.filename,
    lines: req.lines,
    cell: req.cell,
    sourceFilename,
    displayLastValue,
    before,
    next: ({ session, tracer, ok }) => {
      if (!synth?.planned) {
        // A notebook's cells run as "Run All" would: in order, up to the first that raises.
        if (!ok) return undefined;
        const cell = later.shift();
        if (cell) return cell;
        if (!synth || tracer.totalCalls > 0 || !synth.plan(session, tracer)) return undefined;
      }
      return synth.next(session, ok);
    },
  });
  synth?.finish(report, lens);
  if (report.synthesized) notes.push(`${name} defines layers but calls none, so the lens made up inputs for them (see the driver)`);
  return { kind: 'report', report, lens, sources: shown, notes };
}
