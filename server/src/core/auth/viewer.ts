import { subtreeUpperBound } from "../../features/org-units/org-unit.entity";
import { Role } from "../../features/users/user.entity";
import type { Context } from "../context";
import { ApiError, ErrorCode } from "../errors";

/** Who is calling, as the token says and the database confirmed. */
export interface Viewer {
  userId: number;
  username: string;
  roles: Role[];
  unitId: number;
  /** Materialised path of the user's unit: the subtree the user sees and acts in. */
  unitPath: string;
  memberId: number | null;
  /** Set when a third party's API key is calling: read-only, no personal fields, its own budget. */
  apiKeyId?: number | null;
}

export function hasRole(viewer: Viewer | null, ...roles: Role[]): boolean {
  return viewer != null && roles.some((role) => viewer.roles.includes(role));
}

/** True when the unit at `path` lies in the viewer's subtree (the viewer's unit included). */
export function covers(viewer: Viewer | null, path: string): boolean {
  return viewer != null && path >= viewer.unitPath && path < subtreeUpperBound(viewer.unitPath);
}

export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) throw new ApiError(ErrorCode.UNAUTHENTICATED, "Sign in first: this needs a user.");
  return ctx.viewer;
}

export function requireRole(ctx: Context, ...roles: Role[]): Viewer {
  const viewer = requireViewer(ctx);
  if (!hasRole(viewer, ...roles)) {
    throw new ApiError(ErrorCode.FORBIDDEN, `This needs the role ${roles.join(" or ")}.`, {
      requiredRoles: roles,
    });
  }
  return viewer;
}

/** The subtree a scoped list is cut to; UNAUTHENTICATED for anonymous callers. */
export function scopePath(ctx: Context): string {
  return requireViewer(ctx).unitPath;
}

/** Personal fields (phone, birth date, evaluations): ADMIN and COMMITTEE within their subtree, or the member themselves. */
export function seesPersonal(viewer: Viewer | null, member: { id: number; homeUnitPath: string }): boolean {
  if (!viewer) return false;
  if (viewer.memberId === member.id) return true;
  return hasRole(viewer, Role.ADMIN, Role.COMMITTEE) && covers(viewer, member.homeUnitPath);
}
