/**
 * Requests whose client has already gone are not answered. While one long task holds the event
 * loop (a heavy module loading for the first record page, a cold search at a million records),
 * requests queue up; clients that give up (a browser's reload, a monitor's or a load generator's
 * 10 s timeout) close their connection and ask again. Answering the abandoned copies too is work
 * nobody reads, and past a point the queue only grows: the server stays busy and answers nothing
 * in time. A closed connection is seen only once its end has been read from the socket, which
 * happens in the poll phase after the one that read the request: so the request waits two turns of
 * the event loop (microseconds on an idle server) before it is handled, or dropped.
 */
import type { RequestHandler } from 'express';

export function skipAbandonedRequests(onSkipped: () => void = () => undefined): RequestHandler {
  return (req, _res, next) => {
    setImmediate(() =>
      setImmediate(() => {
        if (req.socket.destroyed || req.destroyed) onSkipped();
        else next();
      }),
    );
  };
}
