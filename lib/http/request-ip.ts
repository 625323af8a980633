import 'server-only';
import { headers } from 'next/headers';
import { CLIENT_IP_HEADER, UNKNOWN_CLIENT } from './client-ip';

/**
 * The caller's address as the front door established it (lib/http/client-ip.ts, TRUST_PROXY): never a
 * forwarded header as the client sent it, since the front door replaces any such header.
 */
export async function requestIp(): Promise<string | null> {
  const ip = (await headers()).get(CLIENT_IP_HEADER);
  return ip && ip !== UNKNOWN_CLIENT ? ip : null;
}
