import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addOutcome,
  deleteOutcome,
  frameworkSharedTypes,
  moveOutcome,
  observeFramework,
  readOutcome,
  updateOutcome,
} from '../../../../shared/model/framework/index.ts';
import { buildOutcome } from './factories.ts';

describe('observing and undoing framework changes', () => {
  it('tells a listener about every change until it stops listening', () => {
    const doc = new Y.Doc();
    let calls = 0;
    const stop = observeFramework(doc, () => calls++);
    const id = addOutcome(doc, buildOutcome());
    updateOutcome(doc, id, { statement: 'Children thrive' });
    expect(calls).toBe(2);
    stop();
    deleteOutcome(doc, id, 'someone');
    expect(calls).toBe(2);
  });

  it('lets an undo manager over the framework undo a delete and a move, one step each', () => {
    const doc = new Y.Doc();
    const id = addOutcome(doc, buildOutcome());
    const undo = new Y.UndoManager(frameworkSharedTypes(doc), { captureTimeout: 0 });
    moveOutcome(doc, id, { domain: 'engaged', level: 'system' });
    deleteOutcome(doc, id, 'someone');
    undo.undo();
    expect(readOutcome(doc, id)).toMatchObject({ domain: 'engaged', level: 'system' });
    undo.undo();
    expect(readOutcome(doc, id)).toMatchObject({ domain: 'safe', level: 'child' });
  });
});
