/**
 * Multi-step input: each step shows one quick pick or input box with "step n of m" and a Back button;
 * answers are kept in a state object, so going back shows what was typed. Escape at any step cancels the
 * whole flow, and the caller writes nothing.
 *
 * The keyboard stays in the quick input from the first step to the last. A step's input is not closed
 * when it is answered, only replaced when the next one is shown (VS Code swaps them in the same widget),
 * so at no moment does the focus go back to the editor, where the next keystrokes would change the code.
 * Hints and confirmations are steps too (`confirm`, `notice`), and slow work runs behind a busy step
 * (`busy`) instead of a notification.
 *
 * What the mentor types ahead — into a step already answered, or a busy one — belongs to the next step,
 * in the order typed: text, Enter, Escape. Text typed before the next step is made becomes its starting
 * value (set with it); keys that reach the extension only after the next step was shown (typed in the few
 * milliseconds before the screen swapped) go in front of what was typed on it since (see TypedValue).
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

/** `skip`: the step had nothing to ask; Back from the next step passes over it. */
export type StepResult<N extends string = string> = 'next' | 'skip' | 'back' | 'done' | { goto: N };
export type Step<S, N extends string = string> = (w: Wizard, state: S) => Promise<StepResult<N>>;
/** A step with a name that `{ goto: name }` can lead to. */
export type NamedStep<S, N extends string = string> = readonly [N, Step<S, N>];

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

/** What was typed into an input after it was answered (or into a busy step), in order. */
type Token = { kind: 'text'; text: string } | { kind: 'enter' } | { kind: 'escape' };

/** The input that waits for an answer now: what typed-ahead keys do to it. */
interface Live {
  /** Text that reached the extension after the input was shown. */
  late(text: string): void;
  accept(): void;
  cancel(): void;
}

/** What the wizard listens to on an input once it is answered. */
interface Answerable extends vscode.QuickInput {
  readonly value: string;
  readonly onDidChangeValue: vscode.Event<string>;
  readonly onDidAccept: vscode.Event<void>;
  readonly onDidHide: vscode.Event<void>;
}

/**
 * The answer of a live input: what is on screen, with the keys typed ahead that reached the extension
 * only after the input was shown (typed in the milliseconds before the screen swapped inputs). Those keys
 * were typed before any key on its screen (VS Code sends events in the order they happen), so they go in
 * front of what was typed there. They are not put on screen: VS Code does not say when a value set by the
 * extension reaches the screen, so setting one could overwrite keys typed meanwhile — the answer would
 * lose them. The screen may miss a key typed at that instant; the answer never does.
 */
class TypedValue {
  private lateText = '';

  constructor(
    private readonly input: { value: string },
    /** The value the input was made with. */
    private readonly start: string,
    /** Whether that value is selected, so that the first key replaces it. */
    private readonly replaces: boolean,
  ) {}

  late(text: string): void {
    this.lateText += text;
  }

  value(): string {
    const onScreen = this.input.value;
    if (!this.lateText) {
      return onScreen;
    }
    if (this.replaces) {
      // The first late key replaced the selected starting value; keys on screen came after it.
      return this.lateText + (onScreen === this.start ? '' : onScreen);
    }
    return onScreen.startsWith(this.start) ? this.start + this.lateText + onScreen.slice(this.start.length) : onScreen + this.lateText;
  }
}

export class Wizard {
  /** "Step n of m" on the input (0: none, for a question outside a run of steps). */
  step = 0;
  totalSteps = 0;
  canGoBack = false;
  /** The input on screen: the live one, or the last one answered until the next replaces it. */
  private shown: vscode.QuickInput | undefined;
  /**
   * Inputs answered before, and what listens to them, kept until the flow ends: keys typed into one just
   * before the next was drawn reach the extension after it was replaced, and an input already disposed
   * would drop them.
   */
  private retired: vscode.Disposable[] = [];
  private live: Live | undefined;
  private readonly ahead: Token[] = [];
  private closed = false;

  /** Shown on every step from the next one on (a flow names its mentee once it is chosen). */
  constructor(public title: string) {}

