// The guided lessons (media/lessons/): loading their files, filling their Markdown with numbers
// computed by the engine, and "Check my code": the learner's code runs under the lens and each
// required layer's gradient checks, the lesson's values and the printed output are compared with
// the reference solution's. Pure: no vscode, no Node fs (files come through `read`), so it runs in
// a worker or a browser. Everything is synchronous.
//
// A lesson folder holds lesson.json (titles, hints, the check spec), lesson.en.md / lesson.ko.md,
// starter.py, solution.py and optionally demo.py (the run whose values fill the Markdown's
// `{{expr}}` placeholders and whose layer graph is the lesson's figure, at `<!-- figure -->`).

import type { RunOptions } from '../api';
import { createSession, type Session } from '../run';
import type { PyValue } from '../values';
import { toFloat } from '../lens/autodiff';
import { inspectProgram } from '../lens/program';
import type { GradientCheck, LayerKind, LensReport } from '../lens/report';

export type Lang = 'en' | 'ko';
export type Localized = Record<Lang, string>;

export interface LessonHint {
  text: Localized;
  /** Where in the code the hint is about: `Class.method`, `Class` or a function name (resolveAnchor). */
  anchor?: string;
}

/** A layer the learner's code must have, found by class name (or, failing that, by the kind the lens reads from forward). */
export interface LayerRequirement {
  /** Class names that count, e.g. ["Relu", "ReLU"]. */
  name: string[];
  kind?: LayerKind;
}

/** What "correct" means for a lesson, in terms the lens can verify. */
export interface CheckSpec {
  /** Each must be defined, its forward and backward must run, and all its gradient checks must pass. */
  layers: LayerRequirement[];
  /** Python expressions evaluated after the run, compared with the reference solution's (numbers to 1e-6). */
  values: string[];
  /** Compare what the program prints with the reference solution's output (numbers to 1e-6). */
  output: boolean;
  /** Hazards (a backward writing into dout, a stale cache): a failed item, or a warning only (default). */
  hazards: 'fail' | 'warn';
}

export interface LessonFiles {
  markdown: Localized;
  starter: string;
  solution: string;
  /** The code whose run fills the placeholders and draws the figure (demo.py, else the solution). */
  demo: string;
}

export interface Lesson {
  /** The folder name, e.g. `02-mul-add-layers`. */
  id: string;
  /** 1-based position in index.json. */
  number: number;
  title: Localized;
  summary: Localized;
  hints: LessonHint[];
  check: CheckSpec;
  /** Paths relative to media/lessons/, for opening them as documents. */
  paths: { starter: string; solution: string; demo: string; markdown: Localized };
  files: LessonFiles;
  /** The placeholder expressions of both languages' Markdown, in order of first use. */
  placeholders: string[];
}

export interface CheckItem {
  ok: boolean;
  message: string;
  /** 1-based line in `file`. */
  line?: number;
  file?: string;
  /** What the item is about. */
  kind: 'error' | 'layer' | 'gradient' | 'hazard' | 'value' | 'output' | 'todo';
  /** ok but worth reading (a hazard in a lesson that only warns). */
  warning?: boolean;
}

export interface LessonCheckResult {
  passed: boolean;
  items: CheckItem[];
  /** The lens report of the learner's run (for the panel's graph and gradient-check views). */
  report?: LensReport;
  timings: { learnerMs: number; referenceMs: number; totalMs: number };
}

export interface LessonRunOptions {
  /** The learner's file name as tracebacks and items show it; default `/lessons/<id>/starter.py`. */
  filename?: string;
  budget?: RunOptions['budget'];
  cancel?: Int32Array;
}

export class LessonLoadError extends Error {}

export const FIGURE_MARKER = '<!-- figure -->';
const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;
const LANGS: Lang[] = ['en', 'ko'];
const KINDS: LayerKind[] = ['add', 'multiply', 'relu', 'sigmoid', 'tanh', 'affine', 'softmax-with-loss', 'elementwise', 'other'];

// ------------------------------------------------------------------ loading

/** Loads media/lessons/index.json and every lesson it lists; throws LessonLoadError naming every problem. */
export function loadLessons(read: (relPath: string) => string | undefined): Lesson[] {
  const indexText = read('index.json');
  if (indexText === undefined) throw new LessonLoadError('index.json: not found');
  let index: unknown;
  try {
    index = JSON.parse(indexText);
  } catch (e) {
    throw new LessonLoadError(`index.json: ${(e as Error).message}`);
  }
  const ids = (index as { lessons?: unknown })?.lessons;
  if (!Array.isArray(ids) || !ids.every((i) => typeof i === 'string' && /^[\w-]+$/.test(i))) {
    throw new LessonLoadError('index.json: expected { "lessons": ["01-slug", ...] }');
  }
  const problems: string[] = [];
  const lessons: Lesson[] = [];
  ids.forEach((id: string, i) => {
    try {
      lessons.push(loadLesson(id, i + 1, read));
    } catch (e) {
      if (e instanceof LessonLoadError) problems.push(e.message);
      else throw e;
    }
  });
  if (problems.length) throw new LessonLoadError(problems.join('\n'));
  return lessons;
}

