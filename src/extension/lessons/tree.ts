// The Lessons view: the course in order, a ✓ on each lesson completed; a click opens the lesson.
import * as vscode from 'vscode';
import { language, t } from '../i18n';
import type { CatalogLesson, LessonCatalog } from './catalog';
import type { LessonProgress } from './progress';

export const LESSONS_VIEW_ID = 'backpropLens.lessons';

export class LessonsTreeProvider implements vscode.TreeDataProvider<CatalogLesson>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CatalogLesson | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly catalog: () => Promise<LessonCatalog | undefined>, private readonly progress: LessonProgress) {
    this.subscription = progress.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(element?: CatalogLesson): Promise<CatalogLesson[]> {
    if (element) return [];
    return (await this.catalog())?.lessons ?? [];
  }

  getTreeItem(lesson: CatalogLesson): vscode.TreeItem {
    const lang = language();
    const done = this.progress.isCompleted(lesson.id);
    const item = new vscode.TreeItem(`${lesson.number}. ${lesson.title[lang]}`, vscode.TreeItemCollapsibleState.None);
    item.id = lesson.id;
    item.description = done ? '✓' : undefined;
    item.iconPath = done
      ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
      : new vscode.ThemeIcon('circle-large-outline');
    item.tooltip = new vscode.MarkdownString(`**${lesson.title[lang]}**${lesson.summary ? `\n\n${lesson.summary[lang]}` : ''}${done ? `\n\n✓ ${t('Completed')}` : ''}`);
    item.accessibilityInformation = { label: `${t('Lesson {0}: {1}', lesson.number, lesson.title[lang])}${done ? `, ${t('completed')}` : ''}` };
    item.contextValue = done ? 'lesson.completed' : 'lesson';
    item.command = { command: 'backpropLens.openLesson', title: t('Open Lesson'), arguments: [lesson.id] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
