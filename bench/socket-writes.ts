import net from 'node:net';

type WriteGeneric = (this: net.Socket, writev: boolean, data: unknown, encoding: string, cb: (e?: Error) => void) => void;

/**
 * Counts the socket writes (system calls: one per `_writeGeneric`, Node's internal write or writev)
 * of every TCP socket in this process while `fn` runs. Unlike wall time on a shared machine, this
 * count does not depend on what else runs: it says how many round trips a command costs.
 */
export async function countingSocketWrites<T>(fn: () => Promise<T>): Promise<{ result: T; writes: number; byPort: Record<string, number> }> {
  const proto = net.Socket.prototype as unknown as { _writeGeneric: WriteGeneric };
  const original = proto._writeGeneric;
  let writes = 0;
  const byPort: Record<string, number> = {};
  proto._writeGeneric = function (this: net.Socket, writev, data, encoding, cb) {
    writes++;
    const port = String(this.remotePort);
    byPort[port] = (byPort[port] ?? 0) + 1;
    return original.call(this, writev, data, encoding, cb);
  };
  try {
    return { result: await fn(), writes, byPort };
  } finally {
    proto._writeGeneric = original;
  }
}
