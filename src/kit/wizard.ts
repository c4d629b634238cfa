/**
 * Multi-step input: each step shows one quick pick or input box with "step n of m" and a Back button;
 * answers are kept in a state object, so going back shows what was typed. Escape at any step cancels the
 * whole flow, and the caller writes nothing.
 */
import * as vscode from 'vscode';

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    // Recognised by name too: a lazily loaded bundle (the review import) has its own copy of this class.
    this.name = 'Cancelled';
  }
}

const BACK = Symbol('back');
type Back = typeof BACK;

export type StepResult = 'next' | 'back' | 'done' | { goto: number };
export type Step<S> = (w: Wizard, state: S) => Promise<StepResult>;

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

export class Wizard {
  step = 1;
  totalSteps = 1;
  constructor(readonly title: string) {}

  /** Runs steps in order; Back returns to the previous step that was shown. */
  static async run<S>(title: string, steps: Step<S>[], state: S, mainSteps = steps.length): Promise<S> {
    const w = new Wizard(title);
    const history: number[] = [];
    let i = 0;
    while (i < steps.length) {
      // Optional sub-steps after the main ones keep the counter of the last main step (the menu they return to).
      w.step = Math.min(i + 1, mainSteps);
      w.totalSteps = mainSteps;
      w.canGoBack = history.length > 0;
      const r = await steps[i](w, state);
      if (r === 'back') {
        i = history.pop() ?? 0;
      } else if (r === 'done') {
        break;
      } else {
        history.push(i);
        i = r === 'next' ? i + 1 : r.goto;
      }
    }
    return state;
  }

  canGoBack = false;

  async input(opts: {
    prompt: string;
    value?: string;
    placeholder?: string;
    validate?: (v: string) => string | undefined;
    password?: boolean;
  }): Promise<string | Back> {
    const box = vscode.window.createInputBox();
    box.title = this.title;
    box.step = this.step || undefined;
    box.totalSteps = this.totalSteps || undefined;
    box.prompt = opts.prompt;
    box.value = opts.value ?? '';
    box.placeholder = opts.placeholder;
    box.ignoreFocusOut = true;
    box.buttons = this.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    const validate = (v: string): void => {
      const msg = opts.validate?.(v);
      box.validationMessage = msg;
    };
    if (box.value) {
      // An empty box shows its prompt; a complaint about emptiness waits until Enter.
      validate(box.value);
    }
    return new Promise<string | Back>((resolve, reject) => {
      const subs: vscode.Disposable[] = [];
      const finish = once(box, subs);
      subs.push(
        box.onDidChangeValue(validate),
        box.onDidAccept(() => {
          const msg = opts.validate?.(box.value);
          if (msg) {
            box.validationMessage = msg;
            return;
          }
          finish(() => resolve(box.value));
        }),
        box.onDidTriggerButton((b) => {
          if (b === vscode.QuickInputButtons.Back) {
            finish(() => resolve(BACK));
          }
        }),
        box.onDidHide(() => finish(() => reject(new Cancelled()))),
      );
      box.show();
    });
  }

  async pick<T>(opts: {
    placeholder: string;
    items: PickItem<T>[];
    active?: T;
    /** Lets the mentor type a value that is not in the list; it comes back as a new item. */
    allowNew?: (typed: string) => PickItem<T> | undefined;
    matchOnDescription?: boolean;
  }): Promise<T | Back> {
    const r = await this.pickInternal(opts, false);
    return r === BACK ? BACK : (r[0] as T);
  }

  async pickMany<T>(opts: {
    placeholder: string;
    items: PickItem<T>[];
    selected?: T[];
    allowNew?: (typed: string) => PickItem<T> | undefined;
  }): Promise<T[] | Back> {
    return this.pickInternal(opts, true);
  }

