import type { Services } from '../createServices.ts';
import { authRoutes } from './authRoutes.ts';
import { commentRoutes } from './commentRoutes.ts';
import { needsAssessmentRoutes } from './needsAssessmentRoutes.ts';
import { frameworkRoutes } from './frameworkRoutes.ts';
import { evidenceRoutes } from './evidenceRoutes.ts';
import { dataMappingRoutes } from './dataMappingRoutes.ts';
import { indicatorMetadataRoutes } from './indicatorMetadataRoutes.ts';
import type { Route } from './defineRoute.ts';
import { invitationRoutes } from './invitationRoutes.ts';
import { meRoutes } from './meRoutes.ts';
import { partnershipRoutes } from './partnershipRoutes.ts';
import { partnershipAreaRoutes } from './partnershipAreaRoutes.ts';
import { roundRoutes } from './roundRoutes.ts';
import { cycleRoutes } from './cycleRoutes.ts';
import { versionRoutes } from './versionRoutes.ts';
import { trendRoutes } from './trendRoutes.ts';
import { boardPackRoutes } from './boardPackRoutes.ts';
import { mailRoutes } from './mailRoutes.ts';
import { networkRoutes } from './networkRoutes.ts';
import { networkAnalysisRoutes } from './networkAnalysisRoutes.ts';
import { networkAccess as networkAccessOver, type NetworkAccessFactory } from './networkAccess.ts';

/** Every API route, in one table: the app mounts it, the OpenAPI description and the authorization matrix read it. */
export function apiRoutes(services: Services, publicUrl: string | null): Route[] {
  // Access to one network's routes, for the analysis routes: `networkAccess('read')` or `networkAccess('coordinate')`.
  const networkAccess: NetworkAccessFactory = (level) => networkAccessOver(services.store.networks, level);
  return [
    ...authRoutes(services.accounts, services.firstRun),
    ...meRoutes(services.accounts, services.store.tokens, services.store.audit),
    ...partnershipRoutes(
      services.partnershipService,
      services.store.invitations,
      services.store.audit,
      publicUrl,
      services.notify,
    ),
    ...partnershipAreaRoutes(services.store, services.partnershipService),
    ...invitationRoutes(services.partnershipService, services.accounts),
    ...roundRoutes(services.prioritisation, services.roundEvidence),
    ...commentRoutes(services.comments),
    ...needsAssessmentRoutes(services.needsAssessment),
    ...frameworkRoutes(services.framework),
    ...evidenceRoutes(services.evidence.observations),
    ...indicatorMetadataRoutes(services.evidence.indicatorMetadata),
    ...dataMappingRoutes(services.evidence.dataMapping),
    ...cycleRoutes(services.cycles),
    ...versionRoutes(services.cycles),
    ...trendRoutes(services.store.versions),
    ...boardPackRoutes(services.cycles),
    ...mailRoutes(services.mail, services.store.mail, services.store.users),
    ...networkRoutes(services.networks, services.store.networks, services.accounts, publicUrl),
    ...networkAnalysisRoutes(services.networkAnalysis, networkAccess),
  ];
}
