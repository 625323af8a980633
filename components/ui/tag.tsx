export function Tag({ children }: { children: React.ReactNode }) {
  return <span className="inline-flex items-center rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-brand-100">{children}</span>;
}

/** A record's tags in a wrapping row; nothing at all when it has none. */
export function TagList({ tags, className }: { tags: string[]; className: string }) {
  if (tags.length === 0) return null;
  return (
    <div className={`${className} flex flex-wrap gap-1`}>
      {tags.map((t) => (
        <Tag key={t}>{t}</Tag>
      ))}
    </div>
  );
}
