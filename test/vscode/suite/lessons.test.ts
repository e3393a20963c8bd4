// The guided lessons in a real VS Code: every lesson opens with its figure, the reference solution
// passes Check my code, a planted mistake gets its specific message and line, hints come one at a
// time, and progress is kept in globalState. Driven through the extension's API (`lessons`), the
// same calls the lesson page's buttons make.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { LessonsApi } from '../../../src/extension/lessons';

const EXTENSION_ID = 'backprop-lens.backprop-lens';

suite('lessons', () => {
  let lessons: LessonsApi;
  let extension: vscode.Extension<{ lessons?: LessonsApi }>;

  const lessonFile = (id: string, name: string) => fs.readFileSync(path.join(extension.extensionPath, 'media', 'lessons', id, name), 'utf8');

  let scratch = '';
  let made = 0;
  /**
   * A document with `text`, made the learner's code for lesson `id`. A saved file rather than an
   * untitled document: closing a dirty untitled editor would ask whether to save it.
   */
  async function codeFor(id: string, text: string): Promise<vscode.TextDocument> {
    const file = path.join(scratch, `${++made}`, `lesson-${id}.py`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    lessons.associate(id, doc);
    return doc;
  }

  suiteSetup(async () => {
    const found = vscode.extensions.getExtension<{ lessons?: LessonsApi }>(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is installed`);
    extension = found;
    const api = await extension.activate();
    assert.ok(api?.lessons, 'activate() returns the lessons API (registerLessons in extension.ts)');
    lessons = api.lessons;
    await lessons.reset();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-lesson-code-'));
  });

  suiteTeardown(async () => {
    await lessons?.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  test('the lesson commands and the Lessons view are contributed', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['backpropLens.openLessons', 'backpropLens.openLesson', 'backpropLens.checkLesson', 'backpropLens.nextLessonHint', 'backpropLens.resetLessonProgress']) {
      assert.ok(commands.includes(c), `${c} is registered`);
    }
    const views = (extension.packageJSON as { contributes: { views: Record<string, { id: string }[]> } }).contributes.views;
    assert.ok(Object.values(views).flat().some((v) => v.id === 'backpropLens.lessons'));
    await vscode.commands.executeCommand('backpropLens.lessons.focus');
  });

  test('each lesson opens and draws its figure from the demo run', async function () {
    this.timeout(240_000);
    const ids = await lessons.ids();
    assert.equal(ids.length, 8);
    for (const id of ids) {
      assert.equal(await lessons.open(id), true, `lesson ${id} painted`);
      assert.equal(lessons.current(), id);
    }
  });

  test('the reference solution of every lesson passes Check my code', async function () {
    this.timeout(240_000);
    for (const id of await lessons.ids()) {
      await codeFor(id, lessonFile(id, 'solution.py'));
      const outcome = await lessons.check(id);
      assert.equal(outcome.status, 'checked', `${id}: ${JSON.stringify(outcome)}`);
      assert.equal(outcome.passed, true, `${id}: ${JSON.stringify(outcome.items)}`);
      assert.ok(lessons.completed().includes(id));
    }
  });

  test('a planted mistake in lesson 2 gets the specific message, at its line', async () => {
    const id = '02-mul-add-layers';
    const solution = lessonFile(id, 'solution.py');
    const buggy = solution.replace('dx = dout * self.y', 'dx = dout * self.x');
    assert.notEqual(buggy, solution);
    const line = buggy.split('\n').findIndex((l) => l.includes('dx = dout * self.x')) + 1;
    await lessons.open(id);
    await codeFor(id, buggy);
    const outcome = await lessons.check(id);
    assert.equal(outcome.status, 'checked');
    assert.equal(outcome.passed, false);
    const item = outcome.items?.find((i) => !i.ok && i.kind === 'gradient');
    assert.ok(item, JSON.stringify(outcome.items));
    assert.match(item.message, /dx of MulLayer: you returned `dout \* self\.x`/);
    assert.match(item.message, /other input/);
    assert.equal(item.line, line);
  });

  test('the starter code is written into a chosen folder once, never over the learner\'s file', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bl-lessons-'));
    try {
      const id = '04-relu';
      const doc = await lessons.openStarter(id, vscode.Uri.file(folder));
      assert.ok(doc);
      assert.equal(path.basename(doc.uri.fsPath), 'lesson-04-relu.py');
      assert.equal(fs.readFileSync(doc.uri.fsPath, 'utf8'), lessonFile(id, 'starter.py'));
      fs.writeFileSync(doc.uri.fsPath, '# my work\n');
      const again = await lessons.openStarter(id, vscode.Uri.file(folder));
      assert.equal(fs.readFileSync(again!.uri.fsPath, 'utf8'), '# my work\n');
      // The starter as it is does not pass, and says what is still to do.
      await codeFor(id, lessonFile(id, 'starter.py'));
      const outcome = await lessons.check(id);
      assert.equal(outcome.passed, false);
      assert.ok(outcome.items?.some((i) => i.kind === 'todo'), JSON.stringify(outcome.items));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  test('hints are revealed one at a time and stop at the last', async () => {
    const id = '05-sigmoid';
    assert.equal(await lessons.open(id), true, 'lesson 5 painted');
    assert.equal(await lessons.nextHint(id), 1);
    assert.equal(await lessons.nextHint(id), 2);
    let n = 2;
    for (let i = 0; i < 10; i++) n = await lessons.nextHint(id);
    assert.equal(await lessons.nextHint(id), n, 'no hint past the last');
  });

  test('progress is kept in globalState: completed lessons are there for the next session, until reset', async () => {
    const id = '01-chain-rule';
    await codeFor(id, lessonFile(id, 'solution.py'));
    assert.equal((await lessons.check(id)).passed, true);
    assert.ok(lessons.storedCompleted().includes(id), 'read afresh from globalState');
    await lessons.reset();
    assert.deepEqual(lessons.storedCompleted(), []);
    assert.deepEqual(lessons.completed(), []);
  });
});
