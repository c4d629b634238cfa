/** What earlier sessions suggest for the next one: its usual length, the topics that keep coming up. */
import type { Mentee } from './model';

/** The length of the latest session that has one: the default for the next. */
export function lastDuration(m: Mentee | undefined): number | undefined {
  const withDuration = (m?.sessions ?? []).filter((s) => typeof s.duration === 'number').sort((a, b) => (a.date < b.date ? 1 : -1));
  return withDuration[0]?.duration;
}

/** Topics of earlier sessions, the most frequent first. */
export function earlierTopics(m: Mentee | undefined): string[] {
  const counts = new Map<string, number>();
  for (const s of m?.sessions ?? []) {
    for (const topic of s.topics ?? []) {
      counts.set(topic, (counts.get(topic) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k]) => k);
}
