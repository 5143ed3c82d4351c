/**
 * Word puts lists on the clipboard as paragraphs styled `mso-list` with a typed bullet or number in front, and uses
 * heading levels the narrative schema does not have. This turns them into real lists and headings the schema keeps.
 * Anything else unwanted (scripts, styles, event handlers) is dropped later by the schema's own parse rules.
 */
export function cleanPastedHtml(html: string): string {
  if (!/mso-list|<h[156][\s>]/i.test(html)) return html;
  const document = new DOMParser().parseFromString(html, 'text/html');
  convertWordLists(document);
  for (const [from, to] of [
    ['h1', 'h2'],
    ['h5', 'h4'],
    ['h6', 'h4'],
  ] as const) {
    for (const heading of Array.from(document.body.querySelectorAll(from))) renameElement(heading, to);
  }
  return document.body.innerHTML;
}

const orderedMarker = /^\(?([0-9]{1,3}|[a-z]{1,3}|[ivxlc]{1,6})[.)]/i;

function isWordListParagraph(element: Element): boolean {
  return element.tagName === 'P' && /mso-list:\s*l\d/i.test(element.getAttribute('style') ?? '');
}

function convertWordLists(document: Document): void {
  const paragraphs = Array.from(document.body.querySelectorAll('p')).filter(isWordListParagraph);
  let list: HTMLElement | null = null;
  for (const paragraph of paragraphs) {
    const markerElement = paragraph.querySelector(
      'span[style*="mso-list:Ignore" i], span[style*="mso-list: Ignore" i]',
    );
    const marker = (markerElement?.textContent ?? '').replace(/\u00a0/g, ' ').trim();
    markerElement?.remove();
    const ordered = orderedMarker.test(marker);
    const continues = list !== null && list.nextElementSibling === paragraph && (list.tagName === 'OL') === ordered;
    if (!continues) {
      list = document.createElement(ordered ? 'ol' : 'ul');
      paragraph.before(list);
    }
    const item = document.createElement('li');
    const content = document.createElement('p');
    content.append(...Array.from(paragraph.childNodes));
    item.append(content);
    list!.append(item);
    paragraph.remove();
  }
}

function renameElement(element: Element, tagName: string): void {
  const replacement = element.ownerDocument.createElement(tagName);
  replacement.append(...Array.from(element.childNodes));
  element.replaceWith(replacement);
}
