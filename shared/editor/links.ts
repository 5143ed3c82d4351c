/** The only link protocols the editor keeps: anything else (javascript:, data:, vbscript:, file:) is dropped. */
export const safeLinkProtocols: readonly string[] = ['http:', 'https:', 'mailto:'];

/**
 * Whether a link target is safe to keep and show. It must be an absolute URL with a safe protocol; the URL parser
 * strips the tabs, newlines and control characters that tricks like `java\tscript:` rely on before we check.
 */
export function isSafeLinkUrl(href: string): boolean {
  if (href.length > 2_000) return false;
  try {
    return safeLinkProtocols.includes(new URL(href.trim()).protocol);
  } catch {
    return false;
  }
}
