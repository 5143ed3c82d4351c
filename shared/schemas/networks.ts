import { z } from 'zod';
import { EmailSchema, IdSchema, TimestampSchema } from './common.ts';
import { PartnershipIdSchema } from '../protocol/docNames.ts';
import {
  DomainSchema,
  EntityIdSchema,
  FingertipsIdSchema,
  frameworkLimits,
  LevelSchema,
  PolaritySchema,
  TemplateItemIdSchema,
} from './framework.ts';

/**
 * Networks of places (e.g. a region's family hubs network): partnerships that choose what to share, coordinators who
 * read aggregate views and publish a shared template in versions. API shapes only; rules live in
 * `shared/model/network/` and `server/networks/`.
 */

/** A network's id (random). */
export const NetworkIdSchema = z.uuid();

export const networkLimits = { name: 120, note: 1_000, changes: 200, label: 500 } as const;

export const NetworkNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the network a name')
  .max(networkLimits.name, `A network name is at most ${networkLimits.name} characters`);

/** `POST /api/networks`. */
export const CreateNetworkRequestSchema = z.object({ name: NetworkNameSchema });

/** What a partnership shares with one network; never narratives, comments, ballots, open tallies or members. */
export const SharingSchema = z.strictObject({
  /** Framework structure and lineage: which template items it kept, changed or dropped, and its local additions. */
  framework: z.boolean(),
  /** Data-mapping statuses, reasons, owners and next steps. */
  dataMapping: z.boolean(),
  /** Agreed priorities and decisions (closed rounds only). */
  priorities: z.boolean(),
  /** Theory-of-change coverage counts (no action names, budgets or providers). */
  theoryOfChange: z.boolean(),
  /** Latest value and judgement for core metrics with a Fingertips id (suppressed values never leave). */
  evidence: z.boolean(),
});
export type Sharing = z.infer<typeof SharingSchema>;

/** What a partnership shares when it joins, until its facilitators change it (shown when joining). */
export const defaultSharing: Sharing = {
  framework: true,
  dataMapping: true,
  priorities: true,
  theoryOfChange: true,
  evidence: false,
};

export const NetworkMemberStateSchema = z.enum(['invited', 'member']);
export type NetworkMemberState = z.infer<typeof NetworkMemberStateSchema>;

/** A partnership in (or invited to) a network, as the network sees it. */
export const NetworkMemberSchema = z.object({
  partnershipId: PartnershipIdSchema,
  name: z.string(),
  areaName: z.string(),
  state: NetworkMemberStateSchema,
  invitedAt: TimestampSchema,
  joinedAt: TimestampSchema.nullable(),
  sharing: SharingSchema,
});
export type NetworkMember = z.infer<typeof NetworkMemberSchema>;

export const NetworkCoordinatorSchema = z.object({ userId: IdSchema, name: z.string(), email: z.string() });
export type NetworkCoordinator = z.infer<typeof NetworkCoordinatorSchema>;

/** How the caller relates to a network: which decides what they may do there. */
export const NetworkAccessSchema = z.enum(['admin', 'coordinator', 'member']);
export type NetworkAccess = z.infer<typeof NetworkAccessSchema>;

/** `GET /api/networks` (those I coordinate, my partnerships belong to or are invited to; all for administrators). */
export const NetworkSummarySchema = z.object({
  id: NetworkIdSchema,
  name: z.string(),
  isDemo: z.boolean(),
  createdAt: TimestampSchema,
  memberCount: z.number().int(),
  templateVersion: z.number().int(),
  /** 'invited': only invited, through a partnership whose facilitator I am (see `invitedPartnershipIds`). */
  myAccess: z.enum([...NetworkAccessSchema.options, 'invited']),
  /** My partnerships invited to this network whose facilitator I am: they may accept or decline. */
  invitedPartnershipIds: z.array(PartnershipIdSchema).default([]),
});
export type NetworkSummary = z.infer<typeof NetworkSummarySchema>;

/** `GET /api/networks/:id`. Coordinators' emails only for coordinators and administrators. */
export const NetworkSchema = NetworkSummarySchema.extend({
  coordinators: z.array(NetworkCoordinatorSchema),
  members: z.array(NetworkMemberSchema),
});
export type Network = z.infer<typeof NetworkSchema>;

