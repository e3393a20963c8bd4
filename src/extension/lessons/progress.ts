// Which lessons are done, and how many hints each has revealed: kept in globalState (so progress
// follows the learner across workspaces and reloads) and exposed to `when` clauses with setContext,
// as CodeTour does with its tours.
import * as vscode from 'vscode';

export const COMPLETED_KEY = 'backpropLens.lessons.completed';
export const HINTS_KEY = 'backpropLens.lessons.hintsShown';
export const COMPLETED_CONTEXT = 'backpropLens.lessonsCompleted';

export class LessonProgress implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    this.publish();
  }

  /** The completed lesson ids, as stored. */
  completed(): string[] {
    const ids = this.state.get<unknown>(COMPLETED_KEY, []);
    return Array.isArray(ids) ? ids.filter((i): i is string => typeof i === 'string') : [];
  }

  isCompleted(id: string): boolean {
    return this.completed().includes(id);
  }

  async complete(id: string): Promise<boolean> {
    const ids = this.completed();
    if (ids.includes(id)) return false;
    await this.state.update(COMPLETED_KEY, [...ids, id]);
    this.publish();
    this.changed.fire();
    return true;
  }

  hintsShown(id: string): number {
    const shown = this.state.get<Record<string, unknown>>(HINTS_KEY, {});
    const n = shown?.[id];
    return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : 0;
  }

  async setHintsShown(id: string, n: number): Promise<void> {
    await this.state.update(HINTS_KEY, { ...this.state.get<Record<string, number>>(HINTS_KEY, {}), [id]: n });
    this.changed.fire();
  }

  async reset(): Promise<void> {
    await this.state.update(COMPLETED_KEY, undefined);
    await this.state.update(HINTS_KEY, undefined);
    this.publish();
    this.changed.fire();
  }

  private publish(): void {
    void vscode.commands.executeCommand('setContext', COMPLETED_CONTEXT, this.completed().length);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
