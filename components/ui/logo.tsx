/** Keel's mark: a hull under a mast. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="#2f6fed" />
      <path d="M7 12h18l-3 10H10z" fill="white" />
      <path d="M16 5v7" stroke="white" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
