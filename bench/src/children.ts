import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { DIST } from "./paths.js";

export interface Child {
  process: ChildProcess;
  pid: number;
  /** The first match of `ready` in the child's output. */
  match: RegExpExecArray;
  tail(): string;
  stop(): Promise<void>;
}

/** Starts `node bench/dist/<entry>.js <args…>` and resolves when its output matches `ready`. */
export function startChild(
  entry: string,
  args: string[],
  ready: RegExp,
  options: { ipc?: boolean; nodeArgs?: string[] } = {},
): Promise<Child> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(DIST, entry), ...args], {
    stdio: options.ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + String(chunk)).slice(-8192);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${entry} did not start within 60 s:\n${output}`));
    }, 60_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}:\n${output}`));
    };
    child.once("exit", onExit);
    const onData = () => {
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.off("exit", onExit);
      child.stdout!.off("data", onData);
      resolve({
        process: child,
        pid: child.pid!,
        match,
        tail: () => output,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode != null || child.signalCode != null) return done();
            const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
            child.once("exit", () => {
              clearTimeout(kill);
              done();
            });
            child.kill("SIGTERM");
          }),
      });
    };
    child.stdout!.on("data", onData);
  });
}
