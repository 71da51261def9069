/** Memory of a process, from Linux's /proc. */
import { readFileSync, writeFileSync } from 'node:fs';

function statusField(pid: number, field: string): number | null {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(
      new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'),
    );
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The peak resident set size (VmHWM) in MiB, or null where /proc is not there. */
export function peakRssMb(pid: number): number | null {
  return statusField(pid, 'VmHWM');
}

/**
 * Resets the peak to the current size (writing 5 to clear_refs), so that a later `peakRssMb` measures
 * only what came after (the load, not the start). False when the kernel does not allow it.
 */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