function loadLesson(id: string, number: number, read: (relPath: string) => string | undefined): Lesson {
  const problems: string[] = [];
  const need = (rel: string): string => {
    const t = read(`${id}/${rel}`);
    if (t === undefined) problems.push(`${id}/${rel}: not found`);
    return t ?? '';
  };
  let json: unknown;
  try {
    json = JSON.parse(need('lesson.json') || 'null');
  } catch (e) {
    throw new LessonLoadError(`${id}/lesson.json: ${(e as Error).message}`);
  }
  const spec = validateSpec(json, `${id}/lesson.json`, problems);
  const files = spec.files;
  const markdown = { en: need(files.markdown.en), ko: need(files.markdown.ko) };
  const starter = need(files.starter);
  const solution = need(files.solution);
  const demo = files.demo === files.solution ? solution : need(files.demo);
  if (problems.length) throw new LessonLoadError(problems.join('\n'));
  const placeholders: string[] = [];
  for (const lang of LANGS) {
    for (const m of markdown[lang].matchAll(PLACEHOLDER)) if (!placeholders.includes(m[1])) placeholders.push(m[1]);
  }
  return {
    id,
    number,
    title: spec.title,
    summary: spec.summary,
    hints: spec.hints,
    check: spec.check,
    paths: {
      starter: `${id}/${files.starter}`,
      solution: `${id}/${files.solution}`,
      demo: `${id}/${files.demo}`,
      markdown: { en: `${id}/${files.markdown.en}`, ko: `${id}/${files.markdown.ko}` },
    },
    files: { markdown, starter, solution, demo },
    placeholders,
  };
}

interface Spec {
  title: Localized;
  summary: Localized;
  hints: LessonHint[];
  check: CheckSpec;
  files: { starter: string; solution: string; demo: string; markdown: Localized };
}

/** Validates a lesson.json; problems are pushed (prefixed with `where`), a best-effort spec is returned. */
export function validateSpec(json: unknown, where: string, problems: string[]): Spec {
  const bad = (what: string) => problems.push(`${where}: ${what}`);
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const localized = (v: unknown, what: string): Localized => {
    if (obj(v) && LANGS.every((l) => typeof v[l] === 'string' && (v[l] as string).trim())) return { en: v.en as string, ko: v.ko as string };
    bad(`${what} must be { "en": "...", "ko": "..." } with both texts`);
    return { en: '', ko: '' };
  };
  const str = (v: unknown, what: string, dflt: string): string => {
    if (v === undefined) return dflt;
    if (typeof v === 'string' && /^[\w.-]+$/.test(v)) return v;
    bad(`${what} must be a file name`);
    return dflt;
  };
  const spec: Spec = {
    title: { en: '', ko: '' },
    summary: { en: '', ko: '' },
    hints: [],
    check: { layers: [], values: [], output: false, hazards: 'warn' },
    files: { starter: 'starter.py', solution: 'solution.py', demo: 'solution.py', markdown: { en: 'lesson.en.md', ko: 'lesson.ko.md' } },
  };
  if (!obj(json)) {
    bad('expected a JSON object');
    return spec;
  }
  const known = new Set(['title', 'summary', 'hints', 'check', 'starter', 'solution', 'demo']);
  for (const k of Object.keys(json)) if (!known.has(k)) bad(`unknown field "${k}"`);
  spec.title = localized(json.title, 'title');
  spec.summary = json.summary === undefined ? spec.summary : localized(json.summary, 'summary');
  spec.files.starter = str(json.starter, 'starter', 'starter.py');
  spec.files.solution = str(json.solution, 'solution', 'solution.py');
  spec.files.demo = str(json.demo, 'demo', spec.files.solution);
  if (!Array.isArray(json.hints) || !json.hints.length) bad('hints must be a non-empty array');
  else {
    spec.hints = json.hints.map((h: unknown, i) => {
      if (!obj(h)) {
        bad(`hints[${i}] must be an object`);
        return { text: { en: '', ko: '' } };
      }
      const text = localized(h.text ?? h, `hints[${i}]`);
      if (h.anchor !== undefined && (typeof h.anchor !== 'string' || !/^\w+(\.\w+)?$/.test(h.anchor))) bad(`hints[${i}].anchor must be "Class.method", "Class" or "function"`);
      return typeof h.anchor === 'string' ? { text, anchor: h.anchor } : { text };
    });
  }
  const c = json.check;
  if (!obj(c)) bad('check must be an object');
  else {
    for (const k of Object.keys(c)) if (!['layers', 'values', 'output', 'hazards'].includes(k)) bad(`check: unknown field "${k}"`);
    if (!Array.isArray(c.layers)) bad('check.layers must be an array');
    else {
      spec.check.layers = c.layers.map((l: unknown, i) => {
        const names = obj(l) ? (typeof l.name === 'string' ? [l.name] : l.name) : undefined;
        if (!Array.isArray(names) || !names.length || !names.every((n) => typeof n === 'string' && /^\w+$/.test(n))) {
          bad(`check.layers[${i}].name must be a class name or a list of them`);
          return { name: [] };
        }
        const kind = (l as Record<string, unknown>).kind;
        if (kind !== undefined && !KINDS.includes(kind as LayerKind)) bad(`check.layers[${i}].kind must be one of ${KINDS.join(', ')}`);
        return kind === undefined ? { name: names as string[] } : { name: names as string[], kind: kind as LayerKind };
      });
    }
    if (c.values !== undefined) {
      if (!Array.isArray(c.values) || !c.values.every((v) => typeof v === 'string' && v.trim())) bad('check.values must be a list of Python expressions');
      else spec.check.values = c.values as string[];
    }
    if (c.output !== undefined) {
      if (typeof c.output !== 'boolean') bad('check.output must be true or false');
      else spec.check.output = c.output;
    }
    if (c.hazards !== undefined) {
      if (c.hazards !== 'fail' && c.hazards !== 'warn') bad('check.hazards must be "fail" or "warn"');
      else spec.check.hazards = c.hazards;
    }
    if (!spec.check.layers.length && !spec.check.values.length && !spec.check.output) bad('check must require something: layers, values or output');
  }
  return spec;
}

