import type { IncomingMessage } from "node:http";
import express from "express";
import { clientAddress, trustProxySetting, type TrustProxy } from "./client-address";

const request = (peer: string, forwarded?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwarded ? { "x-forwarded-for": forwarded } : {},
  }) as unknown as IncomingMessage;

/** express compiles the setting into the function it uses for req.ip; WebSocket upgrades use the same. */
const trustFn = (raw: string): TrustProxy => {
  const app = express();
  app.set("trust proxy", trustProxySetting(raw));
  return app.get("trust proxy fn") as TrustProxy;
};

describe("the caller's address behind proxies (TRUST_PROXY)", () => {
  it("ignores X-Forwarded-For when no proxy is trusted, so a caller cannot pick its own address", () => {
    expect(clientAddress(request("203.0.113.9", "1.2.3.4"), trustFn(""))).toBe("203.0.113.9");
  });

  it("takes the address one trusted hop (nginx) saw", () => {
    expect(clientAddress(request("10.0.0.2", "6.6.6.6, 198.51.100.7"), trustFn("1"))).toBe("198.51.100.7");
  });

  it("walks past trusted subnets only", () => {
    expect(
      clientAddress(request("127.0.0.1", "198.51.100.7, 10.1.2.3"), trustFn("loopback, 10.0.0.0/8")),
    ).toBe("198.51.100.7");
    expect(clientAddress(request("192.0.2.1", "198.51.100.7"), trustFn("loopback"))).toBe("192.0.2.1");
  });
});
