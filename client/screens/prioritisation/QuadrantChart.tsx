import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { scaleMax, scaleMin } from '../../../shared/schemas/rounds.ts';
import type { RoundResults } from '../../../shared/schemas/roundResults.ts';
import { quadrantOf, quadrantWords, separatePoints } from '../../prioritisation/quadrantLayout.ts';
import { CandidateName } from './CandidateName.tsx';

const margin = { top: 16, right: 16, bottom: 52, left: 60 };
const ticks = [1, 2, 3, 4, 5];

/**
 * Need × influence as a 2×2 chart: influence across, need up, the middle of the scale dividing the quarters. Each
 * candidate is a numbered marker (numbers never collide the way labels would; markers that would overlap are moved
 * apart), and the table under the chart — the alternative to it, and its legend — names every number with its
 * figures and quarter in words.
 */
export function QuadrantChart({ results, large = false }: { results: RoundResults; large?: boolean }) {
  const plotted = results.candidates.filter((candidate) => candidate.need && candidate.influence);
  if (results.method !== 'matrix' || plotted.length === 0) return null;
  const width = large ? 720 : 560;
  const height = large ? 560 : 440;
  const radius = large ? 16 : 12;
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  // Half a point of room beyond each end, so markers at 1 or 5 stay clear of the edge and of the quarters' names.
  const domain = [scaleMin - 0.5, scaleMax + 0.5];
  const x = scaleLinear<number>({ domain, range: [0, innerWidth] });
  const y = scaleLinear<number>({ domain, range: [innerHeight, 0] });
  const positions = separatePoints(
    plotted.map((candidate) => ({ x: x(candidate.influence!.mean), y: y(candidate.need!.mean) })),
    radius,
    { width: innerWidth, height: innerHeight },
  );
  const middle = (scaleMin + scaleMax) / 2;
  const corner = { fontSize: large ? 16 : 13, fill: '#505a5f' };
  const titleId = `quadrant-title-${results.roundId}`;

  return (
    <figure className={large ? 'quadrant quadrant--large' : 'quadrant'} data-testid="quadrant-chart">
      <figcaption id={titleId} className="quadrant__caption">
        Where each candidate sits: need (up) against how much we can influence it (across), at the mean
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={`${titleId}-table`}
        className="quadrant__chart"
        preserveAspectRatio="xMidYMid meet"
      >
        <Group left={margin.left} top={margin.top}>
          <rect x={0} y={0} width={innerWidth} height={innerHeight} fill="#ffffff" stroke="#0b0c0c" />
          {/* The quarter to act in first is shaded; its words say so too. */}
          <rect x={x(middle)} y={0} width={innerWidth - x(middle)} height={y(middle)} fill="#e8f1f8" />
          <line x1={x(middle)} x2={x(middle)} y1={0} y2={innerHeight} stroke="#0b0c0c" strokeDasharray="6 4" />
          <line x1={0} x2={innerWidth} y1={y(middle)} y2={y(middle)} stroke="#0b0c0c" strokeDasharray="6 4" />
          <text x={innerWidth - 8} y={18} textAnchor="end" {...corner} fontWeight={700}>
            {quadrantWords.act.where}
          </text>
          <text x={8} y={18} {...corner}>
            {quadrantWords.partner.where}
          </text>
          <text x={innerWidth - 8} y={innerHeight - 8} textAnchor="end" {...corner}>
            {quadrantWords.watch.where}
          </text>
          <text x={8} y={innerHeight - 8} {...corner}>
            {quadrantWords.lower.where}
          </text>
          {ticks.map((tick) => (
            <g key={tick} fontSize={large ? 15 : 12} fill="#0b0c0c">
              <text x={x(tick)} y={innerHeight + 18} textAnchor="middle">
                {tick}
              </text>
              <text x={-10} y={y(tick) + 4} textAnchor="end">
                {tick}
              </text>
            </g>
          ))}
          <text x={innerWidth / 2} y={innerHeight + 42} textAnchor="middle" fontSize={large ? 17 : 14} fill="#0b0c0c">
            How much we can influence it (1 to 5) →
          </text>
          <text
            transform={`translate(${-42}, ${innerHeight / 2}) rotate(-90)`}
            textAnchor="middle"
            fontSize={large ? 17 : 14}
            fill="#0b0c0c"
          >
            How great the need is (1 to 5) →
          </text>
          {plotted.map((candidate, index) => {
            const at = positions[index]!;
            return (
              <g key={candidate.candidateId} transform={`translate(${at.x}, ${at.y})`}>
                <circle r={radius} fill="#1d70b8" stroke="#ffffff" strokeWidth={2} />
                <text
                  textAnchor="middle"
                  dy="0.35em"
                  fontSize={large ? 16 : 12}
                  fontWeight={700}
                  fill="#ffffff"
                  aria-hidden="true"
                >
                  {index + 1}
                </text>
              </g>
            );
          })}
        </Group>
      </svg>
      <div className="table-scroll">
        <table className="table quadrant__table" id={`${titleId}-table`} data-testid="quadrant-table">
          <caption>Candidates on the chart, by number</caption>
          <thead>
            <tr>
              <th scope="col">No.</th>
              <th scope="col">Candidate</th>
              <th scope="col">Need (mean)</th>
              <th scope="col">Influence (mean)</th>
              <th scope="col">Quarter</th>
            </tr>
          </thead>
          <tbody>
            {plotted.map((candidate, index) => {
              const quadrant = quadrantWords[quadrantOf(candidate.need!.mean, candidate.influence!.mean)];
              return (
                <tr key={candidate.candidateId} data-testid="quadrant-row">
                  <td>{index + 1}</td>
                  <th scope="row">
                    <CandidateName candidate={candidate} />
                  </th>
                  <td>
                    {candidate.need!.mean}
                    <span className="table__secondary">spread {candidate.need!.spread}</span>
                  </td>
                  <td>
                    {candidate.influence!.mean}
                    <span className="table__secondary">spread {candidate.influence!.spread}</span>
                  </td>
                  <td>
                    {quadrant.where}: {quadrant.suggests}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
