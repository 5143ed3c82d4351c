import type * as Y from 'yjs';
import { domainLabel, domainOrder, levelLabel, levelOrder, readFramework } from '../../shared/model/framework/index.ts';
import { readProfile } from '../../shared/model/partnershipProfile.ts';
import { hasNarrative, narrativeFragment, narrativeKey } from '../../shared/model/narratives/index.ts';
import { escapeHtml } from '../http/escapeHtml.ts';
import { narrativeHtml } from './narrativeHtml.ts';

function section(doc: Y.Doc, key: string, heading: string, level: 2 | 3 | 4): string {
  if (!hasNarrative(doc, key)) return '';
  return `<section><h${level}>${escapeHtml(heading)}</h${level}>${narrativeHtml(narrativeFragment(doc, key))}</section>`;
}

/**
 * The needs assessment as one standalone, sanitised HTML page: each domain's narrative, then the stories behind the
 * curve of its outcomes (by level) and their indicators. Names come from the framework and are escaped; narratives
 * go through the editor's schema and the sanitiser.
 */
export function exportNeedsAssessmentHtml(doc: Y.Doc, partnershipName: string, exportedAt: Date): string {
  const framework = readFramework(doc);
  const name = readProfile(doc).name.trim() || partnershipName;
  const parts: string[] = [];
  for (const domain of domainOrder) {
    const domainParts = [section(doc, narrativeKey({ kind: 'domain', domain }), 'Overview', 3)];
    for (const level of levelOrder) {
      for (const outcome of framework.outcomes.filter((o) => o.domain === domain && o.level === level)) {
        domainParts.push(
          section(
            doc,
            narrativeKey({ kind: 'outcome', id: outcome.id }),
            `${levelLabel(level)}: ${outcome.statement}`,
            3,
          ),
        );
        for (const indicator of framework.indicators.filter((i) => i.outcomeIds.includes(outcome.id))) {
          domainParts.push(section(doc, narrativeKey({ kind: 'indicator', id: indicator.id }), indicator.name, 4));
        }
      }
    }
    const body = domainParts.join('');
    parts.push(`<h2>${escapeHtml(domainLabel(domain))}</h2>${body || '<p>Nothing written yet.</p>'}`);
  }
  return [
    '<!doctype html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    // The export opens from disk or an email: it must not load or run anything.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(`Needs assessment – ${name}`)}</title>`,
    '<style>body{font-family:Arial,sans-serif;max-width:50em;margin:2em auto;line-height:1.5}',
    'table{border-collapse:collapse}td,th{border:1px solid #b1b4b6;padding:.3em .5em;text-align:left}</style>',
    '</head><body>',
    `<h1>${escapeHtml(`Needs assessment – ${name}`)}</h1>`,
    `<p>Exported on ${escapeHtml(exportedAt.toISOString().slice(0, 10))}.</p>`,
    ...parts,
    '</body></html>',
  ].join('\n');
}
