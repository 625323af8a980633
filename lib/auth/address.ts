import 'server-only';
import { normaliseIp } from '@/lib/http/client-ip';
import { requestIp } from '@/lib/http/request-ip';
import { UNKNOWN_ADDRESS } from './throttle';

/** The caller's address as sign-in throttling counts it: missing or malformed is the shared "unknown". */
export async function throttleAddress(): Promise<string> {
  return normaliseIp(await requestIp()) ?? UNKNOWN_ADDRESS;
}
