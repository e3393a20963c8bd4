// The editor path in a real VS Code: the commands on a selection, a layer class at the cursor, a
// notebook cell and an untitled document; the panel drawing the report; CodeLens following edits;
// diagnostics appearing and clearing; cancelling a runaway loop; imports read through workspace.fs.
import * as assert from 'node:assert/strict';
import { setup, suite, suiteSetup, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { BackpropLensApi, CommandResult } from '../../../src/extension/extension';

const EXTENSION_ID = 'backprop-lens.backprop-lens';
let api: BackpropLensApi;
let folder: vscode.Uri;

const AFFINE_BUG = `import numpy as np

class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout)
        return dx

np.random.seed(0)
layer = Affine(np.random.randn(3, 2), np.zeros(2))
out = layer.forward(np.random.randn(4, 3))
dx = layer.backward(np.ones_like(out))
`;

async function openInWorkspace(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name));
  return vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
}

async function untitled(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
  return vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
}

/** 0-based index of the first line containing `text`. */
function lineOf(doc: vscode.TextDocument, text: string, from = 0): number {
  for (let i = from; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(text)) return i;
  throw new Error(`no line with ${text} in ${doc.uri.toString()}`);
}

function select(editor: vscode.TextEditor, first: number, last: number): void {
  editor.selection = new vscode.Selection(first, 0, last, editor.document.lineAt(last).text.length);
}

const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand<CommandResult>(command, ...args);

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Backprop Lens');
}