// ------------------------------------------------------------------ Markdown and hints

/** The lesson's Markdown with every `{{expr}}` replaced by its value from `values` (see runLessonDemo); unknown ones become `{{expr}}` unchanged. */
export function lessonMarkdown(lesson: Lesson, lang: Lang, values: Record<string, string>): string {
  return lesson.files.markdown[lang].replace(PLACEHOLDER, (all, expr: string) => values[expr] ?? all);
}

/** The lesson's hints in order, with the line each is about in `source` (when given and found). */
export function lessonHints(lesson: Lesson, lang: Lang, source?: string): { text: string; anchor?: string; line?: number }[] {
  return lesson.hints.map((h) => {
    const line = h.anchor && source !== undefined ? resolveAnchor(source, h.anchor) : undefined;
    return { text: h.text[lang], anchor: h.anchor, ...(line ? { line } : {}) };
  });
}

/**
 * The 1-based line of a code pattern: `Class.method` (the method's `def` inside `class Class`),
 * `Class` (its `class` line) or `name` (a top-level `def name` or `class name`). Undefined when absent.
 */
export function resolveAnchor(source: string, anchor: string): number | undefined {
  const lines = source.split(/\r\n|\r|\n/);
  const [outer, inner] = anchor.split('.');
  const indent = (l: string) => l.length - l.trimStart().length;
  const start = lines.findIndex((l) => new RegExp(`^\\s*(class|def)\\s+${outer}\\b`).test(l));
  if (start < 0) return undefined;
  if (!inner) return start + 1;
  const base = indent(lines[start]);
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() && !l.trimStart().startsWith('#') && indent(l) <= base) break;
    if (new RegExp(`^\\s*def\\s+${inner}\\b`).test(l)) return i + 1;
  }
  return undefined;
}

// ------------------------------------------------------------------ runs

/** Formats a Python value as `str()` would, or as `repr()` with a trailing `!r` in the placeholder. */
function evaluate(session: Session, expressions: string[]): Map<string, { value?: PyValue; text: string; error?: string }> {
  const out = new Map<string, { value?: PyValue; text: string; error?: string }>();
  const main = session.main;
  session.quietly(() => {
    for (const raw of expressions) {
      const asRepr = raw.endsWith('!r');
      const expr = asRepr ? raw.slice(0, -2).trim() : raw;
      main.dict.delete('__lesson_value__');
      const ok = session.exec(`__lesson_value__ = (${expr})\n`, '<lesson>');
      const v = main.dict.get('__lesson_value__');
      if (!ok || v === undefined) {
        out.set(raw, { text: `{{${raw}}}`, error: `could not evaluate ${expr}` });
        continue;
      }
      try {
        out.set(raw, { value: v, text: asRepr ? session.interp.repr(v) : session.interp.str(v) });
      } catch {
        out.set(raw, { value: v, text: `{{${raw}}}`, error: `could not format ${expr}` });
      }
    }
    main.dict.delete('__lesson_value__');
  }, 2000);
  return out;
}

/** A plain (untraced) run of `source`; its session, output and error. */
function plainRun(source: string, filename: string, opts: LessonRunOptions) {
  let stdout = '';
  const session = createSession({ filename, budget: opts.budget, cancel: opts.cancel, stdout: (t) => { stdout += t; } });
  const ok = session.exec(source, filename);
  return { session, stdout, ok, error: session.result().error };
}

