import type { Response } from 'express';

/**
 * The one inline style GraphiQL writes: react-remove-scroll-bar (under its Radix dialogs: settings,
 * shortcuts) puts a <style> in the head while a dialog is open. Its text depends only on the width of
 * the page's scrollbar and the body's margins, which ide.css keeps at 0, so it is always the same
 * text; this is the hash of that text. The browser test opens a dialog and fails on any violation, so
 * a GraphiQL upgrade that changes the text is caught there.
 */
const DIALOG_SCROLL_LOCK_STYLE = "'sha256-Y/huXlwoYkVyQlxwSVcCi1RCDGDCSVBzDt0hYP9qlTc='";

/**
 * The IDE page loads only its own scripts, styles and API, all served by the app: no inline script,
 * no inline style but the one above (the page's own style is the file ide.css), no other origin, no
 * framing. GraphiQL's stylesheet embeds its fonts and a few icons as `data:` URLs, which font-src and
 * img-src allow (as does the page's empty `data:` icon): such a URL shows a glyph or a picture, it
 * never runs code.
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${DIALOG_SCROLL_LOCK_STYLE}`,
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers of the IDE page: its policy, and no sniffing, referrer or framing. */
export function setIdeHeaders(response: Response): void {
  response.setHeader('Content-Security-Policy', IDE_CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}
