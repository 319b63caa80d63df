import { describe, expect, it } from "vitest";
import { PLEDGE_STATUSES, ROLES, UNIT_KINDS } from "../apollo/schema-types";
import { en } from "./messages.en";
import { vi } from "./messages.vi";
import { isMessageKey } from "./translate";

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message dictionaries", () => {
  it("have the same keys in Vietnamese and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it("have no empty message", () => {
    for (const [key, message] of [...Object.entries(vi), ...Object.entries(en)]) {
      expect(message.trim(), key).not.toBe("");
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });

  it("write Vietnamese with its diacritics, in precomposed form", () => {
    expect(vi["app.name"]).toBe("Cán bộ phụ trách");
    expect(vi["nav.overview"]).toBe("Tổng quan");
    expect(vi["nav.units"]).toBe("Đơn vị");
    for (const [key, message] of Object.entries(vi)) {
      expect(message, key).toBe(message.normalize("NFC"));
    }
  });

  it("name every unit kind, pledge status and role", () => {
    for (const kind of UNIT_KINDS) expect(isMessageKey(`kind.${kind}`), kind).toBe(true);
    for (const kind of UNIT_KINDS) expect(isMessageKey(`unitTitle.${kind}`), kind).toBe(true);
    for (const status of PLEDGE_STATUSES) expect(isMessageKey(`pledgeStatus.${status}`), status).toBe(true);
    for (const role of ROLES) expect(isMessageKey(`role.${role}`), role).toBe(true);
  });

  it("put the unit's name in every unit title", () => {
    for (const kind of UNIT_KINDS) {
      expect(vi[`unitTitle.${kind}`], kind).toContain("{name}");
      expect(en[`unitTitle.${kind}`], kind).toContain("{name}");
    }
  });

  it("say the sign-in errors as the brief words them", () => {
    expect(vi["error.INVALID_CREDENTIALS"]).toBe("Sai tên đăng nhập hoặc mật khẩu.");
    expect(en["error.INVALID_CREDENTIALS"]).toBe("Wrong user name or password.");
    for (const key of ["error.TOKEN_EXPIRED", "error.UNAUTHENTICATED"] as const) {
      expect(vi[key], key).toMatch(/đăng nhập lại/);
      expect(en[key], key).toMatch(/sign in again/);
    }
  });
});
