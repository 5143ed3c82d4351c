import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addOutcome,
  deleteOutcome,
  frameworkCell,
  moveOutcome,
  outcomeText,
  readFramework,
  readOutcome,
  readOutcomes,
  restoreOutcome,
  setOutcomeAgeStage,
  updateOutcome,
} from '../../../../shared/model/framework/index.ts';
import { frameworkLimits } from '../../../../shared/schemas/framework.ts';
import { buildOutcome, sync } from './factories.ts';

function cellStatements(doc: Y.Doc, domain: 'safe' | 'healthy' = 'safe'): string[] {
  return frameworkCell(readFramework(doc), domain, 'child').outcomes.map((outcome) => outcome.statement);
}

describe('outcomes', () => {
  it('adds an outcome and reads it back as plain data', () => {
    const doc = new Y.Doc();
    const draft = buildOutcome({ ageStages: ['5-11', 'pregnancy'] });
    const id = addOutcome(doc, draft);
    expect(readOutcome(doc, id)).toMatchObject({
      id,
      statement: draft.statement,
      description: draft.description,
      domain: 'safe',
      level: 'child',
      ageStages: ['pregnancy', '5-11'],
      scope: 'local',
      templateId: null,
      deletedAt: null,
    });
  });

  it('adds at the end of its cell, or at the index asked for', () => {
    const doc = new Y.Doc();
    addOutcome(doc, buildOutcome({ statement: 'first' }));
    addOutcome(doc, buildOutcome({ statement: 'second' }));
    addOutcome(doc, buildOutcome({ statement: 'between' }), { index: 1 });
    addOutcome(doc, buildOutcome({ statement: 'top' }), { index: 0 });
    expect(cellStatements(doc)).toEqual(['top', 'first', 'between', 'second']);
  });

  it('updates texts by minimal edits so the Y.Text an editor is bound to stays the same', () => {
    const doc = new Y.Doc();
    const id = addOutcome(doc, buildOutcome({ statement: 'Children are safe' }));
    const text = outcomeText(doc, id, 'statement')!;
    const deltas: unknown[] = [];
    text.observe((event) => deltas.push(event.delta));
    updateOutcome(doc, id, { statement: 'Children are safe at home' });
    expect(outcomeText(doc, id, 'statement')).toBe(text);
    expect(deltas).toEqual([[{ retain: 17 }, { insert: ' at home' }]]);
    expect(readOutcome(doc, id)?.statement).toBe('Children are safe at home');
  });

  it('caps a statement at its limit', () => {
    const doc = new Y.Doc();
    const id = addOutcome(doc, buildOutcome());
    updateOutcome(doc, id, { statement: 'x'.repeat(frameworkLimits.statement + 10) });
    expect(readOutcome(doc, id)?.statement).toHaveLength(frameworkLimits.statement);
  });

  it('keeps age stages as a set, in life order', () => {
    const doc = new Y.Doc();
    const id = addOutcome(doc, buildOutcome({ ageStages: [] }));
    setOutcomeAgeStage(doc, id, '12-16', true);
    setOutcomeAgeStage(doc, id, '0-2', true);
    setOutcomeAgeStage(doc, id, '12-16', false);
    setOutcomeAgeStage(doc, id, '20-25', true);
    expect(readOutcome(doc, id)?.ageStages).toEqual(['0-2', '20-25']);
    updateOutcome(doc, id, { ageStages: ['3-4'] });
    expect(readOutcome(doc, id)?.ageStages).toEqual(['3-4']);
  });

  it('moves an outcome within its cell and to another cell', () => {
    const doc = new Y.Doc();
    const [a, b, c] = ['a', 'b', 'c'].map((statement) => addOutcome(doc, buildOutcome({ statement })));
    expect(moveOutcome(doc, c!, { index: 0 })).toBe(true);
    expect(cellStatements(doc)).toEqual(['c', 'a', 'b']);
    moveOutcome(doc, a!, { domain: 'healthy', index: 0 });
    expect(cellStatements(doc)).toEqual(['c', 'b']);
    expect(cellStatements(doc, 'healthy')).toEqual(['a']);
    expect(readOutcome(doc, b!)?.domain).toBe('safe');
  });

  it('soft-deletes: reads skip it unless asked, and restore brings it back where it was', () => {
    const doc = new Y.Doc();
    const ids = ['a', 'b', 'c'].map((statement) => addOutcome(doc, buildOutcome({ statement })));
    deleteOutcome(doc, ids[1]!, 'user-1');
    expect(cellStatements(doc)).toEqual(['a', 'c']);
    expect(readOutcome(doc, ids[1]!)).toBeNull();
    expect(readOutcome(doc, ids[1]!, { includeDeleted: true })).toMatchObject({ deletedBy: 'user-1' });
    expect(readOutcomes(doc, { includeDeleted: true }).outcomes).toHaveLength(3);
    restoreOutcome(doc, ids[1]!);
    expect(cellStatements(doc)).toEqual(['a', 'b', 'c']);
  });

  it('answers false for an outcome that does not exist', () => {
    const doc = new Y.Doc();
    expect(updateOutcome(doc, 'nope', { statement: 'x' })).toBe(false);
    expect(moveOutcome(doc, 'nope', { index: 0 })).toBe(false);
    expect(deleteOutcome(doc, 'nope', null)).toBe(false);
    expect(outcomeText(doc, 'nope', 'statement')).toBeNull();
  });

  it('places an outcome between two that tied after concurrent inserts', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addOutcome(a, buildOutcome({ statement: 'from a' }));
    addOutcome(b, buildOutcome({ statement: 'from b' }));
    sync(a, b);
    const [first, second] = frameworkCell(readFramework(a), 'safe', 'child').outcomes;
    expect(first!.order).toBe(second!.order);
    addOutcome(a, buildOutcome({ statement: 'middle' }), { index: 1 });
    expect(cellStatements(a)).toEqual([first!.statement, 'middle', second!.statement]);
  });
});
