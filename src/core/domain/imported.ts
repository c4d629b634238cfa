/**
 * The identity of feedback imported from a code host: provider, host and the host's id of the comment
 * (ids are unique per host). One definition, for the import's plan (what is new) and for the write (what
 * is in the file already, imported meanwhile from another window).
 */
import type { Feedback, FeedbackSource } from './model';

export function sourceKey(provider: FeedbackSource['provider'], host: string, id: string): string {
  return `${provider}:${host.toLowerCase()}:${id}`;
}

function hostOfUrl(url: string | number | undefined): string {
  try {
    return typeof url === 'string' ? new URL(url).host : '';
  } catch {
    return '';
  }
}

/** The key of an entry's source: its comment link's host, else its review link's. */
export function sourceKeyOf(f: Pick<Feedback, 'source' | 'review'>): string | undefined {
  return f.source ? sourceKey(f.source.provider, hostOfUrl(f.source.url) || hostOfUrl(f.review), f.source.id) : undefined;
}

/** Keys of the feedback that came from imports, to skip them next time. */
export function importedKeys(existing: readonly Pick<Feedback, 'source' | 'review'>[]): Set<string> {
  const out = new Set<string>();
  for (const f of existing) {
    const k = sourceKeyOf(f);
    if (k) {
      out.add(k);
    }
  }
  return out;
}
