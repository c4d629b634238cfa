/**
 * Messages between the dashboard webview and the extension. Both sides import this file; anything that
 * arrives is `unknown` until `parseFromWebview` accepts it.
 */

export const DASHBOARD_VIEW_TYPE = 'mentorship.dashboard';

export type DashboardAction = 'logSession' | 'addGoal' | 'openYaml' | 'checkIn' | 'openFeedback' | 'importReviews';

export type FromWebview =
  | { type: 'ready' }
  | { type: 'action'; action: DashboardAction; id?: string }
  | { type: 'rendered'; ms: number };

/** `path` is kept by the page (setState) so the panel can be restored after a reload. */
export type ToWebview = { type: 'render'; html: string; rendered: number; path: string };

const ACTIONS: readonly DashboardAction[] = ['logSession', 'addGoal', 'openYaml', 'checkIn', 'openFeedback', 'importReviews'];
const ID_RE = /^[\p{L}\p{N}._:-]{1,200}$/u;

/** Accepts only well-formed messages; ids must look like ids (they are looked up, never executed). */
export function parseFromWebview(msg: unknown): FromWebview | undefined {
  if (typeof msg !== 'object' || msg === null) {
    return undefined;
  }
  const m = msg as Record<string, unknown>;
  if (m.type === 'ready' && Object.keys(m).length === 1) {
    return { type: 'ready' };
  }
  if (m.type === 'rendered' && typeof m.ms === 'number' && Number.isFinite(m.ms) && m.ms >= 0) {
    return { type: 'rendered', ms: m.ms };
  }
  if (m.type === 'action' && typeof m.action === 'string' && (ACTIONS as readonly string[]).includes(m.action)) {
    const action = m.action as DashboardAction;
    const needsId = action === 'checkIn' || action === 'openFeedback';
    if (needsId) {
      return typeof m.id === 'string' && ID_RE.test(m.id) ? { type: 'action', action, id: m.id } : undefined;
    }
    return m.id === undefined ? { type: 'action', action } : undefined;
  }
  return undefined;
}
