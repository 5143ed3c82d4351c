// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { narrativeExtensions } from '../../../shared/editor/extensions.ts';
import { PasteCleanup } from '../../../client/editor/PasteCleanup.ts';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

/** The schema writes table widths and cell alignment as styles from typed attributes; nothing pasted is copied. */
function withoutSchemaStyles(html: string): string {
  return html
    .replace(/<colgroup>.*?<\/colgroup>/g, '')
    .replace(/ style="(min-width: \d+px;|text-align: (left|center|right);?)"/g, '');
}

/** Pastes HTML through ProseMirror's real clipboard path (transformPastedHTML, then the schema's parse rules). */
function paste(html: string): { html: string; json: string } {
  editor = new Editor({ element: document.createElement('div'), extensions: [...narrativeExtensions(), PasteCleanup] });
  // jsdom has no ClipboardEvent; ProseMirror only needs an event to hand to paste handlers.
  editor.view.pasteHTML(html, new Event('paste') as ClipboardEvent);
  return { html: withoutSchemaStyles(editor.getHTML()), json: JSON.stringify(editor.getJSON()) };
}

const hostile = [
  '<img src=x onerror="alert(1)">',
  '<script>alert(1)</script>',
  '<p onclick="alert(1)" style="background:url(javascript:alert(1))">Click</p>',
  '<a href="javascript:alert(1)">bad link</a>',
  '<a href="JaVa&#09;ScRiPt:alert(1)">tabbed link</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
  '<a href="vbscript:msgbox(1)">vb</a>',
  '<svg onload="alert(1)"><circle r="5"/></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body{display:none}</style><p style="position:fixed;top:0;left:0;width:100%;height:100%">Overlay</p>',
  '<div class="x" id="login" style="color:red"><span style="font-size:0">hidden</span>Text</div>',
  '<form action="https://evil.example"><input name="password"></form>',
  '<table><tr><td onmouseover="alert(1)" style="background-image:url(x)">cell</td></tr></table>',
].join('');

describe('pasting into a narrative', () => {
  it('drops scripts, event handlers, styles, frames and unsafe links', () => {
    const { html, json } = paste(hostile);
    for (const text of [html, json]) {
      expect(text).not.toMatch(/onerror|onclick|onload|onmouseover|<script|<img|<svg|<iframe|<form|<input/i);
      expect(text).not.toMatch(/javascript:|data:text|vbscript:|style=|class=|id="login"|position:fixed/i);
      expect(text).not.toMatch(/evil\.example/);
    }
    // The words themselves survive as plain text.
    expect(html).toContain('Click');
    expect(html).toContain('bad link');
    expect(html).toContain('cell');
  });

  it('keeps safe links', () => {
    const { html } = paste(
      '<p><a href="https://www.gov.uk/guidance">guidance</a> and <a href="mailto:hub@example.org">email us</a></p>',
    );
    expect(html).toContain('href="https://www.gov.uk/guidance"');
    expect(html).toContain('href="mailto:hub@example.org"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it('keeps the structure of a Word document: headings, bulleted and numbered lists', () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>
      <h1>Needs in Riverside</h1>
      <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Housing<o:p></o:p></p>
      <p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Debt<o:p></o:p></p>
      <p class=MsoNormal>Between the lists.</p>
      <p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>1.<span>&nbsp; </span></span>First step</p>
      <p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>2.<span>&nbsp; </span></span>Second step</p>
      <h3>Detail</h3></body></html>`;
    const { html } = paste(word);
    expect(html).toContain('<h2>Needs in Riverside</h2>');
    expect(html).toMatch(/<ul><li><p>Housing<\/p><\/li><li><p>Debt<\/p><\/li><\/ul>/);
    expect(html).toMatch(/<ol><li><p>First step<\/p><\/li><li><p>Second step<\/p><\/li><\/ol>/);
    expect(html).toContain('<h3>Detail</h3>');
    expect(html).not.toMatch(/mso-|·|1\.\s/);
  });

  it('keeps a table pasted from Excel', () => {
    const excel = `<table border=0 style='border-collapse:collapse'><col width=120>
      <tr><td class=xl65 style='font-weight:700'>Ward</td><td>Referrals</td></tr>
      <tr><td>North</td><td align=right>42</td></tr></table>`;
    const { html } = paste(excel);
    expect(html).toMatch(
      /<table>.*<td[^>]*><p><strong>Ward<\/strong><\/p><\/td>.*<td[^>]*><p>42<\/p><\/td>.*<\/table>/s,
    );
    expect(html).not.toMatch(/style=|class=|border=/);
  });
});