/**
 * Runs the lesson's demo under the lens: the report (its graph is the lesson's figure) and the
 * values of the Markdown's placeholders, formatted as Python's str() (repr() with `!r`).
 */
export function runLessonDemo(lesson: Lesson, opts: LessonRunOptions = {}): { report: LensReport | undefined; values: Record<string, string>; errors: string[] } {
  const filename = `/lessons/${lesson.paths.demo}`;
  const outcome = inspectProgram({ text: lesson.files.demo, filename, synthesize: false }, { budget: opts.budget, cancel: opts.cancel });
  if (outcome.kind !== 'report') return { report: undefined, values: {}, errors: [outcome.message] };
  const errors: string[] = [];
  if (outcome.report.error) errors.push(`${lesson.paths.demo}: ${outcome.report.error.type}: ${outcome.report.error.message} (line ${outcome.report.error.line})`);
  const values: Record<string, string> = {};
  for (const [k, v] of evaluate(outcome.lens.session, lesson.placeholders)) {
    if (v.error) errors.push(`${lesson.paths.demo}: ${v.error}`);
    else values[k] = v.text;
  }
  return { report: outcome.report, values, errors };
}

interface Reference {
  values: Map<string, { value?: PyValue; text: string; error?: string }>;
  stdout: string;
  ms: number;
}
const references = new WeakMap<Lesson, Reference>();

function reference(lesson: Lesson, opts: LessonRunOptions): Reference {
  const cached = references.get(lesson);
  if (cached) return cached;
  const t0 = Date.now();
  const run = plainRun(lesson.files.solution, `/lessons/${lesson.paths.solution}`, opts);
  if (!run.ok) throw new Error(`the reference solution of ${lesson.id} raised: ${run.error?.type}: ${run.error?.message} (line ${run.error?.line})`);
  const ref: Reference = { values: evaluate(run.session, lesson.check.values), stdout: run.stdout, ms: Date.now() - t0 };
  references.set(lesson, ref);
  return ref;
}

// ------------------------------------------------------------------ checking

const T = {
  syntax: { en: (m: string, l: number) => `Your code does not parse: ${m} (line ${l}).`, ko: (m: string, l: number) => `코드를 해석할 수 없습니다: ${m} (${l}번째 줄).` },
  raised: {
    en: (t: string, m: string, l: number) => `Your program raised ${t}: ${m} at line ${l}.`,
    ko: (t: string, m: string, l: number) => `프로그램 실행 중 ${t} 예외가 발생했습니다: ${m} (${l}번째 줄).`,
  },
  noClass: {
    en: (n: string) => `There is no class ${n} in your code; the lesson's checks look for it by that name.`,
    ko: (n: string) => `코드에 ${n} 클래스가 없습니다. 이 단원의 검사는 이 이름으로 클래스를 찾습니다.`,
  },
  notRun: {
    en: (n: string, m: string) => `${n}.${m} was never called, so its gradients could not be checked: the code that runs the layers must call ${n}'s forward and then its backward.`,
    ko: (n: string, m: string) => `${n}.${m}가 한 번도 호출되지 않아 기울기를 검사할 수 없습니다. 계층을 실행하는 코드에서 ${n}의 forward(순전파)와 backward(역전파)를 차례로 호출해야 합니다.`,
  },
  layerOk: {
    en: (n: string, g: string, c: number) => `${n}.backward: ${g} ${g.includes(',') ? 'agree' : 'agrees'} with the chain rule (checked on ${c} call${c === 1 ? '' : 's'}).`,
    ko: (n: string, g: string, c: number) => `${n}.backward: ${g}가 연쇄법칙으로 구한 기울기와 일치합니다 (호출 ${c}회 검사).`,
  },
  at: { en: (n: string, d: string, l?: number) => `${n}.backward, ${d}${l ? ` (line ${l})` : ''}: `, ko: (n: string, d: string, l?: number) => `${n}.backward의 ${d}${l ? ` (${l}번째 줄)` : ''}: ` },
  values: {
    en: (mine: string, exp: string) => ` You returned ${mine}; the gradient is ${exp}.`,
    ko: (mine: string, exp: string) => ` 반환한 값은 ${mine}, 올바른 기울기는 ${exp}입니다.`,
  },
  more: { en: (n: number) => ` (and ${n} more failing call${n === 1 ? '' : 's'})`, ko: (n: number) => ` (실패한 호출 ${n}개 더)` },
  hazard: { en: (m: string) => m, ko: (m: string) => m },
  valueOk: { en: (e: string, v: string) => `\`${e}\` is ${v}, as in the reference solution.`, ko: (e: string, v: string) => `\`${e}\`의 값 ${v}가 참고 답안과 같습니다.` },
  valueBad: {
    en: (e: string, v: string, r: string) => `\`${e}\` is ${v}; running the reference solution gives ${r}.`,
    ko: (e: string, v: string, r: string) => `\`${e}\`의 값이 ${v}입니다. 참고 답안을 실행하면 ${r}입니다.`,
  },
  valueMissing: {
    en: (e: string) => `\`${e}\` could not be evaluated after your program ran (is it defined?).`,
    ko: (e: string) => `프로그램 실행 후 \`${e}\`를 계산할 수 없습니다 (정의되어 있나요?).`,
  },
  outputOk: { en: () => 'The printed output matches the reference solution\'s.', ko: () => '출력 결과가 참고 답안의 출력과 같습니다.' },
  outputBad: {
    en: (l: number, mine: string, exp: string) => `Printed output differs from the reference solution's at output line ${l}: you printed \`${mine}\`, expected \`${exp}\`.`,
    ko: (l: number, mine: string, exp: string) => `출력의 ${l}번째 줄이 참고 답안과 다릅니다: \`${mine}\`를 출력했고, 기대한 출력은 \`${exp}\`입니다.`,
  },
  todo: {
    en: (where: string) => `Still marked TODO: ${where}.`,
    ko: (where: string) => `아직 TODO로 남아 있는 곳: ${where}.`,
  },
};

