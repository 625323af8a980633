// What a finished job produced, in words, from the JSON its handler returned (db/jobs/handlers.ts).
// Results are read defensively: a row can be older than this code.

export type ResultSummary = { summary: string | null; warnings: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The last part of a path, whichever separator the server uses. */
export function fileName(file: string): string {
  return file.split(/[\\/]/).filter(Boolean).at(-1) ?? file;
}

export function describeJobResult(kind: string, result: unknown): ResultSummary {
  if (!isRecord(result)) return { summary: null, warnings: [] };
  if (kind === 'backup' && typeof result.file === 'string') {
    const pruned = typeof result.pruned === 'number' && result.pruned > 0 ? `; ${plural(result.pruned, 'old backup')} removed` : '';
    const size = typeof result.size === 'string' ? ` (${result.size})` : '';
    const warnings = Array.isArray(result.warnings) ? result.warnings.filter((w): w is string => typeof w === 'string') : [];
    return { summary: `${fileName(result.file)}${size}${pruned}`, warnings };
  }
  if (kind === 'prune') {
    const removed = (['signInAttempts', 'sessions', 'rateLimitWindows', 'jobs'] as const).map((k) => (typeof result[k] === 'number' ? result[k] : 0));
    const [attempts, sessions, windows, jobs] = removed;
    if (removed.every((n) => n === 0)) return { summary: 'Nothing was old enough to clear out', warnings: [] };
    const parts = [
      attempts ? plural(attempts, 'sign-in attempt') : null,
      sessions ? plural(sessions, 'ended session') : null,
      windows ? plural(windows, 'rate-limit window') : null,
      jobs ? plural(jobs, 'finished job') : null,
    ].filter(Boolean);
    return { summary: `Cleared out ${parts.join(', ')}`, warnings: [] };
  }
  return { summary: null, warnings: [] };
}
