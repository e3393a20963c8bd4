#!/usr/bin/env node
// Regenerates test/diff/programs/X.out (and X.err for a program that fails) from the reference,
// Debian's /usr/bin/python3 with python3-numpy:
//
//   node test/diff/make-expected.mjs [--check] [NAME.py ...]
//
// X.out is CPython's stdout, byte for byte. X.err has two lines: `line N` (the innermost frame of
// the traceback that lies in X.py; for SyntaxError and its kin, the line CPython reports) and the
// last line of stderr, the same format as shared/cases/errors/*.err.
// Each program runs twice, and a program whose two runs differ is an error: expectations must not
// depend on hash seeds, time or the machine. With --check nothing is written; the script only
// reports expectations that are missing or stale, and exits 1 if there are any.
// It exits 2 when the reference CPython + NumPy is not installed, or is not 3.11 / 1.24.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';

// harness.ts is shared with the tests; tsx's require hook loads it as the tests load it.
register();
const h = createRequire(import.meta.url)('./harness.ts');

const args = process.argv.slice(2);
const check = args.includes('--check');
const names = args.filter((a) => !a.startsWith('--')).map((a) => path.basename(a));

const versions = h.pythonVersions();
if (!versions) {
  console.error(`make-expected: ${h.PYTHON} with numpy is not available (apt-get install python3-numpy)`);
  process.exit(2);
}
const [pyVersion, npVersion] = versions.split(' ');
if (!pyVersion.startsWith('3.11.') || !npVersion.startsWith('1.24.')) {
  console.error(`make-expected: the reference is CPython 3.11 + NumPy 1.24, found CPython ${pyVersion} + NumPy ${npVersion}`);
  process.exit(2);
}

const all = h.listPrograms();
for (const n of names) {
  if (!all.includes(n)) {
    console.error(`make-expected: no program ${n} in ${path.relative(process.cwd(), h.PROGRAMS_DIR)}`);
    process.exit(2);
  }
}
const programs = names.length ? names : all;
const limit = h.pool(4);

const results = await Promise.all(programs.map((name) => limit(async () => {
  const file = path.join(h.PROGRAMS_DIR, name);
  const first = await h.runPython(file);
  const second = await h.runPython(file);
  return { name, file, first, second };
})));

let problems = 0;
let written = 0;
for (const { name, file, first, second } of results) {
  if (first.problem) {
    console.error(`${name}: ${first.problem}`);
    problems++;
    continue;
  }
  if (!first.stdout.equals(second.stdout) || first.stderr !== second.stderr || first.status !== second.status) {
    console.error(`${name}: two runs printed different things; the program is not deterministic`);
    problems++;
    continue;
  }
  const want = h.expectationOf(first, file);
  if (want.error && want.error.line === null) {
    console.error(`${name}: the traceback names no line in ${name}:\n${first.stderr}`);
    problems++;
    continue;
  }
  const outFile = file.replace(/\.py$/, '.out');
  const errFile = file.replace(/\.py$/, '.err');
  const errText = want.error ? h.formatErr(want.error) : null;
  const stale = !fs.existsSync(outFile) || !fs.readFileSync(outFile).equals(want.stdout)
    || (errText === null ? fs.existsSync(errFile) : !fs.existsSync(errFile) || fs.readFileSync(errFile, 'utf8') !== errText);
  if (!stale) continue;
  if (check) {
    console.error(`${name}: expectation missing or stale`);
    problems++;
    continue;
  }
  fs.writeFileSync(outFile, want.stdout);
  if (errText === null) fs.rmSync(errFile, { force: true });
  else fs.writeFileSync(errFile, errText);
  written++;
  console.log(`wrote ${path.basename(outFile)}${errText ? ` and ${path.basename(errFile)} (${want.error.last})` : ''}`);
}
console.log(`make-expected: ${programs.length} programs, ${written} updated, ${problems} problems (CPython ${pyVersion}, NumPy ${npVersion})`);
process.exit(problems ? 1 : 0);
