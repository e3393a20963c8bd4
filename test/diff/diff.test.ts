// The project's own differential suite: every program in test/diff/programs must print, under the
// engine, exactly what CPython 3.11 + NumPy 1.24 prints, and fail the same way.
//
//   node --import tsx --test test/diff/diff.test.ts
//   BACKPROP_LENS_ENGINE=/usr/bin/python3 node --import tsx --test test/diff/diff.test.ts   # checks the harness
//
// The engine runs as `node dist/cli.js run X.py` (or $BACKPROP_LENS_ENGINE X.py) in X's folder.
// When /usr/bin/python3 with numpy is installed, the reference is a live CPython run, and a
// separate test checks that the committed X.out / X.err still match it; otherwise the committed
// files are the reference. Regenerate them with `node test/diff/make-expected.mjs`.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import {
  committedExpectation, compareRun, engineCommand, expectationOf, formatErr, listPrograms,
  pool, PROGRAMS_DIR, PYTHON, pythonVersions, runProgram, runPython, type Expectation, type RunOutput,
} from './harness';

const programs = listPrograms();
const engine = engineCommand();
const versions = pythonVersions();
const live = versions !== null;
const limit = pool(2);

// Start every run now, two at a time, so that each test below only waits for its own program.
const runs = programs.map((name) => {
  const file = path.join(PROGRAMS_DIR, name);
  const python = live ? limit(() => runPython(file)) : null;
  const engineRun = engine.argv ? limit(() => runProgram(engine.argv as string[], file)) : null;
  return { name, file, python, engine: engineRun };
});

test('reference: CPython 3.11 + NumPy 1.24 for a live comparison', (t) => {
  assert.ok(programs.length >= 45, `only ${programs.length} programs in ${PROGRAMS_DIR}`);
  if (!live) {
    t.skip(`${PYTHON} with numpy not found: the live comparison was skipped; programs are compared with the committed .out/.err`);
    return;
  }
  t.diagnostic(`reference: ${PYTHON} (CPython ${versions.replace(' ', ', NumPy ')}); engine: ${engine.label}`);
});

test('committed .out/.err match live CPython (stale expectations)', { skip: !live && `${PYTHON} with numpy not found` }, async () => {
  const stale: string[] = [];
  for (const run of runs) {
    const got = await (run.python as Promise<RunOutput>);
    const committed = committedExpectation(run.file);
    if (!committed) {
      stale.push(`${run.name}: no ${run.name.replace(/\.py$/, '.out')}`);
      continue;
    }
    const problems = compareRun(committed, got, run.file);
    const fresh = expectationOf(got, run.file);
    if (fresh.error && committed.error && formatErr(fresh.error) !== formatErr(committed.error)) {
      problems.push(`.err says ${JSON.stringify(formatErr(committed.error))}, CPython gives ${JSON.stringify(formatErr(fresh.error))}`);
    }
    if (problems.length) stale.push(`${run.name}: ${problems.join('\n  ')}`);
  }
  if (stale.length) assert.fail(`${stale.length} stale expectation(s); run node test/diff/make-expected.mjs\n${stale.join('\n')}`);
});

for (const run of runs) {
  test(run.name, async () => {
    if (!run.engine) assert.fail(`${run.name}: ${engine.missing}`);
    let want: Expectation | null;
    if (run.python) {
      const reference = await run.python;
      if (reference.problem) assert.fail(`${run.name}: CPython itself could not run it: ${reference.problem}`);
      want = expectationOf(reference, run.file);
    } else {
      want = committedExpectation(run.file);
      if (!want) assert.fail(`${run.name}: no committed .out and no live CPython to compare with`);
    }
    const problems = compareRun(want, await run.engine, run.file);
    if (problems.length) assert.fail(`${run.name} under ${engine.label}:\n  ${problems.join('\n  ')}`);
  });
}
