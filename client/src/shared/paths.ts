/** The path of a unit's page. */
export const unitPath = (code: string) => `/units/${encodeURIComponent(code)}`;

/** The unit code in `/units/:code`, or null on `/units` and other paths. */
export function unitCodeOfPath(path: string): string | null {
  const match = /^\/units\/([^/]+)\/?$/.exec(path);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null; // a malformed escape: no unit
  }
}
