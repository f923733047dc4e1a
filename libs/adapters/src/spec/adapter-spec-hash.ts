import { readFileSync } from 'node:fs';
import type { ModelRequest } from '../model-adapter';
import { parseAdapterSpec } from './parse-adapter-spec';
import type { AdapterSpec, AdapterSpecInput } from './adapter-spec.schema';
import { canonicalJson, sha256Hex } from '@lastmile/hashing';

/**
 * sha256 of the canonical JSON of the validated spec (defaults filled in), without `limits`:
 * timeouts, retries and rate limits change how a model is called, not what it answers, so they
 * must not split provenance or invalidate cached responses.
 */
export function adapterSpecHash(spec: AdapterSpec | AdapterSpecInput): string {
  const { limits: _limits, ...identity } = parseAdapterSpec(spec);
  return sha256Hex(canonicalJson(identity));
}

/**
 * Key for a response cache: the spec hash plus everything in the request that reaches the model.
 * Audio counts by content (sha256 of the bytes; a path is read synchronously), not by path.
 */
export function requestHash(specHash: string, request: ModelRequest): string {
  const { audio } = request;
  const audioIdentity = audio && {
    sha256: sha256Hex(audio.data ?? readFileSync(requireAudioPath(audio))),
    filename: audio.filename,
    mimeType: audio.mimeType,
  };
  return sha256Hex(
    canonicalJson({
      spec: specHash,
      prompt: request.prompt,
      messages: request.messages,
      params: request.params,
      audio: audioIdentity,
    }),
  );
}

function requireAudioPath(audio: NonNullable<ModelRequest['audio']>): string {
  if (audio.path === undefined) throw new TypeError('request.audio needs a path or data');
  return audio.path;
}
