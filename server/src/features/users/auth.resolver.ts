import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context";
import { verifyPassword } from "../../core/auth/password";
import { freshViewer } from "../../core/auth/authenticator";
import { ApiError, ErrorCode } from "../../core/errors";
import { DateTimeScalar } from "../../core/scalars";
import { Member } from "../members/member.entity";
import { memberById } from "../members/member.service";
import { OrgUnit } from "../org-units/org-unit.entity";
import { unitById } from "../org-units/org-unit.service";
import { User } from "./user.entity";

@ObjectType("AuthPayload", {
  description: "A signed-in session: send the token as `Authorization: Bearer <token>`.",
})
export class AuthPayload {
  @Field({
    description:
      'Access token (JWT), also accepted in graphql-ws `connection_init` as `{ authorization: "Bearer …" }`.',
  })
  token: string;
  @Field(() => DateTimeScalar, { description: "When the token stops working; sign in again then." })
  expiresAt: Date;
  @Field(() => User, { description: "Who signed in." })
  user: User;
}

@Resolver(() => User)
export class AuthResolver {
  @Mutation(() => AuthPayload, {
    description: "Signs in with a user name and password; fails with INVALID_CREDENTIALS.",
  })
  async signIn(
    @Ctx() ctx: Context,
    @Arg("username", { description: "Sign-in name." }) username: string,
    @Arg("password", { description: "Password." }) password: string,
  ): Promise<AuthPayload> {
    const user = await ctx.db.getRepository(User).findOneBy({ username: username.trim().toLowerCase() });
    // Verify against a fixed hash when the user is unknown, so that timing does not tell which names exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !ok || !user.active)
      throw new ApiError(ErrorCode.INVALID_CREDENTIALS, "Wrong user name or password.");
    const { token, expiresAt } = await ctx.tokens.issue(user.id);
    ctx.viewer = await freshViewer(ctx.db, user.id);
    ctx.loaders.clear();
    return { token, expiresAt, user };
  }

  @Query(() => User, { nullable: true, description: "The signed-in user; null for anonymous callers." })
  viewer(@Ctx() ctx: Context) {
    return ctx.viewer ? ctx.db.getRepository(User).findOneBy({ id: ctx.viewer.userId }) : null;
  }

  @FieldResolver(() => OrgUnit, { description: "The unit whose subtree the user sees and acts in." })
  unit(@Root() user: User, @Ctx() ctx: Context) {
    return unitById(ctx).load(user.unitId);
  }

  @FieldResolver(() => Member, { nullable: true, description: "The member record of a MEMBER user." })
  member(@Root() user: User, @Ctx() ctx: Context) {
    return user.memberId == null ? null : memberById(ctx).load(user.memberId);
  }
}

/** scrypt hash of a random string: verifying against it costs the same as against a real one. */
const UNKNOWN_USER_HASH =
  "scrypt$32768$8$1$0L8v3V4oI0bN5i2QkN0mJQ$1qG7n8c7w5Wm3kq8e0r7m7y2y9b8v0cY3q6g5Zr2Q8U";
