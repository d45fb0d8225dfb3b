// The browser side of the class-hour ledger: heartbeats are queued in localStorage before they are
// sent, so nothing is lost to a dropped connection, a closed tab or a reload. The queue is flushed
// with fetch while online, with navigator.sendBeacon when the page is hidden, and again on reconnect
// and on the next page load; the server recognises repeats, so sending twice is harmless.

export type QueuedBeat = {
  lessonId: string;
  tabId: string;
  seq: number;
  watchedSeconds: number;
  position: number;
  visible: boolean;
  active: boolean;
  /** Browser time the heartbeat was made, for its age when sent. */
  madeAt: number;
};

export type LessonTotals = { creditedSeconds: number; furthestSeconds: number; completed: boolean };
type Response = { outcomes: { seq: number; tabId: string; status: string }[]; lessons: Record<string, LessonTotals> };

const ENDPOINT = "/api/learning/heartbeats";
const MAX_QUEUE = 500;

export class HeartbeatQueue {
  private sending = false;
  constructor(private readonly key: string) {}

  read(): QueuedBeat[] {
    try {
      const raw = localStorage.getItem(this.key);
      return raw ? (JSON.parse(raw) as QueuedBeat[]) : [];
    } catch {
      return [];
    }
  }

  private write(beats: QueuedBeat[]) {
    try {
      localStorage.setItem(this.key, JSON.stringify(beats.slice(-MAX_QUEUE)));
    } catch {
      // Storage full or unavailable: the beat stays in memory for this page only.
    }
  }

  push(beat: QueuedBeat) {
    this.write([...this.read(), beat]);
  }

  private payload(beats: QueuedBeat[]) {
    const now = Date.now();
    return JSON.stringify({
      beats: beats.map(({ madeAt, ...b }) => ({ ...b, ageSeconds: Math.max(0, (now - madeAt) / 1000) })),
    });
  }

  /** Sends everything queued; removes what the server acknowledged. Returns the lessons' totals. */
  async flush(): Promise<Record<string, LessonTotals> | null> {
    if (this.sending) return null;
    const beats = this.read();
    if (beats.length === 0) return null;
    this.sending = true;
    try {
      const res = await fetch(ENDPOINT, { method: "POST", headers: { "content-type": "application/json" }, body: this.payload(beats), keepalive: true });
      if (!res.ok) {
        // 4xx other than auth: the batch can never be accepted; drop it rather than retry forever.
        if (res.status >= 400 && res.status < 500 && res.status !== 401 && res.status !== 429) this.remove(beats);
        return null;
      }
      const body = (await res.json()) as Response;
      this.remove(beats.filter((b) => body.outcomes.some((o) => o.tabId === b.tabId && o.seq === b.seq)));
      return body.lessons;
    } catch {
      return null; // offline: keep the queue for later
    } finally {
      this.sending = false;
    }
  }

  /** For a page being hidden or closed: hands the queue to the browser, which sends it even after unload. */
  beacon() {
    const beats = this.read();
    if (beats.length === 0 || typeof navigator.sendBeacon !== "function") return;
    navigator.sendBeacon(ENDPOINT, new Blob([this.payload(beats)], { type: "application/json" }));
    // Kept in the queue: if the beacon is lost it goes again next time; if not, it is a duplicate.
  }

  private remove(sent: QueuedBeat[]) {
    const done = new Set(sent.map((b) => `${b.tabId}:${b.seq}`));
    this.write(this.read().filter((b) => !done.has(`${b.tabId}:${b.seq}`)));
  }
}
