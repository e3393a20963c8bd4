// What an inspection runs, worked out from where the learner is: a selection or the layer class
// at the cursor in a .py file (with the file's imports and definitions, src/engine/lens/selection.ts),
// a notebook cell after the cells before it (as Run All would run them), an untitled document.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { layerClassAt } from '../engine/lens/layerClasses';
import type { SourceKind } from './workerProtocol';

export interface InspectTarget {
  /** The document the panel belongs to: a text document, or the notebook of a cell. */
  documentUri: vscode.Uri;
  kind: SourceKind;
  /** The file's text, or the notebook as .ipynb JSON. */
  text: string;
  /** The path the engine runs it under (`__file__`, tracebacks, imports beside it). */
  filename: string;
  lines?: [number, number];
  /** 1-based, counting every cell. */
  cell?: number;
  /** For titles and the log: `layers.py, lines 3-9`. */
  label: string;
  /** Engine file names (`x.py`, `nb.ipynb#cell2`) to the documents they stand for. */
  files: Map<string, vscode.Uri>;
  /** The folder modules may be read from besides the workspace folders. */
  home: vscode.Uri;
}

/** Where a command was invoked on: a CodeLens passes `{ uri, line }`, the notebook cell menu a NotebookCell. */
export interface TargetArgument {
  uri?: vscode.Uri | string;
  /** 0-based line in that document: the layer class there is inspected. */
  line?: number;
  /** 1-based lines to inspect (a restored panel's selection). */
  lines?: [number, number];
}

export type ContextMode = 'file' | 'selection';

export function contextMode(): ContextMode {
  return vscode.workspace.getConfiguration('backpropLens').get<string>('inspect.context', 'file') === 'selection' ? 'selection' : 'file';
}

function isNotebookCell(x: unknown): x is vscode.NotebookCell {
  return typeof x === 'object' && x !== null && 'notebook' in x && 'document' in x && 'index' in x;
}

/** The notebook a cell's text document belongs to. */
export function notebookOfCell(document: vscode.TextDocument): vscode.NotebookDocument | undefined {
  if (document.uri.scheme !== 'vscode-notebook-cell') return undefined;
  return vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((cell) => cell.document === document));
}

/** The absolute path the program sees as `__file__`; imports are looked up beside it. */
export function scriptPath(uri: vscode.Uri): string {
  if (uri.scheme === 'file') return uri.fsPath;
  if (uri.scheme === 'untitled') {
    // An unsaved buffer imports from the workspace, as if saved at its root.
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const base = folder ? (folder.scheme === 'file' ? folder.fsPath : folder.path) : os.homedir();
    const name = path.basename(uri.path);
    return path.posix.join(base.replace(/\\/g, '/'), /\.py$/i.test(name) ? name : `${name}.py`);
  }
  // A virtual workspace: its own path; modules are read through vscode.workspace.fs (runs.ts).
  return uri.path;
}

/** The folder whose files the engine may import, as a URI of the document's own scheme. */
function homeOf(uri: vscode.Uri): vscode.Uri {
  if (uri.scheme === 'untitled') return vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  return vscode.Uri.joinPath(uri, '..');
}

/** The notebook as the editor holds it now (unsaved edits included), in .ipynb (nbformat 4) form. */
export function notebookJson(notebook: vscode.NotebookDocument, keepCode?: (cell: vscode.NotebookCell) => boolean): string {
  const cells = notebook.getCells().map((cell) => {
    const text = keepCode && cell.kind === vscode.NotebookCellKind.Code && !keepCode(cell) ? '' : cell.document.getText();
    const source = text.split(/(?<=\n)/);
    return cell.kind === vscode.NotebookCellKind.Code
      ? { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source }
      : { cell_type: 'markdown', metadata: {}, source };
  });
  return JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 });
}

/** Lines 1-based from an editor selection; a selection ending at column 0 leaves that line out. */
function selectedLines(selection: vscode.Selection): [number, number] | undefined {
  if (selection.isEmpty) return undefined;
  const end = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line - 1 : selection.end.line;
  return [selection.start.line + 1, end + 1];
}

/** Blanks every line outside `lines`, so line numbers stay the learner's ("selection only"). */
function onlyLines(text: string, lines: [number, number]): string {
  return text.split(/\r\n|\r|\n/).map((l, i) => (i + 1 >= lines[0] && i + 1 <= lines[1] ? l : '')).join('\n');
}

/**
 * The target for a command: from its argument (CodeLens, cell menu, hover link) when given, else
 * from the active editor: the selection, or the layer class at the cursor, or the whole file.
 */
