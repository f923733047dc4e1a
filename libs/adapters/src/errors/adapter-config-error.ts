/** A spec or deployment setting that makes an adapter impossible to create (thrown by createAdapter). */
export class AdapterConfigError extends Error {
  override readonly name = 'AdapterConfigError';
}
