// The guided lessons (media/lessons/) and their checker (src/engine/teach/lessons.ts): every lesson
// loads in both languages, its reference solution passes, its starter fails with a useful message,
// and planted mistakes get the lens's specific explanation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLesson, lessonHints, lessonMarkdown, loadLessons, LessonLoadError, resolveAnchor, runLessonDemo, validateSpec, FIGURE_MARKER, type Lesson } from '../../src/engine/teach/lessons';

const root = fileURLToPath(new URL('../../media/lessons/', import.meta.url));
const read = (rel: string): string | undefined => {
  try {
    return readFileSync(join(root, rel), 'utf8');
  } catch {
    return undefined;
  }
};
const lessons = loadLessons(read);
const lesson = (prefix: string): Lesson => {
  const l = lessons.find((x) => x.id.startsWith(prefix));
  assert.ok(l, `no lesson ${prefix}`);
  return l;
};

/** The lesson's solution with `from` replaced by `to` (which must occur). */
function planted(l: Lesson, from: string, to: string): string {
  assert.ok(l.files.solution.includes(from), `${l.id}: the solution has no ${from}`);
  return l.files.solution.replace(from, to);
}

function failures(l: Lesson, source: string, lang: 'en' | 'ko' = 'en') {
  const r = checkLesson(l, source, lang);
  assert.equal(r.passed, false, `${l.id}: a planted mistake passed`);
  return r.items.filter((i) => !i.ok);
}

test('all eight lessons load, in order, with titles, hints and Markdown in English and Korean', () => {
  assert.equal(lessons.length, 8);
  assert.deepEqual(lessons.map((l) => l.number), [1, 2, 3, 4, 5, 6, 7, 8]);
  for (const l of lessons) {
    for (const lang of ['en', 'ko'] as const) {
      assert.ok(l.title[lang].trim(), `${l.id} title.${lang}`);
      assert.ok(l.files.markdown[lang].startsWith('# '), `${l.id} lesson.${lang}.md starts with a heading`);
      assert.ok(l.files.markdown[lang].includes(FIGURE_MARKER), `${l.id} lesson.${lang}.md places the figure`);
      assert.ok(l.hints.length >= 2 && l.hints.every((h) => h.text[lang].trim()), `${l.id} hints.${lang}`);
    }
    assert.match(l.files.markdown.ko, /[가-힣]/, `${l.id}: the Korean lesson is in Korean`);
    assert.ok(l.files.starter.includes('TODO'), `${l.id}: the starter has a TODO`);
    assert.ok(l.check.layers.length > 0 || l.check.values.length > 0);
  }
});

test('hint anchors name code that exists in the starter', () => {
  for (const l of lessons) {
    for (const h of lessonHints(l, 'en', l.files.starter)) {
      if (h.anchor) assert.ok(h.line, `${l.id}: hint anchor ${h.anchor} not found in the starter`);
    }
  }
  assert.equal(resolveAnchor(lesson('02').files.starter, 'MulLayer.backward'), lesson('02').files.starter.split('\n').findIndex((x) => x.includes('def backward')) + 1);
  assert.equal(resolveAnchor('class A:\n    def f(self): pass\n', 'A.g'), undefined);
});

