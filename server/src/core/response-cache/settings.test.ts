import { responseCacheSettings } from "./settings";

describe("responseCacheSettings", () => {
  it("is on, 64 MiB and 60 s by default", () => {
    expect(responseCacheSettings({})).toEqual({ enabled: true, maxBytes: 64 * 1024 * 1024, ttlMs: 60_000 });
  });

  it("reads RESPONSE_CACHE, RESPONSE_CACHE_MAX_MB and RESPONSE_CACHE_TTL_SECONDS", () => {
    expect(
      responseCacheSettings({
        RESPONSE_CACHE: "off",
        RESPONSE_CACHE_MAX_MB: "0.5",
        RESPONSE_CACHE_TTL_SECONDS: "5",
      }),
    ).toEqual({ enabled: false, maxBytes: 512 * 1024, ttlMs: 5_000 });
  });

  it("refuses values it cannot use", () => {
    expect(() => responseCacheSettings({ RESPONSE_CACHE: "maybe" })).toThrow(/RESPONSE_CACHE/);
    expect(() => responseCacheSettings({ RESPONSE_CACHE_MAX_MB: "-1" })).toThrow(/RESPONSE_CACHE_MAX_MB/);
    expect(() => responseCacheSettings({ RESPONSE_CACHE_TTL_SECONDS: "soon" })).toThrow(/TTL/);
  });
});