async function waitFor<T>(what: string, probe: () => T | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

suite('editor: commands, panel, CodeLens, diagnostics', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    api = (await extension.activate()) as BackpropLensApi;
    folder = vscode.workspace.workspaceFolders![0].uri;
    // The examples (seed layers as .py and .ipynb, common/functions.py) into the writable workspace.
    for (const name of ['seed_layers.py', 'seed_layers.ipynb', 'buy_apple_orange.py', 'common']) {
      await vscode.workspace.fs.copy(vscode.Uri.joinPath(extension.extensionUri, 'examples', name), vscode.Uri.joinPath(folder, name), { overwrite: true });
    }
  });

  setup(async () => {
    await vscode.workspace.getConfiguration('backpropLens').update('inspect.context', undefined, vscode.ConfigurationTarget.Global);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('all five commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['inspect', 'checkBackward', 'compareSigmoid', 'runFile', 'exportPanel']) {
      assert.ok(commands.includes(`backpropLens.${c}`), `backpropLens.${c}`);
    }
  });

  test('Inspect Gradients on a selection runs it with the file\'s definitions and imports, and the panel draws it', async () => {
    const editor = await openInWorkspace('seed_layers.py');
    const doc = editor.document;
    const first = lineOf(doc, '# 테스트');
    const last = lineOf(doc, 'np.allclose(dx1, dx2)');
    select(editor, first, last);
    const painted = waitFor('a panel', () => api.panels().find((p) => p.documentUri === doc.uri.toString()), 20_000)
      .then(() => api.nextPaint(doc.uri.toString(), 30_000));
    const result = await run('backpropLens.inspect');
    assert.equal(result.status, 'report', JSON.stringify(result));
    assert.equal(result.error, undefined);
    assert.deepEqual(result.report?.lines, [first + 1, last + 1]);
    assert.deepEqual(result.report?.layers, ['Sigmoid:sigmoid']);
    assert.deepEqual(result.checks, { passed: 2, failed: 0 });
    assert.equal(await painted, true, 'the webview reported it painted the report');
    const panel = api.panels().find((p) => p.documentUri === doc.uri.toString());
    assert.equal(panel?.lastPainted?.tab, 'graph');
  });

  test('Compare Sigmoid Derivations with the cursor in the Sigmoid class: both ways agree', async () => {
    const editor = await openInWorkspace('seed_layers.py');
    const line = lineOf(editor.document, 'dx2 = dout * (1.0 - self.out)');
    editor.selection = new vscode.Selection(line, 4, line, 4);
    const result = await run('backpropLens.compareSigmoid');
    assert.equal(result.status, 'report', JSON.stringify(result));
    assert.ok(result.report?.layers.includes('Sigmoid:sigmoid'));
    assert.equal(result.report?.derivations.length, 1);
    assert.equal(result.report?.derivations[0].agree, true);
    assert.ok((result.report?.derivations[0].maxAbsDiff ?? 1) < 1e-12);
    const panel = await waitFor('painted', () => api.panels().find((p) => p.documentUri === editor.document.uri.toString() && p.lastPainted?.tab === 'derivation'), 20_000);
    assert.ok(panel);
  });

  test('the whole file imports common/functions.py through the workspace and checks every layer', async () => {
    await openInWorkspace('seed_layers.py');
    const result = await run('backpropLens.checkBackward', vscode.Uri.joinPath(folder, 'seed_layers.py'));
    assert.equal(result.status, 'report', JSON.stringify(result));
    assert.equal(result.error, undefined, 'from common.functions import softmax, cross_entropy_error worked');
    assert.ok((result.checks?.passed ?? 0) >= 6, JSON.stringify(result.checks));
    assert.equal(result.checks?.failed, 0);
    assert.match(result.message ?? '', /All \d+ gradient checks pass/);
  });

  test('Check My Backward on an untitled document: a failed check becomes a diagnostic, and fixing it clears it', async () => {
    const editor = await untitled(AFFINE_BUG);
    const doc = editor.document;
    const result = await run('backpropLens.checkBackward');
    assert.equal(result.status, 'report', JSON.stringify(result));
    assert.ok((result.checks?.failed ?? 0) >= 1, JSON.stringify(result.checks));
    assert.match(result.message ?? '', /gradient checks fail: Affine\.backward db/);
    const dbLine = lineOf(doc, 'self.db = np.sum(dout)');
    const diags = ours(doc.uri);
    assert.ok(diags.some((d) => d.range.start.line === dbLine && d.severity === vscode.DiagnosticSeverity.Error && /axis=0/.test(d.message)),
      diags.map((d) => `${d.range.start.line}: ${d.message}`).join('\n'));

    await editor.edit((e) => e.replace(doc.lineAt(dbLine).range, '        self.db = np.sum(dout, axis=0)'));
    const fixed = await run('backpropLens.checkBackward');
    assert.equal(fixed.checks?.failed, 0, JSON.stringify(fixed));
    assert.deepEqual(ours(doc.uri), []);
  });

  test('a traceback becomes a diagnostic at the learner\'s line', async () => {
    const editor = await untitled('import numpy as np\nx = np.ones((2, 3))\ny = np.dot(x, x)\n');
    const result = await run('backpropLens.inspect');
    assert.equal(result.status, 'report');
    assert.match(result.error ?? '', /^ValueError: shapes \(2,3\) and \(2,3\) not aligned/);
    const diags = ours(editor.document.uri);
    assert.equal(diags.length, 1);
    assert.equal(diags[0].range.start.line, 2);
    assert.match(diags[0].message, /ValueError/);
  });

  test('the "selection only" setting runs the selected lines alone', async () => {
    await vscode.workspace.getConfiguration('backpropLens').update('inspect.context', 'selection', vscode.ConfigurationTarget.Global);
    const editor = await openInWorkspace('seed_layers.py');
    select(editor, lineOf(editor.document, '# 테스트'), lineOf(editor.document, 'np.allclose(dx1, dx2)'));
    const result = await run('backpropLens.inspect');
    assert.equal(result.status, 'report');
    assert.match(result.error ?? '', /NameError: name 'Sigmoid' is not defined/);
  });

  test('a notebook cell runs after the cells before it, and its diagnostics land in the cell', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(folder, 'seed_layers.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    const cells = notebook.getCells();
    const testCell = cells.find((c) => c.document.getText().includes('# 테스트'));
    assert.ok(testCell);
    const result = await run('backpropLens.inspect', testCell);
    assert.equal(result.status, 'report', JSON.stringify(result));
    assert.equal(result.error, undefined);
    assert.equal(result.report?.cell, testCell.index + 1);
    assert.deepEqual(result.checks, { passed: 2, failed: 0 });

    // A mistake shows up in the cell that has it: the Relu cell only defines the class, so the lens
    // makes up inputs, calls forward, and the NameError is raised on the mask line.
    const reluCell = cells.find((c) => c.document.getText().includes('class Relu'))!;
    const reluDoc = reluCell.document;
    const maskLine = lineOf(reluDoc, 'self.mask = (x <= 0)');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(reluDoc.uri, reluDoc.lineAt(maskLine).range, '        self.mask = (x <= 0) + undefined_name');
    await vscode.workspace.applyEdit(edit);
    const broken = await run('backpropLens.inspect', reluCell);
    assert.match(broken.error ?? '', /NameError: name 'undefined_name' is not defined/, JSON.stringify(broken));
    const diags = ours(reluDoc.uri);
    assert.ok(diags.some((d) => d.range.start.line === maskLine), diags.map((d) => `${d.range.start.line} ${d.message}`).join('\n'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('CodeLens: two lenses above every layer class, following edits', async () => {
    const editor = await untitled('class Double:\n    def forward(self, x):\n        return 2 * x\n    def backward(self, dout):\n        return 2 * dout\n');
    const doc = editor.document;
    const lenses = async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10))
      .filter((l) => l.command?.command.startsWith('backpropLens.'));
    let found = await lenses();
    assert.deepEqual(found.map((l) => [l.range.start.line, l.command?.title]), [[0, '▶ Inspect gradients'], [0, '✓ Check backward']]);
    assert.deepEqual(found.map((l) => l.command?.command), ['backpropLens.inspect', 'backpropLens.checkBackward']);

    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'class NotALayer:\n    def forward(self, x):\n        return x\n\n'));
    found = await lenses();
    assert.deepEqual(found.map((l) => l.range.start.line), [4, 4], 'the lenses moved with the class');

    const backward = lineOf(doc, 'def backward');
    await editor.edit((e) => e.replace(doc.lineAt(backward).range, '    def backwards(self, dout):'));
    assert.deepEqual(await lenses(), [], 'no lens once the class has no backward');

    // The lens's own command inspects the class it stands above, with made-up inputs.
    await editor.edit((e) => e.replace(doc.lineAt(backward).range, '    def backward(self, dout):'));
    const [inspect] = await lenses();
    const result = await run(inspect.command!.command, ...(inspect.command!.arguments ?? []));
    assert.equal(result.status, 'report', JSON.stringify(result));
    assert.deepEqual(result.report?.layers, ['Double:elementwise']);
    assert.equal(result.checks?.failed, 0);
  });

  test('cancelling a `while True:` run ends it within 1 s, and the host stays responsive', async () => {
    await untitled('x = 0\nwhile True:\n    x += 1\n');
    const started = Date.now();
    const pending = run('backpropLens.inspect');
    await new Promise((r) => setTimeout(r, 500));
    // The extension host is not blocked while the loop runs: a timer fires on time.
    const lagStart = Date.now();
    await new Promise((r) => setTimeout(r, 20));
    assert.ok(Date.now() - lagStart < 250, `a 20 ms timer took ${Date.now() - lagStart} ms`);
    const cancelAt = Date.now();
    await vscode.commands.executeCommand('backpropLens.cancel');
    const result = await pending;
    const took = Date.now() - cancelAt;
    assert.ok(took < 1000, `stopped ${took} ms after the cancel`);
    assert.ok(Date.now() - started < 8000);
    assert.ok(result.status === 'stopped' || /^Cancelled/.test(result.error ?? ''), JSON.stringify(result));
  });

  test('a second run cancels the first', async () => {
    await untitled('while True:\n    pass\n');
    const first = run('backpropLens.inspect');
    await new Promise((r) => setTimeout(r, 400));
    await untitled('class Id:\n    def forward(self, x):\n        return x\n    def backward(self, dout):\n        return dout\n');
    const second = await run('backpropLens.inspect');
    const firstResult = await first;
    assert.ok(firstResult.status === 'stopped' || /^Cancelled/.test(firstResult.error ?? ''), JSON.stringify(firstResult));
    assert.equal(second.status, 'report');
    assert.deepEqual(second.report?.layers, ['Id:other']);
  });

  test('Run File runs the whole file and puts its output in the Backprop Lens channel', async () => {
    await openInWorkspace('buy_apple_orange.py');
    const result = await run('backpropLens.runFile');
    assert.equal(result.status, 'ran', JSON.stringify(result));
    assert.equal(result.error, undefined);
  });
});

