import { redirect } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';

// Products import through the one import screen now; this address is kept for old links and bookmarks.
export default async function ImportProductsPage() {
  await requireRole('admin', 'manager');
  redirect('/import?kind=products');
}
