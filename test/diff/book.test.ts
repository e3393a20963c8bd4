// "The book's own chapter-5 code runs verbatim": ch05 of "Deep Learning from Scratch" (the
// Japanese original and the Korean edition), run unchanged under the engine and under CPython.
// None of the book's code is in this repository: it is taken from local mirrors of
// github:oreilly-japan/deep-learning-from-scratch and github:WegraLee/deep-learning-from-scratch
// under /work/.mirror (or $BACKPROP_LENS_MIRRORS), made by the search tool's `fetch`, and unpacked
// into a temporary folder. Without a mirror these tests are skipped.
//
// Our own driver, book/book_gradient_check.py, is copied next to the book's two_layer_net.py: it
// does what ch05/gradient_check.py does, on a small seeded batch instead of MNIST.
//
// The last test needs no mirror: our own TwoLayerNet gradient check (programs/ch5_two_layer_gradcheck.py)
// must give the gradients CPython gives to within 1e-9, relative.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import {
  committedExpectation, compareRun, engineCommand, expectationOf, pool, PROGRAMS_DIR, PYTHON,
  pythonVersions, runProgram, runPython, type RunOutput,
} from './harness';

const MIRRORS = process.env.BACKPROP_LENS_MIRRORS ?? '/work/.mirror';
const DRIVER = path.join(__dirname, 'book', 'book_gradient_check.py');
const engine = engineCommand();
const live = pythonVersions() !== null;
const limit = pool(2);

/** What CPython 3.11 prints for the two shopping scripts (and nothing, for layer_naive.py). */
const BOOK_OUTPUT: Record<string, string> = {
  'layer_naive.py': '',
  'buy_apple.py': 'price: 220\ndApple: 2.2\ndApple_num: 110\ndTax: 200\n',
  'buy_apple_orange.py': 'price: 715\ndApple: 2.2\ndApple_num: 110\ndOrange: 3.3000000000000003\ndOrange_num: 165\ndTax: 650\n',
};
const SCRIPTS = [...Object.keys(BOOK_OUTPUT), path.basename(DRIVER)];

interface Edition {
  name: string;
  ch05: string;
}

/** Git directories of mirrors named `OWNER+deep-learning-from-scratch` (not the sequels, whose ch05 is another chapter). */
function bookMirrors(): { name: string; gitDir: string }[] {
  if (!fs.existsSync(MIRRORS)) return [];
  return fs.readdirSync(MIRRORS)
    .filter((n) => /\+deep-learning-from-scratch$/.test(n))
    .sort()
    .flatMap((n) => {
      const gitDir = [path.join(MIRRORS, n, 'repo'), path.join(MIRRORS, n)].find((d) => fs.existsSync(path.join(d, 'HEAD')));
      return gitDir ? [{ name: n.replace('+', '/'), gitDir }] : [];
    });
}

/** Unpacks ch05/ and common/ of the mirror's HEAD into a fresh temporary folder (dataset/ is not needed). */
function unpack(gitDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backprop-lens-book-'));
  const archive = spawnSync('git', ['--git-dir', gitDir, 'archive', 'HEAD', 'ch05', 'common'], { maxBuffer: 256 << 20 });
  if (archive.status !== 0) throw new Error(`git archive failed in ${gitDir}: ${archive.stderr?.toString() ?? archive.error?.message}`);
  const tar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (tar.status !== 0) throw new Error(`tar -x failed: ${tar.stderr?.toString() ?? tar.error?.message}`);
  fs.copyFileSync(DRIVER, path.join(dir, 'ch05', path.basename(DRIVER)));
  return dir;
}

/** `grad KIND [LABEL] KEY [[...]]` lines, by everything before the list, as flat lists of numbers. */
function gradients(stdout: string): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (const line of stdout.split('\n')) {
    const m = /^(grad .*?) (\[.*\])$/.exec(line);
    if (m) found.set(m[1], (JSON.parse(m[2]) as unknown[]).flat(Infinity) as number[]);
  }
  return found;
}

/** Every gradient entry must agree with CPython's to within `rel`, relative to the larger magnitude. */
function compareGradients(want: Map<string, number[]>, got: Map<string, number[]>, rel = 1e-9): string[] {
  const problems: string[] = [];
  for (const [key, w] of want) {
    const g = got.get(key);
    if (!g) { problems.push(`${key}: missing`); continue; }
    if (g.length !== w.length) { problems.push(`${key}: ${g.length} numbers, want ${w.length}`); continue; }
    w.forEach((a, i) => {
      const b = g[i];
      if (!(Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)))) problems.push(`${key}[${i}]: ${b}, want ${a}`);
    });
  }
  for (const key of got.keys()) if (!want.has(key)) problems.push(`${key}: not printed by CPython`);
  return problems;
}