suite('editor: modules read before are passed with the run, and never stale', () => {
  test('a module changed or created on disk between two runs is read as it is now', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const write = (name: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(text));
    // Each program is a file of its own, run by its URI: a document the editor holds would be read from the editor.
    const check = async (name: string, text: string) => {
      await write(name, text);
      return run('backpropLens.inspect', vscode.Uri.joinPath(folder, name));
    };
    await write('mod_changes.py', 'VALUE = 1\n');
    assert.equal((await check('uses_mod_1.py', 'from mod_changes import VALUE\nassert VALUE == 1, VALUE\n')).error, undefined);
    // The same size with other text: the modification time tells.
    await new Promise((r) => setTimeout(r, 20));
    await write('mod_changes.py', 'VALUE = 2\n');
    assert.equal((await check('uses_mod_2.py', 'from mod_changes import VALUE\nassert VALUE == 2, VALUE\n')).error, undefined,
      'the module was read again after it changed');
    // Missing in one run, created before the next.
    assert.equal((await check('uses_mod_3.py', 'try:\n    import mod_created\n    found = True\nexcept ImportError:\n    found = False\nassert not found\n')).error, undefined);
    await write('mod_created.py', 'X = 1\n');
    assert.equal((await check('uses_mod_4.py', 'import mod_created\nassert mod_created.X == 1\n')).error, undefined,
      'a module that was missing before is found once it exists');
  });
});
