import type { VersionReason } from '../../../shared/schemas/cycles.ts';

/** Why a version was taken, in words. */
export function reasonWords(reason: VersionReason): string {
  switch (reason.kind) {
    case 'meeting':
      return 'A meeting closed';
    case 'round':
      return 'A prioritisation round closed';
    default:
      return 'Taken by hand';
  }
}

/** A number of bytes as people read it: 12 KB, 1.4 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}
