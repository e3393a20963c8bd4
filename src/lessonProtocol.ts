// The typed messages between the extension host (src/extension/lessons/) and the lesson page
// (webview/lesson/). Separate from the panel's contract (protocol.ts): a lesson page shows a
// lesson, its figure, hints and the result of Check my code; it never receives a 'report' message.
// Both sides check each message's shape on receipt with the guards below.

import type { LensReport } from './engine/lens/report';
import { isLensReport } from './protocol';

/** The lesson page's own strings; the host translates them (src/extension/i18n.ts) and sends them with each lesson. */
export const LESSON_UI_KEYS = [
  'openStarter', 'openStarter.title', 'check', 'check.title', 'nextHint', 'nextHint.title', 'showSolution', 'showSolution.title',
  'previous', 'next', 'figure', 'figure.caption', 'hints', 'hintsLeft', 'noHintsLeft', 'result', 'passed', 'failed', 'warning',
  'checking', 'preparing', 'completed', 'document', 'noDocument', 'line', 'lessonOf',
] as const;
export type LessonUiKey = (typeof LESSON_UI_KEYS)[number];

export interface LessonHeader {
  id: string;
  /** 1-based position in the course. */
  number: number;
  total: number;
  title: string;
  /** Neighbours for the Previous / Next buttons. */
  previous?: string;
  next?: string;
}

/** A revealed hint; `line` is the line of the learner's code it is about, when known. */
export interface LessonHintView {
  text: string;
  line?: number;
}

/** One thing Check my code looked at (src/engine/teach/lessons.ts's CheckItem, without the file name). */
export interface LessonCheckItemView {
  ok: boolean;
  message: string;
  line?: number;
  kind: 'error' | 'layer' | 'gradient' | 'hazard' | 'value' | 'output' | 'todo';
  warning?: boolean;
}

export interface LessonCheckView {
  passed: boolean;
  items: LessonCheckItemView[];
  /** The document that was checked, as the learner knows it (`lesson-02-mul-add-layers.py`). */
  document: string;
}

/** What can change while the lesson is open. */
export interface LessonStatus {
  hints: LessonHintView[];
  hintCount: number;
  completed: boolean;
  /** The learner's document for this lesson, when one is known. */
  document?: string;
  check?: LessonCheckView;
  /** A run in progress: the demo being prepared, or a check. */
  busy?: 'demo' | 'check';
  /** Why the last run gave no result (a timeout, an internal error). */
  failure?: string;
}

/** Messages from the extension host to the lesson page. */
export type HostToLesson =
  /** A lesson to show: its Markdown with the engine's numbers filled in, and its figure. */
  | { type: 'lesson'; lesson: LessonHeader; markdown: string; report?: LensReport; ui: Record<LessonUiKey, string>; l10n: Record<string, string>; lang: 'en' | 'ko'; status: LessonStatus }
  | { type: 'status'; status: LessonStatus };

/** Messages from the lesson page to the extension host. */
export type LessonToHost =
  | { type: 'ready' }
  | { type: 'openStarter' }
  | { type: 'check' }
  | { type: 'nextHint' }
  | { type: 'showSolution' }
  /** Show a line of the learner's document for this lesson. */
  | { type: 'reveal'; line: number }
  /** Open another lesson (Previous / Next). */
  | { type: 'goto'; id: string }
  /** The page has drawn the lesson it was sent (tests wait for it). */
  | { type: 'painted'; id: string };

type Shape = Record<string, unknown>;
const isObject = (x: unknown): x is Shape => typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const isLine = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 1;
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const optional = (x: unknown, test: (v: unknown) => boolean) => x === undefined || test(x);
const isLessonId = (x: unknown): x is string => isString(x) && /^[\w-]+$/.test(x);
const ITEM_KINDS: readonly string[] = ['error', 'layer', 'gradient', 'hazard', 'value', 'output', 'todo'];

function isHeader(x: unknown): x is LessonHeader {
  return isObject(x) && isLessonId(x.id) && isLine(x.number) && isLine(x.total) && isString(x.title)
    && optional(x.previous, isLessonId) && optional(x.next, isLessonId);
}

function isHint(x: unknown): x is LessonHintView {
  return isObject(x) && isString(x.text) && optional(x.line, isLine);
}

function isCheckItem(x: unknown): x is LessonCheckItemView {
  return isObject(x) && typeof x.ok === 'boolean' && isString(x.message) && optional(x.line, isLine)
    && isString(x.kind) && ITEM_KINDS.includes(x.kind) && optional(x.warning, (w) => typeof w === 'boolean');
}

function isCheck(x: unknown): x is LessonCheckView {
  return isObject(x) && typeof x.passed === 'boolean' && Array.isArray(x.items) && x.items.every(isCheckItem) && isString(x.document);
}

export function isLessonStatus(x: unknown): x is LessonStatus {
  return isObject(x) && Array.isArray(x.hints) && x.hints.every(isHint) && isCount(x.hintCount) && x.hints.length <= x.hintCount
    && typeof x.completed === 'boolean' && optional(x.document, isString) && optional(x.check, isCheck)
    && optional(x.busy, (b) => b === 'demo' || b === 'check') && optional(x.failure, isString);
}

function isUi(x: unknown): x is Record<LessonUiKey, string> {
  return isObject(x) && LESSON_UI_KEYS.every((k) => isString(x[k]));
}

export function isHostToLesson(x: unknown): x is HostToLesson {
  if (!isObject(x)) return false;
  switch (x.type) {
    case 'lesson':
      return isHeader(x.lesson) && isString(x.markdown) && optional(x.report, isLensReport) && isUi(x.ui)
        && isObject(x.l10n) && Object.values(x.l10n).every(isString) && (x.lang === 'en' || x.lang === 'ko') && isLessonStatus(x.status);
    case 'status':
      return isLessonStatus(x.status);
    default:
      return false;
  }
}

export function isLessonToHost(x: unknown): x is LessonToHost {
  if (!isObject(x)) return false;
  switch (x.type) {
    case 'ready':
    case 'openStarter':
    case 'check':
    case 'nextHint':
    case 'showSolution':
      return true;
    case 'reveal':
      return isLine(x.line);
    case 'goto':
    case 'painted':
      return isLessonId(x.id);
    default:
      return false;
  }
}
