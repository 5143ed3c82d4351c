import { randomUUID } from 'node:crypto';
import { networkTemplateAt, versionSummary, type NetworkTemplate } from '../../shared/model/network/networkTemplate.ts';
import { adoptTemplateChange, templateChangeProblem } from '../../shared/model/network/templateChanges.ts';
import type {
  PublishTemplateVersionRequestSchema,
  TemplateChange,
  TemplateChoices,
  TemplateItemType,
  TemplateUpdate,
  TemplateUpdates,
  TemplateVersion,
} from '../../shared/schemas/networks.ts';
import { HttpError } from '../http/errors.ts';
import type { NetworkRecord, StoredTemplateVersion } from '../store/repositories/NetworkRepository.ts';
import type { Repositories } from '../store/Store.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import type { NetworkActor } from './NetworkService.ts';
import type { NetworkSignal } from './networkSignal.ts';
import type { z } from 'zod';

type PublishRequest = z.infer<typeof PublishTemplateVersionRequestSchema>;

export interface TemplateServiceDeps {
  store: Repositories;
  docs: WorkspaceDocs;
  signal: NetworkSignal;
}

const typeOfAddition = { 'add-outcome': 'outcome', 'add-indicator': 'indicator', 'add-metric': 'metric' } as const;

function changeProblem(index: number, message: string): HttpError {
  return new HttpError(400, 'invalid_request', message, [{ path: ['changes', index], message }]);
}

/**
 * Settles a coordinator's drafts into the changes of version `version`, on top of the template as `previous`
 * leaves it: new template ids for additions that have none, the wording before each rewording, and every id a
 * change names checked against the template (including additions earlier in the same version).
 */
function settleChanges(
  networkId: string,
  request: PublishRequest,
  previous: readonly StoredTemplateVersion[],
  version: number,
): TemplateChange[] {
  const template = networkTemplateAt(previous);
  const known = new Map<string, TemplateItemType>([...template.byTemplateId].map(([id, item]) => [id, item.type]));
  const words = new Map<string, string>([...template.byTemplateId].map(([id, item]) => [id, item.label]));
  let generated = 0;
  return request.changes.map((draft, index) => {
    const id = randomUUID();
    if (draft.kind === 'reword') {
      const type = known.get(draft.templateId);
      if (type !== draft.type) {
        throw changeProblem(
          index,
          type
            ? `${draft.templateId} is an ${type} of the template, not an ${draft.type}: choose what to reword again`
            : `The template has no ${draft.type} ${draft.templateId} to reword`,
        );
      }
      const change = { ...draft, id, from: words.get(draft.templateId) ?? '' };
      words.set(draft.templateId, draft.to);
      return change;
    }
    const templateId = draft.templateId ?? `net.${networkId.slice(0, 8)}.v${version}.${++generated}`;
    if (known.has(templateId)) {
      throw changeProblem(index, `The template already has an item ${templateId}: give the new one another id`);
    }
    const parents =
      draft.kind === 'add-indicator'
        ? draft.outcomeTemplateIds.map((parent) => [parent, 'outcome'] as const)
        : draft.kind === 'add-metric'
          ? [[draft.indicatorTemplateId, 'indicator'] as const]
          : [];
    for (const [parent, type] of parents) {
      if (known.get(parent) !== type) {
        throw changeProblem(
          index,
          `The template has no ${type} ${parent} to put this ${typeOfAddition[draft.kind]} under`,
        );
      }
    }
    known.set(templateId, typeOfAddition[draft.kind]);
    const label = draft.kind === 'add-outcome' ? draft.statement : draft.name;
    words.set(templateId, label);
    return { ...draft, id, templateId };
  });
}

function toVersion(stored: StoredTemplateVersion): TemplateVersion {
  return {
    id: stored.id,
    networkId: stored.networkId,
    version: stored.version,
    note: stored.note,
    publishedAt: stored.publishedAt,
    publishedBy: stored.publishedBy,
    summary: versionSummary(stored.changes),
    changes: stored.changes,
  };
}

