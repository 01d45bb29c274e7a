import type { CompressionSummary } from './compressed-files.ts';

const kB = (bytes: number) => `${Math.round(bytes / 1000).toLocaleString('en')} kB`;
const saved = (from: number, to: number) => `${Math.round((1 - to / Math.max(from, 1)) * 100)} %`;

/** One line for the start-up log: what compressing the build once saves on every load. */
export function describeSavings(summary: CompressionSummary): string {
  const { files, bytes, br, gzip, ms } = summary;
  return `web app compressed once (${files} files, ${ms} ms): ${kB(bytes)} -> ${kB(br)} Brotli (-${saved(bytes, br)}), ${kB(gzip)} gzip (-${saved(bytes, gzip)})`;
}
