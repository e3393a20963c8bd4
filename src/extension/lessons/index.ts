// The guided lessons in VS Code: the Lessons view, the lesson page, the learner's code for each
// lesson as a real editor document (so hovers and CodeLens work on it), Check my code in the
// worker, hints one at a time, the reference solution in a diff, and progress in globalState.
// extension.ts calls registerLessons once; what it returns is part of the extension's API for tests.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LessonCheckItemView, LessonCheckView, LessonHintView, LessonStatus, LessonToHost, LessonUiKey } from '../../lessonProtocol';
import type { LensReport } from '../../engine/lens/report';
import type { Localized } from '../../engine/teach/lessons';
import { language, t, webviewStrings } from '../i18n';
import type { RunnerFs } from '../runner';
import { workspaceFs, type Runs } from '../runs';
import { loadCatalog, type CatalogLesson, type LessonCatalog } from './catalog';
import { LESSON_VIEW_TYPE, LessonPanel, type LessonPageState } from './panel';
import { LessonProgress } from './progress';
import { LESSONS_VIEW_ID, LessonsTreeProvider } from './tree';

export { LESSON_VIEW_TYPE } from './panel';
export { LESSONS_VIEW_ID } from './tree';

/** Read-only documents of the lessons' reference solutions: `backprop-lens-lesson:/02-mul-add-layers/solution.py`. */
export const SOLUTION_SCHEME = 'backprop-lens-lesson';
const DOCUMENTS_KEY = 'backpropLens.lessons.documents';

export interface LessonsDeps {
  runs: Runs;
}

/** What Check my code resolved to: tests read it; learners see the lesson page and a message. */
export interface LessonCheckOutcome {
  status: 'checked' | 'no-lesson' | 'no-document' | 'stopped' | 'crashed';
  passed?: boolean;
  items?: LessonCheckItemView[];
  /** The document that was checked. */
  document?: string;
  message?: string;
}

/** For tests (part of the extension's API): the lessons driven without clicking. */
export interface LessonsApi {
  /** The lesson ids in course order. */
  ids(): Promise<string[]>;
  /** Opens the lesson page on `id`; resolves true once the page has drawn it with the demo's numbers. */
  open(id: string, timeoutMs?: number): Promise<boolean>;
  /** The lesson the page shows, if it is open. */
  current(): string | undefined;
  /** Makes `document` the learner's code for lesson `id` (what Open starter code does). */
  associate(id: string, document: vscode.TextDocument): void;
  /** Open starter code without asking: into `folder` (a file `lesson-<id>.py`, kept if it exists) or untitled. */
  openStarter(id: string, where: vscode.Uri | 'untitled'): Promise<vscode.TextDocument | undefined>;
  /** Check my code for lesson `id` (default: the page's lesson). */
  check(id?: string): Promise<LessonCheckOutcome>;
  /** Reveals the next hint; resolves to the number of hints now shown. */
  nextHint(id?: string): Promise<number>;
  /** Completed lesson ids, as this session knows them. */
  completed(): string[];
  /** Completed lesson ids read afresh from globalState (what a new session would see). */
  storedCompleted(): string[];
  reset(): Promise<void>;
}

interface Demo {
  markdown: Localized;
  report?: LensReport;
}

const UI: Record<LessonUiKey, () => string> = {
  openStarter: () => t('Open starter code'),
  'openStarter.title': () => t('Open this lesson\'s starter code in an editor: saved into a folder you choose, or untitled'),
  check: () => t('Check my code'),
  'check.title': () => t('Run your code for this lesson and check its gradients'),
  nextHint: () => t('Show next hint'),
  'nextHint.title': () => t('Reveal one more hint'),
  showSolution: () => t('Show solution'),
  'showSolution.title': () => t('Compare your code with the reference solution (your file is not changed)'),
  previous: () => t('Previous lesson'),
  next: () => t('Next lesson'),
  figure: () => t('Figure'),
  'figure.caption': () => t('The computational graph of this lesson\'s example, from a run of the engine: forward values above each arrow, gradients below.'),
  hints: () => t('Hints'),
  hintsLeft: () => t('{0} of {1} hints shown'),
  noHintsLeft: () => t('All hints are shown. The solution is next.'),
  result: () => t('Check my code'),
  passed: () => t('All checks pass. Lesson complete!'),
  failed: () => t('Not yet: {0} of {1} checks fail.'),
  warning: () => t('Warning'),
  checking: () => t('Checking your code…'),
  preparing: () => t('Running the lesson\'s example…'),
  completed: () => t('Completed'),
  document: () => t('Your code: {0}'),
  noDocument: () => t('Open the starter code to begin; Check my code checks that document.'),
  line: () => t('line {0}'),
  lessonOf: () => t('Lesson {0} of {1}'),
};