  /** Runs `flow` with a wizard and closes its input at the end, however the flow ends. */
  static async flow<T>(title: string, flow: (w: Wizard) => Promise<T>): Promise<T> {
    const w = new Wizard(title);
    try {
      return await flow(w);
    } finally {
      w.close();
    }
  }

  /** Runs steps in order in a wizard of its own, closed at the end. */
  static async run<S, N extends string = string>(title: string, steps: readonly (Step<S, N> | NamedStep<S, N>)[], state: S, mainSteps = steps.length): Promise<S> {
    return Wizard.flow(title, (w) => w.run(steps, state, mainSteps));
  }

  /**
   * Runs steps in order; Back returns to the previous step that was shown, `{ goto: name }` to a named
   * step. Optional sub-steps after the first `mainSteps` keep the counter of the last main step (the menu
   * they return to).
   */
  async run<S, N extends string = string>(steps: readonly (Step<S, N> | NamedStep<S, N>)[], state: S, mainSteps = steps.length): Promise<S> {
    const names = steps.map((s) => (typeof s === 'function' ? undefined : s[0]));
    const fns = steps.map((s) => (typeof s === 'function' ? s : s[1]));
    const outer = { step: this.step, totalSteps: this.totalSteps, canGoBack: this.canGoBack };
    const history: number[] = [];
    try {
      let i = 0;
      while (i < fns.length) {
        this.step = Math.min(i + 1, mainSteps);
        this.totalSteps = mainSteps;
        this.canGoBack = history.length > 0;
        const r = await fns[i](this, state);
        if (r === 'back') {
          i = history.pop() ?? 0;
        } else if (r === 'done') {
          break;
        } else if (r === 'skip') {
          i++;
        } else {
          history.push(i);
          if (r === 'next') {
            i++;
          } else {
            const to = names.indexOf(r.goto);
            if (to < 0) {
              throw new Error(`No step named ${r.goto}`);
            }
            i = to;
          }
        }
      }
    } finally {
      Object.assign(this, outer);
    }
    return state;
  }

  /** Closes the input on screen (the flow is over). */
  close(): void {
    this.closed = true;
    this.live = undefined;
    this.ahead.length = 0;
    this.retired.forEach((d) => d.dispose());
    this.retired = [];
    this.shown?.dispose();
    this.shown = undefined;
  }

  async input(opts: {
    prompt: string;
    value?: string;
    placeholder?: string;
    validate?: (v: string) => string | undefined;
    password?: boolean;
    /** Put the cursor after the value (to go on typing) instead of selecting it (to replace it). */
    cursorAtEnd?: boolean;
  }): Promise<string | Back> {
    this.throwIfClosed();
    const box = vscode.window.createInputBox();
    box.title = this.title;
    box.step = this.step || undefined;
    box.totalSteps = this.totalSteps || undefined;
    box.prompt = opts.prompt;
    box.placeholder = opts.placeholder;
    box.password = opts.password ?? false;
    box.ignoreFocusOut = true;
    box.buttons = this.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    // Text typed ahead replaces a selected value, or goes after one the cursor is behind.
    const typed = this.leadingText();
    const start = typed === undefined ? (opts.value ?? '') : opts.cursorAtEnd ? (opts.value ?? '') + typed : typed;
    box.value = start;
    const replaces = typed === undefined && !opts.cursorAtEnd && start !== '';
    if (!replaces) {
      box.valueSelection = [start.length, start.length];
    }
    const value = new TypedValue(box, start, replaces);
    const validate = (): void => {
      box.validationMessage = opts.validate?.(value.value());
    };
    if (start) {
      // An empty box shows its prompt; a complaint about emptiness waits until Enter.
      validate();
    }
    return new Promise<string | Back>((resolve, reject) => {
      const subs: vscode.Disposable[] = [];
      let settled = false;
      const accept = (): void => {
        const answer = value.value();
        const msg = opts.validate?.(answer);
        if (msg) {
          box.validationMessage = msg;
          return;
        }
        settled = true;
        this.answered(box, subs, box.value);
        resolve(answer);
      };
      subs.push(
        box.onDidChangeValue(() => validate()),
        box.onDidAccept(() => !settled && accept()),
        box.onDidTriggerButton((b) => {
          if (b === vscode.QuickInputButtons.Back && !settled) {
            settled = true;
            this.answered(box, subs, box.value);
            resolve(BACK);
          }
        }),
        box.onDidHide(() => {
          if (!settled) {
            settled = true;
            this.cancelled(box, subs);
            reject(new Cancelled());
          }
        }),
      );
      this.present(box, {
        late: (text) => {
          value.late(text);
          validate();
        },
        accept,
        cancel: () => box.hide(),
      });
    });
  }

