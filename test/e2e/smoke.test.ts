// The packaged extension in a real VS Code, driven as a person would: open the apples-and-oranges
// example with Ctrl+P, run "Backprop Lens: Run File with the Embedded Engine" from F1, and read what
// the program printed in the Output panel.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { e2eSkipReason, openWorkbench, type Workbench } from './harness';

const skip = e2eSkipReason();

// About 15 s warm; a cold run also packages the extension and may install code-server (a minute or two).
describe('Backprop Lens in VS Code (packaged .vsix, code-server + Chromium)', { skip, timeout: 600_000 }, () => {
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench('smoke');
  });

  after(async () => {
    await wb?.close();
  });

  test('Run File prints the program output in the Output panel', { timeout: 120_000 }, async (t) => wb.step(t, async () => {
    await wb.openFile('buy_apple_orange.py');
    await wb.screenshot('opened');
    await wb.runCommand('Backprop Lens: Run File with the Embedded Engine');
    const text = await wb.outputText('Backprop Lens', 'dTax: 650');
    await wb.screenshot('output');
    for (const line of ['price: 715', 'dApple: 2.2', 'dApple_num: 110', 'dOrange: 3.3000000000000003', 'dOrange_num: 165', 'dTax: 650']) {
      assert.ok(text.includes(line), `"${line}" in the Output panel:\n${text}`);
    }
  }));
});
