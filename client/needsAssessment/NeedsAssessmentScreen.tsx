import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { domainLabel, domainOrder } from '../../shared/model/framework/index.ts';
import { roleCan } from '../../shared/model/roles.ts';
import { DomainSchema, type Domain } from '../../shared/schemas/framework.ts';
import type { CommentThread } from '../../shared/schemas/comments.ts';
import { listMembers } from '../api/partnerships.ts';
import { useApiData } from '../api/useApiData.ts';
import { useCommentThreads } from '../comments/useCommentThreads.ts';
import { ConnectionStatus } from '../components/ConnectionStatus.tsx';
import { PresenceBar } from '../components/PresenceBar.tsx';
import { usePartnership } from '../screens/partnership/PartnershipContext.ts';
import { PartnershipPage } from '../screens/partnership/PartnershipPage.tsx';
import { presenceUserFor } from '../screens/workspace/presenceUser.ts';
import { useMe } from '../session/useSession.ts';
import { useWorkspaceDoc } from '../workspace/WorkspaceDocContext.ts';
import { anchorDomain } from './anchorSubjects.ts';
import { CommentsPanel } from './CommentsPanel.tsx';
import { DomainSection } from './DomainSection.tsx';
import { NeedsAssessmentContext, type CommentDraft, type NeedsAssessmentValue } from './NeedsAssessmentContext.ts';
import { useFramework } from './useFramework.ts';

/**
 * The needs assessment: a narrative per domain and a story behind the curve per outcome and indicator, written
 * together live, with comment threads beside them. One domain is shown at a time.
 */
export function NeedsAssessmentScreen() {
  const { partnership } = usePartnership();
  const me = useMe();
  const { doc, awareness, state, people, canEdit, readOnlyReason, setActivity } = useWorkspaceDoc();
  const [search] = useSearchParams();
  const framework = useFramework(doc);
  const { threads } = useCommentThreads(partnership.id);
  // A link from the mentions inbox names a thread: show its domain and open it.
  const linkedThreadId = search.get('thread');
  const linkedThread = threads.find((thread) => thread.id === linkedThreadId);
  const parsedDomain = DomainSchema.safeParse(search.get('domain'));
  const domain: Domain = parsedDomain.success
    ? parsedDomain.data
    : ((linkedThread && framework ? anchorDomain(linkedThread.anchor, framework) : null) ?? 'safe');
  const loadMembers = useCallback((signal: AbortSignal) => listMembers(partnership.id, signal), [partnership.id]);
  const members = useApiData(loadMembers);
  const [selectedThreadId, setSelectedThreadId] = useState<string | null>(linkedThreadId);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [editing, setEditing] = useState<string | undefined>(undefined);

  useEffect(() => setActivity({ viewing: `needs-assessment:${domain}`, editing }), [setActivity, domain, editing]);

  const role = partnership.myRole;
  const value = useMemo<NeedsAssessmentValue>(
    () => ({
      partnershipId: partnership.id,
      doc,
      awareness,
      me: presenceUserFor(me, partnership.id),
      canEdit,
      canComment: role !== null && roleCan(role, 'comment'),
      readOnlyReason,
      threads,
      members: members.status === 'ready' ? members.data : [],
      selectedThreadId,
      openThread: setSelectedThreadId,
      startDraft: setDraft,
      setEditing,
    }),
    [partnership.id, doc, awareness, me, canEdit, role, readOnlyReason, threads, members, selectedThreadId],
  );
  const domainThreads = useMemo(
    () => (framework ? threads.filter((thread) => anchorDomain(thread.anchor, framework) === domain) : []),
    [threads, framework, domain],
  );
  const base = `/p/${encodeURIComponent(partnership.id)}`;

  return (
    <PartnershipPage title="Needs assessment" aside={<ConnectionStatus state={state.connection} readOnly={!canEdit} />}>
      <NeedsAssessmentContext.Provider value={value}>
        <PresenceBar people={people} selfClientId={doc?.clientID ?? null} />
        <div className="needs-assessment__top">
          <nav className="domain-nav" aria-label="Domains">
            <ul>
              {domainOrder.map((key) => (
                <li key={key}>
                  <Link
                    to={`${base}/needs-assessment?domain=${key}`}
                    aria-current={key === domain ? 'page' : undefined}
                    onClick={() => {
                      setDraft(null);
                      setSelectedThreadId(null);
                    }}
                  >
                    {domainLabel(key)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <a
            className="needs-assessment__download"
            href={`/api/partnerships/${partnership.id}/needs-assessment/export.html`}
            download
          >
            Download the needs assessment (HTML)
          </a>
        </div>
        {framework ? (
          <div className="needs-assessment">
            <div className="needs-assessment__main">
              <DomainSection key={domain} domain={domain} framework={framework} />
            </div>
            <CommentsPanel
              threads={domainThreads}
              framework={framework}
              draft={draft}
              onDraftDone={(created: CommentThread | null) => {
                setDraft(null);
                if (created) setSelectedThreadId(created.id);
              }}
            />
          </div>
        ) : (
          <p className="muted loading">Loading the needs assessment…</p>
        )}
      </NeedsAssessmentContext.Provider>
    </PartnershipPage>
  );
}
