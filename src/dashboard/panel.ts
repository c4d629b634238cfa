/** Dashboard panels, one per mentee: render on every store change, act on validated messages. */
import * as vscode from 'vscode';
import { entryArg } from '../kit/args';
import type { Deps, Flows } from '../kit/command';
import { resolveMentee } from '../kit/mentees';
import { Wizard } from '../kit/wizard';
import { ENGLISH_DASHBOARD_STRINGS, renderDashboardBody } from '../core/render/dashboardHtml';
import type { DashboardStrings } from '../core/render/dashboardHtml';
import { todayOf } from '../core/domain/dates';
import { dashboardStats } from '../core/domain/stats';
import { translateTable } from '../kit/l10nTable';
import { DASHBOARD_VIEW_TYPE, parseFromWebview } from './protocol';
import type { ToWebview } from './protocol';

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) {
    s += chars.charAt(Math.floor(Math.random() * chars.length));
  }
  return s;
}

export function dashboardStrings(): DashboardStrings {
  return translateTable(ENGLISH_DASHBOARD_STRINGS);
}

interface PanelState {
  panel: vscode.WebviewPanel;
  path: string;
  ready: boolean;
  pending?: ToWebview;
}

export class DashboardManager implements vscode.Disposable {
  private readonly panels = new Map<string, PanelState>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly media: vscode.Uri;
  constructor(private readonly deps: Deps) {
    this.media = vscode.Uri.joinPath(deps.context.extensionUri, 'media');
    this.disposables.push(
      deps.ws.onDidChange((e) => {
        const mentorChanged = e.paths.some((p) => p.endsWith('/mentor.yaml'));
        for (const st of this.panels.values()) {
          if (mentorChanged || e.paths.includes(st.path)) {
            this.render(st);
          }
        }
      }),
    );
  }

  show(path: string): void {
    const existing = this.panels.get(path);
    if (existing) {
      existing.panel.reveal(undefined, false);
      this.render(existing);
      return;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, this.title(path), vscode.ViewColumn.Active, this.options());
    this.attach(panel, path);
  }

  restore(panel: vscode.WebviewPanel, path: string | undefined): void {
    if (!path || !this.deps.ws.store?.file(path)) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.options();
    this.attach(panel, path);
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [this.media] };
  }

  private title(path: string): string {
    const name = this.deps.ws.store?.file(path)?.data?.name ?? path.slice(path.lastIndexOf('/') + 1);
    return vscode.l10n.t('Mentorship: {0}', name);
  }

  private attach(panel: vscode.WebviewPanel, path: string): void {
    const st: PanelState = { panel, path, ready: false };
    this.panels.set(path, st);
    panel.iconPath = vscode.Uri.joinPath(this.media, 'mentorship.svg');
    panel.webview.html = this.shell(panel.webview);
    const subs: vscode.Disposable[] = [
      panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(st, raw)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && !st.ready) {
          this.render(st);
        }
      }),
    ];
    panel.onDidDispose(() => {
      subs.forEach((d) => d.dispose());
      if (this.panels.get(path) === st) {
        this.panels.delete(path);
      }
    });
    this.render(st);
  }

  private shell(webview: vscode.Webview): string {
    const n = nonce();
    const uri = (f: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.media, f)).toString();
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} data:`,
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${n}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${uri('codicons/codicon.css')}" rel="stylesheet">
<link href="${uri('dashboard.css')}" rel="stylesheet">
<title>Mentorship</title>
</head>
<body>
<main id="root" aria-busy="true" aria-live="polite"><p class="empty">${vscode.l10n.t('Loading…')}</p></main>
<script nonce="${n}" src="${uri('dashboard.js')}"></script>
</body>
</html>`;
  }

  private render(st: PanelState): void {
    const store = this.deps.ws.store;
    const f = store?.file(st.path);
    st.panel.title = this.title(st.path);
    let html: string;
    if (!f) {
      html = `<p class="empty">${escapeText(vscode.l10n.t('This mentee file is gone.'))}</p>`;
    } else if (!f.data) {
      const p = f.problems[0];
      html = `<p class="warn">${escapeText(vscode.l10n.t('{0} cannot be read: line {1}: {2}', `${f.slug}.yaml`, p?.line ?? 1, p?.message ?? ''))}</p>`;
    } else {
      const today = todayOf(new Date());
      html = renderDashboardBody(f.data, dashboardStats(f.data, today), store?.mentor?.data, dashboardStrings());
    }
    const msg: ToWebview = { type: 'render', html, rendered: Date.now(), path: st.path };
    if (st.ready) {
      void st.panel.webview.postMessage(msg);
    } else {
      st.pending = msg;
    }
  }

  private onMessage(st: PanelState, raw: unknown): void {
    const msg = parseFromWebview(raw);
    if (!msg) {
      this.deps.log.warn(`Dashboard: ignored a malformed message ${safeJson(raw)}`);
      return;
    }
    if (msg.type === 'ready') {
      st.ready = true;
      if (st.pending) {
        void st.panel.webview.postMessage(st.pending);
        st.pending = undefined;
      } else {
        this.render(st);
      }
      return;
    }
    if (msg.type === 'rendered') {
      this.deps.log.info(`dashboard_render_ms=${msg.ms.toFixed(1)} (${st.path.slice(st.path.lastIndexOf('/') + 1)})`);
      return;
    }
    const f = this.deps.ws.store?.file(st.path);
    const m = f?.data;
    if (!m) {
      return;
    }
    const path = st.path;
    switch (msg.action) {
      case 'logSession':
        void vscode.commands.executeCommand('mentorship.logSession', path);
        return;
      case 'addGoal':
        void vscode.commands.executeCommand('mentorship.addGoal', entryArg('mentee', path));
        return;
      case 'importReviews':
        void vscode.commands.executeCommand('mentorship.importReviewComments', entryArg('mentee', path));
        return;
      case 'openYaml':
        void vscode.commands.executeCommand('mentorship.revealInYaml', entryArg('mentee', path));
        return;
      case 'checkIn':
        if (m.goals.some((g) => g.id === msg.id)) {
          void vscode.commands.executeCommand('mentorship.checkInGoal', entryArg('goal', path, msg.id));
        }
        return;
      case 'openFeedback':
        if (m.feedback.some((x) => x.id === msg.id)) {
          void vscode.commands.executeCommand('mentorship.goToFeedback', entryArg('feedback', path, msg.id));
        }
        return;
    }
  }

  dispose(): void {
    for (const st of this.panels.values()) {
      st.panel.dispose();
    }
    this.panels.clear();
    this.disposables.forEach((d) => d.dispose());
  }
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v).slice(0, 200);
  } catch {
    return String(v).slice(0, 200);
  }
}

let instance: DashboardManager | undefined;

/** The one manager of dashboard panels (a panel per mentee), made the first time it is needed. */
export function manager(deps: Deps): DashboardManager {
  if (!instance) {
    instance = new DashboardManager(deps);
    deps.context.subscriptions.push(instance, { dispose: () => (instance = undefined) });
  }
  return instance;
}

export const FLOWS: Flows = {
  'mentorship.openDashboard': async (deps, arg) => {
    const f = await Wizard.flow(vscode.l10n.t('Open Dashboard'), (w) => resolveMentee(deps, arg, w, vscode.l10n.t('Open the dashboard of…')));
    manager(deps).show(f.path);
  },
};