const mirrors = bookMirrors();
if (mirrors.length === 0) {
  test('the book\'s chapter-5 code runs verbatim', {
    skip: `no mirror of deep-learning-from-scratch under ${MIRRORS}: fetch github:oreilly-japan/deep-learning-from-scratch to run these`,
  }, () => {});
}

const editions: Edition[] = [];
for (const mirror of mirrors) {
  const dir = unpack(mirror.gitDir);
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  editions.push({ name: mirror.name, ch05: path.join(dir, 'ch05') });
}

for (const edition of editions) {
  // Both runs of every script start now, two processes at a time; the tests wait for theirs.
  const runs = new Map(SCRIPTS.map((script) => {
    const file = path.join(edition.ch05, script);
    return [script, {
      file,
      python: live ? limit(() => runPython(file)) : null,
      engine: engine.argv ? limit(() => runProgram(engine.argv as string[], file)) : null,
    }];
  }));
  const runOf = (script: string) => runs.get(script) as { file: string; python: Promise<RunOutput> | null; engine: Promise<RunOutput> | null };

  for (const script of SCRIPTS) {
    test(`${edition.name}: ch05/${script} prints what CPython prints`, async (t) => {
      const run = runOf(script);
      if (!run.engine) assert.fail(engine.missing);
      let want;
      if (run.python) {
        const reference = await run.python;
        assert.equal(reference.problem, undefined, `CPython could not run ${script}`);
        want = expectationOf(reference, run.file);
      } else if (script in BOOK_OUTPUT) {
        want = { stdout: Buffer.from(BOOK_OUTPUT[script]), status: 0 };
      } else {
        t.skip(`${PYTHON} with numpy not found: nothing to compare ${script} with`);
        return;
      }
      assert.equal(want.status, 0, `${script} fails under CPython:\n${want.error?.last}`);
      const problems = compareRun(want, await run.engine, run.file);
      if (problems.length) assert.fail(`${edition.name} ch05/${script} under ${engine.label}:\n  ${problems.join('\n  ')}`);
    });
  }

  test(`${edition.name}: buy_apple_orange.py prints price: 715 ... dTax: 650`, async () => {
    const run = runOf('buy_apple_orange.py');
    if (run.python) assert.equal((await run.python).stdout.toString('utf8'), BOOK_OUTPUT['buy_apple_orange.py'], 'CPython itself prints something else');
    if (!run.engine) assert.fail(engine.missing);
    const lines = (await run.engine).stdout.toString('utf8').split('\n');
    for (const line of BOOK_OUTPUT['buy_apple_orange.py'].trimEnd().split('\n')) {
      assert.ok(lines.includes(line), `the engine did not print ${JSON.stringify(line)}; it printed:\n${lines.join('\n')}`);
    }
  });

  test(`${edition.name}: TwoLayerNet gradients from the book's layers agree with CPython's to 1e-9`, { skip: !live && `${PYTHON} with numpy not found` }, async () => {
    const run = runOf(path.basename(DRIVER));
    const want = gradients((await (run.python as Promise<RunOutput>)).stdout.toString('utf8'));
    assert.equal(want.size, 16, 'the driver should print 16 gradients under CPython');
    if (!run.engine) assert.fail(engine.missing);
    const problems = compareGradients(want, gradients((await run.engine).stdout.toString('utf8')));
    if (problems.length) assert.fail(`gradients differ from CPython's:\n  ${problems.slice(0, 20).join('\n  ')}`);
  });
}

test('our TwoLayerNet gradient check (ch5_two_layer_gradcheck.py) agrees with CPython to 1e-9', async () => {
  const file = path.join(PROGRAMS_DIR, 'ch5_two_layer_gradcheck.py');
  const engineRun = engine.argv ? limit(() => runProgram(engine.argv as string[], file)) : null;
  const reference = live ? (await limit(() => runPython(file))).stdout : committedExpectation(file)?.stdout;
  assert.ok(reference, 'no live CPython and no committed ch5_two_layer_gradcheck.out');
  const want = gradients(reference.toString('utf8'));
  assert.equal(want.size, 8, 'ch5_two_layer_gradcheck.py should print 8 gradients');
  if (!engineRun) assert.fail(engine.missing);
  const got = await engineRun;
  const problems = compareGradients(want, gradients(got.stdout.toString('utf8')));
  if (problems.length) assert.fail(`gradients differ from CPython's (engine exit ${got.status}):\n  ${problems.slice(0, 20).join('\n  ')}`);
});
