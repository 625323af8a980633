const DAY = 86_400_000;

/**
 * A deal rots when nothing has happened to it (no activity, no stage change) for longer than its
 * stage allows. Returns the whole days since the last touch, and whether that is too long.
 */
export function rotState(
  deal: { stageChangedAt: number; lastActivityAt: number | null },
  rotDays: number,
  now: number,
): { idleDays: number; rotting: boolean } {
  const lastTouch = Math.max(deal.stageChangedAt, deal.lastActivityAt ?? 0);
  const idleDays = Math.max(0, Math.floor((now - lastTouch) / DAY));
  return { idleDays, rotting: rotDays > 0 && now - lastTouch > rotDays * DAY };
}

/** Whole days a deal has been in its current stage. */
export function daysInStage(stageChangedAt: number, now: number): number {
  return Math.max(0, Math.floor((now - stageChangedAt) / DAY));
}
