// Fixed arrival rates (an open model) for the benchmarks: requests are sent at their scheduled times
// whatever the server does, and each latency runs from the scheduled send time to the last byte, so a
// slow server cannot hide queueing. (autocannon's rate limit lets each connection send its quota for the
// second back to back and then pause: bursts, not a fixed rate. It drives the flat-out runs.) Plain
// node:http with keep-alive connections, the lightest client on the machine being measured.
import http from "node:http";

// Connections are kept alive within a phase and opened afresh for each (a connection left idle between
// phases may be closed by the server just as it is reused: a reset that is the client's doing).
export let agent = new http.Agent({ keepAlive: true, maxSockets: 4_096 });
export function freshConnections() {
  agent.destroy();
  agent = new http.Agent({ keepAlive: true, maxSockets: 4_096 });
}

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function post(base: URL, pathname: string, headers: Record<string, string>, body: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, path: pathname, method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error("timeout (30 s)")));
    req.on("error", reject);
    req.end(body);
  });
}


export type Outcome = { ok: boolean; detail?: string };
export type Timed = Outcome & { latency: number; lag: number };

/** Sends `n` requests evenly over `seconds`; each latency runs from its scheduled send time to the last byte. */
export async function burst<O extends Outcome>(n: number, seconds: number, send: (i: number) => Promise<O>): Promise<(O & { latency: number; lag: number })[]> {
  const interval = (seconds * 1000) / n;
  const t0 = performance.now() + 20;
  const results = new Array<O & { latency: number; lag: number }>(n);
  const pending: Promise<void>[] = [];
  let i = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (i < n && t0 + i * interval <= now) {
        const k = i++;
        const scheduled = t0 + k * interval;
        const lag = now - scheduled;
        pending.push(
          send(k).then(
            (o) => void (results[k] = { ...o, latency: performance.now() - scheduled, lag }),
            (e: unknown) => void (results[k] = { ok: false, detail: String((e as Error)?.message ?? e), latency: performance.now() - scheduled, lag } as O & { latency: number; lag: number }),
          ),
        );
      }
      if (i < n) setTimeout(tick, Math.max(0, t0 + i * interval - performance.now()));
      else resolve();
    };
    tick();
  });
  await Promise.all(pending);
  return results;
}

export const pct = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! : NaN);

