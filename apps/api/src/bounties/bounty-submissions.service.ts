import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@lastmile/config';
import { Database, type BountyProgram } from '@lastmile/persistence';
import {
  canonicalPredicate,
  checkVocabulary,
  parsePredicate,
  PredicateError,
  type Predicate,
} from '@lastmile/scenarios';
import { parseSliceUpload, SliceValidationError, type SliceLimits } from '@lastmile/slices';
import { AuditService } from '../common/audit.service';
import { isUniqueViolation } from '../common/postgres-errors';
import { conflict, invalid, notFound, ProblemException } from '../common/problem.exception';
import { APP_CONFIG } from '../config.token';
import type { Principal } from '../auth/principal';
import { BountiesService } from './bounties.service';
import type { SubmissionBody } from './bounty.dto';
import { BountyVerifier } from './bounty-verifier';
import { ownerSubmissionView, researcherSubmissionView } from './bounty-views';

/** Researchers' submissions: refused early when malformed or over a limit, then verified in order. */
@Injectable()
export class BountySubmissionsService {
  constructor(
    private readonly database: Database,
    private readonly programs: BountiesService,
    private readonly verifier: BountyVerifier,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async submit(principal: Principal, programId: string, body: SubmissionBody) {
    const program = await this.programs.visible(principal, programId);
    const predicate = await this.parse(program, body.predicate);
    await this.programs.checkCanSubmit(principal, program);
    const canonical = canonicalPredicate(predicate);
    const earlier = await this.database.stores.bounties.findByPredicate(programId, canonical);
    if (earlier) throw this.duplicate(earlier.id);
    const items = body.items ? await this.parseItems(body.items) : null;
    let id: string;
    try {
      id = await this.database.transaction(async (stores) => {
        // Again under the program's lock: two requests at once cannot both take the last place.
        await stores.bounties.lockProgram(programId);
        await this.programs.checkCanSubmit(principal, program, stores);
        let itemsSliceId: string | null = null;
        if (items) {
          const name = `bounty-items:${programId}:${randomUUID()}`;
          itemsSliceId = (await stores.slices.store(null, name, items)).slice.id;
          await stores.bounties.claimSlice(itemsSliceId, programId);
        }
        const submission = await stores.bounties.createSubmission({
          programId,
          researcherKeyId: principal.keyId,
          predicate: canonical,
          source: body.predicate,
          itemsSliceId,
        });
        await this.audit.record(
          principal,
          'submit',
          'bounty_submission',
          submission.id,
          { programId },
          stores,
        );
        return submission.id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw this.duplicate(null);
      throw error;
    }
    await this.verifier.settle(programId);
    return this.view(
      principal,
      (await this.database.stores.bounties.findSubmission(programId, id))!,
    );
  }

  async list(principal: Principal, programId: string) {
    await this.programs.visible(principal, programId);
    await this.verifier.settle(programId);
    const own = principal.role === 'researcher' ? principal.keyId : undefined;
    const submissions = await this.database.stores.bounties.submissions(programId, own);
    return submissions.map((s) => this.view(principal, s));
  }

  async get(principal: Principal, programId: string, id: string) {
    await this.programs.visible(principal, programId);
    await this.verifier.settle(programId);
    const submission = await this.database.stores.bounties.findSubmission(programId, id);
    if (
      !submission ||
      (principal.role === 'researcher' && submission.researcherKeyId !== principal.keyId)
    )
      throw notFound('submission', id);
    return this.view(principal, submission);
  }

  async leaderboard(principal: Principal, programId: string) {
    await this.programs.visible(principal, programId);
    await this.verifier.settle(programId);
    const rows = await this.database.stores.bounties.leaderboard(programId);
    return rows.map((row, i) => ({ rank: i + 1, ...row }));
  }

  private view(principal: Principal, submission: Parameters<typeof ownerSubmissionView>[0]) {
    return principal.role === 'researcher'
      ? researcherSubmissionView(submission)
      : ownerSubmissionView(submission);
  }

  /** The predicate, parsed and checked against the pool's attributes: a 400 naming the position. */
  private async parse(program: BountyProgram, source: string): Promise<Predicate> {
    try {
      const predicate = parsePredicate(source);
      const [pool] = await this.database.stores.slices.byIds([program.poolSliceId]);
      checkVocabulary(predicate, pool?.attributes ?? {});
      return predicate;
    } catch (error) {
      if (!(error instanceof PredicateError)) throw error;
      throw invalid(`predicate is invalid ${error.message}`, [
        { field: 'predicate', reason: error.message },
      ]);
    }
  }

  private async parseItems(items: Record<string, unknown>[]) {
    const data = Buffer.from(items.map((item) => JSON.stringify(item)).join('\n') + '\n');
    try {
      return await parseSliceUpload(
        { filename: 'items.jsonl', contentType: 'application/x-ndjson', data },
        {
          ...(this.config.LASTMILE_SLICE_LIMITS as Partial<SliceLimits>),
          maxBytes: this.config.LASTMILE_MAX_UPLOAD_BYTES,
          maxItems: this.config.LASTMILE_MAX_SLICE_ITEMS,
          maxAudioSeconds: this.config.LASTMILE_MAX_AUDIO_SECONDS,
        },
      );
    } catch (error) {
      if (error instanceof SliceValidationError) {
        // The parser names lines of the JSONL the items became (line n is items[n − 1]) and the
        // upload as a whole; a client maps `errors[].field` onto the body it sent.
        const problems = error.problems.map(({ field, reason }) => ({
          field: itemsField(field),
          reason,
        }));
        const count = `${error.problemCount} problem${error.problemCount === 1 ? '' : 's'}`;
        const first = problems[0] ? `: ${problems[0].field}: ${problems[0].reason}` : '';
        throw new ProblemException(
          422,
          'Unprocessable Content',
          `items were refused: ${count}${first}`,
          problems,
        );
      }
      throw error;
    }
  }

  private duplicate(id: string | null) {
    return conflict(
      `this subset was already submitted to the program${id ? ` (submission ${id})` : ''}: the sealed pool answers a question once`,
    );
  }
}

/** A problem's field in the body's terms: `rows[2].references` (a JSONL line) → `items[1].references`. */
export function itemsField(field: string): string {
  if (field === 'upload') return 'items';
  return field.replace(/^rows\[(\d+)\]/, (_, line: string) => `items[${Number(line) - 1}]`);
}
