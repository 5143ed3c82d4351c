import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { readOutcomes } from '../../shared/model/framework/index.ts';
import type { BoardAction, CreateActionRequestSchema, UpdateActionRequestSchema } from '../../shared/schemas/cycles.ts';
import { HttpError } from '../http/errors.ts';
import type { Notify } from '../mail/notifications.ts';
import type { BoardActionRecord } from '../store/repositories/BoardActionRepository.ts';
import type { Repositories } from '../store/Store.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';

type NewAction = z.output<typeof CreateActionRequestSchema>;
type ActionPatch = z.output<typeof UpdateActionRequestSchema>;

const notFound = () => new HttpError(404, 'action_not_found', 'No such action');

/** Names of what actions may link to: outcomes (live, from the workspace doc) and decisions (their statements). */
interface LinkNames {
  outcomes: Map<string, string>;
  decisions: Map<string, string>;
}

function describe(action: BoardActionRecord, names: LinkNames): BoardAction {
  const linkLabel = action.link
    ? ((action.link.kind === 'outcome' ? names.outcomes : names.decisions).get(action.link.id) ?? null)
    : null;
  return { ...action, linkLabel };
}

/** The actions log: who will do what by when, carried from meeting to meeting until done. */
export class BoardActionService {
  readonly #store: Repositories;
  readonly #docs: WorkspaceDocs;
  readonly #notify: Pick<Notify, 'actionAssigned'> | undefined;

  constructor(deps: { store: Repositories; docs: WorkspaceDocs; notify?: Pick<Notify, 'actionAssigned'> | undefined }) {
    this.#store = deps.store;
    this.#docs = deps.docs;
    this.#notify = deps.notify;
  }

  /** Open actions first (by due date), then done ones. */
  async list(partnershipId: string): Promise<BoardAction[]> {
    const names = await this.#names(partnershipId);
    return (await this.#store.boardActions.listForPartnership(partnershipId)).map((action) => describe(action, names));
  }

  async create(partnershipId: string, userId: string, request: NewAction, ip: string | null): Promise<BoardAction> {
    const names = await this.#names(partnershipId);
    this.#checkLink(request.link, names);
    if (request.meetingId !== null && (await this.#store.meetings.partnershipOf(request.meetingId)) !== partnershipId) {
      throw invalid(['meetingId'], 'This partnership has no such meeting');
    }
    const at = new Date().toISOString();
    const action: BoardActionRecord = {
      id: randomUUID(),
      partnershipId,
      meetingId: request.meetingId,
      text: request.text,
      owner: request.owner,
      dueDate: request.dueDate,
      status: 'open',
      link: request.link,
      createdBy: userId,
      createdAt: at,
      updatedAt: at,
      doneAt: null,
    };
    await this.#store.transaction(async (tx) => {
      await tx.boardActions.insert(action);
      await tx.audit.record({
        action: 'action.created',
        actorId: userId,
        partnershipId,
        target: action.id,
        details: { text: action.text },
        ip,
      });
    });
    if (action.owner) this.#notify?.actionAssigned({ actionId: action.id });
    return describe(action, names);
  }

  async update(actionId: string, userId: string, patch: ActionPatch, ip: string | null): Promise<BoardAction> {
    const existing = await this.#store.boardActions.findById(actionId);
    if (!existing) throw notFound();
    const names = await this.#names(existing.partnershipId);
    if (patch.link !== undefined) this.#checkLink(patch.link, names);
    await this.#store.transaction(async (tx) => {
      await tx.boardActions.update(actionId, patch, new Date().toISOString());
      await tx.audit.record({
        action: 'action.updated',
        actorId: userId,
        partnershipId: existing.partnershipId,
        target: actionId,
        details: { changed: Object.keys(patch), ...(patch.status ? { status: patch.status } : {}) },
        ip,
      });
    });
    if (patch.owner !== undefined && patch.owner !== existing.owner) this.#notify?.actionAssigned({ actionId });
    return describe((await this.#store.boardActions.findById(actionId))!, names);
  }

  partnershipOf(actionId: string): Promise<string | null> {
    return this.#store.boardActions.partnershipOf(actionId);
  }

  #checkLink(link: BoardActionRecord['link'], names: LinkNames): void {
    if (link === null) return;
    const known = (link.kind === 'outcome' ? names.outcomes : names.decisions).has(link.id);
    if (!known) {
      throw invalid(
        ['link'],
        link.kind === 'outcome' ? 'This outcome is not in the framework' : 'This partnership has no such decision',
      );
    }
  }

  async #names(partnershipId: string): Promise<LinkNames> {
    const outcomes = await this.#docs.read(
      partnershipId,
      (doc) => new Map(readOutcomes(doc).outcomes.map((outcome) => [outcome.id, outcome.statement])),
    );
    const decisions = new Map(
      (await this.#store.decisions.forPartnership(partnershipId)).map((decision) => [decision.id, decision.statement]),
    );
    return { outcomes, decisions };
  }
}

function invalid(path: string[], message: string): HttpError {
  return new HttpError(400, 'invalid_request', message, [{ path, message }]);
}
