import "server-only";
import { forbidden, notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Awaits a page's data; typed Forbidden / NotFound become the 403 / 404 pages. */
export async function pageData<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") forbidden();
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
