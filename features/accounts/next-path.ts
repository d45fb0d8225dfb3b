// Where to go after signing in, when a page sent the visitor to the login with `?next=` (a survey's QR
// link). Only a path of this site is honoured, never another site: an open redirect would let a link
// that looks like ours send a trainee's phone anywhere once signed in.

/** The path if it is a same-site relative path (one leading `/`, no `//`, no backslash, no scheme). */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return null;
  // `//host` and `/\host` are protocol-relative URLs to browsers; control characters are stripped by them.
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\") || /[\u0000-\u001f\u007f\s]/.test(next)) return null;
  try {
    const base = "http://same.invalid";
    const url = new URL(next, base);
    if (url.origin !== base) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}
