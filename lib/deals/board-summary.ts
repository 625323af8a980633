import { weightedCents } from './probability';

export type Summary = { stageId: number; count: number; sumCents: number; weightedCents: number };
type MovedCard = { valueCents: number; probabilityBp: number; overridden: boolean };

/**
 * Column figures after a card moves (optimistically, before the server's exact GROUP BY answers).
 * A card without an override takes the target stage's probability; toStageId null means it left the
 * board (won or lost).
 */
export function applyMove(
  summaries: Summary[],
  card: MovedCard,
  fromStageId: number,
  toStageId: number | null,
  targetStageBp: number | null,
): Summary[] {
  if (fromStageId === toStageId) return summaries;
  const before = weightedCents(card.valueCents, card.probabilityBp);
  const afterBp = card.overridden || targetStageBp === null ? card.probabilityBp : targetStageBp;
  const after = weightedCents(card.valueCents, afterBp);
  const ids = new Set(summaries.map((s) => s.stageId));
  const all = toStageId !== null && !ids.has(toStageId) ? [...summaries, { stageId: toStageId, count: 0, sumCents: 0, weightedCents: 0 }] : summaries;
  return all.map((s) => {
    if (s.stageId === fromStageId)
      return { ...s, count: s.count - 1, sumCents: s.sumCents - card.valueCents, weightedCents: s.weightedCents - before };
    if (s.stageId === toStageId) return { ...s, count: s.count + 1, sumCents: s.sumCents + card.valueCents, weightedCents: s.weightedCents + after };
    return s;
  });
}
