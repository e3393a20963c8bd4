// The in-host test runner: the extension host (of a real VS Code: code-server through
// test/vscode/code-server-shim.mjs here, a downloaded desktop VS Code elsewhere) requires this module
// (bundled to out/test/vscode/suite/index.js) and awaits run(). It runs every bundled
// test/vscode/suite/**/*.test.ts with mocha's TDD interface (`suite`, `test`, `suiteSetup`, imported
// from 'mocha'), so adding a suite is adding a *.test.ts file here. It ends with one line
// `N passed, N failed` (and `, N skipped` when some were) and rejects when a test failed.
//
// BL_VSCODE_GREP (passed through the shim's environment) runs only the tests whose full title matches.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function testFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...testFiles(full));
    else if (entry.name.endsWith('.test.js')) files.push(full);
  }
  return files.sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    // A run of the engine in the worker, the first activation, a webview's first paint: seconds, not ms.
    timeout: 60_000,
    slow: 5_000,
    grep: process.env.BL_VSCODE_GREP || undefined,
  });
  const files = testFiles(__dirname);
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
        if (failures > 0) reject(new Error(`${failures} of the VS Code tests failed`));
        else if (passes === 0) reject(new Error(`no VS Code test ran (${files.length} files)`));
        else resolve();
      });
    } catch (e) {
      console.error(e);
      reject(e);
    }
  });
}