/** `POST /api/networks/:id/coordinators`. */
export const InviteCoordinatorRequestSchema = z.object({ email: EmailSchema });
/** The single-use link, shown once, like a partnership's invitation. */
export const CreatedNetworkInvitationSchema = z.object({
  url: z.string(),
  invitation: z.object({ id: IdSchema, email: z.string(), createdAt: TimestampSchema, expiresAt: TimestampSchema }),
});
export type CreatedNetworkInvitation = z.infer<typeof CreatedNetworkInvitationSchema>;
/** `GET /api/network-invitations/:token` (public: what the link holder is invited to). */
export const NetworkInvitationPreviewSchema = z.object({
  networkName: z.string(),
  email: z.string(),
  invitedBy: z.string(),
  expiresAt: TimestampSchema,
});
export type NetworkInvitationPreview = z.infer<typeof NetworkInvitationPreviewSchema>;
export const AcceptedNetworkInvitationSchema = z.object({ networkId: NetworkIdSchema });

/** `POST /api/networks/:id/invitations`: invite a partnership (its facilitators accept or decline). */
export const InvitePartnershipRequestSchema = z.object({ partnershipId: PartnershipIdSchema });

/** `GET /api/partnerships/:id/networks`: the networks a partnership is in or invited to. */
export const PartnershipNetworkSchema = z.object({
  networkId: NetworkIdSchema,
  name: z.string(),
  isDemo: z.boolean(),
  state: NetworkMemberStateSchema,
  invitedAt: TimestampSchema,
  joinedAt: TimestampSchema.nullable(),
  sharing: SharingSchema,
  coordinators: z.array(z.string()),
  memberCount: z.number().int(),
});
export type PartnershipNetwork = z.infer<typeof PartnershipNetworkSchema>;

// ---------------------------------------------------------------- template versions

const text = (limit: number) => z.string().trim().max(limit);

/** A new outcome in the network template. */
export const AddOutcomeChangeSchema = z.object({
  kind: z.literal('add-outcome'),
  templateId: TemplateItemIdSchema,
  domain: DomainSchema,
  level: LevelSchema,
  statement: text(frameworkLimits.statement).min(1),
  description: text(frameworkLimits.description).default(''),
});
/** A new indicator, serving outcomes named by their template ids. */
export const AddIndicatorChangeSchema = z.object({
  kind: z.literal('add-indicator'),
  templateId: TemplateItemIdSchema,
  name: text(frameworkLimits.name).min(1),
  definition: text(frameworkLimits.definition).default(''),
  outcomeTemplateIds: z.array(TemplateItemIdSchema).min(1).max(20),
});
/** A new metric under an indicator named by its template id. */
export const AddMetricChangeSchema = z.object({
  kind: z.literal('add-metric'),
  templateId: TemplateItemIdSchema,
  indicatorTemplateId: TemplateItemIdSchema,
  name: text(frameworkLimits.name).min(1),
  definition: text(frameworkLimits.definition).default(''),
  unit: text(frameworkLimits.unit).default(''),
  polarity: PolaritySchema.default('no-judgement'),
  source: text(frameworkLimits.source).default(''),
  fingertipsId: FingertipsIdSchema.nullable().default(null),
  frequency: text(frameworkLimits.frequency).default(''),
});
export const TemplateItemTypeSchema = z.enum(['outcome', 'indicator', 'metric']);
export type TemplateItemType = z.infer<typeof TemplateItemTypeSchema>;
/** New wording for a template item: an outcome's statement, an indicator's or metric's name. */
export const RewordChangeSchema = z.object({
  kind: z.literal('reword'),
  type: TemplateItemTypeSchema,
  templateId: TemplateItemIdSchema,
  /** The wording before (filled by the server from the template as it was). */
  from: z.string().default(''),
  to: text(frameworkLimits.statement).min(1),
});

/**
 * A change as a coordinator drafts it. An addition promoted from recurring local additions names them in
 * `sourceEntities`: a place that has one adopts by linking it to the template (its words kept), not by a duplicate.
 */
