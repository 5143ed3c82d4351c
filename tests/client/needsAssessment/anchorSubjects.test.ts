import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorDomain, anchorSubject } from '../../../client/needsAssessment/anchorSubjects.ts';
import { addMetric, readFramework } from '../../../shared/model/framework/index.ts';
import { readTheoryOfChange } from '../../../shared/model/theoryOfChange/index.ts';
import { buildMetric } from '../../shared/model/framework/factories.ts';
import { linkOrFail, seedTheoryOfChange } from '../../shared/model/theoryOfChange/factories.ts';

describe('what a thread is about, on screen', () => {
  it('names data mapping, evidence periods and theory-of-change links in the words of the framework', () => {
    const doc = new Y.Doc();
    const { outcomes, indicator, actions } = seedTheoryOfChange(doc);
    const metric = addMetric(doc, buildMetric(indicator, { name: 'Admissions per 10,000 children' }));
    const link = linkOrFail(doc, { actionId: actions[0], target: { kind: 'outcome', id: outcomes[0] } });
    const framework = readFramework(doc);
    const theoryOfChange = readTheoryOfChange(doc, framework);
    const action = theoryOfChange.actions[0]!.name;
    const outcome = framework.outcomes.find((each) => each.id === outcomes[0])!.statement;

    const mapping = { kind: 'entity', entityKind: 'metric', entityId: metric, aspect: 'data-mapping' } as const;
    expect(anchorSubject(mapping, framework)).toBe('Data mapping: Admissions per 10,000 children');
    expect(anchorSubject({ ...mapping, aspect: 'evidence', period: '2024/25' }, framework)).toBe(
      'Evidence: Admissions per 10,000 children, 2024/25',
    );
    const onLink = { kind: 'entity', entityKind: 'link', entityId: link } as const;
    expect(anchorSubject(onLink, framework, theoryOfChange)).toBe(`Theory-of-change link: ${action} → ${outcome}`);
    // Without the theory of change read, a link is still named as one.
    expect(anchorSubject(onLink, framework)).toBe('Theory-of-change link: a link that was removed');

    // The needs assessment lists a metric's data-mapping and evidence threads under its domain; links under none.
    expect(anchorDomain(mapping, framework)).toBe('healthy');
    expect(anchorDomain(onLink, framework)).toBeNull();
  });
});