export function registerLessons(context: vscode.ExtensionContext, deps: LessonsDeps): LessonsApi {
  const progress = new LessonProgress(context.globalState);
  let catalogPromise: Promise<LessonCatalog | undefined> | undefined;
  const catalog = (): Promise<LessonCatalog | undefined> => (catalogPromise ??= loadCatalog(context.extensionUri).catch((e: Error) => {
    deps.runs.channel.appendLine(t('[Lessons] cannot read the lessons: {0}', e.message));
    catalogPromise = undefined;
    return undefined;
  }));
  const tree = new LessonsTreeProvider(catalog, progress);
  const demos = new Map<string, Demo>();
  const checks = new Map<string, LessonCheckView>();
  const hintLines = new Map<string, LessonHintView[]>();
  const busy = new Map<string, 'demo' | 'check'>();
  const failures = new Map<string, string>();
  /** Lesson id → the learner's document for it (URI string); file URIs are kept across sessions. */
  const documents = new Map<string, string>(Object.entries(context.workspaceState.get<Record<string, string>>(DOCUMENTS_KEY, {})));
  let page: LessonPanel | undefined;

  const remember = (id: string, uri: vscode.Uri) => {
    documents.set(id, uri.toString());
    const files = Object.fromEntries([...documents].filter(([, u]) => u.startsWith('file:')));
    void context.workspaceState.update(DOCUMENTS_KEY, files);
    pushStatus(id);
  };

  /** The learner's document for lesson `id`: the one associated with it, else an open `lesson-<id>.py`. */
  const documentUri = (lesson: CatalogLesson): vscode.Uri | undefined => {
    const known = documents.get(lesson.id);
    if (known) {
      const uri = vscode.Uri.parse(known);
      if (uri.scheme !== 'untitled' || vscode.workspace.textDocuments.some((d) => d.uri.toString() === known)) return uri;
    }
    return vscode.workspace.textDocuments.find((d) => !d.isClosed && path.posix.basename(d.uri.path) === lesson.fileName)?.uri;
  };

  const lessonOfDocument = async (doc: vscode.TextDocument | undefined): Promise<string | undefined> => {
    if (!doc) return undefined;
    const key = doc.uri.toString();
    for (const [id, uri] of documents) if (uri === key) return id;
    const name = path.posix.basename(doc.uri.path);
    return (await catalog())?.lessons.find((l) => l.fileName === name)?.id;
  };

  async function status(id: string): Promise<LessonStatus> {
    const lesson = (await catalog())?.byId(id);
    const lang = language();
    const shown = progress.hintsShown(id);
    const lines = hintLines.get(id);
    const hints = (lesson?.hints ?? []).slice(0, shown).map((h, i): LessonHintView => {
      const line = lines?.[i]?.line;
      return line ? { text: h.text[lang], line } : { text: h.text[lang] };
    });
    const doc = lesson && documentUri(lesson);
    const s: LessonStatus = { hints, hintCount: lesson?.hints.length ?? 0, completed: progress.isCompleted(id) };
    if (doc) s.document = path.posix.basename(doc.path);
    const check = checks.get(id);
    if (check) s.check = check;
    const b = busy.get(id);
    if (b) s.busy = b;
    const f = failures.get(id);
    if (f) s.failure = f;
    return s;
  }

  function pushStatus(id: string): void {
    if (page?.lessonId !== id) return;
    const p = page;
    void status(id).then((s) => p.post({ type: 'status', status: s }));
  }

  async function pushLesson(id: string): Promise<void> {
    const cat = await catalog();
    const lesson = cat?.byId(id);
    if (!page || !cat || !lesson || page.lessonId !== id) return;
    const lang = language();
    const demo = demos.get(id);
    const i = lesson.number - 1;
    const ui = Object.fromEntries(Object.entries(UI).map(([k, f]) => [k, f()])) as Record<LessonUiKey, string>;
    page.panel.title = t('Lesson {0}: {1}', lesson.number, lesson.title[lang]);
    page.post({
      type: 'lesson',
      lesson: {
        id, number: lesson.number, total: cat.lessons.length, title: lesson.title[lang],
        ...(i > 0 ? { previous: cat.lessons[i - 1].id } : {}),
        ...(i + 1 < cat.lessons.length ? { next: cat.lessons[i + 1].id } : {}),
      },
      markdown: demo?.markdown[lang] ?? '',
      ...(demo?.report ? { report: demo.report } : {}),
      ui,
      l10n: await webviewStrings(context.extensionUri, lang),
      lang,
      status: await status(id),
    });
  }

  /** Runs the lesson's demo (once per session): its numbers fill the Markdown, its graph is the figure. */
  async function prepare(lesson: CatalogLesson, files: Record<string, string>): Promise<void> {
    if (demos.has(lesson.id) || busy.has(lesson.id)) return;
    busy.set(lesson.id, 'demo');
    failures.delete(lesson.id);
    pushStatus(lesson.id);
    const { handle, outcome } = await deps.runs.runLesson(
      { files, id: lesson.id, lang: language(), mode: 'demo' },
      { source: '', filename: `/lessons/${lesson.id}/demo.py`, label: lesson.title[language()], fs: noFs },
    );
    handle.dispose();
    busy.delete(lesson.id);
    if (outcome.kind === 'lesson' && outcome.result.mode === 'demo') {
      demos.set(lesson.id, { markdown: outcome.result.markdown, report: outcome.result.report });
      await pushLesson(lesson.id);
    } else {
      failures.set(lesson.id, failureText(outcome.kind === 'stopped' ? outcome.reason : outcome.kind === 'crashed' ? outcome.message : outcome.kind));
      pushStatus(lesson.id);
    }
  }

  function adopt(panel: vscode.WebviewPanel): LessonPanel {
    const p = new LessonPanel(panel, context.extensionUri, (msg) => void onMessage(p, msg));
    page = p;
    void vscode.commands.executeCommand('setContext', 'backpropLens.lessonOpen', true);
    p.onDidDispose(() => {
      if (page === p) page = undefined;
      void vscode.commands.executeCommand('setContext', 'backpropLens.lessonOpen', false);
    });
    return p;
  }

  async function open(id: string): Promise<LessonPanel | undefined> {
    const cat = await catalog();
    const lesson = cat?.byId(id);
    if (!cat || !lesson) {
      void vscode.window.showWarningMessage(t('There is no lesson {0}.', id));
      return undefined;
    }
    if (!page) {
      adopt(vscode.window.createWebviewPanel(LESSON_VIEW_TYPE, t('Lesson {0}: {1}', lesson.number, lesson.title[language()]),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, { enableScripts: true, retainContextWhenHidden: false }));
    } else {
      page.reveal();
    }
    const p = page as LessonPanel;
    p.lessonId = id;
    await pushLesson(id);
    void prepare(lesson, cat.files);
    return p;
  }

  async function pickLesson(placeHolder: string): Promise<string | undefined> {
    const cat = await catalog();
    if (!cat) return undefined;
    const lang = language();
    const choice = await vscode.window.showQuickPick(cat.lessons.map((l) => ({
      label: `${progress.isCompleted(l.id) ? '$(pass-filled)' : '$(circle-large-outline)'} ${l.number}. ${l.title[lang]}`,
      detail: l.summary?.[lang],
      id: l.id,
    })), { placeHolder, matchOnDetail: true });
    return choice?.id;
  }

  async function openStarter(id: string, where?: vscode.Uri | 'untitled'): Promise<vscode.TextDocument | undefined> {
    const lesson = (await catalog())?.byId(id);
    if (!lesson) return undefined;
    if (!where) {
      const folderItem = { label: `$(folder) ${t('Save in a folder…')}`, detail: t('Writes {0} into a folder you choose; an existing file is opened as it is.', lesson.fileName) };
      const untitledItem = { label: `$(new-file) ${t('Open as an untitled document')}`, detail: t('Nothing is written to disk until you save it.') };
      const choice = await vscode.window.showQuickPick([folderItem, untitledItem], { placeHolder: t('Where should the starter code of lesson {0} go?', lesson.number) });
      if (!choice) return undefined;
      if (choice === untitledItem) where = 'untitled';
      else {
        const folders = await vscode.window.showOpenDialog({
          canSelectFiles: false, canSelectFolders: true, canSelectMany: false,
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri, openLabel: t('Save Lesson Here'),
        });
        if (!folders?.[0]) return undefined;
        where = folders[0];
      }
    }
    let doc: vscode.TextDocument;
    if (where === 'untitled') {
      doc = await vscode.workspace.openTextDocument({ language: 'python', content: lesson.starter });
    } else {
      const file = vscode.Uri.joinPath(where, lesson.fileName);
      let exists = false;
      try {
        await vscode.workspace.fs.stat(file);
        exists = true;
      } catch {
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(lesson.starter));
      }
      if (exists) void vscode.window.showInformationMessage(t('{0} already exists: it is opened as it is, not overwritten.', lesson.fileName));
      doc = await vscode.workspace.openTextDocument(file);
    }
    remember(id, doc.uri);
    // Beside the lesson page when it is in the first column (opened with no editor open), not over it.
    const column = page?.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
    return doc;
  }

  async function currentLesson(arg?: unknown): Promise<string | undefined> {
    const given = lessonArg(arg);
    if (given) return given;
    return (await lessonOfDocument(vscode.window.activeTextEditor?.document)) ?? page?.lessonId;
  }

  async function check(id?: string): Promise<LessonCheckOutcome> {
    const cat = await catalog();
    const lesson = id ? cat?.byId(id) : undefined;
    if (!cat || !lesson) {
      void vscode.window.showInformationMessage(t('Open a lesson first (Backprop Lens: Open Lesson).'));
      return { status: 'no-lesson' };
    }
    const uri = documentUri(lesson);
    const doc = uri && await vscode.workspace.openTextDocument(uri).then((d) => d, () => undefined);
    if (!doc) {
      const openIt = t('Open starter code');
      void vscode.window.showInformationMessage(t('There is no code for lesson {0} yet: open its starter code, write the missing parts, then check it.', lesson.number), openIt)
        .then((c) => (c === openIt ? openStarter(lesson.id) : undefined));
      return { status: 'no-document' };
    }
    const name = path.posix.basename(doc.uri.path);
    const filename = doc.uri.scheme === 'file' ? doc.uri.fsPath : `/${name}`;
    busy.set(lesson.id, 'check');
    failures.delete(lesson.id);
    pushStatus(lesson.id);
    const fs: RunnerFs = doc.uri.scheme === 'untitled' ? noFs : workspaceFs({ home: vscode.Uri.joinPath(doc.uri, '..') });
    const { handle, outcome } = await deps.runs.runLesson(
      { files: cat.files, id: lesson.id, lang: language(), mode: 'check' },
      { source: doc.getText(), filename, label: name, fs },
    );
    handle.dispose();
    busy.delete(lesson.id);
    if (outcome.kind !== 'lesson' || outcome.result.mode !== 'check') {
      const message = failureText(outcome.kind === 'stopped' ? outcome.reason : outcome.kind === 'crashed' ? outcome.message : outcome.kind);
      failures.set(lesson.id, message);
      pushStatus(lesson.id);
      return { status: outcome.kind === 'stopped' ? 'stopped' : 'crashed', message };
    }
    const result = outcome.result.check;
    const items = result.items.map((i): LessonCheckItemView => {
      const item: LessonCheckItemView = { ok: i.ok, message: i.message, kind: i.kind };
      if (i.line && (!i.file || i.file === filename)) item.line = i.line;
      if (i.warning) item.warning = true;
      return item;
    });
    checks.set(lesson.id, { passed: result.passed, items, document: name });
    hintLines.set(lesson.id, outcome.result.hints);
    if (result.passed && await progress.complete(lesson.id)) {
      const next = cat.lessons[lesson.number];
      const goOn = t('Next lesson');
      void vscode.window.showInformationMessage(t('Lesson {0} complete: {1}', lesson.number, lesson.title[language()]), ...(next ? [goOn] : []))
        .then((c) => (c === goOn && next ? open(next.id) : undefined));
    }
    pushStatus(lesson.id);
    return { status: 'checked', passed: result.passed, items, document: name };
  }

  async function nextHint(id?: string): Promise<number> {
    const lesson = id ? (await catalog())?.byId(id) : undefined;
    if (!lesson) return 0;
    const shown = Math.min(lesson.hints.length, progress.hintsShown(lesson.id) + 1);
    await progress.setHintsShown(lesson.id, shown);
    pushStatus(lesson.id);
    return shown;
  }

  async function showSolution(id?: string): Promise<void> {
    const lesson = id ? (await catalog())?.byId(id) : undefined;
    if (!lesson) return;
    const solution = vscode.Uri.from({ scheme: SOLUTION_SCHEME, path: `/${lesson.id}/solution.py` });
    const mine = documentUri(lesson);
    if (mine) {
      await vscode.commands.executeCommand('vscode.diff', mine, solution,
        t('{0} ↔ reference solution (read-only)', path.posix.basename(mine.path)), { viewColumn: vscode.ViewColumn.One, preview: true });
    } else {
      const doc = await vscode.workspace.openTextDocument(solution);
      await vscode.languages.setTextDocumentLanguage(doc, 'python');
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: true });
    }
  }

  async function revealLine(id: string, line: number): Promise<void> {
    const lesson = (await catalog())?.byId(id);
    const uri = lesson && documentUri(lesson);
    if (!uri) return;
    const doc = await vscode.workspace.openTextDocument(uri);
    const column = vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn ?? vscode.ViewColumn.One;
    const at = new vscode.Position(Math.max(0, Math.min(line - 1, doc.lineCount - 1)), 0);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, selection: new vscode.Range(at, doc.lineAt(at.line).range.end) });
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  async function onMessage(p: LessonPanel, msg: LessonToHost): Promise<void> {
    const id = p.lessonId;
    switch (msg.type) {
      case 'ready':
        // After a reload the page is new and empty: send the lesson again.
        if (id) await pushLesson(id);
        break;
      case 'openStarter':
        if (id) await openStarter(id);
        break;
      case 'check':
        if (id) await check(id);
        break;
      case 'nextHint':
        if (id) await nextHint(id);
        break;
      case 'showSolution':
        if (id) await showSolution(id);
        break;
      case 'reveal':
        if (id) await revealLine(id, msg.line);
        break;
      case 'goto':
        await open(msg.id);
        break;
      case 'painted':
        break;
    }
  }

  const solutions: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const id = uri.path.split('/')[1] ?? '';
      return (await catalog())?.byId(id)?.solution ?? '';
    },
  };

  const view = vscode.window.createTreeView(LESSONS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: false });
  const describeView = () => {
    void catalog().then((cat) => {
      if (cat) view.description = t('{0} of {1} done', progress.completed().length, cat.lessons.length);
    });
  };
  describeView();
  context.subscriptions.push(
    progress,
    tree,
    view,
    progress.onDidChange(describeView),
    { dispose: () => page?.dispose() },
    vscode.workspace.registerTextDocumentContentProvider(SOLUTION_SCHEME, solutions),
    vscode.commands.registerCommand('backpropLens.openLessons', async () => {
      await vscode.commands.executeCommand(`${LESSONS_VIEW_ID}.focus`);
      const cat = await catalog();
      const next = cat?.lessons.find((l) => !progress.isCompleted(l.id)) ?? cat?.lessons[0];
      if (next) await open(next.id);
    }),
    vscode.commands.registerCommand('backpropLens.openLesson', async (arg?: unknown) => {
      const id = lessonArg(arg) ?? await pickLesson(t('Open a Backprop Lens lesson'));
      if (id) await open(id);
    }),
    vscode.commands.registerCommand('backpropLens.openLessonStarter', async (arg?: unknown) => {
      const id = await currentLesson(arg) ?? await pickLesson(t('Open the starter code of a lesson'));
      if (id) await openStarter(id);
    }),
    vscode.commands.registerCommand('backpropLens.checkLesson', async (arg?: unknown) => check(await currentLesson(arg))),
    vscode.commands.registerCommand('backpropLens.nextLessonHint', async (arg?: unknown) => nextHint(await currentLesson(arg))),
    vscode.commands.registerCommand('backpropLens.showLessonSolution', async (arg?: unknown) => showSolution(await currentLesson(arg))),
    vscode.commands.registerCommand('backpropLens.resetLessonProgress', async () => {
      const reset = t('Reset');
      const choice = await vscode.window.showWarningMessage(t('Forget which lessons you completed and which hints you have seen? Your code is not touched.'), { modal: true }, reset);
      if (choice !== reset) return;
      await resetAll();
    }),
    vscode.window.registerWebviewPanelSerializer(LESSON_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state: unknown) {
        const id = (state as LessonPageState | undefined)?.id;
        if (page || !id || !(await catalog())?.byId(id)) {
          panel.dispose();
          return;
        }
        adopt(panel);
        await open(id);
      },
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      // An untitled document that is closed is gone; a file stays the lesson's.
      if (doc.uri.scheme !== 'untitled') return;
      for (const [id, uri] of documents) if (uri === doc.uri.toString()) documents.delete(id);
    }),
  );

  async function resetAll(): Promise<void> {
    await progress.reset();
    checks.clear();
    hintLines.clear();
    if (page?.lessonId) pushStatus(page.lessonId);
  }

  return {
    ids: async () => (await catalog())?.lessons.map((l) => l.id) ?? [],
    open: (id, timeoutMs = 30_000) => new Promise<boolean>((resolve) => {
      // Listen before opening: the page may paint before open() returns.
      const subs: vscode.Disposable[] = [];
      const done = (ok: boolean) => {
        clearTimeout(timer);
        subs.forEach((d) => d.dispose());
        resolve(ok);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const listen = (p: LessonPanel) => subs.push(p.onDidPaint((painted) => {
        if (painted === id && demos.has(id)) done(true);
      }));
      if (page) listen(page);
      void open(id).then((p) => {
        if (!p) done(false);
        else if (!subs.length) listen(p);
      });
    }),
    current: () => page?.lessonId,
    associate: (id, document) => remember(id, document.uri),
    openStarter: (id, where) => openStarter(id, where),
    check: (id) => check(id ?? page?.lessonId),
    nextHint: (id) => nextHint(id ?? page?.lessonId),
    completed: () => progress.completed(),
    storedCompleted: () => {
      const fresh = new LessonProgress(context.globalState);
      const ids = fresh.completed();
      fresh.dispose();
      return ids;
    },
    reset: resetAll,
  };
}

/** A command's lesson argument: an id (command links, tests) or the Lessons view's item (its menus). */
function lessonArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const id = (arg as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Lesson code imports nothing from disk: an untitled document or a lesson's demo reads no files. */
const noFs: RunnerFs = { readFile: async () => undefined, isDirectory: async () => false };

function failureText(reason: string): string {
  if (reason === 'timeout') return t('The code did not finish within its time limit of {0} s (setting backpropLens.timeLimitSeconds).', vscode.workspace.getConfiguration('backpropLens').get<number>('timeLimitSeconds', 10));
  if (reason === 'cancelled') return t('The run was cancelled.');
  return t('Backprop Lens could not run the lesson: {0}', reason);
}