export const TemplateChangeDraftSchema = z.discriminatedUnion('kind', [
  AddOutcomeChangeSchema.extend({ templateId: TemplateItemIdSchema.optional() }),
  AddIndicatorChangeSchema.extend({ templateId: TemplateItemIdSchema.optional() }),
  AddMetricChangeSchema.extend({ templateId: TemplateItemIdSchema.optional() }),
  RewordChangeSchema.omit({ from: true }),
]);
export type TemplateChangeDraft = z.input<typeof TemplateChangeDraftSchema>;

export const SourceEntitySchema = z.object({ partnershipId: PartnershipIdSchema, entityId: EntityIdSchema });
export type SourceEntity = z.infer<typeof SourceEntitySchema>;

/** A published change: its id (for adopt/decline), and the ids and wording the server settled. */
export const TemplateChangeSchema = z.intersection(
  z.object({ id: z.uuid(), sourceEntities: z.array(SourceEntitySchema).default([]) }),
  z.discriminatedUnion('kind', [
    AddOutcomeChangeSchema,
    AddIndicatorChangeSchema,
    AddMetricChangeSchema,
    RewordChangeSchema,
  ]),
);
export type TemplateChange = z.infer<typeof TemplateChangeSchema>;

/** `POST /api/networks/:id/template-versions`. */
export const PublishTemplateVersionRequestSchema = z.object({
  note: text(networkLimits.note).default(''),
  changes: z
    .array(
      z.intersection(
        TemplateChangeDraftSchema,
        z.object({ sourceEntities: z.array(SourceEntitySchema).max(500).default([]) }),
      ),
    )
    .min(1, 'A version needs at least one change')
    .max(networkLimits.changes),
});
export type PublishTemplateVersionRequest = z.input<typeof PublishTemplateVersionRequestSchema>;

/** A published version of a network's template (version 0 is the Common Outcomes Framework it starts from). */
export const TemplateVersionSchema = z.object({
  id: z.uuid(),
  networkId: NetworkIdSchema,
  version: z.number().int().min(1),
  note: z.string(),
  publishedAt: TimestampSchema,
  publishedBy: z.string(),
  /** "3 new metrics, 1 outcome reworded". */
  summary: z.string(),
  changes: z.array(TemplateChangeSchema),
});
export type TemplateVersion = z.infer<typeof TemplateVersionSchema>;

export const TemplateChoiceSchema = z.enum(['pending', 'adopted', 'declined']);
export type TemplateChoice = z.infer<typeof TemplateChoiceSchema>;

/** One change as a member partnership sees it: its choice so far, and why it cannot be adopted as things are. */
export const TemplateUpdateSchema = z.object({
  change: TemplateChangeSchema,
  choice: TemplateChoiceSchema,
  decidedAt: TimestampSchema.nullable(),
  decidedBy: z.string().nullable(),
  /** E.g. "Your framework has no indicator “…” to put this metric under"; null when it can be adopted. */
  problem: z.string().nullable(),
});
export type TemplateUpdate = z.infer<typeof TemplateUpdateSchema>;

/** `GET /api/partnerships/:id/template-updates`. */
export const TemplateUpdatesSchema = z.object({
  networks: z.array(
    z.object({
      networkId: NetworkIdSchema,
      networkName: z.string(),
      versions: z.array(
        z.object({
          version: z.number().int(),
          note: z.string(),
          publishedAt: TimestampSchema,
          summary: z.string(),
          updates: z.array(TemplateUpdateSchema),
        }),
      ),
      pending: z.number().int(),
    }),
  ),
});
export type TemplateUpdates = z.infer<typeof TemplateUpdatesSchema>;

/** `GET /api/networks/:id/template-choices`: each place's choice on each change, for coordinators. */
export const TemplateChoicesSchema = z.object({
  versions: z.array(TemplateVersionSchema),
  choices: z.array(
    z.object({
      changeId: z.uuid(),
      partnershipId: PartnershipIdSchema,
      choice: z.enum(['adopted', 'declined']),
      decidedAt: TimestampSchema,
    }),
  ),
});
export type TemplateChoices = z.infer<typeof TemplateChoicesSchema>;

// ---------------------------------------------------------------- analysis

