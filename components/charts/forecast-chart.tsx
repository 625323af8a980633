'use client';

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

type Point = { label: string; weighted: number; won: number; goal: number | null };

/** Weighted pipeline and won value per month (in whole currency units), with the goal as a line. */
export function ForecastChart({ data, currency }: { data: Point[]; currency: string }) {
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  const hasGoal = data.some((d) => d.goal !== null);
  return (
    <div className="h-72 w-full" role="img" aria-label="Chart of weighted pipeline and won value per month; the figures are in the table below">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#64748b' }} tickLine={false} axisLine={false} />
          <YAxis tickFormatter={(v: number) => money.format(v)} tick={{ fontSize: 12, fill: '#64748b' }} tickLine={false} axisLine={false} width={64} />
          <Tooltip formatter={(v) => money.format(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="weighted" name="Weighted pipeline" fill="#2f6fed" radius={[4, 4, 0, 0]} />
          <Bar dataKey="won" name="Won" fill="#10b981" radius={[4, 4, 0, 0]} />
          {hasGoal ? <Line type="monotone" dataKey="goal" name="Goal" stroke="#f59e0b" strokeWidth={2} dot={{ r: 3 }} connectNulls /> : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
