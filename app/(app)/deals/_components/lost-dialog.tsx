'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';

const OTHER = '__other__';

/** Asks why a deal was lost: a reason from the admin's list, or free text. */
export function LostDialog({ card, reasons, onCancel, onConfirm }: { card: { title: string } | null; reasons: string[]; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState('');
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (card && !dialog.open) {
      setChoice(reasons[0] ?? OTHER);
      setOther('');
      setError(null);
      dialog.showModal();
    }
    if (!card && dialog.open) dialog.close();
  }, [card, reasons]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const reason = choice === OTHER ? other.trim() : choice;
    if (!reason) return setError('Choose or type a reason');
    onConfirm(reason);
  }

  return (
    <dialog ref={ref} onCancel={onCancel} className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-0 shadow-2xl backdrop:bg-slate-900/40" aria-labelledby="lost-title">
      <form onSubmit={submit} className="space-y-4 p-5">
        <div>
          <h2 id="lost-title" className="text-lg font-semibold text-slate-900">
            Mark as lost
          </h2>
          <p className="mt-1 text-sm text-slate-500">{card?.title}</p>
        </div>
        <label className="block">
          <span className="mb-1 block text-sm font-medium text-slate-700">Reason</span>
          <select className={inputClass} value={choice} onChange={(e) => setChoice(e.target.value)}>
            {reasons.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
            <option value={OTHER}>Other…</option>
          </select>
        </label>
        {choice === OTHER ? (
          <label className="block">
            <span className="mb-1 block text-sm font-medium text-slate-700">Other reason</span>
            <input className={inputClass} value={other} onChange={(e) => setOther(e.target.value)} maxLength={200} autoFocus />
          </label>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-red-600">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" className="bg-red-600 hover:bg-red-700">
            Mark as lost
          </Button>
        </div>
      </form>
    </dialog>
  );
}
