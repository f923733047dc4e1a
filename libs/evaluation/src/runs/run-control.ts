/** Why a run stopped before its last item: asked to (cancel) or the process is going away. */
export class RunInterrupted extends Error {
  constructor(readonly reason: 'cancelled' | 'shutdown') {
    super(`run interrupted: ${reason}`);
  }
}
