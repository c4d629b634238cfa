/**
 * A small tag scanner for tests: counts elements and lists attributes of an HTML string the way a
 * browser tokenizer would see them (quoted and unquoted attribute values). Enough to prove that no
 * element or attribute was injected; the real-browser check is in the e2e suite.
 */
export interface Fragment {
  count(tag: string): number;
  attributes(): { name: string; value: string }[];
  text(): string;
}

export function parseFragment(html: string): Fragment {
  const tags: { name: string; attrs: { name: string; value: string }[] }[] = [];
  const tagRe = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
  const attrRe = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of html.matchAll(tagRe)) {
    const attrs = [...(m[2] ?? '').matchAll(attrRe)].map((a) => ({ name: a[1].toLowerCase(), value: decode(a[2] ?? a[3] ?? a[4] ?? '') }));
    tags.push({ name: m[1].toLowerCase(), attrs });
  }
  return {
    count: (tag) => tags.filter((t) => t.name === tag).length,
    attributes: () => tags.flatMap((t) => t.attrs),
    text: () => decode(html.replace(/<[^>]*>/g, '')),
  };
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
