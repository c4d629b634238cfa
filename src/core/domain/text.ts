/** Small text helpers shared by every renderer: placeholders and one-line excerpts. */

/**
 * Fills {0}, {1}… in a template (a plain scan: this runs for every row of a large tree). A placeholder
 * without an argument is left as it is, so a missing value shows instead of silently disappearing.
 */
export function fill(template: string, ...args: (string | number)[]): string {
  let out = '';
  let from = 0;
  for (let i = template.indexOf('{', from); i >= 0; i = template.indexOf('{', from)) {
    const close = template.indexOf('}', i);
    const n = close > i + 1 && close - i <= 3 ? Number(template.slice(i + 1, close)) : NaN;
    if (Number.isInteger(n) && args[n] !== undefined) {
      out += template.slice(from, i) + String(args[n]);
      from = close + 1;
    } else {
      out += template.slice(from, i + 1);
      from = i + 1;
    }
  }
  return out + template.slice(from);
}

/** The text on one line, cut to `max` characters with an ellipsis. */
export function firstWords(text: string, max = 48): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1).trimEnd() + '…' : one;
}

/**
 * Counts in messages: the message for exactly one, or the one for every other number. Both are given
 * (translated) by the caller — `plural(n, t('{0} win', n), t('{0} wins', n))`; English and Dutch have
 * these two forms.
 */
export function plural<T>(n: number, one: T, many: T): T {
  return n === 1 ? one : many;
}

/** The first word of a name, as the mentor calls the mentee ("2 topics from Ana"). */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}
