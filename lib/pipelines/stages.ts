/** The only stage names and probabilities in the code: what a new pipeline starts with. */
export const DEFAULT_STAGES: readonly { name: string; probabilityBp: number; rotDays: number }[] = [
  { name: 'Lead', probabilityBp: 1000, rotDays: 14 },
  { name: 'Qualified', probabilityBp: 2500, rotDays: 21 },
  { name: 'Proposal', probabilityBp: 5000, rotDays: 21 },
  { name: 'Negotiation', probabilityBp: 7500, rotDays: 30 },
];

/** Basis points as the percentage an admin types: 1250 → '12.5', 3333 → '33.33'. */
export function bpToPercentInput(bp: number): string {
  return String(bp / 100);
}
