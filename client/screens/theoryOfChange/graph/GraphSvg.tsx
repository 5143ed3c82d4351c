import { forwardRef } from 'react';
import { evidenceStrengthOrder, evidenceStrengths } from '../../../../shared/model/theoryOfChange/index.ts';
import type { EvidenceStrength } from '../../../../shared/schemas/theoryOfChange.ts';
import { groupLabelLineHeight, type GraphLayout, type PlacedEdge, type PlacedNode } from './layoutGraph.ts';

// Styles are attributes, not CSS classes, so the SVG downloaded as a file looks the same as on screen.
const font = 'Arial, Helvetica, sans-serif';
const ink = '#0b0c0c';
const brand = '#1d4f91';

/** Line styles by evidence strength: thicker and more solid for stronger evidence, so colour is never needed. */
export const evidenceStroke: Record<EvidenceStrength, { width: number; dash: string | undefined }> = {
  strong: { width: 4, dash: undefined },
  promising: { width: 2.5, dash: undefined },
  'local-evaluation': { width: 2, dash: '10 5' },
  'practice-wisdom': { width: 2, dash: '4 4' },
  untested: { width: 2, dash: '1 5' },
};

const headerHeight = 30;
const legendHeight = 150;

const boxStyle: Record<PlacedNode['kind'], { fill: string; stroke: string; dash?: string }> = {
  action: { fill: '#e8f0fa', stroke: brand },
  indicator: { fill: '#f3f2f1', stroke: '#505a5f' },
  outcome: { fill: '#ffffff', stroke: '#505a5f' },
  removed: { fill: '#fff7e6', stroke: '#8a4b00', dash: '6 4' },
};

/** A smooth line through the edge's points, leaving and arriving horizontally, as the columns read left to right. */
function pathOf(edge: PlacedEdge): string {
  const [first, ...rest] = edge.points;
  if (!first) return '';
  let d = `M${first.x.toFixed(1)},${first.y.toFixed(1)}`;
  let previous = first;
  for (const point of rest) {
    const bend = (point.x - previous.x) / 2;
    d += ` C${(previous.x + bend).toFixed(1)},${previous.y.toFixed(1)} ${(point.x - bend).toFixed(1)},${point.y.toFixed(1)} ${point.x.toFixed(1)},${point.y.toFixed(1)}`;
    previous = point;
  }
  return d;
}

function NodeBox({ node, onOpen }: { node: PlacedNode; onOpen: (node: PlacedNode) => void }) {
  const style = boxStyle[node.kind];
  const strong = node.isPriority;
  return (
    <g
      transform={`translate(${node.x.toFixed(1)},${node.y.toFixed(1)})`}
      onClick={node.kind === 'action' ? () => onOpen(node) : undefined}
      style={node.kind === 'action' ? { cursor: 'pointer' } : undefined}
      data-node={node.id}
    >
      <rect
        width={node.width}
        height={node.height}
        rx={node.kind === 'action' ? 8 : 3}
        fill={style.fill}
        stroke={strong ? brand : style.stroke}
        strokeWidth={strong ? 3.5 : 1.5}
        strokeDasharray={style.dash}
      />
      {node.lines.map((line, index) => (
        <text key={index} x={10} y={10 + 13 + index * 16} fontFamily={font} fontSize={13} fill={ink}>
          {line}
        </text>
      ))}
      {node.detail ? (
        <text
          x={10}
          y={10 + 13 + node.lines.length * 16}
          fontFamily={font}
          fontSize={12}
          fontWeight={700}
          fill={node.kind === 'removed' ? '#8a4b00' : '#484949'}
        >
          {node.detail}
        </text>
      ) : null}
    </g>
  );
}

function Legend({ y }: { y: number }) {
  return (
    <g transform={`translate(16,${y})`}>
      <text x={0} y={14} fontFamily={font} fontSize={13} fontWeight={700} fill={ink}>
        Evidence strength of each link
      </text>
      {evidenceStrengthOrder.map((key, index) => {
        const { width, dash } = evidenceStroke[key];
        const rowY = 32 + index * 20;
        return (
          <g key={key}>
            <line
              x1={0}
              x2={60}
              y1={rowY}
              y2={rowY}
              stroke={ink}
              strokeWidth={width}
              strokeDasharray={dash}
              strokeLinecap="round"
            />
            <text x={72} y={rowY + 4} fontFamily={font} fontSize={12} fill={ink}>
              {evidenceStrengths[key].label}
            </text>
          </g>
        );
      })}
      <text x={320} y={32 + 4} fontFamily={font} fontSize={12} fill={ink}>
        Thick blue border: priority outcome. “No action”: nothing in the offer is meant to move it.
      </text>
      <text x={320} y={52 + 4} fontFamily={font} fontSize={12} fill={ink}>
        Dashed box: the outcome or indicator was removed from the framework; the link needs resolving.
      </text>
    </g>
  );
}

/** The laid-out graph as SVG: group boxes, link lines styled by evidence, node boxes, column headings and a legend. */
export const GraphSvg = forwardRef<
  SVGSVGElement,
  { layout: GraphLayout; title: string; onOpen: (node: PlacedNode) => void }
>(function GraphSvg({ layout, title, onOpen }, ref) {
  const width = Math.max(layout.width, 900);
  const height = headerHeight + layout.height + legendHeight;
  const columnX = (kind: PlacedNode['kind']) => layout.nodes.find((node) => node.kind === kind)?.x;
  const headings: [PlacedNode['kind'], string][] = [
    ['action', 'Services and actions'],
    ['indicator', 'Indicators'],
    ['outcome', 'Outcomes, by domain and level'],
  ];
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title}
      data-testid="toc-graph"
    >
      <rect width={width} height={height} fill="#ffffff" />
      <defs>
        <marker
          id="toc-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill={ink} />
        </marker>
      </defs>
      {headings.map(([kind, label]) => {
        const x = columnX(kind);
        return x === undefined ? null : (
          <text key={kind} x={x} y={20} fontFamily={font} fontSize={14} fontWeight={700} fill={ink}>
            {label}
          </text>
        );
      })}
      <g transform={`translate(0,${headerHeight})`}>
        {layout.groups.map((group) => (
          <g key={group.id}>
            <rect
              x={group.x}
              y={group.y}
              width={group.width}
              height={group.height}
              rx={6}
              fill="#f8f8f8"
              stroke="#b1b4b6"
            />
            <text x={group.x + 8} y={group.y + 20} fontFamily={font} fontSize={12} fontWeight={700} fill="#484949">
              {group.labelLines.map((line, index) => (
                <tspan key={index} x={group.x + 8} dy={index === 0 ? 0 : groupLabelLineHeight}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        ))}
        {layout.edges.map((edge) => {
          const stroke = edge.evidence ? evidenceStroke[edge.evidence] : { width: 1.2, dash: '2 3' };
          return (
            <path
              key={edge.id}
              d={pathOf(edge)}
              fill="none"
              stroke={edge.kind === 'serves' ? '#6f777b' : ink}
              strokeWidth={stroke.width}
              strokeDasharray={stroke.dash}
              strokeLinecap="round"
              markerEnd="url(#toc-arrow)"
              data-edge={edge.id}
            />
          );
        })}
        {layout.nodes.map((node) => (
          <NodeBox key={node.id} node={node} onOpen={onOpen} />
        ))}
      </g>
      <Legend y={headerHeight + layout.height + 10} />
    </svg>
  );
});
