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
    const empty = [...Object.entries(vi), ...Object.entries(en)].filter(([, message]) => !message.trim());
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const keys = Object.keys(vi) as (keyof typeof vi)[];
    const differing = keys.filter((key) => placeholders(en[key]).join() !== placeholders(vi[key]).join());
    expect(differing).toEqual([]);
  });

  it("write Vietnamese with its diacritics, in precomposed form", () => {
    expect(vi["app.name"]).toBe("Cán bộ phụ trách");
    expect(vi["nav.overview"]).toBe("Tổng quan");
    expect(vi["nav.units"]).toBe("Đơn vị");
    const decomposed = Object.entries(vi).filter(([, message]) => message !== message.normalize("NFC"));
    expect(decomposed.map(([key]) => key)).toEqual([]);
  });

  it("name every unit kind, pledge status and role", () => {
    const keys = [
      ...UNIT_KINDS.map((kind) => `kind.${kind}`),
      ...UNIT_KINDS.map((kind) => `unitTitle.${kind}`),
      ...PLEDGE_STATUSES.map((status) => `pledgeStatus.${status}`),
      ...ROLES.map((role) => `role.${role}`),
    ];
    expect(keys.filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it("put the unit's name in every unit title", () => {
    const without = UNIT_KINDS.filter(
      (kind) => !vi[`unitTitle.${kind}`].includes("{name}") || !en[`unitTitle.${kind}`].includes("{name}"),
    );
    expect(without).toEqual([]);
  });

  it("say the sign-in errors as the brief words them", () => {
    expect(vi["error.INVALID_CREDENTIALS"]).toBe("Sai tên đăng nhập hoặc mật khẩu.");
    expect(en["error.INVALID_CREDENTIALS"]).toBe("Wrong user name or password.");
    for (const key of ["error.TOKEN_EXPIRED", "error.UNAUTHENTICATED"] as const) {
      expect(vi[key]).toMatch(/đăng nhập lại/);
      expect(en[key]).toMatch(/sign in again/);
    }
  });
});
