import { domainLabel } from '../../../shared/model/framework/domains.ts';
import type { BoardPack, PackException } from '../../../shared/schemas/boardPack.ts';
import type { Domain } from '../../../shared/schemas/framework.ts';
import { ExceptionChart } from './ExceptionChart.tsx';
import { Nothing, PackSection } from './PackSection.tsx';
import { PackTable } from './PackTable.tsx';
import {
  calendarDate,
  changesByDomain,
  dayOf,
  kindWords,
  reviewIsDue,
  seriesCell,
  noDataGapsWords,
} from '../../../shared/model/cycles/packWords.ts';

const domainWords = (domain: Domain | null) => (domain ? domainLabel(domain) : 'No domain');

/** What changed since the last meeting: the summary a chair reads first, then the changes by domain. */
export function ChangesSection({ pack }: { pack: BoardPack }) {
  const changes = pack.changes;
  return (
    <PackSection id="changes" title="What changed since the last meeting">
      {changes ? (
        <>
          <p className="board-pack__secondary">
            Compared with “{changes.since.label}” ({dayOf(changes.since.createdAt)}).
          </p>
          <p className="board-pack__summary">{changes.summary}</p>
          {changes.changes.length === 0 ? <Nothing>Nothing has changed since then.</Nothing> : null}
          {changesByDomain(changes.changes).map((group) => (
            <div key={group.domain} className="board-pack__keep-heading">
              <h3>{group.label}</h3>
              <ul className="board-pack__changes">
                {group.changes.map((change, index) => (
                  <li key={`${change.entity.type}:${change.entity.id}:${change.field ?? ''}:${index}`}>
                    {change.attention ? <strong className="board-pack__attention">Needs attention:</strong> : null}{' '}
                    <span className={change.attention ? 'board-pack__strong' : undefined}>
                      {change.entity.label}: {change.words}
                    </span>
                    {change.by ? <span className="board-pack__secondary"> ({change.by.name})</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      ) : (
        <Nothing>There is no earlier version of the partnership to compare with yet.</Nothing>
      )}
    </PackSection>
  );
}

/** The current priorities and the decisions behind them, each with the date the board will look again. */
export function PrioritiesSection({ pack }: { pack: BoardPack }) {
  return (
    <PackSection id="priorities" title="Current priorities and decisions">
      <h3>Current priorities</h3>
      {pack.priorities.length === 0 ? (
        <Nothing>The board has not recorded any priorities yet.</Nothing>
      ) : (
        <PackTable
          caption="Current priorities with the date each was agreed and its review date"
          captionHidden
          columns={['Priority', 'Kind', 'Agreed', 'Review by']}
          rows={pack.priorities.map((priority, index) => ({
            key: `${index}:${priority.label}`,
            cells: [
              priority.label,
              kindWords(priority.kind),
              dayOf(priority.decidedAt),
              calendarDate(priority.reviewDate),
            ],
          }))}
        />
      )}
      <h3>Decisions</h3>
      {pack.decisions.length === 0 ? <Nothing>No decisions have been recorded yet.</Nothing> : null}
      {pack.decisions.map((decision) => (
        <div key={decision.id} className="board-pack__decision">
          <h4>{decision.roundTitle}</h4>
          <p>{decision.statement}</p>
          <dl className="board-pack__facts">
            <div>
              <dt>Agreed priorities</dt>
              <dd>{decision.priorities.map((candidate) => candidate.label).join('; ')}</dd>
            </div>
            <div>
              <dt>Decided</dt>
              <dd>{dayOf(decision.decidedAt)}</dd>
            </div>
            <div>
              <dt>Review by</dt>
              <dd>
                {calendarDate(decision.reviewDate)}
                {reviewIsDue(decision.reviewDate, pack.meeting.startsAt) ? ' (the review date has passed)' : ''}
              </dd>
            </div>
          </dl>
        </div>
      ))}
    </PackSection>
  );
}

function Exception({ exception, areaName }: { exception: PackException; areaName: string }) {
  return (
    <div className="board-pack__exception">
      <h3>{exception.metricName}</h3>
      <dl className="board-pack__facts">
        <div>
          <dt>Indicator</dt>
          <dd>{exception.indicatorName}</dd>
        </div>
        <div>
          <dt>Outcomes</dt>
          <dd>{exception.outcomeStatements.join('; ') || 'None linked'}</dd>
        </div>
        <div>
          <dt>Domain</dt>
          <dd>{domainWords(exception.domain)}</dd>
        </div>
        <div>
          <dt>Why it is reported</dt>
          <dd>{exception.reasons.join('; ')}</dd>
        </div>
      </dl>
      <ExceptionChart exception={exception} areaName={areaName} />
      <PackTable
        caption={`${exception.metricName}: ${areaName} against England and the region, by period (latest ${exception.latestPeriod})`}
        columns={['Period', areaName, 'England', 'Region']}
        rows={exception.series.map((row) => ({
          key: row.period,
          cells: [
            row.period,
            seriesCell(row.area, exception.unit, row.suppressed),
            seriesCell(row.england, exception.unit),
            seriesCell(row.region, exception.unit),
          ],
        }))}
      />
    </div>
  );
}

/** Indicators reported by exception: worse than England or the region, or significantly worsening. */
export function ExceptionsSection({ pack }: { pack: BoardPack }) {
  return (
    <PackSection id="exceptions" title="Indicators by exception">
      <p>Metrics worse than England or the region, or getting significantly worse.</p>
      {pack.exceptions.length === 0 ? <Nothing>No indicator is worse than England or worsening.</Nothing> : null}
      {pack.exceptions.map((exception) => (
        <Exception key={exception.metricId} exception={exception} areaName={pack.partnership.area} />
      ))}
    </PackSection>
  );
}

/** The data development agenda: metrics with missing or partial data, why, and what happens next. */
export function DataAgendaSection({ pack }: { pack: BoardPack }) {
  return (
    <PackSection id="data-agenda" title="Data development agenda">
      {pack.dataGaps.length === 0 ? (
        <Nothing>{noDataGapsWords}</Nothing>
      ) : (
        <PackTable
          caption="Metrics with missing or partial data, the reason, the next step and its owner"
          captionHidden
          columns={['Metric', 'Domain', 'Status', 'Reason', 'Next step', 'Owner']}
          rows={pack.dataGaps.map((gap) => ({
            key: gap.metricId,
            cells: [
              gap.metricName,
              domainWords(gap.domain),
              gap.status,
              gap.reason,
              gap.nextStep,
              gap.owner.trim() || 'No owner',
            ],
          }))}
        />
      )}
    </PackSection>
  );
}

/** Theory-of-change gaps: outcomes no commissioned action serves, and links that need attention. */
export function TocGapsSection({ pack }: { pack: BoardPack }) {
  return (
    <PackSection id="toc-gaps" title="Theory of change gaps">
      {pack.tocGaps.length === 0 ? (
        <Nothing>The theory of change has no gaps.</Nothing>
      ) : (
        <PackTable
          caption="Theory of change gaps and what is missing"
          captionHidden
          columns={['Outcome or link', 'What is missing']}
          rows={pack.tocGaps.map((gap, index) => ({ key: `${index}:${gap.label}`, cells: [gap.label, gap.problem] }))}
        />
      )}
    </PackSection>
  );
}
