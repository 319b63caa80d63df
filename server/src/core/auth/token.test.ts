import { ApiError, ErrorCode } from "../errors";
import { createTokenAuthority } from "./token";

const config = {
  JWT_SECRET: "token-test-secret-that-is-long-enough-0123456789",
  DATA_DIR: "",
  TOKEN_TTL_SECONDS: 60,
};

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof ApiError ? error.extensions.code : String(error);
  }
};

describe("access tokens", () => {
  afterEach(() => jest.restoreAllMocks());

  it("verifies a token again from memory until it expires, then says TOKEN_EXPIRED", async () => {
    const tokens = createTokenAuthority(config);
    const { token, expiresAt } = await tokens.issue(42);
    expect(await tokens.verify(token)).toBe(42);
    expect(await tokens.verify(token)).toBe(42);
    const now = jest.spyOn(Date, "now");
    now.mockReturnValue(Math.floor(expiresAt.getTime() / 1000) * 1000 - 1000);
    expect(await tokens.verify(token)).toBe(42);
    now.mockReturnValue(Math.floor(expiresAt.getTime() / 1000) * 1000);
    expect(await codeOf(tokens.verify(token))).toBe(ErrorCode.TOKEN_EXPIRED);
  });

  it("keeps refusing what does not verify: another key, a changed payload, garbage", async () => {
    const tokens = createTokenAuthority(config);
    const other = createTokenAuthority({ ...config, JWT_SECRET: `${config.JWT_SECRET}-other` });
    const { token } = await tokens.issue(42);
    const foreign = (await other.issue(42)).token;
    const [header, , signature] = token.split(".");
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: "1", iss: "assignment-tracker", exp: 9e9 })).toString("base64url")}.${signature}`;
    for (let i = 0; i < 2; i++) {
      expect(await codeOf(tokens.verify(foreign))).toBe(ErrorCode.UNAUTHENTICATED);
      expect(await codeOf(tokens.verify(forged))).toBe(ErrorCode.UNAUTHENTICATED);
      expect(await codeOf(tokens.verify("not.a.token"))).toBe(ErrorCode.UNAUTHENTICATED);
    }
    expect(await tokens.verify(token)).toBe(42);
  });
});