test('every placeholder is filled from a run of the lesson\'s demo, in both languages', () => {
  for (const l of lessons) {
    const demo = runLessonDemo(l);
    assert.deepEqual(demo.errors, [], l.id);
    assert.ok(demo.report && demo.report.graph.nodes.length > 0, `${l.id}: the demo's run draws a graph`);
    for (const lang of ['en', 'ko'] as const) {
      const md = lessonMarkdown(l, lang, demo.values);
      assert.doesNotMatch(md, /\{\{/, `${l.id} ${lang}: unfilled placeholder`);
    }
  }
  const md = lessonMarkdown(lesson('02'), 'en', runLessonDemo(lesson('02')).values);
  assert.match(md, /The price is 220\.00000000000003\./);
  assert.match(md, /gradient of the apple's unit price is\s+2\.2/);
  const relu = lessonMarkdown(lesson('04'), 'en', runLessonDemo(lesson('04')).values);
  assert.ok(relu.includes('[[False  True]\n [ True False]]'), 'arrays are formatted as NumPy prints them');
});

test('every reference solution passes Check my code', () => {
  for (const l of lessons) {
    const r = checkLesson(l, l.files.solution, 'en');
    assert.equal(r.passed, true, `${l.id}: ${r.items.filter((i) => !i.ok).map((i) => i.message).join('\n')}`);
    assert.ok(r.items.some((i) => i.kind === 'gradient' && i.ok), `${l.id}: the lens checked gradients`);
  }
});

test('every starter fails with a helpful message, not a crash', () => {
  for (const l of lessons) {
    for (const lang of ['en', 'ko'] as const) {
      const r = checkLesson(l, l.files.starter, lang);
      assert.equal(r.passed, false, l.id);
      const bad = r.items.filter((i) => !i.ok);
      assert.ok(bad.length > 0);
      const todo = bad.find((i) => i.kind === 'todo');
      assert.ok(todo && todo.line, `${l.id}: names the TODO left`);
      // It points at the layer: a gradient returned as None, a backward never called, or the error.
      assert.ok(bad.some((i) => (i.kind === 'gradient' || i.kind === 'layer' || i.kind === 'error' || i.kind === 'value') && i.message.length > 20), l.id);
    }
  }
  const mul = checkLesson(lesson('02'), lesson('02').files.starter, 'en').items.find((i) => i.kind === 'gradient' && !i.ok);
  assert.ok(mul);
  assert.match(mul.message, /^MulLayer\.backward, dx \(line \d+\): backward returned None as the gradient of x\. The gradient is 1\.1\./);
});

test('MulLayer with swapped inputs: names dx, what was returned and `dout * self.y`', () => {
  const l = lesson('02');
  const bad = failures(l, planted(l, 'dx = dout * self.y', 'dx = dout * self.x'));
  const g = bad.find((i) => i.kind === 'gradient');
  assert.ok(g);
  assert.match(g.message, /dx of MulLayer: you returned `dout \* self\.x`/);
  assert.match(g.message, /the gradient with respect to x is the other input, `dout \* self\.y`/);
  assert.equal(g.line, l.files.solution.split('\n').findIndex((x) => x.includes('dx = dout * self.y')) + 1);
});

test('Korean feedback for the swapped MulLayer', () => {
  const l = lesson('02');
  const g = failures(l, planted(l, 'dx = dout * self.y', 'dx = dout * self.x'), 'ko').find((i) => i.kind === 'gradient');
  assert.ok(g);
  assert.match(g.message, /^MulLayer\.backward의 dx \(\d+번째 줄\): `dout \* self\.x`를 반환했습니다\./);
  assert.match(g.message, /`dout \* self\.y`입니다/);
  assert.match(g.message, /반환한 값은 200, 올바른 기울기는 1\.1입니다/);
});

test('Affine: db without axis=0, and a missing .T', () => {
  const l = lesson('06');
  const db = failures(l, planted(l, 'np.sum(dout, axis=0)', 'np.sum(dout)')).find((i) => i.kind === 'gradient');
  assert.ok(db);
  assert.match(db.message, /^Affine\.backward, self\.db/);
  assert.match(db.message, /needs `axis=0`/);
  assert.match(db.message, /shape \(4,\), not \(\)/);
  const dbKo = failures(l, planted(l, 'np.sum(dout, axis=0)', 'np.sum(dout)'), 'ko').find((i) => i.kind === 'gradient');
  assert.ok(dbKo);
  assert.match(dbKo.message, /axis=0/);
  const t = failures(l, planted(l, 'np.dot(dout, self.W.T)', 'np.dot(dout, self.W)'));
  assert.ok(t.some((i) => i.kind === 'error' && i.line === l.files.solution.split('\n').findIndex((x) => x.includes('np.dot(dout, self.W.T)')) + 1));
  assert.ok(t.some((i) => i.kind === 'gradient' && /np\.dot\(dout, self\.W\.T\)/.test(i.message)));
});

test('ReLU without the mask, and ReLU writing into dout', () => {
  const l = lesson('04');
  const noMask = failures(l, planted(l, 'dx[self.mask] = 0', 'pass'));
  const g = noMask.find((i) => i.kind === 'gradient');
  assert.ok(g);
  assert.match(g.message, /^Relu\.backward, dx/);
  assert.match(g.message, /ReLU passes the gradient where the input was positive/);
  const inPlace = failures(l, planted(l, 'dx = dout.copy()', 'dx = dout'));
  const h = inPlace.find((i) => i.kind === 'hazard');
  assert.ok(h && h.line, 'the in-place write fails this lesson, at its line');
  assert.match(h.message, /writes into its argument `dout`/);
  assert.ok(!inPlace.some((i) => i.kind === 'gradient'), 'the gradient itself is right');
});

test('Sigmoid using its input self.x instead of its output', () => {
  const l = lesson('05');
  const src = planted(l, 'self.out = out  #', 'self.x = x\n        self.out = out  #').replace('dx = dout * (1.0 - self.out) * self.out', 'dx = dout * (1.0 - self.x) * self.x');
  const g = failures(l, src).find((i) => i.kind === 'gradient');
  assert.ok(g);
  assert.match(g.message, /the local derivative of σ is y\(1−y\) with y the forward output `self\.out`, not the input `self\.x`/);
  assert.match(g.message, /`dx = dout \* \(1\.0 - self\.out\) \* self\.out`/);
});

test('SoftmaxWithLoss without / batch_size', () => {
  const l = lesson('07');
  const g = failures(l, planted(l, 'dx = (self.y - self.t) / batch_size', 'dx = self.y - self.t')).find((i) => i.kind === 'gradient');
  assert.ok(g);
  assert.match(g.message, /^SoftmaxWithLoss\.backward, dx \(line \d+\): `dx = self\.y - self\.t`: the loss is the mean over the batch, so dx = \(y − t\) \/ batch_size; your gradient is batch_size \(2\) times too large/);
});

test('the two-layer net: a backward loop in forward order is caught', () => {
  const l = lesson('08');
  const bad = failures(l, planted(l, '        layers.reverse()\n', ''));
  assert.ok(bad.length > 0);
  assert.ok(bad.some((i) => i.kind === 'value' && /grad_backprop\['W1'\]/.test(i.message)));
});

test('errors in the learner\'s code become a failed item with the line', () => {
  const l = lesson('01');
  const syntax = checkLesson(l, planted(l, 'def forward(self, x, y):', 'def forward(self, x, y)'), 'en');
  assert.equal(syntax.passed, false);
  assert.deepEqual(syntax.items.map((i) => [i.kind, i.line]), [['error', 3]]);
  assert.match(syntax.items[0].message, /SyntaxError: expected ':'/);
  const raised = checkLesson(l, planted(l, 'dx = dout * 2 * self.x', 'dx = dout * 2 * self.y'), 'ko');
  const e = raised.items.find((i) => i.kind === 'error');
  assert.ok(e && e.line === l.files.solution.split('\n').findIndex((x) => x.includes('dx = dout * 2 * self.x')) + 1);
  assert.match(e.message, /AttributeError/);
  assert.match(e.message, /번째 줄/);
});

test('lesson.json is validated on load', () => {
  const problems: string[] = [];
  validateSpec({ title: { en: 'x' }, hints: [], check: { layers: [{ name: 'Mul Layer' }], output: 'yes', extra: 1 }, colour: 'red' }, 'x/lesson.json', problems);
  assert.ok(problems.some((p) => /unknown field "colour"/.test(p)));
  assert.ok(problems.some((p) => /title must be/.test(p)));
  assert.ok(problems.some((p) => /hints must be/.test(p)));
  assert.ok(problems.some((p) => /check\.layers\[0\]\.name/.test(p)));
  assert.ok(problems.some((p) => /check\.output/.test(p)));
  assert.ok(problems.some((p) => /check: unknown field "extra"/.test(p)));
  assert.throws(() => loadLessons((p) => (p === 'index.json' ? '{"lessons": ["99-missing"]}' : undefined)), LessonLoadError);
});
