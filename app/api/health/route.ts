import { getDb } from '@/db';

export const dynamic = 'force-dynamic';

export function GET() {
  try {
    getDb().$client.prepare('select 1').get();
    return Response.json({ ok: true });
  } catch (error) {
    console.error('Health check failed', error);
    return Response.json({ ok: false }, { status: 503 });
  }
}
