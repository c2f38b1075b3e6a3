/** File sizes in words a user reads ("190 MB", "512 KB", "12 bytes"), counted in 1024s as the limits are. */

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

/** `bytes` rounded to a whole number of the largest unit that fits, or to one decimal in GB. */
export function sizeInWords(bytes: number): string {
  if (bytes >= GB) return `${(bytes / GB).toFixed(1).replace(/\.0$/, '')} GB`;
  if (bytes >= MB) return `${Math.round(bytes / MB)} MB`;
  if (bytes >= KB) return `${Math.round(bytes / KB)} KB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}
