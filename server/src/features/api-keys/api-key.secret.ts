import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** `atk_<8 hex prefix>_<43 base64url secret>`. */
export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = `atk_${randomBytes(4).toString("hex")}`;
  const secret = randomBytes(32).toString("base64url");
  return { key: `${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const match = /^(atk_[0-9a-f]{8})_([A-Za-z0-9_-]{20,})$/.exec(key);
  return match ? { prefix: match[1], secret: match[2] } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
