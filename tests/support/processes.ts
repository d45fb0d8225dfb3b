// A TypeScript script of tests/support run in a process of its own (through tsx), for the fault tests: a
// process that can be killed (kill -9) or that holds a lock while this one works.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type Script = {
  child: ChildProcess;
  /** Resolves with the first line of standard output that starts with `marker`; rejects if the process ends first. */
  waitFor: (marker: string) => Promise<string>;
  /** Resolves when the process has ended, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it wrote to standard error so far (for failure messages). */
  stderr: () => string;
};

/**
 * Runs `node --import tsx <script> …args`. `reactServer` adds the react-server condition, which modules
 * marked `import "server-only"` (every features/<area>/data.ts) require outside Next.
 */
export function runScript(script: string, args: string[], opts: { env?: Record<string, string>; reactServer?: boolean } = {}): Script {
  const child = spawn(process.execPath, [...(opts.reactServer ? ["--conditions", "react-server"] : []), "--import", "tsx", path.join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const waiting: { marker: string; resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  const check = () => {
    const lines = out.split("\n");
    for (const w of [...waiting]) {
      const line = lines.find((l) => l.startsWith(w.marker));
      if (line !== undefined) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
    check();
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      check();
      for (const w of waiting.splice(0)) w.reject(new Error(`${script} ended (${signal ?? code}) before printing ${w.marker}:\n${err}`));
      resolve({ code, signal });
    }),
  );
  return {
    child,
    exited,
    stderr: () => err,
    waitFor: (marker) =>
      new Promise<string>((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          const line = out.split("\n").find((l) => l.startsWith(marker));
          return line !== undefined ? resolve(line) : reject(new Error(`${script} has ended:\n${err}`));
        }
        waiting.push({ marker, resolve, reject });
        check();
      }),
  };
}