export async function resolveTarget(arg?: unknown, opts: { wholeFile?: boolean } = {}): Promise<InspectTarget | undefined> {
  const mode = contextMode();
  let document: vscode.TextDocument | undefined;
  let line: number | undefined;
  let explicitLines: [number, number] | undefined;
  let selection: vscode.Selection | undefined;

  if (isNotebookCell(arg)) {
    document = arg.document;
  } else if (arg && typeof arg === 'object' && 'uri' in arg && (arg as TargetArgument).uri) {
    const a = arg as TargetArgument;
    const uri = typeof a.uri === 'string' ? vscode.Uri.parse(a.uri) : a.uri!;
    document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
      ?? await vscode.workspace.openTextDocument(uri);
    line = a.line;
    explicitLines = a.lines;
  } else if (arg instanceof vscode.Uri) {
    document = await vscode.workspace.openTextDocument(arg);
  } else {
    const editor = vscode.window.activeTextEditor;
    if (editor) {
      document = editor.document;
      selection = editor.selection;
    } else if (vscode.window.activeNotebookEditor) {
      const nbEditor = vscode.window.activeNotebookEditor;
      const index = nbEditor.selections[0]?.start ?? 0;
      document = nbEditor.notebook.cellAt(index)?.document;
    }
  }
  if (!document) return undefined;

  // Which lines: an explicit line (CodeLens) means its layer class; else the selection; else the
  // layer class at the cursor; else everything.
  let lines: [number, number] | undefined;
  if (!opts.wholeFile) {
    if (explicitLines) {
      lines = explicitLines;
    } else if (line !== undefined) {
      const cls = layerClassAt(document.getText(), line);
      lines = cls ? [cls.line + 1, cls.endLine + 1] : undefined;
    } else if (selection && !selection.isEmpty) {
      lines = selectedLines(selection);
    } else if (selection) {
      const cls = layerClassAt(document.getText(), selection.active.line);
      if (cls) lines = [cls.line + 1, cls.endLine + 1];
    }
  }

  const notebook = notebookOfCell(document);
  if (notebook) {
    const cell = notebook.getCells().find((c) => c.document === document);
    if (!cell || !notebook.uri.path.toLowerCase().endsWith('.ipynb')) return undefined;
    const filename = scriptPath(notebook.uri);
    const files = new Map<string, vscode.Uri>();
    for (const c of notebook.getCells()) files.set(`${filename}#cell${c.index + 1}`, c.document.uri);
    files.set(filename, notebook.uri);
    const selectionOnly = mode === 'selection';
    let text = notebookJson(notebook, selectionOnly ? (c) => c === cell : undefined);
    if (selectionOnly && lines) {
      const parsed = JSON.parse(text) as { cells: { source: string[] }[] };
      parsed.cells[cell.index].source = onlyLines(cell.document.getText(), lines).split(/(?<=\n)/);
      text = JSON.stringify(parsed);
    }
    const name = path.basename(notebook.uri.path);
    return {
      documentUri: notebook.uri, kind: 'ipynb', text, filename, lines, cell: cell.index + 1, files, home: homeOf(notebook.uri),
      label: lines ? `${name}, cell ${cell.index + 1}, lines ${lines[0]}-${lines[1]}` : `${name}, cell ${cell.index + 1}`,
    };
  }
  if (document.languageId !== 'python') return undefined;
  const filename = scriptPath(document.uri);
  // getText(), not the file on disk: unsaved edits and untitled documents run as shown.
  let text = document.getText();
  if (mode === 'selection' && lines) text = onlyLines(text, lines);
  const name = path.basename(document.uri.path);
  return {
    documentUri: document.uri, kind: 'py', text, filename, lines, home: homeOf(document.uri),
    files: new Map([[filename, document.uri]]),
    label: lines ? `${name}, lines ${lines[0]}-${lines[1]}` : name,
  };
}

/** The target a panel showed (kept in its webview state), inspected again as the document is now. */
export async function targetFor(state: { documentUri?: string; lines?: [number, number]; cell?: number }): Promise<InspectTarget | undefined> {
  if (typeof state.documentUri !== 'string') return undefined;
  const uri = vscode.Uri.parse(state.documentUri);
  const lines = Array.isArray(state.lines) && state.lines.length === 2 ? state.lines : undefined;
  try {
    if (uri.path.toLowerCase().endsWith('.ipynb')) {
      const notebook = vscode.workspace.notebookDocuments.find((nb) => nb.uri.toString() === uri.toString())
        ?? await vscode.workspace.openNotebookDocument(uri);
      const cell = notebook.cellAt(Math.max(0, (state.cell ?? 1) - 1));
      if (!cell) return undefined;
      return resolveTarget({ uri: cell.document.uri, lines } satisfies TargetArgument);
    }
    return resolveTarget({ uri, lines } satisfies TargetArgument);
  } catch {
    return undefined;
  }
}
