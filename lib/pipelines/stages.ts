/**
 * The only stage names and probabilities in the code: what a new pipeline starts with. The rot days
 * are the demo workspace's (db/seed.ts); a pipeline added in settings gives each of its new stages
 * the workspace's default instead.
 */
export const DEFAULT_STAGES: readonly { name: string; probabilityBp: number; rotDays: number }[] = [
  { name: 'Lead', probabilityBp: 1000, rotDays: 14 },
  { name: 'Qualified', probabilityBp: 2500, rotDays: 21 },
  { name: 'Proposal', probabilityBp: 5000, rotDays: 21 },
  { name: 'Negotiation', probabilityBp: 7500, rotDays: 30 },
];