  private pickInternal<T>(
    opts: { placeholder: string; items: PickItem<T>[]; active?: T; selected?: T[]; allowNew?: (typed: string) => PickItem<T> | undefined; matchOnDescription?: boolean },
    many: boolean,
  ): Promise<T[] | Back> {
    const qp = vscode.window.createQuickPick<PickItem<T>>();
    qp.title = this.title;
    qp.step = this.step || undefined;
    qp.totalSteps = this.totalSteps || undefined;
    qp.placeholder = opts.placeholder;
    qp.canSelectMany = many;
    qp.ignoreFocusOut = true;
    qp.matchOnDescription = opts.matchOnDescription ?? true;
    qp.buttons = this.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    let items = [...opts.items];
    qp.items = items;
    if (many && opts.selected) {
      qp.selectedItems = items.filter((i) => opts.selected?.includes(i.value));
    }
    if (!many && opts.active !== undefined) {
      const a = items.find((i) => i.value === opts.active);
      if (a) {
        qp.activeItems = [a];
      }
    }
    return new Promise<T[] | Back>((resolve, reject) => {
      const subs: vscode.Disposable[] = [];
      let typedItem: PickItem<T> | undefined;
      let typedRows: PickItem<T>[] = [];
      const finish = once(qp, subs);
      subs.push(
        qp.onDidChangeValue((v) => {
          if (!opts.allowNew) {
            return;
          }
          if (many) {
            // Typed entries ("a, b") show as new rows, ticked, above the list; the ticks made so far stay.
            const ticked = new Set(qp.selectedItems.filter((i) => !typedRows.includes(i)).map((i) => i.value));
            typedRows = v
              .split(',')
              .map((x) => x.trim())
              .filter((x) => x && !items.some((i) => i.label.toLowerCase() === x.toLowerCase()))
              .map((x) => opts.allowNew?.(x))
              .filter((i): i is PickItem<T> => i !== undefined)
              .map((i) => ({ ...i, alwaysShow: true }));
            qp.items = [...typedRows, ...items];
            qp.selectedItems = [...typedRows, ...items.filter((i) => ticked.has(i.value))];
            return;
          }
          const candidate = v.trim() ? opts.allowNew(v.trim()) : undefined;
          const exists = candidate && items.some((i) => i.label.toLowerCase() === candidate.label.toLowerCase());
          typedItem = candidate && !exists ? candidate : undefined;
          qp.items = typedItem ? [typedItem, ...items] : items;
        }),
        qp.onDidAccept(() => {
          if (many) {
            const chosen = qp.selectedItems.filter((c) => !typedRows.includes(c)).map((c) => c.value);
            // Text typed in the filter counts as new entries ("a, b"), so Enter right after typing adds them.
            const typed = opts.allowNew
              ? qp.value
                  .split(',')
                  .map((v) => v.trim())
                  .filter(Boolean)
                  .map((v) => items.find((i) => i.label.toLowerCase() === v.toLowerCase()) ?? opts.allowNew?.(v))
                  .filter((i): i is PickItem<T> => i !== undefined)
                  .map((i) => i.value)
              : [];
            finish(() => resolve([...chosen, ...typed.filter((v) => !chosen.includes(v))]));
          } else {
            const a = qp.activeItems[0] ?? qp.selectedItems[0];
            if (a) {
              finish(() => resolve([a.value]));
            }
          }
        }),
        qp.onDidTriggerButton((b) => {
          if (b === vscode.QuickInputButtons.Back) {
            finish(() => resolve(BACK));
          }
        }),
        qp.onDidHide(() => finish(() => reject(new Cancelled()))),
      );
      qp.show();
    });
  }
}

/** The first of accept, Back or hide settles the step: run it once, then drop the listeners and the input. */
function once(input: vscode.Disposable, subs: vscode.Disposable[]): (f: () => void) => void {
  let settled = false;
  return (f) => {
    if (settled) {
      return;
    }
    settled = true;
    subs.forEach((d) => d.dispose());
    f();
    input.dispose();
  };
}

export function isBack(v: unknown): v is Back {
  return v === BACK;
}