/**
 * A network's template in versions, and each member partnership's choice on each change: adopting writes the change
 * into the partnership's workspace doc (after checking it can be), declining only records. Never forced.
 */
export class TemplateService {
  readonly #deps: TemplateServiceDeps;

  constructor(deps: TemplateServiceDeps) {
    this.#deps = deps;
  }

  /** Publishes the next version; two publishing at once get two numbers. */
  async publish(network: NetworkRecord, actor: NetworkActor, request: PublishRequest): Promise<TemplateVersion> {
    const { store } = this.#deps;
    const stored = await store.networks.publishVersion(network.id, actor.userId, (previous, version) => ({
      note: request.note,
      changes: settleChanges(network.id, request, previous, version),
    }));
    await store.audit.record({
      action: 'network.version_published',
      actorId: actor.userId,
      target: network.id,
      details: { network: network.name, version: stored.version, summary: versionSummary(stored.changes) },
      ip: actor.ip,
    });
    await this.#deps.signal.changed(network.id);
    return toVersion(stored);
  }

  async versions(networkId: string): Promise<TemplateVersion[]> {
    return (await this.#deps.store.networks.versions(networkId)).map(toVersion);
  }

  /** Every version with every member's choices, for the network. */
  async choices(networkId: string): Promise<TemplateChoices> {
    const { store } = this.#deps;
    const members = new Set(
      (await store.networks.members(networkId))
        .filter((member) => member.state === 'member')
        .map((member) => member.partnershipId),
    );
    return {
      versions: await this.versions(networkId),
      choices: (await store.networks.choices(networkId))
        .filter((choice) => members.has(choice.partnershipId))
        .map((choice) => ({
          changeId: choice.changeId,
          partnershipId: choice.partnershipId,
          choice: choice.choice,
          decidedAt: choice.decidedAt,
        })),
    };
  }

  /** Every version of every network the partnership is a member of, each change with its choice and any problem. */
  async updates(partnershipId: string): Promise<TemplateUpdates> {
    const { store, docs } = this.#deps;
    const places = (await store.networks.membershipsOf([partnershipId])).filter((place) => place.state === 'member');
    const networks = await Promise.all(
      places.map(async (place) => {
        const network = (await store.networks.findById(place.networkId))!;
        const versions = await store.networks.versions(network.id);
        const template = networkTemplateAt(versions);
        const choices = new Map(
          (await store.networks.choices(network.id, partnershipId)).map((choice) => [choice.changeId, choice]),
        );
        const problems = await docs.read(partnershipId, (doc) => {
          const found = new Map<string, string | null>();
          for (const version of versions) {
            for (const change of version.changes) {
              if (choices.get(change.id)?.choice === 'adopted') continue;
              found.set(change.id, templateChangeProblem(doc, change, { partnershipId, template }));
            }
          }
          return found;
        });
        let pending = 0;
        const shown = versions.map((version) => ({
          version: version.version,
          note: version.note,
          publishedAt: version.publishedAt,
          summary: versionSummary(version.changes),
          updates: version.changes.map((change): TemplateUpdate => {
            const choice = choices.get(change.id);
            if (!choice) pending++;
            return {
              change,
              choice: choice?.choice ?? 'pending',
              decidedAt: choice?.decidedAt ?? null,
              decidedBy: choice?.decidedBy ?? null,
              problem: problems.get(change.id) ?? null,
            };
          }),
        }));
        return { networkId: network.id, networkName: network.name, versions: shown, pending };
      }),
    );
    return { networks: networks.sort((a, b) => a.networkName.localeCompare(b.networkName, 'en-GB')) };
  }

  /** Adopts a change: writes it into the workspace doc in one transaction (nothing when there is a problem). */
  async adopt(partnershipId: string, changeId: string, actor: NetworkActor): Promise<TemplateUpdate> {
    const { store, docs } = this.#deps;
    const { network, change, template } = await this.#find(partnershipId, changeId);
    const outcome = await docs.change(partnershipId, (doc) => {
      const problem = templateChangeProblem(doc, change, { partnershipId, template });
      if (problem) return { problem, effect: null };
      return { problem: null, effect: adoptTemplateChange(doc, change, { partnershipId, template }) };
    });
    if (outcome.problem) throw new HttpError(409, 'cannot_adopt', outcome.problem);
    await store.transaction(async (tx) => {
      await tx.networks.adopt({ partnershipId, networkId: network.id, changeId, decidedBy: actor.userId });
      await tx.audit.record({
        action: 'network.change_adopted',
        actorId: actor.userId,
        partnershipId,
        target: changeId,
        details: { network: network.name, change: describeChange(change), effect: outcome.effect?.kind ?? null },
        ip: actor.ip,
      });
    });
    await this.#deps.signal.changed(network.id);
    return this.#update(partnershipId, network.id, change, null);
  }

  /** Declines a change (again, or after adopting nothing); 409 once it has been adopted. */
  async decline(partnershipId: string, changeId: string, actor: NetworkActor): Promise<TemplateUpdate> {
    const { store, docs } = this.#deps;
    const { network, change, template } = await this.#find(partnershipId, changeId);
    await store.transaction(async (tx) => {
      const declined = await tx.networks.decline({
        partnershipId,
        networkId: network.id,
        changeId,
        decidedBy: actor.userId,
      });
      if (!declined) throw new HttpError(409, 'already_adopted', 'Already adopted: change it in the framework');
      await tx.audit.record({
        action: 'network.change_declined',
        actorId: actor.userId,
        partnershipId,
        target: changeId,
        details: { network: network.name, change: describeChange(change) },
        ip: actor.ip,
      });
    });
    await this.#deps.signal.changed(network.id);
    const problem = await docs.read(partnershipId, (doc) =>
      templateChangeProblem(doc, change, { partnershipId, template }),
    );
    return this.#update(partnershipId, network.id, change, problem);
  }

  async #update(
    partnershipId: string,
    networkId: string,
    change: TemplateChange,
    problem: string | null,
  ): Promise<TemplateUpdate> {
    const choice = (await this.#deps.store.networks.choices(networkId, partnershipId)).find(
      (stored) => stored.changeId === change.id,
    );
    return {
      change,
      choice: choice?.choice ?? 'pending',
      decidedAt: choice?.decidedAt ?? null,
      decidedBy: choice?.decidedBy ?? null,
      problem,
    };
  }

  /** The change among the versions of the networks the partnership is a member of; 404 otherwise. */
  async #find(
    partnershipId: string,
    changeId: string,
  ): Promise<{ network: NetworkRecord; change: TemplateChange; template: NetworkTemplate }> {
    const { store } = this.#deps;
    const places = (await store.networks.membershipsOf([partnershipId])).filter((place) => place.state === 'member');
    for (const place of places) {
      const versions = await store.networks.versions(place.networkId);
      const change = versions.flatMap((version) => version.changes).find((candidate) => candidate.id === changeId);
      if (change) {
        const network = (await store.networks.findById(place.networkId))!;
        return { network, change, template: networkTemplateAt(versions) };
      }
    }
    throw new HttpError(404, 'not_found', 'No such template change in the networks this partnership is a member of');
  }
}

/** A change in the audit log's words: its kind and the item's wording. */
function describeChange(change: TemplateChange): string {
  switch (change.kind) {
    case 'add-outcome':
      return `New outcome: ${change.statement}`;
    case 'add-indicator':
      return `New indicator: ${change.name}`;
    case 'add-metric':
      return `New metric: ${change.name}`;
    case 'reword':
      return `Reworded ${change.type}: ${change.from} → ${change.to}`;
  }
}
