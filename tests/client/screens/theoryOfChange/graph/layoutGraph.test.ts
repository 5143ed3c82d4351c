import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addOutcome, readFramework } from '../../../../../shared/model/framework/index.ts';
import { readTheoryOfChange, theoryOfChangeGraph } from '../../../../../shared/model/theoryOfChange/index.ts';
import { layoutGraph, wrapLabel } from '../../../../../client/screens/theoryOfChange/graph/layoutGraph.ts';
import { buildOutcome } from '../../../../shared/model/framework/factories.ts';
import { linkOrFail, seedTheoryOfChange } from '../../../../shared/model/theoryOfChange/factories.ts';

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function laidOut() {
  const doc = new Y.Doc();
  const { outcomes, indicator, actions } = seedTheoryOfChange(doc);
  for (let i = 0; i < 4; i++) addOutcome(doc, buildOutcome({ domain: 'happy', level: 'system' }));
  linkOrFail(doc, { actionId: actions[0], target: { kind: 'outcome', id: outcomes[0] } });
  linkOrFail(doc, { actionId: actions[1], target: { kind: 'indicator', id: indicator } });
  linkOrFail(doc, { actionId: actions[1], target: { kind: 'outcome', id: outcomes[1] } });
  const framework = readFramework(doc);
  const toc = readTheoryOfChange(doc, framework);
  return layoutGraph(theoryOfChangeGraph(framework, toc, toc, new Set(), { showAllOutcomes: true }));
}

describe('graph layout', () => {
  it('puts actions, indicators and outcomes in three columns, left to right', () => {
    const layout = laidOut();
    const xs = (kind: string) => [...new Set(layout.nodes.filter((n) => n.kind === kind).map((n) => Math.round(n.x)))];
    expect(xs('action')).toHaveLength(1);
    expect(xs('indicator')).toHaveLength(1);
    expect(xs('outcome')).toHaveLength(1);
    expect(xs('action')[0]!).toBeLessThan(xs('indicator')[0]!);
    expect(xs('indicator')[0]!).toBeLessThan(xs('outcome')[0]!);
  });

  it('stacks outcomes in framework order inside group boxes that never overlap', () => {
    const layout = laidOut();
    const { groups, nodes } = layout;
    expect(groups.map((g) => g.label).sort()).toEqual(
      [
        'Safe · Babies, children and young people',
        'Healthy · Parents and carers as parents',
        'Happy · Services and the local system',
        'Learning · Babies, children and young people',
      ].sort(),
    );
    const happy = nodes.filter((n) => n.groupId === 'group:happy:system').map((n) => n.y);
    expect(happy).toEqual([...happy].sort((a, b) => a - b));
    for (const [i, a] of groups.entries()) for (const b of groups.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    for (const node of nodes.filter((n) => n.kind === 'outcome')) {
      const group = groups.find((g) => g.id === node.groupId)!;
      expect(node.y).toBeGreaterThan(group.y);
      expect(node.y + node.height).toBeLessThanOrEqual(group.y + group.height);
    }
    for (const [i, a] of nodes.entries()) for (const b of nodes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    expect(layout.edges.every((edge) => edge.points.length >= 2)).toBe(true);
  });

  it("wraps a group's name inside its box, and starts its outcomes below the name", () => {
    const { groups, nodes } = laidOut();
    const learning = groups.find((g) => g.label === 'Learning · Babies, children and young people')!;
    expect(learning.labelLines).toEqual(['Learning · Babies, children and', 'young people']);
    // Bold 12px is about 7.2px a character; 8px inset on the left.
    for (const line of learning.labelLines) expect(8 + line.length * 7.2).toBeLessThanOrEqual(learning.width);
    const first = nodes.find((n) => n.groupId === learning.id)!;
    expect(first.y).toBeGreaterThanOrEqual(learning.y + learning.labelLines.length * 16);
  });

  it('breaks long labels into at most four lines', () => {
    expect(wrapLabel('Children start school ready to learn')).toEqual(['Children start school ready to', 'learn']);
    expect(wrapLabel('word '.repeat(80))).toHaveLength(4);
  });
});
