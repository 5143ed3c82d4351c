import { useEffect } from 'react';

/** A text as a CSS string literal: quotes, backslashes and line breaks escaped, control characters dropped. */
export function cssString(text: string): string {
  const escaped = [...text]
    .map((char) => {
      if (char === '\\' || char === '"') return `\\${char}`;
      if (char === '\n' || char === '\r') return ' ';
      return char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f ? '' : char;
    })
    .join('');
  return `"${escaped}"`;
}

/**
 * Puts `left` and `right` in the top margin of every printed page while the screen is shown. Page margin boxes take
 * only text written in CSS, so the rule is made for this pack and removed when the screen goes; browsers without
 * margin boxes (before Chromium 131) print without it.
 */
export function usePrintedPageHeader(left: string, right: string): void {
  useEffect(() => {
    const style = document.createElement('style');
    style.dataset.printedPageHeader = '';
    style.textContent = `@page {
  @top-left { content: ${cssString(left)}; font: 8.5pt Arial, sans-serif; vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: ${cssString(right)}; font: 8.5pt Arial, sans-serif; vertical-align: bottom; padding-bottom: 3mm; }
}`;
    document.head.append(style);
    return () => style.remove();
  }, [left, right]);
}
