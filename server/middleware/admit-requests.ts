/**
 * Requests are let in one per turn of the event loop, in the order they came, and a request whose
 * client has already gone is dropped instead.
 *
 * One per turn: Node accepts one new connection per turn of its event loop (libuv's
 * `uv__server_io`), and left to itself it runs every request read in a turn before it looks at its
 * sockets again. At a million records a turn then held twenty searches (0.75 s): new connections
 * were accepted at about one a second, and a visitor's connection made while the server was busy
 * waited in the kernel's queue for tens of seconds (bench:live: suggestions and the home page, whose
 * connections came last, had no answer at all). Let in one at a time, each request is followed by
 * a look at the sockets: connections are accepted and requests read as they come, and each
 * request waits only for those that came before it.
 *
 * Dropped: while one long task holds the event loop, requests queue up; clients that give up (a
 * browser's reload, a monitor's or a load generator's 10 s timeout) close their connection and ask
 * again. Answering the abandoned copies too is work nobody reads, and past a point the queue only
 * grows. A closed connection is seen only once its end has been read from the socket, which
 * happens in the poll phase after the one that read the request: so a request waits two turns of
 * the event loop (microseconds on an idle server) before it is let in, or dropped.
 */
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';

export function admitRequests(onSkipped: () => void = () => undefined): RequestHandler {
  const waiting: { req: IncomingMessage; next: () => void }[] = [];
  let turning = false;
  const turn = () => {
    for (let request = waiting.shift(); request; request = waiting.shift()) {
      if (request.req.socket.destroyed || request.req.destroyed) {
        onSkipped();
        continue;
      }
      // Runs the request up to its first wait for I/O or a worker (its microtasks run before the next turn).
      request.next();
      break;
    }
    // An immediate set now runs in the next turn, after its poll phase (new connections, new requests).
    if (waiting.length > 0) setImmediate(turn);
    else turning = false;
  };
  return (req, _res, next) => {
    setImmediate(() => {
      waiting.push({ req, next: () => next() });
      if (turning) return;
      turning = true;
      setImmediate(turn);
    });
  };
}
