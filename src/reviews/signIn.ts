/**
 * Signing in to a code host for the import, and to which origin each token may go:
 * - github.com: GH_TOKEN / GITHUB_TOKEN (as gh reads them), else VS Code's GitHub account;
 * - GitHub Enterprise: GH_ENTERPRISE_TOKEN / GITHUB_ENTERPRISE_TOKEN, else VS Code's GitHub Enterprise
 *   account, and that account only for the server it belongs to (`github-enterprise.uri`);
 * - GitLab: GITLAB_TOKEN, else a token the mentor typed for that API's origin, kept in SecretStorage
 *   under that origin.
 * The token then goes only to the API base's origin (the HTTP path refuses every other).
 */
import * as vscode from 'vscode';
import type { RequestRef } from '../core/reviews/model';
import type { Deps } from '../kit/command';
import { UserFacingError } from '../kit/errors';
import { isBack } from '../kit/wizard';
import type { Wizard } from '../kit/wizard';

const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

/** The key of a GitLab token: the origin it is sent to. */
function secretKey(base: string): string {
  return `mentorship.gitlab.token:${new URL(base).origin.toLowerCase()}`;
}

/** Tokens kept before they were keyed by origin: by host, for the host's own API. */
function legacyKey(host: string): string {
  return `mentorship.gitlab.token:${host.toLowerCase()}`;
}

function env(name: string): string | undefined {
  const v = typeof process === 'object' ? process.env[name] : undefined;
  return v && v.trim() ? v.trim() : undefined;
}

function hostOf(url: string): string {
  return new URL(url).host;
}

/** The host of the GitHub Enterprise server VS Code's GitHub Enterprise account belongs to. */
function enterpriseHost(): string | undefined {
  const uri = vscode.workspace.getConfiguration('github-enterprise').get<string>('uri');
  try {
    return uri ? new URL(uri).host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

export interface SignInOptions {
  /** Ask for a GitLab token when none is known (a step of the flow's wizard). Listing never asks. */
  wizard?: Wizard;
}

/**
 * The token for reading `ref` through the API at `base`; undefined where none is known and none may be
 * asked for. Refuses, saying why, to hand a token to another server than the one it belongs to.
 */
export async function tokenFor(deps: Deps, ref: Pick<RequestRef, 'provider' | 'host'>, base: string, opts: SignInOptions = {}): Promise<string | undefined> {
  const target = hostOf(base);
  if (ref.provider === 'github') {
    const publicApi = target === 'api.github.com';
    // gh's convention: GH_TOKEN first, then GITHUB_TOKEN (code-server, for one, keeps GITHUB_TOKEN to itself);
    // GH_ENTERPRISE_TOKEN for a GitHub Enterprise server.
    const fromEnv = publicApi || ref.host === 'github.com' ? (env('GH_TOKEN') ?? env('GITHUB_TOKEN')) : (env('GH_ENTERPRISE_TOKEN') ?? env('GITHUB_ENTERPRISE_TOKEN'));
    if (fromEnv) {
      return fromEnv;
    }
    if (!publicApi) {
      const own = enterpriseHost();
      if (!own || (own !== target.toLowerCase() && own !== ref.host.toLowerCase())) {
        if (!opts.wizard) {
          return undefined;
        }
        throw new UserFacingError(
          own
            ? t('{0} is not your GitHub Enterprise server ({1}, from the setting github-enterprise.uri): your sign-in was not sent there, and nothing was imported.', target, own)
            : t('To import from {0}, set github-enterprise.uri to it in your settings, or set GH_ENTERPRISE_TOKEN; nothing was sent there.', target),
        );
      }
    }
    const provider = publicApi ? 'github' : 'github-enterprise';
    try {
      const session = await vscode.authentication.getSession(provider, ['repo'], opts.wizard ? { createIfNone: true } : { silent: true });
      return session?.accessToken;
    } catch (e) {
      throw new UserFacingError(t('Signing in to {0} did not work ({1}); nothing was imported.', ref.host, e instanceof Error ? e.message : String(e)));
    }
  }
  const fromEnv = env('GITLAB_TOKEN');
  if (fromEnv) {
    return fromEnv;
  }
  const stored = (await deps.context.secrets.get(secretKey(base))) ?? (new URL(base).host === ref.host ? await deps.context.secrets.get(legacyKey(ref.host)) : undefined);
  if (stored || !opts.wizard) {
    return stored;
  }
  const typed = await opts.wizard.input({
    prompt: t("A GitLab personal access token with the read_api scope. It is kept in VS Code's secret storage and sent only to {0}.", target),
    password: true,
    validate: (v) => (v.trim() ? undefined : t('Paste the token, or press Escape to cancel.')),
  });
  if (isBack(typed)) {
    return undefined;
  }
  await deps.context.secrets.store(secretKey(base), typed.trim());
  return typed.trim();
}

/** Forgets a GitLab token that was not accepted, so it is asked for again next time. */
export async function forgetRejectedToken(deps: Deps, ref: Pick<RequestRef, 'host'>, base: string): Promise<void> {
  if (!env('GITLAB_TOKEN')) {
    await deps.context.secrets.delete(secretKey(base));
    await deps.context.secrets.delete(legacyKey(ref.host));
  }
}

export async function forgetGitLabTokens(deps: Deps, w: Wizard): Promise<void> {
  const host = await w.input({ prompt: t('Forget the GitLab token of which host? (for example gitlab.com)'), value: 'gitlab.com' });
  if (isBack(host) || !host.trim()) {
    return;
  }
  const h = host.trim().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  await deps.context.secrets.delete(legacyKey(h));
  await deps.context.secrets.delete(secretKey(`https://${h}`));
  await deps.context.secrets.delete(secretKey(`http://${h}`));
  void vscode.window.showInformationMessage(t('The token for {0} is forgotten.', h));
}
