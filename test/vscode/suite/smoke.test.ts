// The extension in a real VS Code: it is installed from the repository, activates, contributes its
// command, and the command runs a Python file of the workspace on the embedded engine.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';

const EXTENSION_ID = 'backprop-lens.backprop-lens';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.file(path.join(folder.uri.fsPath, name));
}

suite('smoke', () => {
  suiteSetup(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the extension is present and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('backpropLens.runFile is a registered command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('backpropLens.runFile'), 'backpropLens.runFile in getCommands(true)');
  });

  test('running buy_apple_orange.py does not throw', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('buy_apple_orange.py'));
    assert.equal(document.languageId, 'python');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('backpropLens.runFile');
  });
});