  async pick<T>(opts: {
    placeholder: string;
    items: PickItem<T>[];
    active?: T;
    /** Lets the mentor type a value that is not in the list; it comes back as a new item. */
    allowNew?: (typed: string) => PickItem<T> | undefined;
    matchOnDescription?: boolean;
    matchOnDetail?: boolean;
    /** An item's button was pressed (a pencil, say); `true` ends the step with that item. */
    onItemButton?: (item: PickItem<T>, button: vscode.QuickInputButton) => boolean | void;
    /** Items that Enter does not take (a row that only explains why typed text is not valid). */
    inert?: (value: T) => boolean;
  }): Promise<T | Back> {
    const r = await this.pickInternal(opts, false);
    return r === BACK ? BACK : (r[0] as T);
  }

  async pickMany<T>(opts: {
    placeholder: string;
    items: PickItem<T>[];
    selected?: T[];
    allowNew?: (typed: string) => PickItem<T> | undefined;
    matchOnDescription?: boolean;
    matchOnDetail?: boolean;
    /** An item's button was pressed (a pencil, say); `true` ends the step with the ticks made so far. */
    onItemButton?: (item: PickItem<T>, button: vscode.QuickInputButton) => boolean | void;
  }): Promise<T[] | Back> {
    return this.pickInternal(opts, true);
  }

  /**
   * A question with a few answers, as a step of the same quick input (never a notification, which would
   * hand the keyboard back to the editor). The first answer is the default.
   */
  async confirm<T>(placeholder: string, answers: PickItem<T>[]): Promise<T | Back> {
    return this.pick({ placeholder, items: answers, active: answers[0]?.value });
  }

  /** A message in the flow, read and passed with Enter (or Back). */
  async notice(message: string, ok = vscode.l10n.t('OK')): Promise<void | Back> {
    const r = await this.pick({ placeholder: message, items: [{ label: `$(check) ${ok}`, value: true }] });
    return r === BACK ? BACK : undefined;
  }

  /**
   * Slow work behind a busy step: the quick input stays on screen (with the keyboard), says what is being
   * done, and Escape cancels it (the signal aborts, and the flow ends with Cancelled). Keys typed meanwhile
   * go to the next step.
   */
  async busy<T>(message: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.throwIfClosed();
    const qp = vscode.window.createQuickPick<PickItem<never>>();
    qp.title = this.title;
    qp.step = this.step || undefined;
    qp.totalSteps = this.totalSteps || undefined;
    qp.placeholder = message;
    qp.busy = true;
    qp.ignoreFocusOut = true;
    qp.items = [];
    const abort = new AbortController();
    let onHide: vscode.Disposable | undefined;
    const hidden = new Promise<never>((_resolve, reject) => {
      onHide = qp.onDidHide(() => {
        abort.abort();
        reject(new Cancelled());
      });
    });
    hidden.catch(() => undefined);
    // Shown as answered at once: keys typed meanwhile are kept for the step after it.
    this.present(qp, undefined);
    this.answered(qp, [], '');
    try {
      return await Promise.race([work(abort.signal), hidden]);
    } finally {
      onHide?.dispose();
      if (this.shown === qp) {
        qp.busy = false;
      }
    }
  }

