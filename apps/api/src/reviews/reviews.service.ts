import { Injectable } from '@nestjs/common';
import { reviewAgreement, type ReviewAgreementReport } from '@lastmile/evaluation';
import { Database, type ReviewScope } from '@lastmile/persistence';
import { judgeQuestion, reviewLabel } from '@lastmile/scenarios';
import { AuditService } from '../common/audit.service';
import { conflict, invalid, notFound } from '../common/problem.exception';
import type { Principal } from '../auth/principal';
import type { AgreementQuery, NextReviewQuery, ReviewLabelBody } from './review.dto';

/**
 * Which review tasks a key reaches. Customer data goes to people its tenant's reviewers: a
 * reviewer key bound to a tenant sees that tenant's runs only, an unbound one the operator's own
 * runs (no tenant) only. Operator roles (admin, ml, oncall) see every tenant's.
 */
export function reviewScope(principal: Principal): ReviewScope {
  if (principal.role === 'reviewer' || principal.role === 'customer')
    return { all: false, tenantId: principal.tenantId };
  return { all: true };
}

/** The next answer to label, as a reviewer sees it (the judge's verdict is never shown). */
export interface NextReviewView {
  id: string;
  runId: string;
  planId: string | null;
  scenarioId: string;
  itemId: string;
  group: string;
  attributes: Record<string, string>;
  /** Why this one now: judge_and_people_disagree, judge_samples_disagree, second_opinion, sampled. */
  reason: string;
  /** People who labelled it so far (not what they said). */
  labels: number;
  question: string | null;
  answer: string | null;
  reference: string | null;
  rubric: string;
  label:
    | { kind: 'score'; min: number; max: number; passScore: number }
    | { kind: 'verdict'; values: ['win', 'tie', 'loss'] };
}

@Injectable()
export class ReviewsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  async next(principal: Principal, query: NextReviewQuery): Promise<NextReviewView | null> {
    const next = await this.database.stores.reviews.next(
      reviewScope(principal),
      principal.keyId,
      query,
    );
    if (!next) return null;
    const { task } = next;
    return {
      id: task.id,
      runId: task.runId,
      planId: next.planId,
      scenarioId: task.scenarioId,
      itemId: task.itemKey,
      group: task.stratum,
      attributes: next.attributes,
      reason: next.reason,
      labels: next.labels,
      // The question as the judge saw it: the input and a multiple-choice item's choices.
      question: next.input === null ? null : judgeQuestion(next),
      answer: next.answer,
      reference: next.reference,
      rubric: task.judge.rubric,
      label:
        task.judge.mode === 'single'
          ? {
              kind: 'score',
              min: task.judge.scale.min,
              max: task.judge.scale.max,
              passScore: task.judge.passScore,
            }
          : { kind: 'verdict', values: ['win', 'tie', 'loss'] },
    };
  }

  async label(principal: Principal, taskId: string, body: ReviewLabelBody) {
    const task = await this.database.stores.reviews.find(taskId, reviewScope(principal));
    if (!task) throw notFound('review task', taskId);
    const checked = reviewLabel(task.judge, body);
    if (!checked.ok)
      throw invalid(`${checked.field}: ${checked.reason}`, [
        { field: checked.field, reason: checked.reason },
      ]);
    return this.database.transaction(async (stores) => {
      const stored = await stores.reviews.addLabel({
        taskId,
        reviewerKeyId: principal.keyId,
        label: checked.label,
        score: checked.score,
        note: body.note ?? null,
      });
      if (!stored) throw conflict(`this key already labelled review task ${taskId}`);
      await this.audit.record(
        principal,
        'create',
        'review_label',
        taskId,
        { label: checked.label },
        stores,
      );
      return stored;
    });
  }

  async agreement(
    principal: Principal,
    query: AgreementQuery,
  ): Promise<ReviewAgreementReport & { scenarioId: string; planId: string | null }> {
    const scenario = await this.database.stores.scenarios.find(query.scenarioId);
    if (!scenario) throw notFound('scenario', query.scenarioId);
    const tasks = await this.database.stores.reviews.labelled(reviewScope(principal), {
      scenarioId: query.scenarioId,
      planId: query.planId,
    });
    return {
      scenarioId: query.scenarioId,
      planId: query.planId ?? null,
      ...reviewAgreement(tasks),
    };
  }
}
