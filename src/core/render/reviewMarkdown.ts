/**
 * Feedback and review replies as Markdown that reads like the review it came from, and is safe to show:
 * code spans and fenced blocks stay code; a GitHub or GitLab suggestion block becomes a labelled code
 * block; raw HTML is shown as text (`<img>`, `<script>` and the like do nothing); a link keeps its text
 * and works only when it is http(s) or mailto (`command:`, `javascript:`, `file:` are text); an image is
 * never fetched — it becomes a link to where it is. The result is meant for a MarkdownString that is not
 * trusted and does not allow HTML, which VS Code also enforces: this is the second lock.
 */

export interface ReviewMarkdownStrings {
  /** The label above a suggestion block. */
  suggestion: string;
  /** An image's link text when it has no alt text. */
  image: string;
}

export const ENGLISH_REVIEW_MARKDOWN: ReviewMarkdownStrings = { suggestion: 'Suggested change:', image: 'image' };

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** Escapes what Markdown or HTML would act on in plain text (outside code). */
function escapeInline(text: string): string {
  return text.replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
}

/** Links and images of a line of prose (outside code spans), made safe. */
function safeLinks(text: string, s: ReviewMarkdownStrings): string {
  // Images first: ![alt](url) never loads; it becomes a link to the image (when the address is safe).
  let out = text.replace(/!\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g, (_m, alt: string, url: string) => {
    const label = alt.trim() || s.image;
    return SAFE_URL.test(url) ? `[${label}](${url})` : label;
  });
  // Links: kept when http(s) or mailto, else their text alone.
  out = out.replace(/(?<!!)\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g, (m, label: string, url: string) => (SAFE_URL.test(url) ? m : label));
  // Autolinks <url> were turned into &lt;url&gt; by the escape; a bare safe URL is linked by VS Code itself.
  return out;
}

/** A line of prose: HTML escaped, links and images made safe, code spans left as they are; a quote stays a quote. */
function prose(line: string, s: ReviewMarkdownStrings): string {
  const quote = /^(\s*(?:>\s?)+)/.exec(line)?.[1] ?? '';
  const parts = line.slice(quote.length).split(/(`+[^`]*`+)/);
  return quote + parts.map((p, i) => (i % 2 === 1 ? p : safeLinks(escapeInline(p), s))).join('');
}

export function reviewMarkdown(text: string, s: ReviewMarkdownStrings = ENGLISH_REVIEW_MARKDOWN): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let fence: { marker: string; suggestion: boolean } | undefined;
  for (const line of lines) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)\s*$/.exec(line);
    if (!fence && open) {
      const suggestion = open[3].toLowerCase() === 'suggestion';
      fence = { marker: open[2], suggestion };
      if (suggestion) {
        out.push(`*${s.suggestion}*`, '', `${open[1]}${open[2]}`);
      } else {
        out.push(line);
      }
      continue;
    }
    if (fence) {
      if (line.trim().startsWith(fence.marker) && line.trim().replace(/[`~]/g, '') === '') {
        fence = undefined;
      }
      out.push(line);
      continue;
    }
    out.push(prose(line, s));
  }
  if (fence) {
    out.push(fence.marker); // an unclosed block ends with the comment
  }
  return out.join('\n');
}

/**
 * A review comment as one line of plain text, for a list row (the dashboard, a report's summary line): a
 * suggestion block becomes "Suggested change: <its first line>", another code block its first line, and
 * the rest is joined with spaces. The caller escapes it.
 */
export function reviewPlainLine(text: string, s: ReviewMarkdownStrings = ENGLISH_REVIEW_MARKDOWN): string {
  const out: string[] = [];
  let fence: { marker: string; suggestion: boolean; first: boolean } | undefined;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const open = /^\s*(`{3,}|~{3,})\s*([\w+-]*)\s*$/.exec(line);
    if (!fence && open) {
      fence = { marker: open[1], suggestion: open[2].toLowerCase() === 'suggestion', first: true };
      continue;
    }
    if (fence) {
      if (line.trim().startsWith(fence.marker) && line.trim().replace(/[`~]/g, '') === '') {
        fence = undefined;
      } else if (fence.first && line.trim()) {
        out.push(fence.suggestion ? `${s.suggestion} \`${line.trim()}\`` : `\`${line.trim()}\``);
        fence.first = false;
      }
      continue;
    }
    if (line.trim()) {
      out.push(line.trim());
    }
  }
  return out.join(' ');
}
