/** The practice portal for one E2E file: started before its tests, stopped after them. */
import { afterAll, beforeAll } from 'vitest';
import { RECOVER_ENTRY } from '../../portal/pages/recover';
import { createPortalServer, type PortalServer, type PortalServerOptions } from '../../portal/server';

export interface PracticePortal {
  /** The running server (its world, clock, config and URLs). */
  readonly server: PortalServer;
  /** The recovery form's address on the mapped IESS host. */
  readonly entryUrl: string;
}

export function usePracticePortal(options: PortalServerOptions = {}): PracticePortal {
  let server: PortalServer | null = null;
  beforeAll(async () => {
    server = createPortalServer(options);
    await server.start();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the practice portal has not started yet');
      return server;
    },
    get entryUrl() {
      return `${this.server.urls.app}${RECOVER_ENTRY}`;
    },
  };
}
