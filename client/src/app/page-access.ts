import type { Role } from "../apollo/schema-types";

/**
 * Who a page is for: everyone, signed-in users, or users with one of some roles. It only keeps the menu to
 * pages with something for the user; the server decides what each one sees, and a page opened by its address
 * says itself why it shows nothing (sign in, not for your role).
 */
export type PageAudience = "everyone" | "signedIn" | readonly Role[];

/** `roles` is null for anonymous visitors. */
export function isPageFor(audience: PageAudience | undefined, roles: readonly Role[] | null): boolean {
  if (!audience || audience === "everyone") return true;
  if (!roles) return false;
  if (audience === "signedIn") return true;
  return audience.some((role) => roles.includes(role));
}
