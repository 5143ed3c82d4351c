import { Link } from 'react-router';
import { frameworkDownloadUrl } from '../../../api/framework.ts';
import { frameworkPaths } from '../../../framework/paths.ts';
import { useFrameworkActivity } from '../../../framework/useFrameworkActivity.ts';
import { frameworkViewing } from '../../../framework/presenceKeys.ts';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';
import { usePartnership } from '../../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../../partnership/PartnershipPage.tsx';
import { ReadOnlyNotice } from '../common/ReadOnlyNotice.tsx';
import { ImportForm } from './ImportForm.tsx';

/** The framework as a spreadsheet: download it to work on or share, and import it back (or a new one). */
export function SpreadsheetScreen() {
  const { partnership } = usePartnership();
  const { canEdit } = useWorkspaceDoc();
  const paths = frameworkPaths(partnership.id);
  useFrameworkActivity(frameworkViewing.overview);
  return (
    <PartnershipPage title="Framework spreadsheet">
      <p className="back-link-wrapper">
        <Link to={paths.overview} className="back-link">
          Back to the framework
        </Link>
      </p>
      <section className="section" aria-labelledby="download-heading">
        <h2 id="download-heading">Download</h2>
        <p>
          One row per metric, with its indicator, outcome, domain and level. Keep the id columns: they let the file be
          imported back to update the same items.
        </p>
        <p className="button-group">
          <a className="button" href={frameworkDownloadUrl(partnership.id, 'xlsx')} download>
            Download as Excel (XLSX)
          </a>
          <a className="button button--secondary" href={frameworkDownloadUrl(partnership.id, 'csv')} download>
            Download as CSV
          </a>
        </p>
      </section>
      <section className="section" aria-labelledby="import-heading">
        <h2 id="import-heading">Import</h2>
        {canEdit ? <ImportForm partnershipId={partnership.id} overviewHref={paths.overview} /> : <ReadOnlyNotice />}
      </section>
    </PartnershipPage>
  );
}
