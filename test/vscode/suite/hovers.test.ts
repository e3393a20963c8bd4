// Hovers in a real VS Code, asked for the way the editor asks for them (`vscode.executeHoverProvider`):
// on the seed's layer code in a .py file and in a notebook cell, the explanation of what the line
// computes; after a run, the shapes and values it produced and the gradient check's verdict; in
// Korean with `backpropLens.language: ko`; nothing on a line that is not layer code, and nothing at
// all with `backpropLens.hovers.enabled: false`.
//
// The suite works on its own copies of the seed (hover_seed_layers.py / .ipynb beside common/), so
// that the runs of the other suites, which the extension remembers per document, do not show up in
// the hovers asserted here before a run.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { CommandResult } from '../../../src/extension/extension';

const EXTENSION_ID = 'backprop-lens.backprop-lens';
const PY = 'hover_seed_layers.py';
const NB = 'hover_seed_layers.ipynb';

let folder: vscode.Uri;

const settings = () => vscode.workspace.getConfiguration('backpropLens');
const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand<CommandResult>(command, ...args);

/** 0-based line and column of the first occurrence of `text` (plus `offset` characters into it). */
function positionOf(doc: vscode.TextDocument, text: string, offset = 0): vscode.Position {
  for (let i = 0; i < doc.lineCount; i++) {
    const col = doc.lineAt(i).text.indexOf(text);
    if (col >= 0) return new vscode.Position(i, col + offset);
  }
  throw new Error(`no line with ${text} in ${doc.uri.toString()}`);
}

const markdownOf = (c: vscode.MarkdownString | vscode.MarkedString): string =>
  typeof c === 'string' ? c : 'value' in c ? c.value : '';

/**
 * The Markdown of Backprop Lens's hovers at `text` in `doc`: all hovers the editor would show there,
 * kept when they are ours (they state the chain rule with ∂, and only we contribute such hovers).
 */
async function hoversAt(doc: vscode.TextDocument, text: string, offset = 0): Promise<string[]> {
  const position = positionOf(doc, text, offset);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return (hovers ?? []).flatMap((h) => h.contents.map(markdownOf)).filter((md) => md.includes('∂'));
}

/** The one hover of ours at `text`, failing when there is none or more than one. */
async function hoverAt(doc: vscode.TextDocument, text: string, offset = 0): Promise<string> {
  const found = await hoversAt(doc, text, offset);
  assert.equal(found.length, 1, `one Backprop Lens hover at ${text}, got ${found.length}:\n${found.join('\n---\n')}`);
  return found[0];
}

async function openPy(): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, PY));
  await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  return doc;
}

