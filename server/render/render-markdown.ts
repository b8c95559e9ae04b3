/**
 * Collection narratives are Markdown written by curators. They are rendered, then sanitised with
 * an allow-list, so a narrative can format text and link out but never inject script, styles,
 * frames or event handlers into a page.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const markdown = new Marked({
  gfm: true,
  // The page's own title is the only h1: narrative headings start at h2.
  walkTokens(token) {
    if (token.type === 'heading' && token.depth < 2) token.depth = 2;
  },
});

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'blockquote', 'em', 'strong', 'del', 'code', 'pre', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/** Safe HTML for `source`, ready for a triple-stash. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.parse(source, { async: false }), ALLOWED);
}
