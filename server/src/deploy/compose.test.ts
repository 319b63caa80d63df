import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findNginx } from "../../../scripts/scale-local-core.cjs";

const REPO = path.resolve(__dirname, "..", "..", "..");
const COMPOSE_FILE = path.join(REPO, "docker", "compose.yaml");
const REQUIRE_SERVICES = process.env.REQUIRE_SERVICES === "1";

/** `docker compose` (the v2 plugin) when installed, else Debian's `docker-compose` (1.29); neither needs an engine for `config`. */
function composeCommand(): { cmd: string[]; reason: null } | { cmd: null; reason: string } {
  const v2 = spawnSync("docker", ["compose", "version"], { encoding: "utf8" });
  if (v2.status === 0) return { cmd: ["docker", "compose"], reason: null };
  const v1 = spawnSync("docker-compose", ["version"], { encoding: "utf8" });
  if (v1.status === 0) return { cmd: ["docker-compose"], reason: null };
  return {
    cmd: null,
    reason:
      "neither `docker compose` nor `docker-compose` is installed (apt-get install docker-compose; .ci/run does)",
  };
}

const compose = composeCommand();

function run(args: string[], env: Record<string, string> = {}) {
  const [bin, ...pre] = compose.cmd!;
  return spawnSync(bin, [...pre, "-f", COMPOSE_FILE, "-p", "assignment-tracker", ...args], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, JWT_SECRET: "compose-test-secret-0123456789abcdef", ...env },
  });
}

if (compose.reason && !REQUIRE_SERVICES) {
  console.warn(`SKIPPED "docker/compose.yaml": ${compose.reason}`);
  describe.skip(`the production shape in docker/compose.yaml (skipped: ${compose.reason})`, () => {
    it("parses", () => undefined);
  });
} else {
  describe("the production shape in docker/compose.yaml", () => {
    if (compose.reason) {
      it("needs docker compose or docker-compose (REQUIRE_SERVICES=1)", () => {
        throw new Error(compose.reason);
      });
      return;
    }

    it("is valid for `compose config`, with MySQL 8, Redis, two API instances and nginx in front", () => {
      const result = run(["config"]);
      expect(result.stderr).not.toMatch(/invalid|error/i);
      expect(result.status).toBe(0);
      const services = run(["config", "--services"]).stdout.trim().split("\n").sort();
      expect(services).toEqual(["api-1", "api-2", "migrate", "mysql", "nginx", "redis"]);
      const text = result.stdout;
      expect(text).toMatch(/image: mysql:8\.\d+/);
      expect(text).toMatch(/image: redis:7/);
      // The API instances share one database, one Redis and one token secret, and know they sit behind a proxy.
      expect(text.match(/DATABASE_URL: mysql:\/\/tracker:\S+@mysql:3306\/tracker/g)?.length).toBe(3);
      expect(text.match(/REDIS_URL: redis:\/\/redis:6379/g)?.length).toBe(3);
      expect(text.match(/JWT_SECRET: compose-test-secret-0123456789abcdef/g)?.length).toBe(3);
      expect(text).toMatch(/INSTANCE_ID: api-1/);
      expect(text).toMatch(/INSTANCE_ID: api-2/);
      expect(text.match(/target: api/g)?.length).toBe(3);
      expect(text).toMatch(/target: web/);
      expect(text).toMatch(/condition: service_completed_successfully/);
      expect(text).toMatch(/published: "?8080"?|8080:80/);
    });

    it("has an nginx.conf that nginx accepts (api-N hosts mapped to loopback for the check)", () => {
      const nginx = findNginx();
      if (!nginx) {
        if (REQUIRE_SERVICES) throw new Error("nginx is not installed (apt-get install nginx)");
        console.warn('SKIPPED "docker/nginx.conf syntax": nginx is not installed');
        return;
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nginx-check-"));
      try {
        const site = fs
          .readFileSync(path.join(REPO, "docker", "nginx.conf"), "utf8")
          .replace(/server api-\d+:4000/g, "server 127.0.0.1:4000");
        expect(site).toMatch(/proxy_set_header Upgrade \$http_upgrade/);
        expect(site).toMatch(/location = \/metrics \{\s*return 404;/);
        fs.writeFileSync(path.join(dir, "site.conf"), site);
        fs.writeFileSync(
          path.join(dir, "nginx.conf"),
          `pid ${dir}/nginx.pid; error_log ${dir}/error.log; events {}
           http { client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir};
                  uwsgi_temp_path ${dir}; scgi_temp_path ${dir}; access_log off; include ${dir}/site.conf; }`,
        );
        const result = spawnSync(
          nginx,
          ["-t", "-p", dir, "-e", path.join(dir, "error.log"), "-c", path.join(dir, "nginx.conf")],
          {
            encoding: "utf8",
          },
        );
        expect(result.stderr).toMatch(/syntax is ok/);
        expect(result.status).toBe(0);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it("refuses to start without a shared JWT_SECRET", () => {
      const result = run(["config"], { JWT_SECRET: "" });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/JWT_SECRET/);
    });
  });
}
