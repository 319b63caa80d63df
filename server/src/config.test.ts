import { loadConfig } from "./config";

describe("loadConfig", () => {
  it("defaults to the embedded SQLite on port 4000", () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe("");
    expect(config.PORT).toBe(4000);
  });

  it("accepts a MySQL URL", () => {
    expect(loadConfig({ DATABASE_URL: "mysql://root@127.0.0.1:3306/test" }).DATABASE_URL).toBe(
      "mysql://root@127.0.0.1:3306/test",
    );
  });

  it("fails at once, naming every bad variable", () => {
    expect(() => loadConfig({ PORT: "eighty", DATABASE_URL: "postgres://x/y" })).toThrow(
      /PORT: expected an integer[\s\S]*DATABASE_URL: only mysql/,
    );
  });
});