/** A place as the network's analyses list it. */
export const NetworkPlaceSchema = z.object({
  partnershipId: PartnershipIdSchema,
  name: z.string(),
  areaName: z.string(),
  sharing: SharingSchema,
});
export type NetworkPlace = z.infer<typeof NetworkPlaceSchema>;

/**
 * How one place holds one template item, one character per place in `places` order: `=` as is, `~` wording
 * changed, `-` dropped (deleted, or never taken up), `?` not decided yet (added by a template version the place has
 * neither adopted nor declined), `.` not shared (the place does not share its framework).
 */
export const placeStateCodes = { asIs: '=', changed: '~', dropped: '-', pending: '?', notShared: '.' } as const;

/** `GET /api/networks/:id/common-core`. */
export const CommonCoreSchema = z.object({
  places: z.array(NetworkPlaceSchema),
  templateVersion: z.number().int(),
  items: z.array(
    z.object({
      templateId: TemplateItemIdSchema,
      type: TemplateItemTypeSchema,
      label: z.string(),
      domain: DomainSchema.nullable(),
      asIs: z.number().int(),
      changed: z.number().int(),
      dropped: z.number().int(),
      pending: z.number().int(),
      /** See `placeStateCodes`. */
      states: z.string(),
    }),
  ),
  /** Local additions that recur across places (similar wording), candidates for the core. */
  candidates: z.array(
    z.object({
      type: TemplateItemTypeSchema,
      label: z.string(),
      labels: z.array(z.string()),
      partnershipIds: z.array(PartnershipIdSchema),
      entityIds: z.array(SourceEntitySchema),
      domain: DomainSchema.nullable(),
      /** For metric and indicator candidates: the template id of the parent most of them sit under, if any. */
      parentTemplateId: TemplateItemIdSchema.nullable(),
    }),
  ),
  /** How similar wording is judged, in words for the screen. */
  similarity: z.string(),
});
export type CommonCore = z.infer<typeof CommonCoreSchema>;

/** `GET /api/networks/:id/data-agenda`: listed when more than half the sharing places lack the metric. */
export const NetworkDataAgendaSchema = z.object({
  /** Places that share their data mapping (the denominator of every count). */
  places: z.number().int(),
  rule: z.string(),
  metrics: z.array(
    z.object({
      templateId: TemplateItemIdSchema,
      name: z.string(),
      indicator: z.string(),
      domain: DomainSchema.nullable(),
      places: z.number().int(),
      missing: z.number().int(),
      notAccessible: z.number().int(),
      partial: z.number().int(),
      available: z.number().int(),
      notMapped: z.number().int(),
      reasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
      owners: z.array(z.object({ owner: z.string(), count: z.number().int() })),
      nextSteps: z.array(z.object({ nextStep: z.string(), count: z.number().int() })),
    }),
  ),
});
export type NetworkDataAgenda = z.infer<typeof NetworkDataAgendaSchema>;

/** `GET /api/networks/:id/across-places`. */
export const AcrossPlacesSchema = z.object({
  places: z.array(NetworkPlaceSchema),
  /** Outcomes agreed as priorities, most places first (from places sharing priorities). */
  priorities: z.array(
    z.object({
      templateId: TemplateItemIdSchema,
      label: z.string(),
      partnershipIds: z.array(PartnershipIdSchema),
    }),
  ),
  /** Core metrics with a Fingertips id: each sharing place's latest value against England, in words. */
  evidence: z.array(
    z.object({
      templateId: TemplateItemIdSchema,
      name: z.string(),
      fingertipsId: FingertipsIdSchema,
      unit: z.string(),
      places: z.array(
        z.object({
          partnershipId: PartnershipIdSchema,
          period: z.string(),
          value: z.number().nullable(),
          englandValue: z.number().nullable(),
          judgement: z.string(),
          words: z.string(),
        }),
      ),
    }),
  ),
  /** Theory-of-change coverage counts, per place sharing them. */
  theoryOfChange: z.array(
    z.object({
      partnershipId: PartnershipIdSchema,
      actions: z.number().int(),
      links: z.number().int(),
      outcomesCovered: z.number().int(),
      outcomes: z.number().int(),
    }),
  ),
});
export type AcrossPlaces = z.infer<typeof AcrossPlacesSchema>;