suite('hovers: explanations of layer code, and the last run\'s values', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    folder = vscode.workspace.workspaceFolders![0].uri;
    const examples = vscode.Uri.joinPath(extension.extensionUri, 'examples');
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(examples, 'seed_layers.py'), vscode.Uri.joinPath(folder, PY), { overwrite: true });
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(examples, 'seed_layers.ipynb'), vscode.Uri.joinPath(folder, NB), { overwrite: true });
    // seed_layers imports common/functions.py from beside it.
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(examples, 'common'), vscode.Uri.joinPath(folder, 'common'), { overwrite: true });
  });

  teardown(async () => {
    await settings().update('language', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('hovers.enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('before a run: the layer class, dx = dout·Wᵀ, db = Σ dout and the ReLU mask are explained in chain-rule terms', async () => {
    await settings().update('language', 'en', vscode.ConfigurationTarget.Global);
    const doc = await openPy();

    const cls = await hoverAt(doc, 'class Affine', 'class '.length);
    assert.match(cls, /^\*\*Affine\*\*: an affine layer \(x·W \+ b\)/);
    assert.ok(cls.includes('Y = x·W + b  ⇒  ∂L/∂x = ∂L/∂Y · Wᵀ,  ∂L/∂W = xᵀ · ∂L/∂Y,  ∂L/∂b = Σₙ ∂L/∂Y'), cls);
    assert.match(cls, /Recognised from what forward computes, not from its name/);
    assert.ok(cls.includes('x: (N,D), W: (D,M), b: (M,), Y: (N,M)'), cls);

    const dx = await hoverAt(doc, 'np.dot(dout, self.W.T)');
    assert.match(dx, /^Affine backward: gradient for the input/);
    assert.ok(dx.includes('∂L/∂x = ∂L/∂Y · Wᵀ'), dx);
    assert.ok(dx.includes('↳ dx = np.dot(dout, self.W.T)'), 'the learner\'s own line under the formula');
    assert.match(dx, /transposed so that \(N,M\) times \(M,D\) gives x’s shape \(N,D\)/);
    assert.ok(dx.includes('symbolic: `(N,M) · (M,D) → (N,D)`'), dx);
    assert.ok(!dx.includes('Last run'), 'no values before a run');
    assert.ok(!dx.includes('last run'), 'no actual shapes before a run');

    const db = await hoverAt(doc, 'np.sum(dout, axis=0)', 'np.sum('.length);
    assert.match(db, /^Affine backward: gradient for the bias/);
    assert.ok(db.includes('∂L/∂b = Σₙ ∂L/∂Yₙ'), db);
    assert.match(db, /\*NumPy: `axis=0`\*: The axis that is summed \(reduced\) away/);
    assert.ok(db.includes('`(N,M) → (M,)`'), db);

    const mask = await hoverAt(doc, 'self.mask = (x <= 0)', 'self.mask = ('.length);
    assert.match(mask, /^ReLU mask: where the input was ≤ 0/);
    assert.ok(mask.includes('mask = (x <= 0)  →  ∂L/∂x = 0 where mask is True'), mask);
    assert.ok(mask.includes('`(N,D) → (N,D) bool`'), mask);

    const range = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'np.dot(dout, self.W.T)')))
      .find((h) => h.contents.map(markdownOf).some((m) => m.includes('∂')))?.range;
    const line = positionOf(doc, 'dx = np.dot(dout, self.W.T)');
    assert.deepEqual([range?.start.line, range?.start.character, range?.end.line, range?.end.character],
      [line.line, line.character, line.line, line.character + 'dx = np.dot(dout, self.W.T)'.length], 'the hover covers the statement');
  });

  test('no hover of ours on code that is not a layer\'s', async () => {
    const doc = await openPy();
    assert.deepEqual(await hoversAt(doc, 'print("affine out:", out)', 2), []);
    assert.deepEqual(await hoversAt(doc, 'x2 = np.array([[1.0, 2.0], [-1.0, 0.5]])', 8), []);
    assert.deepEqual(await hoversAt(doc, '# 테스트', 3), []);
  });

  test('after Inspect Gradients on the file: the Affine backward line shows its shapes, values and check', async () => {
    await settings().update('language', 'en', vscode.ConfigurationTarget.Global);
    const doc = await openPy();
    const result = await run('backpropLens.inspect', doc.uri);
    assert.equal(result.status, 'report', JSON.stringify(result));
    assert.equal(result.error, undefined);
    assert.equal(result.checks?.failed, 0, JSON.stringify(result.checks));

    // The seed's own driver: x2 (2,2) · W (2,3), so dout is (2,3) and dx = dout · Wᵀ is (2,2).
    const dx = await hoverAt(doc, 'np.dot(dout, self.W.T)');
    assert.ok(dx.includes('last run: `(2, 3) · (3, 2) → (2, 2)`'), dx);
    assert.match(dx, /\*\*Last run\*\*, affine \(Affine\): \(2, 2\) float64/);
    assert.ok(dx.includes('[[-0.04135935 -0.04135935]\n [ 0.04651074  0.04651074]]'), dx);
    const dxLine = positionOf(doc, 'np.dot(dout, self.W.T)').line + 1;
    assert.match(dx, new RegExp(`\\*\\*Gradient check\\*\\*:\\n- ✓ ∂L/∂x \\(line ${dxLine}\\), relative error vs automatic`));
    assert.match(dx, /\[Open in panel\]\(command:backpropLens\.openInPanel\?/);

    const db = await hoverAt(doc, 'np.sum(dout, axis=0)', 'np.sum('.length);
    assert.ok(db.includes('last run: `sum((2, 3)), axis=0 → (3,)`'), db);
    assert.match(db, /- ✓ ∂L\/∂b \(parameter\)/);

    // The class line lists every check of the layer.
    const cls = await hoverAt(doc, 'class Affine', 'class '.length);
    assert.match(cls, /\*\*Last run\*\*: affine \(Affine\)/);
    assert.equal(cls.match(/^- ✓ /gm)?.length, 3, cls);
  });

  test('in a notebook cell: the Sigmoid backward line, then its values after the cell that calls it is inspected', async () => {
    await settings().update('language', 'en', vscode.ConfigurationTarget.Global);
    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(folder, NB));
    await vscode.window.showNotebookDocument(notebook);
    const cells = notebook.getCells();
    const sigmoidCell = cells.find((c) => c.document.getText().includes('class Sigmoid'));
    const testCell = cells.find((c) => c.document.getText().includes('# 테스트'));
    assert.ok(sigmoidCell && testCell);
    const doc = sigmoidCell.document;
    assert.equal(doc.uri.scheme, 'vscode-notebook-cell');

    const before = await hoverAt(doc, '(1.0 - self.out) * self.out', 1);
    assert.match(before, /^Sigmoid backward: y\(1 − y\)/);
    assert.ok(before.includes('∂L/∂x = ∂L/∂y · (1 − y) · y,  y = self.out'), before);
    assert.ok(before.includes('↳ dx2 = dout * (1.0 - self.out) * self.out'), before);
    assert.ok(!before.includes('Last run'), before);

    const cls = await hoverAt(doc, 'class Sigmoid', 'class '.length);
    assert.match(cls, /^\*\*Sigmoid\*\*: a sigmoid layer/);

    const result = await run('backpropLens.inspect', testCell);
    assert.equal(result.status, 'report', JSON.stringify(result));
    assert.deepEqual(result.checks, { passed: 2, failed: 0 });

    // The layer is defined in the Sigmoid cell and called from the test cell: the hover in the
    // Sigmoid cell finds it in the report by the cell it was defined in.
    const after = await hoverAt(doc, '(1.0 - self.out) * self.out', 1);
    assert.ok(after.includes('last run: `(3,) ⊙ (3,) → (3,)`'), after);
    assert.match(after, /\*\*Last run\*\*, sigmoid \(Sigmoid\): \(3,\) float64/);
    assert.ok(after.includes('[0.23500371 0.19661193 0.23500371]'), after);
    const line = positionOf(doc, '(1.0 - self.out) * self.out').line + 1;
    assert.match(after, new RegExp(`- ✓ ∂L/∂x \\(line ${line}\\)`));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('in Korean with backpropLens.language set to ko', async () => {
    await settings().update('language', 'ko', vscode.ConfigurationTarget.Global);
    const doc = await openPy();
    const cls = await hoverAt(doc, 'class Affine', 'class '.length);
    assert.match(cls, /^\*\*Affine\*\*: Affine 계층 \(행렬곱 x·W \+ b\)/);
    assert.match(cls, /forward와 backward를 모두 정의한 클래스이므로 계층입니다/);

    const dx = await hoverAt(doc, 'np.dot(dout, self.W.T)');
    assert.match(dx, /^Affine 역전파: 입력에 대한 기울기/);
    assert.ok(dx.includes('∂L/∂x = ∂L/∂Y · Wᵀ'), dx);
    assert.match(dx, /x의 형상 \(N,D\)가 되도록 전치합니다/);
    // The file was inspected by the test before: the values are labelled in Korean too.
    assert.ok(dx.includes('**형상**: 기호: `(N,M) · (M,D) → (N,D)` · 마지막 실행: `(2, 3) · (3, 2) → (2, 2)`'), dx);
    assert.match(dx, /\*\*기울기 확인\*\*:\n- ✓ ∂L\/∂x \(\d+행\), 자동 미분 대비 상대 오차/);
    assert.match(dx, /\[패널에서 열기\]/);
    assert.ok(!/Affine backward|Last run|Gradient check/.test(dx), dx);

    await settings().update('language', 'en', vscode.ConfigurationTarget.Global);
    assert.match(await hoverAt(doc, 'np.dot(dout, self.W.T)'), /^Affine backward: gradient for the input/, 'back to English');
  });

  test('none with backpropLens.hovers.enabled set to false, and back when it is true', async () => {
    const doc = await openPy();
    assert.equal((await hoversAt(doc, 'np.dot(dout, self.W.T)')).length, 1);
    await settings().update('hovers.enabled', false, vscode.ConfigurationTarget.Global);
    for (const text of ['class Affine', 'np.dot(dout, self.W.T)', 'np.sum(dout, axis=0)', 'self.mask = (x <= 0)']) {
      assert.deepEqual(await hoversAt(doc, text, 2), [], text);
    }
    await settings().update('hovers.enabled', true, vscode.ConfigurationTarget.Global);
    assert.equal((await hoversAt(doc, 'np.dot(dout, self.W.T)')).length, 1);
  });
});
