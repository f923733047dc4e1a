/**
 * Signals the execution of a job whose lock this worker failed to renew (the queue was down
 * longer than the lock): the queue will hand the job to a worker again, so this execution
 * should stop rather than run alongside the next one. BullMQ only emits `lockRenewalFailed`.
 */
export class JobLockWatch {
  private readonly executions = new Map<string, AbortController>();

  /** Registers the execution now holding `jobId`; release it when the execution ends. */
  watch(jobId: string): { signal: AbortSignal; release(): void } {
    const controller = new AbortController();
    this.executions.set(jobId, controller);
    return {
      signal: controller.signal,
      release: () => {
        if (this.executions.get(jobId) === controller) this.executions.delete(jobId);
      },
    };
  }

  lost(jobIds: string[]): void {
    for (const jobId of jobIds) this.executions.get(jobId)?.abort();
  }
}
