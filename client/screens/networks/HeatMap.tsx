import { useId, useMemo, useState, type MouseEvent } from 'react';
import type { NetworkPlace } from '../../../shared/schemas/networks.ts';
import { heatMapPaths, placeStates, placeStateWord, type CoreItem } from './commonCoreView.ts';

interface HeatMapProps {
  places: readonly NetworkPlace[];
  abbreviations: readonly string[];
  rows: readonly CoreItem[];
  /** What the rows are, for the summary read out: "48 outcomes". */
  rowsWords: string;
}

const labelWidth = 300;
const headerHeight = 70;
// About 7 px a character at 13 px: what fits beside the cells, so no label runs off the left edge.
const maxLabel = 40;

const truncate = (text: string) => (text.length > maxLabel ? `${text.slice(0, maxLabel - 1)}…` : text);

/**
 * Places (columns) × template items (rows) as one SVG: each state's cells are a single path filled with its own
 * pattern (solid, stripes, cross-hatch, dots, blank) as well as its colour, with the state's letter in each cell when
 * cells are large enough. Read out as one image with a summary; the table alternative gives every cell in words.
 */
export function HeatMap({ places, abbreviations, rows, rowsWords }: HeatMapProps) {
  // Pattern ids go into `url(#…)`: only plain characters, whatever React's ids are made of.
  const id = `heat${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const cell = places.length > 60 ? 10 : places.length > 30 ? 14 : 20;
  const width = labelWidth + places.length * cell;
  const height = headerHeight + rows.length * cell;
  const paths = useMemo(() => heatMapPaths(rows, places.length, cell), [rows, places.length, cell]);
  const [pointed, setPointed] = useState<{ row: number; column: number } | null>(null);

  const counts = useMemo(() => {
    const totals = new Map<string, number>();
    for (const row of rows) for (const code of row.states) totals.set(code, (totals.get(code) ?? 0) + 1);
    return totals;
  }, [rows]);
  const summary =
    `Heat map of ${rowsWords} by ${places.length} places: ` +
    placeStates.map((entry) => `${counts.get(entry.code) ?? 0} cells ${entry.word.toLowerCase()}`).join(', ') +
    '. The same figures are in the table alternative.';

  const xs = useMemo(
    () => places.map((_, index) => labelWidth + index * cell + cell / 2 - 0.5).join(' '),
    [places, cell],
  );
  const letters = new Map(placeStates.map((entry) => [entry.code, entry.letter]));

  const handleMove = (event: MouseEvent<SVGSVGElement>): void => {
    const box = event.currentTarget.getBoundingClientRect();
    const column = Math.floor((event.clientX - box.left - labelWidth) / cell);
    const row = Math.floor((event.clientY - box.top - headerHeight) / cell);
    const inside = column >= 0 && column < places.length && row >= 0 && row < rows.length;
    setPointed(inside ? { row, column } : null);
  };
  const pointedItem = pointed ? rows[pointed.row] : undefined;
  const pointedPlace = pointed ? places[pointed.column] : undefined;

  return (
    <div className="heat-map">
      <div className="heat-map__scroll" tabIndex={0} role="region" aria-label="Heat map (scrolls sideways)">
        <svg
          role="img"
          aria-label={summary}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          className="heat-map__svg"
          data-testid="heat-map"
          onMouseMove={handleMove}
          onMouseLeave={() => setPointed(null)}
        >
          <defs>
            <pattern id={`${id}-asIs`} width="4" height="4" patternUnits="userSpaceOnUse">
              <rect width="4" height="4" fill="#2e8b57" />
            </pattern>
            <pattern
              id={`${id}-changed`}
              width="5"
              height="5"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="5" height="5" fill="#f6c85f" />
              <rect width="2" height="5" fill="#8a4b00" />
            </pattern>
            <pattern id={`${id}-dropped`} width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill="#f4cdc6" />
              <path d="M0 0L6 6M6 0L0 6" stroke="#942514" strokeWidth="1.4" />
            </pattern>
            <pattern id={`${id}-pending`} width="5" height="5" patternUnits="userSpaceOnUse">
              <rect width="5" height="5" fill="#d2e2f1" />
              <circle cx="2.5" cy="2.5" r="1.2" fill="#1d4f91" />
            </pattern>
            <pattern id={`${id}-notShared`} width="4" height="4" patternUnits="userSpaceOnUse">
              <rect width="4" height="4" fill="#f3f2f1" />
            </pattern>
          </defs>
          {places.map((place, index) => {
            const x = labelWidth + index * cell + cell / 2;
            return (
              <text
                key={place.partnershipId}
                x={x}
                y={headerHeight - 6}
                transform={`rotate(-55 ${x} ${headerHeight - 6})`}
                className="heat-map__column"
              >
                <title>{place.name}</title>
                {abbreviations[index]}
              </text>
            );
          })}
          {rows.map((row, index) => (
            <text
              key={row.templateId}
              x={labelWidth - 6}
              y={headerHeight + index * cell + cell / 2}
              className="heat-map__row"
              dominantBaseline="central"
              style={{ fontSize: Math.min(13, cell - 1) }}
            >
              <title>{row.label}</title>
              {truncate(row.label)}
            </text>
          ))}
          <g transform={`translate(${labelWidth} ${headerHeight})`}>
            {placeStates.map((entry) => (
              <path key={entry.state} d={paths[entry.code]} fill={`url(#${id}-${entry.state})`} />
            ))}
          </g>
          {cell >= 14
            ? rows.map((row, index) => (
                <text
                  key={row.templateId}
                  x={xs}
                  y={headerHeight + index * cell + cell / 2}
                  className="heat-map__letters"
                  dominantBaseline="central"
                  textAnchor="middle"
                  style={{ fontSize: cell - 6 }}
                >
                  {[...row.states.slice(0, places.length)].map((code) => letters.get(code) ?? '·').join('')}
                </text>
              ))
            : null}
          {pointed ? (
            <rect
              x={labelWidth + pointed.column * cell - 1}
              y={headerHeight + pointed.row * cell - 1}
              width={cell + 1}
              height={cell + 1}
              fill="none"
              stroke="#0b0c0c"
              strokeWidth="2"
            />
          ) : null}
        </svg>
      </div>
      <p className="heat-map__pointed" aria-hidden="true">
        {pointedItem && pointedPlace
          ? `${pointedPlace.name} · ${pointedItem.label}: ${placeStateWord(pointedItem.states[pointed!.column] ?? '.')}`
          : 'Point at a cell to see the place, the item and its state.'}
      </p>
      <HeatMapLegend patternId={id} />
    </div>
  );
}

/** The key to the heat map: each state's swatch (pattern and colour), letter and word. */
function HeatMapLegend({ patternId }: { patternId: string }) {
  return (
    <ul className="heat-map__legend" aria-label="Key to the heat map">
      {placeStates.map((entry) => (
        <li key={entry.state}>
          <svg width="20" height="20" aria-hidden="true" className="heat-map__swatch">
            <rect width="20" height="20" fill={`url(#${patternId}-${entry.state})`} stroke="#505a5f" />
          </svg>
          <span aria-hidden="true" className="heat-map__legend-letter">
            {entry.letter}
          </span>
          {entry.word}
        </li>
      ))}
    </ul>
  );
}
