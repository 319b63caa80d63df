import type { IncomingMessage } from "node:http";

/** express's compiled "trust proxy" setting: may the hop at `index` (0 = the socket's peer) set X-Forwarded-For? */
export type TrustProxy = (address: string, index: number) => boolean;

/** TRUST_PROXY as express's "trust proxy" value: false, a hop count, or a list of addresses and subnets. */
export function trustProxySetting(raw: string): boolean | number | string[] {
  if (raw === "") return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw.split(",").map((s) => s.trim());
}

/**
 * The caller's address for a WebSocket upgrade, the same way express computes `req.ip` for HTTP: walk
 * X-Forwarded-For from the nearest hop while each hop is a trusted proxy. Without trusted proxies, the peer.
 */
export function clientAddress(req: IncomingMessage, trust: TrustProxy | undefined): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  const header = req.headers["x-forwarded-for"];
  if (!trust || header === undefined) return peer;
  const forwarded = String(header)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .reverse();
  const hops = [peer, ...forwarded];
  for (let i = 0; i < hops.length - 1; i++) if (!trust(hops[i], i)) return hops[i];
  return hops[hops.length - 1];
}