  private pickInternal<T>(
    opts: {
      placeholder: string;
      items: PickItem<T>[];
      active?: T;
      selected?: T[];
      allowNew?: (typed: string) => PickItem<T> | undefined;
      matchOnDescription?: boolean;
      matchOnDetail?: boolean;
      onItemButton?: (item: PickItem<T>, button: vscode.QuickInputButton) => boolean | void;
      inert?: (value: T) => boolean;
    },
    many: boolean,
  ): Promise<T[] | Back> {
    this.throwIfClosed();
    const qp = vscode.window.createQuickPick<PickItem<T>>();
    qp.title = this.title;
    qp.step = this.step || undefined;
    qp.totalSteps = this.totalSteps || undefined;
    qp.placeholder = opts.placeholder;
    qp.canSelectMany = many;
    qp.ignoreFocusOut = true;
    qp.matchOnDescription = opts.matchOnDescription ?? true;
    qp.matchOnDetail = opts.matchOnDetail ?? false;
    qp.buttons = this.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    const items = [...opts.items];
    let typedItem: PickItem<T> | undefined;
    let typedRows: PickItem<T>[] = [];
    /** The list for a filter text: typed new entries first. */
    const refresh = (v: string): void => {
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
      typedItem = candidate && !exists ? { ...candidate, alwaysShow: true } : undefined;
      qp.items = typedItem ? [typedItem, ...items] : items;
    };
    qp.items = items;
    if (many && opts.selected) {
      qp.selectedItems = items.filter((i) => opts.selected?.includes(i.value));
    }
    // Text typed ahead is the filter it starts with.
    const typed = this.leadingText() ?? '';
    qp.value = typed;
    refresh(typed);
    if (!many) {
      const a = typed ? (typedItem ?? firstMatch(items, typed, qp.matchOnDescription, qp.matchOnDetail)) : items.find((i) => i.value === opts.active);
      if (a) {
        qp.activeItems = [a];
      }
    }
    const value = new TypedValue(qp, typed, false);
    return new Promise<T[] | Back>((resolve, reject) => {
      const subs: vscode.Disposable[] = [];
      let settled = false;
      const finish = (result: T[] | Back): void => {
        settled = true;
        this.answered(qp, subs, qp.value);
        resolve(result);
      };
      /** Enter: `known` when the filter on screen is all there is (no key typed ahead is still off screen). */
      const accept = (): void => {
        if (settled) {
          return;
        }
        const filter = value.value();
        const offScreen = filter !== qp.value;
        if (offScreen) {
          refresh(filter);
        }
        if (many) {
          const chosen = qp.selectedItems.filter((c) => !typedRows.includes(c)).map((c) => c.value);
          // Text typed in the filter counts as new entries ("a, b"), so Enter right after typing adds them.
          const entries = opts.allowNew
            ? filter
                .split(',')
                .map((v) => v.trim())
                .filter(Boolean)
                .map((v) => items.find((i) => i.label.toLowerCase() === v.toLowerCase()) ?? opts.allowNew?.(v))
                .filter((i): i is PickItem<T> => i !== undefined)
                .map((i) => i.value)
            : [];
          finish([...chosen, ...entries.filter((v) => !chosen.includes(v))]);
          return;
        }
        // With keys off screen, or Enter faster than the list could follow the filter, the match is made
        // here; a typed new value wins over an active row that does not match what was typed.
        const active = qp.activeItems[0] ?? qp.selectedItems[0];
        const activeMatches = active && filter.trim() ? !!firstMatch([active], filter, qp.matchOnDescription, qp.matchOnDetail) : !!active;
        const a = offScreen || !activeMatches ? (typedItem ?? (filter.trim() ? firstMatch(items, filter, qp.matchOnDescription, qp.matchOnDetail) : active)) : active;
        if (a && !opts.inert?.(a.value)) {
          finish([a.value]);
        }
      };
      subs.push(
        qp.onDidChangeValue((v) => refresh(v)),
        qp.onDidAccept(() => accept()),
        qp.onDidTriggerButton((b) => {
          if (b === vscode.QuickInputButtons.Back && !settled) {
            finish(BACK);
          }
        }),
        qp.onDidTriggerItemButton((e) => {
          if (!settled && opts.onItemButton?.(e.item, e.button) === true) {
            finish(many ? qp.selectedItems.filter((c) => !typedRows.includes(c)).map((c) => c.value) : [e.item.value]);
          }
        }),
        qp.onDidHide(() => {
          if (!settled) {
            settled = true;
            this.cancelled(qp, subs);
            reject(new Cancelled());
          }
        }),
      );
      this.present(qp, { late: (text) => value.late(text), accept, cancel: () => qp.hide() });
    });
  }

