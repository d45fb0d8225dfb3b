// The crediting settings in force: the defaults of crediting.ts with the environment's overrides.
import "server-only";
import { env } from "@/lib/env";
import { CREDITING, type CreditingConfig } from "./crediting";

export function creditingConfig(): CreditingConfig {
  return { ...CREDITING, heartbeatSeconds: env.LEARNING_HEARTBEAT_SECONDS, idleSeconds: env.LEARNING_IDLE_SECONDS };
}
