import type { Session, SessionUser } from '@atelier/db';

declare global {
  namespace App {
    interface Locals {
      user: SessionUser | null;
      session: Session | null;
      requestId: string;
    }
    interface Error {
      message: string;
      requestId?: string;
      /** A known error the page explains in the reader's language (expired invitation…). */
      code?: string;
    }
  }
}

export {};