  // -------------------------------------------------------------------------------------------------

  private throwIfClosed(): void {
    if (this.closed) {
      // The flow was closed meanwhile (the command ended): show nothing.
      throw new Cancelled();
    }
  }

  /** Text typed ahead before the next input is made (then it is that input's starting value). */
  private leadingText(): string | undefined {
    let text: string | undefined;
    while (this.ahead[0]?.kind === 'text') {
      text = (text ?? '') + (this.ahead.shift() as { text: string }).text;
    }
    return text;
  }

  /**
   * Shows the next input in place of the one on screen: VS Code swaps them in the same widget without
   * hiding it, so the keyboard focus never leaves it. What was typed ahead after its text is replayed.
   */
  private present(input: vscode.QuickInput, live: Live | undefined): void {
    const previous = this.shown;
    this.shown = input;
    this.live = live;
    input.show();
    if (previous) {
      this.retired.push(previous);
    }
    this.replay();
  }

  /** Feeds what was typed ahead to the live input, until it is answered (the rest waits for the next). */
  private replay(): void {
    while (this.live && this.ahead.length > 0) {
      const token = this.ahead.shift() as Token;
      const live = this.live;
      if (token.kind === 'text') {
        live.late(token.text);
      } else if (token.kind === 'enter') {
        live.accept();
      } else {
        live.cancel();
      }
    }
  }

  private feed(token: Token): void {
    this.ahead.push(token);
    this.replay();
  }

  /**
   * A step was answered: its own listeners go, but its input stays on screen until the next is shown.
   * Keys typed into it meanwhile are kept (`accepted` is the value it was answered with).
   */
  private answered(input: Answerable, subs: vscode.Disposable[], accepted: string): void {
    subs.forEach((d) => d.dispose());
    subs.length = 0;
    if (this.shown !== input) {
      return;
    }
    this.live = undefined;
    let seen = accepted;
    this.retired.push(
      input.onDidChangeValue((v) => {
        if (v.startsWith(seen) && v.length > seen.length) {
          this.feed({ kind: 'text', text: v.slice(seen.length) });
        }
        seen = v;
      }),
      input.onDidAccept(() => this.feed({ kind: 'enter' })),
      input.onDidHide(() => {
        // Escape on an answered step still on screen ends the flow (when the next one replaces it, VS Code
        // hides it too; that is no Escape).
        if (this.shown === input) {
          this.feed({ kind: 'escape' });
        }
      }),
    );
  }

  private cancelled(input: vscode.QuickInput, subs: vscode.Disposable[]): void {
    subs.forEach((d) => d.dispose());
    if (this.shown === input) {
      this.live = undefined;
      this.shown = undefined;
      this.ahead.length = 0;
    }
    input.dispose();
  }
}

/** The first item whose label (without icons), or description, or detail holds every typed word. */
function firstMatch<T>(items: readonly PickItem<T>[], typed: string, description: boolean, detail: boolean): PickItem<T> | undefined {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  const text = (i: PickItem<T>): string =>
    [i.label.replace(/\$\([a-z0-9-~]+\)/g, ''), description ? (i.description ?? '') : '', detail ? (i.detail ?? '') : ''].join(' ').toLowerCase();
  return items.find((i) => i.kind !== vscode.QuickPickItemKind.Separator && words.every((w) => text(i).includes(w)));
}

export function isBack(v: unknown): v is Back {
  return v === BACK;
}
