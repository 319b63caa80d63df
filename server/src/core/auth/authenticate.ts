import type { DataSource } from "typeorm";
import { ApiKey } from "../../features/api-keys/api-key.entity";
import { parseApiKey, secretMatches } from "../../features/api-keys/api-key.secret";
import { OrgUnit } from "../../features/org-units/org-unit.entity";
import { Role, User } from "../../features/users/user.entity";
import { ApiError, ErrorCode } from "../errors";
import { bearerToken, type TokenAuthority } from "./token";
import type { Viewer } from "./viewer";

/**
 * Turns the credentials of a request into the viewer they name (null when there are none); errors when they are
 * present but bad. A signed-in user's JWT or a third party's API key (`atk_…`), as `Authorization: Bearer …` or
 * `X-Api-Key: …`. `userViewer` turns a verified token's user id into its viewer (the authenticator passes its
 * cache; by default, read from the database).
 */
export async function authenticate(
  db: DataSource,
  tokens: TokenAuthority,
  authorization: unknown,
  apiKeyHeader?: unknown,
  userViewer: (userId: number) => Promise<Viewer> = (userId) => viewerOf(db, userId),
): Promise<Viewer | null> {
  const token =
    bearerToken(authorization) ??
    (typeof apiKeyHeader === "string" && apiKeyHeader.trim() !== "" ? apiKeyHeader.trim() : null);
  if (!token) return null;
  if (token.startsWith("atk_")) return apiKeyViewer(db, token);
  return userViewer(await tokens.verify(token));
}

/** An API key's viewer: a VIEWER of its unit's subtree; revoked keys stop at once (checked on every request). */
export async function apiKeyViewer(db: DataSource, key: string): Promise<Viewer> {
  const parsed = parseApiKey(key);
  const row = parsed ? await db.getRepository(ApiKey).findOneBy({ prefix: parsed.prefix }) : null;
  if (!parsed || !row || !secretMatches(parsed.secret, row.secretHash)) {
    throw new ApiError(ErrorCode.UNAUTHENTICATED, "The API key is not valid.");
  }
  if (row.revokedAt) throw new ApiError(ErrorCode.UNAUTHENTICATED, "The API key was revoked.");
  const unit = await db.getRepository(OrgUnit).findOneByOrFail({ id: row.unitId });
  return {
    userId: 0,
    username: `apikey:${row.prefix}`,
    roles: [Role.VIEWER],
    unitId: unit.id,
    unitPath: unit.path,
    memberId: null,
    apiKeyId: row.id,
  };
}
/**
 * The viewer a user id names, from the user's row and their unit's path, read together in one statement. The
 * authenticator caches the result (see authenticator.ts for when a change takes effect).
 */
export async function viewerOf(db: DataSource, userId: number): Promise<Viewer> {
  const row = await db
    .getRepository(User)
    .createQueryBuilder("u")
    .innerJoin(OrgUnit, "ou", "ou.id = u.unitId")
    .select("u.id", "id")
    .addSelect("u.username", "username")
    .addSelect("u.roles", "roles")
    .addSelect("u.active", "active")
    .addSelect("u.memberId", "memberId")
    .addSelect("ou.id", "unitId")
    .addSelect("ou.path", "unitPath")
    .where("u.id = :userId", { userId })
    .getRawOne<{
      id: number | string;
      username: string;
      roles: string | null;
      active: boolean | number | string | null;
      memberId: number | string | null;
      unitId: number | string;
      unitPath: string;
    }>();
  if (!row || !isTrue(row.active))
    throw new ApiError(ErrorCode.UNAUTHENTICATED, "The account is disabled or gone; sign in again.");
  return {
    userId: Number(row.id),
    username: row.username,
    // As TypeORM reads a simple-array column.
    roles: (row.roles ? row.roles.split(",") : []) as Role[],
    unitId: Number(row.unitId),
    unitPath: row.unitPath,
    memberId: row.memberId == null ? null : Number(row.memberId),
  };
}

/** A boolean column as a driver returns it raw: true/false, 1/0 or "1"/"0". */
function isTrue(value: boolean | number | string | null): boolean {
  return value === true || value === 1 || value === "1";
}
