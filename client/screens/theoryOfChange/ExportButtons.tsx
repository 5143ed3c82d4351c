import { useState } from 'react';
import { linkTable, offerTable } from '../../../shared/model/theoryOfChange/index.ts';
import { datedFilename, downloadBlob, tableToCsv, tablesToXlsx } from '../../theoryOfChange/exportSheets.ts';
import { useTheoryOfChangeContext } from '../../theoryOfChange/TheoryOfChangeContext.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';

/**
 * Downloads of the offer and its links. Made in the browser from what is on screen (the live doc, including edits not
 * yet sent while offline), so nothing waits on the server; the spreadsheet library loads only for an Excel download.
 */
export function ExportButtons() {
  const { partnership } = usePartnership();
  const { snapshot, priorities } = useTheoryOfChangeContext();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { theoryOfChange } = snapshot;

  const handleCsv = (what: 'offer' | 'links'): void => {
    const table = what === 'offer' ? offerTable(theoryOfChange) : linkTable(theoryOfChange, priorities.outcomeIds);
    downloadBlob(
      new Blob([tableToCsv(table)], { type: 'text/csv;charset=utf-8' }),
      datedFilename(partnership.id, what, 'csv'),
    );
  };
  const handleXlsx = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      const blob = await tablesToXlsx([
        { name: 'Offer', table: offerTable(theoryOfChange) },
        { name: 'Links', table: linkTable(theoryOfChange, priorities.outcomeIds) },
      ]);
      downloadBlob(blob, datedFilename(partnership.id, 'theory-of-change', 'xlsx'));
    } catch {
      setProblem('The Excel file could not be made. Check your connection and try again, or download CSV instead.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="toc-downloads" aria-labelledby="toc-downloads-heading">
      <h2 id="toc-downloads-heading">Download the offer and its links</h2>
      <div className="button-group">
        <button type="button" className="button--secondary" onClick={() => handleCsv('offer')}>
          Offer (CSV)
        </button>
        <button type="button" className="button--secondary" onClick={() => handleCsv('links')}>
          Links (CSV)
        </button>
        <button type="button" className="button--secondary" onClick={() => void handleXlsx()} disabled={busy}>
          {busy ? 'Preparing Excel file…' : 'Offer and links (Excel)'}
        </button>
      </div>
      {problem ? (
        <p className="notice notice--problem" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
