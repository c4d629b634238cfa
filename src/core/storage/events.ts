/** A minimal event emitter with the same shape as VS Code's, usable without `vscode`. */
export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (e: T) => void;

export class Emitter<T> implements Disposable {
  private listeners = new Set<Listener<T>>();

  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(e: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (err) {
        // A failing listener must not stop the others, nor the store that fired.
        console.error('[mentorship] listener failed', err);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
