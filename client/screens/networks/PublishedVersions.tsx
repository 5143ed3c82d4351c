import type { NetworkTemplate } from '../../../shared/model/network/networkTemplate.ts';
import type { TemplateVersion } from '../../../shared/schemas/networks.ts';
import { formatDateTime } from '../../format.ts';
import { adoptionWords, capitalised, changeWords, type Adoption } from './changeWords.ts';

interface PublishedVersionsProps {
  versions: readonly TemplateVersion[];
  /** The template as it stands, to name the items a change refers to. */
  template: Pick<NetworkTemplate, 'byTemplateId'>;
  /** Each change's adoption by the places; null when I may not see the places' choices. */
  adoption: ReadonlyMap<string, Adoption> | null;
  memberCount: number;
}

/** Every published version, newest first, each change in words with how many places adopted or declined it. */
export function PublishedVersions({ versions, template, adoption, memberCount }: PublishedVersionsProps) {
  if (versions.length === 0) {
    return <p>No version has been published yet: every place starts from the Common Outcomes Framework (version 0).</p>;
  }
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <ol className="network-versions" reversed data-testid="template-versions">
      {newestFirst.map((version) => (
        <li key={version.id} className="card network-version" data-testid="template-version">
          <h3 className="network-version__title">
            Version {version.version}: {version.summary}
          </h3>
          <p className="muted">
            Published {formatDateTime(version.publishedAt)} by {version.publishedBy}
          </p>
          {version.note ? <p className="network-version__note">{version.note}</p> : null}
          <ul className="change-list">
            {version.changes.map((change) => (
              <li key={change.id} className="change" data-testid="template-change">
                <p className="change__what">{changeWords(change, template)}</p>
                {change.sourceEntities.length > 0 ? (
                  <p className="change__who">
                    Promoted from {change.sourceEntities.length} local{' '}
                    {change.sourceEntities.length === 1 ? 'addition' : 'additions'}
                  </p>
                ) : null}
                {adoption ? (
                  <p className="change__who" data-testid="change-adoption">
                    {capitalised(adoptionWords(adoption.get(change.id), memberCount))}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