/**
 * Check my code: runs the learner's source under the lens (synchronously; run it off the editor's
 * thread) and compares it with what the lesson's check spec requires.
 */
export function checkLesson(lesson: Lesson, source: string, lang: Lang, opts: LessonRunOptions = {}): LessonCheckResult {
  const t0 = Date.now();
  const filename = opts.filename ?? `/lessons/${lesson.paths.starter}`;
  const items: CheckItem[] = [];
  const lines = source.split(/\r\n|\r|\n/);
  const stmtAt = (line?: number) => (line ? (lines[line - 1] ?? '').replace(/\s+#[^'"]*$/, '').trim() : '');

  let outcome: ReturnType<typeof inspectProgram>;
  try {
    outcome = inspectProgram({ text: source, filename }, { budget: opts.budget, cancel: opts.cancel });
  } catch (e) {
    // An internal error of the engine or the lens: say so rather than crash the lesson panel.
    const what = e instanceof Error ? e.message : String(e);
    outcome = { kind: 'input-error', message: lang === 'ko' ? `Backprop Lens 내부 오류로 코드를 검사하지 못했습니다: ${what}` : `Backprop Lens could not check your code (internal error: ${what})` };
  }
  const learnerMs = Date.now() - t0;
  if (outcome.kind !== 'report') {
    items.push({ ok: false, kind: 'error', message: outcome.message });
    return { passed: false, items, timings: { learnerMs, referenceMs: 0, totalMs: Date.now() - t0 } };
  }
  const { report, lens } = outcome;
  const r0 = Date.now();
  const ref = reference(lesson, opts);
  const referenceMs = Date.now() - r0;

  // The program's own error, first: it is usually the reason for what follows.
  const err = report.error;
  if (err) {
    const item: CheckItem = {
      ok: false,
      kind: 'error',
      message: /Error$/.test(err.type) && /^(SyntaxError|IndentationError|TabError)$/.test(err.type) ? T.syntax[lang](`${err.type}: ${err.message}`, err.line) : T.raised[lang](err.type, err.message, err.line),
    };
    if (err.line) item.line = err.line;
    item.file = err.file;
    items.push(item);
  }
  const syntaxError = err && /^(SyntaxError|IndentationError|TabError)$/.test(err.type);

  // Required layers and their gradient checks.
  const classLines = new Map<string, number>();
  lines.forEach((l, i) => {
    const m = /^class\s+(\w+)/.exec(l);
    if (m && !classLines.has(m[1])) classLines.set(m[1], i + 1);
  });
  if (!syntaxError) {
    for (const req of lesson.check.layers) {
      const cls = req.name.find((n) => classLines.has(n)) ?? (req.kind ? report.layers.find((l) => l.kind === req.kind)?.className : undefined);
      if (!cls) {
        items.push({ ok: false, kind: 'layer', message: T.noClass[lang](req.name[0]) });
        continue;
      }
      layerItems(cls, report, lang, items, filename, stmtAt, classLines.get(cls), source);
    }
  }

  // Hazards.
  for (const h of report.hazards) {
    const fail = lesson.check.hazards === 'fail';
    const item: CheckItem = { ok: !fail, kind: 'hazard', message: hazardText(h, report, lang), file: h.span?.file ?? filename };
    if (!fail) item.warning = true;
    if (h.span) item.line = h.span.line;
    items.push(item);
  }

  // Values and output, against the reference solution's run.
  if (!syntaxError && (lesson.check.values.length || lesson.check.output)) {
    const mine = evaluate(lens.session, lesson.check.values);
    for (const expr of lesson.check.values) {
      const r = ref.values.get(expr);
      const m = mine.get(expr);
      if (!r || r.error) throw new Error(`lesson ${lesson.id}: the reference solution cannot evaluate ${expr}`);
      if (!m || m.error) {
        items.push({ ok: false, kind: 'value', message: T.valueMissing[lang](expr) });
        continue;
      }
      const ok = sameValue(m.value ?? null, r.value ?? null, m.text, r.text);
      items.push({ ok, kind: 'value', message: ok ? T.valueOk[lang](expr, short(m.text)) : T.valueBad[lang](expr, short(m.text), short(r.text)) });
    }
    if (lesson.check.output && !err) {
      const diff = outputDiff(report.output.stdout, ref.stdout);
      items.push(diff ? { ok: false, kind: 'output', message: T.outputBad[lang](diff.line, diff.mine, diff.expected) } : { ok: true, kind: 'output', message: T.outputOk[lang]() });
    }
  }

  const passed = items.length > 0 && items.every((i) => i.ok);
  if (!passed) {
    const todos = todoPlaces(lines);
    if (todos.length) {
      items.push({ ok: false, kind: 'todo', message: T.todo[lang](todos.map((t) => `${t.where || (lang === 'ko' ? '실행 코드' : 'the driver code')} (${lang === 'ko' ? `${t.line}번째 줄` : `line ${t.line}`})`).join(', ')), line: todos[0].line, file: filename });
    }
  }
  return { passed, items, report, timings: { learnerMs, referenceMs, totalMs: Date.now() - t0 } };
}

function layerItems(cls: string, report: LensReport, lang: Lang, items: CheckItem[], filename: string, stmtAt: (line?: number) => string, classLine: number | undefined, source: string): void {
  const layers = report.layers.filter((l) => l.className === cls);
  const ids = new Set(layers.map((l) => l.id));
  const calls = report.calls.filter((c) => ids.has(c.layer));
  for (const method of ['forward', 'backward'] as const) {
    if (!calls.some((c) => c.method === method)) {
      items.push({ ok: false, kind: 'layer', message: T.notRun[lang](cls, method), line: resolveAnchor(source, `${cls}.${method}`) ?? classLine, file: filename });
      return;
    }
  }
  const checks = report.checks.filter((c) => ids.has(c.layer));
  if (!checks.length) {
    items.push({ ok: false, kind: 'layer', message: T.notRun[lang](cls, 'backward'), line: resolveAnchor(source, `${cls}.backward`) ?? classLine, file: filename });
    return;
  }
  // One item per gradient (dx, dy, dW...) that failed, on its first failing call.
  const byTarget = new Map<string, GradientCheck[]>();
  for (const c of checks) {
    const key = `${c.target.kind}:${c.target.name}`;
    byTarget.set(key, [...(byTarget.get(key) ?? []), c]);
  }
  let failed = false;
  for (const group of byTarget.values()) {
    const bad = group.filter((c) => !c.passed);
    if (!bad.length) continue;
    failed = true;
    const c = bad[0];
    const dname = c.target.kind === 'param' ? `self.d${c.target.name}` : `d${c.target.name}`;
    let message = gradientText(c, cls, dname, lang, stmtAt(c.line));
    if (bad.length > 1) message += T.more[lang](bad.length - 1);
    items.push({ ok: false, kind: 'gradient', message, line: c.line, file: filename });
  }
  if (!failed) {
    const names = [...byTarget.values()].map((g) => (g[0].target.kind === 'param' ? `self.d${g[0].target.name}` : `d${g[0].target.name}`));
    const backwardCalls = new Set(checks.map((c) => c.backwardCall)).size;
    items.push({ ok: true, kind: 'gradient', message: T.layerOk[lang](cls, names.join(', '), backwardCalls), line: resolveAnchor(source, `${cls}.backward`), file: filename });
  }
}

const short = (t: string, n = 90) => {
  const one = t.replace(/\s*\n\s*/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** The message of a failed gradient check: the lens's explanation, in the learner's language, with what they returned and what the gradient is. */
function gradientText(c: GradientCheck, cls: string, dname: string, lang: Lang, stmt: string): string {
  const code = c.explanation?.code ?? 'mismatch';
  const en = c.explanation?.text ?? '';
  const prefixed = new RegExp(`^${escapeRe(dname)} of ${escapeRe(cls)}:`).test(en);
  let body: string;
  if (lang === 'en') {
    const stripped = en.replace(/^Line \d+ \(`[^`]*`\): /, '');
    const showStmt = stmt && !stripped.includes(stmt) && code !== 'no-gradient';
    body = prefixed ? en : T.at.en(cls, dname, c.line) + (showStmt ? `\`${stmt}\`: ` : '') + stripped;
  } else {
    body = T.at.ko(cls, dname, c.line) + (stmt && code !== 'no-gradient' && code !== 'mul-swap' ? `\`${stmt}\` — ` : '') + koExplanation(code, en, c, dname);
  }
  const mine = c.learner?.text;
  const exp = (c.verdictBy === 'numerical' ? c.numerical : c.automatic)?.text ?? c.automatic?.text;
  if (mine !== undefined && exp !== undefined && mine !== 'None' && code !== 'shape' && code !== 'sum-axis') body += T.values[lang](short(mine, 60), short(exp, 60));
  else if (mine === 'None' && exp !== undefined) body += lang === 'ko' ? ` 올바른 기울기는 ${short(exp, 60)}입니다.` : ` The gradient is ${short(exp, 60)}.`;
  return body;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The lens's explanation in Korean, by its code, reusing the code fragments (in backticks) the English text names. */
function koExplanation(code: string, en: string, c: GradientCheck, dname: string): string {
  const ticks = [...en.matchAll(/`([^`]*)`/g)].map((m) => m[1]);
  const last = ticks[ticks.length - 1];
  const name = c.target.name;
  const shapes = [...en.matchAll(/\((\d+(?:, \d+)*,?)\)/g)].map((m) => `(${m[1]})`);
  switch (code) {
    case 'mul-swap':
      return `\`${ticks[0]}\`를 반환했습니다. 곱셈 노드의 역전파에서 ${name}에 대한 기울기는 상류 기울기에 '다른 쪽' 입력을 곱한 \`${last}\`입니다.`;
    case 'mul':
      return `곱셈 노드에서 ${name}에 대한 국소적 미분은 다른 쪽 입력입니다: ${dname} = \`${last}\`.`;
    case 'sum-axis':
      return `모든 축에 걸쳐 합하고 있습니다. 순전파에서 \`+ ${name}\`는 배치의 모든 행에 더해졌으므로(브로드캐스트), 역전파에서는 배치 축(axis=0)으로만 합해야 ${dname}가 ${name}와 같은 형상 ${shapes[0] ?? ''}이 됩니다. \`${last}\`로 쓰세요.`;
    case 'shape': {
      const dot = ticks.find((t) => t.includes('np.dot'));
      return `${name}의 기울기 형상이 ${shapes[0] ?? '?'}인데 ${name}의 형상은 ${shapes[1] ?? '?'}입니다. 기울기는 언제나 원래 값과 같은 형상입니다.${dot ? ` \`${dot}\`를 확인하세요.` : ''}`;
    }
    case 'stale-cache':
      return '순전파가 참조로 저장한 배열을 호출한 쪽에서 역전파 전에 바꾸었습니다. 순전파가 본 값이 아닌 값으로 기울기를 계산했습니다.';
    case 'sigmoid-input':
      return `시그모이드의 국소적 미분은 y(1−y)이고, 여기서 y는 순전파의 입력이 아니라 출력입니다. \`${last}\`로 쓰세요.`;
    case 'sigmoid':
      return `σ(x) = 1/(1 + exp(−x))의 국소적 미분은 y(1−y)이며, y = σ(x)는 순전파의 출력입니다: ${dname} = dout·(1 − y)·y.`;
    case 'relu-side':
      return `ReLU는 순전파 때 입력이 양수였던 곳으로만 기울기를 흘려보내고, 0 이하였던 곳은 0으로 막습니다. 작성한 코드는 반대로, 입력이 0 이하였던 곳에서만 ${dname}가 0이 아닙니다.`;
    case 'relu':
      return `ReLU는 입력이 양수였던 곳(x > 0)에서는 dout을 그대로 흘려보내고, x ≤ 0인 곳(self.mask)에서는 0을 보냅니다.`;
    case 'dot-transpose':
      return /with respect to W/.test(en)
        ? `x·W의 W에 대한 국소적 미분으로 기울기는 xᵀ·dout입니다: \`${last}\`.`
        : `x·W의 x에 대한 국소적 미분으로 기울기는 dout·Wᵀ입니다: \`${last}\`.`;
    case 'batch-size': {
      const n = /batch_size \((\d+)\)/.exec(en)?.[1];
      return `손실은 배치에 대한 평균이므로 dx = (y − t) / batch_size입니다. 작성한 기울기는 batch_size${n ? `(${n})` : ''}배만큼 큽니다.`;
    }
    case 'softmax-with-loss':
      return 'Softmax와 교차 엔트로피 오차를 함께 역전파하면 dx = (y − t) / batch_size입니다 (y는 softmax의 출력, t는 원-핫 정답 레이블).';
    case 'sign':
      return `${name}의 기울기 부호가 연쇄법칙으로 구한 값과 반대입니다.`;
    case 'missing-dout':
      return '국소적 미분만 반환했습니다. 연쇄법칙에 따라 상류에서 온 기울기 `dout`을 곱하세요.';
    case 'scale': {
      const k = /is (\S+) times/.exec(en)?.[1];
      return `${name}의 기울기가 연쇄법칙으로 구한 값의 ${k ?? '몇'}배입니다.`;
    }
    case 'no-gradient':
      return `backward가 ${name}의 기울기로 None을 반환했습니다. TODO를 채우세요.`;
    case 'backward-raised': {
      const what = /raised (.*?)(?: at line \d+|\.$|$)/.exec(en)?.[1];
      return `backward 실행 중 예외가 발생했습니다${what ? `: ${what}` : ''}.`;
    }
    default:
      return `${name}의 기울기가 연쇄법칙으로 구한 값과 다릅니다.${en ? ` (${en})` : ''}`;
  }
}

function hazardText(h: LensReport['hazards'][number], report: LensReport, lang: Lang): string {
  if (lang === 'en') return h.message;
  const cls = report.layers.find((l) => l.id === h.layer)?.className ?? '';
  if (h.kind === 'dout-mutated') {
    const arg = /argument `(\w+)`/.exec(h.message)?.[1] ?? 'dout';
    return `${cls}.backward가 인수 \`${arg}\`에 직접 값을 씁니다${h.span ? ` (${h.span.line}번째 줄)` : ''}. 이 배열은 호출한 쪽의 것이라서 호출한 쪽의 기울기도 함께 바뀝니다. ` +
      `계층이 한 줄로 이어진 계산 그래프에서는 결과가 맞지만, 같은 상류 기울기가 두 계층으로 갈라지는 곳에서는 두 번째 계층이 이미 0으로 덮인 기울기를 받게 됩니다. ` +
      `복사본에 쓰세요: \`dx = ${arg}.copy()\`.`;
  }
  return `${cls}.forward가 입력 배열을 복사하지 않고 참조로 저장했는데, 역전파 전에 호출한 쪽에서 그 배열을 바꾸었습니다. 역전파는 순전파가 본 값이 아닌 값으로 기울기를 계산합니다. 복사본(\`.copy()\`)을 저장하세요.`;
}

/** Numbers to 1e-6 relative (1e-9 absolute); anything else by its text. */
function sameValue(a: PyValue, b: PyValue, aText: string, bText: string): boolean {
  if (a === null || b === null) return a === b;
  const x = toFloat(a);
  const y = toFloat(b);
  if (!x || !y) return aText === bText;
  if (x.shape.length !== y.shape.length || x.shape.some((d, i) => d !== y.shape[i])) return false;
  const p = x.toFlat();
  const q = y.toFlat();
  for (let i = 0; i < p.length; i++) if (!(Math.abs(p[i] - q[i]) <= 1e-9 + 1e-6 * Math.max(Math.abs(p[i]), Math.abs(q[i])))) return false;
  return true;
}

/** The first output line that differs, comparing numbers to 1e-6 and ignoring runs of whitespace. */
function outputDiff(mine: string, expected: string): { line: number; mine: string; expected: string } | undefined {
  const a = mine.replace(/\s+$/, '').split('\n');
  const b = expected.replace(/\s+$/, '').split('\n');
  const num = /[-+]?(?:\d+\.?\d*(?:e[-+]?\d+)?|\.\d+(?:e[-+]?\d+)?)/gi;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = (a[i] ?? '').trim().replace(/\s+/g, ' ');
    const y = (b[i] ?? '').trim().replace(/\s+/g, ' ');
    if (x === y) continue;
    const same = x.replace(num, '#') === y.replace(num, '#') && sameNumbers(x.match(num) ?? [], y.match(num) ?? []);
    if (!same) return { line: i + 1, mine: short(a[i] ?? '', 70), expected: short(b[i] ?? '', 70) };
  }
  return undefined;
}

function sameNumbers(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((s, i) => {
    const x = Number(s);
    const y = Number(b[i]);
    return Math.abs(x - y) <= 1e-9 + 1e-6 * Math.max(Math.abs(x), Math.abs(y));
  });
}

/** Methods (`Class.method`) or functions that still hold a `# TODO` comment. */
function todoPlaces(lines: string[]): { where: string; line: number }[] {
  const out: { where: string; line: number }[] = [];
  let cls: { name: string; indent: number } | undefined;
  let fn: { name: string; indent: number } | undefined;
  lines.forEach((l, i) => {
    const indent = l.length - l.trimStart().length;
    const t = l.trim();
    if (t && !t.startsWith('#')) {
      if (cls && indent <= cls.indent) cls = undefined;
      if (fn && indent <= fn.indent) fn = undefined;
    }
    const c = /^class\s+(\w+)/.exec(t);
    if (c) cls = { name: c[1], indent };
    const d = /^def\s+(\w+)/.exec(t);
    if (d) fn = { name: d[1], indent };
    if (/#\s*TODO\b/.test(l)) {
      const where = fn ? (cls && fn.indent > cls.indent ? `${cls.name}.${fn.name}` : fn.name) : '';
      if (!out.some((o) => o.where === where)) out.push({ where, line: i + 1 });
    }
  });
  return out;
}
