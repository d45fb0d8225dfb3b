// The same-origin check of state-changing route-handler requests (lib/csrf.ts), as browsers send them:
// Origin on every POST/PUT/PATCH/DELETE (fetch, XMLHttpRequest, sendBeacon), Sec-Fetch-Site, Referer.
import { describe, expect, it } from "vitest";
import { checkOrigin } from "@/lib/csrf";

const URL_ = "http://gsyf.example.cn/api/learning/heartbeats";
const request = (method: string, headers: Record<string, string>, url = URL_) => new Request(url, { method, headers });

describe("checkOrigin", () => {
  it("passes a POST whose Origin is the host it was sent to", () => {
    expect(checkOrigin(request("POST", { host: "gsyf.example.cn", origin: "http://gsyf.example.cn" }))).toEqual({ ok: true });
    // TLS ends at the proxy: the browser says https, the app sees http. The host decides, as for server actions.
    expect(checkOrigin(request("POST", { host: "gsyf.example.cn", origin: "https://gsyf.example.cn" }))).toEqual({ ok: true });
  });

  it("passes the proxy's X-Forwarded-Host and PUBLIC_URL's host", () => {
    expect(checkOrigin(request("POST", { host: "10.0.0.5:3000", "x-forwarded-host": "gsyf.example.cn", origin: "https://gsyf.example.cn" }))).toEqual({ ok: true });
    expect(checkOrigin(request("DELETE", { host: "10.0.0.5:3000", origin: "https://gsyf.example.cn" }), "https://gsyf.example.cn")).toEqual({ ok: true });
  });

  it("refuses a cross-origin POST, DELETE, PUT and PATCH", () => {
    for (const method of ["POST", "DELETE", "PUT", "PATCH"]) {
      expect(checkOrigin(request(method, { host: "gsyf.example.cn", origin: "https://evil.example.com" }))).toEqual({ ok: false, reason: "crossOrigin" });
    }
  });

  it("refuses a sibling subdomain, another port and the opaque origin", () => {
    const host = { host: "gsyf.example.cn" };
    expect(checkOrigin(request("POST", { ...host, origin: "https://evil.gsyf.example.cn" })).ok).toBe(false);
    expect(checkOrigin(request("POST", { ...host, origin: "http://gsyf.example.cn:8080" })).ok).toBe(false);
    expect(checkOrigin(request("POST", { ...host, origin: "null" })).ok).toBe(false);
    expect(checkOrigin(request("POST", { ...host, origin: "not a url" })).ok).toBe(false);
  });

  it("without Origin, trusts Sec-Fetch-Site: same-origin only", () => {
    const host = { host: "gsyf.example.cn" };
    expect(checkOrigin(request("POST", { ...host, "sec-fetch-site": "same-origin" }))).toEqual({ ok: true });
    for (const site of ["same-site", "cross-site", "none"]) {
      expect(checkOrigin(request("POST", { ...host, "sec-fetch-site": site }))).toEqual({ ok: false, reason: "crossOrigin" });
    }
  });

  it("without Origin and Sec-Fetch-Site, compares the Referer", () => {
    const host = { host: "gsyf.example.cn" };
    expect(checkOrigin(request("POST", { ...host, referer: "http://gsyf.example.cn/learn/courses/x" }))).toEqual({ ok: true });
    expect(checkOrigin(request("POST", { ...host, referer: "https://evil.example.com/gsyf.example.cn" }))).toEqual({ ok: false, reason: "crossOrigin" });
  });

  it("refuses a state-changing request that says nothing of where it comes from", () => {
    expect(checkOrigin(request("POST", { host: "gsyf.example.cn" }))).toEqual({ ok: false, reason: "noOrigin" });
  });

  it("a request without Host is compared with its own URL", () => {
    expect(checkOrigin(new Request(URL_, { method: "POST", headers: { origin: "http://gsyf.example.cn" } }))).toEqual({ ok: true });
    expect(checkOrigin(new Request(URL_, { method: "POST", headers: { origin: "http://other.example.cn" } })).ok).toBe(false);
  });

  it("lets reads through: GET and HEAD change nothing", () => {
    expect(checkOrigin(request("GET", { host: "gsyf.example.cn", origin: "https://evil.example.com" }))).toEqual({ ok: true });
    expect(checkOrigin(request("HEAD", {}))).toEqual({ ok: true });
  });
});
