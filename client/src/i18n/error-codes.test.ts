import { en } from "./messages.en";
import { vi } from "./messages.vi";
import { readRepoFile } from "../test/repo-file.cjs";

// The server's one module of error codes (STYLE.md: errors are data; the client switches on codes).
const errorsSource = readRepoFile("server/src/core/errors.ts");
// The query limits (depth, aliases, cost…) and the rate limit have their own codes beside them.
const limitsSource = readRepoFile("server/src/core/query-limits.ts");
const rateLimitSource = readRepoFile("server/src/core/rate-limit.ts");

const declared = (source: string) => [...source.matchAll(/^\s+([A-Z_]+): "\1",$/gm)].map((match) => match[1]);
const codes = [
  ...declared(errorsSource),
  ...declared(limitsSource),
  ...[...rateLimitSource.matchAll(/code: "([A-Z_]+)"/g)].map((match) => match[1]),
];

describe("every error code the API sends", () => {
  it("is found in the server's module", () => {
    expect(codes.length).toBeGreaterThan(20);
    expect(codes).toContain("NTM_CRITERIA_NOT_MET");
    expect(codes).toContain("QUERY_TOO_COSTLY");
    expect(codes).toContain("RATE_LIMITED");
  });

  it.each(codes)("%s has a sentence in Vietnamese and English", (code) => {
    expect(vi).toHaveProperty([`error.${code}`]);
    expect(en).toHaveProperty([`error.${code}`]);
  });
});
