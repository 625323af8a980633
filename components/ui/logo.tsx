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

/**
 * The workspace's own logo when it has one, else Keel's mark. Always an <img> pointing at the logo
 * route, never inlined: an uploaded SVG drawn as an image runs no script.
 */
export function WorkspaceLogo({ src, name, size = 28 }: { src: string | null; name: string; size?: number }) {
  if (!src) return <Logo size={size} />;
  return (
    // A plain <img>: the logo is served by our own route with its own caching; next/image adds nothing here.
    // eslint-disable-next-line @next/next/no-img-element
    <img src={src} alt={`${name} logo`} data-testid="shell-logo" style={{ height: size }} className="w-auto max-w-24 shrink-0 rounded-md bg-white object-contain p-0.5" />
  );
}
