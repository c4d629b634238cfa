/**
 * The dashboard page script. It renders what the extension sends (HTML built and escaped there), sends
 * clicks on [data-action] elements as typed messages, and remembers the scroll position across reloads.
 */
import type { FromWebview, ToWebview } from '../dashboard/protocol';

interface VsCodeApi {
  postMessage(msg: FromWebview): void;
  getState(): PageState | undefined;
  setState(s: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What survives a reload: which mentee this page shows, and where it was scrolled to. */
interface PageState {
  path?: string;
  scrollY?: number;
}

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;

function isRender(m: unknown): m is ToWebview {
  return typeof m === 'object' && m !== null && (m as ToWebview).type === 'render' && typeof (m as ToWebview).html === 'string';
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isRender(msg)) {
    return;
  }
  const t0 = performance.now();
  const first = root.dataset.rendered !== 'true';
  root.innerHTML = msg.html;
  if (typeof msg.path === 'string') {
    vscode.setState({ ...vscode.getState(), path: msg.path });
  }
  root.dataset.rendered = 'true';
  root.setAttribute('aria-busy', 'false');
  // Force layout so the figure includes it, then report after the frame is painted.
  void root.offsetHeight;
  requestAnimationFrame(() => {
    const ms = performance.now() - t0;
    performance.mark('mentorship-rendered');
    document.body.dataset.renderMs = ms.toFixed(1);
    vscode.postMessage({ type: 'rendered', ms });
    if (first) {
      const y = vscode.getState()?.scrollY;
      if (typeof y === 'number') {
        window.scrollTo(0, y);
      }
    }
  });
});

document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest('[data-action]');
  if (!(target instanceof HTMLElement)) {
    return;
  }
  const action = target.dataset.action;
  const id = target.dataset.id;
  if (action === 'checkIn' || action === 'openFeedback') {
    if (id) {
      vscode.postMessage({ type: 'action', action, id });
    }
  } else if (action === 'logSession' || action === 'addGoal' || action === 'openYaml' || action === 'importReviews') {
    vscode.postMessage({ type: 'action', action });
  }
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  if (scrollTimer) {
    clearTimeout(scrollTimer);
  }
  scrollTimer = setTimeout(() => vscode.setState({ ...vscode.getState(), scrollY: window.scrollY }), 150);
});

vscode.postMessage({ type: 'ready' });
