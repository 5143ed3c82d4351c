import type { StatusBucket } from '../../shared/model/dataMapping/index.ts';

/**
 * How each status is drawn in the summary chart: a colour and a pattern, so that the bars can be told apart without
 * colour; the label in the legend and the table beside the chart say it in words.
 */
export const statusStyles: Readonly<
  Record<StatusBucket, { colour: string; pattern: 'solid' | 'diagonal' | 'dots' | 'cross' | 'none' }>
> = {
  available: { colour: '#00703c', pattern: 'solid' },
  partial: { colour: '#f47738', pattern: 'diagonal' },
  'not-accessible': { colour: '#1d70b8', pattern: 'dots' },
  missing: { colour: '#d4351c', pattern: 'cross' },
  'not-mapped': { colour: '#b1b4b6', pattern: 'none' },
};

/** The tag class of a status in the grid (text always shown inside it). */
export function statusTagClass(status: StatusBucket): string {
  return `status-tag status-tag--${status}`;
}
