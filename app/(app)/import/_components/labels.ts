import type { ImportState } from '@/db/schema';
import type { ImportKind } from '@/lib/import/fields';

// Words the import screens show for stored values, in one place so the history and a batch agree.

export const KIND_LABELS: Record<ImportKind, string> = { contacts: 'Contacts', companies: 'Companies', deals: 'Deals', products: 'Products', leads: 'Leads' };

export const STATE_LABELS: Record<ImportState, string> = {
  draft: 'Not checked',
  checked: 'Checked, not imported',
  queued: 'Waiting to import',
  running: 'Importing',
  done: 'Imported',
  failed: 'Failed',
  undoing: 'Undoing',
  undone: 'Undone',
};

export const STATE_TONES: Record<ImportState, string> = {
  draft: 'bg-slate-100 text-slate-700',
  checked: 'bg-slate-100 text-slate-700',
  queued: 'bg-brand-50 text-brand-700',
  running: 'bg-brand-50 text-brand-700',
  done: 'bg-emerald-50 text-emerald-800',
  failed: 'bg-red-50 text-red-800',
  undoing: 'bg-amber-50 text-amber-800',
  undone: 'bg-slate-100 text-slate-700',
};

export const RECORD_PATHS: Record<ImportKind, string> = { contacts: '/contacts', companies: '/companies', deals: '/deals', products: '/products', leads: '/leads' };

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
