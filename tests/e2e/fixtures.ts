// Shared facts of the browser tests.
export const E2E_PORT = { sqlite: 3100, postgresql: 3101 } as const;

/** An account as a roster import creates it: it must change its password at first login. */
export const E2E_FORCED_CHANGE = { mobile: "13900000001", password: "Imported-2026" } as const;
