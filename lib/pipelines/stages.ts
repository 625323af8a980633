/** The only stage names and probabilities in the code: what a new pipeline starts with. */
export const DEFAULT_STAGES: readonly { name: string; probabilityBp: number; rotDays: number }[] = [
  { name: 'Lead', probabilityBp: 1000, rotDays: 14 },
  { name: 'Qualified', probabilityBp: 2500, rotDays: 21 },
  { name: 'Proposal', probabilityBp: 5000, rotDays: 21 },
  { name: 'Negotiation', probabilityBp: 7500, rotDays: 30 },
];
