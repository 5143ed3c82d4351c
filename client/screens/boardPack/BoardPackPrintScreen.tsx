import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import type { BoardPack } from '../../../shared/schemas/boardPack.ts';
import { useApiData } from '../../api/useApiData.ts';
import { cyclePaths } from '../../cycles/paths.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { Page } from '../../components/Page.tsx';
import { boardPackDownloads, fetchBoardPack } from './boardPackApi.ts';
import {
  ChangesSection,
  DataAgendaSection,
  ExceptionsSection,
  PrioritiesSection,
  TocGapsSection,
} from './EvidenceSections.tsx';
import { ActionsSection, AgendaSection, AttendeesSection, CoverSection, MinutesSection } from './MeetingSections.tsx';
import { meetingDateTime } from '../../../shared/model/cycles/packWords.ts';
import { usePrintedPageHeader } from './usePrintedPageHeader.ts';
import './boardPack.css';

/**
 * A meeting's board pack as a print-ready page (`/p/:partnershipId/meetings/:meetingId/pack`): the browser's "Save as
 * PDF" gives the document to circulate, with the meeting named at the top of every page. The Word and spreadsheet
 * forms download from the server, drawn from the same data.
 */
export function BoardPackPrintScreen() {
  const { partnershipId = '', meetingId = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => fetchBoardPack(meetingId, signal), [meetingId]);
  const pack = useApiData(load);

  if (pack.status === 'loading') return <LoadingPage />;
  if (pack.status === 'failed') {
    return (
      <Page title="Board pack">
        <h1>Board pack</h1>
        <LoadFailure what="The board pack" error={pack.error} onRetry={pack.reload} />
        <p>
          <Link to={cyclePaths(partnershipId).meeting(meetingId)}>Back to the meeting</Link>
        </p>
      </Page>
    );
  }
  return <BoardPackDocument pack={pack.data} partnershipId={partnershipId} />;
}

function BoardPackDocument({ pack, partnershipId }: { pack: BoardPack; partnershipId: string }) {
  const downloads = boardPackDownloads(pack.meeting.id);
  const handlePrint = (): void => window.print();
  usePrintedPageHeader(pack.meeting.title, `${pack.partnership.name} · ${meetingDateTime(pack.meeting.startsAt)}`);
  return (
    <Page title={`Board pack – ${pack.meeting.title}`} wide>
      <div className="board-pack__toolbar">
        <p>
          <Link to={cyclePaths(partnershipId).meeting(pack.meeting.id)}>Back to the meeting</Link>
        </p>
        <ul className="board-pack__actions">
          <li>
            <button type="button" onClick={handlePrint}>
              Print or save as PDF
            </button>
          </li>
          <li>
            <a className="button button--secondary" href={downloads.docx} download>
              Download Word (.docx)
            </a>
          </li>
          <li>
            <a className="button button--secondary" href={downloads.xlsx} download>
              Download spreadsheet (.xlsx)
            </a>
          </li>
        </ul>
      </div>
      <article className="board-pack" data-testid="board-pack">
        <CoverSection pack={pack} />
        <AgendaSection pack={pack} />
        <AttendeesSection pack={pack} />
        <MinutesSection pack={pack} />
        <ActionsSection pack={pack} />
        <ChangesSection pack={pack} />
        <PrioritiesSection pack={pack} />
        <ExceptionsSection pack={pack} />
        <DataAgendaSection pack={pack} />
        <TocGapsSection pack={pack} />
      </article>
    </Page>
  );
}
