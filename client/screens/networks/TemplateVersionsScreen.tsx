import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { networkTemplateAt } from '../../../shared/model/network/networkTemplate.ts';
import type { TemplateChoices, TemplateVersion } from '../../../shared/schemas/networks.ts';
import { fetchTemplateChoices, listTemplateVersions } from '../../api/networks.ts';
import { SuccessNotice } from '../../components/Notice.tsx';
import { adoptionByChange } from './changeWords.ts';
import { DraftVersion } from './DraftVersion.tsx';
import { LoadStatus } from './LoadStatus.tsx';
import { useNetwork } from './NetworkContext.ts';
import { NetworkPage } from './NetworkPage.tsx';
import { PublishedVersions } from './PublishedVersions.tsx';
import { useNetworkData } from './useNetworkData.ts';

/** Versions and, for coordinators, each place's choice on each change (members see the versions only). */
async function loadVersions(
  networkId: string,
  withChoices: boolean,
  signal: AbortSignal,
): Promise<{ versions: TemplateVersion[]; choices: TemplateChoices['choices'] | null }> {
  if (!withChoices) return { versions: await listTemplateVersions(networkId, signal), choices: null };
  const { versions, choices } = await fetchTemplateChoices(networkId, signal);
  return { versions, choices };
}

/** The network template's published versions with their adoption, and (coordinators) the draft of the next one. */
export function TemplateVersionsScreen() {
  const { network, canCoordinate, reload: reloadNetwork } = useNetwork();
  const location = useLocation();
  const arrival = (location.state as { notice?: string } | null)?.notice ?? null;
  const [notice, setNotice] = useState<string | null>(arrival);
  const noticeRef = useRef<HTMLDivElement>(null);
  const load = useCallback(
    (signal: AbortSignal) => loadVersions(network.id, canCoordinate, signal),
    [network.id, canCoordinate],
  );
  const data = useNetworkData(load);
  const versions = data.status === 'ready' ? data.data.versions : null;
  const template = useMemo(() => (versions ? networkTemplateAt(versions) : null), [versions]);
  const memberCount = network.members.filter((member) => member.state === 'member').length;
  const adoption = useMemo(
    () => (data.status === 'ready' && data.data.choices ? adoptionByChange(data.data.choices, memberCount) : null),
    [data, memberCount],
  );

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  return (
    <NetworkPage title="Template versions">
      <p className="lead">
        The network template starts from the Common Outcomes Framework (version 0). Each version adds or rewords
        outcomes, indicators and metrics; every place adopts or declines each change on its own terms.
      </p>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1}>
          <SuccessNotice testId="template-notice">
            <p>{notice}</p>
          </SuccessNotice>
        </div>
      ) : null}
      <LoadStatus data={data} loading="Loading the template versions…" what="The template versions" />
      {versions && template ? (
        <>
          <section className="section" aria-labelledby="published-heading">
            <h2 id="published-heading">Published versions</h2>
            <PublishedVersions versions={versions} template={template} adoption={adoption} memberCount={memberCount} />
          </section>
          {canCoordinate ? (
            <DraftVersion
              networkId={network.id}
              template={template}
              nextVersion={template.version + 1}
              onPublished={(version) => {
                setNotice(
                  `Version ${version.version} published: ${version.summary}. Each place can now adopt or decline it.`,
                );
                data.reload();
                reloadNetwork();
              }}
            />
          ) : null}
        </>
      ) : null}
    </NetworkPage>
  );
}
