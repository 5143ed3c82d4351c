import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { narrativeFragment, narrativeKey } from '../../../shared/model/narratives/index.ts';
import { exportNeedsAssessmentHtml } from '../../../server/needsAssessment/exportNeedsAssessment.ts';
import { narrativeHtml, sanitiseNarrativeHtml } from '../../../server/needsAssessment/narrativeHtml.ts';

const safeKey = narrativeKey({ kind: 'domain', domain: 'safe' });

/** A paragraph as the editor stores it, with optional hostile attributes a forged client could add. */
function paragraph(words: string, attributes: Record<string, string> = {}, marks: object = {}): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const text = new Y.XmlText();
  element.insert(0, [text]);
  text.insert(0, words, marks);
  return element;
}

describe('the needs assessment export', () => {
  it('renders headings, lists, tables and safe links from the narrative', () => {
    const doc = new Y.Doc();
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 3 as unknown as string);
    heading.insert(0, [new Y.XmlText('Housing')]);
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    item.insert(0, [paragraph('Overcrowding')]);
    list.insert(0, [item]);
    narrativeFragment(doc, safeKey).insert(0, [
      heading,
      list,
      paragraph('See the guidance', {}, { link: { href: 'https://www.gov.uk/guidance' } }),
    ]);
    const html = narrativeHtml(narrativeFragment(doc, safeKey));
    expect(html).toContain('<h3>Housing</h3>');
    expect(html).toMatch(/<ul><li><p>Overcrowding<\/p><\/li><\/ul>/);
    expect(html).toContain(
      '<a href="https://www.gov.uk/guidance" rel="noopener noreferrer nofollow">See the guidance</a>',
    );
  });

  it('neutralises what a forged client could write into the doc: handlers, styles, scripts, unsafe links', () => {
    const doc = new Y.Doc();
    const script = new Y.XmlElement('script');
    script.insert(0, [new Y.XmlText('alert(1)')]);
    const image = new Y.XmlElement('image');
    image.setAttribute('src', 'x');
    image.setAttribute('onerror', 'alert(1)');
    narrativeFragment(doc, safeKey).insert(0, [
      paragraph('Click me', { onclick: 'alert(1)', style: 'position:fixed;background:url(javascript:alert(1))' }),
      paragraph('bad link', {}, { link: { href: 'javascript:alert(1)' } }),
      paragraph('data link', {}, { link: { href: 'data:text/html;base64,PHNjcmlwdD4=' } }),
    ]);
    narrativeFragment(doc, narrativeKey({ kind: 'domain', domain: 'happy' })).insert(0, [
      script,
      image,
      paragraph('kept'),
    ]);
    const html = exportNeedsAssessmentHtml(doc, 'Riverside <script>', new Date('2026-01-31T00:00:00Z'));
    expect(html).not.toMatch(/onclick|onerror|<script|<img|javascript:|data:text|position:fixed|style="/i);
    expect(html).toContain('Click me');
    expect(html).toContain('bad link');
    expect(html).toContain('kept');
    expect(html).toContain('Needs assessment – Riverside &#60;script&#62;');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('sanitises HTML with the editor allowlist', () => {
    const dirty =
      '<p style="color:red" onmouseover="x()">a</p><a href="javascript:alert(1)">b</a><a href="//evil.example">c</a>' +
      '<img src=x onerror=alert(1)><svg><script>alert(1)</script></svg><a href="https://ok.example">d</a>';
    expect(sanitiseNarrativeHtml(dirty)).toBe(
      '<p>a</p><a rel="noopener noreferrer nofollow">b</a><a rel="noopener noreferrer nofollow">c</a>' +
        '<a href="https://ok.example" rel="noopener noreferrer nofollow">d</a>',
    );
  });
});
