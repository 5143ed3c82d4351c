import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteOutcome, readFramework } from '../../../../shared/model/framework/index.ts';
import {
  filterTheoryOfChange,
  providerOrganisations,
  readTheoryOfChange,
  theoryOfChangeGraph,
  updateAction,
} from '../../../../shared/model/theoryOfChange/index.ts';
import { linkOrFail, seedTheoryOfChange } from './factories.ts';

function world() {
  const doc = new Y.Doc();
  const seeded = seedTheoryOfChange(doc);
  const { outcomes, indicator, actions } = seeded;
  linkOrFail(doc, { actionId: actions[0], target: { kind: 'outcome', id: outcomes[0] }, evidence: 'strong' });
  linkOrFail(doc, { actionId: actions[1], target: { kind: 'outcome', id: outcomes[1] }, evidence: 'untested' });
  linkOrFail(doc, { actionId: actions[1], target: { kind: 'indicator', id: indicator }, evidence: 'promising' });
  const framework = readFramework(doc);
  return { doc, framework, toc: readTheoryOfChange(doc, framework), ...seeded };
}

describe('filters', () => {
  it('narrows by organisation (ignoring case and spacing), delivery type, evidence and priority', () => {
    const { toc, actions, outcomes } = world();
    const ids = (filtered: ReturnType<typeof filterTheoryOfChange>) => ({
      actions: filtered.actions.map((a) => a.id),
      links: filtered.links.map((l) => l.target.id),
    });
    expect(ids(filterTheoryOfChange(toc, { organisation: ' riverside  COUNCIL' }, new Set()))).toEqual({
      actions: [actions[0]],
      links: [outcomes[0]],
    });
    expect(ids(filterTheoryOfChange(toc, { deliveryType: 'commissioned' }, new Set())).actions).toEqual([actions[1]]);
    expect(ids(filterTheoryOfChange(toc, { evidence: 'promising' }, new Set())).actions).toEqual([actions[1]]);
    expect(ids(filterTheoryOfChange(toc, { priorityOnly: true }, new Set([outcomes[1]])))).toEqual({
      actions: [actions[1]],
      links: [outcomes[1]],
    });
    expect(ids(filterTheoryOfChange(toc, {}, new Set())).actions).toEqual([...actions]);
  });

  it('lists each provider organisation once', () => {
    const { doc, actions } = world();
    updateAction(doc, actions[1], { provider: 'riverside council ' });
    expect(providerOrganisations(readTheoryOfChange(doc))).toEqual(['Riverside Council']);
  });
});

describe('graph model', () => {
  it('puts actions on one side and linked or priority outcomes in domain and level groups on the other', () => {
    const { framework, toc, actions, outcomes, indicator } = world();
    const graph = theoryOfChangeGraph(framework, toc, toc, new Set([outcomes[0]]));
    expect(graph.nodes.filter((n) => n.kind === 'action').map((n) => n.refId)).toEqual([...actions]);
    expect(
      graph.nodes
        .filter((n) => n.kind === 'outcome')
        .map((n) => n.refId)
        .sort(),
    ).toEqual([...outcomes].sort());
    expect(graph.nodes.find((n) => n.refId === outcomes[0])).toMatchObject({
      isPriority: true,
      groupId: 'group:safe:child',
      detail: 'Priority',
    });
    expect(graph.groups.map((g) => g.id)).toContain('group:healthy:parent-carer');
    expect(graph.edges.filter((e) => e.kind === 'serves')).toEqual([
      expect.objectContaining({ from: `indicator:${indicator}`, to: `outcome:${outcomes[2]}` }),
    ]);
    expect(graph.edges.filter((e) => e.kind === 'link')).toHaveLength(3);
  });

  it('shows a priority outcome with no action as a gap, and a removed outcome as a removed box', () => {
    const { doc, actions, outcomes } = world();
    deleteOutcome(doc, outcomes[0], null);
    const framework = readFramework(doc);
    const toc = readTheoryOfChange(doc, framework);
    const graph = theoryOfChangeGraph(framework, toc, toc, new Set([outcomes[2]]), { priorityOnly: false });
    const removed = graph.nodes.find((n) => n.kind === 'removed')!;
    expect(removed.detail).toBe('Outcome removed');
    expect(graph.edges).toContainEqual(expect.objectContaining({ from: `action:${actions[0]}`, to: removed.id }));
    const lonely = theoryOfChangeGraph(framework, { ...toc, links: [] }, { ...toc, links: [] }, new Set([outcomes[2]]));
    expect(lonely.nodes.find((n) => n.refId === outcomes[2])).toMatchObject({ detail: 'Priority · No action' });
  });
});
