// The lessons as the extension host knows them: media/lessons/ read through vscode.workspace.fs
// (so a remote or web extension host works too), every file's text kept for the worker, and the
// little of each lesson.json the host itself needs (titles for the tree, hints, file names).
// The full check of the lesson files is the engine's (loadLessons), run in the worker.
import * as vscode from 'vscode';
import type { Lang, Localized } from '../../engine/teach/lessons';

export interface CatalogLesson {
  id: string;
  /** 1-based position in index.json. */
  number: number;
  title: Localized;
  summary?: Localized;
  hints: { text: Localized; anchor?: string }[];
  starter: string;
  solution: string;
  /** `lesson-02-mul-add-layers.py`: the name the starter code is saved under. */
  fileName: string;
}

export interface LessonCatalog {
  lessons: CatalogLesson[];
  /** Every file of media/lessons/, by path relative to it: what the worker's loadLessons reads. */
  files: Record<string, string>;
  byId(id: string): CatalogLesson | undefined;
}

const decoder = new TextDecoder();

async function readTree(root: vscode.Uri, rel = ''): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const dir = rel ? vscode.Uri.joinPath(root, rel) : root;
  for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
    const path = rel ? `${rel}/${name}` : name;
    if (type & vscode.FileType.Directory) Object.assign(files, await readTree(root, path));
    else if (/\.(json|md|py)$/.test(name)) files[path] = decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, path)));
  }
  return files;
}

const localized = (v: unknown): Localized | undefined => {
  const o = v as Partial<Localized> | undefined;
  return typeof o?.en === 'string' && typeof o.ko === 'string' ? { en: o.en, ko: o.ko } : undefined;
};

/** Reads media/lessons/ of the extension; throws with the file name when something is missing or not JSON. */
export async function loadCatalog(extensionUri: vscode.Uri): Promise<LessonCatalog> {
  const files = await readTree(vscode.Uri.joinPath(extensionUri, 'media', 'lessons'));
  const index = JSON.parse(files['index.json'] ?? '{}') as { lessons?: unknown };
  if (!Array.isArray(index.lessons)) throw new Error('media/lessons/index.json: no "lessons" list');
  const lessons = index.lessons.map((id: unknown, i): CatalogLesson => {
    if (typeof id !== 'string' || !/^[\w-]+$/.test(id)) throw new Error(`media/lessons/index.json: bad lesson id ${String(id)}`);
    const text = files[`${id}/lesson.json`];
    if (text === undefined) throw new Error(`media/lessons/${id}/lesson.json: not found`);
    const spec = JSON.parse(text) as Record<string, unknown>;
    const file = (key: string, dflt: string) => files[`${id}/${typeof spec[key] === 'string' ? spec[key] : dflt}`] ?? '';
    const hints = Array.isArray(spec.hints) ? spec.hints as Record<string, unknown>[] : [];
    return {
      id,
      number: i + 1,
      title: localized(spec.title) ?? { en: id, ko: id },
      summary: localized(spec.summary),
      hints: hints.map((h) => ({ text: localized(h.text ?? h) ?? { en: '', ko: '' }, ...(typeof h.anchor === 'string' ? { anchor: h.anchor } : {}) })),
      starter: file('starter', 'starter.py'),
      solution: file('solution', 'solution.py'),
      fileName: `lesson-${id}.py`,
    };
  });
  const byId = new Map(lessons.map((l) => [l.id, l]));
  return { lessons, files, byId: (id) => byId.get(id) };
}

export function titleOf(lesson: CatalogLesson, lang: Lang): string {
  return lesson.title[lang];
}
