// Auth.js's own endpoints (session, CSRF token, sign-out). Sign-in goes through the login action.
import { handlers } from "@/lib/auth";

export const { GET, POST } = handlers;
