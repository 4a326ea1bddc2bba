import type { Response } from 'express';

/**
 * Only the app's own script, styles and API: no inline script or style, no other origin, no framing.
 * Charts are SVG built with DOM calls, which style-src does not govern; `data:` is for no image.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function setDashboardHeaders(response: Response): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  // Small files: revalidated each load (ETag), so a rebuilt dashboard shows at once.
  response.setHeader('Cache-Control', 'no-cache');
}
