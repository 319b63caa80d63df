import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { SignJWT, jwtVerify, errors } from "jose";
import type { Config } from "../../config";
import { ApiError, ErrorCode } from "../errors";
import { LruCache } from "../lru-cache";

const ISSUER = "assignment-tracker";

/** The signing key: JWT_SECRET, or a random secret created once and kept beside the embedded database. */
export function signingKey(config: Pick<Config, "JWT_SECRET" | "DATA_DIR">): Uint8Array {
  if (config.JWT_SECRET) return new TextEncoder().encode(config.JWT_SECRET);
  const file = path.join(config.DATA_DIR, "jwt-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.DATA_DIR, { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return new TextEncoder().encode(fs.readFileSync(file, "utf8").trim());
}

export interface TokenAuthority {
  issue(userId: number): Promise<{ token: string; expiresAt: Date }>;
  /** The user id the token names; TOKEN_EXPIRED or UNAUTHENTICATED when it is not valid. */
  verify(token: string): Promise<number>;
}

/** Short-lived HS256 access tokens (JWT) naming a user; the user's roles are read from the database per request. */
export function createTokenAuthority(
  config: Pick<Config, "JWT_SECRET" | "DATA_DIR" | "TOKEN_TTL_SECONDS">,
): TokenAuthority {
  const key = signingKey(config);
  /**
   * Tokens that verified, with their subject and expiry: a repeat only checks the expiry again (a signed token
   * cannot change; this process's key does not either). Only valid tokens are kept, at most 10,000.
   */
  const verified = new LruCache<string, { userId: number; exp: number }>(10_000);
  return {
    async issue(userId) {
      const expiresAt = new Date(Date.now() + config.TOKEN_TTL_SECONDS * 1000);
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(String(userId))
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(key);
      return { token, expiresAt };
    },
    async verify(token) {
      const known = verified.get(token);
      if (known) {
        // What jwtVerify would say of it now: the signature, issuer and subject cannot have changed.
        if (known.exp > Math.floor(Date.now() / 1000)) return known.userId;
        throw new ApiError(ErrorCode.TOKEN_EXPIRED, "The token has expired; sign in again.");
      }
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ["HS256"] });
        const id = Number(payload.sub);
        if (!Number.isInteger(id) || id <= 0) throw new Error("bad subject");
        if (typeof payload.exp === "number") verified.set(token, { userId: id, exp: payload.exp });
        return id;
      } catch (error) {
        if (error instanceof errors.JWTExpired)
          throw new ApiError(ErrorCode.TOKEN_EXPIRED, "The token has expired; sign in again.");
        throw new ApiError(ErrorCode.UNAUTHENTICATED, "The token is not valid; sign in again.");
      }
    },
  };
}

/** `Bearer <token>` → token; null when there is no Authorization value. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== "string" || header.trim() === "") return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new ApiError(ErrorCode.UNAUTHENTICATED, "Authorization must be `Bearer <token>`.");
  return match[1];
}
