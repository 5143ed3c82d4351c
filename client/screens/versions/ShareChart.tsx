import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scalePoint } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { ChartMarker } from '../../evidence/ChartMarker.tsx';
import { seriesStyles } from '../../evidence/chartSeries.ts';
import { axisDate } from './trendWords.ts';

/** One point of a small trend line: a version's moment and a share (null: nothing to plot, a gap). */
export interface SharePoint {
  at: string;
  share: number | null;
}

interface ShareChartProps {
  points: readonly SharePoint[];
  /** What the chart shows in words, read out by screen readers; the table under it carries every value. */
  title: string;
  width?: number;
  height?: number;
}

const margin = { top: 12, right: 16, bottom: 36, left: 48 };
const percentTicks = [0, 0.25, 0.5, 0.75, 1];

/**
 * A small line chart of a share (0–100%) version by version, drawn like the evidence trend chart (the area's line
 * style and marker), so a board sees at a glance whether its evidence base grew. Versions without metrics leave gaps.
 */
export function ShareChart({ points, title, width = 360, height = 200 }: ShareChartProps) {
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const x = scalePoint<number>({ domain: points.map((_, index) => index), range: [0, innerWidth], padding: 0.5 });
  const y = scaleLinear<number>({ domain: [0, 1], range: [innerHeight, 0] });
  const xOf = (index: number) => x(index) ?? 0;
  const step = Math.max(1, Math.ceil(points.length / 4));
  const tickIndexes = points
    .map((_, index) => index)
    .filter((index) => index % step === 0 || index === points.length - 1);
  const plotted = points.map((point, index) => (point.share === null ? null : { index, share: point.share }));
  const { colour } = seriesStyles.area;

  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title}
      className="trend-chart trend-chart--small"
      preserveAspectRatio="xMidYMid meet"
    >
      <Group left={margin.left} top={margin.top}>
        {percentTicks.map((tick) => (
          <line key={tick} x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} stroke="#dedede" />
        ))}
        <LinePath<{ index: number; share: number } | null>
          data={plotted}
          x={(point) => (point ? xOf(point.index) : 0)}
          y={(point) => (point ? y(point.share) : 0)}
          defined={(point) => point !== null}
          stroke={colour}
          strokeWidth={2.5}
        />
        {plotted.map((point) =>
          point ? <ChartMarker key={point.index} role="area" x={xOf(point.index)} y={y(point.share)} /> : null,
        )}
        <AxisLeft
          scale={y}
          tickValues={[0, 0.5, 1]}
          tickFormat={(value) => `${Math.round(Number(value) * 100)}%`}
          tickLabelProps={{ fontSize: 13, fill: '#0b0c0c', textAnchor: 'end', dx: -4, dy: 4 }}
          stroke="#0b0c0c"
          tickStroke="#0b0c0c"
        />
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickValues={tickIndexes}
          tickFormat={(index) => axisDate(points[index]?.at ?? '')}
          tickLabelProps={{ fontSize: 13, fill: '#0b0c0c', textAnchor: 'middle' }}
          stroke="#0b0c0c"
          tickStroke="#0b0c0c"
        />
      </Group>
    </svg>
  );
}
